import Hummingbird

/// Query parameters with a specific problem for each way they can be wrong.
enum Query {
    /// A canonical non-negative decimal, or `nil` when absent.
    static func optionalUInt(_ request: Request, _ name: String) throws -> UInt64? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard !text.isEmpty, text.count <= 20, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
            text == "0" || !text.hasPrefix("0"), let value = UInt64(text)
        else { throw APIProblem.malformed("query parameter '\(name)' must be a decimal integer") }
        return value
    }
}
