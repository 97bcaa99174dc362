import MedCredCore
import Testing

/// VC Data Model 2.0 §4.4 Identifiers, https://www.w3.org/TR/vc-data-model-2.0/#identifiers: `id` values
/// are single URLs (RFC 3986 absolute URIs, IRIs allowed; DIDs must parse as DID URLs).
@Suite struct IdentifierTests {
    struct Identifier: Sendable, CustomTestStringConvertible {
        let text: String
        var testDescription: String { text.isEmpty ? "(empty)" : text }
    }

    static let accepted: [Identifier] = [
        "https://medcred.example/credentials/1", "http://medcred.example:8080/a/b?c=d&e=f#g",
        "http://[::1]:8080/credentials", "http://[v1.fe80::a+en1]/", "https://user:pass@medcred.example/",
        "https://medcred.example/%E2%82%AC", "https://例え.jp/パス", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
        "did:example:123",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "did:web:medcred.example%3A8443:boards:ca/path?versionId=1", "mailto:registrar@medcred.example",
        "data:,", "data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.e30.c2ln", "file:///etc/hosts",
        "tag:medcred.example,2025:license/1",
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "HTTPS://MEDCRED.EXAMPLE/",
    ].map(Identifier.init)

    static let rejected: [Identifier] =
        [
            "", "medcred.example/credentials/1", "/credentials/1", "#fragment", "://medcred.example", "1http://x",
            "https ://medcred.example", "ht tp://medcred.example", "http:medcred.example", "https:", "https://",
            "https:///path", "https://medcred.example:80a/", "https://medcred.example/a b",
            "https://medcred.example/<x>",
            "https://medcred.example/\"x\"", "https://medcred.example/a\\b", "https://medcred.example/{x}",
            "https://medcred.example/a|b", "https://medcred.example/^", "https://medcred.example/`",
            "https://medcred.example/%",
            "https://medcred.example/%2", "https://medcred.example/%G0", "https://medcred.example/a#b#c",
            "https://[::1/", "https://[zz]/", "https://[]/", "http://[v1.]/", "http://[vz.a]/", "http://[1.2.3.4]/",
            "https://medcred.example/[x]", "https://a@b@medcred.example/",
            "https://medcred.example/\u{7}",
            "did:example", "did:Example:123", "did:example:", "did:example:abc%zz", "did:example:a b",
            "data:application/vc",
            "z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj", "_:b0", "urn:uuid:58172aac d8ba",
        ].map(Identifier.init)
        + [0xFDD0, 0xFFFE].map { Identifier(text: "https://medcred.example/" + noncharacter($0)) }

    /// A noncharacter scalar, which Swift string literals cannot spell.
    private static func noncharacter(_ value: UInt32) -> String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? ""
    }

    private static func idProblems(_ id: String) throws -> [String] {
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": .string(id), "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:subject"],
        ]
        let problems = VerifiableCredential.validate(credential, options: try CredentialTestContexts.verification())
        return CredentialTestContexts.summary(problems)
    }

    @Test(arguments: accepted)
    func acceptsURL(_ identifier: Identifier) throws {
        #expect(try Self.idProblems(identifier.text).isEmpty)
    }

    @Test(arguments: rejected)
    func rejectsNonURL(_ identifier: Identifier) throws {
        #expect(try Self.idProblems(identifier.text) == ["MALFORMED_VALUE_ERROR /id"])
    }

    /// DID URLs near the edges of the DID Core §3.2 grammar, which the `id` check must judge as the
    /// ``DIDURL`` parser does (the check accepts the common ASCII forms without calling it).
    static let didURLs: [Identifier] = [
        "did:key:z6Mk", "did:a1:b", "did:a:b:c", "did:a:b:", "did:a::b", "did:a:.-_", "did::b", "did:a",
        "did:A:b", "DID:a:b", "did:a:b/", "did:a:b/c/d", "did:a:b?", "did:a:b?x=y?z", "did:a:b#", "did:a:b#f?/",
        "did:a:b#f#g", "did:a:b?q#f", "did:a:b/p?q#f", "did:a:b~c", "did:a:b/~!$&'()*+,;=:@", "did:a:b#%41",
        "did:a:%41", "did:a:b%4", "did:a:b/%zz", "did:a:b@c", "did:a:/b", "did:a:b/[c]", "did:a:é",
        "did:a:b#é", "did:a:b c",
    ].map(Identifier.init)

    @Test(arguments: didURLs)
    func judgesDIDURLsAsTheDIDURLParser(_ identifier: Identifier) throws {
        let parses = (try? DIDURL(parsing: identifier.text)) != nil
        #expect(try Self.idProblems(identifier.text) == (parses ? [] : ["MALFORMED_VALUE_ERROR /id"]))
    }
}
