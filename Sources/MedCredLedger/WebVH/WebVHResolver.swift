public import MedCredCore

/// Which version a resolution asks for: the DID URL query parameters `versionId`, `versionTime` and
/// `versionNumber` (did:webvh v1.0 "Reading did:webvh DID URLs").
public struct WebVHVersionQuery: Equatable, Sendable {
    public var versionId: String?
    public var versionTime: XSDDateTime?
    public var versionNumber: Int?

    /// A query; all `nil` asks for the latest version.
    public init(versionId: String? = nil, versionTime: XSDDateTime? = nil, versionNumber: Int? = nil) {
        self.versionId = versionId
        self.versionTime = versionTime
        self.versionNumber = versionNumber
    }

    /// Reads `versionId=…&versionTime=…&versionNumber=…`; other parameters are ignored.
    /// - Throws: ``WebVHError/invalidQuery(_:)`` for a malformed time or number.
    public init(query: String) throws(WebVHError) {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = WebVHIdentifier.percentDecode(parts[1]) else { continue }
            switch parts[0] {
            case "versionId": versionId = value
            case "versionTime":
                guard let time = try? XSDDateTime(parsing: value, requiringTimezone: true) else {
                    throw .invalidQuery(String(pair))
                }
                versionTime = time
            case "versionNumber":
                guard let number = Int(value) else { throw .invalidQuery(String(pair)) }
                versionNumber = number
            default: continue
            }
        }
    }

    /// Whether `entry` is the version asked for, `next` being the entry after it (which ends its validity).
    public func matches(_ entry: WebVHLogEntry, next: WebVHLogEntry?) -> Bool {
        if let versionId, versionId != entry.versionId { return false }
        if let versionNumber, versionNumber != entry.versionNumber { return false }
        if let versionTime {
            // The entry in force at that instant: at or after its versionTime, before the next one's.
            guard
                entry.versionInstant.isBefore(versionTime) == true
                    || entry.versionInstant.isSameInstant(as: versionTime) == true
            else { return false }
            if let next,
                next.versionInstant.isBefore(versionTime) == true
                    || next.versionInstant.isSameInstant(as: versionTime) == true
            {
                return false
            }
        }
        return true
    }

    var isLatest: Bool { versionId == nil && versionTime == nil && versionNumber == nil }
}

/// A did:webvh resolution result: the document and its metadata, or an error code (did:webvh v1.0
/// "Read (Resolve)" and DID Resolution v1.0).
public struct WebVHResolutionResult: Equatable, Sendable {
    /// The resolved document (the entry's `state` plus the implicit `#files` and `#whois` services), or `nil`.
    public let didDocument: JSONValue?
    /// `versionId`, `versionTime`, `versionNumber`, `created`, `updated`, `scid`, `portable`, `deactivated`,
    /// `witness`, `watchers` and, when set, `ttl`.
    public let didDocumentMetadata: JSONObject
    /// Why resolution failed.
    public let error: WebVHError?

    /// The `didResolutionMetadata.error` code, e.g. `invalidDid`.
    public var errorCode: String? { error?.resolutionErrorCode }

    /// The result as JSON.
    public var json: JSONValue {
        let resolution: JSONObject =
            if let errorCode { ["error": .string(errorCode)] } else {
                ["contentType": .string(DIDResolutionResult.didLDJSONMediaType)]
            }
        return .object([
            "didDocument": didDocument ?? .null, "didDocumentMetadata": .object(didDocumentMetadata),
            "didResolutionMetadata": .object(resolution),
        ])
    }

    static func failure(_ error: WebVHError) -> WebVHResolutionResult {
        WebVHResolutionResult(didDocument: nil, didDocumentMetadata: [:], error: error)
    }
}

/// Resolves did:webvh DIDs and DID URLs from a log already fetched (did:webvh v1.0 "Read (Resolve)",
/// https://identity.foundation/didwebvh/v1.0/#read-resolve).
public enum WebVHResolver {
    /// Resolves a DID URL against its log.
    /// - Parameters:
    ///   - didURL: `did:webvh:…` with an optional `?versionId=…` / `versionTime` / `versionNumber` query.
    ///   - logText: the `did.jsonl` content.
    ///   - witnessText: the `did-witness.json` content, if published.
    ///   - now: the resolver's clock.
    /// - Returns: the document of the requested version, or an error: `invalidDid` for a bad DID or log,
    ///   `invalidParameters`/`invalidProof` for those failures, `notFound` for a version not in the log.
    public static func resolve(_ didURL: String, logText: String, witnessText: String? = nil, now: XSDDateTime)
        -> WebVHResolutionResult
    {
        let didEnd = didURL.firstIndex(where: { "/?#".contains($0) }) ?? didURL.endIndex
        let identifier: WebVHIdentifier
        let query: WebVHVersionQuery
        do throws(WebVHError) {
            identifier = try WebVHIdentifier(parsing: String(didURL[..<didEnd]))
            var queryText = ""
            if let mark = didURL.firstIndex(of: "?") {
                let fragment = didURL.firstIndex(of: "#") ?? didURL.endIndex
                if mark < fragment { queryText = String(didURL[didURL.index(after: mark)..<fragment]) }
            }
            query = try WebVHVersionQuery(query: queryText)
        } catch {
            return .failure(error)
        }
        let verification = WebVHLogVerifier(now: now).verify(logText: logText, witnessText: witnessText)
        return resolve(identifier, query: query, verification: verification)
    }

    /// Picks the requested version from a verified log.
    /// - Parameters:
    ///   - identifier: the DID being resolved.
    ///   - query: the version asked for.
    ///   - verification: the verified log.
    /// - Returns: the result; a version in the valid prefix resolves even when later entries are invalid.
    public static func resolve(
        _ identifier: WebVHIdentifier, query: WebVHVersionQuery, verification: WebVHLogVerification
    ) -> WebVHResolutionResult {
        let entries = verification.entries
        if let first = entries.first, first.parameters.scid != identifier.scid {
            return .failure(.didSCIDMismatch(did: identifier.description, logSCID: first.parameters.scid))
        }
        if query.isLatest, let failure = verification.failure { return .failure(failure) }
        guard entries.contains(where: { $0.entry.stateID == identifier.description }) else {
            return .failure(verification.failure ?? .didNotInLog(identifier.description))
        }
        let index = entries.indices.last { index in
            query.matches(entries[index].entry, next: index + 1 < entries.count ? entries[index + 1].entry : nil)
        }
        guard let index else {
            return .failure(verification.failure ?? .versionNotFound(query.versionId ?? "\(query)"))
        }
        return WebVHResolutionResult(
            didDocument: document(entries[index].entry, identifier: identifier),
            didDocumentMetadata: metadata(of: index, in: entries), error: nil)
    }

    /// did:webvh v1.0 "Read (Resolve)": document metadata of the resolved version, with `created`,
    /// `updated` and the parameters of the last valid entry.
    static func metadata(of index: Int, in entries: [WebVHVerifiedEntry]) -> JSONObject {
        let resolved = entries[index].entry
        guard let first = entries.first, let last = entries.last else { return [:] }
        let parameters = last.parameters
        var witness = parameters.witness.json
        if !parameters.witness.isEmpty {
            // DID Resolution metadata carries no integers, so the threshold is a string.
            witness.setMember("threshold", .string(String(parameters.witness.threshold)))
        }
        var metadata: JSONObject = [
            "versionId": .string(resolved.versionId), "versionTime": .string(resolved.versionTime),
            "versionNumber": .number(Double(resolved.versionNumber)), "created": .string(first.entry.versionTime),
            "updated": .string(last.entry.versionTime), "scid": .string(parameters.scid),
            "portable": .bool(parameters.portable), "deactivated": .bool(parameters.deactivated),
            "witness": witness, "watchers": .array(parameters.watchers.map { .string($0) }),
        ]
        if let ttl = parameters.ttl { metadata["ttl"] = .string(String(ttl)) }
        return metadata
    }

    /// The entry's `state` with the implicit `#files` and `#whois` services added unless the DID document
    /// defines them (did:webvh v1.0 "DID URL Path Resolution" and "whois LinkedVP Service").
    static func document(_ entry: WebVHLogEntry, identifier: WebVHIdentifier) -> JSONValue {
        var state = entry.state
        let id = entry.stateID
        let base = (try? WebVHIdentifier(parsing: id)) ?? identifier
        var services = state["service"]?.arrayValue ?? []
        let ids = services.compactMap { $0["id"]?.stringValue }
        func defined(_ fragment: String) -> Bool { ids.contains(fragment) || ids.contains(id + fragment) }
        if !defined("#files") {
            services.append(
                .object([
                    "id": .string(id + "#files"), "type": .string("relativeRef"),
                    "serviceEndpoint": .string(base.filesEndpoint),
                ]))
        }
        if !defined("#whois") {
            services.append(
                .object([
                    "@context": .string("https://identity.foundation/linked-vp/contexts/v1"),
                    "id": .string(id + "#whois"), "type": .string("LinkedVerifiablePresentation"),
                    "serviceEndpoint": .string(base.filesEndpoint + "whois.vp"),
                ]))
        }
        state["service"] = .array(services)
        return .object(state)
    }
}
