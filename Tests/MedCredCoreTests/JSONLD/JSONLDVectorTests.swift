import MedCredCore
import MedCredTestSupport
import Testing

/// The W3C JSON-LD 1.1 API expand and toRdf tests (`shared/vectors/json-ld-api/`), run with
/// `undefinedTerms: .drop` as the spec requires; skips are listed with reasons in ``JSONLDKnownSkips``.
@Suite struct JSONLDVectorTests {
    @Test(arguments: JSONLDManifestTest.runnable("expand"))
    func expandMatchesW3C(_ test: JSONLDManifestTest) throws {
        let input = try test.inputDocument()
        if test.isNegative {
            let error = #expect(throws: JSONLDError.self) { try JSONLD.expand(input, options: test.options) }
            #expect(error?.code.rawValue == test.expectErrorCode)
            return
        }
        let expected = try JSONValue(parsing: try Vectors.text("json-ld-api/" + (test.expect ?? "")))
        let actual = try JSONLD.expand(input, options: test.options)
        #expect(
            JSONLDComparison.equal(.array(actual), expected),
            "\(JSONValue.array(actual).serialized())")
    }

    @Test(arguments: JSONLDManifestTest.runnable("toRdf"))
    func toRDFMatchesW3C(_ test: JSONLDManifestTest) throws {
        let input = try test.inputDocument()
        if test.isNegative {
            let error = #expect(throws: JSONLDError.self) { try JSONLD.toRDF(input, options: test.options) }
            #expect(error?.code.rawValue == test.expectErrorCode)
            return
        }
        let dataset = try JSONLD.toRDF(input, options: test.options)
        if test.isSyntaxOnly { return }
        let expected = try NQuads.parse(try Vectors.text("json-ld-api/" + (test.expect ?? "")))
        let actual = try RDFCanonicalizer.canonicalize(dataset).nquads
        #expect(actual == (try RDFCanonicalizer.canonicalize(expected).nquads), "\(NQuads.serialize(dataset))")
    }

    @Test func everyKnownSkipNamesAManifestTest() throws {
        let ids = Set((try JSONLDManifestTest.all("expand") + JSONLDManifestTest.all("toRdf")).map(\.testDescription))
        #expect(JSONLDKnownSkips.reasons.keys.filter { !ids.contains($0) }.isEmpty)
    }
}
