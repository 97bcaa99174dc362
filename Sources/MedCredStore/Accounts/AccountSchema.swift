import Foundation
import GRDB

/// The account tables of `accounts.sqlite`: the vault check, sealed keys, accounts and accreditation entries.
enum AccountSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-accounts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE vault_check (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        sealed BLOB NOT NULL
                    );
                    CREATE TABLE vault_key (
                        id TEXT PRIMARY KEY NOT NULL,
                        owner TEXT NOT NULL,
                        purpose TEXT NOT NULL,
                        public_multikey TEXT NOT NULL,
                        sealed_secret BLOB NOT NULL,
                        created_ms INTEGER NOT NULL,
                        retired_ms INTEGER
                    ) WITHOUT ROWID;
                    CREATE INDEX vault_key_by_owner ON vault_key (owner);
                    CREATE TABLE account (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('service', 'issuer')),
                        name TEXT NOT NULL,
                        slug TEXT UNIQUE,
                        did TEXT NOT NULL UNIQUE,
                        credential_types TEXT NOT NULL,
                        jurisdiction TEXT NOT NULL,
                        created_ms INTEGER NOT NULL,
                        verification_method TEXT NOT NULL,
                        key_version INTEGER NOT NULL,
                        update_key_id TEXT NOT NULL,
                        next_key_id TEXT NOT NULL,
                        assertion_key_id TEXT NOT NULL,
                        pending_entry TEXT,
                        accreditation_id TEXT,
                        is_complete INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE accreditation_entry (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL CHECK (kind IN ('accreditation', 'withdrawal')),
                        accreditation_id TEXT NOT NULL,
                        issuer TEXT NOT NULL,
                        json TEXT NOT NULL,
                        ledger_index INTEGER CHECK (ledger_index >= 0)
                    );
                    CREATE INDEX accreditation_entry_by_issuer ON accreditation_entry (issuer);
                    """)
        }
        return migrator
    }

    static let accountColumns = """
        id, kind, name, slug, did, credential_types, jurisdiction, created_ms, verification_method, key_version,
        update_key_id, next_key_id, assertion_key_id, pending_entry, accreditation_id, is_complete
        """

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    /// Credential types as one text column: they are validated VC type names, which never contain a newline.
    static func joined(_ types: [String]) -> String { types.joined(separator: "\n") }
    static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    static func account(_ row: Row) -> AccountRecord? {
        guard let kind = AccountRecord.Kind(rawValue: row["kind"]) else { return nil }
        return AccountRecord(
            id: row["id"], kind: kind, name: row["name"], slug: row["slug"], did: row["did"],
            credentialTypes: split(row["credential_types"]), jurisdiction: row["jurisdiction"],
            createdAt: date(row["created_ms"]), verificationMethod: row["verification_method"],
            keyVersion: row["key_version"], updateKeyID: row["update_key_id"], nextKeyID: row["next_key_id"],
            assertionKeyID: row["assertion_key_id"], pendingEntry: row["pending_entry"],
            accreditationID: row["accreditation_id"], isComplete: row["is_complete"])
    }

    static func insert(_ db: Database, _ account: AccountRecord) throws {
        if let slug = account.slug,
            try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE slug = ?", arguments: [slug]) == true
        {
            throw AccountStoreError.slugTaken(slug)
        }
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM account WHERE id = ? OR did = ?",
            arguments: [
                account.id, account.did,
            ]) == true
        {
            throw AccountStoreError.duplicateID(account.id)
        }
        try db.execute(
            sql: "INSERT INTO account (\(accountColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                account.id, account.kind.rawValue, account.name, account.slug, account.did,
                joined(account.credentialTypes), account.jurisdiction, millis(account.createdAt),
                account.verificationMethod, account.keyVersion, account.updateKeyID, account.nextKeyID,
                account.assertionKeyID, account.pendingEntry, account.accreditationID, account.isComplete,
            ])
    }

    static func key(_ row: Row) -> VaultKeyRecord {
        let retired: Int64? = row["retired_ms"]
        let sealed: Data = row["sealed_secret"]
        return VaultKeyRecord(
            id: row["id"], owner: row["owner"], purpose: row["purpose"], publicKeyMultibase: row["public_multikey"],
            sealedSecret: [UInt8](sealed), createdAt: date(row["created_ms"]), retiredAt: retired.map(date))
    }

    static func insert(_ db: Database, _ key: VaultKeyRecord) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM vault_key WHERE id = ?", arguments: [key.id]) == true {
            throw AccountStoreError.duplicateID(key.id)
        }
        try db.execute(
            sql: """
                INSERT INTO vault_key (id, owner, purpose, public_multikey, sealed_secret, created_ms, retired_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key.id, key.owner, key.purpose, key.publicKeyMultibase, Data(key.sealedSecret),
                millis(key.createdAt), key.retiredAt.map(millis),
            ])
    }

    static func entry(_ row: Row) -> AccreditationEntryRecord? {
        guard let kind = AccreditationEntryRecord.Kind(rawValue: row["kind"]) else { return nil }
        let index: Int64? = row["ledger_index"]
        return AccreditationEntryRecord(
            id: row["id"], kind: kind, accreditationID: row["accreditation_id"], issuer: row["issuer"],
            json: row["json"], ledgerIndex: index.map { UInt64($0) })
    }

    static func insert(_ db: Database, _ entry: AccreditationEntryRecord) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM accreditation_entry WHERE id = ?", arguments: [entry.id]) == true {
            throw AccountStoreError.duplicateID(entry.id)
        }
        try db.execute(
            sql: """
                INSERT INTO accreditation_entry (id, kind, accreditation_id, issuer, json, ledger_index)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.id, entry.kind.rawValue, entry.accreditationID, entry.issuer, entry.json,
                entry.ledgerIndex.map { Int64($0) },
            ])
    }
}
