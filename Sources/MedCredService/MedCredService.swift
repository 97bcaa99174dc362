/// MedCredService: use cases over Core, Ledger and Store — anchoring, issuing, verifying, accounts — with no
/// HTTP types (DESIGN.md layers).
public enum MedCredService {
    /// The service layer's version.
    public static let version = "0.1.0"
}
