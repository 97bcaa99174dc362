/// A `BitstringStatusListCredential`: the credential that publishes a status list.
///
/// W3C Bitstring Status List v1.0 §2.1 "BitstringStatusListCredential",
/// <https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential>.
public struct BitstringStatusListCredential: Hashable, Sendable {
    /// The credential's type.
    public static let type = "BitstringStatusListCredential"
    /// The subject's type.
    public static let subjectType = "BitstringStatusList"

    /// The credential.
    public let credential: VerifiableCredential
    /// The subject's purposes (a string or an array of them in the JSON).
    public let statusPurposes: [StatusPurpose]
    /// The compressed list.
    public let encodedList: String
    /// The issuer's id.
    public let issuerID: String
    /// How long, in milliseconds, the list may be cached; `nil` when not given.
    public let ttl: Int?

    /// Builds an unsigned status list credential, ready for a proof.
    /// - Parameters:
    ///   - id: the credential's URL, which entries name in `statusListCredential`.
    ///   - issuer: the issuer's DID (the same as the credentials it covers).
    ///   - statusPurpose: the purpose of the list.
    ///   - encodedList: ``BitstringStatusList/encodedList(compress:)``.
    ///   - validFrom: when the list takes effect, an XML Schema `dateTimeStamp`.
    ///   - validUntil: when it stops being valid, if ever.
    ///   - ttl: the caching time in milliseconds, if any.
    /// - Returns: the credential JSON with `@context` VCDM 2.0.
    public static func draft(
        id: String, issuer: String, statusPurpose: StatusPurpose, encodedList: String, validFrom: String,
        validUntil: String? = nil, ttl: Int? = nil
    ) -> JSONValue {
        var subject: JSONObject = [
            "id": .string(id + "#list"), "type": .string(subjectType),
            "statusPurpose": .string(statusPurpose.rawValue), "encodedList": .string(encodedList),
        ]
        if let ttl { subject["ttl"] = .number(Double(ttl)) }
        var json: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2)], "id": .string(id),
            "type": ["VerifiableCredential", .string(type)], "issuer": .string(issuer),
            "validFrom": .string(validFrom), "credentialSubject": .object(subject),
        ]
        json.setMember("validUntil", validUntil.map(JSONValue.string))
        return json
    }

    /// Reads a status list credential.
    /// - Parameter credential: the credential, already verified.
    /// - Throws: ``BitstringStatusListCredentialError`` naming what is missing or malformed.
    public init(parsing credential: VerifiableCredential) throws(BitstringStatusListCredentialError) {
        guard credential.types.contains(Self.type) else { throw .notAStatusListCredential }
        guard let issuerID = credential.issuerID else { throw .malformed("/issuer") }
        let subjects = credential.credentialSubjects
        guard subjects.count == 1, let subject = subjects.first else { throw .malformed("/credentialSubject") }
        guard subject["type"]?.stringValue == Self.subjectType else { throw .malformed("/credentialSubject/type") }
        guard let encodedList = subject["encodedList"]?.stringValue else {
            throw .malformed("/credentialSubject/encodedList")
        }
        let purposeValues = subject["statusPurpose"].map { $0.arrayValue ?? [$0] } ?? []
        var purposes: [StatusPurpose] = []
        for value in purposeValues {
            guard let purpose = value.stringValue.flatMap(StatusPurpose.init(rawValue:)) else {
                throw .malformed("/credentialSubject/statusPurpose")
            }
            purposes.append(purpose)
        }
        guard !purposes.isEmpty else { throw .malformed("/credentialSubject/statusPurpose") }
        if let ttl = subject["ttl"] {
            guard let number = ttl.doubleValue, number >= 0, number == number.rounded(), number < 1e15 else {
                throw .malformed("/credentialSubject/ttl")
            }
            self.ttl = Int(number)
        } else {
            self.ttl = nil
        }
        self.credential = credential
        self.statusPurposes = purposes
        self.encodedList = encodedList
        self.issuerID = issuerID
    }

    /// The status of `entry` in this list.
    ///
    /// W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm": the purposes must match, the list must be
    /// long enough, and the index must be in it.
    /// - Parameters:
    ///   - entry: the credential's status entry.
    ///   - decompress: GZIP decompression with an output limit.
    /// - Returns: the entry's status value (0: not set).
    /// - Throws: ``BitstringStatusListCredentialError/purposeMismatch(entry:list:)`` or
    ///   ``BitstringStatusListCredentialError/list(_:)`` (decoding, length, range).
    public func status(of entry: BitstringStatusListEntry, decompress: StatusListDecompress)
        throws(BitstringStatusListCredentialError) -> UInt8
    {
        guard statusPurposes.contains(entry.statusPurpose) else {
            throw .purposeMismatch(entry: entry.statusPurpose, list: statusPurposes)
        }
        do throws(BitstringStatusListError) {
            let list = try BitstringStatusList(
                encodedList: encodedList, statusSize: entry.statusSize, decompress: decompress)
            return try list.status(at: entry.statusListIndex)
        } catch {
            throw .list(error)
        }
    }
}

/// Why a status list credential cannot answer for an entry (§3.2).
public enum BitstringStatusListCredentialError: Error, Equatable, Sendable {
    /// The credential's `type` lacks `BitstringStatusListCredential`.
    case notAStatusListCredential
    /// The member at this JSON Pointer is missing or malformed.
    case malformed(String)
    /// The entry's `statusPurpose` is not one of the list's.
    case purposeMismatch(entry: StatusPurpose, list: [StatusPurpose])
    /// The list could not be decoded or read.
    case list(BitstringStatusListError)

    /// The Bitstring Status List problem type a verifier reports.
    public var problemType: ProblemType {
        switch self {
        case .notAStatusListCredential, .malformed: .statusRetrieval
        case .purposeMismatch: .statusVerification
        case .list(let error): error.problemType
        }
    }
}
