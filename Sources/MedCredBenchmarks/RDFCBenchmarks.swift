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
    let proof = try EdDSARDFC2022.createProof(for: completed, options: options, signer: signer, contexts: contexts)
    var signedObject = completed.objectValue ?? [:]
    signedObject["proof"] = .object(proof)
    let signed = JSONValue.object(signedObject)
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
            sink &+=
                (try? EdDSARDFC2022.verifyProof(signed, publicKey: issuerKey.publicKey, contexts: contexts)) == true
                ? 1 : 0
        })
    if sink == 42 { print("") }
    return results
}
