import Foundation
import MedCredClient
import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// SD-JWT VCs in the CLI: `credential receive`, `wallet list/show`, `present --disclose` and `verify`, run as the
/// real binary against SD-JWT VCs that Core issues in the test.
@Suite struct SDJWTCommandTests {
    let box: WalletSandbox

    init() throws { box = try WalletSandbox() }

    private struct SeededSalts: SDJWTRandomSource {
        var generator = SplitMix64(seed: 0x5D)
        mutating func bytes(count: Int) -> [UInt8] { generator.bytes(count: count) }
    }

    static let patient: JSONObject = [
        "givenName": "Erika", "familyName": "Mustermann", "birthDate": "1963-08-12", "patientId": "MRN-0042",
        "address": ["locality": "Köln", "country": "DE"],
    ]
    static let disclosable: [SDJWTClaimPath] = [
        SDJWTClaimPath(names: "givenName"), SDJWTClaimPath(names: "familyName"), SDJWTClaimPath(names: "birthDate"),
        SDJWTClaimPath(names: "patientId"), SDJWTClaimPath(names: "address", "locality"),
    ]

    /// A PatientIdentityCredential as an SD-JWT VC from a did:key issuer, bound (cnf) to `holder`'s key.
    /// With `signingSeed`, another key signs in the issuer's name (`kid`), so the signature fails.
    static func issue(to holder: String, signingSeed: UInt8 = 0x61) throws -> SDJWT {
        let holderKey = try DIDKey(parsing: holder).publicKey
        let issuerKey = try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: 0x61, count: 32)))
        let issuer = Ed25519Signer(
            privateKey: try Ed25519.PrivateKey(seed: SecretBytes([UInt8](repeating: signingSeed, count: 32))),
            verificationMethod: Ed25519Signer(didKey: issuerKey).verificationMethod)
        let now = Int64(Date().timeIntervalSince1970)
        let draft = SDJWTCredential.Draft(
            vct: SDJWTCredential.vct(forType: "PatientIdentityCredential"), claims: patient, disclosable: disclosable,
            holderKey: holderKey, issuedAt: now - 60, expiresAt: now + 86_400)
        var random = SeededSalts()
        return try SDJWTCredential.issue(draft, random: &random, signer: issuer)
    }

    /// A wallet with a DID and an SD-JWT VC bound to it; returns the DID, the file and the credential's wallet id.
    private func walletWithPatientCredential() throws -> (did: String, file: String, id: String) {
        let did = try box.initWithDID()
        let file = try box.write("patient.sd-jwt", try Self.issue(to: did).serialized + "\n")
        let received = try box.run(["credential", "receive", file, "--wallet", box.wallet, "--json"])
        #expect(received.status == 0, "\(received.stderr)")
        let answer = try JSONValue(parsing: received.stdout)
        #expect(answer["verified"] == "yes")
        #expect(answer["type"] == "PatientIdentityCredential")
        return (did, file, try #require(answer["id"]?.stringValue))
    }

    private func present(_ id: String, _ extra: [String]) throws -> CLIRunner.Output {
        try box.run(
            [
                "present", "--credential", id, "--challenge", "n-42", "--domain", "https://clinic.example",
                "--wallet", box.wallet,
            ] + extra)
    }

    @Test func receivesAndListsTheVCTIssuerAndDisclosableClaims() throws {
        defer { box.remove() }
        let (did, _, id) = try walletWithPatientCredential()
        let listed = try JSONValue(parsing: try box.run(["wallet", "list", "--wallet", box.wallet, "--json"]).stdout)
        let entry = try #require(listed["credentials"]?[0])
        #expect(entry["format"] == "sd-jwt")
        #expect(entry["vct"] == "https://schemas.medcred.dev/PatientIdentityCredential/v1")
        #expect(entry["issuer"]?.stringValue?.hasPrefix("did:key:z6Mk") == true)
        #expect(entry["subject"]?.stringValue == did)
        #expect(entry["disclosable"] == ["givenName", "familyName", "birthDate", "patientId", "address.locality"])
        let shown = try box.run(["wallet", "show", id, "--wallet", box.wallet])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("disclosable"))
        #expect(shown.stdout.contains("givenName, familyName, birthDate, patientId, address.locality"))
        let text = try box.run(["wallet", "list", "--wallet", box.wallet]).stdout
        #expect(text.contains("PatientIdentityCredential from did:key:"))
    }

    @Test func presentsExactlyTheChosenDisclosuresWithKeyBinding() async throws {
        defer { box.remove() }
        let (did, _, id) = try walletWithPatientCredential()
        let presented = try present(id, ["--disclose", "givenName,birthDate"])
        #expect(presented.status == 0, "\(presented.stderr)")
        let text = presented.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let sdJWT = try SDJWT(parsing: text)
        #expect(Set(sdJWT.disclosures.compactMap(\.name)) == ["givenName", "birthDate"])
        #expect(sdJWT.disclosures.count == 2)
        let kb = try CompactJWS(parsing: try #require(sdJWT.keyBindingJWT))
        #expect(kb.header["typ"] == "kb+jwt")
        #expect(kb.payload["nonce"] == "n-42")
        #expect(kb.payload["aud"] == "https://clinic.example")
        let requirement = KeyBindingRequirement(audience: "https://clinic.example", nonce: "n-42")
        let outcome = try await SDJWTCredentialVerifier.verify(
            text, now: XSDDateTime(Date()), keyBinding: requirement, resolver: DIDKeyResolver())
        #expect(outcome.verified, "\(outcome.result.failedChecks)")
        #expect(outcome.claims?["givenName"] == "Erika")
        #expect(outcome.claims?["birthDate"] == "1963-08-12")
        #expect(outcome.claims?["familyName"] == nil)
        #expect(outcome.claims?["patientId"] == nil)
        #expect(outcome.holderKey == (try DIDKey(parsing: did).publicKey))
        let replayed = try await SDJWTCredentialVerifier.verify(
            text, now: XSDDateTime(Date()),
            keyBinding: KeyBindingRequirement(
                audience: "https://clinic.example",
                nonce: "other"), resolver: DIDKeyResolver())
        #expect(replayed.result.failedChecks == ["keyBinding"])
    }

    @Test func presentsNestedClaimsAndNothingByDefault() throws {
        defer { box.remove() }
        let (_, _, id) = try walletWithPatientCredential()
        let nested = try present(id, ["--disclose", "address.locality"])
        #expect(nested.status == 0, "\(nested.stderr)")
        let chosen = try SDJWT(parsing: nested.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(chosen.disclosures.map(\.name) == ["locality"])
        let bare = try present(id, [])
        #expect(bare.status == 0, "\(bare.stderr)")
        let none = try SDJWT(parsing: bare.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(none.disclosures.isEmpty)
        #expect(none.keyBindingJWT != nil)
    }

    @Test func refusesUnknownClaimsAndMixedPresentations() throws {
        defer { box.remove() }
        let (did, _, id) = try walletWithPatientCredential()
        let unknown = try present(id, ["--disclose", "givenName,nickname"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("the credential has no claim 'nickname'"), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
        let empty = try present(id, ["--disclose", "givenName,"])
        #expect(empty.status == 65)
        let licence = try box.run(
            ["credential", "receive", try box.signedLicence(subject: did), "--wallet", box.wallet, "--json"])
        let licenceID = try #require(try JSONValue(parsing: licence.stdout)["id"]?.stringValue)
        let mixed = try present(id, ["--credential", licenceID])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("an SD-JWT VC is presented alone"))
        let discloseOnDI = try present(licenceID, ["--disclose", "givenName"])
        #expect(discloseOnDI.status == 65)
        #expect(discloseOnDI.stderr.contains("--disclose is for SD-JWT VCs only"))
    }

    @Test func verifiesOfflineAndRejectsATamperedDisclosure() throws {
        defer { box.remove() }
        let (_, file, id) = try walletWithPatientCredential()
        let bare = try CLIRunner.run(["verify", file, "--offline"])
        #expect(bare.status == 0, "\(bare.stdout)\(bare.stderr)")
        #expect(bare.stdout.hasPrefix("verified: yes"))
        let presented = try present(id, ["--disclose", "givenName,birthDate"])
        let vp = try box.write("vp.sd-jwt", presented.stdout)
        let kbArguments = ["--offline", "--challenge", "n-42", "--domain", "https://clinic.example"]
        let bound = try CLIRunner.run(["verify", vp] + kbArguments)
        #expect(bound.status == 0, "\(bound.stdout)\(bound.stderr)")
        #expect(bound.stdout.contains("✓ keyBinding"))
        let wrongNonce = try CLIRunner.run(
            ["verify", vp, "--offline", "--challenge", "other", "--domain", "https://clinic.example"])
        #expect(wrongNonce.status == 1)
        #expect(wrongNonce.stdout.contains("✗ keyBinding"))

        // A disclosure of the same claim with another value: its digest is not in the payload.
        let original = try SDJWT(parsing: presented.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let forged = original.disclosures.map { disclosure in
            disclosure.name == "birthDate"
                ? Disclosure(salt: disclosure.salt, name: "birthDate", value: "1990-01-01") : disclosure
        }
        let tampered = SDJWT(issuerJWT: original.issuerJWT, disclosures: forged, keyBindingJWT: original.keyBindingJWT)
        let tamperedFile = try box.write("tampered.sd-jwt", tampered.serialized)
        let rejected = try CLIRunner.run(["verify", tamperedFile] + kbArguments)
        #expect(rejected.status == 1, "\(rejected.stdout)\(rejected.stderr)")
        #expect(rejected.stdout.hasPrefix("verified: NO"))
        #expect(rejected.stdout.contains("✗ disclosures"))
    }

    @Test func receiveRefusesAnSDJWTWhoseSignatureFails() throws {
        defer { box.remove() }
        let did = try box.initWithDID()
        let file = try box.write("forged.sd-jwt", try Self.issue(to: did, signingSeed: 0x62).serialized)
        let received = try box.run(["credential", "receive", file, "--wallet", box.wallet])
        #expect(received.status == 1)
        #expect(received.stderr.contains("does not verify"), "\(received.stderr)")
        let listed = try JSONValue(parsing: try box.run(["wallet", "list", "--wallet", box.wallet, "--json"]).stdout)
        #expect(listed["credentials"]?.arrayValue?.isEmpty == true)
    }
}

/// Against a real `medcred serve`: a clinic issues a patient identity as `sd-jwt` to the wallet's DID; the wallet
/// receives it (resolving the clinic's did:webvh at the server) and logs in to `clinic-patient` with it.
@Suite struct SDJWTLoginTests {
    let box: WalletSandbox

    init() throws { box = try WalletSandbox() }

    private func issuePatient(_ server: CLIServer, to holder: String) async throws -> String {
        let tokenFile = server.path("clinic.token")
        let created = try server.run([
            "admin", "issuer", "create", "--name", "Riverside Clinic", "--slug", "riverside", "--type",
            "PatientIdentityCredential", "--jurisdiction", "US-CA", "--token-out", tokenFile,
        ])
        #expect(created.status == 0, "\(created.stderr)")
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "type": ["VerifiableCredential", "PatientIdentityCredential"],
            "credentialSubject": [
                "id": .string(holder), "givenName": "Amara", "familyName": "Nwosu", "birthDate": "1987-03-14",
                "identifier": ["system": "https://clinic.example/mrn", "value": "MRN-0042"],
                "issuingOrganization": ["name": "Riverside Clinic"],
            ],
        ]
        let response = try await HTTPClient().postJSON(
            server.url + "/credentials/issue", ["credential": draft, "options": ["format": "sd-jwt"]],
            headers: [("Authorization", "Bearer \(token)")])
        let body = try JSONValue(parsing: response.body)
        #expect(response.status == 201, "\(body.serialized())")
        return try #require(body["verifiableCredential"]?.stringValue)
    }

    @Test func receivesAnIssuedSDJWTVCAndLogsInAsAClinicPatient() async throws {
        defer { box.remove() }
        let server = try CLIServer.start()
        defer { server.stop() }
        let did = try box.initWithDID()
        let file = try box.write("patient.sd-jwt", try await issuePatient(server, to: did))
        let received = try box.run(
            ["credential", "receive", file, "--resolver", server.url, "--wallet", box.wallet])
        #expect(received.status == 0, "\(received.stdout)\(received.stderr)")
        #expect(received.stdout.contains("verified: yes"))
        #expect(received.stdout.contains("PatientIdentityCredential"))
        let verified = try CLIRunner.run(["verify", file, "--server", server.url])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("✓ status"), "\(verified.stdout)")
        let id = try #require(
            try JSONValue(parsing: try box.run(["wallet", "list", "--wallet", box.wallet, "--json"]).stdout)[
                "credentials"]?[0]?["id"]?.stringValue)
        let presented = try box.run(
            [
                "present", "--credential", id, "--disclose", "givenName", "--challenge", "c-1", "--domain",
                "clinic.example",
                "--wallet", box.wallet, "--out", box.path("vp.sd-jwt"),
            ])
        #expect(presented.status == 0, "\(presented.stderr)")
        let bound = try CLIRunner.run(
            [
                "verify", box.path("vp.sd-jwt"), "--server", server.url, "--challenge", "c-1", "--domain",
                "clinic.example",
            ])
        #expect(bound.status == 0, "\(bound.stdout)\(bound.stderr)")
        let replayed = try CLIRunner.run(
            [
                "verify", box.path("vp.sd-jwt"), "--server", server.url, "--challenge", "c-2", "--domain",
                "clinic.example",
            ])
        #expect(replayed.status == 1, "\(replayed.stdout)\(replayed.stderr)")

        let login = try box.run(["login", server.url, "--policy", "clinic-patient", "--wallet", box.wallet, "--json"])
        #expect(login.status == 0, "\(login.stdout)\(login.stderr)")
        let session = try JSONValue(parsing: login.stdout)
        #expect(session["holder"]?.stringValue == did)
        #expect(session["claims"]?["givenName"] == "Amara")
        #expect(session["claims"]?["birthDate"] == "1987-03-14")

        let tooLittle = try box.run(
            ["login", server.url, "--policy", "clinic-patient", "--disclose", "givenName", "--wallet", box.wallet])
        #expect(tooLittle.status == 1)
        #expect(tooLittle.stderr.hasPrefix("medcred: login refused: "), "\(tooLittle.stderr)")
    }
}
