public import Foundation
public import MedCredCore

/// A login session: the signed session JWT and what it says.
public struct Session: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The session JWT, a compact JWS signed by the service's DID (`alg` EdDSA, `typ` JWT).
    public let token: String
    /// The holder's DID (`sub`).
    public let holder: String
    /// The verifier policy the login satisfied.
    public let policy: String
    /// The credential facts the policy exposes, e.g. `licenseNumber`, `jurisdiction`.
    public let claims: JSONValue
    /// `iat`, whole seconds.
    public let issuedAt: Date
    /// `exp`, whole seconds.
    public let expiresAt: Date

    /// Creates a session value.
    /// - Parameters:
    ///   - token: the JWT.
    ///   - holder: the holder DID.
    ///   - policy: the policy name.
    ///   - claims: the exposed claims, a JSON object.
    ///   - issuedAt: when it was issued.
    ///   - expiresAt: when it expires.
    public init(token: String, holder: String, policy: String, claims: JSONValue, issuedAt: Date, expiresAt: Date) {
        self.token = token
        self.holder = holder
        self.policy = policy
        self.claims = claims
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    /// The token is a bearer credential: printing a session shows only the holder and policy.
    public var description: String { "Session(\(holder), \(policy))" }

    private enum CodingKeys: String, CodingKey {
        case token, holder, policy, claims, issuedAt, expiresAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        token = try container.decode(String.self, forKey: .token)
        holder = try container.decode(String.self, forKey: .holder)
        policy = try container.decode(String.self, forKey: .policy)
        claims = try container.decode(CodableJSON.self, forKey: .claims).value
        issuedAt = try container.decode(Date.self, forKey: .issuedAt)
        expiresAt = try container.decode(Date.self, forKey: .expiresAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(token, forKey: .token)
        try container.encode(holder, forKey: .holder)
        try container.encode(policy, forKey: .policy)
        try container.encode(CodableJSON(claims), forKey: .claims)
        try container.encode(issuedAt, forKey: .issuedAt)
        try container.encode(expiresAt, forKey: .expiresAt)
    }
}

/// Bridges ``JSONValue`` (which Core keeps free of `Codable`) to `Codable`, member order kept on encode.
struct CodableJSON: Codable {
    let value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [(String, JSONValue)] = []
            for key in object.allKeys {
                members.append((key.stringValue, try object.decode(CodableJSON.self, forKey: key).value))
            }
            value = .object(JSONObject(members))
        } else if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(CodableJSON.self).value) }
            value = .array(elements)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let bool = try? single.decode(Bool.self) {
                value = .bool(bool)
            } else if let number = try? single.decode(Double.self) {
                value = .number(number)
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let bool):
            var single = encoder.singleValueContainer()
            try single.encode(bool)
        case .number(let number):
            var single = encoder.singleValueContainer()
            try single.encode(number)
        case .string(let string):
            var single = encoder.singleValueContainer()
            try single.encode(string)
        case .array(let elements):
            var array = encoder.unkeyedContainer()
            for element in elements { try array.encode(CodableJSON(element)) }
        case .object(let object):
            var container = encoder.container(keyedBy: Key.self)
            for (name, member) in object { try container.encode(CodableJSON(member), forKey: Key(stringValue: name)) }
        }
    }
}
