/// The result of applying one schema at one instance location: its violations and, when it passed, the
/// annotations `unevaluatedProperties` and `unevaluatedItems` read.
///
/// JSON Schema 2020-12 Core §7.7 (annotations, dropped when a schema fails) and §11:
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-7.7>. Members are recorded by position,
/// not by name, because names compare by Unicode scalars and `Set<String>` would merge canonically
/// equivalent names.
struct SchemaOutcome {
    var violations: [SchemaViolation] = []
    /// Positions of the instance object's members that some passing keyword evaluated.
    var evaluatedMembers: Set<Int> = []
    /// Positions of the instance array's elements that some passing keyword evaluated.
    var evaluatedElements: Set<Int> = []
    /// Whether every element was evaluated (`items` or `unevaluatedItems` applied).
    var evaluatedAllElements = false

    var isValid: Bool { violations.isEmpty }

    /// Takes `other`'s violations, and its annotations only if it passed.
    mutating func absorb(_ other: SchemaOutcome) {
        violations += other.violations
        guard other.isValid else { return }
        absorbAnnotations(other)
    }

    /// Takes `other`'s annotations only (for a subschema whose failure is judged elsewhere).
    mutating func absorbAnnotations(_ other: SchemaOutcome) {
        evaluatedMembers.formUnion(other.evaluatedMembers)
        evaluatedElements.formUnion(other.evaluatedElements)
        evaluatedAllElements = evaluatedAllElements || other.evaluatedAllElements
    }
}

/// Where evaluation is: the instance location, the keyword path taken, and the keyword that applied the
/// current schema (Core §12.3.1, §12.3.3).
struct SchemaPath {
    var instance = ""
    var keyword = ""
    var via = ""

    /// The path into the subschema of a single-schema keyword, at the same instance location.
    func applying(_ keyword: String) -> SchemaPath {
        SchemaPath(instance: instance, keyword: SchemaPointer.appending(self.keyword, keyword), via: keyword)
    }

    /// The path into `keyword`'s subschema named `token` (`properties/foo`, `$defs/x`).
    func applying(_ keyword: String, _ token: String) -> SchemaPath {
        var path = applying(keyword)
        path.keyword = SchemaPointer.appending(path.keyword, token)
        return path
    }

    /// The path into `keyword`'s subschema at `position` (`allOf/1`).
    func applying(_ keyword: String, _ position: Int) -> SchemaPath {
        var path = applying(keyword)
        path.keyword = SchemaPointer.appending(path.keyword, position)
        return path
    }

    /// The same path, moved to the member `name` of the instance.
    func member(_ name: String) -> SchemaPath {
        SchemaPath(instance: SchemaPointer.appending(instance, name), keyword: keyword, via: via)
    }

    /// The same path, moved to the element at `position` of the instance.
    func element(_ position: Int) -> SchemaPath {
        SchemaPath(instance: SchemaPointer.appending(instance, position), keyword: keyword, via: via)
    }

    /// A violation of `keyword` here; `message` follows the field's name.
    func violation(_ keyword: String, _ message: String) -> SchemaViolation {
        SchemaViolation(
            instanceLocation: instance, keywordLocation: SchemaPointer.appending(self.keyword, keyword),
            keyword: keyword, message: "\(fieldName): \(message)")
    }

    /// The instance field this path is at: the last member name, with element indexes as `name[2]`.
    var fieldName: String {
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
