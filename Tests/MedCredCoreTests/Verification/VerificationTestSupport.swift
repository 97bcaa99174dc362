import Foundation
import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// Fixed keys, clocks and documents for the verifier and issuer tests: three `did:key` parties (a licensing
/// board that issues, a clinician who holds and presents, and an unrelated party), a fixed clock, and a
/// `MedicalLicenseCredential` draft whose subject passes `schemas/MedicalLicenseCredential/v1.json`.
enum VerificationParty: String, CaseIterable, Sendable {
    case issuer, holder, other

    /// The seed byte, repeated 32 times.
    var seedByte: UInt8 {
        switch self {
        case .issuer: 0x11
        case .holder: 0x22
        case .other: 0x33
        }
    }

    func privateKey() throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: seedByte, count: 32))
    }

    func didKey() throws -> DIDKey { DIDKey(privateKey: try privateKey()) }

    /// `did:key:z6Mk…`.
    func did() throws -> String { try didKey().did.description }

    /// `did:key:z6Mk…#z6Mk…`.
    func verificationMethod() throws -> String { try didKey().verificationMethodID.description }

    func signer() throws -> Ed25519Signer { Ed25519Signer(didKey: try privateKey()) }
}

enum VerificationClock {
    /// 2025-01-01T00:00:00Z: when the board issues.
    static let issuedAt = Date(timeIntervalSince1970: 1_735_689_600)
    /// 2025-06-01T00:00:00Z: when the verifier checks.
    static let now = Date(timeIntervalSince1970: 1_748_736_000)
    /// `issuedAt` in `validFrom` form.
    static let issuedAtText = "2025-01-01T00:00:00Z"
}

enum VerificationDocuments {
    static let examplesContext = "https://www.w3.org/ns/credentials/examples/v2"
    static let credentialID = "urn:uuid:0b5a2c8e-6f1d-4c3a-9e77-51f0d2b4a901"

    /// A licence subject that passes the `MedicalLicenseCredential` v1 subject schema.
    static func licenseSubject() throws -> JSONValue {
        [
            "id": .string(try VerificationParty.holder.did()),
            "licensee": ["familyName": "Okafor", "givenName": "Adaeze"],
            "profession": "physician",
            "licenseNumber": "MD-12345",
            "jurisdiction": "US-CA",
            "licensingBoard": ["name": "Medical Board of California"],
            "originalLicensureDate": "2014-07-01",
        ]
    }

    /// An unsigned draft without `issuer`, `validFrom` or `credentialSchema`, which the issuer fills in; its
    /// `@context` is the VCDM 2.0 context and MedCred's, which defines the type and every subject member.
    static func licenseDraft(subject: JSONValue? = nil) throws -> JSONValue {
        [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "id": .string(credentialID),
            "type": ["VerifiableCredential", "MedicalLicenseCredential"],
            "validUntil": "2030-01-01T00:00:00Z",
            "credentialSubject": try subject ?? licenseSubject(),
        ]
    }

    /// The contexts a MedCred verifier accepts: every pinned context of `shared/vectors/contexts` (checked
    /// against its pin) and MedCred's own.
    static func contexts() throws -> KnownContexts { try cachedContexts.get() }

    private static let cachedContexts = Result { try loadContexts() }

    private static func loadContexts() throws -> KnownContexts {
        let vectors = try CredentialTestContexts.known()
        var pinned: [String: [UInt8]] = [:]
        for url in vectors.urls where MedCredContexts.pins[url] != nil {
            pinned[url] = try Array(Vectors.data("contexts/" + contextFile(url)))
        }
        return try MedCredContexts.knownContexts(loading: pinned)
    }

    private struct ContextIndex: Decodable {
        struct Entry: Decodable { let file: String }
        let contexts: [String: Entry]
    }

    private static func contextFile(_ url: String) throws -> String {
        let index = try Vectors.load("contexts/index.json", as: ContextIndex.self)
        return try #require(index.contexts[url]?.file, "no vector file for \(url)")
    }

    static func issuer(_ party: VerificationParty = .issuer) throws -> CredentialIssuer {
        CredentialIssuer(signer: try party.signer(), contexts: try contexts())
    }

    static func verifier(
        resolver: some DIDResolver = DIDKeyResolver(), extensions: [any CredentialCheckExtension] = []
    ) throws -> CredentialVerifier {
        CredentialVerifier(resolver: resolver, contexts: try contexts(), extensions: extensions)
    }

    /// The licence draft completed by the board (issuer, validFrom, credentialSchema), unsigned.
    static func completedLicense() throws -> JSONValue {
        try issuer().complete(try licenseDraft(), now: VerificationClock.issuedAt)
    }

    /// The licence issued with Data Integrity as a JSON document.
    static func signedLicense() throws -> JSONValue {
        guard case .document(let document) = try issuer().issue(try licenseDraft(), now: VerificationClock.issuedAt)
        else {
            Issue.record("Data Integrity issuance did not give a JSON document")
            return .null
        }
        return document
    }

    /// The licence issued as a `vc+jwt`.
    static func licenseJWS() throws -> String {
        guard
            case .jws(let jws) = try issuer().issue(
                try licenseDraft(), format: .jwt, now: VerificationClock.issuedAt)
        else {
            Issue.record("JWT issuance did not give a JWS")
            return ""
        }
        return jws
    }

    /// Signs `document` directly with Data Integrity, bypassing the issuer's checks.
    static func sign(
        _ document: JSONValue, as party: VerificationParty = .issuer, purpose: String = "assertionMethod",
        challenge: String? = nil, domain: [String] = [], created: Date = VerificationClock.issuedAt
    ) throws -> JSONValue {
        try sign(
            document, with: try party.signer(), purpose: purpose, challenge: challenge, domain: domain,
            created: created)
    }

    static func sign(
        _ document: JSONValue, with signer: some ProofSigner, purpose: String = "assertionMethod",
        challenge: String? = nil, domain: [String] = [], created: Date = VerificationClock.issuedAt
    ) throws -> JSONValue {
        let options = ProofOptions(
            proofPurpose: purpose, created: XSDDateTime(created), challenge: challenge, domain: domain)
        return try DataIntegrity.addProof(to: document, options: options, signer: signer)
    }
}

/// Summaries of a result for exact comparisons.
extension VerificationResult {
    /// Each error as `check TYPE /pointer`.
    var errorSummary: [String] { errors.map { "\($0.check) \($0.problem.type.rawValue) \($0.problem.pointer)" } }
    /// Each warning as `TYPE /pointer`.
    var warningSummary: [String] { warnings.map { "\($0.type.rawValue) \($0.pointer)" } }
    /// The names of every check, in order.
    var checkNames: [String] { checks.map(\.name) }
    /// The names of the checks that passed.
    var passedChecks: [String] { checks.filter(\.passed).map(\.name) }
}

/// The checks a Data Integrity or JOSE credential with a MedCred schema runs, in order.
let allCredentialChecks = ["parsing", "proof", "proofController", "dataModel", "validityPeriod", "schema"]

/// Edits to a JSON document by JSON Pointer (RFC 6901), for tampering and fixtures.
enum VerificationPatch {
    enum Failure: Error, CustomStringConvertible {
        case badPointer(String)
        var description: String {
            switch self {
            case .badPointer(let pointer): "cannot apply an edit at \(pointer)"
            }
        }
    }

    /// `document` with the value at `pointer` set (added or replaced); an array index equal to the count
    /// (or `-`) appends.
    static func setting(_ pointer: String, to value: JSONValue, in document: JSONValue) throws -> JSONValue {
        try apply(tokens(pointer), in: document, pointer: pointer, value: value)
    }

    /// `document` without the value at `pointer`.
    static func removing(_ pointer: String, in document: JSONValue) throws -> JSONValue {
        try apply(tokens(pointer), in: document, pointer: pointer, value: nil)
    }

    private static func tokens(_ pointer: String) throws -> [String] {
        guard pointer.hasPrefix("/") else { throw Failure.badPointer(pointer) }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func apply(_ tokens: [String], in document: JSONValue, pointer: String, value: JSONValue?)
        throws -> JSONValue
    {
        guard let token = tokens.first else { throw Failure.badPointer(pointer) }
        let rest = Array(tokens.dropFirst())
        switch document {
        case .object(var object):
            if rest.isEmpty {
                object[token] = value
            } else {
                guard let child = object[token] else { throw Failure.badPointer(pointer) }
                object[token] = try apply(rest, in: child, pointer: pointer, value: value)
            }
            return .object(object)
        case .array(var elements):
            let index = token == "-" ? elements.count : Int(token)
            guard let index, index >= 0, index <= elements.count else { throw Failure.badPointer(pointer) }
            if rest.isEmpty {
                if let value {
                    if index == elements.count { elements.append(value) } else { elements[index] = value }
                } else {
                    guard index < elements.count else { throw Failure.badPointer(pointer) }
                    elements.remove(at: index)
                }
            } else {
                guard index < elements.count else { throw Failure.badPointer(pointer) }
                elements[index] = try apply(rest, in: elements[index], pointer: pointer, value: value)
            }
            return .array(elements)
        default:
            throw Failure.badPointer(pointer)
        }
    }
}

/// Compact JWS pieces, for building JWTs the issuer would never make.
enum VerificationJWS {
    static func encode(_ value: JSONValue) -> String { Base64URL.encode(value.utf8Bytes) }

    /// `header.payload.signature` with the signature made by `key` over the signing input, or `signature`
    /// verbatim when given.
    static func make(
        header: JSONValue, payload: JSONValue, key: Ed25519.PrivateKey?, signature: [UInt8]? = nil
    ) -> String {
        let input = encode(header) + "." + encode(payload)
        let bytes = signature ?? key.map { $0.signature(for: Array(input.utf8)) } ?? []
        return input + "." + Base64URL.encode(bytes)
    }

    /// The parts of a compact JWS.
    static func parts(_ jws: String) -> [String] {
        jws.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}
