/// Typed access to the keywords of one schema object, failing with the keyword's location.
///
/// JSON Schema Validation 2020-12 §6 states each keyword's allowed value, e.g. §6.3.1 "The value of this
/// keyword MUST be a non-negative integer": <https://json-schema.org/draft/2020-12/json-schema-validation#section-6>.
struct SchemaKeywordReader {
    let object: JSONObject
    let address: SchemaAddress
    let index: SchemaIndex

    /// The address of the value of `keyword`.
    func child(_ keyword: String) -> SchemaAddress {
        SchemaAddress(document: address.document, pointer: SchemaPointer.appending(address.pointer, keyword))
    }

    /// The location of `keyword`, for errors.
    func location(_ keyword: String) -> String {
        index.location(child(keyword))
    }

    private func invalid(_ keyword: String) -> SchemaError {
        .invalidKeywordValue(keyword: keyword, location: location(keyword))
    }

    func string(_ keyword: String) throws(SchemaError) -> String? {
        guard let value = object[keyword] else { return nil }
        guard case .string(let text) = value else { throw invalid(keyword) }
        return text
    }

    func number(_ keyword: String) throws(SchemaError) -> Double? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let number) = value else { throw invalid(keyword) }
        return number
    }

    /// A non-negative integer; `2.0` counts as `2` (Validation §4.2.2), and huge values saturate.
    func count(_ keyword: String) throws(SchemaError) -> Int? {
        guard let number = try number(keyword) else { return nil }
        guard number >= 0, number.rounded(.towardZero) == number else { throw invalid(keyword) }
        return number >= 9.0e18 ? Int.max : Int(number)
    }

    /// An array of unique strings (Validation §6.5.3 `required`, §6.5.4 `dependentRequired`).
    func uniqueStrings(_ value: JSONValue, keyword: String) throws(SchemaError) -> [String] {
        guard case .array(let elements) = value else { throw invalid(keyword) }
        var names: [String] = []
        for element in elements {
            guard case .string(let name) = element else { throw invalid(keyword) }
            names.append(name)
        }
        guard Set(elements).count == elements.count else { throw invalid(keyword) }
        return names
    }

    /// Reads every assertion keyword (Validation §6 and §7) into `keywords`.
    func readAssertions(into keywords: inout SchemaKeywords, assertsFormat: Bool) throws(SchemaError) {
        try readGeneric(into: &keywords)
        keywords.minimum = try number("minimum")
        keywords.maximum = try number("maximum")
        keywords.exclusiveMinimum = try number("exclusiveMinimum")
        keywords.exclusiveMaximum = try number("exclusiveMaximum")
        keywords.multipleOf = try number("multipleOf")
        if let divisor = keywords.multipleOf, !(divisor > 0) { throw invalid("multipleOf") }
        keywords.minLength = try count("minLength")
        keywords.maxLength = try count("maxLength")
        if let pattern = try string("pattern") {
            guard SchemaPattern.compile(pattern) != nil else {
                throw .invalidPattern(pattern, location: location("pattern"))
            }
            keywords.pattern = SchemaCompiledPattern(pattern)
        }
        if let format = try string("format"), assertsFormat {
            let known: [String: SchemaFormat] = ["date": .date, "date-time": .dateTime, "uri": .uri]
            keywords.format = known[format]
        }
        keywords.minItems = try count("minItems")
        keywords.maxItems = try count("maxItems")
        keywords.minContains = try count("minContains")
        keywords.maxContains = try count("maxContains")
        if let unique = object["uniqueItems"] {
            guard case .bool(let flag) = unique else { throw invalid("uniqueItems") }
            keywords.uniqueItems = flag
        }
        keywords.minProperties = try count("minProperties")
        keywords.maxProperties = try count("maxProperties")
        try readObjectAssertions(into: &keywords)
    }

    /// `type`, `enum` and `const` (Validation §6.1).
    private func readGeneric(into keywords: inout SchemaKeywords) throws(SchemaError) {
        switch object["type"] {
        case nil: break
        case .string(let name)?:
            guard let type = SchemaType(rawValue: name) else { throw invalid("type") }
            keywords.types = [type]
        case .array(let names)?:
            var types: [SchemaType] = []
            for name in names {
                guard let type = name.stringValue.flatMap(SchemaType.init(rawValue:)), !types.contains(type) else {
                    throw invalid("type")
                }
                types.append(type)
            }
            keywords.types = types
        default: throw invalid("type")
        }
        if let values = object["enum"] {
            guard case .array(let elements) = values else { throw invalid("enum") }
            keywords.enumValues = elements
        }
        keywords.constValue = object["const"]
    }

    /// `required` and `dependentRequired` (Validation §6.5.3, §6.5.4).
    private func readObjectAssertions(into keywords: inout SchemaKeywords) throws(SchemaError) {
        if let required = object["required"] {
            keywords.required = try uniqueStrings(required, keyword: "required")
        }
        if let dependencies = object["dependentRequired"] {
            guard case .object(let members) = dependencies else { throw invalid("dependentRequired") }
            for member in members {
                let names = try uniqueStrings(member.value, keyword: "dependentRequired")
                keywords.dependentRequired.append((member.name, names))
            }
        }
    }
}
