/// MedCredClient: HTTP over libcurl for the CLI and the service (login, resolution, ledger follow,
/// witnesses); the only importer of CCurl, with every pointer in `Curl/` (STYLE.md §5).
public enum MedCredClient {
    /// The client layer's version.
    public static let version = "0.1.0"
}
