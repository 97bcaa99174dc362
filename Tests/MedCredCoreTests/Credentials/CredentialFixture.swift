import Foundation
import MedCredCore
import Testing

/// One of our own cases, `Fixtures/credentials/<case>.json` (STYLE.md §8): `desc`, `kind` (`credential` or
/// `presentation`), optional `purpose` (`issuance`, default `verification`), `allowsVersion1` and `now`,
/// the `input` document, and `wantErrors`, the exact problems (`type`, `pointer`) it must produce.
struct CredentialFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let desc: String
    let isPresentation: Bool
    let purpose: CredentialValidationOptions.Purpose
    let allowsVersion1: Bool
    let now: Date?
    let input: JSONValue
    let wantErrors: [String]

    var testDescription: String { name }

    /// Every case in `Fixtures/credentials`, sorted by name; throws when the folder is missing or a case is broken.
    static func all() throws -> [CredentialFixture] {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/credentials")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        let fixtures = try names.sorted().map { try named(String($0.dropLast(".json".count))) }
        try #require(fixtures.count >= 100, "expected the Fixtures/credentials cases")
        return fixtures
    }

    /// The case called `name`.
    static func named(_ name: String) throws -> CredentialFixture {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/credentials"))
        return try load(url)
    }

    private static func load(_ url: URL) throws -> CredentialFixture {
        let json = try JSONValue(parsing: Array(Data(contentsOf: url)))
        let kind = try #require(json["kind"]?.stringValue)
        try #require(kind == "credential" || kind == "presentation", "kind is credential or presentation")
        var now: Date?
        if let text = json["now"]?.stringValue { now = try XSDDateTime(parsing: text).date }
        let wantErrors = try #require(json["wantErrors"]?.arrayValue).map { error in
            "\(try #require(error["type"]?.stringValue)) \(try #require(error["pointer"]?.stringValue))"
        }
        return CredentialFixture(
            name: url.deletingPathExtension().lastPathComponent, desc: try #require(json["desc"]?.stringValue),
            isPresentation: kind == "presentation",
            purpose: json["purpose"]?.stringValue == "issuance" ? .issuance : .verification,
            allowsVersion1: json["allowsVersion1"]?.boolValue ?? false, now: now, input: try #require(json["input"]),
            wantErrors: wantErrors)
    }

    /// The problems MedCred reports for the input.
    func problems(contexts: KnownContexts) -> [CredentialProblem] {
        let options = CredentialValidationOptions(
            purpose: purpose, allowsVersion1: allowsVersion1, contexts: contexts, now: now)
        return isPresentation
            ? VerifiablePresentation.validate(input, options: options)
            : VerifiableCredential.validate(input, options: options)
    }
}
