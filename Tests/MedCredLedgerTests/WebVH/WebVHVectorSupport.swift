import Foundation
import MedCredCore
import MedCredLedger
import MedCredTestSupport

/// Reading the did:webvh vectors in place and comparing resolution results with them.
enum WebVHVectors {
    static let suite = "didwebvh/test-suite-vectors"
    static let harness = "didwebvh/python-harness-test-suite"
    /// The resolver clock for vectors: after every generated `versionTime` (the Java vectors are from 2026).
    static let now = XSDDateTime(secondsSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

    static func json(_ path: String) throws -> JSONValue { try JSONValue(parsing: Vectors.text(path)) }

    static func optionalText(_ path: String) -> String? { try? Vectors.text(path) }

    /// `expected-failures.json` beside this file: `{"cases": [{"id": …, "reason": …}]}`.
    static let expectedFailures: [String: String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("expected-failures.json")
        guard let data = FileManager.default.contents(atPath: url.path),
            let value = try? JSONValue(parsing: String(decoding: data, as: UTF8.self))
        else { return [:] }
        var result: [String: String] = [:]
        for item in value["cases"]?.arrayValue ?? [] {
            if let id = item["id"]?.stringValue, let reason = item["reason"]?.stringValue { result[id] = reason }
        }
        return result
    }()

    /// The differences between our result and an expected one: error code, or document and each metadata
    /// member the expected result gives (implementations differ in which optional members they write).
    static func differences(_ result: WebVHResolutionResult, expected: JSONValue) -> [String] {
        let expectedError = expected["didResolutionMetadata"]?["error"]?.stringValue
        let expectsDocument = expected["didDocument"].map { !$0.isNull } ?? false
        if let expectedError {
            return result.errorCode == expectedError ? [] : ["error: want \(expectedError), got \(describe(result))"]
        }
        guard expectsDocument else {
            return result.errorCode != nil ? [] : ["want an error (no document), got a document"]
        }
        guard let document = result.didDocument else { return ["want a document, got \(describe(result))"] }
        var problems: [String] = []
        if let want = expected["didDocument"], withoutImplicitServices(want) != withoutImplicitServices(document) {
            problems.append("didDocument differs: \(withoutImplicitServices(document).serialized())")
        }
        for (name, want) in expected["didDocumentMetadata"]?.objectValue ?? [:] where !want.isNull {
            let got = result.didDocumentMetadata[name]
            if got != want {
                problems.append("metadata \(name): want \(want.serialized()), got \(got?.serialized() ?? "nil")")
            }
        }
        return problems
    }

    static func describe(_ result: WebVHResolutionResult) -> String {
        if let error = result.error { return "\(result.errorCode ?? "") (\(error))" }
        return "a document"
    }

    /// The document without the implicit `#files`/`#whois` services, whose form differs between
    /// implementations (relative or absolute ids, endpoint with or without a trailing slash).
    static func withoutImplicitServices(_ document: JSONValue) -> JSONValue {
        guard var object = document.objectValue, let services = object["service"]?.arrayValue else { return document }
        let kept = services.filter { service in
            let id = service["id"]?.stringValue ?? ""
            return !(id.hasSuffix("#files") || id.hasSuffix("#whois"))
        }
        object["service"] = kept.isEmpty ? nil : .array(kept)
        return .object(object)
    }
}
