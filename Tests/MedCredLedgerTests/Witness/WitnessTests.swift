import MedCredCrypto
import MedCredLedger
import Testing

/// tlog-witness `add-checkpoint` decisions: every status the spec defines, rollbacks and forks.
@Suite struct WitnessTests {
    private let log: WitnessTestLog
    private let witness: Witness

    init() throws {
        log = try WitnessTestLog.withSize(20)
        witness = try WitnessTestKeys.witness(logs: [log.key.verifierKey])
    }

    private func decide(_ body: String, state: WitnessRecord?, timestamp: UInt64 = 1_700_000_000) -> WitnessDecision {
        witness.addCheckpoint(request: Array(body.utf8), state: state, timestamp: timestamp)
    }

    /// Cosigns `log` at `size` from nothing and returns the record.
    private func cosigned(_ size: UInt64) throws -> WitnessRecord {
        guard case .cosigned(let record, _) = decide(try log.request(from: 0, to: size), state: nil) else {
            throw WitnessRejection.unknownOrigin("setup failed")
        }
        return record
    }

    private func refusal(_ decision: WitnessDecision) -> WitnessRejection? {
        if case .rejected(let rejection) = decision { return rejection }
        return nil
    }

    @Test func cosignsAFirstCheckpointAndTheCosignatureVerifies() throws {
        let decision = decide(try log.request(from: 0, to: 10), state: nil)
        guard case .cosigned(let record, let response) = decision else {
            Issue.record("not cosigned: \(decision)")
            return
        }
        #expect(response.hasPrefix("\u{2014} witness.example/w1 "))
        #expect(response.hasSuffix("\n"))
        #expect(response.filter { $0 == "\n" }.count == 1)
        // tlog-witness: the client appends the response to the checkpoint and verifies with the witness key.
        let cosignedNote = try SignedNote(parsing: (try log.note(10)).formatted + response)
        let verification = cosignedNote.verify(with: [witness.verifierKey])
        #expect(verification.isVerified)
        let line = try #require(cosignedNote.signatures.last)
        let cosignature = try Cosignature(signatureBytes: line.signature)
        #expect(cosignature.timestamp == 1_700_000_000)
        #expect(
            try witness.verifierKey.publicKey.isValidSignature(
                cosignature.signature, for: cosignature.signedMessage(checkpointText: log.checkpoint(10).text)))
        // The record keeps the log signature and the cosignature, as the monitoring endpoint serves them.
        #expect(record.checkpoint == (try log.checkpoint(10)))
        #expect(record.note.verify(with: [log.key.verifierKey]).isVerified)
        #expect(record.note.verify(with: [witness.verifierKey]).isVerified)
    }

    @Test func advancesWithAValidConsistencyProof() throws {
        let state = try cosigned(7)
        for (old, new) in [(7, 7), (7, 8), (7, 20)] as [(UInt64, UInt64)] {
            let decision = decide(try log.request(from: old, to: new), state: state)
            guard case .cosigned(let record, _) = decision else {
                Issue.record("\(old)→\(new): \(decision)")
                continue
            }
            #expect(record.checkpoint.treeSize == new)
        }
    }

    @Test func answers409WithTheCosignedSizeWhenOldSizeIsStale() throws {
        let state = try cosigned(10)
        let rejection = try #require(refusal(decide(try log.request(from: 0, to: 12), state: state)))
        #expect(rejection == .oldSizeMismatch(oldSize: 0, latestSize: 10))
        #expect(rejection.status == 409)
        #expect(rejection.contentType == "text/x.tlog.size")
        #expect(rejection.body == "10\n")
        #expect(
            refusal(decide(try log.request(from: 3, to: 12), state: nil)) == .oldSizeMismatch(oldSize: 3, latestSize: 0)
        )
    }

    @Test func refusesARollback() throws {
        let state = try cosigned(10)
        // The honest old size with a smaller checkpoint: 400.
        let body = try WitnessRequest(oldSize: 10, proof: [], note: log.note(5)).formatted
        let backwards = try #require(refusal(decide(body, state: state)))
        #expect(backwards == .oldSizeBeyondCheckpoint(oldSize: 10, treeSize: 5))
        #expect(backwards.status == 400)
        // Claiming the smaller size was the last one cosigned: 409 with the real size.
        let stale = try #require(refusal(decide(try log.request(from: 3, to: 5), state: state)))
        #expect(stale == .oldSizeMismatch(oldSize: 3, latestSize: 10))
    }

    @Test func refusesAForkAtTheSameSize() throws {
        let state = try cosigned(10)
        let fork = try WitnessTestLog.withSize(10, salt: "fork")
        let body = try WitnessRequest(oldSize: 10, proof: [], note: fork.note(10)).formatted
        let rejection = try #require(refusal(decide(body, state: state)))
        #expect(rejection == .forkedRoot(treeSize: 10))
        #expect(rejection.status == 422)
    }

    @Test func refusesAForkThatExtendsADifferentHistory() throws {
        let state = try cosigned(10)
        // The fork shares the first 6 leaves, then diverges; its own proof from 10 is internally valid.
        var fork = log
        fork.leafHashes = Array(log.leafHashes.prefix(6)) + (6..<16).map { MerkleHash.leaf(Array("fork-\($0)".utf8)) }
        let rejection = try #require(refusal(decide(try fork.request(from: 10, to: 16), state: state)))
        #expect(rejection == .consistencyProofInvalid(.rootMismatch))
        #expect(rejection.status == 422)
    }

    @Test func refusesABadConsistencyProof() throws {
        let state = try cosigned(7)
        var proof = try log.proof(from: 7, to: 20)
        proof[1][0] ^= 0x01
        let flipped = try WitnessRequest(oldSize: 7, proof: proof, note: log.note(20)).formatted
        #expect(refusal(decide(flipped, state: state)) == .consistencyProofInvalid(.rootMismatch))
        let short = try WitnessRequest(oldSize: 7, proof: proof.dropLast(), note: log.note(20)).formatted
        #expect(
            refusal(decide(short, state: state))
                == .consistencyProofInvalid(.proofLengthMismatch(expected: proof.count, actual: proof.count - 1)))
        let empty = try WitnessRequest(oldSize: 7, proof: [], note: log.note(20)).formatted
        #expect(refusal(decide(empty, state: state))?.status == 422)
    }

    @Test func refusesAProofFromOldSizeZero() throws {
        let body = try WitnessRequest(oldSize: 0, proof: [log.root(1)], note: log.note(20)).formatted
        let rejection = try #require(refusal(decide(body, state: nil)))
        #expect(rejection == .proofNotEmpty(count: 1))
        #expect(rejection.status == 422)
    }

    @Test func checksTheRootOfAnEmptyTree() throws {
        let empty = try log.note(0)
        #expect(try Checkpoint(parsing: empty.text).rootHash == MerkleHash.emptyRoot)
        guard case .cosigned = decide(try log.request(from: 0, to: 0), state: nil) else {
            Issue.record("the empty tree was refused")
            return
        }
        let text = try Checkpoint(origin: WitnessTestLog.origin, treeSize: 0, rootHash: log.root(3)).text
        let bad = SignedNote(text: text, signatures: [log.key.signature(forText: text)])
        let rejection = try #require(
            refusal(decide(try WitnessRequest(oldSize: 0, proof: [], note: bad).formatted, state: nil)))
        #expect(rejection == .emptyTreeRootInvalid)
        #expect(rejection.status == 422)
    }

    @Test func answers404ForAnUnknownOrigin() throws {
        let other = try WitnessTestLog(origin: "other.example/log", seedByte: 2)
        let rejection = try #require(refusal(decide(try other.request(from: 0, to: 0), state: nil)))
        #expect(rejection == .unknownOrigin("other.example/log"))
        #expect(rejection.status == 404)
    }

    @Test func answers403WithoutAValidLogSignature() throws {
        let checkpoint = try log.checkpoint(10)
        // Signed under the log's name by another key: ignored, so no trusted signature at all.
        let impostor = try WitnessTestLog(seedByte: 3)
        let unsigned = SignedNote(text: checkpoint.text, signatures: [impostor.key.signature(forText: checkpoint.text)])
        let first = try #require(
            refusal(decide(try WitnessRequest(oldSize: 0, proof: [], note: unsigned).formatted, state: nil)))
        #expect(first == .logSignatureInvalid(origin: WitnessTestLog.origin))
        #expect(first.status == 403)
        // A line from the trusted key that does not verify, next to a good one: still 403.
        let good = log.key.signature(forText: checkpoint.text)
        var bytes = good.signature
        bytes[0] ^= 0x80
        let broken = NoteSignature(keyName: good.keyName, keyID: good.keyID, signature: bytes)
        for signatures in [[broken], [good, broken]] {
            let note = SignedNote(text: checkpoint.text, signatures: signatures)
            let body = try WitnessRequest(oldSize: 0, proof: [], note: note).formatted
            #expect(refusal(decide(body, state: nil))?.status == 403)
        }
    }

    @Test func answers400ForAMalformedBody() {
        let rejection = refusal(decide("old 1\n", state: nil))
        #expect(rejection == .malformedRequest(.missingBlankLine))
        #expect(rejection?.status == 400)
    }

    @Test func keepsOnlyTrustedSignaturesAndNeverUsesAZeroTimestamp() throws {
        let other = try WitnessTestLog(origin: "someone.example/else", seedByte: 4)
        let text = try log.checkpoint(4).text
        let note = SignedNote(
            text: text, signatures: [other.key.signature(forText: text), log.key.signature(forText: text)])
        let decision = decide(try WitnessRequest(oldSize: 0, proof: [], note: note).formatted, state: nil, timestamp: 0)
        guard case .cosigned(let record, let response) = decision else {
            Issue.record("not cosigned: \(decision)")
            return
        }
        #expect(record.note.signatures.map(\.keyName) == [WitnessTestLog.origin, "witness.example/w1"])
        let line = try #require(try SignedNote(parsing: note.formatted + response).signatures.last)
        #expect(try Cosignature(signatureBytes: line.signature).timestamp == 1)
    }

    @Test func refusesAMisconfiguredWitness() throws {
        let logKey = try NoteSignerKey(
            name: "w", privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: 5, count: 32)))
        #expect(throws: WitnessConfigurationError.signerKeyTypeInvalid(.ed25519)) {
            try Witness(signer: logKey, logs: [:])
        }
        let witnessKey = try NoteSignerKey(
            name: "w", privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: 5, count: 32)), type: .cosignatureV1)
        #expect(throws: WitnessConfigurationError.logKeyTypeInvalid(origin: "o")) {
            try Witness(signer: witnessKey, logs: ["o": [witnessKey.verifierKey]])
        }
        #expect(throws: WitnessConfigurationError.noKeysForOrigin("o")) {
            try Witness(signer: witnessKey, logs: ["o": []])
        }
    }
}
