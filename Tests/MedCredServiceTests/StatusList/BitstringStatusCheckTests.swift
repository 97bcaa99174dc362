import Foundation
import MedCredCore
import MedCredCrypto
import MedCredService
import MedCredTestSupport
import Synchronization
import Testing

/// Status list credentials served from memory; a URL it does not hold makes `fetch` throw.
final class InMemoryStatusListFetcher: StatusListFetcher {
    struct NotFound: Error, CustomStringConvertible {
        let url: String
        var description: String { "no status list at \(url)" }
    }

    private let documents = Mutex<[String: JSONValue]>([:])

    func publish(_ document: JSONValue, at url: String) { documents.withLock { $0[url] = document } }

    func fetch(_ url: String) async throws -> JSONValue {
        guard let document = documents.withLock({ $0[url] }) else { throw NotFound(url: url) }
        return document
    }
}

/// ``BitstringStatusCheck`` end to end: a licence issued with a revocation and a suspension entry, two signed
/// status list credentials, and ``CredentialVerifier`` running the check (W3C Bitstring Status List v1.0
/// §3.2).
@Suite struct BitstringStatusCheckTests {
    static let revocationURL = "https://board.example/status/revocation/1"
    static let suspensionURL = "https://board.example/status/suspension/1"
    static let revocationIndex = 94_567
    static let suspensionIndex = 23_452
    /// 2025-01-01T00:00:00Z and 2025-06-01T00:00:00Z.
    static let issuedAt = Date(timeIntervalSince1970: 1_735_689_600)
    static let now = Date(timeIntervalSince1970: 1_748_736_000)
    static let codec = StatusListCodec()

    static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
    }

    static func contexts() throws -> KnownContexts {
        try MedCredContexts.knownContexts(loading: [
            KnownContexts.credentialsV2: Array(try Vectors.data("contexts/credentials-v2.jsonld"))
        ])
    }

    static func issuer(_ byte: UInt8 = 0x11) throws -> CredentialIssuer {
        CredentialIssuer(signer: Ed25519Signer(didKey: try key(byte)), contexts: try contexts())
    }

    static func document(_ secured: SecuredDocument) throws -> JSONValue {
        guard case .document(let document) = secured else { throw InMemoryStatusListFetcher.NotFound(url: "jws") }
        return document
    }

    static func entry(_ purpose: StatusPurpose, _ url: String, _ index: Int) -> JSONValue {
        [
            "id": .string("\(url)#\(index)"), "type": "BitstringStatusListEntry",
            "statusPurpose": .string(purpose.rawValue), "statusListIndex": .string(String(index)),
            "statusListCredential": .string(url),
        ]
    }

    /// A `MedicalLicenseCredential` with a revocation and a suspension entry, signed by the board.
    static func license() throws -> JSONValue {
        let holder = DIDKey(privateKey: try key(0x22)).did.description
        let draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "id": "urn:uuid:0b5a2c8e-6f1d-4c3a-9e77-51f0d2b4a901",
            "type": ["VerifiableCredential", "MedicalLicenseCredential"],
            "validUntil": "2030-01-01T00:00:00Z",
            "credentialSubject": [
                "id": .string(holder), "licensee": ["familyName": "Okafor", "givenName": "Adaeze"],
                "profession": "physician", "licenseNumber": "MD-12345", "jurisdiction": "US-CA",
                "licensingBoard": ["name": "Medical Board of California"], "originalLicensureDate": "2014-07-01",
            ],
            "credentialStatus": [
                entry(.revocation, revocationURL, revocationIndex), entry(.suspension, suspensionURL, suspensionIndex),
            ],
        ]
        return try document(try issuer().issue(draft, now: issuedAt))
    }

    /// A signed status list credential for `purpose` with `set` entries set.
    static func statusList(
        _ purpose: StatusPurpose, url: String, set: [Int] = [], signer byte: UInt8 = 0x11,
        list: BitstringStatusList? = nil
    ) throws -> JSONValue {
        var bits = try list ?? BitstringStatusList()
        for index in set { bits[index] = true }
        let draft = BitstringStatusListCredential.draft(
            id: url, issuer: DIDKey(privateKey: try key(byte)).did.description, statusPurpose: purpose,
            encodedList: try bits.encodedList(compress: codec.compress), validFrom: "2025-01-01T00:00:00Z")
        return try document(try issuer(byte).issue(draft, now: issuedAt))
    }

    static func fetcher(revocation: JSONValue? = nil, suspension: JSONValue? = nil) throws
        -> InMemoryStatusListFetcher
    {
        let fetcher = InMemoryStatusListFetcher()
        fetcher.publish(try revocation ?? statusList(.revocation, url: revocationURL), at: revocationURL)
        fetcher.publish(try suspension ?? statusList(.suspension, url: suspensionURL), at: suspensionURL)
        return fetcher
    }

    static func verify(_ credential: JSONValue, fetcher: InMemoryStatusListFetcher) async throws
        -> VerificationResult
    {
        let lists = CredentialVerifier(resolver: DIDKeyResolver(), contexts: try contexts())
        let verifier = CredentialVerifier(
            resolver: DIDKeyResolver(), contexts: try contexts(),
            extensions: [BitstringStatusCheck(fetcher: fetcher, verifier: lists)])
        return try await verifier.verifyCredential(.document(credential), now: now)
    }

    static func statusProblems(_ result: VerificationResult) -> [String] {
        result.errors.filter { $0.check == "status" }.map {
            "\($0.problem.type.rawValue) \($0.problem.pointer) \($0.problem.detail)"
        }
    }

    @Test func anUnrevokedCredentialVerifies() async throws {
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher())
        #expect(result.verified, "\(result.errors.map(\.problem.description))")
        #expect(result.checks.map(\.name).last == "status")
    }

    @Test func aSetRevocationBitFailsTheStatusCheckAsRevoked() async throws {
        let revoked = try Self.statusList(.revocation, url: Self.revocationURL, set: [Self.revocationIndex])
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher(revocation: revoked))
        #expect(!result.verified)
        #expect(result.failedChecks == ["status"])
        #expect(Self.statusProblems(result) == ["STATUS_VERIFICATION_ERROR /credentialStatus/0 revoked"])
    }

    @Test func aSetSuspensionBitFailsTheStatusCheckAsSuspended() async throws {
        let suspended = try Self.statusList(.suspension, url: Self.suspensionURL, set: [Self.suspensionIndex])
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher(suspension: suspended))
        #expect(result.failedChecks == ["status"])
        #expect(Self.statusProblems(result) == ["STATUS_VERIFICATION_ERROR /credentialStatus/1 suspended"])
    }

    @Test func neighbouringBitsDoNotCount() async throws {
        let revoked = try Self.statusList(
            .revocation, url: Self.revocationURL, set: [Self.revocationIndex - 1, Self.revocationIndex + 1])
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher(revocation: revoked))
        #expect(result.verified)
    }

    @Test func anUnreachableStatusListMakesTheVerifierThrow() async throws {
        let fetcher = InMemoryStatusListFetcher()
        let reason = "\(InMemoryStatusListFetcher.NotFound(url: Self.revocationURL))"
        await #expect(throws: VerificationError.extensionFailed(name: "status", reason: reason)) {
            try await Self.verify(try Self.license(), fetcher: fetcher)
        }
    }

    @Test func aStatusListFromAnotherIssuerIsRefused() async throws {
        let other = try Self.statusList(.revocation, url: Self.revocationURL, signer: 0x33)
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher(revocation: other))
        #expect(result.failedChecks == ["status"])
        #expect(
            Self.statusProblems(result) == [
                "STATUS_VERIFICATION_ERROR /credentialStatus/0/statusListCredential the status list credential's issuer is not the credential's issuer"
            ])
    }

    @Test func aTamperedStatusListIsRefused() async throws {
        var list = try Self.statusList(.revocation, url: Self.revocationURL, set: [Self.revocationIndex])
        var subject = try #require(list["credentialSubject"]?.objectValue)
        subject["encodedList"] = .string(try BitstringStatusList().encodedList(compress: Self.codec.compress))
        list.setMember("credentialSubject", .object(subject))
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher(revocation: list))
        #expect(result.failedChecks == ["status"])
        #expect(Self.statusProblems(result).first?.hasPrefix("STATUS_VERIFICATION_ERROR /credentialStatus/0/") == true)
    }

    @Test func aListWithAnotherPurposeIsRefused() async throws {
        let wrong = try Self.statusList(.suspension, url: Self.revocationURL)
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher(revocation: wrong))
        #expect(result.failedChecks == ["status"])
        #expect(Self.statusProblems(result).first?.hasPrefix("STATUS_VERIFICATION_ERROR /credentialStatus/0 ") == true)
    }

    @Test func aCredentialWithoutStatusEntriesPasses() async throws {
        var license = try Self.license()
        license = license.removingMember("credentialStatus").removingMember("proof")
        let signed = try Self.document(try Self.issuer().issue(license, now: Self.issuedAt))
        let result = try await Self.verify(signed, fetcher: InMemoryStatusListFetcher())
        #expect(result.verified)
    }

    @Test func aShortStatusListIsALengthError() async throws {
        let short = Multibase.encode(try Self.codec.compress([UInt8](repeating: 0, count: 8192)), as: .base64url)
        let draft = BitstringStatusListCredential.draft(
            id: Self.revocationURL, issuer: DIDKey(privateKey: try Self.key(0x11)).did.description,
            statusPurpose: .revocation, encodedList: short, validFrom: "2025-01-01T00:00:00Z")
        let list = try Self.document(try Self.issuer().issue(draft, now: Self.issuedAt))
        let result = try await Self.verify(try Self.license(), fetcher: try Self.fetcher(revocation: list))
        #expect(result.failedChecks == ["status"])
        #expect(Self.statusProblems(result).first?.hasPrefix("STATUS_LIST_LENGTH_ERROR /credentialStatus/0 ") == true)
    }

    @Test func aMalformedEntryIsAProblemAndTheOtherEntryIsStillChecked() async throws {
        var license = try Self.license().removingMember("proof")
        license.setMember(
            "credentialStatus",
            [
                Self.entry(.revocation, Self.revocationURL, Self.revocationIndex).removingMember("statusListIndex"),
                Self.entry(.suspension, Self.suspensionURL, Self.suspensionIndex),
            ])
        let signed = try Self.document(try Self.issuer().issue(license, now: Self.issuedAt))
        let suspended = try Self.statusList(.suspension, url: Self.suspensionURL, set: [Self.suspensionIndex])
        let result = try await Self.verify(signed, fetcher: try Self.fetcher(suspension: suspended))
        #expect(result.failedChecks == ["status"])
        #expect(
            Self.statusProblems(result).map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == [
                "STATUS_VERIFICATION_ERROR /credentialStatus/0/statusListIndex",
                "STATUS_VERIFICATION_ERROR /credentialStatus/1",
            ])
        #expect(Self.statusProblems(result).last?.hasSuffix(" suspended") == true)
    }
}
