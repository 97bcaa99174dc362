import MedCredLedger

/// One publish to one witness: build the request from the witness's last size, follow a 409, check the answer.
struct WitnessExchange: Sendable {
    let ledger: LedgerLog
    let transport: any WitnessTransport
    let witness: WitnessEndpoint
    let note: SignedNote
    let size: UInt64

    /// The outcome, and the progress to remember (or `nil` to keep what is stored).
    func run(from progress: WitnessProgress?) async -> (WitnessOutcome, WitnessProgress?) {
        if let progress, progress.size == size, progress.cosignature != nil {
            return (.alreadyCosigned(size: size), nil)
        }
        var oldSize = progress.map { $0.size <= size ? $0.size : 0 } ?? 0
        var learned: WitnessProgress?
        var tried: Set<UInt64> = []
        for _ in 0..<CheckpointPublisher.maxAttempts {
            tried.insert(oldSize)
            let answer: (status: Int, body: [UInt8])
            do {
                answer = try await transport.addCheckpoint(witness: witness, body: try await request(oldSize: oldSize))
            } catch {
                return (.unreachable(String(describing: error)), learned)
            }
            switch answer.status {
            case 200:
                guard let line = validCosignature(in: answer.body) else { return (.cosignatureInvalid, learned) }
                return (.cosigned(size: size), WitnessProgress(size: size, cosignature: line))
            case 409:
                let text = String(decoding: answer.body, as: UTF8.self)
                let reported = UInt64(text.trimmingSuffix { $0 == "\n" })
                guard let reported, reported <= size, !tried.contains(reported) else {
                    return (.sizeConflictUnresolved(reportedSize: reported), learned)
                }
                oldSize = reported
                learned = WitnessProgress(size: reported, cosignature: nil)
            default:
                return (.rejected(status: answer.status, body: String(decoding: answer.body, as: UTF8.self)), learned)
            }
        }
        return (.sizeConflictUnresolved(reportedSize: oldSize), learned)
    }

    /// `old N`, the consistency proof from N, a blank line, and the log-signed checkpoint.
    private func request(oldSize: UInt64) async throws -> [UInt8] {
        let proof =
            oldSize == 0 || oldSize == size ? [] : try await ledger.consistencyProof(from: oldSize, to: size).hashes
        return Array(try WitnessRequest(oldSize: oldSize, proof: proof, note: note).formatted.utf8)
    }

    /// The first line of `body` that is a valid cosignature of the checkpoint by the witness's key.
    private func validCosignature(in body: [UInt8]) -> String? {
        guard let lines = try? SignedNote(parsing: Array((note.text + "\n").utf8) + body) else { return nil }
        let key = witness.verifierKey
        guard
            let signature = lines.signatures.first(where: {
                $0.isFrom(key) && key.isValidSignature($0.signature, forText: note.text)
            })
        else { return nil }
        return String(signature.line.dropLast())
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self[...]
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
