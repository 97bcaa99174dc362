import Foundation
import MedCredService
import Testing

/// A fresh directory with a token database, removed when the value goes away.
final class TokenFixture {
    let directory: URL
    var path: String { directory.appendingPathComponent("tokens.sqlite").path }
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_735_689_600) }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func open() throws -> TokenRegistry { try TokenRegistry(databasePath: path, clock: Self.clock) }
}

/// Tokens authenticate by id and secret, scoped; revoked, rotated and forged ones never do.
@Suite struct TokenRegistryTests {
    @Test func createdTokensAuthenticateWithTheirScope() async throws {
        let fixture = try TokenFixture()
        let registry = try fixture.open()
        let (admin, adminInfo) = try await registry.create(scope: .admin, label: "ops")
        let (issuer, issuerInfo) = try await registry.create(scope: .issuer("acme"), label: "acme key")
        #expect(admin.hasPrefix("mc_adm_") && admin.count == 75)
        #expect(issuer.hasPrefix("mc_iss_") && issuer.count == 75)
        #expect(try await registry.authenticate(admin) == Principal(tokenID: adminInfo.id, scope: .admin))
        #expect(
            try await registry.authenticate("Bearer " + issuer)
                == Principal(tokenID: issuerInfo.id, scope: .issuer("acme")))
        #expect(
            issuerInfo.label == "acme key" && issuerInfo.revokedAt == nil
                && issuerInfo.createdAt == TokenFixture.clock())
    }

    @Test func storesOnlyAHashOfTheSecret() async throws {
        let fixture = try TokenFixture()
        let registry = try fixture.open()
        let (token, _) = try await registry.create(scope: .admin, label: "ops")
        try await registry.close()
        let file = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: fixture.path + "-wal"))) ?? Data()
        let secret = Data(token.split(separator: "_", maxSplits: 3)[3].utf8)
        #expect(file.range(of: secret) == nil && wal.range(of: secret) == nil)
    }

    private static let zeroID = String(repeating: "0", count: 24)
    private static let refusedValues: [(String, TokenError)] = [
        ("", .missing), ("Bearer ", .missing), ("   ", .missing),
        ("mc_adm_0123", .malformed), ("Basic dXNlcjpwYXNz", .malformed),
        (String(repeating: "a", count: 5000), .malformed),
        ("mc_xyz_\(zeroID)_\(String(repeating: "A", count: 43))", .malformed),
        ("mc_adm_\(String(repeating: "G", count: 24))_\(String(repeating: "A", count: 43))", .malformed),
        ("mc_adm_\(zeroID)_\(String(repeating: "A", count: 42))=", .malformed),
        ("mc_adm_\(zeroID)_\(String(repeating: "A", count: 42))B", .malformed),
        ("mc_adm_\(zeroID)-\(String(repeating: "A", count: 43))", .malformed),
        ("mc_adm_\(zeroID)_\(String(repeating: "A", count: 43))", .unknown),
    ]

    @Test(arguments: refusedValues)
    func refusesMissingMalformedAndUnknownValues(value: String, expected: TokenError) async throws {
        let fixture = try TokenFixture()
        let registry = try fixture.open()
        await #expect(throws: expected) { try await registry.authenticate(value) }
    }

    @Test func refusesNilAsMissing() async throws {
        let registry = try TokenFixture().open()
        await #expect(throws: TokenError.missing) { try await registry.authenticate(nil) }
    }

    @Test func aWrongSecretOrKindForAKnownIDIsUnknown() async throws {
        let fixture = try TokenFixture()
        let registry = try fixture.open()
        let (token, _) = try await registry.create(scope: .issuer("acme"), label: "")
        var forged = Array(token)
        forged[forged.count - 2] = forged[forged.count - 2] == "A" ? "B" : "A"
        await #expect(throws: TokenError.unknown) { try await registry.authenticate(String(forged)) }
        let asAdmin = token.replacingOccurrences(of: "mc_iss_", with: "mc_adm_")
        await #expect(throws: TokenError.unknown) { try await registry.authenticate(asAdmin) }
    }

    @Test func revokedTokensStayListedButNeverAuthenticate() async throws {
        let fixture = try TokenFixture()
        var registry = try fixture.open()
        let (token, info) = try await registry.create(scope: .issuer("acme"), label: "")
        try await registry.revoke(tokenID: info.id)
        try await registry.revoke(tokenID: info.id)
        await #expect(throws: TokenError.revoked) { try await registry.authenticate(token) }
        await #expect(throws: TokenError.notFound) { try await registry.revoke(tokenID: "000000000000000000000000") }
        try await registry.close()
        registry = try fixture.open()
        await #expect(throws: TokenError.revoked) { try await registry.authenticate(token) }
        let listed = try await registry.tokens(scope: .issuer("acme"))
        #expect(listed.map(\.id) == [info.id] && listed[0].revokedAt == TokenFixture.clock())
    }

    @Test func rotationRevokesEveryLiveTokenOfTheScopeOnly() async throws {
        let fixture = try TokenFixture()
        let registry = try fixture.open()
        let (first, _) = try await registry.create(scope: .issuer("acme"), label: "1")
        let (second, _) = try await registry.create(scope: .issuer("acme"), label: "2")
        let (other, _) = try await registry.create(scope: .issuer("other"), label: "o")
        let (rotated, info) = try await registry.rotate(scope: .issuer("acme"), label: "3")
        for old in [first, second] {
            await #expect(throws: TokenError.revoked) { try await registry.authenticate(old) }
        }
        #expect(try await registry.authenticate(rotated).tokenID == info.id)
        #expect(try await registry.authenticate(other).scope == .issuer("other"))
        let listed = try await registry.tokens(scope: .issuer("acme"))
        #expect(listed.count == 3)
        #expect(listed.filter { $0.revokedAt == nil }.map(\.id) == [info.id])
    }

    @Test func theInitialAdminTokenIsMadeOnlyOnceEvenAfterRevocationAndReopening() async throws {
        let fixture = try TokenFixture()
        var registry = try fixture.open()
        let initial = try #require(try await registry.createInitialAdminTokenIfNeeded())
        #expect(try await registry.createInitialAdminTokenIfNeeded() == nil)
        let principal = try await registry.authenticate(initial)
        #expect(principal.scope == .admin)
        try await registry.close()
        registry = try fixture.open()
        #expect(try await registry.createInitialAdminTokenIfNeeded() == nil)
        #expect(try await registry.authenticate(initial) == principal)
        try await registry.revoke(tokenID: principal.tokenID)
        try await registry.close()
        registry = try fixture.open()
        #expect(try await registry.createInitialAdminTokenIfNeeded() == nil)
    }

    @Test func lastUseIsCoalescedAndFlushed() async throws {
        let fixture = try TokenFixture()
        var registry = try fixture.open()
        let (token, info) = try await registry.create(scope: .admin, label: "")
        #expect(info.lastUsedAt == nil)
        for _ in 0..<1000 { _ = try await registry.authenticate(token) }
        #expect(try await registry.tokens(scope: .admin).first?.lastUsedAt == TokenFixture.clock())
        try await registry.close()
        registry = try fixture.open()
        #expect(try await registry.tokens(scope: .admin).first?.lastUsedAt == TokenFixture.clock())
    }

    @Test func errorCodesAreStable() {
        let errors: [TokenError] = [.missing, .malformed, .unknown, .revoked, .notFound]
        #expect(
            errors.map(\.code) == [
                "token-missing", "token-malformed", "token-unknown", "token-revoked", "token-not-found",
            ])
    }

    @Test func scopesEncodeAsTaggedObjects() throws {
        let encoded = try JSONEncoder().encode([TokenScope.admin, .issuer("acme")])
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""issuerID":"acme""#))
        #expect(try JSONDecoder().decode([TokenScope].self, from: encoded) == [.admin, .issuer("acme")])
    }
}
