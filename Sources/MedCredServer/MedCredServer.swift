/// MedCredServer: Hummingbird routes, problem+json errors and the HTTP faces of the service and the witness.
public enum MedCredServer {
    /// The server layer's version.
    public static let version = "0.1.0"
}
