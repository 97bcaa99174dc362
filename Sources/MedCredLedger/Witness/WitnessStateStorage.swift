/// Where a witness keeps its latest cosigned checkpoint per log (C2SP tlog-witness,
/// https://c2sp.org/tlog-witness): the check of the old size and the update must be atomic.
public protocol WitnessStateStorage: Sendable {
    /// The record for a log, or `nil` when the witness never cosigned for it.
    /// - Parameter origin: the log's origin line.
    /// - Returns: the latest cosigned record.
    /// - Throws: when the state cannot be read.
    func record(origin: String) async throws -> WitnessRecord?

    /// The record for the log whose origin has this SHA-256 hash (the monitoring path), or `nil`.
    /// - Parameter originHash: SHA-256 of the origin line, 32 bytes.
    /// - Returns: the latest cosigned record.
    /// - Throws: when the state cannot be read.
    func record(originHash: [UInt8]) async throws -> WitnessRecord?

    /// Replaces the record for `new`'s origin only if the stored one is still `expected` (compare-and-set).
    /// - Parameters:
    ///   - expected: the record the decision was based on, `nil` for none.
    ///   - new: the record to store.
    /// - Returns: false, storing nothing, when another update came first.
    /// - Throws: when the state cannot be written; nothing is stored then.
    func replace(_ expected: WitnessRecord?, with new: WitnessRecord) async throws -> Bool
}
