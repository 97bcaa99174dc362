import Foundation
public import Hummingbird
import MedCredLedger
public import MedCredService

/// The ledger's public read API (DESIGN.md, "The ledger" and the HTTP API table): the cosigned checkpoint,
/// entries, inclusion and consistency proofs, and C2SP tlog-proof bundles for offline verification.
public enum LedgerRoutes {
    /// The most entries one `GET /ledger/entries` returns; a larger `count` is capped.
    public static let maxEntries = 100

    /// Cache policy for a response that can never change.
    static let immutable = "public, max-age=31536000, immutable"
    /// Cache policy for a bundle at a fixed size: its proof is fixed, but cosignatures can still be added.
    static let settled = "public, max-age=300"
    /// Cache policy for the moving head of the log.
    static let head = "no-cache"

    /// A router serving only the ledger routes.
    /// - Parameter ledger: the witnessed ledger.
    /// - Returns: a router for an application or `app.test(.router)`.
    public static func router(ledger: WitnessedLedger) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        register(on: router, ledger: ledger)
        return router
    }

    /// Adds `GET /ledger/checkpoint`, `/ledger/entries`, `/ledger/proofs/inclusion`,
    /// `/ledger/proofs/consistency` and `/ledger/bundles/{index}` to `router`.
    /// - Parameters:
    ///   - router: the router.
    ///   - ledger: the witnessed ledger.
    public static func register<Context: RequestContext>(on router: Router<Context>, ledger: WitnessedLedger) {
        router.get("ledger/checkpoint") { _, _ -> Response in
            guard let note = try await ledger.checkpoint() else {
                throw LedgerProblem(code: .noCheckpoint, status: .notFound, detail: "the ledger has no checkpoint yet")
            }
            return text(note.formatted, cache: head)
        }
        router.get("ledger/entries") { request, _ -> Response in
            let start = try query(request, "start")
            let count = try query(request, "count", default: UInt64(maxEntries))
            guard count > 0 else { throw LedgerProblem.invalidParameter("count", "must be at least 1") }
            let wanted = Int(min(count, UInt64(maxEntries)))
            let entries = try await ledger.entries(start: start, count: wanted)
            guard !entries.isEmpty else { throw LedgerProblem.outOfRange("start is at or beyond the log size") }
            let body = entries.map { LedgerEntryDTO(index: $0.index, data: LedgerBase64.url($0.data)) }
            return try json(body, cache: entries.count == wanted ? immutable : head)
        }
        router.get("ledger/proofs/inclusion") { request, _ -> Response in
            let index = try query(request, "index")
            let size = try query(request, "size")
            guard index < size else { throw LedgerProblem.invalidParameter("index", "must be less than size") }
            guard let proof = try await ledger.inclusionProof(index: index, size: size) else {
                throw LedgerProblem.outOfRange("size is beyond the log size")
            }
            return try json(
                InclusionProofDTO(index: index, size: size, hashes: proof.hashes.map(LedgerBase64.standard)),
                cache: immutable)
        }
        router.get("ledger/proofs/consistency") { request, _ -> Response in
            let from = try query(request, "from")
            let to = try query(request, "to")
            guard from <= to else { throw LedgerProblem.invalidParameter("from", "must not exceed to") }
            guard let proof = try await ledger.consistencyProof(from: from, to: to) else {
                throw LedgerProblem.outOfRange("to is beyond the log size")
            }
            return try json(
                ConsistencyProofDTO(from: from, to: to, hashes: proof.hashes.map(LedgerBase64.standard)),
                cache: immutable)
        }
        router.get("ledger/bundles/:index") { request, context -> Response in
            guard let index = context.parameters.get("index").flatMap(canonicalDecimal) else {
                throw LedgerProblem.invalidParameter("index", "must be a decimal integer without leading zeros")
            }
            let size = try optionalQuery(request, "size")
            guard let proof = try await ledger.bundle(index: index, size: size) else {
                throw LedgerProblem.outOfRange("no signed checkpoint at that size covers the index")
            }
            return text(proof.formatted, cache: size == nil ? head : settled)
        }
    }

    private static func query(_ request: Request, _ name: String, default value: UInt64? = nil) throws -> UInt64 {
        guard let parsed = try optionalQuery(request, name) ?? value else {
            throw LedgerProblem.invalidParameter(name, "is required")
        }
        return parsed
    }

    private static func optionalQuery(_ request: Request, _ name: String) throws -> UInt64? {
        let values = request.uri.queryParameters.getAll(name)
        guard let raw = values.first else { return nil }
        guard values.count == 1 else { throw LedgerProblem.invalidParameter(name, "is given more than once") }
        guard let value = canonicalDecimal(String(raw)) else {
            throw LedgerProblem.invalidParameter(name, "must be a decimal integer without leading zeros")
        }
        return value
    }

    /// A non-negative decimal with no sign, no leading zeros and at most 19 digits (fits in Int64, as tree
    /// sizes on the wire do).
    static func canonicalDecimal(_ text: String) -> UInt64? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            digits.count == 1 || digits[0] != 0x30
        else { return nil }
        return UInt64(text)
    }

    private static func text(_ body: String, cache: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = cache
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private static func json(_ value: some Encodable, cache: String) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = cache
        return Response(
            status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
