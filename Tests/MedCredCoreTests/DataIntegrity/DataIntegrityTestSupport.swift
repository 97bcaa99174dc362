import Foundation
import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// The vc-di-eddsa test vectors (`shared/vectors/w3c-vc-di-eddsa/`), read in place.
enum DIVectors {
    static let folder = "w3c-vc-di-eddsa/"

    /// A vector file as text, without one final newline if the file ends with one (the `.txt` vectors are
    /// `data-include`d into the spec, where a trailing newline is not part of the value).
    static func text(_ path: String) throws -> String {
        let text = try Vectors.text(folder + path)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// A vector file parsed with MedCred's strict parser.
    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: try Vectors.text(folder + path))
    }

    /// The private key of `keyPair.json`, from its `privateKeyMultibase`.
    static func privateKey() throws -> Ed25519.PrivateKey {
        try Multikey.privateKey(
            secretKeyMultibase: try #require(json("keyPair.json")["privateKeyMultibase"]?.stringValue))
    }

    /// The `did:key` verification method of `keyPair.json`, as the vectors write it.
    static func verificationMethod() throws -> String {
        let multikey = try #require(json("keyPair.json")["publicKeyMultibase"]?.stringValue)
        return "did:key:\(multikey)#\(multikey)"
    }

    /// A signer for the vector key pair under its did:key verification method.
    static func signer() throws -> Ed25519Signer {
        Ed25519Signer(privateKey: try privateKey(), verificationMethod: try verificationMethod())
    }

    /// `created` of the jcs vector: 2023-02-24T23:36:38Z.
    static func created() throws -> XSDDateTime {
        try XSDDateTime(parsing: "2023-02-24T23:36:38Z")
    }
}

/// Fixed times for verification.
enum TestClock {
    /// 2024-01-01T00:00:00Z: after every vector's `created`.
    static let now = XSDDateTime(secondsSince1970: 1_704_067_200)

    /// Verification options at ``now`` expecting `assertionMethod`.
    static let assertion = DataIntegrity.VerificationOptions(now: now, expectedProofPurpose: "assertionMethod")
}

/// A resolver over a fixed table of DID documents, falling back to did:key expansion.
struct TableResolver: DIDResolver {
    let documents: [DID: DIDDocument]

    init(_ documents: [DIDDocument] = []) {
        self.documents = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        if let document = documents[did] { return document }
        return try await DIDKeyResolver().resolve(did, versionTime: versionTime)
    }
}

/// A fixed-seed key for tests: the seed is `byte` repeated 32 times.
func seededKey(_ byte: UInt8) throws -> Ed25519.PrivateKey {
    try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
}

/// A minimal credential issued by `issuer`.
func licenseCredential(issuer: String, subject: JSONValue = ["id": "did:example:patient", "name": "Ada"]) -> JSONValue {
    [
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
        "id": "urn:uuid:5f2f3c2e-8f7a-4e0a-9c55-0d0c3b6a1e01",
        "type": ["VerifiableCredential", "MedicalLicenseCredential"],
        "issuer": .string(issuer),
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": subject,
    ]
}

extension JSONValue {
    /// The value at an RFC 6901 JSON pointer, or `nil`.
    func at(_ pointer: String) -> JSONValue? {
        var value: JSONValue? = self
        for token in PatchPointer.tokens(pointer) {
            if let index = Int(token), case .array = value { value = value?[index] } else { value = value?[token] }
        }
        return value
    }

    /// A copy with the value at `pointer` replaced, added, or (with `nil`) removed; arrays take an index or `-`.
    func setting(_ pointer: String, to newValue: JSONValue?) -> JSONValue {
        PatchPointer.set(self, tokens: PatchPointer.tokens(pointer)[...], to: newValue)
    }
}

/// RFC 6901 JSON pointers, enough for patching test documents.
enum PatchPointer {
    static func tokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func set(_ value: JSONValue, tokens: ArraySlice<String>, to newValue: JSONValue?) -> JSONValue {
        guard let token = tokens.first else { return newValue ?? .null }
        let rest = tokens.dropFirst()
        switch value {
        case .array(var elements):
            if token == "-", let newValue, rest.isEmpty {
                elements.append(newValue)
            } else if let index = Int(token), elements.indices.contains(index) {
                if rest.isEmpty, newValue == nil {
                    elements.remove(at: index)
                } else {
                    elements[index] = set(elements[index], tokens: rest, to: newValue)
                }
            }
            return .array(elements)
        default:
            var copy = value
            if rest.isEmpty {
                copy.setMember(token, newValue)
            } else {
                copy.setMember(token, set(value[token] ?? [:], tokens: rest, to: newValue))
            }
            return copy
        }
    }
}

/// Our own cases under `Fixtures/<topic>/` (STYLE.md §8), read through `Bundle.module`.
enum MedCredFixtures {
    /// One fixture file, parsed strictly.
    static func json(_ path: String) throws -> JSONValue {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/" + path)
        return try JSONValue(parsing: Array(try Data(contentsOf: url)))
    }

    /// Every `.json` file of a topic but `expected-failures.json`, sorted by name; fails when there are none.
    static func all(in topic: String) throws -> [(name: String, json: JSONValue)] {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/" + topic)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") && $0 != "expected-failures.json" }.sorted()
        try #require(!names.isEmpty, "no fixtures in Fixtures/\(topic)")
        return try names.map { (String($0.dropLast(".json".count)), try json(topic + "/" + $0)) }
    }
}

/// An error whose case name fixture files state in `wantError.case`.
protocol FixtureCaseNamed: Error {
    /// The case name, e.g. `invalidDateTime` for `.invalidDateTime(member: …, …)`.
    var caseName: String { get }
}

/// The case name of an error value, e.g. `invalidDateTime` for `.invalidDateTime(member: …, …)`.
func caseName(of error: some FixtureCaseNamed) -> String {
    error.caseName
}
