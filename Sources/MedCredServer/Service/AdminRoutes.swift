import Foundation
import Hummingbird
import MedCredCore
import MedCredService

/// `/admin/…`: issuer accounts, their tokens and signing keys, accreditations and the audit log. Every route
/// needs the admin token; every change is audited.
enum AdminRoutes {
    static func register(on router: RouteRecorder, _ c: ServiceComponents) {
        router.post("/admin/issuers") { request, _ in
            let admin = try await Authorization.admin(request, tokens: c.tokens)
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.smallLimit),
                allowed: ["name", "slug", "credentialTypes", "jurisdiction", "validUntil"])
            let issuerRequest = IssuerRequest(
                name: try fields.string("name"), slug: try fields.optionalString("slug"),
                credentialTypes: try fields.strings("credentialTypes"), jurisdiction: try fields.string("jurisdiction"),
                validUntil: try fields.optionalDate("validUntil"))
            let account: IssuerAccount
            do throws(AccountError) { account = try await c.accounts.createIssuer(issuerRequest) } catch {
                throw ServiceErrors.problem(error)
            }
            let (token, info) = try await c.tokens.create(scope: .issuer(account.id), label: "issuer \(account.slug)")
            _ = try await c.audit.record(
                AuditEvent(
                    action: "issuer.created", actor: admin.tokenID, subject: account.id,
                    details: ["did": account.did, "tokenId": info.id]))
            var body = issuerJSON(account, c).objectValue ?? [:]
            body["token"] = .string(token)
            body["tokenId"] = .string(info.id)
            return Responses.json(.object(body), status: .created)
        }
        router.get("/admin/issuers") { request, _ in
            _ = try await Authorization.admin(request, tokens: c.tokens)
            let issuers = try await c.accounts.issuers()
            return Responses.json(["issuers": .array(issuers.map { issuerJSON($0, c) })])
        }
        router.get("/admin/issuers/{id}") { request, context in
            _ = try await Authorization.admin(request, tokens: c.tokens)
            return Responses.json(issuerJSON(try await issuer(context, c), c))
        }
        router.get("/admin/issuers/{id}/tokens") { request, context in
            _ = try await Authorization.admin(request, tokens: c.tokens)
            let account = try await issuer(context, c)
            let tokens = try await c.tokens.tokens(scope: .issuer(account.id))
            return Responses.json(["tokens": .array(tokens.map(tokenJSON))])
        }
        router.post("/admin/issuers/{id}/tokens/rotate") { request, context in
            let admin = try await Authorization.admin(request, tokens: c.tokens)
            let account = try await issuer(context, c)
            let (token, info) = try await c.tokens.rotate(scope: .issuer(account.id), label: "issuer \(account.slug)")
            _ = try await c.audit.record(
                AuditEvent(action: "token.rotated", actor: admin.tokenID, subject: account.id, details: ["tokenId": info.id]))
            var body = tokenJSON(info).objectValue ?? [:]
            body["token"] = .string(token)
            return Responses.json(.object(body), status: .created)
        }
        router.post("/admin/tokens/{tokenId}/revoke") { request, context in
            let admin = try await Authorization.admin(request, tokens: c.tokens)
            let tokenID = try parameter(context, "tokenId")
            do throws(TokenError) { try await c.tokens.revoke(tokenID: tokenID) } catch {
                throw ServiceErrors.problem(code: error.code, detail: "no token \(tokenID)")
            }
            _ = try await c.audit.record(AuditEvent(action: "token.revoked", actor: admin.tokenID, subject: tokenID))
            return Responses.json(["id": .string(tokenID), "revoked": true])
        }
        router.post("/admin/issuers/{id}/keys/rotate") { request, context in
            let admin = try await Authorization.admin(request, tokens: c.tokens)
            let account = try await issuer(context, c)
            let rotated: IssuerAccount
            do throws(AccountError) { rotated = try await c.accounts.rotateSigningKey(issuerID: account.id) } catch {
                throw ServiceErrors.problem(error)
            }
            _ = try await c.audit.record(
                AuditEvent(
                    action: "key.rotated", actor: admin.tokenID, subject: account.id,
                    details: ["verificationMethod": rotated.verificationMethod, "keyVersion": "\(rotated.keyVersion)"]))
            return Responses.json(issuerJSON(rotated, c))
        }
        router.post("/admin/service/keys/rotate") { request, _ in
            let admin = try await Authorization.admin(request, tokens: c.tokens)
            let identity: ServiceIdentity
            do throws(AccountError) { identity = try await c.accounts.rotateServiceKey() } catch {
                throw ServiceErrors.problem(error)
            }
            await c.login.useSessionSigner(identity.signer)
            _ = try await c.audit.record(
                AuditEvent(
                    action: "service.key.rotated", actor: admin.tokenID, subject: identity.did,
                    details: ["verificationMethod": identity.verificationMethod]))
            return Responses.json(["did": .string(identity.did), "verificationMethod": .string(identity.verificationMethod)])
        }
        registerAccreditations(on: router, c)
        registerAudit(on: router, c)
    }

    private static func registerAccreditations(on router: RouteRecorder, _ c: ServiceComponents) {
        router.post("/admin/accreditations") { request, _ in
            let admin = try await Authorization.admin(request, tokens: c.tokens)
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.smallLimit),
                allowed: ["issuer", "credentialTypes", "jurisdiction", "validFrom", "validUntil"])
            let issuer = try fields.string("issuer")
            guard (try? DID(parsing: issuer)) != nil else {
                throw APIProblem("invalid-did", status: .badRequest, detail: "'issuer' must be a DID", extensions: ["pointer": "/issuer"])
            }
            let record: AccreditationRecord
            let types = try fields.strings("credentialTypes")
            let jurisdiction = try fields.string("jurisdiction")
            let validFrom = try fields.optionalDate("validFrom")
            let validUntil = try fields.optionalDate("validUntil")
            do throws(AccountError) {
                record = try await c.accounts.accredit(
                    issuer: issuer, credentialTypes: types, jurisdiction: jurisdiction, validFrom: validFrom,
                    validUntil: validUntil)
            } catch {
                throw ServiceErrors.problem(error)
            }
            _ = try await c.audit.record(
                AuditEvent(action: "accreditation.created", actor: admin.tokenID, subject: record.id, details: ["issuer": issuer]))
            return Responses.json(accreditationJSON(record), status: .created)
        }
        router.post("/admin/accreditations/{id}/withdraw") { request, context in
            let admin = try await Authorization.admin(request, tokens: c.tokens)
            let id = try parameter(context, "id")
            do throws(AccountError) { try await c.accounts.withdrawAccreditation(id: id) } catch { throw ServiceErrors.problem(error) }
            _ = try await c.audit.record(AuditEvent(action: "accreditation.withdrawn", actor: admin.tokenID, subject: id))
            return Responses.json(["id": .string(id), "withdrawn": true])
        }
    }

    private static func registerAudit(on router: RouteRecorder, _ c: ServiceComponents) {
        router.get("/admin/audit") { request, _ in
            _ = try await Authorization.admin(request, tokens: c.tokens)
            let after = try Query.optionalUInt(request, "after")
            let limit = Int(try Query.optionalUInt(request, "limit") ?? 100)
            guard (1...1000).contains(limit) else { throw APIProblem.malformed("'limit' must be 1…1000") }
            let entries = try await c.audit.entries(after: after, limit: limit)
            return Responses.json(["entries": .array(entries.map(auditJSON))])
        }
        router.get("/admin/audit/verify") { request, _ in
            _ = try await Authorization.admin(request, tokens: c.tokens)
            let report = try await c.audit.verify()
            var body: JSONObject = [
                "valid": .bool(report.firstBadSequence == nil), "entries": .number(Double(report.entries)),
                "anchored": .number(Double(report.anchored)),
            ]
            if let bad = report.firstBadSequence { body["firstBadSequence"] = .number(Double(bad)) }
            if let reason = report.reason { body["reason"] = .string(reason) }
            return Responses.json(.object(body))
        }
    }

    static func parameter(_ context: ServiceRequestContext, _ name: String) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty, value.utf8.count <= 512 else {
            throw APIProblem.malformed("path parameter '\(name)' is missing")
        }
        return value
    }

    private static func issuer(_ context: ServiceRequestContext, _ c: ServiceComponents) async throws -> IssuerAccount {
        let id = try parameter(context, "id")
        guard let account = try await c.accounts.issuer(id: id) else {
            throw APIProblem("issuer-not-found", status: .notFound, detail: "no issuer account \(id)")
        }
        return account
    }

    static func issuerJSON(_ account: IssuerAccount, _ c: ServiceComponents) -> JSONValue {
        [
            "id": .string(account.id), "name": .string(account.name), "slug": .string(account.slug),
            "did": .string(account.did), "verificationMethod": .string(account.verificationMethod),
            "keyVersion": .number(Double(account.keyVersion)),
            "credentialTypes": .array(account.credentialTypes.map { .string($0) }),
            "jurisdiction": .string(account.jurisdiction), "createdAt": Responses.time(account.createdAt),
            "didLog": .string("\(c.configuration.baseURL)/issuers/\(account.slug)/did.jsonl"),
        ]
    }

    static func tokenJSON(_ info: TokenInfo) -> JSONValue {
        var object: JSONObject = [
            "id": .string(info.id), "label": .string(info.label), "createdAt": Responses.time(info.createdAt),
        ]
        if let revoked = info.revokedAt { object["revokedAt"] = Responses.time(revoked) }
        if let used = info.lastUsedAt { object["lastUsedAt"] = Responses.time(used) }
        return .object(object)
    }

    static func accreditationJSON(_ record: AccreditationRecord) -> JSONValue {
        var object: JSONObject = [
            "id": .string(record.id), "issuer": .string(record.issuer),
            "credentialTypes": .array(record.credentialTypes.map { .string($0) }),
            "jurisdiction": .string(record.jurisdiction), "validFrom": .string(record.validFrom),
            "ledgerIndex": .number(Double(record.ledgerIndex)),
        ]
        if let until = record.validUntil { object["validUntil"] = .string(until) }
        return .object(object)
    }

    static func auditJSON(_ entry: AuditEntry) -> JSONValue {
        var event: JSONObject = ["action": .string(entry.event.action), "actor": .string(entry.event.actor)]
        if let subject = entry.event.subject { event["subject"] = .string(subject) }
        if !entry.event.details.isEmpty {
            event["details"] = .object(JSONObject(entry.event.details.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        var object: JSONObject = [
            "sequence": .number(Double(entry.sequence)), "time": .string(entry.time), "event": .object(event),
            "previousHash": .string(entry.previousHash), "hash": .string(entry.hash),
        ]
        if let index = entry.ledgerIndex { object["ledgerIndex"] = .number(Double(index)) }
        return .object(object)
    }
}
