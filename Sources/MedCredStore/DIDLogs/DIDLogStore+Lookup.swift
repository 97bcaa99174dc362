import GRDB

extension DIDLogStore {
    /// The SCIDs of the hosted DIDs whose first entry's `state.id` ends with `suffix`, e.g.
    /// `:medcred.example:people:alice` — how a DID at a path is found, since its SCID is not part of the URL.
    /// - Parameter suffix: the end of the DID, from the `:` before its domain.
    /// - Returns: the matching SCIDs, in no particular order; empty when none.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public func scids(ofDIDsEndingWith suffix: String) async throws -> [String] {
        try await StoreError.mapping {
            try await pool.read { db in
                // The lines are verified did:webvh entries, so `state.id` is a string; a scan is fine for the
                // number of people one service hosts.
                try String.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT scid FROM did_log_entry
                            WHERE version_number = 1 AND substr(json_extract(line, '$.state.id'), -length(?1)) = ?1
                            """),
                    arguments: [suffix])
            }
        }
    }
}
