/// One reason an instance does not validate against a schema.
///
/// JSON Schema 2020-12 Core §12.3 (output units: `instanceLocation`, `keywordLocation`, `error`):
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-12.3>. Messages name the failing
/// field and the rule, never the instance's value: subjects carry health data (STYLE.md §4).
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    /// Where in the instance the failing value is: an RFC 6901 JSON Pointer such as
    /// `/credentialSubject/licenseNumber` (empty for the whole instance).
    public var instanceLocation: String
    /// The path of keywords taken through the schema to the failing keyword, including `$ref` steps
    /// (Core §12.3.1), e.g. `/properties/licensee/$ref/required`.
    public var keywordLocation: String
    /// The keyword that failed, e.g. `pattern`, `required`, `additionalProperties`.
    public var keyword: String
    /// A sentence naming the field and the rule, e.g. `licenseNumber: does not match pattern ^[A-Z]+$`.
    public var message: String

    /// A violation.
    /// - Parameters:
    ///   - instanceLocation: The RFC 6901 pointer to the failing value.
    ///   - keywordLocation: The evaluation path to the failing keyword.
    ///   - keyword: The failing keyword.
    ///   - message: What is wrong, without the value itself.
    public init(instanceLocation: String, keywordLocation: String, keyword: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.keyword = keyword
        self.message = message
    }

    /// `<instanceLocation>: <message>`, with `/` for the whole instance.
    public var description: String {
        "\(instanceLocation.isEmpty ? "/" : instanceLocation): \(message)"
    }
}
