import MedCredCore
import MedCredTestSupport
import Testing

/// Every input of the W3C VC Data Model 2.0 test suite, accepted or rejected as `manifest.json` says.
///
/// VC Data Model 2.0 §4, <https://www.w3.org/TR/vc-data-model-2.0/#basic-concepts>; the suite's inputs are
/// read in place from `shared/vectors/w3c-vc-data-model-2.0-test-suite/` (SOURCES.md §5).
@Suite struct DataModelSuiteTests {
    @Test(arguments: try DataModelSuiteInput.all())
    func followsTheManifest(_ input: DataModelSuiteInput) throws {
        let problems = try input.problems(contexts: CredentialTestContexts.known())
        let accepted = problems.isEmpty
        let wantAccepted: Bool
        switch input.expected {
        case "accept": wantAccepted = true
        case "reject", "reject-or-inject": wantAccepted = false
        // The three legacy self-asserted presentations have no suffix: they are well-formed, and whether a
        // holder may present a credential it issued itself is verifier policy, not the data model.
        case "unspecified": wantAccepted = true
        default:
            Issue.record("unknown expectation \(input.expected)")
            return
        }
        if let reason = try ExpectedFailures.load()[input.file] {
            #expect(accepted != wantAccepted, "listed in expected-failures.json (\(reason)) but now passes")
        } else {
            #expect(accepted == wantAccepted, "\(input.expected): \(problems)")
            let reasons = DataModelSuiteReasons.problems[String(input.file.dropFirst("input/".count))] ?? []
            #expect(CredentialTestContexts.summary(problems) == reasons, "rejected for another reason: \(problems)")
        }
    }

    @Test func everyRejectHasItsReasons() throws {
        let rejected = try DataModelSuiteInput.all().filter { $0.expected.hasPrefix("reject") }
        let named = Set(rejected.map { String($0.file.dropFirst("input/".count)) })
        #expect(Set(DataModelSuiteReasons.problems.keys) == named)
    }

    @Test func manifestListsEveryInputFile() throws {
        let listed = Set(try DataModelSuiteInput.all().map(\.file))
        let present = Set(try DataModelSuiteInput.inputFiles())
        #expect(present.count == 120)
        #expect(listed == present)
    }

    @Test func expectedFailuresNameManifestFiles() throws {
        let listed = Set(try DataModelSuiteInput.all().map(\.file))
        for file in try ExpectedFailures.load().keys {
            #expect(listed.contains(file), "\(file) is not in manifest.json")
        }
    }
}

extension DataModelSuiteTests {
    @Test(.disabled("prints every problem; enable to inspect")) func printsProblems() throws {
        for input in try DataModelSuiteInput.all() {
            let problems = try input.problems(contexts: CredentialTestContexts.known())
            print("\(input.file) [\(input.expected)]")
            for problem in problems { print("    \(problem)") }
        }
    }
}
