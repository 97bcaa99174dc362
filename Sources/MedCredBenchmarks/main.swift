import Foundation
import MedCredCore
import MedCredCrypto

// `MedCredBenchmarks ledger [sizes…]` runs the ledger benchmarks only (issue #4).
if CommandLine.arguments.dropFirst().first == "ledger" {
    let sizes = CommandLine.arguments.dropFirst(2).compactMap { UInt64($0) }
    try await ledgerBenchmarks(sizes: sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes, writers: 64, duration: 5)
    exit(0)
}

// Prints operations per second for the primitives every credential goes through; BENCHMARKS.md
// records the numbers with the command that produced them. Build with `-c release`.

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
    }
)
results.append(await measure("JCS canonicalize (\(canonical.count) B credential)") { sink &+= document.jcsBytes.count })
results.append(
    await measure("JSON parse (\(documentBytes.count) B credential)") {
        sink &+= (try? JSONValue(parsing: documentBytes)) == nil ? 0 : 1
    })
results.append(
    await measure("parse + JCS + SHA-256 (credential)") {
        if let parsed = try? JSONValue(parsing: documentBytes) { sink &+= Int(SHA256.hash(parsed.jcsBytes)[0]) }
    })
results.append(await measure("SHA-256 (\(canonical.count) B)") { sink &+= Int(SHA256.hash(canonical)[0]) })
results.append(await measure("base58btc encode (34 B multikey)") { sink &+= Base58.encode(message.prefix(34)).count })

printTable(results)
let jcsRatio = results[2].median / results[0].median
print(
    "JCS canonicalizations per Ed25519 signature: \(String(Int((jcsRatio * 10).rounded()) / 10)).\(Int((jcsRatio * 10).rounded()) % 10)"
)
print("target met (canonicalizing costs less than signing): \(jcsRatio > 1 ? "yes" : "no")")
if sink == 42 { print("") }  // keeps the optimizer from discarding the work

// Issue #3: eddsa-jcs-2022 and VC-JOSE for the licence credential, in the same run as raw Ed25519 above.
let contexts = try loadBenchmarkContexts()
let credentialResults = try await credentialBenchmarks(contexts: contexts)
print("")
printTable(credentialResults)
