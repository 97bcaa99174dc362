import MedCredCore
import Testing

/// ``JSONSchema`` as an API: registries, options, depth limits, boolean schemas and concurrency.
/// JSON Schema Core 2020-12: https://json-schema.org/draft/2020-12/json-schema-core
@Suite struct JSONSchemaTests {
    /// `levels` arrays, each holding the next: `[[[...]]]`.
    private static func nested(_ levels: Int) -> JSONValue {
        var value = JSONValue.array([])
        for _ in 0..<levels { value = .array([value]) }
        return value
    }

    private static let recursiveArrays: JSONValue = ["items": ["$ref": "#"], "maxItems": 1]

    @Test func stopsAtTheDepthLimitWithAnError() throws {
        let schema = try JSONSchema(Self.recursiveArrays)
        #expect(throws: SchemaError.self) { try schema.check(Self.nested(200)) }
        do {
            _ = try schema.check(Self.nested(200))
        } catch {
            guard case .depthLimitExceeded(let limit, let location) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(limit == 128)
            #expect(location.hasPrefix("/0/0/0"))
        }
    }

    @Test func rejectsAnInstanceTooDeepToCheck() throws {
        let violations = try JSONSchema(Self.recursiveArrays).validate(Self.nested(200))
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "maxDepth")
        #expect(violations.first?.message.contains("nested too deeply to check (limit 128)") == true)
    }

    @Test func honoursACustomDepthLimit() throws {
        let schema = try JSONSchema(Self.recursiveArrays, options: .init(maxDepth: 6))
        #expect(try schema.check(Self.nested(1)) == [])
        #expect(throws: SchemaError.depthLimitExceeded(limit: 6, instanceLocation: "/0/0/0")) {
            try schema.check(Self.nested(5))
        }
    }

    @Test func checksInstancesAsDeepAsTheParserAllows() throws {
        #expect(try JSONSchema(Self.recursiveArrays).check(Self.nested(63)) == [])
    }

    @Test func compilesAVeryDeepSchemaWithoutRecursing() throws {
        var schema: JSONValue = ["type": "string"]
        for _ in 0..<5_000 { schema = ["not": schema] }
        let validator = try JSONSchema(schema)
        #expect(validator.validate("text").first?.keyword == "maxDepth")
    }

    @Test func treatsFormatAsAnAnnotationWhenAsked() throws {
        let schema: JSONValue = ["format": "date"]
        #expect(try JSONSchema(schema, options: .init(assertsFormat: false)).isValid("2024-02-30"))
        #expect(try !JSONSchema(schema).isValid("2024-02-30"))
    }

    @Test func resolvesRelativeReferencesThroughTheRegistry() throws {
        let common: JSONValue = [
            "$id": "https://schemas.medcred.dev/common/v1.json",
            "$defs": ["code": ["type": "string", "pattern": "^[A-Z]{2}$"]],
        ]
        var registry = SchemaRegistry()
        try registry.register(common)
        let schema = try JSONSchema(
            [
                "$id": "https://schemas.medcred.dev/Example/v1.json",
                "properties": ["country": ["$ref": "../common/v1.json#/$defs/code"]],
            ], registry: registry)
        #expect(schema.isValid(["country": "NZ"]))
        let violation = try #require(schema.validate(["country": "nz"]).first)
        #expect(violation.instanceLocation == "/country")
        #expect(violation.keywordLocation == "/properties/country/$ref/pattern")
        #expect(violation.message == "country: does not match pattern ^[A-Z]{2}$")
        #expect(violation.description == "/country: country: does not match pattern ^[A-Z]{2}$")
    }

    @Test func resolvesAnchors() throws {
        let schema = try JSONSchema(["$defs": ["d": ["$anchor": "digits", "pattern": "^[0-9]+$"]], "$ref": "#digits"])
        #expect(schema.isValid("0042"))
        #expect(schema.validate("42a").map(\.keywordLocation) == ["/$ref/pattern"])
    }

    @Test func refusesToRegisterADocumentWithoutAnAbsoluteID() {
        var registry = SchemaRegistry()
        #expect(throws: SchemaError.invalidRegistryURI("")) { try registry.register(["type": "string"]) }
        #expect(throws: SchemaError.invalidRegistryURI("relative.json")) {
            try registry.register(["$id": "relative.json"])
        }
        #expect(throws: SchemaError.invalidRegistryURI("")) { try registry.register(true) }
        #expect(registry.documents.isEmpty)
    }

    @Test func acceptsEverythingWithTheTrueSchema() throws {
        let schema = try JSONSchema(true)
        for value: JSONValue in [nil, 0, "x", [], [:], ["a": [1, 2]]] { #expect(schema.validate(value) == []) }
    }

    @Test func rejectsEverythingWithTheFalseSchema() throws {
        let violations = try JSONSchema(false).validate(["a": 1])
        #expect(
            violations == [
                SchemaViolation(
                    instanceLocation: "", keywordLocation: "", keyword: "false",
                    message: "instance: no value is allowed here")
            ])
    }

    @Test func findsMetaSchemaViolationsInASchema() throws {
        let metaSchema = try JSONSchema(
            ["$ref": "https://json-schema.org/draft/2020-12/schema"], registry: try SchemaSuite.registry.get())
        let violations = metaSchema.validate(["properties": ["a": ["minLength": -1]]])
        #expect(violations.contains { $0.instanceLocation == "/properties/a/minLength" })
    }

    @Test func validatesFromManyTasksAtOnce() async throws {
        let schema = try JSONSchema(["properties": ["n": ["type": "integer", "multipleOf": 3]]])
        let results = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for n in 0..<64 { group.addTask { schema.isValid(["n": .number(Double(n))]) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 22)
    }
}
