internal import CCurl

/// Owns one `curl_slist` of request header lines and frees it in `deinit`.
///
/// libcurl reads the list during `curl_easy_perform`, so the list must outlive the transfer that uses it.
final class CurlHeaderList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init() {}

    deinit { curl_slist_free_all(head) }

    /// Appends one header line (`Name: value`); libcurl copies the text.
    /// - Returns: `false` when libcurl could not allocate the node.
    func append(_ line: String) -> Bool {
        guard let next = curl_slist_append(head, line) else { return false }
        head = next
        return true
    }
}
