import Testing

@testable import MedCredCore

/// The ASCII fast path of DID and DID URL parsing accepts exactly what the `Character` parser accepts, with the
/// same parts.
@Suite struct DIDASCIIParserTests {
    static let inputs: [String] = [
        "did:example:123", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "did:webvh:QmT7:example.com%3A3000:dids:issuer#key-1", "did:example:123/path/to?x=1&y=2#frag",
        "did:example:a:b:c", "did:example:%41%42", "did:example:%4", "did:example:%zz", "did:example:",
        "did:example:a:", "did:Example:1", "DID:example:1", "did::1", "did:example", "did:ex ample:1",
        "did:example:1 2", "did:example:1#a#b", "did:example:1?a?b#c?d", "did:example:1/", "did:example:1//x",
        "did:example:é", "did:example:1#é", "did:example:1\r\n", "", "did:", "did:a:b/%20x", "did:a:b#%2",
        "did:a:b?q=[x]", "did:a:b#@:!$&'()*+,;=-._~", "did:1a:b", "did:a_b:c", "did:a:b_c.d-e",
    ]

    @Test(arguments: inputs)
    func fastPathAgreesWithTheCharacterParser(_ text: String) {
        let slow = try? DIDURL(characterParsing: text)
        if let fast = DIDASCIIParser.parseURL(text) {
            let parsed = try? #require(slow)
            #expect(parsed?.did.method == fast.method)
            #expect(parsed?.did.methodSpecificID == fast.methodSpecificID)
            #expect(parsed?.path == fast.path)
            #expect(parsed?.query == fast.query)
            #expect(parsed?.fragment == fast.fragment)
        } else if text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(slow == nil, "the fast path refused what the Character parser accepts: \(text)")
        }
        #expect((try? DIDURL(parsing: text)) == slow)
        let didPart = String(text.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        #expect((try? DID(parsing: didPart)) == (try? DID(characters: Array(didPart))))
    }
}
