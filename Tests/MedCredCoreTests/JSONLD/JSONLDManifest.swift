import MedCredCore
import MedCredTestSupport
import Testing

/// One test of the W3C json-ld-api expand or toRdf manifest (`shared/vectors/json-ld-api/`).
struct JSONLDManifestTest: Sendable, CustomTestStringConvertible {
    static let baseIRI = "https://w3c.github.io/json-ld-api/tests/"

    let manifest: String
    let id: String
    let types: [String]
    let input: String
    let expect: String?
    let expectErrorCode: String?
    let option: JSONObject
    let requires: String?

    var testDescription: String { manifest + id }
    var isNegative: Bool { types.contains("jld:NegativeEvaluationTest") }
    var isSyntaxOnly: Bool { types.contains("jld:PositiveSyntaxTest") }

    /// Why this processor does not run the test, or `nil` when it does.
    var skipReason: String? {
        if option["specVersion"] == .string("json-ld-1.0") { return "JSON-LD 1.0 only" }
        if option["processingMode"] == .string("json-ld-1.0") { return "processingMode json-ld-1.0: 1.1 only" }
        if let requires { return "requires " + requires }
        if option["rdfDirection"] != nil { return "rdfDirection not implemented" }
        if option["produceGeneralizedRdf"] == .bool(true) { return "generalized RDF out of scope" }
        return JSONLDKnownSkips.reasons[manifest + id]
    }

    /// Every test in `expand-manifest.jsonld` or `toRdf-manifest.jsonld`.
    static func all(_ manifest: String) throws -> [JSONLDManifestTest] {
        let json = try JSONValue(parsing: try Vectors.text("json-ld-api/\(manifest)-manifest.jsonld"))
        return (json["sequence"]?.arrayValue ?? []).map { entry in
            JSONLDManifestTest(
                manifest: manifest, id: entry["@id"]?.stringValue ?? "",
                types: entry["@type"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                input: entry["input"]?.stringValue ?? "", expect: entry["expect"]?.stringValue,
                expectErrorCode: entry["expectErrorCode"]?.stringValue,
                option: entry["option"]?.objectValue ?? JSONObject(), requires: entry["requires"]?.stringValue)
        }
    }

    static func runnable(_ manifest: String) -> [JSONLDManifestTest] {
        ((try? all(manifest)) ?? []).filter { $0.skipReason == nil }
    }

    var options: JSONLDOptions {
        var options = JSONLDOptions(
            base: option["base"]?.stringValue ?? Self.baseIRI + input, documentLoader: JSONLDVectorLoader(),
            undefinedTerms: .drop)
        if let context = option["expandContext"]?.stringValue {
            options.expandContext = try? JSONValue(parsing: Vectors.text("json-ld-api/" + context))
        }
        return options
    }

    func inputDocument() throws -> JSONValue { try JSONValue(parsing: try Vectors.text("json-ld-api/" + input)) }
}

/// Serves `https://w3c.github.io/json-ld-api/tests/…` from the vectors folder; anything else fails.
struct JSONLDVectorLoader: JSONLDDocumentLoader {
    func loadDocument(_ url: String) throws(JSONLDError) -> JSONLDRemoteDocument {
        guard url.hasPrefix(JSONLDManifestTest.baseIRI) else { throw JSONLDError(.loadingDocumentFailed, url) }
        var path = String(url.dropFirst(JSONLDManifestTest.baseIRI.count))
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        do {
            let document = try JSONValue(parsing: try Vectors.text("json-ld-api/" + path))
            return JSONLDRemoteDocument(documentURL: url, document: document)
        } catch {
            throw JSONLDError(.loadingDocumentFailed, url)
        }
    }
}

/// JSON-LD object comparison (json-ld-api tests README): arrays are unordered except `@list`, and
/// language tags compare case-insensitively.
enum JSONLDComparison {
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue, ordered: Bool = false) -> Bool {
        switch (lhs, rhs) {
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            if ordered { return zip(a, b).allSatisfy { equal($0, $1) } }
            var used = Array(repeating: false, count: b.count)
            for item in a {
                guard let match = b.indices.first(where: { !used[$0] && equal(item, b[$0]) }) else { return false }
                used[match] = true
            }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (name, value) in a {
                guard let other = b[name] else { return false }
                if name == "@language", let x = value.stringValue, let y = other.stringValue {
                    if x.lowercased() != y.lowercased() { return false }
                } else if !equal(value, other, ordered: name == "@list") {
                    return false
                }
            }
            return true
        default:
            return lhs == rhs
        }
    }
}
