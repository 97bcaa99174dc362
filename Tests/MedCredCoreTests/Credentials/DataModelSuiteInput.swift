import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// One input of the W3C `vc-data-model-2.0-test-suite` (`tests/input/`), with the expectation the collector's
/// `manifest.json` derives from the upstream file name (`shared/vectors/SOURCES.md` §5).
struct DataModelSuiteInput: Sendable, CustomTestStringConvertible {
    /// The path under the suite folder, e.g. `input/credential-ok.json`.
    let file: String
    /// `accept`, `reject`, `reject-or-inject` or `unspecified`.
    let expected: String

    var testDescription: String { file }

    static let folder = "w3c-vc-data-model-2.0-test-suite/"

    private struct Manifest: Decodable {
        struct Entry: Decodable {
            let file: String
            let expected: String
        }
        let files: [Entry]
    }

    /// Every manifest entry, in manifest order.
    static func all() throws -> [DataModelSuiteInput] {
        try Vectors.load(folder + "manifest.json", as: Manifest.self).files.map {
            DataModelSuiteInput(file: $0.file, expected: $0.expected)
        }
    }

    /// Every `.json` file under `input/`, recursively, as suite-relative paths.
    static func inputFiles(under relative: String = "input") throws -> [String] {
        var found: [String] = []
        for name in try Vectors.files(in: folder + relative) {
            if name.hasSuffix(".json") {
                found.append(relative + "/" + name)
            } else {
                found += try inputFiles(under: relative + "/" + name)
            }
        }
        return found
    }

    /// Whether the input is a presentation (checked as received) rather than an issuer-endpoint credential.
    var isPresentation: Bool { file.hasPrefix("input/presentation-") }

    /// The suite's fixed "now" for the temporality inputs, and the dates it substitutes for the
    /// `PAST DATE`/`FUTURE DATE` placeholders (`tests/assertions.js` testTemporality: now ∓ one year).
    static let now = Date(timeIntervalSince1970: 1_748_736_000)  // 2025-06-01T00:00:00Z
    static let pastDate = "2024-06-01T00:00:00Z"
    static let futureDate = "2026-06-01T00:00:00Z"

    /// The input as the suite would send it, placeholders replaced.
    func document() throws -> JSONValue {
        var json = try JSONValue(parsing: Array(Vectors.data(Self.folder + file)))
        for property in ["validFrom", "validUntil"] {
            switch json[property]?.stringValue {
            case "PAST DATE"?: json.setMember(property, .string(Self.pastDate))
            case "FUTURE DATE"?: json.setMember(property, .string(Self.futureDate))
            default: break
            }
        }
        return json
    }

    /// The problems MedCred reports: presentations as received, credentials as issuance input.
    func problems(contexts: KnownContexts) throws -> [CredentialProblem] {
        let json = try document()
        if isPresentation {
            let options = CredentialValidationOptions(purpose: .verification, contexts: contexts)
            return VerifiablePresentation.validate(json, options: options)
        }
        // Issuance does not compare with the clock: an issuer may issue a credential valid only later.
        let options = CredentialValidationOptions(purpose: .issuance, contexts: contexts)
        return VerifiableCredential.validate(json, options: options)
    }
}

/// `expected-failures.json` beside this file: suite inputs MedCred is known to get wrong, with the reason.
struct ExpectedFailures: Decodable {
    struct Entry: Decodable {
        let file: String
        let reason: String
    }
    let failures: [Entry]

    static func load() throws -> [String: String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("expected-failures.json")
        let data = try Data(contentsOf: url)
        let list = try JSONDecoder().decode(ExpectedFailures.self, from: data)
        return Dictionary(uniqueKeysWithValues: list.failures.map { ($0.file, $0.reason) })
    }
}
