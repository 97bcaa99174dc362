import MedCredCore
import Testing

/// Our own validator cases (`Fixtures/schema/error-*`, `valid-*`, `violation-*`): malformed schemas,
/// and the exact violations reported for bad instances.
@Suite struct JSONSchemaFixtureTests {
    @Test(arguments: try SchemaFixture.load("error-"))
    func rejectsMalformedSchema(_ fixture: SchemaFixture) throws {
        let want = try #require(fixture.file["wantError"])
        let error = #expect(throws: SchemaError.self) {
            try JSONSchema(try fixture.schema(), registry: fixture.registry())
        }
        #expect(error?.caseName == want["case"]?.stringValue)
        if let location = want["location"]?.stringValue {
            #expect(error?.schemaLocation == location)
        }
    }

    @Test(arguments: try SchemaFixture.load("valid-", "violation-"))
    func reportsViolations(_ fixture: SchemaFixture) throws {
        try Self.expectViolations(fixture)
    }

    /// Checks that validating the fixture's instance gives exactly its `want` list.
    static func expectViolations(_ fixture: SchemaFixture) throws {
        let instance = try #require(fixture.file["instance"])
        let want = try #require(fixture.file["want"]?.arrayValue)
        let got = try fixture.validator().validate(instance)
        #expect(
            got.map { "\($0.instanceLocation) \($0.keyword)" }
                == want.map { w in
                    "\(w["instanceLocation"]?.stringValue ?? "?") \(w["keyword"]?.stringValue ?? "?")"
                })
        for (violation, expected) in zip(got, want) {
            if let message = expected["message"]?.stringValue { #expect(violation.message == message) }
            if let location = expected["keywordLocation"]?.stringValue {
                #expect(violation.keywordLocation == location)
            }
        }
    }
}
