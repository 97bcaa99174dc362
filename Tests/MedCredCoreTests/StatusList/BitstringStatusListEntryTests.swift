import MedCredCore
import MedCredTestSupport
import Testing

/// ``BitstringStatusListEntry``: the spec's example entries parse, and malformed ones are refused with the
/// member named (W3C Bitstring Status List v1.0 §2.1).
@Suite struct BitstringStatusListEntryTests {
    static let exampleFiles = [
        "example-simple-entries-credential.json", "appendix-revocable-vc.json",
        "appendix-multiple-status-lists-vc.json", "appendix-multiple-entries-single-list-vc.json",
    ]

    static func valid() -> JSONObject {
        [
            "id": "https://example.com/credentials/status/3#94567", "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation", "statusListIndex": "94567",
            "statusListCredential": "https://example.com/credentials/status/3",
        ]
    }

    static func parse(_ edit: (inout JSONObject) -> Void) throws(BitstringStatusListEntryError)
        -> BitstringStatusListEntry
    {
        var object = valid()
        edit(&object)
        return try BitstringStatusListEntry(parsing: object)
    }

    @Test(arguments: exampleFiles)
    func parsesTheSpecExampleEntries(_ file: String) throws {
        let json = try JSONValue(parsing: Array(try Vectors.data("bitstring-status-list/" + file)))
        let entries = BitstringStatusListEntry.entries(of: VerifiableCredential(json: json))
        #expect(!entries.isEmpty)
        for (pointer, result) in entries {
            let entry = try result.get()
            #expect(pointer.hasPrefix("/credentialStatus"))
            #expect(entry.statusListCredential.hasPrefix("https://example.com/credentials/status/"))
            #expect(entry.statusSize == 1)
        }
    }

    @Test func readsEveryMemberOfTheSimpleExample() throws {
        let json = try JSONValue(
            parsing: Array(try Vectors.data("bitstring-status-list/example-simple-entries-credential.json")))
        let entries = try BitstringStatusListEntry.entries(of: VerifiableCredential(json: json)).map {
            ($0.pointer, try $0.entry.get())
        }
        #expect(entries.map(\.0) == ["/credentialStatus/0", "/credentialStatus/1"])
        #expect(entries.map(\.1.statusPurpose) == [.revocation, .suspension])
        #expect(entries.map(\.1.statusListIndex) == [94_567, 23_452])
        #expect(entries[1].1.id == "https://example.com/credentials/status/4#23452")
    }

    @Test func aSingleObjectHasThePointerCredentialStatus() throws {
        let json = try JSONValue(parsing: Array(try Vectors.data("bitstring-status-list/appendix-revocable-vc.json")))
        #expect(
            BitstringStatusListEntry.entries(of: VerifiableCredential(json: json)).map(\.pointer) == [
                "/credentialStatus"
            ])
    }

    @Test func skipsEntriesOfOtherTypes() {
        var other = Self.valid()
        other["type"] = "StatusList2021Entry"
        let credential = VerifiableCredential(json: ["credentialStatus": [.object(other), .object(Self.valid())]])
        #expect(BitstringStatusListEntry.entries(of: credential).map(\.pointer) == ["/credentialStatus/1"])
        #expect(throws: BitstringStatusListEntryError.notABitstringStatusListEntry) {
            try BitstringStatusListEntry(parsing: other)
        }
    }

    @Test func parsesAMultiBitEntryWithItsMessages() throws {
        let entry = try Self.parse {
            $0["statusPurpose"] = "message"
            $0["statusSize"] = 2
            $0["statusMessage"] = .array(
                (0..<4).map { ["status": .string("0x\($0)"), "message": .string("m\($0)")] })
        }
        #expect(entry.statusSize == 2)
        #expect(entry.statusMessage.map(\.message) == ["m0", "m1", "m2", "m3"])
    }

    @Test(arguments: ["94567a", "-1", "+1", "1.0", " 1", "", "0x10", "١٢", "9999999999999999"])
    func rejectsAStatusListIndexThatIsNotDigits(_ index: String) {
        #expect(throws: BitstringStatusListEntryError.invalidStatusListIndex(index)) {
            try Self.parse { $0["statusListIndex"] = .string(index) }
        }
    }

    @Test func rejectsANumericStatusListIndex() {
        #expect(throws: BitstringStatusListEntryError.malformed("statusListIndex")) {
            try Self.parse { $0["statusListIndex"] = 94_567 }
        }
    }

    @Test(arguments: ["statusPurpose", "statusListIndex", "statusListCredential"])
    func rejectsAMissingMember(_ member: String) {
        #expect(throws: BitstringStatusListEntryError.missing(member)) {
            try Self.parse { $0[member] = nil }
        }
    }

    @Test func rejectsAnUnknownPurpose() {
        #expect(throws: BitstringStatusListEntryError.unknownStatusPurpose("Revocation")) {
            try Self.parse { $0["statusPurpose"] = "Revocation" }
        }
    }

    @Test func rejectsAStatusListCredentialThatIsNotAURL() {
        #expect(throws: BitstringStatusListEntryError.malformed("statusListCredential")) {
            try Self.parse { $0["statusListCredential"] = "status list 3" }
        }
    }

    @Test(arguments: [JSONValue.number(0), .number(9), .number(1.5), .string("1")])
    func rejectsABadStatusSize(_ size: JSONValue) {
        #expect(throws: BitstringStatusListEntryError.malformed("statusSize")) {
            try Self.parse { $0["statusSize"] = size }
        }
    }

    @Test func requiresEveryMessageForAMultiBitStatus() {
        #expect(throws: BitstringStatusListEntryError.missing("statusMessage")) {
            try Self.parse { $0["statusSize"] = 2 }
        }
        #expect(throws: BitstringStatusListEntryError.statusMessageCount(expected: 4, actual: 1)) {
            try Self.parse {
                $0["statusSize"] = 2
                $0["statusMessage"] = [["status": "0x0", "message": "ok"]]
            }
        }
    }
}
