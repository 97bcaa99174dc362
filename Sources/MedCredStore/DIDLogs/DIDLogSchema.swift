import GRDB

/// The DID log tables: `did_log_entry` holds each hosted DID's `did.jsonl` lines, keyed by SCID and version
/// number, with the ledger leaf index of each; `did_witness` holds the current `did-witness.json`.
enum DIDLogSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-did-logs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE did_log_entry (
                        scid TEXT NOT NULL,
                        version_number INTEGER NOT NULL CHECK (version_number >= 1),
                        version_id TEXT NOT NULL,
                        line TEXT NOT NULL,
                        ledger_index INTEGER CHECK (ledger_index >= 0),
                        PRIMARY KEY (scid, version_number)
                    ) WITHOUT ROWID;
                    CREATE UNIQUE INDEX did_log_entry_by_version_id ON did_log_entry (scid, version_id);
                    CREATE TABLE did_witness (
                        scid TEXT PRIMARY KEY NOT NULL,
                        witness TEXT NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }

    static func records(_ db: Database, scid: String) throws -> [DIDLogRecord] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT scid, version_number, version_id, line, ledger_index FROM did_log_entry
                    WHERE scid = ? ORDER BY version_number
                    """),
            arguments: [scid]
        ).map { row in
            let index: Int64? = row[4]
            return DIDLogRecord(
                scid: row[0], versionNumber: row[1], versionId: row[2], line: row[3],
                ledgerIndex: index.map { UInt64($0) })
        }
    }

    static func count(_ db: Database, scid: String) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT COUNT(*) FROM did_log_entry WHERE scid = ?"), arguments: [scid]) ?? 0
    }

    static func insert(_ db: Database, _ record: DIDLogRecord) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO did_log_entry (scid, version_number, version_id, line, ledger_index)
                VALUES (?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.scid, record.versionNumber, record.versionId, record.line, record.ledgerIndex.map { Int64($0) },
        ])
    }

    static func witness(_ db: Database, scid: String) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT witness FROM did_witness WHERE scid = ?"), arguments: [scid])
    }

    static func setWitness(_ db: Database, scid: String, text: String?) throws {
        if let text {
            try db.cachedStatement(
                sql:
                    "INSERT INTO did_witness (scid, witness) VALUES (?, ?) ON CONFLICT (scid) DO UPDATE SET witness = ?"
            ).execute(arguments: [scid, text, text])
        } else {
            try db.cachedStatement(sql: "DELETE FROM did_witness WHERE scid = ?").execute(arguments: [scid])
        }
    }
}
