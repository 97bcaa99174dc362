import Foundation
import MedCredCore
import MedCredCrypto

/// SD-JWT VC issue and verify rates for the licence and the patient identity (issue #7), single thread.
///
/// Issue: every subject member but `id` selectively disclosable with two decoys, `cnf.jwk`, a `status` with both
/// Bitstring Status List entries, signed with EdDSA. Verify: a holder presentation of three claims with a KB-JWT,
/// checked by ``SDJWTCredentialVerifier`` (did:key `kid`, signature, disclosures, key binding with nonce and
/// audience, SD-JWT VC rules); status lists and accreditation are the service's and not included.
func sdJWTBenchmarks() async throws -> [Measurement] {
    let issuerKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
    let holderKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 9, count: 32))
    let signer = Ed25519Signer(didKey: issuerKey)
    let holder = Ed25519Signer(didKey: holderKey)
    let licence = try JSONValue(parsing: licenceDraftJSON)["credentialSubject"]?.objectValue ?? [:]
    let cases: [(name: String, type: String, subject: JSONObject, shown: [String])] = [
        ("licence", "MedicalLicenseCredential", licence, ["profession", "licenseNumber", "jurisdiction"]),
        ("patient", "PatientIdentityCredential", patientSubject, ["givenName", "familyName", "birthDate"]),
    ]
    let now: Int64 = 1_770_000_000
    var results: [Measurement] = []
    var sink = 0
    for item in cases {
        var claims = item.subject
        claims["id"] = nil
        let draft = SDJWTCredential.Draft(
            vct: SDJWTCredential.vct(forType: item.type), claims: claims,
            disclosable: claims.names.map { SDJWTClaimPath(names: $0) }, holderKey: holderKey.publicKey,
            issuedAt: now - 3600, expiresAt: now + 86_400 * 365, status: try benchmarkStatus())
        var random = SecureRandomSource()
        results.append(
            await measure("SD-JWT VC issue (\(item.name), \(claims.count) disclosures + 2 decoys)") {
                sink &+= (try? SDJWTCredential.issue(draft, random: &random, signer: signer))?.disclosures.count ?? 0
            })
        let issued = try SDJWTCredential.issue(draft, random: &random, signer: signer)
        let shown = try issued.presenting(item.shown.map { SDJWTClaimPath(names: $0) })
        results.append(
            await measure("SD-JWT VC holder: present 3 claims + KB-JWT (\(item.name))") {
                sink &+=
                    (try? KeyBinding.bind(shown, audience: "clinic.example", nonce: "n", issuedAt: now, signer: holder))?
                    .disclosures.count ?? 0
            })
        let presentation = try KeyBinding.bind(
            shown, audience: "clinic.example", nonce: "n-1", issuedAt: now, signer: holder
        ).serialized
        let requirement = KeyBindingRequirement(audience: "clinic.example", nonce: "n-1")
        let at = XSDDateTime(secondsSince1970: Int(now))
        let check = try await SDJWTCredentialVerifier.verify(
            presentation, now: at, keyBinding: requirement, resolver: DIDKeyResolver())
        guard check.verified else { throw SDJWTBenchmarkFailure(checks: check.result.failedChecks) }
        results.append(
            await measure("SD-JWT VC verify with KB (\(item.name))") {
                let outcome = try? await SDJWTCredentialVerifier.verify(
                    presentation, now: at, keyBinding: requirement, resolver: DIDKeyResolver())
                sink &+= outcome?.verified == true ? 1 : 0
            })
    }
    if sink == 42 { print("") }
    return results
}

struct SDJWTBenchmarkFailure: Error, CustomStringConvertible {
    let checks: [String]
    var description: String { "the benchmark presentation did not verify: \(checks)" }
}

/// A patient identity subject (schemas/PatientIdentityCredential) of typical size.
private let patientSubject: JSONObject = [
    "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "givenName": "Amara", "familyName": "Nwosu",
    "birthDate": "1987-03-14", "gender": "female",
    "identifier": ["system": "https://clinic.example/mrn", "value": "MRN-0042-7781"],
    "issuingOrganization": ["name": "Riverside Clinic", "id": "https://clinic.example"],
]

/// The two status entries the service writes.
private func benchmarkStatus() throws -> SDJWTStatusReference {
    let url = "https://medcred.example/status-lists/"
    let entries = try [("revocation", "r1", 94_567), ("suspension", "s1", 23_452)].map { purpose, list, index in
        try BitstringStatusListEntry(
            parsing: [
                "id": .string("\(url)\(list)#\(index)"), "type": "BitstringStatusListEntry",
                "statusPurpose": .string(purpose), "statusListIndex": .string(String(index)),
                "statusListCredential": .string(url + list),
            ])
    }
    return .bitstringStatusList(entries)
}
