import Foundation
import MedCredCore
import Testing

/// One of our own verifier cases, `Fixtures/verification/<case>.json` (STYLE.md §8).
///
/// The base document is the licence of ``VerificationDocuments/completedLicense()`` (completed by the board,
/// unsigned). `input.edits` change it before signing; `input.sign` says who signs it with Data Integrity
/// (`party`: `issuer`, `holder` or `other`; optional `verificationMethod` and `proofPurpose`), bypassing the
/// issuer's checks; `input.tamper` changes the signed document; `input.now` overrides the verifier's clock.
/// Each edit is `{"op": "set" | "remove", "path": <JSON Pointer>, "value": …}`; in strings, `$ISSUER_DID`,
/// `$HOLDER_DID`, `$OTHER_DID`, `$ISSUER_KEY` and `$OTHER_KEY` (Multikeys) stand for the fixed parties.
/// `want` holds `verified`, every check run (`checks`), and the exact `errors` (`check`, `type`, `pointer`)
/// and `warnings` (`type`, `pointer`), in order.
struct VerificationFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let desc: String
    let input: JSONValue
    let want: JSONValue

    var testDescription: String { name }

    static let folder = "Fixtures/verification"

    /// Every case, sorted by name.
    static func all() throws -> [VerificationFixture] {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".json") }
        let fixtures = try names.sorted().map { name in
            try load(url.appendingPathComponent(name))
        }
        try #require(fixtures.count >= 30, "expected the \(folder) cases")
        return fixtures
    }

    private static func load(_ url: URL) throws -> VerificationFixture {
        let json = try JSONValue(parsing: Array(Data(contentsOf: url)))
        return VerificationFixture(
            name: url.deletingPathExtension().lastPathComponent, desc: try #require(json["desc"]?.stringValue),
            input: try #require(json["input"]), want: try #require(json["want"]))
    }

    /// The placeholders and what they stand for.
    static func placeholders() throws -> [(String, String)] {
        [
            ("$ISSUER_DID", try VerificationParty.issuer.did()),
            ("$HOLDER_DID", try VerificationParty.holder.did()),
            ("$OTHER_DID", try VerificationParty.other.did()),
            ("$ISSUER_KEY", try VerificationParty.issuer.didKey().multikey),
            ("$OTHER_KEY", try VerificationParty.other.didKey().multikey),
        ]
    }

    static func substitute(_ value: JSONValue, _ table: [(String, String)]) -> JSONValue {
        switch value {
        case .string(let text):
            .string(table.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) })
        case .array(let elements): .array(elements.map { substitute($0, table) })
        case .object(let object):
            .object(JSONObject(object.map { ($0.name, substitute($0.value, table)) }))
        default: value
        }
    }

    private func apply(_ edits: JSONValue?, to document: JSONValue, table: [(String, String)]) throws -> JSONValue {
        var document = document
        for edit in edits?.arrayValue ?? [] {
            let path = try #require(edit["path"]?.stringValue, "\(name): an edit needs a path")
            switch edit["op"]?.stringValue {
            case "set":
                let value = Self.substitute(try #require(edit["value"], "\(name): set needs a value"), table)
                document = try VerificationPatch.setting(path, to: value, in: document)
            case "remove":
                document = try VerificationPatch.removing(path, in: document)
            default:
                Issue.record("\(name): unknown op in \(edit.serialized())")
            }
        }
        return document
    }

    /// The document the case describes, as the verifier receives it.
    func document() throws -> JSONValue {
        let table = try Self.placeholders()
        var document = try apply(input["edits"], to: try VerificationDocuments.completedLicense(), table: table)
        let sign = input["sign"] ?? [:]
        let party = try #require(VerificationParty(rawValue: sign["party"]?.stringValue ?? "issuer"), "\(name): party")
        let method = sign["verificationMethod"].flatMap { Self.substitute($0, table).stringValue }
        let signer = Ed25519Signer(
            privateKey: try party.privateKey(), verificationMethod: try method ?? party.verificationMethod())
        document = try VerificationDocuments.sign(
            document, with: signer, purpose: sign["proofPurpose"]?.stringValue ?? "assertionMethod")
        return try apply(input["tamper"], to: document, table: table)
    }

    /// The verifier's clock.
    func now() throws -> Date {
        guard let text = input["now"]?.stringValue else { return VerificationClock.now }
        return try #require(try XSDDateTime(parsing: text).date)
    }

    var wantErrors: [String] {
        (want["errors"]?.arrayValue ?? []).map {
            "\($0["check"]?.stringValue ?? "?") \($0["type"]?.stringValue ?? "?") \($0["pointer"]?.stringValue ?? "?")"
        }
    }

    var wantWarnings: [String] {
        (want["warnings"]?.arrayValue ?? []).map {
            "\($0["type"]?.stringValue ?? "?") \($0["pointer"]?.stringValue ?? "?")"
        }
    }

    var wantChecks: [String]? { want["checks"]?.arrayValue?.compactMap(\.stringValue) }
}

@Suite struct VerificationFixtureTests {
    @Test(arguments: try VerificationFixture.all())
    func verifiesAsTheFixtureSays(_ fixture: VerificationFixture) async throws {
        let document = try fixture.document()
        let verifier = try VerificationDocuments.verifier()
        let result = try await verifier.verifyCredential(.document(document), now: try fixture.now())
        #expect(result.verified == (fixture.want["verified"]?.boolValue ?? false), "\(fixture.desc)")
        #expect(result.errorSummary == fixture.wantErrors, "\(fixture.desc)")
        #expect(result.warningSummary == fixture.wantWarnings, "\(fixture.desc)")
        if let checks = fixture.wantChecks { #expect(result.checkNames == checks, "\(fixture.desc)") }
        // The same document as bytes gives the same answer.
        let fromBytes = try await verifier.verifyCredential(
            bytes: Array(document.serialized().utf8), now: try fixture.now())
        #expect(fromBytes == result, "\(fixture.desc)")
    }

    @Test func everyFixtureHasMoreThanItsDescription() throws {
        for fixture in try VerificationFixture.all() {
            #expect(fixture.want["verified"]?.boolValue != nil, "\(fixture.name): want.verified")
            #expect(fixture.wantChecks != nil, "\(fixture.name): want.checks")
        }
    }
}
