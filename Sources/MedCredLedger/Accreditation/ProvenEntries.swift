import MedCredCore
import Synchronization

/// Ledger entries whose trust-root proof verified, shared by copies of an ``AccreditationRegistry``.
///
/// A signed entry never changes, and a trust root's key that signed it stays valid for it (resolution is as of
/// the proof's `created`), so a verified entry needs no second check. Keyed by the whole entry, so a tampered
/// copy is checked afresh.
final class ProvenEntries: Sendable {
    /// More entries than this and the memo starts afresh.
    static let limit = 4096

    private let proven = Mutex<Set<Key>>([])

    private struct Key: Hashable {
        let json: JSONValue
        let root: DID
    }

    func contains(_ json: JSONValue, root: DID) -> Bool {
        proven.withLock { $0.contains(Key(json: json, root: root)) }
    }

    func insert(_ json: JSONValue, root: DID) {
        proven.withLock { set in
            if set.count >= Self.limit { set.removeAll(keepingCapacity: true) }
            set.insert(Key(json: json, root: root))
        }
    }
}
