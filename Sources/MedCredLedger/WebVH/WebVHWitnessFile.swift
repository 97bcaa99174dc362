public import MedCredCore

/// `did-witness.json`: witness proofs over `{"versionId": …}` per log entry (did:webvh v1.0 "The Witness Proofs
/// File", https://identity.foundation/didwebvh/v1.0/#the-witness-proofs-file).
public struct WebVHWitnessFile: Equatable, Sendable {
    /// The proofs for one `versionId`.
    public struct Record: Equatable, Sendable {
        public let versionId: String
        public let proofs: [JSONValue]

        public init(versionId: String, proofs: [JSONValue]) {
            self.versionId = versionId
            self.proofs = proofs
        }
    }

    /// The records, in file order.
    public let records: [Record]

    /// A file made of records.
    public init(records: [Record]) { self.records = records }

    /// Reads the file.
    /// - Parameter text: strict I-JSON: an array of `{"versionId": string, "proof": [proof…]}`.
    /// - Throws: ``WebVHError/invalidWitnessFile(_:)`` naming what is malformed.
    public init(parsing text: String) throws(WebVHError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: text) } catch { throw .invalidWitnessFile("not strict JSON") }
        guard let list = value.arrayValue else { throw .invalidWitnessFile("not an array") }
        var records: [Record] = []
        for (index, element) in list.enumerated() {
            guard let object = element.objectValue, let versionId = object["versionId"]?.stringValue,
                let proofs = object["proof"]?.arrayValue
            else { throw .invalidWitnessFile("record \(index) is not {versionId, proof: [...]}") }
            records.append(Record(versionId: versionId, proofs: proofs))
        }
        self.records = records
    }

    /// The file as JSON.
    public var json: JSONValue {
        .array(records.map { .object(["versionId": .string($0.versionId), "proof": .array($0.proofs)]) })
    }

    /// For each entry, the witnesses with a valid proof on it or on a later entry of the same log (a proof
    /// approves all prior entries); records for versionIds not in the log are ignored.
    /// - Parameters:
    ///   - versionIds: the log's versionIds, in order.
    ///   - now: the current time, for proof expiry.
    /// - Returns: one set of witness `did:key` DIDs per entry.
    func approvals(for versionIds: [String], now: XSDDateTime) -> [Set<String>] {
        var direct = [Set<String>](repeating: [], count: versionIds.count)
        for record in records {
            guard let index = versionIds.firstIndex(of: record.versionId) else { continue }
            for proof in record.proofs {
                if let witness = WebVHProofCheck.witness(of: proof, versionId: record.versionId, now: now) {
                    direct[index].insert(witness)
                }
            }
        }
        var result = direct
        for index in result.indices.reversed().dropFirst() {
            result[index].formUnion(result[index + 1])
        }
        return result
    }
}
