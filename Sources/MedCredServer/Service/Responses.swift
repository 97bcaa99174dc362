import Foundation
public import Hummingbird
public import MedCredCore

/// JSON responses written with MedCred's serializer (member order kept, RFC 8785 numbers).
enum Responses {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, cache: String = "no-store") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = cache
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.utf8Bytes)))
    }

    static func bytes(_ bytes: [UInt8], contentType: String, cache: String, status: HTTPResponse.Status = .ok)
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = cache
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An RFC 3339 timestamp.
    static func time(_ date: Date) -> JSONValue { .string(XSDDateTime.timestamp(from: date)) }
}

/// Reading members of a request object with a specific problem for each way they can be wrong.
struct RequestFields {
    let object: JSONObject
    let allowed: Set<String>

    /// - Throws: `unknown-member` for a member the route does not know, so a typo is never silently ignored.
    init(_ object: JSONObject, allowed: Set<String>) throws {
        self.object = object
        self.allowed = allowed
        for key in object.names where !allowed.contains(key) {
            throw APIProblem(
                "unknown-member", status: .badRequest,
                detail: "unknown member '\(key)'; allowed: \(allowed.sorted().joined(separator: ", "))",
                extensions: ["pointer": .string("/" + key)])
        }
    }

    func string(_ name: String) throws -> String {
        guard let value = try optionalString(name) else {
            throw APIProblem.malformed("'\(name)' is required", pointer: "/" + name)
        }
        return value
    }

    func optionalString(_ name: String) throws -> String? {
        guard let value = object[name], value != .null else { return nil }
        guard let text = value.stringValue, !text.isEmpty, text.utf8.count <= 2048 else {
            throw APIProblem.malformed("'\(name)' must be a non-empty string", pointer: "/" + name)
        }
        return text
    }

    func strings(_ name: String) throws -> [String] {
        guard let items = object[name]?.arrayValue, !items.isEmpty, items.count <= 100 else {
            throw APIProblem.malformed("'\(name)' must be a non-empty array of strings", pointer: "/" + name)
        }
        return try items.enumerated().map { index, item in
            guard let text = item.stringValue, !text.isEmpty else {
                throw APIProblem.malformed("'\(name)' must hold strings", pointer: "/\(name)/\(index)")
            }
            return text
        }
    }

    func optionalDate(_ name: String) throws -> Date? {
        guard let text = try optionalString(name) else { return nil }
        guard let time = try? XSDDateTime(parsing: text, requiringTimezone: true), let date = time.date else {
            throw APIProblem.malformed("'\(name)' must be a date-time with a time zone", pointer: "/" + name)
        }
        return date
    }

    func options() throws -> JSONObject {
        guard let value = object["options"], value != .null else { return [:] }
        guard let options = value.objectValue else {
            throw APIProblem.malformed("'options' must be an object", pointer: "/options")
        }
        return options
    }
}
