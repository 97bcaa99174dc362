/// Typed reads of DID document members that report the JSON Pointer (RFC 6901) of what was wrong.
enum DIDJSONReader {
    typealias Failure = DIDDocumentError

    /// RFC 6901 §3: `~` becomes `~0` and `/` becomes `~1` in a reference token.
    static func pointer(_ base: String, _ token: String) -> String {
        var escaped = ""
        for c in token {
            switch c {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(c)
            }
        }
        return base + "/" + escaped
    }

    static func pointer(_ base: String, _ index: Int) -> String { base + "/" + String(index) }

    static func object(_ value: JSONValue, at pointer: String) throws(Failure) -> JSONObject {
        guard let object = value.objectValue else { throw .wrongType(pointer: pointer, expected: .object) }
        return object
    }

    static func string(_ value: JSONValue, at pointer: String) throws(Failure) -> String {
        guard let string = value.stringValue else { throw .wrongType(pointer: pointer, expected: .string) }
        return string
    }

    static func array(_ value: JSONValue, at pointer: String) throws(Failure) -> [JSONValue] {
        guard let array = value.arrayValue else { throw .wrongType(pointer: pointer, expected: .array) }
        return array
    }

    static func required(_ object: JSONObject, _ name: String, at base: String) throws(Failure) -> JSONValue {
        guard let value = object[name] else { throw .missingMember(pointer: pointer(base, name)) }
        return value
    }

    /// A string or an array of strings, each with its own pointer.
    static func strings(_ value: JSONValue, at pointer: String) throws(Failure) -> [(String, String)] {
        if let single = value.stringValue { return [(single, pointer)] }
        guard let array = value.arrayValue else { throw .wrongType(pointer: pointer, expected: .stringOrArray) }
        var result: [(String, String)] = []
        for (index, element) in array.enumerated() {
            let elementPointer = Self.pointer(pointer, index)
            guard let string = element.stringValue else {
                throw .wrongType(pointer: elementPointer, expected: .string)
            }
            result.append((string, elementPointer))
        }
        return result
    }

    static func did(_ text: String, at pointer: String) throws(Failure) -> DID {
        do { return try DID(parsing: text) } catch { throw .invalidDID(pointer: pointer, error) }
    }

    static func didURL(_ text: String, relativeTo base: DID, at pointer: String) throws(Failure) -> DIDURL {
        do { return try DIDURL(parsing: text, relativeTo: base) } catch {
            throw .invalidDIDURL(pointer: pointer, error)
        }
    }

    /// The members of `object` whose names are not in `known`, in order.
    static func unknownMembers(of object: JSONObject, known: Set<String>) -> JSONObject {
        var rest = JSONObject()
        for (name, value) in object where !known.contains(name) { rest[name] = value }
        return rest
    }

    /// `[value]` as one string when it has one element, else an array (DID Core lets both spell a set).
    static func stringOrArray(_ values: [String]) -> JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map(JSONValue.string))
    }
}
