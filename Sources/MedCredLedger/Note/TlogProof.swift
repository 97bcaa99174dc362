/// A C2SP tlog proof (https://c2sp.org/tlog-proof): an entry's index, its inclusion proof and the signed
/// (and cosigned) checkpoint it is included in, verifiable offline.
public struct TlogProof: Hashable, Sendable {
    /// The first line of every proof.
    public static let header = "c2sp.org/tlog-proof@v1"

    /// Unauthenticated extra data from the `extra` line, if any.
    public let extra: [UInt8]?
    /// The entry's 0-based index in the log.
    public let index: UInt64
    /// The inclusion proof hashes, from the leaf's sibling up.
    public let hashes: [[UInt8]]
    /// The signed checkpoint, verbatim.
    public let note: SignedNote
    /// The checkpoint in ``note``.
    public let checkpoint: Checkpoint

    /// Bundles a proof.
    /// - Parameters:
    ///   - index: the entry's index.
    ///   - hashes: the inclusion proof hashes for the checkpoint's tree size.
    ///   - note: the signed checkpoint.
    ///   - extra: optional extra data.
    /// - Throws: any error of ``Checkpoint/init(parsing:expectedOrigin:)`` for the note text.
    public init(index: UInt64, hashes: [[UInt8]], note: SignedNote, extra: [UInt8]? = nil) throws(NoteError) {
        self.checkpoint = try Checkpoint(parsing: note.text)
        self.index = index
        self.hashes = hashes
        self.note = note
        self.extra = extra
    }

    /// Parses a tlog proof.
    /// - Parameter text: the whole proof.
    /// - Throws: ``NoteError/invalidProofHeader(_:)``, ``NoteError/malformedProofLine(line:)``,
    ///   ``NoteError/invalidIndex(_:)``, ``NoteError/invalidBase64(_:)``, or any error of the signed note and
    ///   checkpoint parsers.
    public init(parsing text: String) throws(NoteError) {
        let utf8 = Array(text.utf8)
        guard let split = utf8.indices.dropLast().first(where: { utf8[$0] == 0x0a && utf8[$0 + 1] == 0x0a }) else {
            throw .missingSignatures
        }
        let lines = String(decoding: utf8[..<split], as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Self.header) else { throw .invalidProofHeader(String(lines.first ?? "")) }
        var number = 1
        var extra: [UInt8]?
        if number < lines.count, lines[number].hasPrefix("extra ") {
            guard let bytes = StandardBase64.decode(lines[number].dropFirst(6)) else {
                throw .invalidBase64(String(lines[number].dropFirst(6)))
            }
            extra = bytes
            number += 1
        }
        guard number < lines.count, lines[number].hasPrefix("index ") else { throw .malformedProofLine(line: number) }
        guard let index = parseCanonicalDecimal(lines[number].dropFirst(6)) else {
            throw .invalidIndex(String(lines[number].dropFirst(6)))
        }
        var hashes: [[UInt8]] = []
        for line in lines.dropFirst(number + 1) {
            number += 1
            guard let hash = StandardBase64.decode(line), hash.count == MerkleHash.byteCount else {
                throw .malformedProofLine(line: number)
            }
            hashes.append(hash)
        }
        try self.init(index: index, hashes: hashes, note: try SignedNote(parsing: utf8[(split + 2)...]), extra: extra)
    }

    /// The proof text.
    public var formatted: String {
        var lines = [Self.header]
        if let extra { lines.append("extra " + StandardBase64.encode(extra)) }
        lines.append("index \(index)")
        lines += hashes.map { StandardBase64.encode($0) }
        return lines.map { $0 + "\n" }.joined() + "\n" + note.formatted
    }

    /// Verifies the proof for an entry (tlog-proof "Verifying a tlog proof"), hashing it as an RFC 9162 leaf.
    /// - Parameters:
    ///   - entry: the logged entry's bytes (for MedCred, JCS bytes of the signed entry).
    ///   - logKey: the log's key; the checkpoint origin must equal its name.
    ///   - witnesses: the known witness cosigner keys (type ``NoteSignatureType/cosignatureV1``).
    ///   - threshold: how many distinct witnesses must have cosigned.
    /// - Returns: every failed check; ``TlogProofVerification/isVerified`` when there are none.
    public func verify(
        entry: some Collection<UInt8>, logKey: NoteVerifierKey, witnesses: [NoteVerifierKey], threshold: Int
    ) -> TlogProofVerification {
        verify(leafHash: MerkleHash.leaf(entry), logKey: logKey, witnesses: witnesses, threshold: threshold)
    }

    /// Verifies the proof for a leaf hash; see ``verify(entry:logKey:witnesses:threshold:)``.
    /// - Parameters:
    ///   - leafHash: the RFC 9162 leaf hash of the entry.
    ///   - logKey: the log's key; the checkpoint origin must equal its name.
    ///   - witnesses: the known witness cosigner keys.
    ///   - threshold: how many distinct witnesses must have cosigned.
    /// - Returns: every failed check.
    public func verify(
        leafHash: [UInt8], logKey: NoteVerifierKey, witnesses: [NoteVerifierKey], threshold: Int
    ) -> TlogProofVerification {
        var failures: [TlogProofFailure] = []
        if checkpoint.origin != logKey.name {
            failures.append(.originNotAccepted(expected: logKey.name, actual: checkpoint.origin))
        }
        let log = note.verify(with: [logKey])
        if !log.failed.isEmpty {
            failures.append(.logSignatureInvalid)
        } else if log.verified.isEmpty {
            failures.append(.logSignatureMissing)
        }
        let cosigned = note.verify(with: witnesses.filter { $0 != logKey })
        failures += cosigned.failed.map { .witnessCosignatureInvalid(keyName: $0.name) }
        if cosigned.verified.count < threshold {
            failures.append(.witnessThresholdNotMet(verified: cosigned.verified.count, required: threshold))
        }
        let inclusion = InclusionProof(leafIndex: index, treeSize: checkpoint.treeSize, hashes: hashes)
        do throws(MerkleError) {
            try inclusion.verify(leafHash: leafHash, root: checkpoint.rootHash)
        } catch {
            failures.append(.inclusionProofInvalid(error))
        }
        return TlogProofVerification(failures: failures, cosigners: cosigned.verified.map(\.name))
    }
}

/// The outcome of ``TlogProof/verify(leafHash:logKey:witnesses:threshold:)``: every check that failed.
public struct TlogProofVerification: Equatable, Sendable {
    /// The failed checks, in the order the spec lists the steps.
    public var failures: [TlogProofFailure]
    /// The names of the witnesses whose cosignature verified.
    public var cosigners: [String]

    /// Whether every check passed.
    public var isVerified: Bool { failures.isEmpty }
}

/// One failed check of a tlog proof.
public enum TlogProofFailure: Equatable, Sendable {
    /// The checkpoint origin is not the log key's name.
    case originNotAccepted(expected: String, actual: String)
    /// No signature line from the log key.
    case logSignatureMissing
    /// A signature line from the log key did not verify.
    case logSignatureInvalid
    /// A known witness's cosignature did not verify.
    case witnessCosignatureInvalid(keyName: String)
    /// Fewer distinct witnesses cosigned than the policy requires.
    case witnessThresholdNotMet(verified: Int, required: Int)
    /// The inclusion proof does not bind the entry to the checkpoint's root.
    case inclusionProofInvalid(MerkleError)
}
