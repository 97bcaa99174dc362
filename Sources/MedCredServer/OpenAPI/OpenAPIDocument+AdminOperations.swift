import MedCredCore

extension OpenAPIDocument {
    private typealias Op = OpenAPIOperation

    private static let issuerID = Op.pathParameter("id", "the issuer account id")

    /// `/admin/…`: issuer accounts, tokens, signing keys, accreditations and the audit log (admin token).
    static var adminOperations: [OpenAPIOperation] {
        issuerOperations + tokenOperations + accreditationOperations + auditOperations
    }

    private static func admin(_ method: String, _ path: String, _ id: String, _ summary: String) -> Op {
        Op(method: method, path: path, operationID: id, summary: summary, tag: "admin", security: .admin)
    }

    private static var issuerOperations: [Op] {
        var create = admin("post", "/admin/issuers", "createIssuer", "Create an issuer account")
        create.description =
            "Creates a did:webvh DID hosted and anchored by MedCred, an accreditation by the trust root for the "
            + "credential types and jurisdiction, and an issuer API token, returned once in `token`. Audited."
        create.requestBody = "IssuerCreateRequest"
        create.responses = [Op.json(201, "The account, with its new issuer token", "IssuerCreated")]
        var list = admin("get", "/admin/issuers", "listIssuers", "List issuer accounts")
        list.responses = [Op.json(200, "Every issuer account", "IssuerList")]
        var get = admin("get", "/admin/issuers/{id}", "getIssuer", "Read an issuer account")
        get.parameters = [issuerID]
        get.responses = [Op.json(200, "The account", "IssuerAccount")]
        var rotateKey = admin(
            "post", "/admin/issuers/{id}/keys/rotate", "rotateIssuerKey", "Rotate an issuer's signing key")
        rotateKey.description =
            "A did:webvh update honouring pre-rotation. Credentials signed before stay verifiable, because "
            + "verification resolves the DID as it was when the proof was created. Audited."
        rotateKey.parameters = [issuerID]
        rotateKey.responses = [
            Op.json(200, "The account with its new verification method and key version", "IssuerAccount")
        ]
        var rotateServiceKey = admin(
            "post", "/admin/service/keys/rotate", "rotateServiceKey", "Rotate the service DID's key")
        rotateServiceKey.description =
            "A did:webvh update of the service DID honouring pre-rotation. New sessions and accreditations are "
            + "signed with the new key; sessions and accreditations made before stay valid, checked against the key "
            + "in force when they were signed. Audited."
        rotateServiceKey.responses = [Op.json(200, "The service DID and its new verification method", "ServiceKey")]
        return [
            rotateServiceKey.authenticated.with(500, ["rotation-failed"]),
            create.authenticated.readingBody
                .with(400, ["invalid-request", "unknown-credential-type", "invalid-domain"]).with(409, ["slug-taken"]),
            list.authenticated,
            get.authenticated.checkingPathParameter.with(404, ["issuer-not-found"]),
            rotateKey.authenticated.checkingPathParameter.with(404, ["issuer-not-found"])
                .with(500, ["rotation-failed"]),
        ]
    }

    private static var tokenOperations: [Op] {
        var list = admin("get", "/admin/issuers/{id}/tokens", "listIssuerTokens", "List an issuer's tokens")
        list.parameters = [issuerID]
        list.responses = [Op.json(200, "The issuer's tokens, without their secrets", "TokenList")]
        var rotate = admin("post", "/admin/issuers/{id}/tokens/rotate", "rotateIssuerToken", "Rotate an issuer's token")
        rotate.description = "Issues a new issuer token, returned once in `token`. Audited."
        rotate.parameters = [issuerID]
        rotate.responses = [Op.json(201, "The new token", "TokenCreated")]
        var revoke = admin("post", "/admin/tokens/{tokenId}/revoke", "revokeToken", "Revoke a token")
        revoke.description = "Audited."
        revoke.parameters = [Op.pathParameter("tokenId", "the token id (not the token)")]
        revoke.responses = [Op.json(200, "The token is revoked", "TokenRevoked")]
        return [
            list.authenticated.checkingPathParameter.with(404, ["issuer-not-found"]),
            rotate.authenticated.checkingPathParameter.with(404, ["issuer-not-found"]),
            revoke.authenticated.checkingPathParameter.with(404, ["token-not-found"]),
        ]
    }

    private static var accreditationOperations: [Op] {
        var create = admin("post", "/admin/accreditations", "createAccreditation", "Accredit an issuer DID")
        create.description =
            "The configured trust root accredits any DID for credential types in a jurisdiction. Audited."
        create.requestBody = "AccreditationRequest"
        create.responses = [Op.json(201, "The accreditation, anchored on the ledger", "Accreditation")]
        var withdraw = admin(
            "post", "/admin/accreditations/{id}/withdraw", "withdrawAccreditation", "Withdraw an accreditation")
        withdraw.description = "Audited."
        withdraw.parameters = [Op.pathParameter("id", "the accreditation id")]
        withdraw.responses = [Op.json(200, "The accreditation is withdrawn", "AccreditationWithdrawn")]
        return [
            create.authenticated.readingBody.with(400, ["invalid-did", "invalid-request", "unknown-credential-type"]),
            withdraw.authenticated.checkingPathParameter.with(400, ["accreditation-withdrawn"])
                .with(404, ["accreditation-not-found"]),
        ]
    }

    private static var auditOperations: [Op] {
        var entries = admin("get", "/admin/audit", "listAuditEntries", "Read the audit log")
        entries.parameters = [
            Op.queryParameter(
                "after", "return entries with a sequence number greater than this",
                OpenAPISchema.integer(minimum: 0)),
            Op.queryParameter(
                "limit", "the most entries to return (default 100)", OpenAPISchema.integer(minimum: 1, maximum: 1000)),
        ]
        entries.responses = [Op.json(200, "Audit entries in sequence order", "AuditEntryList")]
        var verify = admin("get", "/admin/audit/verify", "verifyAuditLog", "Check the audit log's hash chain")
        verify.responses = [
            Op.json(200, "The chain check; `valid` is false at the first bad entry", "AuditVerification")
        ]
        return [entries.authenticated.with(400, ["malformed-request"]), verify.authenticated]
    }
}
