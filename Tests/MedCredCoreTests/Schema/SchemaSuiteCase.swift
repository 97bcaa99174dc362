import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// One test of the official JSON-Schema-Test-Suite (draft 2020-12), read in place from `shared/vectors`.
///
/// Files are arrays of groups `{description, schema, tests: [{description, data, valid}]}`; `valid` is the
/// expected result (json-schema-test-suite/README.upstream.md).
struct SchemaSuiteCase: Sendable, CustomTestStringConvertible {
    let file: String
    let group: String
    let test: String
    let schema: JSONValue
    let data: JSONValue
    let valid: Bool

    /// `file › group › description`, which is also how `expected-failures.json` names a case.
    var id: String { "\(file) › \(group) › \(test)" }
    var testDescription: String { id }

    /// Whether `format` is asserted: only the `optional/format/` files expect it; everywhere else 2020-12
    /// treats `format` as an annotation.
    var assertsFormat: Bool { file.hasPrefix("optional/format/") }
}

/// Loading the suite, its remotes and the expected-failure list.
enum SchemaSuite {
    static let folder = "json-schema-test-suite/tests/draft2020-12"
    /// The optional files we run: the formats MedCred asserts. `email.json` is not run (no email format).
    static let optionalFiles = [
        "optional/format/date.json", "optional/format/date-time.json", "optional/format/uri.json",
    ]

    /// Every file run: all top-level files of the draft 2020-12 folder, then the optional format files.
    static func files() throws -> [String] {
        try Vectors.files(in: folder).filter { $0.hasSuffix(".json") } + optionalFiles
    }

    /// Every test of every file, in file order.
    static func cases() throws -> [SchemaSuiteCase] {
        var cases: [SchemaSuiteCase] = []
        for file in try files() {
            let groups = try #require(try JSONValue(parsing: try Vectors.text("\(folder)/\(file)")).arrayValue)
            for group in groups {
                let groupName = try #require(group["description"]?.stringValue)
                let schema = try #require(group["schema"])
                for test in try #require(group["tests"]?.arrayValue) {
                    cases.append(
                        SchemaSuiteCase(
                            file: file, group: groupName, test: try #require(test["description"]?.stringValue),
                            schema: schema, data: try #require(test["data"]),
                            valid: try #require(test["valid"]?.boolValue as Bool?)))
                }
            }
        }
        return cases
    }

    /// The suite's remotes under `http://localhost:1234/` (README.upstream.md) and the 2020-12
    /// meta-schemas under their `$id`s.
    static let registry = Result { () throws -> SchemaRegistry in
        var registry = SchemaRegistry()
        let remotes = try Vectors.url("json-schema-test-suite/remotes")
        for path in try FileManager.default.subpathsOfDirectory(atPath: remotes.path).sorted()
        where path.hasSuffix(".json") {
            let text = try Vectors.text("json-schema-test-suite/remotes/\(path)")
            registry.register(try JSONValue(parsing: text), at: "http://localhost:1234/\(path)")
        }
        let meta = "json-schema-test-suite/metaschemas/draft2020-12"
        for path in ["schema.json"] + (try Vectors.files(in: "\(meta)/meta")).map({ "meta/\($0)" }) {
            try registry.register(try JSONValue(parsing: try Vectors.text("\(meta)/\(path)")))
        }
        return registry
    }

    /// What our validator says about `testCase`: `nil` when the schema is rejected.
    static func verdict(_ testCase: SchemaSuiteCase) throws -> Bool? {
        let options = JSONSchema.Options(assertsFormat: testCase.assertsFormat)
        guard let schema = try? JSONSchema(testCase.schema, registry: try registry.get(), options: options) else {
            return nil
        }
        return schema.isValid(testCase.data)
    }

    /// `expected-failures.json` beside this file: case id → reason.
    static let expectedFailures = Result { () throws -> [String: String] in
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("expected-failures.json")
        let file = try JSONValue(parsing: String(decoding: try Data(contentsOf: url), as: UTF8.self))
        var reasons: [String: String] = [:]
        for entry in try #require(file["failures"]?.arrayValue) {
            let id = try #require(entry["case"]?.stringValue)
            let reason = try #require(entry["reason"]?.stringValue)
            try #require(reasons[id] == nil, "listed twice: \(id)")
            reasons[id] = reason
        }
        return reasons
    }
}
