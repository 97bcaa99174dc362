import Foundation
import GRDB
import MedCredCore

/// The credential tables: `credential` holds one row per issued credential (its status indices are unique
/// per list, so an index is never handed out twice); `status_list` holds each list's change counter and
/// its last signed publication.
enum CredentialStoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-credentials") { db in
            try db.execute(
                sql: """
                    CREATE TABLE credential (
                        id TEXT PRIMARY KEY NOT NULL,
                        issuer_id TEXT NOT NULL,
                        types TEXT NOT NULL,
                        subject_id TEXT,
                        revocation_list_id TEXT NOT NULL,
                        revocation_index INTEGER NOT NULL CHECK (revocation_index >= 0),
                        suspension_list_id TEXT NOT NULL,
                        suspension_index INTEGER NOT NULL CHECK (suspension_index >= 0),
                        sha256 TEXT NOT NULL,
                        valid_from TEXT,
                        valid_until TEXT,
                        issued_at REAL NOT NULL,
                        format TEXT NOT NULL,
                        revoked INTEGER NOT NULL DEFAULT 0,
                        suspended INTEGER NOT NULL DEFAULT 0,
                        body TEXT
                    );
                    CREATE UNIQUE INDEX credential_by_revocation ON credential (revocation_list_id, revocation_index);
                    CREATE UNIQUE INDEX credential_by_suspension ON credential (suspension_list_id, suspension_index);
                    CREATE INDEX credential_by_issuer ON credential (issuer_id, id);
                    CREATE TABLE status_list (
                        list_id TEXT PRIMARY KEY NOT NULL,
                        version INTEGER NOT NULL DEFAULT 0,
                        signed_version INTEGER,
                        signed_json BLOB,
                        etag TEXT,
                        signed_at REAL
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }

    static let columns = """
        id, issuer_id, types, subject_id, revocation_list_id, revocation_index, suspension_list_id,
        suspension_index, sha256, valid_from, valid_until, issued_at, format, revoked, suspended, body
        """

    static func insert(_ db: Database, _ record: StoredCredential) throws {
        let types = JSONValue.array(record.types.map(JSONValue.string)).serialized()
        try db.cachedStatement(
            sql: "INSERT INTO credential (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            record.id, record.issuerID, types, record.subjectID, record.revocationListID, record.revocationIndex,
            record.suspensionListID, record.suspensionIndex, record.sha256, record.validFrom, record.validUntil,
            record.issuedAt.timeIntervalSince1970, record.format, record.revoked, record.suspended, record.body,
        ])
    }

    static func record(_ row: Row) -> StoredCredential {
        let typesText: String = row[2]
        let types = (try? JSONValue(parsing: typesText))?.arrayValue?.compactMap(\.stringValue) ?? []
        let issuedAt: Double = row[11]
        return StoredCredential(
            id: row[0], issuerID: row[1], types: types, subjectID: row[3], revocationListID: row[4],
            revocationIndex: row[5], suspensionListID: row[6], suspensionIndex: row[7], sha256: row[8],
            validFrom: row[9], validUntil: row[10], issuedAt: Date(timeIntervalSince1970: issuedAt), format: row[12],
            revoked: row[13], suspended: row[14], body: row[15])
    }

    static func credential(_ db: Database, id: String) throws -> StoredCredential? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM credential WHERE id = ?"), arguments: [id])
            .map(record)
    }

    static func listColumns(revocation: Bool) -> (list: String, index: String, flag: String) {
        revocation
            ? ("revocation_list_id", "revocation_index", "revoked")
            : ("suspension_list_id", "suspension_index", "suspended")
    }

    /// Bumps a list's change counter, creating its row on the first change.
    static func bumpVersion(_ db: Database, listID: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO status_list (list_id, version) VALUES (?, 1)
                ON CONFLICT (list_id) DO UPDATE SET version = version + 1
                """
        ).execute(arguments: [listID])
    }
}
