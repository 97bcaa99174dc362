import MedCredCore
import MedCredCrypto

/// Ed25519, JCS, parsing and hashing rates for a 2 KB credential (issue #2).
///
/// Kept out of `main.swift`: closures written in top-level code belong to the main actor, and awaiting
/// them from `measure` would hop executors on every operation, which is what the figures would then show.
func primitiveBenchmarks() async throws -> [Measurement] {
    let message = Array("benchmark message of a modest size, about one canonical credential hash".utf8)
    let key = Ed25519.PrivateKey()
    let signature = key.signature(for: message)
    let document = try JSONValue(parsing: sampleCredentialJSON)
    let documentBytes = Array(sampleCredentialJSON.utf8)
    let canonical = document.jcsBytes
    var sink = 0
    var results: [Measurement] = []
    results.append(await measure("Ed25519 sign (64 B message)") { sink &+= Int(key.signature(for: message)[0]) })
    results.append(
        await measure("Ed25519 verify (64 B message)") {
            sink &+= key.publicKey.isValidSignature(signature, for: message) ? 1 : 0
        })
    results.append(
        await measure("JCS canonicalize (\(canonical.count) B credential)") { sink &+= document.jcsBytes.count })
    results.append(
        await measure("JSON parse (\(documentBytes.count) B credential)") {
            sink &+= (try? JSONValue(parsing: documentBytes)) == nil ? 0 : 1
        })
    results.append(
        await measure("parse + JCS + SHA-256 (credential)") {
            if let parsed = try? JSONValue(parsing: documentBytes) { sink &+= Int(SHA256.hash(parsed.jcsBytes)[0]) }
        })
    results.append(await measure("SHA-256 (\(canonical.count) B)") { sink &+= Int(SHA256.hash(canonical)[0]) })
    results.append(
        await measure("base58btc encode (34 B multikey)") { sink &+= Base58.encode(message.prefix(34)).count })
    if sink == 42 { print("") }  // keeps the optimizer from discarding the work
    return results
}
