/// MedCredCore: the pure, deterministic heart of MedCred — JSON and RFC 8785, encodings, DIDs.
///
/// Nothing in this module touches files, sockets, clocks or global state (STYLE.md §1).
public enum MedCredCore {
    /// The version of the MedCred data formats this module produces.
    public static let version = "0.1.0"
}
