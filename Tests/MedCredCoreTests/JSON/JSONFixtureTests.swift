import MedCredCore
import Testing

/// Runs `Fixtures/json/*.json`: credential-shaped documents that must canonicalise or be rejected.
@Suite struct JSONFixtureTests {
    @Test(arguments: try JSONFixture.loadAll())
    func matchesFixture(_ fixture: JSONFixture) throws {
        let bytes = try fixture.bytes()
        if let wantError = fixture.wantError {
            let error = try #require(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
            #expect(error.caseName == wantError.case, "\(fixture.name): \(error)")
            #expect(error.offset == wantError.offset, "\(fixture.name): \(error)")
        } else {
            let want = try #require(fixture.want, "fixture \(fixture.name) has neither want nor wantError")
            let value = try JSONValue(parsing: bytes)
            #expect(String(decoding: value.jcsBytes, as: UTF8.self) == want, "\(fixture.name)")
        }
    }

    @Test func negativeFixturesOutnumberPositiveOnes() throws {
        let fixtures = try JSONFixture.loadAll()
        let negative = fixtures.filter { $0.wantError != nil }.count
        #expect(negative > fixtures.count - negative)
    }
}
