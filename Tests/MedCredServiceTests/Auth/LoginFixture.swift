import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import MedCredService
import Synchronization

/// A board (did:key 0x11) accredited by a trust root (0x31) for licences in the US, a physician holder (0x22),
/// another person (0x23), a board nobody accredited (0x12), the service's session key (0x41), status lists in
/// memory and a challenge database in a temporary directory.
struct LoginFixture {
    /// A clock tests move by hand.
    final class Clock: Sendable {
        private let instant: Mutex<Date>
        init(_ start: Date) { instant = Mutex(start) }
        var now: Date { instant.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    /// Accreditation entries from memory.
    struct Accreditations: AccreditationSource {
        let all: [AccreditationRegistry.Entry]
        func entries(issuer: DID) async throws -> [AccreditationRegistry.Entry] { all }
    }

    static let domain = "telemedicine.medcred.local"
    static let now = BitstringStatusCheckTests.now

    let directory: URL
    let clock = Clock(LoginFixture.now)
    let fetcher: InMemoryStatusListFetcher
    let challenges: ChallengeStore
    let service: LoginService
    let verification: VerificationService

    init(revoked: Bool = false, policies: [VerifierPolicy] = VerifierPolicies.builtIn) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("login-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Not a ternary with `nil`: JSONValue is ExpressibleByNilLiteral, so that `nil` would be JSON null.
        var revocation: JSONValue?
        if revoked {
            revocation = try BitstringStatusCheckTests.statusList(
                .revocation, url: BitstringStatusCheckTests.revocationURL,
                set: [BitstringStatusCheckTests.revocationIndex])
        }
        fetcher = try BitstringStatusCheckTests.fetcher(revocation: revocation)
        let clock = self.clock
        challenges = try ChallengeStore(
            databasePath: directory.appendingPathComponent("auth.sqlite").path, clock: { clock.now })
        verification = VerificationService(verifier: try Self.verifier(fetcher: fetcher))
        service = LoginService(
            challenges: challenges, verification: verification, policies: policies,
            sessionSigner: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(0x41)), clock: { clock.now })
    }

    static func did(_ byte: UInt8) throws -> String {
        DIDKey(privateKey: try BitstringStatusCheckTests.key(byte)).did.description
    }

    static func verifier(fetcher: InMemoryStatusListFetcher) throws -> CredentialVerifier {
        let contexts = try BitstringStatusCheckTests.contexts()
        let lists = CredentialVerifier(resolver: DIDKeyResolver(), contexts: contexts)
        let root = try DID(parsing: try did(0x31))
        let registry = AccreditationRegistry(trustRoots: [root], resolver: DIDKeyResolver())
        let accreditation = try Accreditation.sign(
            id: "urn:uuid:5d0e4c1a-8f7b-4e52-a3c9-0f6b2d1e7a44", issuer: try DID(parsing: try did(0x11)),
            credentialTypes: ["MedicalLicenseCredential"], jurisdiction: "US",
            validFrom: try XSDDateTime(parsing: "2024-01-01T00:00:00Z"), validUntil: nil,
            signer: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(0x31)),
            created: try XSDDateTime(parsing: "2024-01-01T00:00:00Z"))
        let source = Accreditations(all: [AccreditationRegistry.Entry(index: 0, json: accreditation.json)])
        return CredentialVerifier(
            resolver: DIDKeyResolver(), contexts: contexts,
            extensions: [
                BitstringStatusCheck(fetcher: fetcher, verifier: lists),
                AccreditationCheck(registry: registry, source: source),
            ])
    }

    /// A licence for `subject` (0x22 unless given) from board `issuer` (0x11, whose status lists the fetcher
    /// serves; another board's licence carries no status entry).
    static func license(
        subject: UInt8 = 0x22, issuer: UInt8 = 0x11, profession: String = "physician",
        validUntil: String = "2030-01-01T00:00:00Z"
    ) throws -> JSONValue {
        var draft: JSONObject = [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "id": "urn:uuid:0b5a2c8e-6f1d-4c3a-9e77-51f0d2b4a901",
            "type": ["VerifiableCredential", "MedicalLicenseCredential"],
            "validUntil": .string(validUntil),
            "credentialSubject": [
                "id": .string(try did(subject)), "licensee": ["familyName": "Okafor", "givenName": "Adaeze"],
                "profession": .string(profession), "licenseNumber": "MD-12345", "jurisdiction": "US-CA",
                "licensingBoard": ["name": "Medical Board of California"], "originalLicensureDate": "2014-07-01",
            ],
        ]
        if issuer == 0x11 {
            draft["credentialStatus"] = [
                BitstringStatusCheckTests.entry(
                    .revocation, BitstringStatusCheckTests.revocationURL, BitstringStatusCheckTests.revocationIndex),
                BitstringStatusCheckTests.entry(
                    .suspension, BitstringStatusCheckTests.suspensionURL, BitstringStatusCheckTests.suspensionIndex),
            ]
        }
        return try BitstringStatusCheckTests.document(
            try BitstringStatusCheckTests.issuer(issuer).issue(.object(draft), now: BitstringStatusCheckTests.issuedAt))
    }

    /// A presentation of `credentials` by `holder`, signed for authentication by `signer` (the holder's key
    /// unless given) with `challenge` and `domain`.
    static func presentation(
        _ credentials: [JSONValue], holder: UInt8 = 0x22, signer: UInt8? = nil, challenge: String?,
        domain: String = domain
    ) throws -> [UInt8] {
        let unsigned: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2)], "type": ["VerifiablePresentation"],
            "holder": .string(try did(holder)), "verifiableCredential": .array(credentials),
        ]
        let options = ProofOptions(
            proofPurpose: "authentication", created: XSDDateTime(now), challenge: challenge, domain: [domain])
        let key = try BitstringStatusCheckTests.key(signer ?? holder)
        return try DataIntegrity.addProof(to: unsigned, options: options, signer: Ed25519Signer(didKey: key)).utf8Bytes
    }

    /// Issues a challenge for the telemedicine domain and presents `credentials` with it.
    func login(
        _ credentials: [JSONValue]? = nil, holder: UInt8 = 0x22, policy: String = "telemedicine-physician",
        domain: String = LoginFixture.domain
    ) async throws -> Session {
        let challenge = try await challenges.issue(domain: domain)
        let bytes = try Self.presentation(
            try credentials ?? [Self.license()], holder: holder, challenge: challenge.challenge, domain: domain)
        return try await service.login(presentation: bytes, policy: policy)
    }

    /// The refusal `body` throws, or `nil`.
    static func refusal(_ body: () async throws -> Session) async -> LoginError? {
        do {
            _ = try await body()
            return nil
        } catch let error as LoginError {
            return error
        } catch {
            return LoginError(code: "unexpected", reason: "\(error)")
        }
    }
}
