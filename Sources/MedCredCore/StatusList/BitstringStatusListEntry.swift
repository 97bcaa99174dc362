/// The purpose of a status: what a set entry means.
///
/// W3C Bitstring Status List v1.0 §2.1, `statusPurpose`,
/// <https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistentry>.
public enum StatusPurpose: String, CaseIterable, Hashable, Sendable {
    /// Signals that the credential should be refreshed.
    case refresh
    /// Cancel the validity of a credential permanently.
    case revocation
    /// Temporarily prevent the acceptance of a credential.
    case suspension
    /// A status message described by `statusMessage`.
    case message
}

/// One `credentialStatus` entry of type `BitstringStatusListEntry`.
///
/// W3C Bitstring Status List v1.0 §2.1 "BitstringStatusListEntry",
/// <https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistentry>.
public struct BitstringStatusListEntry: Hashable, Sendable {
    /// The entry's type.
    public static let type = "BitstringStatusListEntry"

    /// One `statusMessage` member: a hex status value and its message.
    public struct StatusMessage: Hashable, Sendable {
        /// The status value, e.g. `0x1`.
        public let status: String
        /// What the value means.
        public let message: String
    }

    /// The entry's `id`, if any.
    public let id: String?
    /// What a set status means.
    public let statusPurpose: StatusPurpose
    /// The entry's position in the list.
    public let statusListIndex: Int
    /// The URL of the ``BitstringStatusListCredential``.
    public let statusListCredential: String
    /// The bits per status; 1 unless given.
    public let statusSize: Int
    /// The meanings of the status values; required when `statusSize` is more than 1.
    public let statusMessage: [StatusMessage]

    /// Parses an entry.
    /// - Parameter object: a `credentialStatus` object.
    /// - Throws: ``BitstringStatusListEntryError`` naming the member that is missing or malformed.
    public init(parsing object: JSONObject) throws(BitstringStatusListEntryError) {
        guard object["type"]?.stringValue == Self.type else { throw .notABitstringStatusListEntry }
        if let id = object["id"] {
            guard let text = id.stringValue, CredentialURL.isAbsoluteURL(text) else { throw .malformed("id") }
            self.id = text
        } else {
            self.id = nil
        }
        let purpose = try Self.string(object, "statusPurpose")
        guard let statusPurpose = StatusPurpose(rawValue: purpose) else { throw .unknownStatusPurpose(purpose) }
        self.statusPurpose = statusPurpose
        self.statusListIndex = try Self.index(try Self.string(object, "statusListIndex"))
        let list = try Self.string(object, "statusListCredential")
        guard CredentialURL.isAbsoluteURL(list) else { throw .malformed("statusListCredential") }
        self.statusListCredential = list
        self.statusSize = try Self.statusSize(object["statusSize"])
        self.statusMessage = try Self.messages(object["statusMessage"], statusSize: statusSize)
    }

    private static func string(_ object: JSONObject, _ name: String) throws(BitstringStatusListEntryError) -> String {
        guard let value = object[name] else { throw .missing(name) }
        guard let text = value.stringValue else { throw .malformed(name) }
        return text
    }

    /// §2.1: "The string value MUST be an integer greater than or equal to 0 expressed as a base-10 string."
    private static func index(_ text: String) throws(BitstringStatusListEntryError) -> Int {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), text.utf8.count <= 15,
            let value = Int(text)
        else { throw .invalidStatusListIndex(text) }
        return value
    }

    private static func statusSize(_ value: JSONValue?) throws(BitstringStatusListEntryError) -> Int {
        guard let value else { return 1 }
        guard let number = value.doubleValue, number == number.rounded(), (1...8).contains(number) else {
            throw .malformed("statusSize")
        }
        return Int(number)
    }

    /// §2.1: when `statusSize` is more than 1, `statusMessage` MUST be present and list every possible value.
    private static func messages(_ value: JSONValue?, statusSize: Int) throws(BitstringStatusListEntryError)
        -> [StatusMessage]
    {
        guard let value else {
            guard statusSize == 1 else { throw .missing("statusMessage") }
            return []
        }
        guard let array = value.arrayValue else { throw .malformed("statusMessage") }
        var messages: [StatusMessage] = []
        for element in array {
            guard let status = element["status"]?.stringValue, let message = element["message"]?.stringValue
            else { throw .malformed("statusMessage") }
            messages.append(StatusMessage(status: status, message: message))
        }
        if statusSize > 1, messages.count != 1 << statusSize {
            throw .statusMessageCount(expected: 1 << statusSize, actual: messages.count)
        }
        return messages
    }

    /// The `BitstringStatusListEntry` entries of `credential`'s `credentialStatus`, parsed; entries of other
    /// types are left out.
    /// - Parameter credential: the credential.
    /// - Returns: each entry's position in `credentialStatus` (`nil` when it is a single object) and the
    ///   entry or why it is malformed.
    public static func entries(of credential: VerifiableCredential)
        -> [(pointer: String, entry: Result<BitstringStatusListEntry, BitstringStatusListEntryError>)]
    {
        let isArray = credential.json["credentialStatus"]?.arrayValue != nil
        return credential.credentialStatus.enumerated().compactMap { offset, object in
            guard object["type"]?.stringValue == type else { return nil }
            let pointer = isArray ? "/credentialStatus/\(offset)" : "/credentialStatus"
            do throws(BitstringStatusListEntryError) {
                return (pointer, .success(try BitstringStatusListEntry(parsing: object)))
            } catch {
                return (pointer, .failure(error))
            }
        }
    }
}

/// Why a `credentialStatus` object is not a valid `BitstringStatusListEntry` (§2.1).
public enum BitstringStatusListEntryError: Error, Equatable, Sendable {
    /// `type` is not `BitstringStatusListEntry`.
    case notABitstringStatusListEntry
    /// A required member is absent.
    case missing(String)
    /// A member has the wrong JSON type or is not a URL.
    case malformed(String)
    /// `statusPurpose` is none of `refresh`, `revocation`, `suspension`, `message`.
    case unknownStatusPurpose(String)
    /// `statusListIndex` is not a base-10 string of digits.
    case invalidStatusListIndex(String)
    /// `statusMessage` does not list each of the `2^statusSize` values.
    case statusMessageCount(expected: Int, actual: Int)

    /// The member the error is about, for a JSON Pointer.
    public var member: String? {
        switch self {
        case .notABitstringStatusListEntry: "type"
        case .missing(let name), .malformed(let name): name
        case .unknownStatusPurpose: "statusPurpose"
        case .invalidStatusListIndex: "statusListIndex"
        case .statusMessageCount: "statusMessage"
        }
    }
}
