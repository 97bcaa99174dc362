import MedCredCore

extension OpenAPIDocument {
    private typealias Op = OpenAPIOperation
    private typealias S = OpenAPISchema

    /// Professionals' did:webvh DIDs: entries signed by the holder, verified, anchored and served by MedCred.
    static var hostedDIDOperations: [OpenAPIOperation] {
        var create = Op(
            method: "post", path: "/dids", operationID: "createHostedDID", summary: "Host a new did:webvh DID",
            tag: "did")
        create.description =
            "The first `did.jsonl` entry, signed by the holder's update key: its `state.id` must be "
            + "`did:webvh:{SCID}:<the service's didDomain (GET /healthz)>:people:<name>`, name `[a-z0-9-]{1,63}` "
            + "and not taken. The entry is verified as did:webvh v1.0, anchored on the ledger, then served at "
            + "`/people/<name>/did.jsonl`. Rate limited per client."
        create.requestBody = "HostedDIDEntryRequest"
        create.responses = [Op.json(201, "The DID is hosted", "HostedDIDEntry")]
        var append = Op(
            method: "post", path: "/dids/{did}/log", operationID: "appendHostedDIDEntry",
            summary: "Append an entry to a hosted DID's log", tag: "did")
        append.description =
            "The next `did.jsonl` entry (update, key rotation, deactivation), signed by an authorized update key "
            + "and honouring pre-rotation; verified with the whole log, then anchored. Rate limited per client."
        append.parameters = [Op.pathParameter("did", "the hosted DID")]
        append.requestBody = "HostedDIDEntryRequest"
        append.responses = [Op.json(200, "The entry is appended", "HostedDIDEntry")]
        var log = Op(
            method: "get", path: "/people/{name}/did.jsonl", operationID: "getPersonDIDLog",
            summary: "A hosted professional DID's did:webvh log", tag: "did")
        log.parameters = [Op.pathParameter("name", "the name in the DID's path")]
        log.responses = [Op.text(200, "The did:webvh log, one JSON entry a line", "text/jsonl")]
        let retry = [Op.header("Retry-After", "seconds to wait")]
        let refusals = ["invalid-did", "wrong-domain", "invalid-did-path"]
        return [
            create.readingBody.with(400, refusals).with(409, ["did-exists", "entry-not-next"])
                .with(422, ["invalid-log-entry"]).with(429, ["rate-limited"]),
            append.checkingPathParameter.readingBody.with(400, refusals).with(404, ["did-not-found"])
                .with(409, ["entry-not-next"]).with(422, ["invalid-log-entry"]).with(429, ["rate-limited"]),
            log.checkingPathParameter.with(404, ["not-found", "did-not-found"]),
        ].map { operation in
            guard operation.problems[429] != nil else { return operation }
            var copy = operation
            copy.responses.append(
                Op.Response(status: "429", description: "Too many requests", content: [], headers: retry))
            return copy
        }
    }

    static var hostedDIDSchemas: [(String, JSONValue)] {
        [
            (
                "HostedDIDEntryRequest",
                S.object(
                    "One signed did:webvh log entry",
                    [
                        ("log", S.string("one did.jsonl line (a JSON object), signed with eddsa-jcs-2022")),
                        (
                            "witness",
                            S.oneOf(
                                [S.array(S.anyObject()), S.string("the file's text")],
                                "the DID's did-witness.json, when it uses witnesses")
                        ),
                    ], required: ["log"], closed: true)
            ),
            (
                "HostedDIDEntry",
                S.object(
                    "An anchored entry of a hosted DID",
                    [
                        ("did", S.string("the DID")), ("versionId", S.string("the entry's versionId")),
                        ("ledgerIndex", S.integer("the ledger leaf the entry is anchored at", minimum: 0)),
                        ("log", S.string("the URL of the DID's did.jsonl", format: "uri")),
                    ], required: ["did", "versionId", "log"])
            ),
        ]
    }
}
