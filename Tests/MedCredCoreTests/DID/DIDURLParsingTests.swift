import MedCredCore
import Testing

/// W3C DID Core §3.2 DID URL syntax: https://www.w3.org/TR/did-core/#did-url-syntax
@Suite struct DIDURLParsingTests {
    /// A text the parser must reject, with the error it must give.
    struct Rejection: CustomTestStringConvertible, Sendable {
        let text: String
        let error: DIDParseError
        var testDescription: String { "\"\(text)\" → \(error)" }
    }

    static let rejections: [Rejection] = [
        .init(text: "", error: .empty),
        .init(text: "#key-1", error: .missingScheme),
        .init(text: "DID:example:123#key-1", error: .invalidScheme("DID")),
        .init(text: "did:#x", error: .emptyMethodName),
        .init(text: "did:example#key-1", error: .missingMethodSpecificID),
        .init(text: "did:example:#key-1", error: .emptyMethodSpecificID),
        .init(text: "did:example:123:#key-1", error: .trailingColon),
        .init(text: "did:example:123:/path", error: .trailingColon),
        .init(text: "did:Example:123#key-1", error: .invalidMethodName("Example")),
        .init(text: "did:example:1 3#key-1", error: .invalidCharacter(" ", offset: 13)),
        .init(text: "did:example:123/pa th", error: .invalidCharacter(" ", offset: 18)),
        .init(text: "did:example:123/a%2", error: .invalidPercentEncoding(offset: 17)),
        .init(text: "did:example:123/a%zz", error: .invalidPercentEncoding(offset: 17)),
        .init(text: "did:example:123/[x]", error: .invalidCharacter("[", offset: 16)),
        .init(text: "did:example:123/\\", error: .invalidCharacter("\\", offset: 16)),
        .init(text: "did:example:123?a b", error: .invalidCharacter(" ", offset: 17)),
        .init(text: "did:example:123?a%G0", error: .invalidPercentEncoding(offset: 17)),
        .init(text: "did:example:123?q=\"x\"", error: .invalidCharacter("\"", offset: 18)),
        .init(text: "did:example:123?q=<x>", error: .invalidCharacter("<", offset: 18)),
        .init(text: "did:example:123?q={}", error: .invalidCharacter("{", offset: 18)),
        .init(text: "did:example:123#key 1", error: .invalidCharacter(" ", offset: 19)),
        .init(text: "did:example:123#key#1", error: .invalidCharacter("#", offset: 19)),
        .init(text: "did:example:123##", error: .invalidCharacter("#", offset: 16)),
        .init(text: "did:example:123#%", error: .invalidPercentEncoding(offset: 16)),
        .init(text: "did:example:123#%4", error: .invalidPercentEncoding(offset: 16)),
        .init(text: "did:example:123#ké", error: .invalidCharacter("é", offset: 17)),
        .init(text: "did:example:123#k^", error: .invalidCharacter("^", offset: 17)),
        .init(text: "did:example:123#k|", error: .invalidCharacter("|", offset: 17)),
        .init(text: "did:example:123#k`", error: .invalidCharacter("`", offset: 17)),
        .init(text: "did:example:123#key-1\n", error: .invalidCharacter("\n", offset: 21)),
        .init(text: "did:example:123#🔑", error: .invalidCharacter("🔑", offset: 16)),
    ]

    @Test(arguments: rejections)
    func rejectsMalformedDIDURL(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try DIDURL(parsing: rejection.text) }
    }

    /// DID URLs from DID Core §3.2 examples: text, path, query, fragment.
    static let acceptances: [(String, String, String?, String?)] = [
        ("did:example:123456789abcdefghi", "", nil, nil),
        ("did:example:123456789abcdefghi#public-key-0", "", nil, "public-key-0"),
        ("did:example:123456789abcdefghi#agent", "", nil, "agent"),
        ("did:example:123?versionId=1", "", "versionId=1", nil),
        ("did:example:123?versionTime=2021-05-10T17:00:00Z", "", "versionTime=2021-05-10T17:00:00Z", nil),
        (
            "did:example:123?service=agent&relativeRef=/credentials#degree", "",
            "service=agent&relativeRef=/credentials",
            "degree"
        ),
        ("did:example:123456/path", "/path", nil, nil),
        ("did:example:123/a/b//c/", "/a/b//c/", nil, nil),
        ("did:example:123/%20?%41#%7e", "/%20", "%41", "%7e"),
        ("did:example:123?", "", "", nil),
        ("did:example:123#", "", nil, ""),
        ("did:example:123?#", "", "", ""),
        ("did:example:123#a/b?c:d@e!$&'()*+,;=-._~", "", nil, "a/b?c:d@e!$&'()*+,;=-._~"),
        ("did:example:123?a?b/c#d", "", "a?b/c", "d"),
        ("did:example:123/p:@!$&'()*+,;=", "/p:@!$&'()*+,;=", nil, nil),
    ]

    @Test(arguments: acceptances)
    func parsesValidDIDURL(_ text: String, _ path: String, _ query: String?, _ fragment: String?) throws {
        let url = try DIDURL(parsing: text)
        #expect(url.path == path)
        #expect(url.query == query)
        #expect(url.fragment == fragment)
        #expect(url.description == text)
        #expect(url.did.method == "example")
    }

    @Test func buildsFragmentURLFromDID() throws {
        let did = try DID(parsing: "did:example:123")
        let url = try did.url(fragment: "key-1")
        #expect(url.description == "did:example:123#key-1")
        #expect(url == (try DIDURL(parsing: "did:example:123#key-1")))
        #expect(!url.isBareDID)
        #expect(try DIDURL(parsing: "did:example:123").isBareDID)
    }

    @Test func rejectsInvalidComponentsWhenBuilding() throws {
        let did = try DID(parsing: "did:example:123")
        #expect(throws: DIDParseError.invalidCharacter("#", offset: 19)) { try did.url(fragment: "key#1") }
        #expect(throws: DIDParseError.invalidCharacter(" ", offset: 19)) { try did.url(fragment: "key 1") }
        #expect(throws: DIDParseError.invalidPercentEncoding(offset: 16)) { try did.url(fragment: "%") }
        #expect(throws: DIDParseError.pathNotAbsolute("path")) { try DIDURL(did: did, path: "path") }
        #expect(throws: DIDParseError.invalidCharacter("?", offset: 17)) { try DIDURL(did: did, path: "/a?") }
        #expect(throws: DIDParseError.invalidCharacter("#", offset: 17)) { try DIDURL(did: did, query: "a#b") }
        #expect(throws: DIDParseError.invalidCharacter("#", offset: 21)) {
            try DIDURL(did: did, path: "/p", query: "q", fragment: "f#")
        }
    }

    @Test func resolvesRelativeReferencesAgainstTheDID() throws {
        let base = try DID(parsing: "did:example:123")
        #expect(try DIDURL(parsing: "#key-1", relativeTo: base).description == "did:example:123#key-1")
        #expect(try DIDURL(parsing: "?versionId=2", relativeTo: base).description == "did:example:123?versionId=2")
        #expect(try DIDURL(parsing: "?v=2#k", relativeTo: base).description == "did:example:123?v=2#k")
        #expect(try DIDURL(parsing: "", relativeTo: base).description == "did:example:123")
        #expect(try DIDURL(parsing: "did:other:9#k", relativeTo: base).description == "did:other:9#k")
    }

    @Test func rejectsUnsupportedOrMalformedRelativeReferences() throws {
        let base = try DID(parsing: "did:example:123")
        #expect(throws: DIDParseError.unsupportedRelativeReference("/keys")) {
            try DIDURL(parsing: "/keys", relativeTo: base)
        }
        #expect(throws: DIDParseError.unsupportedRelativeReference("key-1")) {
            try DIDURL(parsing: "key-1", relativeTo: base)
        }
        #expect(throws: DIDParseError.unsupportedRelativeReference("./key")) {
            try DIDURL(parsing: "./key", relativeTo: base)
        }
        #expect(throws: DIDParseError.invalidCharacter(" ", offset: 4)) {
            try DIDURL(parsing: "#key 1", relativeTo: base)
        }
        #expect(throws: DIDParseError.invalidPercentEncoding(offset: 1)) {
            try DIDURL(parsing: "#%g0", relativeTo: base)
        }
        #expect(throws: DIDParseError.missingScheme) { try DIDURL(parsing: "https://x.example#k", relativeTo: base) }
        #expect(throws: DIDParseError.invalidScheme("DID")) { try DIDURL(parsing: "DID:example:1", relativeTo: base) }
    }

    @Test func comparesComponentsExactly() throws {
        #expect(try DIDURL(parsing: "did:example:1#a") != DIDURL(parsing: "did:example:1#A"))
        #expect(try DIDURL(parsing: "did:example:1?") != DIDURL(parsing: "did:example:1"))
        #expect(try DIDURL(parsing: "did:example:1#") != DIDURL(parsing: "did:example:1"))
    }
}
