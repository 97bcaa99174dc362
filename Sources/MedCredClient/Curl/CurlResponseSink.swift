internal import CCurl

/// Collects one transfer's headers and body on the transfer thread, enforcing the size limit.
///
/// libcurl calls the callbacks below with an unretained pointer to this object; the transfer keeps it alive
/// (`withExtendedLifetime`) until `curl_easy_perform` returns, and no other thread touches it meanwhile.
final class CurlResponseSink {
    let limit: Int
    let cancellation: CurlCancellation
    private(set) var body: [UInt8] = []
    private(set) var headers: [(String, String)] = []
    private(set) var exceededLimit = false
    private var received = 0

    init(limit: Int, cancellation: CurlCancellation) {
        self.limit = limit
        self.cancellation = cancellation
    }

    /// Counts `length` more bytes against the limit; `false` once the limit is passed.
    private func admit(_ length: Int) -> Bool {
        let (total, overflow) = received.addingReportingOverflow(length)
        guard !overflow, total <= limit else {
            exceededLimit = true
            return false
        }
        received = total
        return true
    }

    fileprivate func appendBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard admit(bytes.count) else { return false }
        body.append(contentsOf: bytes)
        return true
    }

    fileprivate func appendHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard admit(bytes.count) else { return false }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line starts a new response (after 100 Continue or a followed redirect).
            headers.removeAll()
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = line[..<colon].trimmingWhitespace().lowercased()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        headers.append((name, value))
        return true
    }

    /// Hands libcurl an unretained pointer to this sink for its callbacks' `userdata`.
    var userdata: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ userdata: UnsafeMutableRawPointer?) -> CurlResponseSink? {
        guard let userdata else { return nil }
        return Unmanaged<CurlResponseSink>.fromOpaque(userdata).takeUnretainedValue()
    }
}

extension CurlResponseSink {
    /// `CURLOPT_WRITEFUNCTION`: returning fewer bytes than given makes libcurl stop with `CURLE_WRITE_ERROR`.
    static let writeBody: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, userdata in
        guard let sink = CurlResponseSink.from(userdata) else { return 0 }
        let length = size * count
        guard length > 0, let data else { return 0 }
        let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        return sink.appendBody(UnsafeBufferPointer(start: bytes, count: length)) ? length : 0
    }

    /// `CURLOPT_HEADERFUNCTION`: called once per header line, status line and final blank line included.
    static let writeHeader: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, userdata in
        guard let sink = CurlResponseSink.from(userdata) else { return 0 }
        let length = size * count
        guard length > 0, let data else { return 0 }
        let bytes = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        return sink.appendHeaderLine(UnsafeBufferPointer(start: bytes, count: length)) ? length : 0
    }

    /// `CURLOPT_XFERINFOFUNCTION`: libcurl calls it at least once a second; non-zero aborts the transfer.
    static let progress:
        @convention(c) (UnsafeMutableRawPointer?, curl_off_t, curl_off_t, curl_off_t, curl_off_t) -> Int32 = {
            userdata, _, _, _, _ in
            guard let sink = CurlResponseSink.from(userdata) else { return 1 }
            return sink.cancellation.isCancelled ? 1 : 0
        }
}

extension StringProtocol {
    /// Drops leading and trailing whitespace; `"\r\n"` is one `Character` and counts as whitespace.
    fileprivate func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
