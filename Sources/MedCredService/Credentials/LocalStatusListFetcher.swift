public import MedCredCore

/// Answers for status list URLs under the service's own `statusBaseURL` from the ``CredentialService``
/// itself (no HTTP round trip to ourselves), and hands every other URL to `remote`.
public struct LocalStatusListFetcher: StatusListFetcher {
    /// Why a URL could not be fetched.
    public enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The URL is not under `statusBaseURL` and there is no remote fetcher.
        case notLocal(String)

        public var description: String {
            switch self {
            case .notLocal(let url): "no fetcher for status list \(url)"
            }
        }
    }

    /// The service that publishes the local lists.
    public let service: CredentialService
    /// The URL prefix of local lists.
    public let statusBaseURL: String
    /// Fetches other issuers' lists.
    public let remote: (any StatusListFetcher)?

    /// Creates a fetcher.
    public init(service: CredentialService, statusBaseURL: String, remote: (any StatusListFetcher)?) {
        self.service = service
        self.statusBaseURL = statusBaseURL
        self.remote = remote
    }

    public func fetch(_ url: String) async throws -> JSONValue {
        if url.hasPrefix(statusBaseURL) {
            let rest = url.dropFirst(statusBaseURL.count)
            let listID = String(rest.prefix { $0 != "#" && $0 != "?" })
            return try await service.statusListCredential(listID: listID).document
        }
        guard let remote else { throw FetchError.notLocal(url) }
        return try await remote.fetch(url)
    }
}
