import Foundation
import MedCredCore
import MedCredCrypto

/// eddsa-jcs-2022 issue and verify rates for the licence credential, next to raw Ed25519 (issue #3).
func credentialBenchmarks(contexts: KnownContexts) async throws -> [Measurement] {
    let issuerKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
    let signer = Ed25519Signer(didKey: issuerKey)
    let issuer = CredentialIssuer(signer: signer, contexts: contexts)
    let draft = try JSONValue(parsing: licenceDraftJSON)
    let created = XSDDateTime(Date(timeIntervalSince1970: 1_768_469_400))
    let now = Date(timeIntervalSince1970: 1_770_000_000)
    let completed = try issuer.complete(draft, now: now)
    let options = ProofOptions(created: created)
    let signed = try DataIntegrity.addProof(to: completed, options: options, signer: signer)
    let signedBytes = signed.utf8Bytes
    let verifyOptions = DataIntegrity.VerificationOptions(
        now: XSDDateTime(now), expectedProofPurpose: "assertionMethod")
    let verifier = CredentialVerifier(resolver: DIDKeyResolver(), contexts: contexts)
    let jws = try JOSE.secure(completed, as: .verifiableCredential, signer: signer)
    var sink = 0
    var results: [Measurement] = []
    results.append(
        await measure("eddsa-jcs-2022 add proof (licence)") {
            sink &+= (try? DataIntegrity.addProof(to: completed, options: options, signer: signer)) == nil ? 0 : 1
        })
    results.append(
        await measure("eddsa-jcs-2022 issue: complete + schema + proof") {
            sink &+= (try? issuer.issue(draft, now: now)) == nil ? 0 : 1
        })
    results.append(
        await measure("eddsa-jcs-2022 verify proof (bytes, known key)") {
            sink &+=
                DataIntegrity.verify(documentBytes: signedBytes, options: verifyOptions, publicKey: issuerKey.publicKey)
                    .verified ? 1 : 0
        })
    results.append(
        await measure("full verify: did:key, proof, data model, schema") {
            sink &+= (try? await verifier.verifyCredential(bytes: signedBytes, now: now))?.verified == true ? 1 : 0
        })
    results.append(
        await measure("VC-JOSE issue (vc+jwt)") {
            sink &+= (try? JOSE.secure(completed, as: .verifiableCredential, signer: signer))?.count ?? 0
        })
    let jwsBytes = Array(jws.utf8)
    results.append(
        await measure("VC-JOSE full verify (vc+jwt)") {
            sink &+= (try? await verifier.verifyCredential(bytes: jwsBytes, now: now))?.verified == true ? 1 : 0
        })
    let validation = CredentialValidationOptions(purpose: .verification, allowsVersion1: true, contexts: contexts)
    results.append(
        await measure("component: VCDM data model validation") {
            sink &+= VerifiableCredential.validate(signed, options: validation).count
        })
    guard let schema = CredentialSchemas.schema(forID: CredentialSchemas.medicalLicenseID) else { return results }
    results.append(
        await measure("component: JSON Schema validation (licence)") {
            sink &+= schema.validate(signed).count
        })
    results.append(
        await measure("component: schema lookup by id") {
            sink &+= CredentialSchemas.schema(forID: CredentialSchemas.medicalLicenseID) == nil ? 0 : 1
        })
    results.append(
        await measure("component: did:key resolution") {
            sink &+=
                (try? await DIDKeyResolver().resolve(DIDKey(privateKey: issuerKey).did, versionTime: nil)) == nil
                ? 0 : 1
        })
    if sink == 42 { print("") }
    return results
}
