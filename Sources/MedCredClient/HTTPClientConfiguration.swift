/// Limits and policies for every request an ``HTTPClient`` sends.
public struct HTTPClientConfiguration: Sendable {
    /// Whether to follow redirects.
    public enum RedirectPolicy: Sendable, Equatable {
        /// Return a 3xx response as it is (the default).
        case none
        /// Follow up to `limit` redirects, to `http` and `https` URLs only; from `https`, to `https` only.
        case follow(limit: Int)
    }

    /// The default response limit: 4 MiB.
    public static let defaultMaxResponseBytes = 4 << 20

    /// The longest wait for the TCP and TLS handshakes.
    public var connectTimeout: Duration
    /// The longest a whole exchange may take, connecting included.
    public var timeout: Duration
    /// The most bytes of response headers and body together; a larger response fails with
    /// ``HTTPClientError/responseTooLarge(limit:)``.
    public var maxResponseBytes: Int
    /// Whether and how far to follow redirects.
    public var redirects: RedirectPolicy
    /// The `User-Agent` sent with every request.
    public var userAgent: String
    /// A PEM file of certificate authorities to trust instead of the system's, e.g. a clinic's private CA or a
    /// test's; TLS is verified either way.
    public var trustedCertificates: String?

    /// A configuration; every parameter has a conservative default.
    /// - Parameters:
    ///   - connectTimeout: the handshake limit; 10 seconds by default.
    ///   - timeout: the whole-exchange limit; 30 seconds by default.
    ///   - maxResponseBytes: the response limit; 4 MiB by default.
    ///   - redirects: the redirect policy; none are followed by default.
    ///   - userAgent: `medcred/<version>` by default.
    ///   - trustedCertificates: a PEM CA bundle to trust instead of the system's.
    public init(
        connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30),
        maxResponseBytes: Int = HTTPClientConfiguration.defaultMaxResponseBytes,
        redirects: RedirectPolicy = .none, userAgent: String = "medcred/\(MedCredClient.version)",
        trustedCertificates: String? = nil
    ) {
        self.trustedCertificates = trustedCertificates
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.redirects = redirects
        self.userAgent = userAgent
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 so that curl never reads 0 as "no timeout".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        guard !millis.overflow else { return Int.max }
        return max(1, Int(clamping: millis.partialValue + attoseconds / 1_000_000_000_000_000))
    }
}
