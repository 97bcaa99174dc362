internal import Synchronization

/// Memoized context processing: the active context that processing a local context against another gives.
///
/// Processing the VC Data Model 2.0 context alone (about 150 terms, each scoped context validated) costs more
/// than the rest of a credential's expansion, and every signature and verification repeats it with the same
/// inputs. JSON-LD 1.1 API §4.1.2 makes the result a pure function of the active context, the local context,
/// the base URL and the flags, so it is computed once per loader. Each context the cache returns carries an
/// identity; a context changed in any other way has none and is processed normally. The cache holds at most
/// ``capacity`` results, so inline contexts in untrusted documents cannot grow it without bound.
public final class JSONLDContextCache: Sendable {
    /// The most processed contexts kept; beyond it, results are computed but not stored.
    public let capacity: Int
    private let state = Mutex(State())

    /// A local context by value (a document's `@context`), or a term's scoped context by identity.
    enum LocalKey: Hashable {
        case value(JSONValue)
        case scoped(JSONLDScopedContext)

        static func == (left: LocalKey, right: LocalKey) -> Bool {
            switch (left, right) {
            case (.value(let a), .value(let b)): a == b
            case (.scoped(let a), .scoped(let b)): a === b
            default: false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .value(let value): hasher.combine(value)
            case .scoped(let box): hasher.combine(ObjectIdentifier(box))
            }
        }
    }

    struct Key: Hashable {
        let parent: UInt64
        let local: LocalKey
        let baseURL: String?
        let remoteContexts: [String]
        let overrideProtected: Bool
        let propagate: Bool
        let validateScopedContext: Bool
    }

    private struct RootKey: Hashable {
        let base: String?
        let processingMode: String
    }

    private struct State {
        var nextID: UInt64 = 1
        var roots: [RootKey: UInt64] = [:]
        var entries: [Key: JSONLDContext] = [:]
    }

    /// An empty cache.
    /// - Parameter capacity: the most processed contexts to keep.
    public init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The number of processed contexts held.
    public var count: Int { state.withLock { $0.entries.count } }

    /// The identity of the initial active context for `base` and `processingMode`.
    func rootID(base: String?, processingMode: String) -> UInt64 {
        state.withLock { state in
            let key = RootKey(base: base, processingMode: processingMode)
            if let id = state.roots[key] { return id }
            let id = state.nextID
            state.nextID += 1
            state.roots[key] = id
            return id
        }
    }

    func context(for key: Key) -> JSONLDContext? {
        state.withLock { $0.entries[key] }
    }

    /// Stores `context` as the result for `key` and returns it with its new identity, or without one when full.
    func store(_ context: JSONLDContext, for key: Key) -> JSONLDContext {
        var stored = context
        stored.cacheID = nil
        return state.withLock { state in
            if let existing = state.entries[key] { return existing }
            guard state.entries.count < capacity else { return stored }
            stored.cacheID = state.nextID
            state.nextID += 1
            state.entries[key] = stored
            return stored
        }
    }
}
