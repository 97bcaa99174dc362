public import Foundation

/// What an API token may do: everything (`admin`) or act as one issuer account (`issuer`).
public enum TokenScope: Sendable, Equatable, Hashable, Codable {
    /// The operator: creates issuers, rotates tokens and keys.
    case admin
    /// One issuer account, by its account id: issues and manages that issuer's credentials only.
    case issuer(String)

    private enum CodingKeys: String, CodingKey { case type, issuerID }

    /// Decodes `{"type":"admin"}` or `{"type":"issuer","issuerID":"…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "admin": self = .admin
        case "issuer": self = .issuer(try container.decode(String.self, forKey: .issuerID))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown token scope type \(other)")
        }
    }

    /// Encodes `{"type":"admin"}` or `{"type":"issuer","issuerID":"…"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .admin: try container.encode("admin", forKey: .type)
        case .issuer(let id):
            try container.encode("issuer", forKey: .type)
            try container.encode(id, forKey: .issuerID)
        }
    }

    /// The `<kind>` part of the token text: `adm` or `iss`.
    var kind: String {
        switch self {
        case .admin: "adm"
        case .issuer: "iss"
        }
    }

    /// The scope as the token store keeps it.
    var storageKey: String {
        switch self {
        case .admin: "admin"
        case .issuer(let id): "issuer:" + id
        }
    }

    /// The scope a stored key names, or `nil` for a key this version does not know.
    init?(storageKey: String) {
        if storageKey == "admin" {
            self = .admin
        } else if storageKey.hasPrefix("issuer:") {
            self = .issuer(String(storageKey.dropFirst("issuer:".count)))
        } else {
            return nil
        }
    }
}

/// Who made a request: the token that authenticated it and that token's scope.
public struct Principal: Sendable, Equatable {
    /// The token's public id (never its secret).
    public let tokenID: String
    /// What the token may do.
    public let scope: TokenScope

    /// Makes a principal.
    public init(tokenID: String, scope: TokenScope) {
        self.tokenID = tokenID
        self.scope = scope
    }
}

/// What may be shown about a token: everything but its secret.
public struct TokenInfo: Sendable, Equatable, Codable {
    /// The token's public id.
    public let id: String
    /// What the token may do.
    public let scope: TokenScope
    /// A human label.
    public let label: String
    /// When it was made.
    public let createdAt: Date
    /// When it was revoked, or `nil` while live.
    public let revokedAt: Date?
    /// When it last authenticated (coalesced; see ``TokenRegistry/flushUsage()``).
    public let lastUsedAt: Date?

    /// Makes a token description.
    public init(id: String, scope: TokenScope, label: String, createdAt: Date, revokedAt: Date?, lastUsedAt: Date?) {
        self.id = id
        self.scope = scope
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }
}
