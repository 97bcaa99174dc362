/// Why a challenge could not be issued or consumed. Each case has a stable ``code`` that the HTTP layer puts in
/// its problem+json answer.
public enum AuthError: Error, Equatable, Sendable {
    /// The challenge was never issued here (or was purged long after it expired).
    case challengeUnknown
    /// The challenge's lifetime is over.
    case challengeExpired
    /// The challenge was already consumed by an earlier login: a replay.
    case challengeReplayed
    /// The challenge was issued for another verifier domain.
    case wrongDomain(expected: String, actual: String)
    /// The domain asked for is empty or too long.
    case invalidDomain
    /// The challenge database failed; `reason` is SQLite's message, without bound values.
    case storage(reason: String)

    /// The stable machine code, e.g. `challenge-replayed`.
    public var code: String {
        switch self {
        case .challengeUnknown: "challenge-unknown"
        case .challengeExpired: "challenge-expired"
        case .challengeReplayed: "challenge-replayed"
        case .wrongDomain: "wrong-domain"
        case .invalidDomain: "invalid-domain"
        case .storage: "auth-storage-failed"
        }
    }

    /// A sentence for people; it never contains the challenge itself.
    public var reason: String {
        switch self {
        case .challengeUnknown: "the challenge was not issued by this service"
        case .challengeExpired: "the challenge has expired"
        case .challengeReplayed: "the challenge was already used"
        case .wrongDomain(let expected, let actual):
            "the challenge was issued for \(expected), not \(actual)"
        case .invalidDomain: "the domain must be 1 to 253 printable characters"
        case .storage(let reason): "the challenge store failed: \(reason)"
        }
    }
}
