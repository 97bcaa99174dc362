internal import CCurl

/// libcurl's process-wide setup, run once before the first handle is made.
enum CurlGlobal {
    /// Whether `curl_global_init` succeeded; every entry point reads this first, so it runs exactly once
    /// (a `static let` is initialised lazily and thread-safely).
    static let isReady: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}
