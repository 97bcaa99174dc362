internal import MedCredCrypto

/// The JSON-LD contexts MedCred accepts, pinned by URL and SHA-256: the parsed form of `contexts/pins.json`.
///
/// DESIGN.md "JSON-LD contexts"; VC Data Model 2.0 §4.3 Contexts,
/// <https://www.w3.org/TR/vc-data-model-2.0/#contexts>, lets a verifier that does not fetch contexts accept
/// only those it knows, and §5.13 (Securing Mechanism Specifications) asks that their content be checked
/// by digest. The format is `{"contexts": [{"url", "file", "sha256", "source"?, "embedded"?}, …]}`.
public struct ContextPins: Sendable {
    /// Every pin, in the order of the list.
    public let pins: [ContextPin]
    private let byURL: [String: ContextPin]

    /// Parses a pin list strictly: every entry needs an absolute `url`, a bare `file` name and a
    /// lower-case hex `sha256`; `source` (text) and `embedded` (boolean) are optional; nothing else is allowed.
    /// - Parameter text: the JSON text of `pins.json`.
    /// - Throws: ``ContextError/invalidPinsJSON(_:)``, ``ContextError/missingPinMember(pointer:)``,
    ///   ``ContextError/invalidPinMember(pointer:)``, ``ContextError/unexpectedPinMember(pointer:)``,
    ///   ``ContextError/duplicatePinURL(_:)`` or ``ContextError/duplicatePinFile(_:)``.
    public init(parsing text: String) throws(ContextError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: text)
        } catch {
            throw .invalidPinsJSON(error)
        }
        guard let root = json.objectValue else { throw .invalidPinMember(pointer: "") }
        if let extra = root.names.first(where: { $0 != "contexts" }) {
            throw .unexpectedPinMember(pointer: "/" + extra)
        }
        guard let entries = root["contexts"] else { throw .missingPinMember(pointer: "/contexts") }
        guard let array = entries.arrayValue else { throw .invalidPinMember(pointer: "/contexts") }
        var pins: [ContextPin] = []
        var byURL: [String: ContextPin] = [:]
        var files: Set<String> = []
        for (index, entry) in array.enumerated() {
            let pin = try Self.pin(entry, at: "/contexts/\(index)")
            guard byURL[pin.url] == nil else { throw .duplicatePinURL(pin.url) }
            guard files.insert(pin.file).inserted else { throw .duplicatePinFile(pin.file) }
            byURL[pin.url] = pin
            pins.append(pin)
        }
        self.pins = pins
        self.byURL = byURL
    }

    /// The pin for `url`, if MedCred pins it.
    /// - Parameter url: a context URL, compared exactly.
    public subscript(url: String) -> ContextPin? { byURL[url] }

    /// Whether `bytes` are the document pinned for `url`.
    /// - Parameters:
    ///   - url: a context URL, compared exactly.
    ///   - bytes: the document as read or downloaded.
    /// - Returns: `true` when `url` is pinned and the SHA-256 of `bytes` equals its pin.
    public func verify(url: String, bytes: some Collection<UInt8>) -> Bool {
        guard let pin = byURL[url] else { return false }
        return SHA256.hash(bytes) == pin.sha256
    }

    /// Checks `bytes` against the pin for `url` and parses them as a context document.
    /// - Parameters:
    ///   - url: a context URL, compared exactly.
    ///   - bytes: the document as read or downloaded.
    /// - Returns: the document, an object with an `@context` object or array.
    /// - Throws: ``ContextError/unpinnedURL(_:)``, ``ContextError/digestMismatch(url:expected:actual:)``,
    ///   ``ContextError/invalidDocument(url:_:)`` or ``ContextError/notAContextDocument(url:)``.
    public func document(url: String, bytes: some Collection<UInt8>) throws(ContextError) -> JSONValue {
        guard let pin = byURL[url] else { throw .unpinnedURL(url) }
        let digest = SHA256.hash(bytes)
        guard digest == pin.sha256 else {
            throw .digestMismatch(url: url, expected: pin.sha256Hex, actual: ContextPin.hex(digest))
        }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw .invalidDocument(url: url, error)
        }
        switch document["@context"] {
        case .object?, .array?: return document
        default: throw .notAContextDocument(url: url)
        }
    }

    private static let members: Set<String> = ["url", "file", "sha256", "source", "embedded"]

    private static func pin(_ entry: JSONValue, at pointer: String) throws(ContextError) -> ContextPin {
        guard let object = entry.objectValue else { throw .invalidPinMember(pointer: pointer) }
        if let extra = object.names.first(where: { !members.contains($0) }) {
            throw .unexpectedPinMember(pointer: pointer + "/" + extra)
        }
        let url = try string(object, "url", at: pointer)
        guard CredentialURL.isAbsoluteURL(url) else { throw .invalidPinMember(pointer: pointer + "/url") }
        let file = try string(object, "file", at: pointer)
        guard isBareFileName(file) else { throw .invalidPinMember(pointer: pointer + "/file") }
        guard let sha256 = ContextPin.digest(hex: try string(object, "sha256", at: pointer)) else {
            throw .invalidPinMember(pointer: pointer + "/sha256")
        }
        if let source = object["source"], source.stringValue == nil {
            throw .invalidPinMember(pointer: pointer + "/source")
        }
        var isEmbedded = false
        if let flag = object["embedded"] {
            guard let value = flag.boolValue else { throw .invalidPinMember(pointer: pointer + "/embedded") }
            isEmbedded = value
        }
        return ContextPin(url: url, file: file, sha256: sha256, isEmbedded: isEmbedded)
    }

    private static func string(_ object: JSONObject, _ name: String, at pointer: String) throws(ContextError)
        -> String
    {
        guard let value = object[name] else { throw .missingPinMember(pointer: pointer + "/" + name) }
        guard let text = value.stringValue else { throw .invalidPinMember(pointer: pointer + "/" + name) }
        return text
    }

    /// A name a cache folder can hold without leaving it: no separator, no leading dot, printable ASCII.
    private static func isBareFileName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "." else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && scalar.value > 0x20 && scalar.value < 0x7f && scalar != "/" && scalar != "\\"
        }
    }
}
