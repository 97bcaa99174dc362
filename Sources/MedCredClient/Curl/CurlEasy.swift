internal import CCurl

/// Owns one `CURL` easy handle and its error buffer, and frees both in `deinit`.
///
/// Nothing else calls `curl_easy_cleanup`. A handle serves one transfer on one thread, then is dropped.
final class CurlEasy {
    /// A setopt call that libcurl refused, with libcurl's code.
    struct OptionFailure: Error {
        let code: CURLcode
    }

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init?() {
        guard CurlGlobal.isReady, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        // The buffer lives exactly as long as the handle that writes into it.
        _ = medcred_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(OptionFailure) {
        try check(medcred_curl_setopt_long(handle, option, value))
    }

    func set(_ option: CURLoption, _ value: String) throws(OptionFailure) {
        // libcurl copies string options (except POSTFIELDS, which is never set through here).
        try check(medcred_curl_setopt_string(handle, option, value))
    }

    func set(_ option: CURLoption, offset value: curl_off_t) throws(OptionFailure) {
        try check(medcred_curl_setopt_off_t(handle, option, value))
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(OptionFailure) {
        try check(medcred_curl_setopt_pointer(handle, option, value))
    }

    /// Sets the body; `CURLOPT_COPYPOSTFIELDS` copies the bytes, so no pointer outlives this call.
    func setBody(_ body: [UInt8]) throws(OptionFailure) {
        try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: curl_off_t(body.count))
        if body.isEmpty {
            try set(CURLOPT_COPYPOSTFIELDS, "")
        } else {
            let code = body.withUnsafeBytes { bytes in
                medcred_curl_setopt_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            }
            try check(code)
        }
    }

    func setWriteFunction(
        _ callback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int
    ) throws(OptionFailure) {
        try check(medcred_curl_setopt_write_function(handle, callback))
    }

    func setHeaderFunction(
        _ callback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int
    ) throws(OptionFailure) {
        try check(medcred_curl_setopt_header_function(handle, callback))
    }

    func setProgressFunction(
        _ callback: @convention(c) (UnsafeMutableRawPointer?, curl_off_t, curl_off_t, curl_off_t, curl_off_t) -> Int32
    ) throws(OptionFailure) {
        try check(medcred_curl_setopt_xferinfo_function(handle, callback))
    }

    /// Runs the transfer on the calling thread; blocks until it ends.
    func perform() -> CURLcode {
        errorBuffer[0] = 0
        return curl_easy_perform(handle)
    }

    /// The last response's status code.
    func responseCode() -> Int? {
        var status = 0
        guard medcred_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK else { return nil }
        return status
    }

    /// libcurl's detailed message for the last failure, or its generic text for `code`.
    func message(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer).trimmingTrailingNewlines()
        if !detail.isEmpty { return detail }
        guard let text = curl_easy_strerror(code) else { return "unknown error" }
        return String(cString: text)
    }

    private func check(_ code: CURLcode) throws(OptionFailure) {
        guard code == CURLE_OK else { throw OptionFailure(code: code) }
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last.isNewline || last == " " { text = text.dropLast() }
        return String(text)
    }
}
