import MedCredCore
import MedCredCrypto
import MedCredStore

/// The audit log's hashing rules, in one place so recording and verifying cannot disagree.
enum AuditChain {
    /// The `previousHash` of the first entry.
    static let genesisHash = String(repeating: "0", count: 64)

    /// `hex(SHA-256(JCS({sequence, time, event, previousHash})))` (RFC 8785).
    static func hash(sequence: UInt64, time: String, event: AuditEvent, previousHash: String) -> String {
        let value = JSONValue.object(
            JSONObject([
                ("sequence", .number(Double(sequence))),
                ("time", .string(time)),
                ("event", eventJSON(event)),
                ("previousHash", .string(previousHash)),
            ]))
        return hex(SHA256.hash(JCS.canonicalize(value)))
    }

    /// The event as JSON; `subject` is left out when there is none.
    static func eventJSON(_ event: AuditEvent) -> JSONValue {
        var members: [(String, JSONValue)] = [("action", .string(event.action)), ("actor", .string(event.actor))]
        if let subject = event.subject { members.append(("subject", .string(subject))) }
        members.append(("details", detailsJSON(event.details)))
        return .object(JSONObject(members))
    }

    static func detailsJSON(_ details: [String: String]) -> JSONValue {
        .object(JSONObject(details.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
    }

    /// The ledger leaf that anchors the chain head: JCS of `{"type":"MedCredAuditAnchor","sequence":…,"hash":…}`.
    static func anchorLeaf(sequence: UInt64, hash: String) -> [UInt8] {
        JCS.canonicalize(
            .object(
                JSONObject([
                    ("type", .string("MedCredAuditAnchor")), ("sequence", .number(Double(sequence))),
                    ("hash", .string(hash)),
                ])))
    }

    /// The stored row of an entry.
    static func record(_ entry: AuditEntry) -> AuditRecord {
        AuditRecord(
            sequence: entry.sequence, time: entry.time, action: entry.event.action, actor: entry.event.actor,
            subject: entry.event.subject,
            details: String(decoding: JCS.canonicalize(detailsJSON(entry.event.details)), as: UTF8.self),
            previousHash: entry.previousHash, hash: entry.hash, ledgerIndex: entry.ledgerIndex)
    }

    /// The entry a stored row holds, or `nil` when its details are not a JSON object of strings.
    static func entry(_ record: AuditRecord) -> AuditEntry? {
        guard let object = (try? JSONValue(parsing: record.details))?.objectValue else { return nil }
        var details: [String: String] = [:]
        for (name, value) in object {
            guard let text = value.stringValue, details[name] == nil else { return nil }
            details[name] = text
        }
        return AuditEntry(
            sequence: record.sequence, time: record.time,
            event: AuditEvent(action: record.action, actor: record.actor, subject: record.subject, details: details),
            previousHash: record.previousHash, hash: record.hash, ledgerIndex: record.ledgerIndex)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
