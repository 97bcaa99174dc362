public import MedCredLedger

/// A witness the ledger sends its checkpoints to (C2SP tlog-witness, https://c2sp.org/tlog-witness).
public struct WitnessEndpoint: Hashable, Sendable {
    /// The witness's cosignature key; its name names the witness.
    public let verifierKey: NoteVerifierKey
    /// The witness's `add-checkpoint` URL.
    public let url: String

    /// Names a witness.
    /// - Parameters:
    ///   - verifierKey: its cosignature/v1 verifier key.
    ///   - url: its `add-checkpoint` URL.
    public init(verifierKey: NoteVerifierKey, url: String) {
        self.verifierKey = verifierKey
        self.url = url
    }

    /// The witness's name (its key's name).
    public var name: String { verifierKey.name }
}

/// Sends one tlog-witness `add-checkpoint` request and returns the witness's answer.
///
/// The service layer speaks no HTTP itself: the server or CLI supplies an HTTP transport, and tests supply one
/// that calls ``Witness`` in process.
public protocol WitnessTransport: Sendable {
    /// POSTs `body` to the witness's `add-checkpoint` URL.
    /// - Parameters:
    ///   - witness: the witness.
    ///   - body: the request (`old N`, proof lines, a blank line, the signed checkpoint note).
    /// - Returns: the HTTP status and response body.
    /// - Throws: when the witness cannot be reached.
    func addCheckpoint(witness: WitnessEndpoint, body: [UInt8]) async throws -> (status: Int, body: [UInt8])
}
