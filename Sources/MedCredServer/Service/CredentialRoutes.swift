import Foundation
import Hummingbird
import MedCredCore
import MedCredService

/// VC-API issuing and status: `POST /credentials/issue` (single or batch), `POST /credentials/status`,
/// `GET /credentials/{id}` for the issuer's record, and the public `GET /status-lists/{id}`.
enum CredentialRoutes {
    /// The most credentials one batch request may carry.
    static let maxBatch = 10_000

    static func register(on router: RouteRecorder, _ c: ServiceComponents) {
        router.post("/credentials/issue") { request, _ in
            let issuerID = try await Authorization.issuer(request, tokens: c.tokens)
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.batchLimit),
                allowed: ["credential", "credentials", "options"])
            let options = try fields.options()
            let format = try format(options)
            let cryptosuite = try cryptosuite(options, format: format)
            let isBatch = fields.object["credentials"] != nil
            let drafts: [JSONValue]
            switch (fields.object["credential"], fields.object["credentials"]) {
            case (.some(let one), nil): drafts = [one]
            case (nil, .some(.array(let many))) where !many.isEmpty && many.count <= maxBatch: drafts = many
            case (nil, .some): throw APIProblem.malformed("'credentials' must be an array of 1…\(maxBatch) credentials", pointer: "/credentials")
            case (.some, .some): throw APIProblem.malformed("give either 'credential' or 'credentials'")
            case (nil, nil): throw APIProblem.malformed("'credential' is required", pointer: "/credential")
            }
            let signing = try await signing(issuerID, c)
            let results = try await c.credentials.issue(
                drafts, format: format, cryptosuite: cryptosuite, issuer: signing)
            let issued = results.compactMap { try? $0.get() }
            let failures = results.compactMap { result -> IssueFailure? in
                if case .failure(let failure) = result { return failure } else { return nil }
            }
            if !issued.isEmpty {
                _ = try await c.audit.record(
                    AuditEvent(
                        action: "credential.issued", actor: issuerID, subject: isBatch ? nil : issued.first?.id,
                        details: ["count": "\(issued.count)", "format": format.rawValue]))
            }
            if !isBatch {
                if let failure = failures.first { throw problem(failure, batch: false) }
                return Responses.json(["verifiableCredential": issued[0].credential], status: .created)
            }
            let body: JSONValue = [
                "verifiableCredentials": .array(issued.map(\.credential)),
                "issued": .number(Double(issued.count)),
                "errors": .array(failures.map { problem($0, batch: true).json }),
            ]
            return Responses.json(body, status: issued.isEmpty ? .unprocessableContent : .created)
        }
        router.post("/credentials/status") { request, _ in
            let issuerID = try await Authorization.issuer(request, tokens: c.tokens)
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.smallLimit),
                allowed: ["credentialId", "action", "credentialStatus"])
            let credentialID = try fields.string("credentialId")
            let action = try statusAction(fields)
            let record: CredentialRecord
            do throws(CredentialServiceError) { record = try await c.credentials.updateStatus(credentialID: credentialID, issuerID: issuerID, action: action) } catch {
                throw ServiceErrors.problem(error)
            }
            let past = ["revoke": "revoked", "suspend": "suspended", "reinstate": "reinstated"][action.rawValue] ?? action.rawValue
            _ = try await c.audit.record(AuditEvent(action: "credential.\(past)", actor: issuerID, subject: credentialID))
            return Responses.json(recordJSON(record))
        }
        router.get("/credentials/{id}") { request, context in
            let issuerID = try await Authorization.issuer(request, tokens: c.tokens)
            // Credential ids are URIs (urn:uuid:…); a client may send them percent-encoded as one path segment.
            let raw = try AdminRoutes.parameter(context, "id")
            let id = raw.removingPercentEncoding ?? raw
            guard let record = try await c.credentials.record(id: id) else {
                throw APIProblem("credential-not-found", status: .notFound, detail: "no credential \(id)")
            }
            guard record.issuerID == issuerID else { throw APIProblem("not-your-credential", status: .forbidden, detail: "the credential was issued by another issuer") }
            return Responses.json(recordJSON(record))
        }
        router.get("/status-lists/{id}") { request, context in
            let id = try AdminRoutes.parameter(context, "id")
            let list: PublishedStatusList
            do throws(CredentialServiceError) { list = try await c.credentials.statusListCredential(listID: id) } catch { throw ServiceErrors.problem(error) }
            let cache = "public, max-age=\(max(0, min(list.ttlSeconds, 300))), must-revalidate"
            if let condition = request.headers[.ifNoneMatch], Self.matches(condition, etag: list.etag) {
                var response = Responses.bytes([], contentType: "application/vc", cache: cache, status: .notModified)
                response.headers[.eTag] = list.etag
                return response
            }
            var response = Responses.bytes(list.json, contentType: "application/vc", cache: cache)
            response.headers[.eTag] = list.etag
            response.headers[.lastModified] = HTTPDate.format(list.lastModified)
            return response
        }
    }

    /// RFC 9110 §13.1.2: `*`, or any listed entity tag equal to `etag` by weak comparison.
    static func matches(_ condition: String, etag: String) -> Bool {
        func opaque(_ tag: Substring) -> Substring {
            let trimmed = tag.trimmingCharacters(in: .whitespaces)[...]
            return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
        }
        let wanted = opaque(etag[...])
        return condition.split(separator: ",").contains { tag in
            tag.trimmingCharacters(in: .whitespaces) == "*" || opaque(tag) == wanted
        }
    }

    static func format(_ options: JSONObject) throws -> CredentialFormat {
        for key in options.names where key != "format" && key != "cryptosuite" {
            throw APIProblem(
                "unknown-option", status: .badRequest, detail: "unknown option '\(key)'; known: format, cryptosuite",
                extensions: ["pointer": .string("/options/\(key)")])
        }
        guard let value = options["format"] else { return .dataIntegrity }
        guard let text = value.stringValue, let format = CredentialFormat(rawValue: text == "ldp_vc" ? "di" : text) else {
            throw APIProblem("unsupported-format", status: .badRequest, detail: "options.format must be \"di\", \"jwt\" or \"sd-jwt\"", extensions: ["pointer": "/options/format"])
        }
        return format
    }

    /// `options.cryptosuite`: the Data Integrity suite, `eddsa-jcs-2022` when absent; only with `format` `di`.
    static func cryptosuite(_ options: JSONObject, format: CredentialFormat) throws -> DataIntegrityCryptosuite {
        guard let value = options["cryptosuite"] else { return .eddsaJCS2022 }
        let known = DataIntegrityCryptosuite.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = value.stringValue, let suite = DataIntegrityCryptosuite(rawValue: text) else {
            throw APIProblem(
                "unsupported-cryptosuite", status: .badRequest, detail: "options.cryptosuite must be one of \(known)",
                extensions: ["pointer": "/options/cryptosuite"])
        }
        guard format == .dataIntegrity else {
            throw APIProblem(
                "unsupported-cryptosuite", status: .badRequest,
                detail: "options.cryptosuite applies to Data Integrity credentials (format \"di\") only",
                extensions: ["pointer": "/options/cryptosuite"])
        }
        return suite
    }

    static func statusAction(_ fields: RequestFields) throws -> CredentialService.StatusAction {
        if let action = try fields.optionalString("action") {
            guard let parsed = CredentialService.StatusAction(rawValue: action) else {
                throw APIProblem.malformed("'action' must be revoke, suspend or reinstate", pointer: "/action")
            }
            return parsed
        }
        // VC-API shape: credentialStatus: [{type: "BitstringStatusListEntry", status: "revoked" | "suspended" | "active"}]
        guard let entry = fields.object["credentialStatus"]?.arrayValue?.first?.objectValue,
            let status = entry["status"]?.stringValue
        else { throw APIProblem.malformed("give 'action' (revoke, suspend, reinstate) or VC-API 'credentialStatus'") }
        switch status {
        case "revoked", "revoke": return .revoke
        case "suspended", "suspend": return .suspend
        case "active", "reinstated", "reinstate": return .reinstate
        default: throw APIProblem.malformed("credentialStatus[0].status must be revoked, suspended or active", pointer: "/credentialStatus/0/status")
        }
    }

    static func signing(_ issuerID: String, _ c: ServiceComponents) async throws -> IssuerSigning {
        do throws(AccountError) {
            let (account, signer) = try await c.accounts.issuerSigning(id: issuerID)
            return IssuerSigning(issuerID: issuerID, did: account.did, signer: signer)
        } catch {
            throw ServiceErrors.problem(error)
        }
    }

    static func problem(_ failure: IssueFailure, batch: Bool) -> APIProblem {
        var extensions: JSONObject = [:]
        if batch { extensions["index"] = .number(Double(failure.index)) }
        if let pointer = failure.pointer { extensions["pointer"] = .string(pointer) }
        let status: HTTPResponse.Status = failure.code == "duplicate-id" ? .conflict : .unprocessableContent
        return APIProblem(failure.code, status: status, detail: failure.detail, extensions: extensions)
    }

    static func recordJSON(_ record: CredentialRecord) -> JSONValue {
        var object: JSONObject = [
            "id": .string(record.id), "type": .array(record.types.map { .string($0) }),
            "status": .string(record.revoked ? "revoked" : record.suspended ? "suspended" : "active"),
            "revocationListId": .string(record.statusListID),
            "suspensionListId": .string(record.suspensionListID),
            "revocationIndex": .number(Double(record.revocationIndex)),
            "suspensionIndex": .number(Double(record.suspensionIndex)),
            "sha256": .string(record.sha256), "issuedAt": Responses.time(record.issuedAt), "format": .string(record.format),
        ]
        if let subject = record.subjectID { object["subject"] = .string(subject) }
        if let from = record.validFrom { object["validFrom"] = .string(from) }
        if let until = record.validUntil { object["validUntil"] = .string(until) }
        return .object(object)
    }
}

/// IMF-fixdate for `Last-Modified` (RFC 9110 §5.6.7).
enum HTTPDate {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
