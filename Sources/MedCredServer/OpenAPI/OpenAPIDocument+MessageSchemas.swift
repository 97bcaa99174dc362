import MedCredCore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema

    /// Issuing, status and verifying bodies.
    static var credentialSchemas: [(String, JSONValue)] {
        let credential = S.anyObject("an unsecured credential (VCDM 2.0) without `proof`")
        let secured = S.oneOf([
            S.anyObject("secured with a Data Integrity proof (eddsa-jcs-2022, eddsa-rdfc-2022 or Ed25519Signature2020)"), S.string("VC-JOSE compact JWS, or SD-JWT VC (`sd-jwt`)"),
        ])
        var issue = S.object(
            "VC-API issue: `credential`, or `credentials` for a batch",
            [
                ("credential", credential),
                ("credentials", S.array(credential, "a batch", minItems: 1, maxItems: CredentialRoutes.maxBatch)),
                (
                    "options",
                    S.object(
                        "Issue options",
                        [
                            (
                                "format",
                                S.string(
                                    "`ldp_vc` is taken as `di`; `sd-jwt` needs a did:key subject",
                                    values: ["di", "jwt", "sd-jwt", "ldp_vc"])
                            ),
                            (
                                "cryptosuite",
                                S.string(
                                    "The Data Integrity suite for `di`: `eddsa-jcs-2022` (default), `eddsa-rdfc-2022` "
                                        + "(RDFC-1.0 over the JSON-LD form) or the legacy `Ed25519Signature2020`",
                                    values: DataIntegrityCryptosuite.allCases.map(\.rawValue))
                            ),
                        ],
                        closed: true)
                ),
            ], closed: true)
        issue.setMember("oneOf", [["required": ["credential"]], ["required": ["credentials"]]])
        return [
            ("IssueRequest", issue),
            (
                "IssueResponse",
                S.object("VC-API issue result", [("verifiableCredential", secured)], required: ["verifiableCredential"])
            ),
            (
                "BatchIssueResponse",
                S.object(
                    "A batch's result: what was issued and a problem for each draft that was not",
                    [
                        ("verifiableCredentials", S.array(secured)), ("issued", S.integer(minimum: 0)),
                        ("errors", S.array(S.ref("Problem"), "each with `index` and, when known, `pointer`")),
                    ], required: ["verifiableCredentials", "issued", "errors"])
            ),
            (
                "StatusRequest",
                S.object(
                    "A status change: `action`, or the VC-API `credentialStatus` shape",
                    [
                        ("credentialId", S.string()),
                        ("action", S.string(values: ["revoke", "suspend", "reinstate"])),
                        (
                            "credentialStatus",
                            S.array(
                                S.object(
                                    "VC-API status; only the first item is read",
                                    [
                                        ("type", S.string(values: ["BitstringStatusListEntry"])),
                                        ("status", S.string(values: ["revoked", "suspended", "active"])),
                                    ], required: ["status"]))
                        ),
                    ], required: ["credentialId"], closed: true)
            ),
            (
                "CredentialRecord",
                S.object(
                    "What the issuer keeps about a credential",
                    [
                        ("id", S.string()), ("type", S.array(S.string())),
                        ("status", S.string(values: ["active", "suspended", "revoked"])),
                        ("revocationListId", S.string()), ("suspensionListId", S.string()),
                        ("revocationIndex", S.integer(minimum: 0)),
                        ("suspensionIndex", S.integer(minimum: 0)), ("sha256", S.string()),
                        ("issuedAt", S.dateTime()), ("format", S.string()), ("subject", S.string("the subject's DID")),
                        ("validFrom", S.dateTime()), ("validUntil", S.dateTime()),
                    ],
                    required: [
                        "id", "type", "status", "revocationListId", "suspensionListId", "revocationIndex",
                        "suspensionIndex", "sha256",
                        "issuedAt", "format",
                    ])
            ),
            (
                "VerifyCredentialRequest",
                S.object(
                    "VC-API verify credential",
                    [
                        ("verifiableCredential", S.securedDocument("the credential as received")),
                        ("options", S.anyObject("accepted; no option is read")),
                    ], required: ["verifiableCredential"], closed: true)
            ),
            (
                "VerifyPresentationRequest",
                S.object(
                    "VC-API verify presentation: `verifiablePresentation` (or `presentation`)",
                    [
                        ("verifiablePresentation", S.securedDocument("the presentation as received")),
                        (
                            "presentation",
                            S.securedDocument("an alias of verifiablePresentation; wins when both are given")
                        ),
                        ("options", S.object("Verify options", [("challenge", S.string()), ("domain", S.string())])),
                    ], closed: true)
            ),
        ]
    }

    /// Challenge, login and session bodies.
    static var authSchemas: [(String, JSONValue)] {
        [
            (
                "ChallengeRequest",
                S.object(
                    "`domain`, or a `policy` whose domain is used when `domain` is absent",
                    [("domain", S.string("the verifier domain")), ("policy", S.string("a verifier policy name"))],
                    closed: true)
            ),
            (
                "Challenge",
                S.object(
                    "A single-use login challenge",
                    [
                        ("challenge", S.string()), ("domain", S.string()), ("expires", S.dateTime()),
                        (
                            "requiredDisclosures",
                            S.array(S.string(), "claims an SD-JWT presentation must disclose for the policy")
                        ),
                    ],
                    required: ["challenge", "domain", "expires", "requiredDisclosures"])
            ),
            (
                "LoginRequest",
                S.object(
                    "A DID-Auth presentation (`presentation` or `verifiablePresentation`) and the policy to satisfy",
                    [
                        (
                            "presentation",
                            S.securedDocument(
                                "the presentation, proofPurpose authentication; or an SD-JWT VC with a KB-JWT")
                        ),
                        ("verifiablePresentation", S.securedDocument("an alias of presentation")),
                        ("policy", S.string("e.g. telemedicine-physician")),
                    ], required: ["policy"], closed: true)
            ),
            (
                "Session",
                S.object(
                    "A login session",
                    [
                        ("token", S.string("the session JWT, signed by the service's DID")),
                        ("tokenType", S.string(values: ["Bearer"])), ("holder", S.string("the holder's DID")),
                        ("policy", S.string()), ("claims", S.anyObject("the credential facts the policy exposes")),
                        ("issuedAt", S.dateTime()), ("expiresAt", S.dateTime()),
                    ], required: ["token", "tokenType", "holder", "policy", "claims", "issuedAt", "expiresAt"])
            ),
        ]
    }
}
