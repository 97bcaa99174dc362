/// An RFC 6901 JSON Pointer being built while walking a credential, <https://www.rfc-editor.org/rfc/rfc6901>.
struct CredentialPointer: Hashable, Sendable, CustomStringConvertible {
    /// The pointer text; `""` is the whole document.
    let text: String
    /// Whether appending leaves the pointer unchanged: set while reading a remote context document, whose
    /// members are not part of the checked document, so problems point at the `@context` entry naming it.
    private(set) var isFixed = false

    /// The whole document.
    static let root = CredentialPointer(text: "")

    /// The pointer to member `name` of the object here, with `~` and `/` escaped (RFC 6901 §3).
    func appending(_ name: String) -> CredentialPointer {
        if isFixed { return self }
        return CredentialPointer(text: text + "/" + name.replacingTildeAndSlash())
    }

    /// The pointer to element `index` of the array here.
    func appending(_ index: Int) -> CredentialPointer {
        if isFixed { return self }
        return CredentialPointer(text: text + "/\(index)")
    }

    /// This pointer, made insensitive to appending.
    var fixed: CredentialPointer {
        var pointer = self
        pointer.isFixed = true
        return pointer
    }

    var description: String { text }
}

extension String {
    /// RFC 6901 §3 escaping: `~` becomes `~0`, then `/` becomes `~1`.
    fileprivate func replacingTildeAndSlash() -> String {
        var result = ""
        for character in self {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}

/// Collects every problem found, in document order.
struct CredentialProblemCollector {
    private(set) var problems: [CredentialProblem] = []

    /// Records a ``ProblemType/malformedValue`` problem.
    mutating func malformed(_ pointer: CredentialPointer, _ detail: String) {
        problems.append(CredentialProblem(type: .malformedValue, pointer: pointer.text, detail: detail))
    }

    /// Records a ``ProblemType/range`` problem.
    mutating func outOfRange(_ pointer: CredentialPointer, _ detail: String) {
        problems.append(CredentialProblem(type: .range, pointer: pointer.text, detail: detail))
    }

    /// Records problems found elsewhere (in a processed context document) at `pointer`.
    mutating func append(_ found: [CredentialProblem], at pointer: CredentialPointer) {
        for problem in found {
            problems.append(
                CredentialProblem(
                    type: problem.type, pointer: pointer.text, title: problem.title, detail: problem.detail))
        }
    }

    /// Records the problems of an embedded document under `pointer`.
    mutating func append(contentsOf nested: [CredentialProblem], under pointer: CredentialPointer) {
        problems += nested.map { $0.nested(under: pointer.text) }
    }
}

/// Small readers shared by the credential and presentation checks.
enum CredentialJSON {
    /// The elements of an array, or the value itself as a set of one (JSON-LD sets may be written either
    /// way, JSON-LD 1.1 §4.3.1).
    static func values(of value: JSONValue) -> [JSONValue] {
        if case .array(let elements) = value { elements } else { [value] }
    }

    /// The pointers and values of a set written as an array or a single value.
    static func members(of value: JSONValue, at pointer: CredentialPointer) -> [(CredentialPointer, JSONValue)] {
        guard case .array(let elements) = value else { return [(pointer, value)] }
        return elements.enumerated().map { (pointer.appending($0.offset), $0.element) }
    }

    /// The objects of a set written as an array or a single object; non-objects are skipped.
    static func objects(of value: JSONValue?) -> [JSONObject] {
        guard let value else { return [] }
        return values(of: value).compactMap(\.objectValue)
    }

    /// The strings of a set written as an array or a single string; non-strings are skipped.
    static func strings(of value: JSONValue?) -> [String] {
        guard let value else { return [] }
        return values(of: value).compactMap(\.stringValue)
    }

    /// A short name for the JSON type of `value`, for details ("a number", "null").
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
