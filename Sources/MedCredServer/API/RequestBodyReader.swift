public import Hummingbird
public import MedCredCore

/// Reads request bodies with a limit per kind of route and parses JSON with MedCred's strict I-JSON parser,
/// so that oversized or malformed input is refused with a specific problem before any work is done.
public enum RequestBodyReader {
    /// Small control requests (status changes, challenges, admin actions).
    public static let smallLimit = 64 * 1024
    /// One credential or presentation.
    public static let documentLimit = 1024 * 1024
    /// A batch of credentials to issue.
    public static let batchLimit = 16 * 1024 * 1024
    /// The largest limit of any route.
    public static let largestLimit = batchLimit

    /// The raw body, at most `limit` bytes.
    /// - Throws: ``APIProblem`` `body-too-large` (413).
    public static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch {
            throw APIProblem(
                "body-too-large", status: .contentTooLarge, detail: "the request body exceeds \(limit) bytes")
        }
        return Array(buffer.readableBytesView)
    }

    /// The body parsed as JSON.
    /// - Throws: ``APIProblem`` `body-too-large`, `unsupported-media-type` (415) for a declared non-JSON type,
    ///   or `malformed-json` (400) with the parser's reason and byte offset.
    public static func json(_ request: Request, limit: Int) async throws -> JSONValue {
        if let type = request.headers[.contentType]?.lowercased(),
            !(type.hasPrefix("application/json") || type.hasPrefix("application/ld+json")
                || type.contains("+json"))
        {
            throw APIProblem(
                "unsupported-media-type", status: .unsupportedMediaType,
                detail: "the body must be application/json")
        }
        let body = try await bytes(request, limit: limit)
        do { return try JSONValue(parsing: body, limits: JSONLimits(maxBytes: limit)) } catch {
            throw APIProblem("malformed-json", status: .badRequest, detail: "\(error)")
        }
    }

    /// The body as a JSON object.
    /// - Throws: as ``json(_:limit:)``, and `malformed-request` when it is not an object.
    public static func object(_ request: Request, limit: Int) async throws -> JSONObject {
        guard let object = try await json(request, limit: limit).objectValue else {
            throw APIProblem.malformed("the body must be a JSON object")
        }
        return object
    }
}
