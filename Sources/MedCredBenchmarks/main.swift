import Foundation
import MedCredCore
import MedCredCrypto

// `MedCredBenchmarks ledger [sizes…]` runs the ledger benchmarks only (issue #4).
if CommandLine.arguments.dropFirst().first == "ledger" {
    let sizes = CommandLine.arguments.dropFirst(2).compactMap { UInt64($0) }
    try await ledgerBenchmarks(sizes: sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes, writers: 64, duration: 5)
    exit(0)
}

// `MedCredBenchmarks service-fixtures …`: request bodies for tools/bench-service (issue #5).
if CommandLine.arguments.dropFirst().first == "service-fixtures" {
    try await serviceFixtures(arguments: Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}

// `MedCredBenchmarks webvh [sizes…]`: did:webvh resolution with anchors as the ledger grows (issue #4).
if CommandLine.arguments.dropFirst().first == "webvh" {
    let sizes = CommandLine.arguments.dropFirst(2).compactMap { UInt64($0) }
    try await webvhBenchmarks(sizes: sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes)
    exit(0)
}

// `MedCredBenchmarks sdjwt`: SD-JWT VC issue, holder presentation and verify with key binding (issue #7).
if CommandLine.arguments.dropFirst().first == "sdjwt" {
    printTable(try await sdJWTBenchmarks())
    exit(0)
}

// `MedCredBenchmarks rdfc`: eddsa-rdfc-2022 issue and verify, and their JSON-LD and RDFC stages (issue #8).
if CommandLine.arguments.dropFirst().first == "rdfc" {
    printTable(try await rdfcBenchmarks(contexts: try loadBenchmarkContexts()))
    exit(0)
}

// Prints operations per second for the primitives every credential goes through; BENCHMARKS.md
// records the numbers with the command that produced them. Build with `-c release`.

let results = try await primitiveBenchmarks()
printTable(results)
let jcsRatio = results[2].median / results[0].median
print(
    "JCS canonicalizations per Ed25519 signature: \(String(Int((jcsRatio * 10).rounded()) / 10)).\(Int((jcsRatio * 10).rounded()) % 10)"
)
print("target met (canonicalizing costs less than signing): \(jcsRatio > 1 ? "yes" : "no")")

// Issue #3: eddsa-jcs-2022 and VC-JOSE for the licence credential, in the same run as raw Ed25519 above.
let contexts = try loadBenchmarkContexts()
let credentialResults = try await credentialBenchmarks(contexts: contexts)
print("")
printTable(credentialResults)
