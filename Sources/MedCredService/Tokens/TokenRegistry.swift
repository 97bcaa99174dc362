public import Foundation
import MedCredStore

/// The API tokens of one MedCred service (`tokens.sqlite`): creation, bearer authentication, revocation and
/// rotation (issue #5, "Issuers").
///
/// Every token is held in memory (id → scope, secret hash, revocation), loaded when the registry opens and kept
/// in step by every write, so ``authenticate(_:)`` never touches the database: it runs on every issuer request.
/// Last-use times are gathered in memory and written by ``flushUsage()`` (the server calls it on a timer and at
/// shutdown), never once per request. The registry assumes it is the only writer of its file.
public actor TokenRegistry {
    private let store: TokenStore
    private let clock: @Sendable () -> Date
    private var records: [String: TokenRecord]
    private var pendingUsage: [String: Date] = [:]
    private var pendingRevocations: [String: Date] = [:]

    /// Opens (creating if needed) the token database and loads every token.
    /// - Parameters:
    ///   - databasePath: the SQLite file, conventionally `tokens.sqlite` in the data folder.
    ///   - clock: stamps creation, revocation and use.
    /// - Throws: a storage error.
    public init(databasePath: String, clock: @escaping @Sendable () -> Date) throws {
        store = try TokenStore(path: databasePath)
        self.clock = clock
        records = Dictionary(try store.allRecords().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Creates a token and returns its text once; only a hash of its secret is stored.
    /// - Returns: the token text `mc_<adm|iss>_<id>_<secret>` and its description.
    /// - Throws: a storage error.
    public func create(scope: TokenScope, label: String) async throws -> (token: String, info: TokenInfo) {
        try await make(scope: scope, label: label, rotating: false)
    }

    /// Creates the first admin token when no admin token was ever made; returns `nil` otherwise.
    ///
    /// A revoked admin token counts: revoking every admin token and restarting must not mint a new one.
    /// - Throws: a storage error.
    public func createInitialAdminTokenIfNeeded() async throws -> String? {
        guard !records.values.contains(where: { $0.scope == TokenScope.admin.storageKey }) else { return nil }
        return try await make(scope: .admin, label: "initial admin token", rotating: false).token
    }

    /// Authenticates an `Authorization: Bearer` value (the token, or `Bearer <token>`).
    /// - Returns: the token's id and scope.
    /// - Throws: ``TokenError/missing``, ``TokenError/malformed``, ``TokenError/unknown`` (no such id, or the
    ///   secret or kind does not match it) or ``TokenError/revoked``.
    public func authenticate(_ bearer: String?) async throws(TokenError) -> Principal {
        let token = try BearerToken.parse(bearer)
        guard let record = records[token.id], let scope = TokenScope(storageKey: record.scope) else {
            throw .unknown
        }
        guard BearerToken.constantTimeEquals(token.secretHash, record.secretHash), scope.kind == token.kind else {
            throw .unknown
        }
        guard !record.isRevoked else { throw .revoked }
        pendingUsage[record.id] = clock()
        return Principal(tokenID: record.id, scope: scope)
    }

    /// Revokes the token `tokenID`; revoking a revoked token keeps its first revocation time.
    ///
    /// The token stops authenticating at once. If the database cannot be written, the revocation is kept in
    /// memory and written again by every later write and by ``flushUsage()``, which throws until it succeeds.
    /// - Throws: ``TokenError/notFound``.
    public func revoke(tokenID: String) async throws(TokenError) {
        guard var record = records[tokenID] else { throw .notFound }
        guard record.revokedAt == nil else { return }
        let now = clock()
        record.revokedAt = now
        records[tokenID] = record
        pendingRevocations[tokenID] = now
        try? await writePendingRevocations()
    }

    /// Writes revocations that could not be written when they were made.
    private func writePendingRevocations() async throws {
        for (id, date) in pendingRevocations.sorted(by: { $0.key < $1.key }) {
            _ = try await store.revoke(id: id, at: date)
            pendingRevocations[id] = nil
        }
    }

    /// Revokes every live token of `scope` and creates a new one, in one transaction.
    /// - Returns: the new token text, shown once, and its description.
    /// - Throws: a storage error; then nothing changed.
    public func rotate(scope: TokenScope, label: String) async throws -> (token: String, info: TokenInfo) {
        try await make(scope: scope, label: label, rotating: true)
    }

    /// Every token of `scope`, live and revoked, oldest first.
    public func tokens(scope: TokenScope) async throws -> [TokenInfo] {
        records.values.filter { $0.scope == scope.storageKey }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            .map { info($0, scope: scope) }
    }

    /// Writes the gathered last-use times in one transaction, and any revocation not yet written.
    /// - Throws: a storage error; what was not written is kept for the next flush.
    public func flushUsage() async throws {
        try await writePendingRevocations()
        let usage = pendingUsage
        guard !usage.isEmpty else { return }
        pendingUsage = [:]
        do {
            try await store.recordUsage(usage)
        } catch {
            pendingUsage.merge(usage) { newer, _ in newer }
            throw error
        }
        for (id, date) in usage {
            guard var record = records[id] else { continue }
            record.lastUsedAt = max(record.lastUsedAt ?? date, date)
            records[id] = record
        }
    }

    /// Flushes usage and closes the database.
    public func close() async throws {
        try await flushUsage()
        try store.close()
    }

    private func make(scope: TokenScope, label: String, rotating: Bool) async throws -> (
        token: String, info: TokenInfo
    ) {
        try await writePendingRevocations()
        let token = BearerToken.generate(kind: scope.kind)
        let now = clock()
        let record = TokenRecord(
            id: token.id, scope: scope.storageKey, label: label, secretHash: token.secretHash, createdAt: now)
        let revoked = try await store.insert(record, revokingLiveTokensOfScope: rotating)
        for id in revoked { records[id]?.revokedAt = now }
        records[record.id] = record
        return (token.text, info(record, scope: scope))
    }

    private func info(_ record: TokenRecord, scope: TokenScope) -> TokenInfo {
        let pending = pendingUsage[record.id]
        let lastUsed = [record.lastUsedAt, pending].compactMap { $0 }.max()
        return TokenInfo(
            id: record.id, scope: scope, label: record.label, createdAt: record.createdAt,
            revokedAt: record.revokedAt, lastUsedAt: lastUsed)
    }
}
