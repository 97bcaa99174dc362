public import MedCredCore

/// One line of `did.jsonl`: `versionId`, `versionTime`, `parameters`, `state` and `proof` (did:webvh v1.0
/// "The DID Log File", https://identity.foundation/didwebvh/v1.0/#the-did-log-file).
///
/// Parsing checks the shape only; ``WebVHLogVerifier`` checks the hashes, keys, times and proofs.
public struct WebVHLogEntry: Equatable, Sendable {
    /// The entry exactly as received (member order kept).
    public let json: JSONObject
    /// `<versionNumber>-<entryHash>`.
    public let versionId: String
    /// The number before the dash.
    public let versionNumber: Int
    /// The hash after the dash.
    public let entryHash: String
    /// `versionTime` as written.
    public let versionTime: String
    /// `versionTime` parsed.
    public let versionInstant: XSDDateTime
    /// The parameters this entry sets.
    public let parameters: WebVHParameters
    /// The DID document of this version.
    public let state: JSONObject
    /// `state.id`.
    public let stateID: String
    /// The Data Integrity proofs (a single proof object is read as a set of one).
    public let proofs: [JSONValue]

    private static let members: Set<String> = ["versionId", "versionTime", "parameters", "state", "proof"]

    /// Reads an entry.
    /// - Parameters:
    ///   - json: the parsed line.
    ///   - entry: its 1-based position in the log, for errors.
    /// - Throws: ``WebVHError`` naming the missing, unexpected or mistyped member, a malformed `versionId`,
    ///   a `versionTime` that is not UTC, or a bad parameter.
    public init(json: JSONValue, entry: Int) throws(WebVHError) {
        guard let object = json.objectValue else { throw .entryNotObject(entry: entry) }
        if let unknown = object.names.first(where: { !Self.members.contains($0) }) {
            throw .unexpectedMember(entry: entry, unknown)
        }
        func member(_ name: String) throws(WebVHError) -> JSONValue {
            guard let value = object[name] else { throw .missingMember(entry: entry, name) }
            return value
        }
        guard let versionId = try member("versionId").stringValue else {
            throw .wrongMemberType(entry: entry, "versionId")
        }
        (versionNumber, entryHash) = try Self.splitVersionID(versionId, entry: entry)
        guard let versionTime = try member("versionTime").stringValue else {
            throw .wrongMemberType(entry: entry, "versionTime")
        }
        versionInstant = try Self.utcInstant(versionTime, entry: entry)
        guard let parameters = try member("parameters").objectValue else {
            throw .wrongMemberType(entry: entry, "parameters")
        }
        guard let state = try member("state").objectValue else { throw .wrongMemberType(entry: entry, "state") }
        guard let stateID = state["id"]?.stringValue else { throw .invalidState(entry: entry, "state.id") }
        switch object["proof"] {
        case nil: proofs = []
        case .object(let proof)?: proofs = [.object(proof)]
        case .array(let list)?: proofs = list
        default: throw .wrongMemberType(entry: entry, "proof")
        }
        self.json = object
        self.versionId = versionId
        self.versionTime = versionTime
        self.parameters = try WebVHParameters(json: parameters, entry: entry)
        self.state = state
        self.stateID = stateID
    }

    /// The entry as one JSON line, without the newline.
    public var line: String { JSONValue.object(json).serialized() }

    private static func splitVersionID(_ text: String, entry: Int) throws(WebVHError) -> (Int, String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let digits = parts.first, !digits.isEmpty, digits.count <= 9,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0", let number = Int(digits),
            !parts[1].isEmpty
        else { throw .malformedVersionID(entry: entry, text) }
        return (number, String(parts[1]))
    }

    private static func utcInstant(_ text: String, entry: Int) throws(WebVHError) -> XSDDateTime {
        // did:webvh v1.0 "Read (Resolve)" step 4: explicit `Z` or `+00:00`; no other zone, no local time.
        guard let time = try? XSDDateTime(parsing: text, requiringTimezone: true), time.timezoneOffsetMinutes == 0,
            text.hasSuffix("Z") || text.hasSuffix("+00:00"), time.secondsSince1970 != nil
        else { throw .invalidVersionTime(entry: entry, text) }
        return time
    }
}

/// The entries of a `did.jsonl` file, read up to the first line that is not a valid entry (did:webvh v1.0
/// "The DID Log File"): entries before a broken line can still be resolved by `versionId`.
public struct WebVHLog: Equatable, Sendable {
    /// The entries that parsed, in order.
    public let entries: [WebVHLogEntry]
    /// Why reading stopped early, or `nil` when every line is an entry.
    public let parseFailure: WebVHError?

    /// Reads JSON Lines text: one strict I-JSON object per `\n`-terminated line; a final newline is optional.
    /// - Parameter text: the `did.jsonl` content.
    public init(parsing text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var entries: [WebVHLogEntry] = []
        var failure: WebVHError? = lines.isEmpty ? .emptyLog : nil
        for (index, line) in lines.enumerated() {
            let number = index + 1
            do throws(WebVHError) {
                guard !line.isEmpty else { throw .entryNotObject(entry: number) }
                let value: JSONValue
                do { value = try JSONValue(parsing: String(line)) } catch { throw .invalidJSON(entry: number, error) }
                entries.append(try WebVHLogEntry(json: value, entry: number))
            } catch {
                failure = error
                break
            }
        }
        self.entries = entries
        self.parseFailure = failure
    }

    /// A log of entries already in memory.
    public init(entries: [WebVHLogEntry]) {
        self.entries = entries
        self.parseFailure = entries.isEmpty ? .emptyLog : nil
    }

    /// The log as `did.jsonl` text, each entry followed by `\n`.
    public var text: String { entries.map { $0.line + "\n" }.joined() }
}
