/// MedCredStore: SQLite persistence through GRDB, the only module that imports it (STYLE.md §2).
public enum MedCredStore {
    /// The schema version the migrations bring a database to.
    public static let schemaVersion = 1
}
