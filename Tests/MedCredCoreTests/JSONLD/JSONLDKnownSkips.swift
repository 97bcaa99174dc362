/// json-ld-api tests this processor does not run, with the reason (manifest + test id → reason).
///
/// Tests marked `specVersion`/`processingMode` json-ld-1.0, `requires`, `rdfDirection` or generalized RDF are
/// skipped by ``JSONLDManifestTest/skipReason`` itself; this list holds the rest.
enum JSONLDKnownSkips {
    static let reasons: [String: String] = [:]
}
