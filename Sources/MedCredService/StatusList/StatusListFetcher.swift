public import MedCredCore

/// Fetches a `BitstringStatusListCredential` by its URL (over HTTP in production, from memory in tests).
public protocol StatusListFetcher: Sendable {
    /// The status list credential at `url`.
    /// - Parameter url: an entry's `statusListCredential`.
    /// - Returns: the credential JSON as received.
    /// - Throws: when it cannot be retrieved; the status check then cannot answer.
    func fetch(_ url: String) async throws -> JSONValue
}
