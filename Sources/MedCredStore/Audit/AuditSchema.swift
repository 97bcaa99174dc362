import GRDB

/// The `audit_entry` table: the hash-chained audit log, one row per event, keyed by sequence.
enum AuditSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-audit-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_entry (
                        sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
                        time TEXT NOT NULL,
                        action TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        subject TEXT,
                        details TEXT NOT NULL,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        ledger_index INTEGER CHECK (ledger_index >= 0)
                    );
                    CREATE INDEX audit_entry_anchored ON audit_entry (sequence) WHERE ledger_index IS NOT NULL;
                    """)
        }
        return migrator
    }

    static let columns =
        "sequence, time, action, actor, subject, details, previous_hash, hash, ledger_index"

    static func record(from row: Row) -> AuditRecord {
        let sequence: Int64 = row[0]
        let index: Int64? = row[8]
        return AuditRecord(
            sequence: UInt64(max(0, sequence)), time: row[1], action: row[2], actor: row[3], subject: row[4],
            details: row[5], previousHash: row[6], hash: row[7], ledgerIndex: index.map { UInt64(max(0, $0)) })
    }

    static func head(_ db: Database) throws -> AuditRecord? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM audit_entry ORDER BY sequence DESC LIMIT 1")
            .map(record(from:))
    }

    static func latestAnchored(_ db: Database) throws -> AuditRecord? {
        try Row.fetchOne(
            db,
            sql: "SELECT \(columns) FROM audit_entry WHERE ledger_index IS NOT NULL ORDER BY sequence DESC LIMIT 1"
        ).map(record(from:))
    }

    static func records(_ db: Database, after sequence: UInt64, limit: Int) throws -> [AuditRecord] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(columns) FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?"),
            arguments: [Int64(clamping: sequence), limit]
        ).map(record(from:))
    }

    static func insert(_ db: Database, _ record: AuditRecord) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO audit_entry (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            Int64(clamping: record.sequence), record.time, record.action, record.actor, record.subject,
            record.details, record.previousHash, record.hash, record.ledgerIndex.map { Int64(clamping: $0) },
        ])
    }
}
