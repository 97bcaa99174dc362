import MedCredCore
import Testing

/// W3C DID Core §3.1 DID syntax: https://www.w3.org/TR/did-core/#did-syntax
@Suite struct DIDParsingTests {
    /// A text the parser must reject, with the error it must give.
    struct Rejection: CustomTestStringConvertible, Sendable {
        let text: String
        let error: DIDParseError
        var testDescription: String { "\"\(text)\" → \(error)" }
    }

    static let rejections: [Rejection] = [
        .init(text: "", error: .empty),
        .init(text: "d", error: .missingScheme),
        .init(text: "did", error: .missingScheme),
        .init(text: "did-example:x", error: .missingScheme),
        .init(text: "https://example.com", error: .missingScheme),
        .init(text: " did:example:x", error: .missingScheme),
        .init(text: "urn:did:example:x", error: .missingScheme),
        .init(text: "DID:example:x", error: .invalidScheme("DID")),
        .init(text: "Did:example:x", error: .invalidScheme("Did")),
        .init(text: "did:", error: .emptyMethodName),
        .init(text: "did::x", error: .emptyMethodName),
        .init(text: "did:Example:x", error: .invalidMethodName("Example")),
        .init(text: "did:EXAMPLE:x", error: .invalidMethodName("EXAMPLE")),
        .init(text: "did:ex ample:x", error: .invalidMethodName("ex ample")),
        .init(text: "did:ex-ample:x", error: .invalidMethodName("ex-ample")),
        .init(text: "did:ex_ample:x", error: .invalidMethodName("ex_ample")),
        .init(text: "did:ex%61mple:x", error: .invalidMethodName("ex%61mple")),
        .init(text: "did:exämple:x", error: .invalidMethodName("exämple")),
        .init(text: "did:example", error: .missingMethodSpecificID),
        .init(text: "did:example:", error: .emptyMethodSpecificID),
        .init(text: "did:example:abc:", error: .trailingColon),
        .init(text: "did:example::", error: .trailingColon),
        .init(text: "did:example:a:b:c:", error: .trailingColon),
        .init(text: "did:example:ab c", error: .invalidCharacter(" ", offset: 14)),
        .init(text: "did:example:abc ", error: .invalidCharacter(" ", offset: 15)),
        .init(text: "did:example:abc\n", error: .invalidCharacter("\n", offset: 15)),
        .init(text: "did:example:abc#key-1", error: .invalidCharacter("#", offset: 15)),
        .init(text: "did:example:abc/path", error: .invalidCharacter("/", offset: 15)),
        .init(text: "did:example:abc?q", error: .invalidCharacter("?", offset: 15)),
        .init(text: "did:example:a~b", error: .invalidCharacter("~", offset: 13)),
        .init(text: "did:example:a+b", error: .invalidCharacter("+", offset: 13)),
        .init(text: "did:example:a@b", error: .invalidCharacter("@", offset: 13)),
        .init(text: "did:example:é", error: .invalidCharacter("é", offset: 12)),
        .init(text: "did:example:e\u{301}", error: .invalidCharacter("e\u{301}", offset: 12)),
        .init(text: "did:example:日本", error: .invalidCharacter("日", offset: 12)),
        .init(text: "did:example:a🙂", error: .invalidCharacter("🙂", offset: 13)),
        .init(text: "did:example:%G1", error: .invalidPercentEncoding(offset: 12)),
        .init(text: "did:example:%1G", error: .invalidPercentEncoding(offset: 12)),
        .init(text: "did:example:%4", error: .invalidPercentEncoding(offset: 12)),
        .init(text: "did:example:%", error: .invalidPercentEncoding(offset: 12)),
        .init(text: "did:example:ab%", error: .invalidPercentEncoding(offset: 14)),
        .init(text: "did:example:%%41", error: .invalidPercentEncoding(offset: 12)),
        .init(text: "did:example:%٤١", error: .invalidPercentEncoding(offset: 12)),
    ]

    @Test(arguments: rejections)
    func rejectsMalformedDID(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try DID(parsing: rejection.text) }
    }

    /// DIDs from DID Core examples and the method registry, with their two parts.
    static let acceptances: [(String, String, String)] = [
        ("did:example:123456789abcdefghi", "example", "123456789abcdefghi"),
        ("did:example:123456789abcdefghijk", "example", "123456789abcdefghijk"),
        (
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "key",
            "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        ),
        ("did:web:example.com%3A8443:user:alice", "web", "example.com%3A8443:user:alice"),
        ("did:example::abc", "example", ":abc"),
        ("did:a1:x.y-z_0", "a1", "x.y-z_0"),
        ("did:example:%4a%4A", "example", "%4a%4A"),
        ("did:123:456", "123", "456"),
    ]

    @Test(arguments: acceptances)
    func parsesValidDID(_ text: String, _ method: String, _ methodSpecificID: String) throws {
        let did = try DID(parsing: text)
        #expect(did.method == method)
        #expect(did.methodSpecificID == methodSpecificID)
        #expect(did.description == text)
    }

    @Test func buildsDIDFromParts() throws {
        let did = try DID(method: "example", methodSpecificID: "abc:def")
        #expect(did == (try DID(parsing: "did:example:abc:def")))
    }

    @Test func rejectsPartsThatDoNotFormADID() {
        #expect(throws: DIDParseError.invalidMethodName("a:b")) { try DID(method: "a:b", methodSpecificID: "c") }
        #expect(throws: DIDParseError.emptyMethodSpecificID) { try DID(method: "example", methodSpecificID: "") }
        #expect(throws: DIDParseError.invalidCharacter("#", offset: 13)) {
            try DID(method: "example", methodSpecificID: "a#b")
        }
    }

    @Test func comparesWithoutNormalizing() throws {
        #expect(try DID(parsing: "did:example:%4A") != DID(parsing: "did:example:%4a"))
        #expect(try DID(parsing: "did:example:abc") == DID(parsing: "did:example:abc"))
    }
}
