internal import MedCredCrypto

/// What a witness remembers about one log (C2SP tlog-witness, https://c2sp.org/tlog-witness): the latest
/// checkpoint it cosigned, with the log signatures it verified and its own cosignature.
public struct WitnessRecord: Hashable, Sendable {
    /// The cosigned checkpoint: origin, tree size and root hash.
    public let checkpoint: Checkpoint
    /// The checkpoint note with the verified log signatures and the witness cosignature, as the monitoring
    /// endpoint serves it.
    public let note: SignedNote

    /// Rebuilds a record from its note.
    /// - Parameter note: the cosigned checkpoint note.
    /// - Throws: any error of ``Checkpoint/init(parsing:expectedOrigin:)`` for the note text.
    public init(note: SignedNote) throws(NoteError) {
        self.checkpoint = try Checkpoint(parsing: note.text)
        self.note = note
    }

    /// The log's origin line.
    public var origin: String { checkpoint.origin }

    /// SHA-256 of the origin line, which names the log in the monitoring path `<origin hash>/checkpoint`.
    public var originHash: [UInt8] { Self.originHash(origin) }

    /// SHA-256 of an origin line (tlog-witness "Monitor Retrieval Mechanism").
    /// - Parameter origin: the origin line.
    /// - Returns: the 32-byte hash.
    public static func originHash(_ origin: String) -> [UInt8] { SHA256.hash(Array(origin.utf8)) }
}
