import MedCredCore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema

    /// `components.schemas`: every request and response body, by name.
    static var schemas: JSONValue {
        .object(JSONObject(commonSchemas + adminSchemas + credentialSchemas + authSchemas + ledgerSchemas + hostedDIDSchemas))
    }

    private static var commonSchemas: [(String, JSONValue)] {
        let problemDetails: [(String, JSONValue)] = [
            ("type", S.string("a VCDM, Data Integrity or Bitstring Status List problem type URL", format: "uri")),
            ("title", S.string()), ("detail", S.string()),
            ("pointer", S.string("RFC 6901 JSON Pointer into the checked document; empty for all of it")),
        ]
        return [
            (
                "Problem",
                S.object(
                    "An RFC 9457 problem",
                    [
                        ("type", S.string("https://medcred.dev/problems/<code>", format: "uri")),
                        ("title", S.string("the HTTP reason phrase")),
                        ("status", S.integer("the HTTP status")), ("detail", S.string()),
                        ("code", S.string("the stable machine code")),
                        ("requestId", S.string("the request's id, also in `X-Request-Id`")),
                        ("pointer", S.string("JSON Pointer to the request member at fault")),
                        ("index", S.integer("position in a batch", minimum: 0)),
                        ("reason", S.string("why a login or session was refused")),
                        ("verification", S.ref("VerificationResult")),
                    ], required: ["type", "title", "status", "detail", "code"])
            ),
            (
                "VerificationProblem",
                S.object(
                    "An RFC 9457 problem found in a credential or presentation", problemDetails,
                    required: ["type", "title", "detail", "pointer"])
            ),
            (
                "VerificationError",
                S.object(
                    "A failed check's problem", problemDetails + [("check", S.string("the check that failed"))],
                    required: ["type", "title", "detail", "pointer", "check"])
            ),
            (
                "VerificationResult",
                S.object(
                    "The VC-API verification result",
                    [
                        ("verified", S.boolean("at least one check ran and every check passed")),
                        ("checks", S.array(S.string(), "the names of the checks that ran, in order")),
                        ("warnings", S.array(S.ref("VerificationProblem"))),
                        ("errors", S.array(S.ref("VerificationError"))),
                    ], required: ["verified", "checks", "warnings", "errors"])
            ),
            (
                "DIDResolutionResult",
                S.object(
                    "A DID Resolution v1.0 result",
                    [
                        ("@context", S.string(values: ["https://w3id.org/did-resolution/v1"])),
                        ("didDocument", S.oneOf([S.anyObject("the DID document"), ["type": "null"]])),
                        ("didResolutionMetadata", S.anyObject("`contentType`, or `error`: an RFC 9457 problem")),
                        ("didDocumentMetadata", S.anyObject()),
                    ], required: ["@context", "didDocument", "didResolutionMetadata", "didDocumentMetadata"])
            ),
            (
                "Health",
                S.object(
                    "Liveness",
                    [
                        ("status", S.string(values: ["ok"])),
                        ("ledgerCheckpoint", S.boolean("whether the ledger has a checkpoint")),
                        ("did", S.string("the service's DID")),
                        ("didDomain", S.string("the did:webvh domain part of the DIDs hosted here")),
                        ("ledgerKey", S.string("the ledger's C2SP note verifier key (vkey), for offline tlog-proofs")),
                    ], required: ["status", "ledgerCheckpoint", "did", "didDomain", "ledgerKey"])
            ),
        ]
    }

    private static var adminSchemas: [(String, JSONValue)] {
        let jurisdiction = S.string("e.g. US-CA")
        let types = S.stringList("credential types, e.g. MedicalLicenseCredential")
        let token: [(String, JSONValue)] = [
            ("id", S.string()), ("label", S.string()), ("createdAt", S.dateTime()), ("revokedAt", S.dateTime()),
            ("lastUsedAt", S.dateTime()),
        ]
        return [
            (
                "IssuerCreateRequest",
                S.object(
                    "A new issuer account",
                    [
                        ("name", S.string()), ("slug", S.string("URL segment of the hosted DID; derived when absent")),
                        ("credentialTypes", types), ("jurisdiction", jurisdiction),
                        ("validUntil", S.dateTime("end of the accreditation")),
                    ], required: ["name", "credentialTypes", "jurisdiction"], closed: true)
            ),
            (
                "IssuerAccount",
                S.object(
                    "An issuer account",
                    [
                        ("id", S.string()), ("name", S.string()), ("slug", S.string()),
                        ("did", S.string("the did:webvh DID")), ("verificationMethod", S.string("the current key")),
                        ("keyVersion", S.integer(minimum: 0)), ("credentialTypes", S.array(S.string())),
                        ("jurisdiction", S.string()), ("createdAt", S.dateTime()),
                        ("didLog", S.string("URL of the did:webvh log", format: "uri")),
                    ],
                    required: [
                        "id", "name", "slug", "did", "verificationMethod", "keyVersion", "credentialTypes",
                        "jurisdiction", "createdAt", "didLog",
                    ])
            ),
            (
                "ServiceKey",
                S.object(
                    "The service DID and its current key",
                    [
                        ("did", S.string("the service's did:webvh DID, the built-in trust root")),
                        ("verificationMethod", S.string("the key that signs sessions and accreditations from now on")),
                    ], required: ["did", "verificationMethod"])
            ),
            (
                "IssuerCreated",
                [
                    "allOf": [
                        S.ref("IssuerAccount"),
                        S.object(
                            "The issuer token, shown once",
                            [("token", S.string("mc_iss_…")), ("tokenId", S.string())], required: ["token", "tokenId"]),
                    ]
                ]
            ),
            (
                "IssuerList",
                S.object("Issuer accounts", [("issuers", S.array(S.ref("IssuerAccount")))], required: ["issuers"])
            ),
            (
                "Token",
                S.object("An API token's record; never the token", token, required: ["id", "label", "createdAt"])
            ),
            (
                "TokenCreated",
                S.object(
                    "A new API token, shown once", token + [("token", S.string("mc_iss_…"))],
                    required: ["id", "label", "createdAt", "token"])
            ),
            ("TokenList", S.object("API tokens", [("tokens", S.array(S.ref("Token")))], required: ["tokens"])),
            (
                "TokenRevoked",
                S.object(
                    "A revoked token", [("id", S.string()), ("revoked", S.boolean())], required: ["id", "revoked"])
            ),
            (
                "AccreditationRequest",
                S.object(
                    "An accreditation to grant",
                    [
                        ("issuer", S.string("the issuer's DID")), ("credentialTypes", types),
                        ("jurisdiction", jurisdiction), ("validFrom", S.dateTime()), ("validUntil", S.dateTime()),
                    ], required: ["issuer", "credentialTypes", "jurisdiction"], closed: true)
            ),
            (
                "Accreditation",
                S.object(
                    "An accreditation by the trust root",
                    [
                        ("id", S.string()), ("issuer", S.string()), ("credentialTypes", S.array(S.string())),
                        ("jurisdiction", S.string()), ("validFrom", S.dateTime()), ("validUntil", S.dateTime()),
                        ("ledgerIndex", S.integer("where it is anchored", minimum: 0)),
                    ], required: ["id", "issuer", "credentialTypes", "jurisdiction", "validFrom", "ledgerIndex"])
            ),
            (
                "AccreditationWithdrawn",
                S.object(
                    "A withdrawn accreditation", [("id", S.string()), ("withdrawn", S.boolean())],
                    required: ["id", "withdrawn"])
            ),
        ] + auditSchemas
    }

    private static var auditSchemas: [(String, JSONValue)] {
        let event = S.object(
            "What happened",
            [
                ("action", S.string("e.g. issuer.created, credential.revoked, auth.login")),
                ("actor", S.string("a token id, issuer id or holder DID")), ("subject", S.string()),
                ("details", ["type": "object", "additionalProperties": S.string()]),
            ], required: ["action", "actor"])
        return [
            (
                "AuditEntry",
                S.object(
                    "A hash-chained audit log entry",
                    [
                        ("sequence", S.integer(minimum: 0)), ("time", S.dateTime()), ("event", event),
                        ("previousHash", S.string()), ("hash", S.string()),
                        ("ledgerIndex", S.integer("where it is anchored", minimum: 0)),
                    ], required: ["sequence", "time", "event", "previousHash", "hash"])
            ),
            (
                "AuditEntryList",
                S.object("Audit entries", [("entries", S.array(S.ref("AuditEntry")))], required: ["entries"])
            ),
            (
                "AuditVerification",
                S.object(
                    "The audit chain check",
                    [
                        ("valid", S.boolean()), ("entries", S.integer(minimum: 0)), ("anchored", S.integer(minimum: 0)),
                        ("firstBadSequence", S.integer(minimum: 0)), ("reason", S.string()),
                    ], required: ["valid", "entries", "anchored"])
            ),
        ]
    }

    private static var ledgerSchemas: [(String, JSONValue)] {
        let size = S.integer(minimum: 0)
        let hashes = S.array(S.string("SHA-256, standard base64"))
        return [
            (
                "LedgerEntry",
                S.object(
                    "A log entry", [("index", size), ("data", S.string("the entry's bytes, unpadded base64url"))],
                    required: ["index", "data"])
            ),
            (
                "InclusionProof",
                S.object(
                    "RFC 9162 §2.1.3 audit path", [("index", size), ("size", size), ("hashes", hashes)],
                    required: ["index", "size", "hashes"])
            ),
            (
                "ConsistencyProof",
                S.object(
                    "RFC 9162 §2.1.4 consistency proof", [("from", size), ("to", size), ("hashes", hashes)],
                    required: ["from", "to", "hashes"])
            ),
        ]
    }
}
