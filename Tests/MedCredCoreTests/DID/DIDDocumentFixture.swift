import Foundation
import MedCredCore
import Testing

/// One of our own invalid DID documents, `Fixtures/did/<case>.json` (STYLE.md §8): `desc`, `input` and
/// `wantError` (`case`, `pointer`, and `expected`, `parseError` or `id` when the case carries them).
struct DIDDocumentFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let desc: String
    let input: JSONValue
    let wantError: JSONValue

    var testDescription: String { name }

    /// Every case in `Fixtures/did`, sorted by file name; throws when the folder is missing or a file is broken.
    static func all() throws -> [DIDDocumentFixture] {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/did")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        var fixtures: [DIDDocumentFixture] = []
        for file in files.sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let json = try JSONValue(parsing: Array(data))
            fixtures.append(
                DIDDocumentFixture(
                    name: String(file.dropLast(".json".count)), desc: try #require(json["desc"]?.stringValue),
                    input: try #require(json["input"]), wantError: try #require(json["wantError"])))
        }
        try #require(!fixtures.isEmpty, "no fixtures in Fixtures/did")
        return fixtures
    }

    /// The thrown error in the fixture's `wantError` shape, so the two compare as JSON.
    static func summary(of error: DIDDocumentError) -> JSONValue {
        switch error {
        case .missingMember(let pointer): ["case": "missingMember", "pointer": .string(pointer)]
        case .wrongType(let pointer, let expected):
            ["case": "wrongType", "pointer": .string(pointer), "expected": .string(expected.rawValue)]
        case .emptyValue(let pointer): ["case": "emptyValue", "pointer": .string(pointer)]
        case .invalidDID(let pointer, let cause):
            ["case": "invalidDID", "pointer": .string(pointer), "parseError": .string(caseText(cause))]
        case .invalidDIDURL(let pointer, let cause):
            ["case": "invalidDIDURL", "pointer": .string(pointer), "parseError": .string(caseText(cause))]
        case .multipleVerificationMaterials(let pointer):
            ["case": "multipleVerificationMaterials", "pointer": .string(pointer)]
        case .privateKeyMaterial(let pointer): ["case": "privateKeyMaterial", "pointer": .string(pointer)]
        case .duplicateID(let id, let pointer): ["case": "duplicateID", "pointer": .string(pointer), "id": .string(id)]
        }
    }
}

/// The error's case as written in Swift (`invalidCharacter("#", offset: 15)`), independent of its
/// human-readable `description`.
private func caseText(_ error: DIDParseError) -> String {
    switch error {
    case .empty: "empty"
    case .missingScheme: "missingScheme"
    case .invalidScheme(let scheme): "invalidScheme(\(String(reflecting: scheme)))"
    case .emptyMethodName: "emptyMethodName"
    case .invalidMethodName(let name): "invalidMethodName(\(String(reflecting: name)))"
    case .missingMethodSpecificID: "missingMethodSpecificID"
    case .emptyMethodSpecificID: "emptyMethodSpecificID"
    case .trailingColon: "trailingColon"
    case .invalidCharacter(let character, let offset):
        "invalidCharacter(\(String(reflecting: character)), offset: \(offset))"
    case .invalidPercentEncoding(let offset): "invalidPercentEncoding(offset: \(offset))"
    case .pathNotAbsolute(let path): "pathNotAbsolute(\(String(reflecting: path)))"
    case .unsupportedRelativeReference(let reference):
        "unsupportedRelativeReference(\(String(reflecting: reference)))"
    }
}
