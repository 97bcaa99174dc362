public import MedCredLedger
import MedCredStore

/// Sends the ledger's latest signed checkpoint to each configured witness (C2SP tlog-witness,
/// https://c2sp.org/tlog-witness), keeps the cosignatures they return, and merges them into the checkpoint the
/// ledger serves (DESIGN.md, "The ledger").
///
/// Each request proves consistency from the size that witness last cosigned. A 409 answer names the size the
/// witness holds; the publisher retries once from it. Witnesses are contacted concurrently, and their answers
/// are merged into the state monotonically, so overlapping publishes cannot move a witness backwards.
public actor CheckpointPublisher {
    /// The most requests sent to one witness in one publish (the first, plus retries after 409).
    public static let maxAttempts = 3

    /// The ledger whose checkpoints are published.
    public let ledger: LedgerLog
    /// The witnesses, in the order their cosignatures are merged.
    public let witnesses: [WitnessEndpoint]
    private let transport: any WitnessTransport
    private let storage: any CheckpointPublisherStorage
    private var cached: CheckpointPublisherState?

    /// Makes a publisher.
    /// - Parameters:
    ///   - ledger: the ledger.
    ///   - witnesses: the witnesses to send checkpoints to.
    ///   - transport: how requests reach the witnesses.
    ///   - storage: where witness progress and cosignatures are kept.
    public init(
        ledger: LedgerLog, witnesses: [WitnessEndpoint], transport: some WitnessTransport,
        storage: some CheckpointPublisherStorage
    ) {
        self.ledger = ledger
        self.witnesses = witnesses
        self.transport = transport
        self.storage = storage
    }

    /// Sends the latest signed checkpoint to every witness that has not cosigned it yet.
    /// - Returns: what each witness did, and the checkpoint with every cosignature now held for it.
    /// - Throws: ``AnchoringError/noSignedCheckpoint`` for an empty log, or a storage error. A witness that
    ///   refuses or cannot be reached is reported in the result, not thrown.
    @discardableResult
    public func publish() async throws -> CheckpointPublication {
        let (record, note) = try await ledger.latestSignedCheckpoint()
        let state = try await loadState()
        let ledger = ledger
        let transport = transport
        let answers = await withTaskGroup(of: (String, WitnessOutcome, WitnessProgress?).self) { group in
            for witness in witnesses {
                let progress = state.witnesses[witness.name]
                group.addTask {
                    let exchange = WitnessExchange(
                        ledger: ledger, transport: transport, witness: witness, note: note, size: record.size)
                    let (outcome, progress) = await exchange.run(from: progress)
                    return (witness.name, outcome, progress)
                }
            }
            var answers: [(String, WitnessOutcome, WitnessProgress?)] = []
            for await answer in group { answers.append(answer) }
            return answers
        }
        var merged = try await loadState()
        for case (let name, _, let progress?) in answers {
            if let current = merged.witnesses[name], current.size > progress.size { continue }
            if let current = merged.witnesses[name], current.size == progress.size, progress.cosignature == nil {
                continue
            }
            merged.witnesses[name] = progress
        }
        try await storage.save(merged)
        cached = merged
        let outcomes = Dictionary(answers.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        return CheckpointPublication(
            size: record.size, outcomes: outcomes, note: cosigned(note, size: record.size, state: merged))
    }

    /// The latest signed checkpoint with every cosignature held for its size.
    /// - Throws: ``AnchoringError/noSignedCheckpoint`` for an empty log, or a storage error.
    public func cosignedCheckpoint() async throws -> SignedNote {
        let (record, note) = try await ledger.latestSignedCheckpoint()
        return cosigned(note, size: record.size, state: try await loadState())
    }

    /// The cosignatures held for checkpoint `size`, in witness order.
    /// - Throws: a storage error.
    public func cosignatures(size: UInt64) async throws -> [NoteSignature] {
        let state = try await loadState()
        return witnesses.compactMap { witness in
            guard let progress = state.witnesses[witness.name], progress.size == size,
                let line = progress.cosignature
            else { return nil }
            return Self.parseSignatureLine(line)
        }
    }

    /// `note` with the cosignatures held for `size` appended after its own signatures.
    private func cosigned(_ note: SignedNote, size: UInt64, state: CheckpointPublisherState) -> SignedNote {
        let extra = witnesses.compactMap { witness -> NoteSignature? in
            guard let progress = state.witnesses[witness.name], progress.size == size,
                let line = progress.cosignature, let signature = Self.parseSignatureLine(line),
                !note.signatures.contains(signature)
            else { return nil }
            return signature
        }
        return SignedNote(text: note.text, signatures: note.signatures + extra)
    }

    private func loadState() async throws -> CheckpointPublisherState {
        if let cached { return cached }
        let loaded = try await storage.load()
        cached = loaded
        return loaded
    }

    /// One stored signature line, parsed through a throwaway note (signature lines only parse inside notes).
    static func parseSignatureLine(_ line: String) -> NoteSignature? {
        (try? SignedNote(parsing: "x\n\n" + line + "\n"))?.signatures.first
    }
}

/// The result of ``CheckpointPublisher/publish()``.
public struct CheckpointPublication: Equatable, Sendable {
    /// The size of the checkpoint published.
    public let size: UInt64
    /// What each witness did, keyed by witness name.
    public let outcomes: [String: WitnessOutcome]
    /// The checkpoint with the log signature and every cosignature now held for it.
    public let note: SignedNote

    /// The witnesses that hold a cosignature for this checkpoint (new or from an earlier publish), sorted.
    public var cosigners: [String] {
        outcomes.compactMap { name, outcome in outcome.isCosigned ? name : nil }.sorted()
    }
}

/// What one witness did with a checkpoint.
public enum WitnessOutcome: Equatable, Sendable {
    /// The witness cosigned the checkpoint of this size now.
    case cosigned(size: UInt64)
    /// The witness had already cosigned this size; nothing was sent.
    case alreadyCosigned(size: UInt64)
    /// The witness refused with this status and body (403 wrong key, 422 fork or bad proof, …).
    case rejected(status: Int, body: String)
    /// The witness answered 409 with a size the publisher cannot prove consistency from (beyond this log, or
    /// repeated), as when it follows a different log with the same origin.
    case sizeConflictUnresolved(reportedSize: UInt64?)
    /// The witness answered 200 without a valid cosignature from its key.
    case cosignatureInvalid
    /// The request did not reach the witness, or the ledger could not build it.
    case unreachable(String)

    /// Whether the witness holds a cosignature for the checkpoint.
    public var isCosigned: Bool {
        switch self {
        case .cosigned, .alreadyCosigned: true
        case .rejected, .sizeConflictUnresolved, .cosignatureInvalid, .unreachable: false
        }
    }
}
