import MedCredCore
import MedCredLedger
import MedCredTestSupport
import Testing

/// One resolution of the did:webvh test suite: a scenario, the implementation that generated the log, and the
/// expected result file (or one literal DID of a `resolve-did` negative scenario).
struct WebVHSuiteCase: CustomTestStringConvertible, Sendable {
    let scenario: String
    let implementation: String
    let resultFile: String
    let did: String
    let query: String

    var id: String { "\(scenario)/\(implementation)/\(resultFile)" + (query.isEmpty ? "" : "?\(query)") }
    var testDescription: String { did.contains("Qm0000") ? "\(id) \(did)" : id }
    var folder: String { "\(WebVHVectors.suite)/\(scenario)/\(implementation)" }

    static func all() throws -> [WebVHSuiteCase] {
        var cases: [WebVHSuiteCase] = []
        for scenario in try Vectors.files(in: WebVHVectors.suite) where !scenario.hasSuffix(".md") {
            let scenarioFolder = "\(WebVHVectors.suite)/\(scenario)"
            for implementation in try Vectors.files(in: scenarioFolder) where !implementation.contains(".") {
                let folder = "\(scenarioFolder)/\(implementation)"
                for file in try Vectors.files(in: folder) where file.hasPrefix("resolutionResult") {
                    cases += try make(scenario: scenario, implementation: implementation, folder: folder, file: file)
                }
            }
        }
        return cases
    }

    private static func make(scenario: String, implementation: String, folder: String, file: String) throws
        -> [WebVHSuiteCase]
    {
        // resolutionResult.2.json is the result of resolving versionNumber 2.
        let parts = file.split(separator: ".")
        let query = parts.count == 3 ? "versionNumber=\(parts[1])" : ""
        let expected = try WebVHVectors.json("\(folder)/\(file)")
        let log = try Vectors.text("\(folder)/did.jsonl")
        if let id = expected["didDocument"]?["id"]?.stringValue {
            return [
                WebVHSuiteCase(
                    scenario: scenario, implementation: implementation, resultFile: file, did: id, query: query)
            ]
        }
        if let firstLine = log.split(separator: "\n").first, let entry = try? JSONValue(parsing: String(firstLine)),
            let scid = entry["parameters"]?["scid"]?.stringValue, let stateID = entry["state"]?["id"]?.stringValue
        {
            // The DID the scenario created: the genuine SCID with the state's location.
            let location = stateID.split(separator: ":").dropFirst(3).joined(separator: ":")
            return [
                WebVHSuiteCase(
                    scenario: scenario, implementation: implementation, resultFile: file,
                    did: "did:webvh:\(scid):\(location)", query: query)
            ]
        }
        // `resolve-did` scenarios have no log: each literal DID in script.yaml is a case.
        let script = try Vectors.text("\(WebVHVectors.suite)/\(scenario)/script.yaml")
        let dids = script.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingPrefix(while: { $0 == " " })
            guard trimmed.hasPrefix("did: \"") else { return nil }
            return String(trimmed.dropFirst(6).dropLast())
        }
        return dids.map {
            WebVHSuiteCase(scenario: scenario, implementation: implementation, resultFile: file, did: $0, query: query)
        }
    }
}

@Suite struct WebVHVectorTests {
    @Test(arguments: try WebVHSuiteCase.all())
    func resolvesLikeTheTestSuite(_ vector: WebVHSuiteCase) throws {
        let expected = try WebVHVectors.json("\(vector.folder)/\(vector.resultFile)")
        let log = try Vectors.text("\(vector.folder)/did.jsonl")
        let witness = WebVHVectors.optionalText("\(vector.folder)/did-witness.json")
        let url = vector.query.isEmpty ? vector.did : vector.did + "?" + vector.query
        let result = WebVHResolver.resolve(url, logText: log, witnessText: witness, now: WebVHVectors.now)
        let problems = WebVHVectors.differences(result, expected: expected)
        if let reason = WebVHVectors.expectedFailures[vector.id] {
            #expect(!problems.isEmpty, "listed in expected-failures.json (\(reason)) but now passes")
        } else {
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func coversEveryScenarioFolder() throws {
        let covered = Set(try WebVHSuiteCase.all().map(\.scenario))
        let folders = try Vectors.files(in: WebVHVectors.suite).filter { !$0.hasSuffix(".md") }
        #expect(Set(folders) == covered)
        #expect(folders.count >= 29)
    }
}

/// One case of the Python harness resolver suite.
struct WebVHHarnessCase: CustomTestStringConvertible, Sendable {
    let index: Int
    let json: JSONValue
    var log: String { json["log"]?.stringValue ?? "" }
    var didURL: String { json["did_url"]?.stringValue ?? "" }
    var id: String { "resolver-suite[\(index)] \(log)" }
    var testDescription: String {
        let query = didURL.split(separator: "?").dropFirst().first.map { "?" + $0 } ?? ""
        return "\(id)\(query)"
    }

    static func all() throws -> [WebVHHarnessCase] {
        let suite = try WebVHVectors.json("\(WebVHVectors.harness)/resolver-suite.json")
        return (suite.arrayValue ?? []).enumerated().map { WebVHHarnessCase(index: $0.offset, json: $0.element) }
    }
}

@Suite struct WebVHHarnessTests {
    @Test(arguments: try WebVHHarnessCase.all())
    func resolvesLikeThePythonHarness(_ vector: WebVHHarnessCase) throws {
        let folder = "\(WebVHVectors.harness)/logs/\(vector.log)"
        let log = try Vectors.text("\(folder)/did.jsonl")
        let witness = WebVHVectors.optionalText("\(folder)/did-witness.json")
        let result = WebVHResolver.resolve(vector.didURL, logText: log, witnessText: witness, now: WebVHVectors.now)
        var problems: [String] = []
        if vector.json["status"]?.stringValue == "ok" {
            if result.error != nil { problems.append("want a document, got \(WebVHVectors.describe(result))") }
            for (name, want) in vector.json["didDocumentMetadata"]?.objectValue ?? [:]
            where result.didDocumentMetadata[name] != want {
                problems.append(
                    "metadata \(name): want \(want.serialized()), got \(result.didDocumentMetadata[name]?.serialized() ?? "nil")"
                )
            }
        } else {
            let want = vector.json["didResolutionMetadata"]?["error"]?.stringValue
            if result.errorCode != want {
                problems.append("error: want \(want ?? ""), got \(WebVHVectors.describe(result))")
            }
        }
        if let reason = WebVHVectors.expectedFailures[
            vector.id + (vector.didURL.split(separator: "?").dropFirst().first.map { "?" + $0 } ?? "")]
        {
            #expect(!problems.isEmpty, "listed in expected-failures.json (\(reason)) but now passes")
        } else {
            #expect(problems.isEmpty, "\(problems)")
        }
    }
}
