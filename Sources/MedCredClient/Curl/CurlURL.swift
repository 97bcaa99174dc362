internal import CCurl

/// Owns one `CURLU` URL handle and frees it in `deinit`; parses a URL the way the transfer will.
final class CurlURL {
    /// The result of parsing a URL with libcurl's URL API.
    enum Parsed {
        case url(scheme: String, host: String)
        case unsupportedScheme
        case malformed
    }

    private let handle: OpaquePointer

    private init?() {
        guard CurlGlobal.isReady, let handle = curl_url() else { return nil }
        self.handle = handle
    }

    deinit { curl_url_cleanup(handle) }

    /// Parses an absolute URL; no scheme is guessed.
    static func parse(_ text: String) -> Parsed {
        guard let url = CurlURL() else { return .malformed }
        switch curl_url_set(url.handle, CURLUPART_URL, text, 0) {
        case CURLUE_OK: break
        case CURLUE_UNSUPPORTED_SCHEME: return .unsupportedScheme
        default: return .malformed
        }
        guard let scheme = url.part(CURLUPART_SCHEME)?.lowercased() else { return .malformed }
        // A file: URL has no host, so the scheme is judged first.
        guard scheme == "http" || scheme == "https" else { return .unsupportedScheme }
        guard let host = url.part(CURLUPART_HOST) else { return .malformed }
        return .url(scheme: scheme, host: host)
    }

    private func part(_ which: CURLUPart) -> String? {
        var text: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &text, 0) == CURLUE_OK, let text else { return nil }
        defer { curl_free(text) }
        return String(cString: text)
    }
}
