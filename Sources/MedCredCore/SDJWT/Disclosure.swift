internal import MedCredCrypto

/// One SD-JWT disclosure: `[salt, name, value]` for an object member or `[salt, value]` for an array element,
/// as the base64url text that is hashed (RFC 9901 §4.2.1–4.2.3, https://www.rfc-editor.org/rfc/rfc9901#section-4.2).
///
/// The digest is computed over the ASCII of ``encoded`` exactly as received, never over a re-encoding
/// (RFC 9901 §4.2.3), so a disclosure written with other whitespace still matches its digest.
public struct Disclosure: Hashable, Sendable {
    /// The salt as written (MedCred writes 128 random bits, base64url).
    public let salt: String
    /// The claim name, or `nil` for an array element.
    public let name: String?
    /// The disclosed value.
    public let value: JSONValue
    /// The base64url disclosure text.
    public let encoded: String
    /// `BASE64URL(SHA-256(ASCII(encoded)))`, the value placed in `_sd` or `{"...": …}`.
    public let digest: String

    /// Builds a disclosure and its encoding: the JSON array written compactly (RFC 9901 §4.2.1).
    /// - Parameters:
    ///   - salt: the salt text; at least 128 bits of entropy (RFC 9901 §9.3).
    ///   - name: the claim name, or `nil` for an array element.
    ///   - value: the value.
    public init(salt: String, name: String?, value: JSONValue) {
        self.salt = salt
        self.name = name
        self.value = value
        let array: JSONValue =
            name.map { .array([.string(salt), .string($0), value]) } ?? .array([.string(salt), value])
        self.encoded = Base64URL.encode(array.utf8Bytes)
        self.digest = Self.digest(of: encoded)
    }

    /// Parses a disclosure (RFC 9901 §7.1 step 3.2).
    /// - Parameters:
    ///   - text: the base64url disclosure.
    ///   - position: its 0-based place in the SD-JWT, for the error.
    /// - Throws: ``SDJWTError/malformedDisclosure(position:_:)``.
    public init(parsing text: some StringProtocol, position: Int = 0) throws(SDJWTError) {
        let bytes: [UInt8]
        do { bytes = try Base64URL.decode(text) } catch {
            throw .malformedDisclosure(position: position, .notBase64URL)
        }
        guard !bytes.isEmpty else { throw .malformedDisclosure(position: position, .notBase64URL) }
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes) } catch { throw .malformedDisclosure(position: position, .notJSON) }
        guard let elements = json.arrayValue else { throw .malformedDisclosure(position: position, .notArray) }
        guard elements.count == 2 || elements.count == 3 else {
            throw .malformedDisclosure(position: position, .wrongElementCount(elements.count))
        }
        guard let salt = elements[0].stringValue else { throw .malformedDisclosure(position: position, .saltNotString) }
        if elements.count == 3 {
            guard let name = elements[1].stringValue else {
                throw .malformedDisclosure(position: position, .nameNotString)
            }
            self.name = name
        } else {
            self.name = nil
        }
        self.salt = salt
        self.value = elements[elements.count - 1]
        self.encoded = String(text)
        self.digest = Self.digest(of: encoded)
    }

    /// `BASE64URL(SHA-256(ASCII(text)))`, the `sha-256` digest of RFC 9901 §4.2.3 and the `sd_hash` of §4.3.1.
    /// - Parameter text: a disclosure, or the SD-JWT up to and including its last `~`.
    /// - Returns: the unpadded base64url digest.
    public static func digest(of text: some StringProtocol) -> String {
        Base64URL.encode(SHA256.hash(Array(text.utf8)))
    }
}

/// Where a claim sits in the (processed) claims: member names and array indices from the top
/// (RFC 9901 §4.2; the same idea as the claims paths of OpenID4VP DCQL).
public struct SDJWTClaimPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Hashable, Sendable {
        /// An object member.
        case name(String)
        /// An array element, 0-based.
        case index(Int)
    }

    /// The steps, from the top-level claims.
    public let components: [Component]

    /// A path from its steps.
    /// - Parameter components: the steps.
    public init(_ components: [Component]) {
        self.components = components
    }

    /// A path of member names, e.g. `SDJWTClaimPath(names: "address", "region")`.
    /// - Parameter names: the member names.
    public init(names: String...) {
        self.components = names.map(Component.name)
    }

    /// The path with one more step.
    /// - Parameter component: the step.
    /// - Returns: the longer path.
    public func appending(_ component: Component) -> SDJWTClaimPath {
        SDJWTClaimPath(components + [component])
    }

    /// Whether `self` equals `other` or lies above it.
    /// - Parameter other: a path.
    /// - Returns: `true` when `components` is a prefix of `other.components`.
    public func isPrefix(of other: SDJWTClaimPath) -> Bool {
        other.components.starts(with: components)
    }

    /// The path as a JSON Pointer (RFC 6901), e.g. `/address/region`, `/nationalities/0`.
    public var description: String {
        components.map { component in
            switch component {
            case .name(let name):
                "/" + name.map { $0 == "~" ? "~0" : $0 == "/" ? "~1" : String($0) }.joined()
            case .index(let index): "/\(index)"
            }
        }.joined()
    }
}
