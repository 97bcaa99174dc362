import Foundation
import MedCredCore
import MedCredCrypto

/// eddsa-rdfc-2022 issue and verify rates for the licence credential (issue #8), one thread, with the stages
/// that make them up: JSON-LD expansion to RDF, RDFC-1.0 canonicalization, and the whole proof.
func rdfcBenchmarks(contexts: KnownContexts) async throws -> [Measurement] {
    let issuerKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
    let signer = Ed25519Signer(didKey: issuerKey)
    var draft = try JSONValue(parsing: licenceDraftJSON).objectValue ?? [:]
    draft["@context"] = [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)]
    let issuer = CredentialIssuer(signer: signer, contexts: contexts)
    let now = Date(timeIntervalSince1970: 1_770_000_000)
    let completed = try issuer.complete(.object(draft), now: now)
    let options = ProofOptions(created: XSDDateTime(now))
    let signed = try DataIntegrity.addProof(
        to: completed, options: options, signer: signer, cryptosuite: .eddsaRDFC2022, contexts: contexts)
    let signedBytes = signed.utf8Bytes
    let verifyOptions = DataIntegrity.VerificationOptions(
        now: XSDDateTime(now), expectedProofPurpose: "assertionMethod", contexts: contexts)
    let verifier = CredentialVerifier(resolver: DIDKeyResolver(), contexts: contexts)
    let loader = KnownContextsLoader(contexts: contexts)
    let jsonLDOptions = JSONLDOptions(documentLoader: loader, undefinedTerms: .error)
    let dataset = try JSONLD.toRDF(completed, options: jsonLDOptions)
    var sink = 0
    var results: [Measurement] = []
    results.append(
        await measure("stage: JSON-LD expand (licence)") {
            sink &+= (try? JSONLD.expand(completed, options: jsonLDOptions))?.count ?? 0
        })
    results.append(
        await measure("stage: JSON-LD toRdf (licence)") {
            sink &+= (try? JSONLD.toRDF(completed, options: jsonLDOptions))?.quads.count ?? 0
        })
    results.append(
        await measure("stage: RDFC-1.0 canonicalize (licence, \(dataset.quads.count) quads)") {
            sink &+= (try? RDFCanonicalizer.canonicalize(dataset))?.nquads.utf8.count ?? 0
        })
    results.append(
        await measure("eddsa-rdfc-2022 create proof (licence)") {
            sink &+=
                (try? EdDSARDFC2022.createProof(for: completed, options: options, signer: signer, contexts: contexts))?
                .count ?? 0
        })
    results.append(
        await measure("eddsa-rdfc-2022 verify proof (licence, known key)") {
            sink &+= DataIntegrity.verify(signed, options: verifyOptions, publicKey: issuerKey.publicKey).verified ? 1 : 0
        })
    for suite in [DataIntegrityCryptosuite.eddsaRDFC2022, .ed25519Signature2020] {
        results.append(
            await measure("\(suite.rawValue) issue: complete + schema + proof") {
                sink &+= (try? issuer.issue(.object(draft), cryptosuite: suite, now: now)) == nil ? 0 : 1
            })
    }
    results.append(
        await measure("eddsa-rdfc-2022 full verify: did:key, proof, data model, schema") {
            sink &+= (try? await verifier.verifyCredential(bytes: signedBytes, now: now))?.verified == true ? 1 : 0
        })
    if sink == 42 { print("") }
    return results
}
