public import MedCredCore
public import MedCredLedger

/// A verified anchor of one did:webvh log entry: its ledger leaf index and the tlog-proof that binds its JCS
/// bytes to a signed checkpoint (DESIGN.md, "Identifiers" → Anchoring).
public struct DIDLogAnchor: Equatable, Sendable {
    /// The entry's leaf index in the ledger.
    public let ledgerIndex: UInt64
    /// The proof, against the latest signed checkpoint when it was made.
    public let proof: TlogProof

    /// The tree size of the checkpoint the proof is against.
    public var checkpointSize: UInt64 { proof.checkpoint.treeSize }

    /// `{ledgerIndex, checkpointSize, proof: <tlog-proof text>, verified: true}` for `didDocumentMetadata.anchor`.
    public var json: JSONValue {
        .object([
            "ledgerIndex": .number(Double(ledgerIndex)), "checkpointSize": .number(Double(checkpointSize)),
            "proof": .string(proof.formatted), "verified": .bool(true),
        ])
    }

    /// `{verified: false, error, [ledgerIndex]}` for an entry whose anchor is missing or fails.
    /// - Parameters:
    ///   - error: why the anchor failed.
    ///   - versionNumber: the entry whose anchor failed.
    ///   - ledgerIndex: its recorded leaf index, if any.
    /// - Returns: the flag.
    public static func failureJSON(_ error: AnchoringError, versionNumber: Int, ledgerIndex: UInt64?) -> JSONValue {
        var object: JSONObject = [
            "verified": .bool(false), "error": .string("entry \(versionNumber): \(error)"),
        ]
        if let ledgerIndex { object["ledgerIndex"] = .number(Double(ledgerIndex)) }
        return .object(object)
    }
}
