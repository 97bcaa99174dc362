public import MedCredCore

/// Why an HTTP exchange produced no response, or (for the JSON helpers) no usable one.
///
/// No case carries a request body or a header value: `Authorization` and bodies may hold secrets or health data.
public enum HTTPClientError: Error, Equatable, Sendable {
    /// The URL does not parse, or holds a space or a control character; credentials in it are masked.
    case invalidURL(String)
    /// The URL's scheme is not `http` or `https`.
    case unsupportedScheme
    /// A header name is not a token, or a name or value holds CR, LF or NUL.
    case invalidHeader(name: String)
    /// The host did not resolve, or refused or dropped the connection.
    case couldNotConnect(host: String)
    /// The connect or total timeout elapsed.
    case timedOut
    /// The response (headers and body) grew past the configured limit, in bytes.
    case responseTooLarge(limit: Int)
    /// TLS failed: handshake, certificate verification or hostname check.
    case tls(String)
    /// Redirects were followed and the server sent more than the configured limit.
    case tooManyRedirects(limit: Int)
    /// The task was cancelled while the transfer ran.
    case cancelled
    /// Any other libcurl failure: its code and message.
    case transport(code: Int, message: String)
    /// `getJSON` got a status other than 2xx.
    case unexpectedStatus(Int)
    /// `getJSON` got a body that is not strict JSON.
    case invalidJSON(JSONParseError)
}

extension HTTPClientError: CustomStringConvertible {
    /// One line saying what went wrong.
    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid URL \"\(url)\""
        case .unsupportedScheme: "only http and https URLs are allowed"
        case .invalidHeader(let name): "invalid request header \"\(name)\""
        case .couldNotConnect(let host): "could not connect to \(host)"
        case .timedOut: "the request timed out"
        case .responseTooLarge(let limit): "the response exceeds the \(limit)-byte limit"
        case .tls(let message): "TLS failed: \(message)"
        case .tooManyRedirects(let limit): "more than \(limit) redirects"
        case .cancelled: "the request was cancelled"
        case .transport(let code, let message): "transfer failed (curl \(code)): \(message)"
        case .unexpectedStatus(let status): "unexpected HTTP status \(status)"
        case .invalidJSON(let error): "the response is not valid JSON: \(error)"
        }
    }
}
