import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// One printed "Disclosure" of the RFC 9901 (draft-22) or SD-JWT VC draft-18 examples.
struct SDJWTDisclosureVector: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let claim: String
    let digest: String
    let disclosure: String
    let decoded: JSONValue
    var testDescription: String { "\(file):\(line) \(claim)" }
}

/// One compact serialization of the examples, with its disclosures and expected processed payload.
struct SDJWTCompactVector: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let section: String
    let compact: String
    let digests: [String]
    let sdHash: String?
    let keyBindingPayload: JSONObject?
    let expected: JSONObject?
    var testDescription: String { "\(file):\(line) \(section)" }
}

enum SDJWTVectorFiles {
    static let files = ["sd-jwt/draft22-extracted-examples.json", "sd-jwt/sd-jwt-vc-draft18-extracted-examples.json"]

    static func root(_ file: String) throws -> JSONValue { try JSONValue(parsing: Array(try Vectors.data(file))) }

    static func disclosures() throws -> [SDJWTDisclosureVector] {
        try files.flatMap { file in
            try (try root(file)["disclosures"]?.arrayValue ?? []).map { entry in
                SDJWTDisclosureVector(
                    file: file, line: Int(entry["line"]?.doubleValue ?? 0), claim: entry["claim"]?.stringValue ?? "",
                    digest: try #require(entry["digest"]?.stringValue),
                    disclosure: try #require(entry["disclosure"]?.stringValue), decoded: try #require(entry["decoded"]))
            }
        }
    }

    static func compacts() throws -> [SDJWTCompactVector] {
        try files.flatMap { file in
            try (try root(file)["compactSerializations"]?.arrayValue ?? []).filter { $0["disclosures"] != nil }.map {
                entry in
                SDJWTCompactVector(
                    file: file, line: Int(entry["line"]?.doubleValue ?? 0),
                    section: entry["section"]?.stringValue ?? "",
                    compact: try #require(entry["compact"]?.stringValue),
                    digests: (entry["disclosureDigests"]?.arrayValue ?? []).compactMap(\.stringValue),
                    sdHash: entry["kbJwtPayload"]?["sd_hash"]?.stringValue,
                    keyBindingPayload: entry["kbJwtPayload"]?.objectValue,
                    expected: entry["expectedProcessedPayload"]?.objectValue)
            }
        }
    }
}

/// The examples of RFC 9901 (draft-22 text) and SD-JWT VC draft-18, read in place from `shared/vectors/sd-jwt`.
///
/// These tests check the examples' structure, every disclosure's digest and contents, `sd_hash`, and the payload
/// reconstruction against the spec's "Processed SD-JWT Payload"; and that the Ed25519-keyed verifier (MedCred's
/// own credentials, DID-resolved keys) refuses their ES256 signatures. The signatures themselves are verified
/// with the examples' P-256 keys in ``SDJWTVectorSignatureTests``.
@Suite struct SDJWTVectorTests {
    @Test(arguments: try SDJWTVectorFiles.disclosures())
    func disclosureDigestAndContentsMatchTheExample(_ vector: SDJWTDisclosureVector) throws {
        let disclosure = try Disclosure(parsing: vector.disclosure)
        #expect(disclosure.digest == vector.digest)
        let elements = try #require(vector.decoded.arrayValue)
        #expect(disclosure.salt == elements.first?.stringValue)
        #expect(disclosure.name == (elements.count == 3 ? elements[1].stringValue : nil))
        #expect(disclosure.value == elements.last)
    }

    @Test(arguments: try SDJWTVectorFiles.compacts())
    func reconstructsTheProcessedPayload(_ vector: SDJWTCompactVector) throws {
        let sdJWT = try SDJWT(parsing: vector.compact)
        #expect(sdJWT.disclosures.map(\.digest) == vector.digests)
        #expect(sdJWT.serialized == vector.compact)
        let payload = try #require(try sdJWT.issuerJWS().payload.objectValue)
        let processed = try SDJWTPayloadProcessor.process(payload: payload, disclosures: sdJWT.disclosures)
        #expect(Set(processed.paths.keys) == Set(vector.digests))
        if let expected = vector.expected { #expect(processed.claims == expected) }
        if let sdHash = vector.sdHash {
            #expect(sdJWT.keyBindingJWT != nil)
            #expect(sdJWT.sdHash == sdHash)
        }
    }

    @Test(arguments: try SDJWTVectorFiles.compacts())
    func refusesTheExamplesES256Signature(_ vector: SDJWTCompactVector) throws {
        let sdJWT = try SDJWT(parsing: vector.compact)
        #expect(throws: SDJWTError.unsupportedAlgorithm("ES256")) {
            try SDJWTVerifier.verify(
                sdJWT, issuerKey: try SDJWTFixture.issuerKey().publicKey, options: SDJWTFixture.options(keyBinding: nil)
            )
        }
    }

    /// Dropping any one disclosure of a presentation still reconstructs (the claim is simply absent), and
    /// duplicating one is refused.
    @Test(arguments: try SDJWTVectorFiles.compacts())
    func handlesRemovedAndDuplicatedDisclosures(_ vector: SDJWTCompactVector) throws {
        let sdJWT = try SDJWT(parsing: vector.compact)
        let payload = try #require(try sdJWT.issuerJWS().payload.objectValue)
        guard let first = sdJWT.disclosures.first else { return }
        let fewer = Array(sdJWT.disclosures.dropFirst())
        let processed = try? SDJWTPayloadProcessor.process(payload: payload, disclosures: fewer)
        // A disclosure nested in the dropped one is then unreferenced; otherwise reconstruction succeeds.
        if processed == nil {
            #expect(throws: SDJWTError.self) { try SDJWTPayloadProcessor.process(payload: payload, disclosures: fewer) }
        }
        #expect(throws: SDJWTError.duplicateDisclosure(digest: first.digest)) {
            try SDJWTPayloadProcessor.process(payload: payload, disclosures: sdJWT.disclosures + [first])
        }
    }
}
