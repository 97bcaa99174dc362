/// One-line messages for people (CLI output, problem `detail`); they quote schema locations, keywords,
/// identifiers and references from the schema, never instance values.
extension SchemaError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notASchema(let location): "the value at \(Self.quoted(location)) is not a schema (object or boolean)"
        case .invalidKeywordValue(let keyword, let location):
            "'\(keyword)' at \(Self.quoted(location)) has a value of the wrong type or range"
        case .invalidPattern(let pattern, let location):
            "the pattern '\(pattern)' at \(Self.quoted(location)) is not a regular expression this validator can run"
        case .invalidIdentifier(let identifier, let location):
            "the identifier '\(identifier)' at \(Self.quoted(location)) is malformed"
        case .duplicateIdentifier(let identifier, let location):
            "the identifier '\(identifier)' at \(Self.quoted(location)) is already used by another schema"
        case .invalidRegistryURI(let uri): "the schema registry key '\(uri)' is not an absolute URI"
        case .unresolvedReference(let reference, let location):
            "the reference '\(reference)' at \(Self.quoted(location)) names no known schema"
        case .referenceCycle(let location):
            "references at \(Self.quoted(location)) loop back without moving into the instance"
        case .depthLimitExceeded(let limit, let instanceLocation):
            "evaluation nests deeper than \(limit) schemas at instance location '\(instanceLocation)'"
        }
    }

    private static func quoted(_ location: String) -> String { "'\(location.isEmpty ? "#" : location)'" }
}
