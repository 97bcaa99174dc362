public import MedCredCore

/// A trust root's signed statement that an issuer may issue some credential types in a jurisdiction for a
/// period: the ledger entry a verifier consults to answer "is this board accredited for licences here, now?".
///
/// The entry is a JSON object secured with a Data Integrity `eddsa-jcs-2022` proof (purpose
/// `assertionMethod`) by a key of `trustRoot`, so anyone holding the ledger can check it offline:
/// ```json
/// {"type": "MedCredAccreditation", "id": "urn:uuid:…", "trustRoot": "did:…", "issuer": "did:…",
///  "credentialTypes": ["MedicalLicenseCredential"], "jurisdiction": "US-CA",
///  "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2031-01-01T00:00:00Z", "proof": {…}}
/// ```
public struct Accreditation: Hashable, Sendable {
    /// The value of `type`.
    public static let typeName = "MedCredAccreditation"

    /// A unique URI naming this accreditation, which a withdrawal refers to.
    public let id: String
    /// The accrediting authority.
    public let trustRoot: DID
    /// The accredited issuer.
    public let issuer: DID
    /// The credential types the issuer may issue.
    public let credentialTypes: [String]
    /// ISO 3166-1 alpha-2 country or ISO 3166-2 subdivision code; a country covers its subdivisions.
    public let jurisdiction: String
    /// Start of the accreditation.
    public let validFrom: XSDDateTime
    /// End of the accreditation, if any.
    public let validUntil: XSDDateTime?
    /// The signed entry as it appears on the ledger.
    public let json: JSONValue

    /// Reads an accreditation entry (the proof is checked separately, by ``AccreditationRegistry``).
    /// - Parameter json: the entry.
    /// - Throws: ``AccreditationError/malformed(pointer:)`` naming the first bad member.
    public init(json: JSONValue) throws(AccreditationError) {
        guard json["type"]?.stringValue == Self.typeName else { throw .malformed(pointer: "/type") }
        guard let id = json["id"]?.stringValue, id.contains(":") else { throw .malformed(pointer: "/id") }
        guard let root = json["trustRoot"]?.stringValue.flatMap({ try? DID(parsing: $0) }) else {
            throw .malformed(pointer: "/trustRoot")
        }
        guard let issuer = json["issuer"]?.stringValue.flatMap({ try? DID(parsing: $0) }) else {
            throw .malformed(pointer: "/issuer")
        }
        guard let types = json["credentialTypes"]?.arrayValue?.compactMap(\.stringValue), !types.isEmpty,
            types.count == json["credentialTypes"]?.arrayValue?.count
        else { throw .malformed(pointer: "/credentialTypes") }
        guard let jurisdiction = json["jurisdiction"]?.stringValue, Self.isJurisdiction(jurisdiction) else {
            throw .malformed(pointer: "/jurisdiction")
        }
        guard let from = json["validFrom"]?.stringValue.flatMap({ try? XSDDateTime(parsing: $0) }) else {
            throw .malformed(pointer: "/validFrom")
        }
        var until: XSDDateTime?
        if let value = json["validUntil"] {
            guard let parsed = value.stringValue.flatMap({ try? XSDDateTime(parsing: $0) }),
                from.isBefore(parsed) == true
            else { throw .malformed(pointer: "/validUntil") }
            until = parsed
        }
        guard json["proof"] != nil else { throw .malformed(pointer: "/proof") }
        self.id = id
        self.trustRoot = root
        self.issuer = issuer
        self.credentialTypes = types
        self.jurisdiction = jurisdiction
        self.validFrom = from
        self.validUntil = until
        self.json = json
    }

    /// Whether this accreditation's jurisdiction covers `jurisdiction`: equal, or the country of a subdivision.
    /// - Parameter jurisdiction: where the credential applies, e.g. `US-CA`.
    public func covers(jurisdiction requested: String) -> Bool {
        requested == jurisdiction || (!jurisdiction.contains("-") && requested.hasPrefix(jurisdiction + "-"))
    }

    /// Whether `instant` lies within validFrom…validUntil.
    /// - Parameter instant: the time asked about.
    public func isInForce(at instant: XSDDateTime) -> Bool {
        guard validFrom.isBefore(instant) == true || validFrom.isSameInstant(as: instant) == true else { return false }
        guard let validUntil else { return true }
        return instant.isBefore(validUntil) == true
    }

    /// `CC` or `CC-XXX` (ISO 3166-1 alpha-2, ISO 3166-2), upper case.
    static func isJurisdiction(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let isUpper: (UInt8) -> Bool = { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        let isUpperOrDigit: (UInt8) -> Bool = { isUpper($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
        guard bytes.count >= 2, isUpper(bytes[0]), isUpper(bytes[1]) else { return false }
        if bytes.count == 2 { return true }
        return bytes.count >= 4 && bytes.count <= 6 && bytes[2] == UInt8(ascii: "-")
            && bytes[3...].allSatisfy(isUpperOrDigit)
    }
}

/// A trust root's signed withdrawal of an earlier accreditation, effective from `withdrawnAt`.
public struct AccreditationWithdrawal: Hashable, Sendable {
    /// The value of `type`.
    public static let typeName = "MedCredAccreditationWithdrawal"

    /// The `id` of the accreditation withdrawn.
    public let accreditation: String
    /// The authority withdrawing it; must be the one that granted it.
    public let trustRoot: DID
    /// From when the accreditation no longer holds.
    public let withdrawnAt: XSDDateTime
    /// The signed entry.
    public let json: JSONValue

    /// Reads a withdrawal entry.
    /// - Parameter json: the entry.
    /// - Throws: ``AccreditationError/malformed(pointer:)``.
    public init(json: JSONValue) throws(AccreditationError) {
        guard json["type"]?.stringValue == Self.typeName else { throw .malformed(pointer: "/type") }
        guard let accreditation = json["accreditation"]?.stringValue, !accreditation.isEmpty else {
            throw .malformed(pointer: "/accreditation")
        }
        guard let root = json["trustRoot"]?.stringValue.flatMap({ try? DID(parsing: $0) }) else {
            throw .malformed(pointer: "/trustRoot")
        }
        guard let at = json["withdrawnAt"]?.stringValue.flatMap({ try? XSDDateTime(parsing: $0) }) else {
            throw .malformed(pointer: "/withdrawnAt")
        }
        guard json["proof"] != nil else { throw .malformed(pointer: "/proof") }
        self.accreditation = accreditation
        self.trustRoot = root
        self.withdrawnAt = at
        self.json = json
    }
}

/// Why an accreditation entry cannot be read.
public enum AccreditationError: Error, Equatable, Sendable {
    /// A member is missing or malformed; the pointer names it.
    case malformed(pointer: String)
    /// Creating the proof failed.
    case signing(ProofGenerationError)
}
