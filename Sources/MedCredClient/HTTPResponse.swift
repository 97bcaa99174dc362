/// One HTTP response as received: any status, including 4xx and 5xx, is a response and not an error.
public struct HTTPResponse: Sendable {
    /// The status code (`200`, `404`, …).
    public var status: Int
    /// Header fields in received order, names lower-cased, values without surrounding whitespace.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]

    /// A response.
    /// - Parameters:
    ///   - status: the status code.
    ///   - headers: header fields; names are lower-cased here.
    ///   - body: the body bytes.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers.map { ($0.0.lowercased(), $0.1) }
        self.body = body
    }

    /// The first value of a header field, matched case-insensitively.
    /// - Parameter name: the field name.
    /// - Returns: its first value, or `nil` when the response has no such field.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0 == wanted }?.1
    }

    /// Every value of a header field, in received order (`set-cookie`, `link`).
    /// - Parameter name: the field name.
    /// - Returns: its values; empty when there are none.
    public func headers(named name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.0 == wanted }.map(\.1)
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

extension HTTPResponse: Equatable {
    /// Same status, same header fields in the same order, same body.
    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.count == rhs.headers.count
            && zip(lhs.headers, rhs.headers).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}
