internal import Foundation
public import MedCredCore

/// Writes did:webvh log entries: create, update (including pre-rotated key rotation) and deactivate
/// (did:webvh v1.0 "DID Method Operations", https://identity.foundation/didwebvh/v1.0/#did-method-operations).
///
/// Every new entry is checked with ``WebVHLogVerifier`` before it is returned, so a writer never hands back
/// a log a resolver would reject (witness approvals aside, which are collected after writing).
public enum WebVHLogWriter {
    /// Creates a DID: computes the SCID over the first entry with `{SCID}` placeholders, fills it in, chains
    /// the entry hash and signs (did:webvh v1.0 "Create (Register)").
    /// - Parameters:
    ///   - document: the DID document, with `{SCID}` wherever the SCID goes (its `id` is
    ///     `did:webvh:{SCID}:<domain>[:path…]`).
    ///   - parameters: `updateKeys` and any of `nextKeyHashes`, `portable`, `witness`, `watchers`, `ttl`;
    ///     `method` and `scid` are set here.
    ///   - versionTime: the entry's time.
    ///   - signer: an Ed25519 signer whose verification method is `did:key:<multikey>#<multikey>` for a key in
    ///     `updateKeys`.
    /// - Returns: the one-entry log.
    /// - Throws: ``WebVHError`` when the entry would not verify, e.g. an unauthorized signer.
    public static func create(
        document: JSONObject, parameters: WebVHParameters, versionTime: XSDDateTime, signer: some ProofSigner
    ) throws(WebVHError) -> WebVHLog {
        var parameters = parameters
        parameters.method = WebVHParameters.method10
        parameters.scid = WebVHHash.placeholder
        let preliminary = entryObject(
            versionId: WebVHHash.placeholder, versionTime: versionTime, parameters: parameters, state: document)
        let scid = WebVHHash.hash(JSONValue.object(preliminary).jcsBytes)
        let text = JSONValue.object(preliminary).serialized().replacingOccurrences(
            of: WebVHHash.placeholder, with: scid)
        guard let filled = try? JSONValue(parsing: text).objectValue else { throw .invalidSCID(scid) }
        let entry = try signed(filled, number: 1, predecessor: scid, signer: signer)
        return try checked(WebVHLog(entries: [entry]), time: versionTime)
    }

    /// Appends an update (did:webvh v1.0 "Update (Rotate)"). To rotate keys under pre-rotation, give the new
    /// `updateKeys` (each committed in the previous `nextKeyHashes`), new `nextKeyHashes`, and a signer
    /// holding one of the new keys.
    /// - Parameters:
    ///   - log: the current, valid log.
    ///   - document: the new DID document.
    ///   - parameters: only the parameters that change (`{}` for none).
    ///   - versionTime: later than the last entry's.
    ///   - signer: a signer for an authorized key.
    /// - Returns: the log with the new entry.
    /// - Throws: ``WebVHError`` when the new entry would not verify (unauthorized key, uncommitted key,
    ///   time not increasing, DID deactivated…).
    public static func update(
        _ log: WebVHLog, document: JSONObject, parameters: WebVHParameters, versionTime: XSDDateTime,
        signer: some ProofSigner
    ) throws(WebVHError) -> WebVHLog {
        guard let last = log.entries.last else { throw .emptyLog }
        let preliminary = entryObject(
            versionId: last.versionId, versionTime: versionTime, parameters: parameters, state: document)
        let entry = try signed(
            preliminary, number: log.entries.count + 1, predecessor: last.versionId, signer: signer)
        return try checked(WebVHLog(entries: log.entries + [entry]), time: versionTime)
    }

    /// Deactivates the DID: `deactivated: true` and, unless pre-rotation is active, `updateKeys: []`
    /// (did:webvh v1.0 "Deactivate (Revoke)"). Under pre-rotation, first ``update(_:document:parameters:versionTime:signer:)``
    /// with `nextKeyHashes: []`.
    /// - Parameters:
    ///   - log: the current, valid log.
    ///   - versionTime: later than the last entry's.
    ///   - signer: a signer for an authorized key.
    /// - Returns: the log with the deactivating entry; the document is unchanged.
    /// - Throws: ``WebVHError`` when the entry would not verify.
    public static func deactivate(_ log: WebVHLog, versionTime: XSDDateTime, signer: some ProofSigner)
        throws(WebVHError) -> WebVHLog
    {
        guard let last = log.entries.last else { throw .emptyLog }
        var parameters = WebVHParameters(deactivated: true)
        let preRotation = WebVHLogVerifier(now: versionTime).verify(log).entries.last?.parameters.isPreRotationActive
        if preRotation != true { parameters.updateKeys = [] }
        return try update(log, document: last.state, parameters: parameters, versionTime: versionTime, signer: signer)
    }

    /// A witness's proof over an entry's `versionId`, for `did-witness.json` (did:webvh v1.0 "Witnessing a
    /// DID Version Update").
    /// - Parameters:
    ///   - versionId: the entry approved.
    ///   - signer: the witness's did:key signer.
    ///   - created: the proof time.
    /// - Returns: the proof object.
    /// - Throws: ``WebVHError/proofGeneration(_:)`` when signing fails.
    public static func witnessProof(versionId: String, signer: some ProofSigner, created: XSDDateTime)
        throws(WebVHError) -> JSONValue
    {
        let document: JSONValue = .object(["versionId": .string(versionId)])
        do {
            let secured = try DataIntegrity.addProof(
                to: document, options: ProofOptions(created: created), signer: signer)
            return secured["proof"] ?? .null
        } catch {
            throw .proofGeneration(error)
        }
    }

    private static func entryObject(
        versionId: String, versionTime: XSDDateTime, parameters: WebVHParameters, state: JSONObject
    ) -> JSONObject {
        [
            "versionId": .string(versionId), "versionTime": .string(versionTime.utcTimestamp),
            "parameters": .object(parameters.json), "state": .object(state),
        ]
    }

    private static func signed(_ object: JSONObject, number: Int, predecessor: String, signer: some ProofSigner)
        throws(WebVHError) -> WebVHLogEntry
    {
        var entry = object
        entry["versionId"] = .string("\(number)-" + WebVHHash.entryHash(of: object, predecessor: predecessor))
        let created = entry["versionTime"]?.stringValue.flatMap { try? XSDDateTime(parsing: $0) }
        let secured: JSONValue
        do {
            secured = try DataIntegrity.addProof(
                to: .object(entry), options: ProofOptions(created: created), signer: signer)
        } catch {
            throw .proofGeneration(error)
        }
        // did:webvh v1.0 "The DID Log File": `proof` is a JSON array.
        entry["proof"] = .array([secured["proof"] ?? .null])
        return try WebVHLogEntry(json: .object(entry), entry: number)
    }

    private static func checked(_ log: WebVHLog, time: XSDDateTime) throws(WebVHError) -> WebVHLog {
        let verification = WebVHLogVerifier(now: time).verify(log)
        switch verification.failure {
        case nil, .witnessThresholdNotMet?: return log
        case let failure?: throw failure
        }
    }
}
