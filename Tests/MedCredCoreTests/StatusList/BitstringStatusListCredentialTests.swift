import MedCredCore
import MedCredTestSupport
import Testing

/// ``BitstringStatusListCredential``: building the unsigned credential and answering for an entry (W3C
/// Bitstring Status List v1.0 §2.1, §3.2).
@Suite struct BitstringStatusListCredentialTests {
    static let listURL = "https://board.example/status/1"

    static func credential(_ list: BitstringStatusList, purpose: StatusPurpose = .revocation, ttl: Int? = nil)
        throws -> BitstringStatusListCredential
    {
        let json = BitstringStatusListCredential.draft(
            id: listURL, issuer: "did:example:board", statusPurpose: purpose,
            encodedList: try list.encodedList(compress: FramedCompression.compress),
            validFrom: "2025-01-01T00:00:00Z", ttl: ttl)
        return try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
    }

    static func entry(_ index: Int, purpose: String = "revocation") throws -> BitstringStatusListEntry {
        try BitstringStatusListEntry(parsing: [
            "type": "BitstringStatusListEntry", "statusPurpose": .string(purpose),
            "statusListIndex": .string(String(index)), "statusListCredential": .string(listURL),
        ])
    }

    @Test func buildsTheSpecShape() throws {
        let json = BitstringStatusListCredential.draft(
            id: Self.listURL, issuer: "did:example:board", statusPurpose: .suspension, encodedList: "uAAAA",
            validFrom: "2025-01-01T00:00:00Z", ttl: 300_000)
        #expect(json["type"] == ["VerifiableCredential", "BitstringStatusListCredential"])
        #expect(json["@context"] == ["https://www.w3.org/ns/credentials/v2"])
        #expect(
            json["credentialSubject"] == [
                "id": "https://board.example/status/1#list", "type": "BitstringStatusList",
                "statusPurpose": "suspension", "encodedList": "uAAAA", "ttl": 300_000,
            ])
        #expect(json["validUntil"] == nil)
        let parsed = try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
        #expect(parsed.statusPurposes == [.suspension])
        #expect(parsed.ttl == 300_000)
        #expect(parsed.issuerID == "did:example:board")
    }

    @Test func readsTheSpecExampleCredential() throws {
        let json = try JSONValue(
            parsing: Array(try Vectors.data("bitstring-status-list/example-bitstring-status-list-credential.json")))
        let credential = try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
        #expect(credential.statusPurposes == [.revocation])
        #expect(credential.encodedList.hasPrefix("uH4sI"))
        #expect(credential.issuerID == "did:example:12345")
    }

    @Test func answersForAnEntry() throws {
        var list = try BitstringStatusList()
        list[42] = true
        let credential = try Self.credential(list)
        #expect(try credential.status(of: try Self.entry(42), decompress: FramedCompression.decompress) == 1)
        #expect(try credential.status(of: try Self.entry(41), decompress: FramedCompression.decompress) == 0)
        #expect(try credential.status(of: try Self.entry(43), decompress: FramedCompression.decompress) == 0)
    }

    @Test func rejectsAPurposeMismatch() throws {
        let credential = try Self.credential(try BitstringStatusList(), purpose: .revocation)
        let error = BitstringStatusListCredentialError.purposeMismatch(entry: .suspension, list: [.revocation])
        #expect(throws: error) {
            try credential.status(
                of: try Self.entry(1, purpose: "suspension"), decompress: FramedCompression.decompress)
        }
        #expect(error.problemType == .statusVerification)
    }

    @Test func acceptsAnArrayOfPurposes() throws {
        var json = BitstringStatusListCredential.draft(
            id: Self.listURL, issuer: "did:example:board", statusPurpose: .revocation,
            encodedList: try BitstringStatusList().encodedList(compress: FramedCompression.compress),
            validFrom: "2025-01-01T00:00:00Z")
        var subject = try #require(json["credentialSubject"]?.objectValue)
        subject["statusPurpose"] = ["revocation", "suspension"]
        json.setMember("credentialSubject", .object(subject))
        let credential = try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
        #expect(credential.statusPurposes == [.revocation, .suspension])
        #expect(
            try credential.status(
                of: try Self.entry(5, purpose: "suspension"), decompress: FramedCompression.decompress)
                == 0)
    }

    @Test func anIndexOutsideTheListIsARangeError() throws {
        let credential = try Self.credential(try BitstringStatusList())
        let error = BitstringStatusListCredentialError.list(.indexOutOfRange(index: 131_072, count: 131_072))
        #expect(throws: error) {
            try credential.status(of: try Self.entry(131_072), decompress: FramedCompression.decompress)
        }
        #expect(error.problemType == .range)
    }

    @Test func aShortListIsALengthError() throws {
        let json = BitstringStatusListCredential.draft(
            id: Self.listURL, issuer: "did:example:board", statusPurpose: .revocation,
            encodedList: Multibase.encode([0x1f] + [UInt8](repeating: 0, count: 1024), as: .base64url),
            validFrom: "2025-01-01T00:00:00Z")
        let credential = try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
        let error = BitstringStatusListCredentialError.list(.listTooShort(entries: 8192, minimum: 131_072))
        #expect(throws: error) {
            try credential.status(of: try Self.entry(0), decompress: FramedCompression.decompress)
        }
        #expect(error.problemType == .statusListLength)
    }

    @Test(arguments: [
        ("/type", JSONValue.array(["VerifiableCredential"])),
        ("/credentialSubject/type", "StatusList2021"),
        ("/credentialSubject/encodedList", 5),
        ("/credentialSubject/statusPurpose", "revoked"),
        ("/credentialSubject/statusPurpose", .array([])),
        ("/credentialSubject/ttl", -1),
        ("/issuer", 7),
    ])
    func rejectsAMalformedCredential(_ path: String, _ value: JSONValue) throws {
        var json = BitstringStatusListCredential.draft(
            id: Self.listURL, issuer: "did:example:board", statusPurpose: .revocation, encodedList: "uAAAA",
            validFrom: "2025-01-01T00:00:00Z")
        let parts = path.split(separator: "/").map(String.init)
        if parts.count == 1 {
            json.setMember(parts[0], value)
        } else {
            var subject = try #require(json[parts[0]]?.objectValue)
            subject[parts[1]] = value
            json.setMember(parts[0], .object(subject))
        }
        let expected: BitstringStatusListCredentialError =
            path == "/type" ? .notAStatusListCredential : .malformed(path)
        #expect(throws: expected) {
            try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
        }
    }
}
