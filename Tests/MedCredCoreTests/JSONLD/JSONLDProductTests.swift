import MedCredCore
import Testing

/// MedCred's own JSON-LD behaviour beyond the W3C suite: undefined terms fail by default, and nothing is
/// fetched without a loader.
@Suite struct JSONLDProductTests {
    static let context: JSONValue = [
        "@version": 1.1,
        "name": "https://schema.org/name",
        "Person": "https://schema.org/Person",
        "ignored": ["@id": nil],
        "age": ["@id": "https://schema.org/age", "@type": "http://www.w3.org/2001/XMLSchema#integer"],
    ]

    static func document(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject([("@context", context)] + members))
    }

    @Test func rejectsUndefinedPropertyByDefault() {
        let input = Self.document([("name", "Ada"), ("nickname", "A")])
        #expect(throws: JSONLDError(.undefinedTerm, "nickname")) {
            try JSONLD.expand(input, options: JSONLDOptions())
        }
    }

    @Test func rejectsUndefinedTypeByDefault() {
        let input = Self.document([("@type", "Robot"), ("name", "R2")])
        #expect(throws: JSONLDError(.undefinedTerm, "Robot")) { try JSONLD.toRDF(input, options: JSONLDOptions()) }
    }

    @Test func dropsUndefinedPropertyWhenAskedTo() throws {
        let input = Self.document([("name", "Ada"), ("nickname", "A")])
        let expanded = try JSONLD.expand(input, options: JSONLDOptions(undefinedTerms: .drop))
        #expect(expanded == [["https://schema.org/name": [["@value": "Ada"]]]])
    }

    @Test func dropsTermMappedToNullWithoutError() throws {
        let input = Self.document([("name", "Ada"), ("ignored", "x")])
        let expanded = try JSONLD.expand(input, options: JSONLDOptions())
        #expect(expanded == [["https://schema.org/name": [["@value": "Ada"]]]])
    }

    @Test func refusesRemoteContextWithoutLoader() {
        let input: JSONValue = ["@context": "https://example.org/context.jsonld", "name": "Ada"]
        #expect(throws: JSONLDError(.loadingRemoteContextFailed, "https://example.org/context.jsonld")) {
            try JSONLD.expand(input, options: JSONLDOptions())
        }
    }

    @Test func writesTypedAndNativeLiterals() throws {
        let input = Self.document([
            ("@id", "urn:example:ada"), ("@type", "Person"), ("age", 36), ("https://example.org/p", 1.5),
            ("https://example.org/q", true), ("https://example.org/r", 5),
        ])
        let dataset = try JSONLD.toRDF(input, options: JSONLDOptions())
        let lines = Set(dataset.quads.map(NQuads.line))
        #expect(
            lines == [
                "<urn:example:ada> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> .\n",
                "<urn:example:ada> <https://schema.org/age> \"36\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
                "<urn:example:ada> <https://example.org/p> \"1.5E0\"^^<http://www.w3.org/2001/XMLSchema#double> .\n",
                "<urn:example:ada> <https://example.org/q> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n",
                "<urn:example:ada> <https://example.org/r> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
            ])
    }
}
