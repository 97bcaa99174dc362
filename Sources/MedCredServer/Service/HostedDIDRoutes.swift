import Foundation
import Hummingbird
import MedCredCore
import MedCredLedger
import MedCredService
import MedCredStore

/// Professionals' did:webvh DIDs hosted by MedCred (DESIGN.md, "HTTP API": `POST /dids`, `/dids/{did}/log`,
/// `GET /{path}/did.jsonl`): the holder signs every log entry locally and MedCred only verifies, anchors and
/// serves it, so the keys never leave the holder.
///
/// A hosted DID is `did:webvh:{SCID}:<didDomain>:people:<name>`; its log is served at
/// `/people/<name>/did.jsonl`, the URL the did:webvh "DID to HTTPS Transformation" gives for it.
enum HostedDIDRoutes {
    /// `[a-z0-9-]{1,63}`: one DNS-label-like path segment, so a name never needs percent-encoding.
    static func isValidName(_ name: String) -> Bool {
        (1...63).contains(name.utf8.count)
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    static func register(on router: RouteRecorder, _ c: ServiceComponents) {
        let creations = CreationGate()
        router.post("/dids") { request, context in
            try VerifierRoutes.limit(context, c)
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.smallLimit),
                allowed: ["log", "witness"])
            let entry = try logEntry(fields, number: 1)
            let name = try personName(entry.stateID, c)
            let witnessText = try witness(fields)
            // One creation at a time, so that two DIDs racing for one name cannot both pass the check.
            await creations.enter()
            let record: DIDLogRecord
            do {
                if !(try await c.registry.logs.scids(ofDIDsEndingWith: suffix(name, c)).isEmpty) {
                    throw APIProblem(
                        "did-exists", status: .conflict, detail: "a DID is already hosted at /people/\(name)")
                }
                record = try await anchored { try await c.registry.create(entry, witnessText: witnessText) }
            } catch {
                await creations.leave()
                throw error
            }
            await creations.leave()
            return Responses.json(answer(entry.stateID, name: name, record, c), status: .created)
        }
        router.post("/dids/{did}/log") { request, context in
            try VerifierRoutes.limit(context, c)
            let text = try AdminRoutes.parameter(context, "did")
            let did: DID
            do { did = try DID(parsing: text) } catch {
                throw APIProblem("invalid-did", status: .badRequest, detail: "not a DID: \(error)")
            }
            let name = try personName(did.description, c)
            let scid = try await hostedSCID(name, c)
            guard did.description == "did:webvh:\(scid)" + suffix(name, c) else {
                throw APIProblem("did-not-found", status: .notFound, detail: "MedCred hosts no DID \(did)")
            }
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.smallLimit),
                allowed: ["log", "witness"])
            let count = try await c.registry.logs.records(scid: scid).count
            let entry = try logEntry(fields, number: count + 1)
            let record = try await anchored {
                try await c.registry.append(entry, to: did, witnessText: try witness(fields))
            }
            return Responses.json(answer(did.description, name: name, record, c))
        }
        router.get("/people/{name}/did.jsonl") { _, context in
            let name = try AdminRoutes.parameter(context, "name")
            guard isValidName(name) else { throw APIProblem.notFound("no DID is hosted at /people/\(name)") }
            let scid = try await hostedSCID(name, c)
            guard let did = try? DID(parsing: "did:webvh:\(scid)" + suffix(name, c)),
                let log = try await c.registry.logText(for: did)
            else { throw APIProblem.notFound("no DID is hosted at /people/\(name)") }
            return Responses.bytes(Array(log.utf8), contentType: "text/jsonl", cache: "no-cache")
        }
    }

    /// `:<didDomain>:people:<name>`: how every DID hosted for `name` ends.
    private static func suffix(_ name: String, _ c: ServiceComponents) -> String {
        ":\(c.configuration.didDomain):people:\(name)"
    }

    /// The name of a DID hosted here at `/people/<name>`; refuses any other domain or path.
    private static func personName(_ didText: String, _ c: ServiceComponents) throws -> String {
        let identifier: WebVHIdentifier
        do { identifier = try WebVHIdentifier(parsing: didText) } catch {
            throw APIProblem("invalid-did", status: .badRequest, detail: error.description)
        }
        let domainAndPath = String(didText.dropFirst("did:webvh:".count + identifier.scid.count + 1))
        let domain = c.configuration.didDomain
        guard domainAndPath.hasPrefix(domain + ":") || domainAndPath == domain else {
            throw APIProblem(
                "wrong-domain", status: .badRequest,
                detail:
                    "\(didText) is not on this service's domain; DIDs hosted here are did:webvh:{SCID}:\(domain):people:<name>"
            )
        }
        let path = domainAndPath.dropFirst(domain.count + 1).split(separator: ":", omittingEmptySubsequences: false)
        guard path.count == 2, path[0] == "people", isValidName(String(path[1])) else {
            throw APIProblem(
                "invalid-did-path", status: .badRequest,
                detail: "DIDs hosted here are did:webvh:{SCID}:\(domain):people:<name>, name matching [a-z0-9-]{1,63}")
        }
        return String(path[1])
    }

    private static func hostedSCID(_ name: String, _ c: ServiceComponents) async throws -> String {
        guard let scid = try await c.registry.logs.scids(ofDIDsEndingWith: suffix(name, c)).first else {
            throw APIProblem("did-not-found", status: .notFound, detail: "no DID is hosted at /people/\(name)")
        }
        return scid
    }

    /// The `log` member: one `did.jsonl` line (a trailing newline allowed), parsed as a did:webvh entry.
    private static func logEntry(_ fields: RequestFields, number: Int) throws -> WebVHLogEntry {
        guard var line = fields.object["log"]?.stringValue, !line.isEmpty else {
            throw APIProblem.malformed("'log' must be one did.jsonl line, as a string", pointer: "/log")
        }
        if line.hasSuffix("\n") { line.removeLast() }
        guard !line.contains(where: \.isNewline) else {
            throw APIProblem.malformed("'log' must hold exactly one entry (one line)", pointer: "/log")
        }
        let json: JSONValue
        do { json = try JSONValue(parsing: line) } catch {
            throw APIProblem.malformed("'log' is not strict JSON: \(error)", pointer: "/log")
        }
        do { return try WebVHLogEntry(json: json, entry: number) } catch { throw rejected(error) }
    }

    /// The `witness` member: the DID's `did-witness.json`, as a JSON array or as its text.
    private static func witness(_ fields: RequestFields) throws -> String? {
        switch fields.object["witness"] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case .array(let list)?: return JSONValue.array(list).serialized()
        default: throw APIProblem.malformed("'witness' must be the did-witness.json array", pointer: "/witness")
        }
    }

    private static func rejected(_ error: WebVHError) -> APIProblem {
        APIProblem(
            "invalid-log-entry", status: .unprocessableContent, detail: error.description,
            extensions: ["webvhError": .string(error.description)])
    }

    /// Runs a registry write, turning its refusals into problems; storage and ledger failures stay 500s.
    private static func anchored(_ write: () async throws -> DIDLogRecord) async throws -> DIDLogRecord {
        do { return try await write() } catch let error as AnchoringError {
            switch error {
            case .logRejected(let failure): throw rejected(failure)
            case .entryNotNext(let expected, let actual):
                throw APIProblem(
                    "entry-not-next", status: .conflict,
                    detail: "the log's next entry is version \(expected), not \(actual)")
            case .didAlreadyHosted(let scid):
                throw APIProblem("did-exists", status: .conflict, detail: "a DID with SCID \(scid) is already hosted")
            case .didNotHosted(let scid):
                throw APIProblem("did-not-found", status: .notFound, detail: "no DID with SCID \(scid) is hosted")
            case .invalidIdentifier(let failure):
                throw APIProblem("invalid-did", status: .badRequest, detail: failure.description)
            default: throw error
            }
        }
    }

    private static func answer(_ did: String, name: String, _ record: DIDLogRecord, _ c: ServiceComponents)
        -> JSONValue
    {
        var body: JSONObject = [
            "did": .string(did), "versionId": .string(record.versionId),
            "log": .string(c.configuration.baseURL + "/people/\(name)/did.jsonl"),
        ]
        if let index = record.ledgerIndex { body["ledgerIndex"] = .number(Double(index)) }
        return .object(body)
    }
}

/// A first-come, first-served gate: one holder at a time, the others wait in order. An actor alone does not
/// serialize a check and a write, because it is reentrant at every `await`.
private actor CreationGate {
    private var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard isHeld else {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { isHeld = false } else { waiting.removeFirst().resume() }
    }
}
