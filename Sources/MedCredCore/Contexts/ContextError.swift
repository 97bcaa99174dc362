/// Why MedCred could not accept a pinned JSON-LD context or the pin list itself.
///
/// DESIGN.md "JSON-LD contexts": every accepted context is pinned by URL and SHA-256; a document that is
/// not pinned, or whose bytes differ from the pin, is refused rather than trusted.
public enum ContextError: Error, Equatable, Sendable {
    /// The pin list is not strict JSON (RFC 8259 with the I-JSON restrictions).
    case invalidPinsJSON(JSONParseError)
    /// A required member of the pin list is absent; `pointer` is where it belongs (`/contexts/3/sha256`).
    case missingPinMember(pointer: String)
    /// A member of the pin list has the wrong type or form (a URL that is not absolute, a file name with a
    /// `/`, a digest that is not 64 lower-case hex digits); `pointer` names it.
    case invalidPinMember(pointer: String)
    /// A member the pin list format does not define; `pointer` names it.
    case unexpectedPinMember(pointer: String)
    /// Two pins name the same URL.
    case duplicatePinURL(String)
    /// Two pins name the same cache file.
    case duplicatePinFile(String)
    /// A document was supplied for a URL that MedCred does not pin.
    case unpinnedURL(String)
    /// A document's SHA-256 differs from its pin; both digests are lower-case hex.
    case digestMismatch(url: String, expected: String, actual: String)
    /// A pinned document (its digest matched) is not strict JSON.
    case invalidDocument(url: String, JSONParseError)
    /// A pinned document is JSON but not a context document: an object whose `@context` is an object or
    /// an array (JSON-LD 1.1 §3.1, <https://www.w3.org/TR/json-ld11/#the-context>).
    case notAContextDocument(url: String)
}
