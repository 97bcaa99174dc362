/// A JSON-LD active context (JSON-LD 1.1 API §4.1, https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm).
struct JSONLDContext: Sendable {
    var baseIRI: String?
    var originalBaseURL: String?
    var vocabularyMapping: String?
    var defaultLanguage: String?
    var defaultBaseDirection: String?
    var terms: [String: JSONLDTermDefinition] = [:]
    /// Boxed in an array because a struct cannot hold itself.
    var previousContext: [JSONLDContext] = []
    var processingMode: String = "json-ld-1.1"
    /// This context's identity in a ``JSONLDContextCache``, or `nil` when it did not come from one (or has been
    /// changed since); only a context with an identity has its processing results cached.
    var cacheID: UInt64?

    init(base: String?) {
        baseIRI = base
        originalBaseURL = base
    }
}

/// A term definition (JSON-LD 1.1 API §4.2, https://www.w3.org/TR/json-ld11-api/#create-term-definition).
struct JSONLDTermDefinition: Sendable {
    var iri: String?
    var isPrefix = false
    var isProtected = false
    var isReverse = false
    var baseURL: String?
    var localContext: JSONLDScopedContext?
    var container: Set<String> = []
    /// `nil`: not set; `.null`: explicitly none; `.string`: a direction.
    var direction: JSONValue?
    var index: String?
    /// `nil`: not set; `.null`: explicitly none; `.string`: a language tag.
    var language: JSONValue?
    var nest: String?
    var typeMapping: String?

    /// Equality ignoring `isProtected`, for protected-term redefinition checks (§4.2 step 27).
    func sameDefinition(as other: JSONLDTermDefinition) -> Bool {
        iri == other.iri && isPrefix == other.isPrefix && isReverse == other.isReverse
            && localContext?.value == other.localContext?.value && container == other.container && direction == other.direction
            && index == other.index && language == other.language && nest == other.nest
            && typeMapping == other.typeMapping
    }
}

/// The JSON-LD keywords (JSON-LD 1.1 §9.2, https://www.w3.org/TR/json-ld11/#keywords).
enum JSONLDKeyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index",
        "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse",
        "@set", "@type", "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ text: String) -> Bool { text.utf8.first == UInt8(ascii: "@") && all.contains(text) }
}

/// A term's scoped context (`@context` in its definition), boxed so that processing it can be memoized by
/// identity: the definitions of a cached context are created once, so their boxes are the same object every time
/// the term is met, and hashing the box is cheaper than hashing the context's JSON.
final class JSONLDScopedContext: Sendable {
    let value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }
}
