public import MedCredCore

/// The `parameters` object of one log entry: only the members it sets (did:webvh v1.0 "did:webvh DID Method
/// Parameters", https://identity.foundation/didwebvh/v1.0/#didwebvh-did-method-parameters).
///
/// A JSON `null` is read as the parameter's default, as the specification asks of resolvers for early logs.
public struct WebVHParameters: Equatable, Sendable {
    /// The only method version this implementation knows.
    public static let method10 = "did:webvh:1.0"

    public var method: String?
    public var scid: String?
    public var updateKeys: [String]?
    public var nextKeyHashes: [String]?
    public var portable: Bool?
    public var witness: WebVHWitnessConfig?
    public var watchers: [String]?
    public var deactivated: Bool?
    public var ttl: Int?

    /// Parameters that set nothing (`{}`).
    public init(
        method: String? = nil, scid: String? = nil, updateKeys: [String]? = nil, nextKeyHashes: [String]? = nil,
        portable: Bool? = nil, witness: WebVHWitnessConfig? = nil, watchers: [String]? = nil,
        deactivated: Bool? = nil, ttl: Int? = nil
    ) {
        self.method = method
        self.scid = scid
        self.updateKeys = updateKeys
        self.nextKeyHashes = nextKeyHashes
        self.portable = portable
        self.witness = witness
        self.watchers = watchers
        self.deactivated = deactivated
        self.ttl = ttl
    }

    /// Reads and type-checks a `parameters` object.
    /// - Parameters:
    ///   - json: the object.
    ///   - entry: the entry number, for errors.
    /// - Throws: ``WebVHError/invalidParameter(entry:name:reason:)`` for an unknown name, a wrong type, a
    ///   duplicate, a key that is not an Ed25519 multikey or a malformed `witness`.
    public init(json: JSONObject, entry: Int) throws(WebVHError) {
        func fail(_ name: String, _ problem: WebVHError.ParameterProblem) -> WebVHError {
            .invalidParameter(entry: entry, name: name, reason: problem)
        }
        for (name, value) in json {
            switch name {
            case "method": method = try Self.string(value, fail: { fail(name, $0) })
            case "scid": scid = try Self.string(value, fail: { fail(name, $0) })
            case "updateKeys":
                updateKeys = try Self.strings(value, fail: { fail(name, $0) })
                for key in updateKeys ?? [] where (try? Multikey(multibase: key)) == nil {
                    throw fail(name, .invalidKey)
                }
            case "nextKeyHashes": nextKeyHashes = try Self.strings(value, fail: { fail(name, $0) })
            case "watchers": watchers = try Self.strings(value, fail: { fail(name, $0) })
            case "portable": portable = try Self.bool(value, fail: { fail(name, $0) }) ?? false
            case "deactivated": deactivated = try Self.bool(value, fail: { fail(name, $0) }) ?? false
            case "witness": witness = try WebVHWitnessConfig(json: value, fail: { fail(name, $0) })
            case "ttl":
                if value.isNull {
                    ttl = 3600
                    break
                }
                guard let number = value.doubleValue, number == number.rounded(), number >= 0, number <= 2_147_483_648
                else { throw fail(name, .outOfRange) }
                ttl = Int(number)
            default: throw fail(name, .unknown)
            }
        }
    }

    /// The parameters as JSON, members in a fixed order, only those that are set.
    public var json: JSONObject {
        var object = JSONObject()
        if let method { object["method"] = .string(method) }
        if let scid { object["scid"] = .string(scid) }
        if let updateKeys { object["updateKeys"] = .array(updateKeys.map { .string($0) }) }
        if let nextKeyHashes { object["nextKeyHashes"] = .array(nextKeyHashes.map { .string($0) }) }
        if let portable { object["portable"] = .bool(portable) }
        if let witness { object["witness"] = witness.json }
        if let watchers { object["watchers"] = .array(watchers.map { .string($0) }) }
        if let deactivated { object["deactivated"] = .bool(deactivated) }
        if let ttl { object["ttl"] = .number(Double(ttl)) }
        return object
    }

    private static func string(_ value: JSONValue, fail: (WebVHError.ParameterProblem) -> WebVHError)
        throws(WebVHError) -> String
    {
        guard let text = value.stringValue else { throw fail(.wrongType) }
        return text
    }

    private static func bool(_ value: JSONValue, fail: (WebVHError.ParameterProblem) -> WebVHError)
        throws(WebVHError) -> Bool?
    {
        if value.isNull { return nil }
        guard let flag = value.boolValue else { throw fail(.wrongType) }
        return flag
    }

    private static func strings(_ value: JSONValue, fail: (WebVHError.ParameterProblem) -> WebVHError)
        throws(WebVHError) -> [String]
    {
        if value.isNull { return [] }
        guard let elements = value.arrayValue else { throw fail(.wrongType) }
        var result: [String] = []
        for element in elements {
            guard let text = element.stringValue, !text.isEmpty else { throw fail(.wrongType) }
            guard !result.contains(text) else { throw fail(.duplicate) }
            result.append(text)
        }
        return result
    }
}

/// The `witness` parameter: a threshold of distinct did:key witnesses, or `{}` for none (did:webvh v1.0
/// "The witness Parameter", https://identity.foundation/didwebvh/v1.0/#the-witness-parameter).
public struct WebVHWitnessConfig: Equatable, Sendable {
    /// How many distinct witnesses must approve an entry; 0 only for ``none``.
    public let threshold: Int
    /// The witnesses' `did:key` DIDs.
    public let witnesses: [String]

    /// No witnesses: `{}`.
    public static let none = WebVHWitnessConfig(unchecked: 0, [])

    /// Whether witnessing is off.
    public var isEmpty: Bool { witnesses.isEmpty }

    /// A witness rule.
    /// - Parameters:
    ///   - threshold: from 1 to the number of witnesses.
    ///   - witnesses: distinct Ed25519 `did:key` DIDs.
    /// - Throws: ``WebVHError/invalidParameter(entry:name:reason:)`` (entry 0) when the rule is malformed.
    public init(threshold: Int, witnesses: [String]) throws(WebVHError) {
        let object: JSONObject = [
            "threshold": .number(Double(threshold)),
            "witnesses": .array(witnesses.map { .object(["id": .string($0)]) }),
        ]
        self = try WebVHWitnessConfig(json: .object(object)) {
            .invalidParameter(entry: 0, name: "witness", reason: $0)
        }
    }

    private init(unchecked threshold: Int, _ witnesses: [String]) {
        self.threshold = threshold
        self.witnesses = witnesses
    }

    init(json: JSONValue, fail: (WebVHError.ParameterProblem) -> WebVHError) throws(WebVHError) {
        if json.isNull {
            self = .none
            return
        }
        guard let object = json.objectValue else { throw fail(.wrongType) }
        if object.isEmpty {
            self = .none
            return
        }
        if object.names.contains(where: { $0 != "threshold" && $0 != "witnesses" }) { throw fail(.unknown) }
        guard let list = object["witnesses"]?.arrayValue, !list.isEmpty else { throw fail(.invalidWitness) }
        var ids: [String] = []
        for element in list {
            guard let member = element.objectValue, let id = member["id"]?.stringValue,
                (try? DIDKey(parsing: id)) != nil
            else { throw fail(.invalidWitness) }
            guard !ids.contains(id) else { throw fail(.duplicateWitness) }
            ids.append(id)
        }
        guard let number = object["threshold"]?.doubleValue, number == number.rounded(), number >= 1,
            number <= Double(ids.count)
        else { throw fail(.invalidThreshold) }
        self.init(unchecked: Int(number), ids)
    }

    /// The rule as JSON: `{}` or `{"threshold": n, "witnesses": [{"id": …}]}`.
    public var json: JSONValue {
        guard !isEmpty else { return .object([:]) }
        return .object([
            "threshold": .number(Double(threshold)),
            "witnesses": .array(witnesses.map { .object(["id": .string($0)]) }),
        ])
    }
}
