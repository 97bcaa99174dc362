/// Issues identifiers with a prefix and a counter, remembering the order (RDFC-1.0 §4.5,
/// https://www.w3.org/TR/rdf-canon/#issue-identifier).
struct IdentifierIssuer: Sendable {
    let prefix: String
    private var counter = 0
    private(set) var issued: [String: String] = [:]
    /// The existing identifiers, in the order their identifiers were issued.
    private(set) var order: [String] = []

    init(prefix: String) {
        self.prefix = prefix
    }

    func identifier(for existing: String) -> String? { issued[existing] }

    /// Returns the issued identifier for `existing`, issuing the next one when there is none.
    @discardableResult
    mutating func issue(_ existing: String) -> String {
        if let known = issued[existing] { return known }
        let identifier = prefix + String(counter)
        counter += 1
        issued[existing] = identifier
        order.append(existing)
        return identifier
    }
}
