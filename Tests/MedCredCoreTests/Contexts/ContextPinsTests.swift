import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// `contexts/pins.json`: its digests are those of the vector files, and the parser refuses every malformed list.
@Suite struct ContextPinsTests {
    /// `shared/vectors/contexts/index.json`, for cross-checking.
    private struct Index: Decodable {
        struct Entry: Decodable {
            let file: String
            let sha256: String
        }
        let contexts: [String: Entry]
    }

    static let thirdPartyPins = MedCredContexts.pins.pins.filter { !$0.isEmbedded }

    @Test(arguments: thirdPartyPins.map(\.url))
    func pinMatchesTheVectorFile(_ url: String) throws {
        let pin = try #require(MedCredContexts.pins[url])
        let bytes = Array(try Vectors.data("contexts/" + pin.file))
        #expect(SHA256.hash(bytes) == pin.sha256)
        #expect(MedCredContexts.pins.verify(url: url, bytes: bytes))
        let index = try Vectors.load("contexts/index.json", as: Index.self)
        let entry = try #require(index.contexts[url], "\(url) is not in the vectors index")
        #expect(entry.file == pin.file)
        #expect(entry.sha256 == pin.sha256Hex)
    }

    @Test func pinsTheContextsMedCredAccepts() {
        let urls = Set(MedCredContexts.pins.pins.map(\.url))
        #expect(
            urls == [
                "https://www.w3.org/ns/credentials/v2", "https://www.w3.org/2018/credentials/v1",
                "https://www.w3.org/ns/credentials/examples/v2", "https://w3id.org/security/data-integrity/v2",
                "https://w3id.org/security/data-integrity/v1", "https://w3id.org/security/multikey/v1",
                "https://www.w3.org/ns/did/v1", "https://www.w3.org/ns/did/v1.1", "https://w3id.org/security/jwk/v1",
                "https://w3id.org/security/suites/ed25519-2020/v1", "https://www.w3.org/ns/credentials/status/v1",
                "https://w3id.org/vc/status-list/2021/v1", MedCredContexts.credentialsV1,
            ])
        #expect(urls.count == MedCredContexts.pins.pins.count)
    }

    @Test func verifyRefusesOtherBytesAndUnpinnedURLs() throws {
        let pin = try #require(MedCredContexts.pins[KnownContexts.credentialsV2])
        var bytes = Array(try Vectors.data("contexts/" + pin.file))
        #expect(MedCredContexts.pins.verify(url: pin.url, bytes: bytes))
        #expect(!MedCredContexts.pins.verify(url: "https://example.com/v2", bytes: bytes))
        #expect(!MedCredContexts.pins.verify(url: KnownContexts.credentialsV1, bytes: bytes))
        bytes.append(UInt8(ascii: "\n"))
        #expect(!MedCredContexts.pins.verify(url: pin.url, bytes: bytes))
        #expect(!MedCredContexts.pins.verify(url: pin.url, bytes: [UInt8]()))
    }

    @Test func parsesAMinimalList() throws {
        let digest = String(repeating: "0f", count: 32)
        let pins = try ContextPins(
            parsing: #"{"contexts": [{"url": "https://example.com/c", "file": "c.jsonld", "sha256": "\#(digest)"}]}"#)
        let pin = try #require(pins["https://example.com/c"])
        #expect(
            pin == ContextPin(url: "https://example.com/c", file: "c.jsonld", sha256: Array(repeating: 0x0f, count: 32))
        )
        #expect(pin.sha256Hex == digest)
        #expect(pins["https://example.com/d"] == nil)
    }

    /// A malformed pin list and the error it must give.
    struct BadList: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let error: ContextError
        var testDescription: String { name }
    }

    static let digest = String(repeating: "ab", count: 32)
    static func entry(
        url: String = "https://example.com/c", file: String = "c.jsonld", sha256: String = digest,
        extra: String = ""
    ) -> String {
        #"{"url": "\#(url)", "file": "\#(file)", "sha256": "\#(sha256)"\#(extra)}"#
    }
    static func list(_ entries: String...) -> String { #"{"contexts": [\#(entries.joined(separator: ","))]}"# }

    static let badLists: [BadList] = [
        BadList(name: "not JSON", text: "{", error: .invalidPinsJSON(.unexpectedEnd(offset: 1))),
        BadList(
            name: "duplicate member", text: #"{"contexts": [], "contexts": []}"#,
            error: .invalidPinsJSON(.duplicateMemberName("contexts", offset: 17))),
        BadList(name: "array at the top", text: "[]", error: .invalidPinMember(pointer: "")),
        BadList(name: "no contexts", text: "{}", error: .missingPinMember(pointer: "/contexts")),
        BadList(
            name: "contexts not an array", text: #"{"contexts": {}}"#, error: .invalidPinMember(pointer: "/contexts")),
        BadList(
            name: "extra top-level member", text: #"{"contexts": [], "note": ""}"#,
            error: .unexpectedPinMember(pointer: "/note")),
        BadList(name: "entry not an object", text: list("1"), error: .invalidPinMember(pointer: "/contexts/0")),
        BadList(
            name: "no url", text: list(#"{"file": "c", "sha256": "\#(digest)"}"#),
            error: .missingPinMember(pointer: "/contexts/0/url")),
        BadList(
            name: "no file", text: list(#"{"url": "https://example.com/c", "sha256": "\#(digest)"}"#),
            error: .missingPinMember(pointer: "/contexts/0/file")),
        BadList(
            name: "no sha256", text: list(#"{"url": "https://example.com/c", "file": "c"}"#),
            error: .missingPinMember(pointer: "/contexts/0/sha256")),
        BadList(
            name: "url not a string", text: list(#"{"url": 1, "file": "c", "sha256": "\#(digest)"}"#),
            error: .invalidPinMember(pointer: "/contexts/0/url")),
        BadList(
            name: "relative url", text: list(entry(url: "/c")), error: .invalidPinMember(pointer: "/contexts/0/url")),
        BadList(
            name: "file in a folder", text: list(entry(file: "a/c.jsonld")),
            error: .invalidPinMember(pointer: "/contexts/0/file")),
        BadList(
            name: "file leaving the folder", text: list(entry(file: "..")),
            error: .invalidPinMember(pointer: "/contexts/0/file")),
        BadList(name: "empty file", text: list(entry(file: "")), error: .invalidPinMember(pointer: "/contexts/0/file")),
        BadList(
            name: "file with a space", text: list(entry(file: "c v1.jsonld")),
            error: .invalidPinMember(pointer: "/contexts/0/file")),
        BadList(
            name: "upper-case digest", text: list(entry(sha256: digest.uppercased())),
            error: .invalidPinMember(pointer: "/contexts/0/sha256")),
        BadList(
            name: "short digest", text: list(entry(sha256: String(digest.dropLast(2)))),
            error: .invalidPinMember(pointer: "/contexts/0/sha256")),
        BadList(
            name: "long digest", text: list(entry(sha256: digest + "00")),
            error: .invalidPinMember(pointer: "/contexts/0/sha256")),
        BadList(
            name: "digest not hex", text: list(entry(sha256: "zz" + digest.dropFirst(2))),
            error: .invalidPinMember(pointer: "/contexts/0/sha256")),
        BadList(
            name: "embedded not a boolean", text: list(entry(extra: #", "embedded": "yes""#)),
            error: .invalidPinMember(pointer: "/contexts/0/embedded")),
        BadList(
            name: "source not a string", text: list(entry(extra: #", "source": 1"#)),
            error: .invalidPinMember(pointer: "/contexts/0/source")),
        BadList(
            name: "unknown entry member", text: list(entry(extra: #", "sha384": "x""#)),
            error: .unexpectedPinMember(pointer: "/contexts/0/sha384")),
        BadList(
            name: "duplicate url", text: list(entry(), entry(file: "d.jsonld")),
            error: .duplicatePinURL("https://example.com/c")),
        BadList(
            name: "duplicate file", text: list(entry(), entry(url: "https://example.com/d")),
            error: .duplicatePinFile("c.jsonld")),
    ]

    @Test(arguments: badLists)
    func refusesAMalformedList(_ bad: BadList) {
        #expect(throws: bad.error) { try ContextPins(parsing: bad.text) }
    }
}
