import MedCredCore

extension OpenAPIDocument {
    private typealias Op = OpenAPIOperation

    /// VC-API issuing and status (issuer token), the public status lists, and verifying.
    static var credentialOperations: [OpenAPIOperation] {
        [issue, updateStatus, getCredential, getStatusList, verifyCredential, verifyPresentation, getTypeMetadata]
    }

    private static var issue: Op {
        var op = Op(
            method: "post", path: "/credentials/issue", operationID: "issueCredential",
            summary: "Issue one credential, or a batch", tag: "issuing", security: .issuer)
        op.description =
            "VC-API issue. The issuer is the token's DID; the subject is validated against its type's schema; "
            + "a `credentialStatus` with revocation and suspension `BitstringStatusListEntry` items is assigned; "
            + "signed with eddsa-jcs-2022 (`options.format` \"di\", the default) or as VC-JOSE (\"jwt\"), or "
            + "issued as an SD-JWT VC (\"sd-jwt\": subject members selectively disclosable, `vct` from the type, "
            + "`cnf` the subject's did:key, which is then required; `status` with the same two entries). "
            + "Give `credential` for one, or `credentials` (1…\(CredentialRoutes.maxBatch)) for a batch. Audited."
        op.requestBody = "IssueRequest"
        op.responses = [
            Op.Response(
                status: "201",
                description: "Issued: `IssueResponse` for `credential`, `BatchIssueResponse` for `credentials`",
                content: [
                    (
                        "application/json",
                        OpenAPISchema.oneOf([
                            OpenAPISchema.ref("IssueResponse"), OpenAPISchema.ref("BatchIssueResponse"),
                        ])
                    )
                ]),
            Op.json(422, "A batch in which no credential could be issued", "BatchIssueResponse"),
        ]
        return op.authenticated.readingBody
            .with(400, ["unknown-option", "unsupported-format", "unsupported-cryptosuite"])
            .with(404, ["issuer-not-found"])
            .with(409, ["duplicate-id"])
            .with(
                422,
                [
                    "invalid-credential", "already-secured", "credential-status-not-allowed", "issuer-mismatch",
                    "subject-invalid", "signing-failed", "holder-key-required",
                ])
    }

    private static var updateStatus: Op {
        var op = Op(
            method: "post", path: "/credentials/status", operationID: "updateCredentialStatus",
            summary: "Revoke, suspend or reinstate a credential", tag: "status", security: .issuer)
        op.description =
            "Sets a status bit in the issuer's status list, which is re-signed. Revocation is final. Give `action`, "
            + "or the VC-API `credentialStatus` shape. Audited."
        op.requestBody = "StatusRequest"
        op.responses = [Op.json(200, "The credential's record with its new status", "CredentialRecord")]
        return op.authenticated.readingBody.with(403, ["not-your-credential"])
            .with(404, ["credential-not-found", "status-list-not-found"]).with(409, ["credential-revoked"])
            .with(500, ["status-list-full", "signing-failed", "storage-failed"])
    }

    private static var getCredential: Op {
        var op = Op(
            method: "get", path: "/credentials/{id}", operationID: "getCredential",
            summary: "Read the issuer's record of a credential", tag: "issuing", security: .issuer)
        op.description = "The record holds what the issuer needs to manage the credential, not its claims."
        op.parameters = [Op.pathParameter("id", "the credential id (URL-encoded)")]
        op.responses = [Op.json(200, "The record", "CredentialRecord")]
        return op.authenticated.checkingPathParameter.with(403, ["not-your-credential"])
            .with(404, ["credential-not-found"])
    }

    private static var getStatusList: Op {
        var op = Op(
            method: "get", path: "/status-lists/{id}", operationID: "getStatusList",
            summary: "Read a status list credential", tag: "status")
        op.description =
            "The signed `BitstringStatusListCredential` (GZIP, multibase base64url, at least 131,072 entries), "
            + "with `ETag`, `Last-Modified` and a `Cache-Control` of at most 300 seconds."
        op.parameters = [
            Op.pathParameter("id", "the status list id"),
            Op.headerParameter("If-None-Match", "an ETag from an earlier response"),
        ]
        let cacheHeaders = [
            Op.header("ETag", "the list's version"),
            Op.header("Cache-Control", "public, max-age ≤ 300, must-revalidate"),
        ]
        var ok = Op.body(200, "The status list credential", "application/vc", OpenAPISchema.anyObject())
        ok.headers = cacheHeaders + [Op.header("Last-Modified", "when the list last changed (IMF-fixdate)")]
        op.responses = [
            ok, Op.Response(status: "304", description: "The list has not changed", content: [], headers: cacheHeaders),
        ]
        return op.checkingPathParameter.with(404, ["status-list-not-found"])
    }

    private static var verifyCredential: Op {
        var op = Op(
            method: "post", path: "/credentials/verify", operationID: "verifyCredential",
            summary: "Verify a credential", tag: "verifying")
        op.description =
            "VC-API verify: parsing, data model, proof, proof controller, validity period, schema, status, "
            + "accreditation and witness checks. A credential that fails a check is a 200 with `verified: false`. "
            + "An SD-JWT VC (a string with `~`; KB-JWT optional) gets the SD-JWT checks, then status and "
            + "accreditation."
        op.requestBody = "VerifyCredentialRequest"
        op.responses = [Op.json(200, "The verification result", "VerificationResult")]
        return op.readingBody.with(502, ["verification-unavailable"])
    }

    private static var verifyPresentation: Op {
        var op = Op(
            method: "post", path: "/presentations/verify", operationID: "verifyPresentation",
            summary: "Verify a presentation", tag: "verifying")
        op.description =
            "VC-API verify for a presentation and each credential in it; `options.challenge` and `options.domain` "
            + "are checked against the proof when given. An SD-JWT VC must carry a KB-JWT whose `nonce` is "
            + "`options.challenge` and `aud` `options.domain`."
        op.requestBody = "VerifyPresentationRequest"
        op.responses = [Op.json(200, "The verification result", "VerificationResult")]
        return op.readingBody.with(502, ["verification-unavailable"])
    }

    private static var getTypeMetadata: Op {
        var op = Op(
            method: "get", path: "/.well-known/vct/{type}/v1", operationID: "getTypeMetadata",
            summary: "SD-JWT VC Type Metadata", tag: "verifying")
        op.description =
            "The Type Metadata (SD-JWT VC §6) of the `vct` `https://schemas.medcred.dev/<type>/v1`, for "
            + "MedicalLicenseCredential and PatientIdentityCredential."
        op.parameters = [Op.pathParameter("type", "the credential type, e.g. PatientIdentityCredential")]
        let metadata = OpenAPISchema.object(
            "SD-JWT VC Type Metadata",
            [
                ("vct", OpenAPISchema.string(format: "uri")), ("name", OpenAPISchema.string()),
                ("description", OpenAPISchema.string()), ("schema_uri", OpenAPISchema.string(format: "uri")),
            ], required: ["vct", "name", "schema_uri"])
        op.responses = [Op.body(200, "The type metadata", "application/json", metadata)]
        return op.checkingPathParameter.with(404, ["not-found"])
    }
}
