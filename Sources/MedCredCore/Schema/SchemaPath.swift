/// Where evaluation is: the instance location, the keyword path taken, and the keyword that applied the
/// current schema (Core §12.3.1, §12.3.3).
///
/// JSON Schema 2020-12 Core §12.3: <https://json-schema.org/draft/2020-12/json-schema-core#section-12.3>.
/// Both locations are kept as chains of reference tokens shared with the parent path, and rendered as
/// RFC 6901 JSON Pointers only when a violation needs them: most evaluations find none.
struct SchemaPath {
    private var instanceSteps: SchemaPathStep?
    private var keywordSteps: SchemaPathStep?
    /// The keyword that applied the current schema ("" at the root).
    private(set) var via = ""

    /// The instance location, an RFC 6901 JSON Pointer ("" for the whole instance).
    var instance: String { SchemaPathStep.pointer(instanceSteps) }

    /// The keyword location: the path of keywords taken through the schema.
    var keyword: String { SchemaPathStep.pointer(keywordSteps) }

    /// The path into the subschema of a single-schema keyword, at the same instance location.
    func applying(_ keyword: String) -> SchemaPath {
        var path = self
        path.keywordSteps = SchemaPathStep(keywordSteps, .name(keyword), nil)
        path.via = keyword
        return path
    }

    /// The path into `keyword`'s subschema named `token` (`properties/foo`, `$defs/x`).
    func applying(_ keyword: String, _ token: String) -> SchemaPath {
        var path = self
        path.keywordSteps = SchemaPathStep(keywordSteps, .name(keyword), .name(token))
        path.via = keyword
        return path
    }

    /// The path into `keyword`'s subschema at `position` (`allOf/1`).
    func applying(_ keyword: String, _ position: Int) -> SchemaPath {
        var path = self
        path.keywordSteps = SchemaPathStep(keywordSteps, .name(keyword), .index(position))
        path.via = keyword
        return path
    }

    /// The same path, moved to the member `name` of the instance.
    func member(_ name: String) -> SchemaPath {
        var path = self
        path.instanceSteps = SchemaPathStep(instanceSteps, .name(name), nil)
        return path
    }

    /// The same path, moved to the element at `position` of the instance.
    func element(_ position: Int) -> SchemaPath {
        var path = self
        path.instanceSteps = SchemaPathStep(instanceSteps, .index(position), nil)
        return path
    }

    /// A violation of `keyword` here; `message` follows the field's name.
    func violation(_ keyword: String, _ message: String) -> SchemaViolation {
        SchemaViolation(
            instanceLocation: instance, keywordLocation: SchemaPointer.appending(self.keyword, keyword),
            keyword: keyword, message: "\(fieldName): \(message)")
    }

    /// The instance field this path is at: the last member name, with element indexes as `name[2]`.
    var fieldName: String { Self.fieldName(ofInstance: instance) }

    /// The field an instance location names: the last member name, with element indexes as `name[2]`.
    static func fieldName(ofInstance instance: String) -> String {
        guard let tokens = SchemaPointer.tokens(instance), !tokens.isEmpty else { return "instance" }
        var suffix = ""
        for token in tokens.reversed() {
            if !token.isEmpty, token.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                suffix = "[\(token)]" + suffix
                continue
            }
            return token + suffix
        }
        return "instance" + suffix
    }
}

/// One or two reference tokens appended to a shared parent location.
private final class SchemaPathStep {
    enum Token {
        case name(String)
        case index(Int)
    }

    let parent: SchemaPathStep?
    let first: Token
    let second: Token?

    init(_ parent: SchemaPathStep?, _ first: Token, _ second: Token?) {
        self.parent = parent
        self.first = first
        self.second = second
    }

    /// The JSON Pointer of the location ending at `last` (RFC 6901 §3).
    static func pointer(_ last: SchemaPathStep?) -> String {
        var tokens: [Token] = []
        var step = last
        while let current = step {
            if let second = current.second { tokens.append(second) }
            tokens.append(current.first)
            step = current.parent
        }
        var pointer = ""
        for token in tokens.reversed() {
            switch token {
            case .name(let name): pointer = SchemaPointer.appending(pointer, name)
            case .index(let position): pointer = SchemaPointer.appending(pointer, position)
            }
        }
        return pointer
    }
}
