import MedCredCore
import MedCredTestSupport
import Testing

/// JSON Schema 2020-12 against the official JSON-Schema-Test-Suite, one test case per suite test:
/// https://github.com/json-schema-org/JSON-Schema-Test-Suite
@Suite struct JSONSchemaSuiteTests {
    @Test(arguments: try SchemaSuite.cases())
    func agreesWithTheSuite(_ testCase: SchemaSuiteCase) throws {
        let verdict = try SchemaSuite.verdict(testCase)
        if let reason = try SchemaSuite.expectedFailures.get()[testCase.id] {
            #expect(verdict != testCase.valid, "listed in expected-failures.json (\(reason)) but now passes")
        } else {
            #expect(verdict == testCase.valid, "expected valid=\(testCase.valid), got \(String(describing: verdict))")
        }
    }

    @Test func expectedFailuresNameRealCases() throws {
        let ids = Set(try SchemaSuite.cases().map(\.id))
        for (id, reason) in try SchemaSuite.expectedFailures.get() {
            #expect(ids.contains(id), "expected-failures.json names no suite case: \(id)")
            #expect(!reason.isEmpty, "no reason given for \(id)")
        }
    }

    @Test func runsEveryFileOfTheDraft() throws {
        let files = try SchemaSuite.files()
        #expect(files.count == 49)
        #expect(try SchemaSuite.cases().count == 1_299 + 81 + 33 + 46)
    }
}
