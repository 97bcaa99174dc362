/// MedCredLedger: the append-only transparency log MedCred anchors DID operations and accreditations on —
/// RFC 9162 Merkle hashing and proofs, C2SP signed notes, checkpoints and cosignatures, did:webvh logs.
///
/// Like Core, it is pure: storage is MedCredStore's, clocks and keys are parameters.
public enum MedCredLedger {
    /// The ledger format version.
    public static let version = "0.1.0"
}
