import MedCredCore
import MedCredCrypto
import MedCredLedger
import Testing

/// Accreditation entries signed by a trust root, withdrawn by later entries, and the registry's answers.
@Suite struct AccreditationRegistryTests {
    private let rootKey: Ed25519.PrivateKey
    private let otherRootKey: Ed25519.PrivateKey
    private let board: DID
    private let root: DID

    init() throws {
        rootKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 0xA1, count: 32))
        otherRootKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 0xB2, count: 32))
        board = DIDKey(privateKey: try Ed25519.PrivateKey(seed: [UInt8](repeating: 0xC3, count: 32))).did
        root = DIDKey(privateKey: rootKey).did
    }

    private func time(_ text: String) throws -> XSDDateTime { try XSDDateTime(parsing: text) }

    private func accredit(
        id: String = "urn:uuid:acc-1", types: [String] = ["MedicalLicenseCredential"], jurisdiction: String = "US-CA",
        from: String = "2026-01-01T00:00:00Z", until: String? = "2031-01-01T00:00:00Z",
        by key: Ed25519.PrivateKey? = nil
    ) throws -> JSONValue {
        try Accreditation.sign(
            id: id, issuer: board, credentialTypes: types, jurisdiction: jurisdiction, validFrom: time(from),
            validUntil: until.map(time), signer: Ed25519Signer(didKey: key ?? rootKey),
            created: time("2026-01-01T00:00:00Z")
        ).json
    }

    private func withdraw(_ id: String, at: String, by key: Ed25519.PrivateKey? = nil) throws -> JSONValue {
        try AccreditationWithdrawal.sign(
            accreditation: id, withdrawnAt: time(at), signer: Ed25519Signer(didKey: key ?? rootKey),
            created: time(at)
        ).json
    }

    private func ask(
        _ entries: [JSONValue], type: String = "MedicalLicenseCredential", jurisdiction: String = "US-CA",
        at: String = "2027-06-01T00:00:00Z", roots: Set<DID>? = nil
    ) async throws -> AccreditationRegistry.Answer {
        let registry = AccreditationRegistry(trustRoots: roots ?? [root], resolver: DIDKeyResolver())
        let ledger = entries.enumerated().map {
            AccreditationRegistry.Entry(index: UInt64($0.offset), json: $0.element)
        }
        return try await registry.check(
            issuer: board, credentialType: type, jurisdiction: jurisdiction, at: time(at), entries: ledger)
    }

    @Test func answersYesWithTheAccreditationAsEvidence() async throws {
        let answer = try await ask([accredit()])
        #expect(answer.isAccredited)
        #expect(answer.accreditation?.index == 0)
        #expect(answer.reason == nil)
    }

    @Test func aCountryAccreditationCoversItsSubdivisions() async throws {
        #expect(try await ask([accredit(jurisdiction: "US")], jurisdiction: "US-NY").isAccredited)
        #expect(try await !ask([accredit(jurisdiction: "US-CA")], jurisdiction: "US-NY").isAccredited)
        #expect(try await !ask([accredit(jurisdiction: "US-CA")], jurisdiction: "US").isAccredited)
        #expect(try await !ask([accredit(jurisdiction: "CA")], jurisdiction: "US-CA").isAccredited)
    }

    @Test func answersNoForAnotherCredentialType() async throws {
        let answer = try await ask([accredit()], type: "PatientIdentityCredential")
        #expect(!answer.isAccredited)
        #expect(answer.reason?.contains("PatientIdentityCredential") == true)
    }

    @Test func answersNoOutsideThePeriod() async throws {
        #expect(try await !ask([accredit()], at: "2025-12-31T23:59:59Z").isAccredited)
        #expect(try await !ask([accredit()], at: "2031-01-01T00:00:00Z").isAccredited)
        #expect(try await ask([accredit()], at: "2026-01-01T00:00:00Z").isAccredited)
        #expect(try await ask([accredit(until: nil)], at: "2099-01-01T00:00:00Z").isAccredited)
    }

    @Test func aWithdrawalEndsTheAccreditationFromItsDate() async throws {
        let entries = [try accredit(), try withdraw("urn:uuid:acc-1", at: "2027-01-01T00:00:00Z")]
        let after = try await ask(entries, at: "2027-06-01T00:00:00Z")
        #expect(!after.isAccredited)
        #expect(after.withdrawals.map(\.index) == [1])
        #expect(after.reason == "the accreditation was withdrawn")
        // A credential issued before the withdrawal was issued by an accredited board.
        #expect(try await ask(entries, at: "2026-06-01T00:00:00Z").isAccredited)
    }

    @Test func aWithdrawalByAnotherRootDoesNotCount() async throws {
        let entries = [try accredit(), try withdraw("urn:uuid:acc-1", at: "2027-01-01T00:00:00Z", by: otherRootKey)]
        let roots: Set<DID> = [root, DIDKey(privateKey: otherRootKey).did]
        #expect(try await ask(entries, roots: roots).isAccredited)
    }

    @Test func anAccreditationByAnUntrustedRootDoesNotCount() async throws {
        let answer = try await ask([accredit(by: otherRootKey)])
        #expect(!answer.isAccredited)
    }

    @Test func aTamperedAccreditationDoesNotCount() async throws {
        var entry = try accredit(jurisdiction: "US-CA")
        entry.setMember("jurisdiction", "US")
        #expect(try await !ask([entry], jurisdiction: "US-NY").isAccredited)
        var widened = try accredit()
        widened.setMember("credentialTypes", ["MedicalLicenseCredential", "PatientIdentityCredential"])
        #expect(try await !ask([widened], type: "PatientIdentityCredential").isAccredited)
    }

    @Test func aProofByTheIssuerItselfDoesNotCount() async throws {
        // The board signs its own accreditation claiming the root as trustRoot.
        var entry = try accredit(by: try Ed25519.PrivateKey(seed: [UInt8](repeating: 0xC3, count: 32)))
        entry.setMember("trustRoot", .string(root.description))
        #expect(try await !ask([entry]).isAccredited)
    }

    @Test func ignoresOtherEntries() async throws {
        let answer = try await ask([["type": "DIDLogEntry"], .null, try accredit(id: "urn:uuid:acc-2")])
        #expect(answer.isAccredited)
        #expect(answer.accreditation?.index == 2)
    }

    @Test(arguments: [
        ("type", JSONValue.string("Other"), "/type"),
        ("id", JSONValue.string("no-colon"), "/id"),
        ("trustRoot", JSONValue.string("not a did"), "/trustRoot"),
        ("issuer", JSONValue.number(1), "/issuer"),
        ("credentialTypes", JSONValue.array([]), "/credentialTypes"),
        ("credentialTypes", JSONValue.array([1]), "/credentialTypes"),
        ("jurisdiction", JSONValue.string("California"), "/jurisdiction"),
        ("jurisdiction", JSONValue.string("us-ca"), "/jurisdiction"),
        ("validFrom", JSONValue.string("2026-01-01"), "/validFrom"),
        ("validUntil", JSONValue.string("2025-01-01T00:00:00Z"), "/validUntil"),
        ("proof", JSONValue.null, "/proof"),
    ])
    func rejectsMalformedAccreditations(member: String, value: JSONValue, pointer: String) throws {
        var entry = try accredit()
        if value.isNull { entry = entry.removingMember(member) } else { entry.setMember(member, value) }
        #expect(throws: AccreditationError.malformed(pointer: pointer)) { try Accreditation(json: entry) }
    }

    @Test(arguments: [
        ("type", JSONValue.string("Other"), "/type"),
        ("accreditation", JSONValue.string(""), "/accreditation"),
        ("trustRoot", JSONValue.string("x"), "/trustRoot"),
        ("withdrawnAt", JSONValue.string("soon"), "/withdrawnAt"),
    ])
    func rejectsMalformedWithdrawals(member: String, value: JSONValue, pointer: String) throws {
        var entry = try withdraw("urn:uuid:acc-1", at: "2027-01-01T00:00:00Z")
        entry.setMember(member, value)
        #expect(throws: AccreditationError.malformed(pointer: pointer)) { try AccreditationWithdrawal(json: entry) }
    }
}
