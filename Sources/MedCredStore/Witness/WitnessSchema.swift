import Foundation
import GRDB
import MedCredLedger

/// The `witness_log` table: one row per log, the latest checkpoint the witness cosigned.
///
/// Size and root are kept next to the note so a damaged row is caught on read (they must agree).
enum WitnessSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-witness") { db in
            try db.execute(
                sql: """
                    CREATE TABLE witness_log (
                        origin TEXT PRIMARY KEY NOT NULL,
                        origin_hash BLOB NOT NULL UNIQUE CHECK (length(origin_hash) = 32),
                        size INTEGER NOT NULL,
                        root BLOB NOT NULL CHECK (length(root) = 32),
                        note TEXT NOT NULL
                    );
                    """)
        }
        return migrator
    }

    static func record(_ db: Database, origin: String) throws -> WitnessRecord? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT origin, size, root, note FROM witness_log WHERE origin = ?"),
            arguments: [origin])
        return try row.map(record(from:))
    }

    static func record(_ db: Database, originHash: [UInt8]) throws -> WitnessRecord? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT origin, size, root, note FROM witness_log WHERE origin_hash = ?"),
            arguments: [Data(originHash)])
        return try row.map(record(from:))
    }

    static func upsert(_ db: Database, _ record: WitnessRecord) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO witness_log (origin, origin_hash, size, root, note) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root = excluded.root, note = excluded.note
                """
        ).execute(arguments: [
            record.origin, Data(record.originHash), Int64(bitPattern: record.checkpoint.treeSize),
            Data(record.checkpoint.rootHash), record.note.formatted,
        ])
    }

    private static func record(from row: Row) throws -> WitnessRecord {
        let origin: String = row[0]
        let size: Int64 = row[1]
        let root: Data = row[2]
        let text: String = row[3]
        guard let note = try? SignedNote(parsing: text), let record = try? WitnessRecord(note: note),
            record.origin == origin, record.checkpoint.treeSize == UInt64(bitPattern: size),
            record.checkpoint.rootHash == [UInt8](root)
        else { throw WitnessStoreError.recordInvalid(origin: origin) }
        return record
    }
}
