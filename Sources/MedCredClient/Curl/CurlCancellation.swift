internal import Synchronization

/// A flag the task's cancellation handler sets and the transfer thread's progress callback reads.
final class CurlCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    init() {}

    func cancel() { flag.store(true, ordering: .relaxed) }

    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
