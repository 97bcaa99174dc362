import Foundation
import Synchronization

/// Token buckets per client address: each client may make `burst` requests at once and `perSecond` on
/// average. Challenges and logins are limited this way, so one client cannot exhaust challenges or guess at
/// logins.
public final class RateLimiter: Sendable {
    /// A bucket's refill rate and size.
    public struct Limit: Sendable, Equatable {
        /// Requests per second on average.
        public let perSecond: Double
        /// Requests allowed at once.
        public let burst: Double

        /// Creates a limit.
        public init(perSecond: Double, burst: Double) {
            self.perSecond = perSecond
            self.burst = burst
        }
    }

    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    /// More clients than this and idle buckets are dropped, so memory stays bounded under address scans.
    static let maximumClients = 100_000

    private let limit: Limit
    private let clock: @Sendable () -> Double
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Creates a limiter.
    /// - Parameters:
    ///   - limit: the rate and burst per client.
    ///   - clock: seconds on a monotonic scale.
    public init(limit: Limit, clock: @escaping @Sendable () -> Double = RateLimiter.uptime) {
        self.limit = limit
        self.clock = clock
    }

    /// Takes one token for `client`.
    /// - Returns: `nil` when allowed, or the seconds after which a retry can succeed.
    public func acquire(client: String) -> Double? {
        let now = clock()
        let limit = limit
        return buckets.withLock { table in
            if table.count >= Self.maximumClients { table = table.filter { now - $0.value.updated < 60 } }
            var bucket = table[client] ?? Bucket(tokens: limit.burst, updated: now)
            bucket.tokens = min(limit.burst, bucket.tokens + (now - bucket.updated) * limit.perSecond)
            bucket.updated = now
            defer { table[client] = bucket }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / limit.perSecond }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Seconds since an arbitrary start, never going back.
    @Sendable public static func uptime() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
