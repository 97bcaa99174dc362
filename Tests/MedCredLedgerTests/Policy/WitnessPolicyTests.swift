import MedCredCrypto
import MedCredLedger
import Testing

/// "k of n named witnesses" over cosigned checkpoints.
@Suite struct WitnessPolicyTests {
    private let log: NoteSignerKey
    private let witnesses: [NoteSignerKey]
    private let checkpoint: Checkpoint

    init() throws {
        log = try NoteSignerKey(name: "medcred.test/policy", privateKey: Self.key(1))
        witnesses = try (0..<3).map { index in
            try NoteSignerKey(
                name: "witness.test/w\(index)", privateKey: Self.key(UInt8(10 + index)), type: .cosignatureV1)
        }
        checkpoint = try Checkpoint(
            origin: log.verifierKey.name, treeSize: 5, rootHash: [UInt8](repeating: 7, count: 32))
    }

    private static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
    }

    private func policy(_ threshold: Int) throws -> WitnessPolicy {
        try WitnessPolicy(witnesses: witnesses.map(\.verifierKey), threshold: threshold)
    }

    private func cosignature(_ index: Int, text: String? = nil) throws -> NoteSignature {
        try witnesses[index].cosignature(forText: text ?? checkpoint.text, timestamp: 1_700_000_000)
    }

    private func note(_ cosignatures: [NoteSignature]) -> SignedNote {
        SignedNote(text: checkpoint.text, signatures: [log.signature(forText: checkpoint.text)] + cosignatures)
    }

    @Test func twoOfThreeIsMetWithTwoCosignatures() throws {
        let result = try policy(2).evaluate(
            signedCheckpoint: note([cosignature(0), cosignature(2)]), logKey: log.verifierKey)
        #expect(result.isMet)
        #expect(result.cosigners == ["witness.test/w0", "witness.test/w2"])
        #expect(result.missing == ["witness.test/w1"])
        #expect(result.invalidCosigners.isEmpty)
    }

    @Test func acceptsTheNoteAsText() throws {
        let text = note([try cosignature(0), try cosignature(1), try cosignature(2)]).formatted
        let result = try policy(3).evaluate(signedCheckpoint: text, logKey: log.verifierKey)
        #expect(result.isMet)
        #expect(result.missing.isEmpty)
    }

    @Test func twoOfThreeIsNotMetWithOneAndNamesTheMissing() throws {
        let result = try policy(2).evaluate(signedCheckpoint: note([cosignature(1)]), logKey: log.verifierKey)
        #expect(!result.isMet)
        #expect(result.failures == [.thresholdNotMet(verified: 1, required: 2)])
        #expect(result.missing == ["witness.test/w0", "witness.test/w2"])
    }

    @Test func countsADuplicateCosignerOnce() throws {
        let one = try cosignature(0)
        let again = try witnesses[0].cosignature(forText: checkpoint.text, timestamp: 1_800_000_000)
        let result = try policy(2).evaluate(signedCheckpoint: note([one, again, one]), logKey: log.verifierKey)
        #expect(!result.isMet)
        #expect(result.cosigners == ["witness.test/w0"])
        #expect(result.failures == [.thresholdNotMet(verified: 1, required: 2)])
    }

    @Test func flagsAndIgnoresAnInvalidCosignature() throws {
        let other = try Checkpoint(
            origin: log.verifierKey.name, treeSize: 6, rootHash: [UInt8](repeating: 8, count: 32))
        let wrongText = try cosignature(1, text: other.text)
        let result = try policy(2).evaluate(
            signedCheckpoint: note([cosignature(0), wrongText]), logKey: log.verifierKey)
        #expect(!result.isMet)
        #expect(result.invalidCosigners == ["witness.test/w1"])
        #expect(result.cosigners == ["witness.test/w0"])
        #expect(result.missing == ["witness.test/w1", "witness.test/w2"])
    }

    @Test func ignoresAnUnknownCosigner() throws {
        let stranger = try NoteSignerKey(name: "stranger.test/w", privateKey: Self.key(99), type: .cosignatureV1)
        let foreign = try stranger.cosignature(forText: checkpoint.text, timestamp: 1)
        let result = try policy(2).evaluate(
            signedCheckpoint: note([foreign, cosignature(2)]), logKey: log.verifierKey)
        #expect(!result.isMet)
        #expect(result.unknownSigners == ["stranger.test/w"])
        #expect(result.cosigners == ["witness.test/w2"])
        #expect(result.invalidCosigners.isEmpty)
    }

    @Test func rejectsAMissingOrForeignLogSignature() throws {
        let unsigned = SignedNote(text: checkpoint.text, signatures: [try cosignature(0), try cosignature(1)])
        let missing = try policy(2).evaluate(signedCheckpoint: unsigned, logKey: log.verifierKey)
        #expect(missing.failures == [.logSignatureMissing])

        let otherLog = try NoteSignerKey(name: "other.test/log", privateKey: Self.key(2))
        let foreign = try policy(2).evaluate(
            signedCheckpoint: note([cosignature(0), cosignature(1)]), logKey: otherLog.verifierKey)
        #expect(
            foreign.failures == [
                .originNotAccepted(expected: "other.test/log", actual: "medcred.test/policy"), .logSignatureMissing,
            ])
    }

    @Test func rejectsAForgedLogSignature() throws {
        let forged = NoteSignature(
            keyName: log.verifierKey.name, keyID: log.verifierKey.keyID, signature: [UInt8](repeating: 0, count: 64))
        let note = SignedNote(text: checkpoint.text, signatures: [forged, try cosignature(0), try cosignature(1)])
        let result = try policy(2).evaluate(signedCheckpoint: note, logKey: log.verifierKey)
        #expect(result.failures == [.logSignatureInvalid])
    }

    @Test func zeroOfThreeNeedsOnlyTheLog() throws {
        #expect(try policy(0).evaluate(signedCheckpoint: note([]), logKey: log.verifierKey).isMet)
    }

    @Test func refusesBadConfigurations() throws {
        let keys = witnesses.map(\.verifierKey)
        #expect(throws: WitnessPolicyError.thresholdOutOfRange(threshold: 4, witnesses: 3)) {
            try WitnessPolicy(witnesses: keys, threshold: 4)
        }
        #expect(throws: WitnessPolicyError.thresholdOutOfRange(threshold: -1, witnesses: 3)) {
            try WitnessPolicy(witnesses: keys, threshold: -1)
        }
        #expect(throws: WitnessPolicyError.duplicateWitness("witness.test/w0")) {
            try WitnessPolicy(witnesses: [keys[0], keys[0]], threshold: 1)
        }
        #expect(throws: WitnessPolicyError.witnessKeyTypeInvalid("medcred.test/policy")) {
            try WitnessPolicy(witnesses: [log.verifierKey], threshold: 1)
        }
    }

    @Test func throwsOnUnparseableText() throws {
        #expect(throws: NoteError.self) {
            try policy(1).evaluate(signedCheckpoint: "not a note", logKey: log.verifierKey)
        }
    }
}
