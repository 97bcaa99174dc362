/// Why a dataset could not be canonicalized (W3C RDFC-1.0 §4.4, https://www.w3.org/TR/rdf-canon/#canon-algorithm).
///
/// RDFC-1.0 requires implementations to bound their work so a "poison" dataset (many indistinguishable
/// blank nodes, such as a clique) fails instead of running for years (RDFC-1.0 §6, Security Considerations).
public enum RDFCanonicalizationError: Error, Equatable, Sendable {
    /// Hash N-Degree Quads (§4.8) would run more than `limit` times.
    case hashNDegreeCallLimitExceeded(limit: Int)
    /// The permutation loop of Hash N-Degree Quads (§4.8.3 step 5.4) would try more than `limit` permutations.
    case permutationLimitExceeded(limit: Int)
}

/// Bounds on the work RDFC-1.0 may do before failing with ``RDFCanonicalizationError``.
public struct RDFCanonicalizationLimits: Equatable, Sendable {
    /// The most calls to Hash N-Degree Quads, counting recursive calls.
    public var maxHashNDegreeCalls: Int
    /// The most permutations the permutation loop may try, over all calls.
    public var maxPermutations: Int

    /// Limits.
    /// - Parameters:
    ///   - maxHashNDegreeCalls: the most Hash N-Degree Quads calls.
    ///   - maxPermutations: the most permutations.
    /// - Returns: the limits.
    public init(maxHashNDegreeCalls: Int, maxPermutations: Int) {
        self.maxHashNDegreeCalls = maxHashNDegreeCalls
        self.maxPermutations = maxPermutations
    }

    /// Limits with ample room for real data and the W3C suite: its hardest "evil" datasets (test044–046)
    /// need 468 calls and 2,880 permutations; the poison 10-node clique (test074) trips the permutation limit
    /// in under a second in a debug build.
    public static let `default` = RDFCanonicalizationLimits(maxHashNDegreeCalls: 10_000, maxPermutations: 100_000)
}

/// The hash algorithm RDFC-1.0 runs with (RDFC-1.0 §4.4; SHA-256 unless the caller chooses otherwise).
public enum RDFCanonicalizationHashAlgorithm: Equatable, Sendable {
    /// SHA-256, the default.
    case sha256
    /// SHA-384.
    case sha384
}

extension RDFCanonicalizationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .hashNDegreeCallLimitExceeded(let limit):
            "RDFC-1.0 stopped after \(limit) Hash N-Degree Quads calls (a poison dataset)"
        case .permutationLimitExceeded(let limit):
            "RDFC-1.0 stopped after \(limit) blank node permutations (a poison dataset)"
        }
    }
}
