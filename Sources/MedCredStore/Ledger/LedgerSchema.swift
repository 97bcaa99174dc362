import Foundation
import GRDB

/// The ledger tables and the row-level reads and writes on them.
///
/// `leaf` holds the entries and their RFC 9162 leaf hashes (the level-0 perfect subtrees); `node` holds every
/// completed perfect subtree above the leaves, so any proof or root is O(log n) primary-key reads;
/// `checkpoint` keeps the tree head of every committed batch.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(
                sql: """
                    CREATE TABLE leaf (
                        "index" INTEGER PRIMARY KEY CHECK ("index" >= 0),
                        data BLOB NOT NULL,
                        leaf_hash BLOB NOT NULL
                    );
                    CREATE INDEX leaf_by_hash ON leaf (leaf_hash);
                    CREATE TABLE node (
                        level INTEGER NOT NULL CHECK (level > 0),
                        idx INTEGER NOT NULL CHECK (idx >= 0),
                        hash BLOB NOT NULL,
                        PRIMARY KEY (level, idx)
                    ) WITHOUT ROWID;
                    CREATE TABLE checkpoint (
                        size INTEGER PRIMARY KEY CHECK (size >= 0),
                        root BLOB NOT NULL,
                        signed_note TEXT,
                        created INTEGER NOT NULL
                    );
                    """)
        }
        return migrator
    }

    static func insertLeaf(_ db: Database, index: UInt64, data: [UInt8], hash: [UInt8]) throws {
        try db.cachedStatement(sql: #"INSERT INTO leaf ("index", data, leaf_hash) VALUES (?, ?, ?)"#)
            .execute(arguments: [Int64(index), Data(data), Data(hash)])
    }

    static func insertNode(_ db: Database, level: Int, index: UInt64, hash: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT INTO node (level, idx, hash) VALUES (?, ?, ?)")
            .execute(arguments: [level, Int64(index), Data(hash)])
    }

    static func insertCheckpoint(_ db: Database, _ checkpoint: LedgerCheckpoint) throws {
        let millis = Int64((checkpoint.created.timeIntervalSince1970 * 1000).rounded())
        try db.cachedStatement(sql: "INSERT INTO checkpoint (size, root, signed_note, created) VALUES (?, ?, ?, ?)")
            .execute(arguments: [Int64(checkpoint.size), Data(checkpoint.root), checkpoint.signedNote, millis])
    }

    /// The number of leaves, from the largest index (one B-tree descent).
    static func leafCount(_ db: Database) throws -> UInt64 {
        let maxIndex = try Int64.fetchOne(db, sql: #"SELECT MAX("index") FROM leaf"#)
        return maxIndex.map { UInt64($0) + 1 } ?? 0
    }

    static func leafIndex(_ db: Database, hash: [UInt8]) throws -> UInt64? {
        let index = try Int64.fetchOne(
            db.cachedStatement(sql: #"SELECT MIN("index") FROM leaf WHERE leaf_hash = ?"#), arguments: [Data(hash)])
        return index.map { UInt64($0) }
    }

    static func leafData(_ db: Database, index: UInt64) throws -> [UInt8]? {
        let data = try Data.fetchOne(
            db.cachedStatement(sql: #"SELECT data FROM leaf WHERE "index" = ?"#), arguments: [Int64(index)])
        return data.map { [UInt8]($0) }
    }

    /// The hash of the perfect subtree at `level`, `index`: a leaf hash at level 0, a node above.
    static func perfectHash(_ db: Database, level: Int, index: UInt64) throws -> [UInt8] {
        let statement =
            level == 0
            ? try db.cachedStatement(sql: #"SELECT leaf_hash FROM leaf WHERE "index" = ?"#)
            : try db.cachedStatement(sql: "SELECT hash FROM node WHERE level = ? AND idx = ?")
        let arguments: StatementArguments = level == 0 ? [Int64(index)] : [level, Int64(index)]
        guard let data = try Data.fetchOne(statement, arguments: arguments) else {
            throw StoreError.missingNode(level: level, index: index)
        }
        guard data.count == 32 else {
            throw StoreError.hashLengthInvalid(level: level, index: index, length: data.count)
        }
        return [UInt8](data)
    }

    static func latestCheckpoint(_ db: Database) throws -> LedgerCheckpoint? {
        try Row.fetchOne(db, sql: "SELECT size, root, signed_note, created FROM checkpoint ORDER BY size DESC LIMIT 1")
            .map(checkpoint(from:))
    }

    static func checkpoint(_ db: Database, size: UInt64) throws -> LedgerCheckpoint? {
        try Row.fetchOne(
            db, sql: "SELECT size, root, signed_note, created FROM checkpoint WHERE size = ?",
            arguments: [Int64(size)]
        ).map(checkpoint(from:))
    }

    static func checkpoints(_ db: Database, from: UInt64, limit: Int) throws -> [LedgerCheckpoint] {
        try Row.fetchAll(
            db, sql: "SELECT size, root, signed_note, created FROM checkpoint WHERE size >= ? ORDER BY size LIMIT ?",
            arguments: [Int64(from), limit]
        ).map(checkpoint(from:))
    }

    static func checkpoint(from row: Row) -> LedgerCheckpoint {
        let size: Int64 = row[0]
        let root: Data = row[1]
        let millis: Int64 = row[3]
        return LedgerCheckpoint(
            size: UInt64(size), root: [UInt8](root), signedNote: row[2],
            created: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}

extension StoreError {
    /// `error` with GRDB's errors turned into ``StoreError/sqlite(code:message:)``, so no GRDB type escapes.
    static func mapped(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        return StoreError.sqlite(code: error.resultCode.rawValue, message: error.message ?? "\(error.resultCode)")
    }

    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw mapped(error) }
    }

    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw mapped(error) }
    }
}
