public import Foundation
import GRDB

/// Issuer accounts, the service identity, their sealed keys and the accreditation entries granted to them, in
/// `accounts.sqlite` (DESIGN.md, "Defaults": the encrypted key store).
///
/// Every write is one transaction, durable before it returns (WAL, `synchronous=FULL`). The store keeps rows
/// consistent with each other; anchoring on the ledger and sealing keys are the service's job.
public final class AccountStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the account database at `path`.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public init(path: String) throws {
        pool = try StoreError.mapping { try DurableDatabase.open(path: path, migrator: AccountSchema.migrator) }
    }

    /// Closes the database.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    // MARK: Vault check

    /// The stored vault check box, storing `sealed` first when there is none (the first open of a vault).
    /// - Parameter sealed: a box sealed under the master key, used only when the vault is new.
    /// - Returns: the box to open with the master key to prove it is the right one.
    public func vaultCheck(insertingIfAbsent sealed: [UInt8]) throws -> [UInt8] {
        try StoreError.mapping {
            try pool.write { db in
                if let stored = try Data.fetchOne(db, sql: "SELECT sealed FROM vault_check WHERE id = 1") {
                    return [UInt8](stored)
                }
                try db.execute(sql: "INSERT INTO vault_check (id, sealed) VALUES (1, ?)", arguments: [Data(sealed)])
                return sealed
            }
        }
    }

    // MARK: Accounts

    /// Adds an account with its keys and, optionally, its first accreditation entry, all in one transaction.
    /// - Throws: ``AccountStoreError/slugTaken(_:)``, ``AccountStoreError/duplicateID(_:)`` or a SQLite error.
    public func insert(
        _ account: AccountRecord, keys: [VaultKeyRecord], accreditation: AccreditationEntryRecord? = nil
    ) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                try AccountSchema.insert(db, account)
                for key in keys { try AccountSchema.insert(db, key) }
                if let accreditation { try AccountSchema.insert(db, accreditation) }
            }
        }
    }

    /// The account with `id`, complete or not; `nil` when there is none.
    public func account(id: String) async throws -> AccountRecord? {
        try await StoreError.mapping {
            try await pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT \(AccountSchema.accountColumns) FROM account WHERE id = ?", arguments: [id]
                ).flatMap(AccountSchema.account)
            }
        }
    }

    /// Every account of `kind`, oldest first.
    public func accounts(kind: AccountRecord.Kind) async throws -> [AccountRecord] {
        try await StoreError.mapping {
            try await pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT \(AccountSchema.accountColumns) FROM account WHERE kind = ? ORDER BY created_ms, id",
                    arguments: [kind.rawValue]
                ).compactMap(AccountSchema.account)
            }
        }
    }

    /// Marks an account complete (its DID anchored, its accreditation on the ledger) and clears its pending entry.
    /// - Throws: ``AccountStoreError/accountNotFound(_:)`` or a SQLite error.
    public func completeAccount(id: String) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE account SET is_complete = 1, pending_entry = NULL WHERE id = ?", arguments: [id])
                guard db.changesCount == 1 else { throw AccountStoreError.accountNotFound(id) }
            }
        }
    }

    // MARK: Keys

    /// The key with `id`, or `nil`.
    public func key(id: String) async throws -> VaultKeyRecord? {
        try await StoreError.mapping {
            try await pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM vault_key WHERE id = ?", arguments: [id]).map(
                    AccountSchema.key)
            }
        }
    }

    /// Every key of an account, oldest first, retired ones included.
    public func keys(owner: String) async throws -> [VaultKeyRecord] {
        try await StoreError.mapping {
            try await pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM vault_key WHERE owner = ? ORDER BY created_ms, id", arguments: [owner]
                ).map(AccountSchema.key)
            }
        }
    }

    // MARK: Rotation

    /// Records the new keys and the signed rotation entry before it is anchored, so a crash can finish it.
    /// - Throws: ``AccountStoreError/accountNotFound(_:)``, ``AccountStoreError/duplicateID(_:)`` or a SQLite error.
    public func beginRotation(accountID: String, keys: [VaultKeyRecord], pendingEntry: String) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE account SET pending_entry = ? WHERE id = ?", arguments: [pendingEntry, accountID])
                guard db.changesCount == 1 else { throw AccountStoreError.accountNotFound(accountID) }
                for key in keys { try AccountSchema.insert(db, key) }
            }
        }
    }

    /// Makes the rotated keys current once the rotation entry is anchored: the account points at them, the
    /// keys they replace are retired at `retiredAt`, and the pending entry is cleared.
    /// - Parameter account: the account with its new key ids, verification method and key version.
    /// - Throws: ``AccountStoreError/accountNotFound(_:)`` or a SQLite error.
    public func finishRotation(_ account: AccountRecord, retiring keyIDs: [String], retiredAt: Date) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        UPDATE account SET verification_method = ?, key_version = ?, update_key_id = ?,
                            next_key_id = ?, assertion_key_id = ?, pending_entry = NULL
                        WHERE id = ?
                        """,
                    arguments: [
                        account.verificationMethod, account.keyVersion, account.updateKeyID, account.nextKeyID,
                        account.assertionKeyID, account.id,
                    ])
                guard db.changesCount == 1 else { throw AccountStoreError.accountNotFound(account.id) }
                try db.execute(
                    sql: "UPDATE vault_key SET purpose = 'update' WHERE id = ?", arguments: [account.updateKeyID])
                for id in keyIDs {
                    try db.execute(
                        sql: "UPDATE vault_key SET retired_ms = ? WHERE id = ? AND retired_ms IS NULL",
                        arguments: [AccountSchema.millis(retiredAt), id])
                }
            }
        }
    }

    // MARK: Accreditation entries

    /// Adds a signed accreditation or withdrawal, before or after it is on the ledger.
    /// - Throws: ``AccountStoreError/duplicateID(_:)`` or a SQLite error.
    public func insert(_ entry: AccreditationEntryRecord) async throws {
        try await StoreError.mapping { try await pool.write { db in try AccountSchema.insert(db, entry) } }
    }

    /// Records where an entry was appended on the ledger.
    public func setLedgerIndex(_ index: UInt64, forEntry id: String) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE accreditation_entry SET ledger_index = ? WHERE id = ?", arguments: [Int64(index), id])
            }
        }
    }

    /// The entry with row id `id` (an accreditation id, or `withdrawal:` + one), or `nil`.
    public func accreditationEntry(id: String) async throws -> AccreditationEntryRecord? {
        try await fetchEntries("WHERE id = ?", [id]).first
    }

    /// Every entry naming `issuer`, in the order they were written.
    public func accreditationEntries(issuer: String) async throws -> [AccreditationEntryRecord] {
        try await fetchEntries("WHERE issuer = ? ORDER BY seq", [issuer])
    }

    /// Entries not yet known to be on the ledger, in the order they were written.
    public func pendingAccreditationEntries() async throws -> [AccreditationEntryRecord] {
        try await fetchEntries("WHERE ledger_index IS NULL ORDER BY seq", [])
    }

    private func fetchEntries(_ clause: String, _ arguments: [String]) async throws -> [AccreditationEntryRecord] {
        try await StoreError.mapping {
            try await pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM accreditation_entry " + clause, arguments: StatementArguments(arguments)
                ).compactMap(AccountSchema.entry)
            }
        }
    }
}

extension AccountStore {
    /// Runs `sql` on the database file at `path` with no checks, so tests can stage an interrupted write.
    package static func executeRawSQLForTesting(path: String, sql: String) throws {
        try DurableDatabase.executeRawSQL(path: path, sql: sql)
    }
}
