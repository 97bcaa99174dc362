/// What an `add-checkpoint` call answers over HTTP.
public struct WitnessResponse: Equatable, Sendable {
    /// The HTTP status code.
    public let status: Int
    /// The `Content-Type` header.
    public let contentType: String
    /// The body.
    public let body: String

    /// Bundles an answer.
    /// - Parameters:
    ///   - status: the HTTP status code.
    ///   - contentType: the `Content-Type` header.
    ///   - body: the body.
    public init(status: Int, contentType: String, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

extension Witness {
    /// How many times a request is decided again when a concurrent update changed the state under it.
    public static let maxAttempts = 4

    /// Handles an `add-checkpoint` request end to end: decide against the stored state, persist the new record
    /// with compare-and-set, and only then answer (tlog-witness requires both to be atomic).
    ///
    /// When another request updated the same log in between, the request is decided again on the new state,
    /// which normally answers 409 with the new size.
    /// - Parameters:
    ///   - body: the HTTP request body.
    ///   - storage: the witness state.
    ///   - timestamp: the cosignature time, POSIX seconds.
    /// - Returns: the status, content type and body to send.
    /// - Throws: when the state cannot be read or written (answer 500; nothing was cosigned).
    public func addCheckpoint(
        request body: some Collection<UInt8>, storage: some WitnessStateStorage, timestamp: UInt64
    ) async throws -> WitnessResponse {
        let request: WitnessRequest
        do { request = try WitnessRequest(parsing: body) } catch {
            return WitnessResponse(rejection: .malformedRequest(error))
        }
        // The origin is checked before touching storage, so unknown logs cost no database read.
        guard logs[request.checkpoint.origin] != nil else {
            return WitnessResponse(rejection: .unknownOrigin(request.checkpoint.origin))
        }
        for _ in 0..<Self.maxAttempts {
            let state = try await storage.record(origin: request.checkpoint.origin)
            switch addCheckpoint(request, state: state, timestamp: timestamp) {
            case .rejected(let rejection):
                return WitnessResponse(rejection: rejection)
            case .cosigned(let record, let response):
                if try await storage.replace(state, with: record) {
                    return WitnessResponse(status: 200, contentType: "text/plain; charset=utf-8", body: response)
                }
            }
        }
        throw WitnessStorageConflict(origin: request.checkpoint.origin, attempts: Self.maxAttempts)
    }
}

extension WitnessResponse {
    /// The answer for a rejection.
    /// - Parameter rejection: why the witness refused.
    public init(rejection: WitnessRejection) {
        self.init(status: rejection.status, contentType: rejection.contentType, body: rejection.body)
    }
}

/// The state of a log kept changing under a request: every compare-and-set attempt lost.
public struct WitnessStorageConflict: Error, Equatable, Sendable {
    /// The log's origin.
    public let origin: String
    /// How many attempts were made.
    public let attempts: Int
}
