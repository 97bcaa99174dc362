internal import CCurl

/// One blocking libcurl exchange: configures a fresh easy handle, performs it and maps the outcome.
enum CurlTransfer {
    /// Runs `request` on the calling thread, which blocks until the exchange ends.
    /// - Parameters:
    ///   - request: a request whose URL and headers ``HTTPClient`` has already checked.
    ///   - host: the URL's host, for ``HTTPClientError/couldNotConnect(host:)``.
    ///   - configuration: limits and policies.
    ///   - cancellation: read by the progress callback; once set, the transfer stops.
    static func perform(
        _ request: HTTPRequest, host: String, configuration: HTTPClientConfiguration,
        cancellation: CurlCancellation
    ) -> Result<HTTPResponse, HTTPClientError> {
        guard let easy = CurlEasy() else {
            return .failure(.transport(code: Int(CURLE_FAILED_INIT.rawValue), message: "could not start libcurl"))
        }
        let headerList = CurlHeaderList()
        let sink = CurlResponseSink(limit: configuration.maxResponseBytes, cancellation: cancellation)
        do {
            try configure(easy, request: request, configuration: configuration)
            try configureHeaders(easy, list: headerList, request: request)
            try configureCallbacks(easy, sink: sink)
        } catch {
            return .failure(.transport(code: Int(error.code.rawValue), message: easy.message(for: error.code)))
        }
        let code = withExtendedLifetime((sink, headerList)) { easy.perform() }
        guard code == CURLE_OK else {
            return .failure(
                failure(code, easy: easy, sink: sink, request: request, host: host, configuration: configuration))
        }
        guard let status = easy.responseCode() else {
            return .failure(.transport(code: Int(CURLE_GOT_NOTHING.rawValue), message: "no response status"))
        }
        return .success(HTTPResponse(status: status, headers: sink.headers, body: sink.body))
    }

    private static func configure(
        _ easy: CurlEasy, request: HTTPRequest, configuration: HTTPClientConfiguration
    ) throws(CurlEasy.OptionFailure) {
        try easy.set(CURLOPT_URL, request.url)
        // Never file://, ftp://, dict:// or the like, on the first request or after a redirect.
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        // A redirect never downgrades https to http.
        let isHTTPS = request.url.lowercased().hasPrefix("https:")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, isHTTPS ? "https" : "http,https")
        // Signals would be unsafe on a thread pool; libcurl then times out DNS lookups with its threaded resolver.
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, configuration.timeout.curlMilliseconds)
        // TLS verification is always on; there is deliberately no switch to turn it off.
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let bundle = configuration.trustedCertificates { try easy.set(CURLOPT_CAINFO, bundle) }
        try easy.set(CURLOPT_USERAGENT, configuration.userAgent)
        // Refuse early when the server announces a larger body than the limit.
        try easy.set(CURLOPT_MAXFILESIZE_LARGE, offset: curl_off_t(configuration.maxResponseBytes))
        switch configuration.redirects {
        case .none:
            try easy.set(CURLOPT_FOLLOWLOCATION, 0)
        case .follow(let limit):
            try easy.set(CURLOPT_FOLLOWLOCATION, 1)
            try easy.set(CURLOPT_MAXREDIRS, max(0, limit))
        }
        switch request.method {
        case .get where request.body == nil: try easy.set(CURLOPT_HTTPGET, 1)
        case .post: try easy.set(CURLOPT_POST, 1)
        default: try easy.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        if let body = request.body {
            try easy.setBody(body)
        } else if request.method == .post {
            try easy.setBody([])
        }
    }

    private static func configureHeaders(
        _ easy: CurlEasy, list: CurlHeaderList, request: HTTPRequest
    ) throws(CurlEasy.OptionFailure) {
        var lines = request.headers.map { "\($0.0): \($0.1)" }
        // "Name:" with no value removes a header libcurl would add on its own: no 100-continue round trip,
        // and no made-up form content type on a body the caller did not label.
        lines.append("Expect:")
        if !request.headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            lines.append("Content-Type:")
        }
        for line in lines where !list.append(line) {
            throw CurlEasy.OptionFailure(code: CURLE_OUT_OF_MEMORY)
        }
        try easy.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(list.head))
    }

    private static func configureCallbacks(_ easy: CurlEasy, sink: CurlResponseSink) throws(CurlEasy.OptionFailure) {
        try easy.setWriteFunction(CurlResponseSink.writeBody)
        try easy.set(CURLOPT_WRITEDATA, pointer: sink.userdata)
        try easy.setHeaderFunction(CurlResponseSink.writeHeader)
        try easy.set(CURLOPT_HEADERDATA, pointer: sink.userdata)
        try easy.setProgressFunction(CurlResponseSink.progress)
        try easy.set(CURLOPT_XFERINFODATA, pointer: sink.userdata)
        try easy.set(CURLOPT_NOPROGRESS, 0)
    }

    private static func failure(
        _ code: CURLcode, easy: CurlEasy, sink: CurlResponseSink, request: HTTPRequest, host: String,
        configuration: HTTPClientConfiguration
    ) -> HTTPClientError {
        if sink.exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .responseTooLarge(limit: configuration.maxResponseBytes)
        }
        switch code {
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_OPERATION_TIMEDOUT: return .timedOut
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotConnect(host: host)
        case CURLE_UNSUPPORTED_PROTOCOL: return .unsupportedScheme
        case CURLE_URL_MALFORMAT: return .invalidURL(HTTPClient.redacted(url: request.url))
        case CURLE_TOO_MANY_REDIRECTS:
            if case .follow(let limit) = configuration.redirects { return .tooManyRedirects(limit: limit) }
            return .tooManyRedirects(limit: 0)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_INITFAILED,
            CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED,
            CURLE_SSL_CLIENTCERT:
            return .tls(easy.message(for: code))
        default:
            return .transport(code: Int(code.rawValue), message: easy.message(for: code))
        }
    }
}
