import MedCredStore

/// What a caller waiting for a group commit is told when it resumes.
enum CommitTurn: Sendable {
    /// Its records were committed with another caller's.
    case committed
    /// It now writes the queued records, its own among them.
    case lead
}

/// One caller's records waiting for the next group commit.
struct PendingCommit {
    let records: [StoredCredential]
    /// `nil` for the caller that is writing the group.
    var continuation: CheckedContinuation<CommitTurn, any Error>?
}

extension CredentialService {
    /// Stores `records` in one transaction, shared with whatever other calls are waiting.
    ///
    /// Group commit: with `synchronous=FULL` every commit waits for the disk (milliseconds here), so one
    /// transaction per single-credential request would cap issuance far below the target. While one group is
    /// being written, later callers queue; when it is done, the first of them writes everything queued in one
    /// transaction. A failed transaction fails every caller of its group, and nothing of it is stored.
    func persist(_ records: [StoredCredential]) async throws {
        guard !records.isEmpty else { return }
        if isCommitting {
            let turn = try await withCheckedThrowingContinuation { continuation in
                commitQueue.append(PendingCommit(records: records, continuation: continuation))
            }
            guard case .lead = turn else { return }
        } else {
            isCommitting = true
            commitQueue.append(PendingCommit(records: records, continuation: nil))
        }
        let group = commitQueue
        commitQueue = []
        var failure: (any Error)?
        do { try await store.insert(group.flatMap(\.records)) } catch { failure = error }
        for pending in group {
            guard let continuation = pending.continuation else { continue }
            if let failure {
                continuation.resume(throwing: failure)
            } else {
                continuation.resume(returning: .committed)
            }
        }
        if commitQueue.isEmpty {
            isCommitting = false
        } else {
            let next = commitQueue[0].continuation
            commitQueue[0].continuation = nil
            next?.resume(returning: .lead)
        }
        if let failure { throw failure }
    }
}
