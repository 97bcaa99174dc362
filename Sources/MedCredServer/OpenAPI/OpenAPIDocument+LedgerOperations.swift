import MedCredCore

extension OpenAPIDocument {
    private typealias Op = OpenAPIOperation

    /// The ledger's public read API, registered by ``LedgerRoutes``.
    static var ledgerOperations: [OpenAPIOperation] {
        let decimal = OpenAPISchema.integer("a decimal integer without leading zeros", minimum: 0)
        var checkpoint = Op(
            method: "get", path: "/ledger/checkpoint", operationID: "getLedgerCheckpoint",
            summary: "The latest cosigned checkpoint", tag: "ledger")
        checkpoint.responses = [Op.text(200, "A C2SP signed note: the checkpoint with its signatures")]
        var entries = Op(
            method: "get", path: "/ledger/entries", operationID: "getLedgerEntries", summary: "Read log entries",
            tag: "ledger")
        entries.parameters = [
            Op.queryParameter("start", "the first leaf index", decimal, required: true),
            Op.queryParameter("count", "how many entries (default and cap \(LedgerRoutes.maxEntries))", decimal),
        ]
        entries.responses = [
            Op.body(
                200, "Entries from `start`", "application/json", OpenAPISchema.array(OpenAPISchema.ref("LedgerEntry")))
        ]
        var inclusion = Op(
            method: "get", path: "/ledger/proofs/inclusion", operationID: "getInclusionProof",
            summary: "An RFC 9162 inclusion proof", tag: "ledger")
        inclusion.parameters = [
            Op.queryParameter("index", "the leaf index, less than size", decimal, required: true),
            Op.queryParameter("size", "the tree size", decimal, required: true),
        ]
        inclusion.responses = [Op.json(200, "The audit path", "InclusionProof")]
        var consistency = Op(
            method: "get", path: "/ledger/proofs/consistency", operationID: "getConsistencyProof",
            summary: "An RFC 9162 consistency proof", tag: "ledger")
        consistency.parameters = [
            Op.queryParameter("from", "the older tree size", decimal, required: true),
            Op.queryParameter("to", "the newer tree size, at least from", decimal, required: true),
        ]
        consistency.responses = [Op.json(200, "The consistency proof", "ConsistencyProof")]
        var bundle = Op(
            method: "get", path: "/ledger/bundles/{index}", operationID: "getLedgerBundle",
            summary: "A C2SP tlog-proof bundle for offline verification", tag: "ledger")
        bundle.parameters = [
            Op.pathParameter("index", "the leaf index", decimal),
            Op.queryParameter("size", "the tree size of a signed checkpoint; the latest when absent", decimal),
        ]
        bundle.responses = [Op.text(200, "The entry's inclusion proof against a signed checkpoint")]
        return [
            checkpoint.with(404, ["no-checkpoint"]),
            entries.with(400, ["invalid-parameter"]).with(404, ["out-of-range"]),
            inclusion.with(400, ["invalid-parameter"]).with(404, ["out-of-range"]),
            consistency.with(400, ["invalid-parameter"]).with(404, ["out-of-range"]),
            bundle.with(400, ["invalid-parameter"]).with(404, ["out-of-range"]),
        ]
    }
}
