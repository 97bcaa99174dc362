/// One HTTP request: what ``HTTPClient/send(_:)`` puts on the wire.
public struct HTTPRequest: Sendable {
    /// The request methods MedCred uses.
    public enum Method: String, Sendable, CaseIterable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
    }

    /// The request method.
    public var method: Method
    /// The absolute `http` or `https` URL.
    public var url: String
    /// Header fields in order; names as given. A value may hold a secret (`Authorization`), so no error prints it.
    public var headers: [(String, String)]
    /// The body; `nil` sends none.
    public var body: [UInt8]?

    /// A request.
    /// - Parameters:
    ///   - method: the request method.
    ///   - url: the absolute `http` or `https` URL.
    ///   - headers: header fields in order.
    ///   - body: the body, or `nil` for none.
    public init(method: Method = .get, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
