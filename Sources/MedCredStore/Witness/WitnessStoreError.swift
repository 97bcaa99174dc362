/// Why the witness state store found a stored record unusable.
public enum WitnessStoreError: Error, Equatable, Sendable {
    /// The stored note for this origin does not parse, or disagrees with the stored size, root or origin.
    case recordInvalid(origin: String)
}
