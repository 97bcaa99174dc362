/// A JSON-LD processing error, named by its spec error code
/// (JSON-LD 1.1 API §9.4.2, https://www.w3.org/TR/json-ld11-api/#jsonlderrorcode).
public struct JSONLDError: Error, Equatable, Sendable {
    /// The spec error code.
    public let code: JSONLDErrorCode
    /// The fragment of input that raised it (a term, keyword or IRI).
    public let fragment: String

    /// An error.
    /// - Parameters:
    ///   - code: the spec error code.
    ///   - fragment: the offending term, keyword or IRI.
    public init(_ code: JSONLDErrorCode, _ fragment: String = "") {
        self.code = code
        self.fragment = fragment
    }
}

/// The error codes of JSON-LD 1.1 API §9.4.2 (https://www.w3.org/TR/json-ld11-api/#jsonlderrorcode); the raw
/// value is the spec's text, plus MedCred's ``undefinedTerm`` for terms no context defines.
public enum JSONLDErrorCode: String, Sendable {
    /// The spec error `colliding keywords`.
    case collidingKeywords = "colliding keywords"
    /// The spec error `conflicting indexes`.
    case conflictingIndexes = "conflicting indexes"
    /// The spec error `context overflow`.
    case contextOverflow = "context overflow"
    /// The spec error `cyclic IRI mapping`.
    case cyclicIRIMapping = "cyclic IRI mapping"
    /// The spec error `invalid base direction`.
    case invalidBaseDirection = "invalid base direction"
    /// The spec error `invalid base IRI`.
    case invalidBaseIRI = "invalid base IRI"
    /// The spec error `invalid container mapping`.
    case invalidContainerMapping = "invalid container mapping"
    /// The spec error `invalid context entry`.
    case invalidContextEntry = "invalid context entry"
    /// The spec error `invalid context nullification`.
    case invalidContextNullification = "invalid context nullification"
    /// The spec error `invalid default language`.
    case invalidDefaultLanguage = "invalid default language"
    /// The spec error `invalid @id value`.
    case invalidIdValue = "invalid @id value"
    /// The spec error `invalid @import value`.
    case invalidImportValue = "invalid @import value"
    /// The spec error `invalid @included value`.
    case invalidIncludedValue = "invalid @included value"
    /// The spec error `invalid @index value`.
    case invalidIndexValue = "invalid @index value"
    /// The spec error `invalid IRI mapping`.
    case invalidIRIMapping = "invalid IRI mapping"
    /// The spec error `invalid keyword alias`.
    case invalidKeywordAlias = "invalid keyword alias"
    /// The spec error `invalid language map value`.
    case invalidLanguageMapValue = "invalid language map value"
    /// The spec error `invalid language mapping`.
    case invalidLanguageMapping = "invalid language mapping"
    /// The spec error `invalid language-tagged string`.
    case invalidLanguageTaggedString = "invalid language-tagged string"
    /// The spec error `invalid language-tagged value`.
    case invalidLanguageTaggedValue = "invalid language-tagged value"
    /// The spec error `invalid local context`.
    case invalidLocalContext = "invalid local context"
    /// The spec error `invalid @nest value`.
    case invalidNestValue = "invalid @nest value"
    /// The spec error `invalid @prefix value`.
    case invalidPrefixValue = "invalid @prefix value"
    /// The spec error `invalid @propagate value`.
    case invalidPropagateValue = "invalid @propagate value"
    /// The spec error `invalid @protected value`.
    case invalidProtectedValue = "invalid @protected value"
    /// The spec error `invalid remote context`.
    case invalidRemoteContext = "invalid remote context"
    /// The spec error `invalid reverse property`.
    case invalidReverseProperty = "invalid reverse property"
    /// The spec error `invalid reverse property map`.
    case invalidReversePropertyMap = "invalid reverse property map"
    /// The spec error `invalid reverse property value`.
    case invalidReversePropertyValue = "invalid reverse property value"
    /// The spec error `invalid @reverse value`.
    case invalidReverseValue = "invalid @reverse value"
    /// The spec error `invalid scoped context`.
    case invalidScopedContext = "invalid scoped context"
    /// The spec error `invalid script element`.
    case invalidScriptElement = "invalid script element"
    /// The spec error `invalid set or list object`.
    case invalidSetOrListObject = "invalid set or list object"
    /// The spec error `invalid term definition`.
    case invalidTermDefinition = "invalid term definition"
    /// The spec error `invalid type mapping`.
    case invalidTypeMapping = "invalid type mapping"
    /// The spec error `invalid type value`.
    case invalidTypeValue = "invalid type value"
    /// The spec error `invalid typed value`.
    case invalidTypedValue = "invalid typed value"
    /// The spec error `invalid value object`.
    case invalidValueObject = "invalid value object"
    /// The spec error `invalid value object value`.
    case invalidValueObjectValue = "invalid value object value"
    /// The spec error `invalid @version value`.
    case invalidVersionValue = "invalid @version value"
    /// The spec error `invalid vocab mapping`.
    case invalidVocabMapping = "invalid vocab mapping"
    /// The spec error `IRI confused with prefix`.
    case iriConfusedWithPrefix = "IRI confused with prefix"
    /// The spec error `keyword redefinition`.
    case keywordRedefinition = "keyword redefinition"
    /// The spec error `loading document failed`.
    case loadingDocumentFailed = "loading document failed"
    /// The spec error `loading remote context failed`.
    case loadingRemoteContextFailed = "loading remote context failed"
    /// The spec error `processing mode conflict`.
    case processingModeConflict = "processing mode conflict"
    /// The spec error `protected term redefinition`.
    case protectedTermRedefinition = "protected term redefinition"
    /// The spec error `recursive context inclusion`.
    case recursiveContextInclusion = "recursive context inclusion"
    /// MedCred: a property or type that no context defines, under ``JSONLDOptions/UndefinedTerms/error``.
    case undefinedTerm = "undefined term"
}

extension JSONLDError: CustomStringConvertible {
    /// The spec code and the offending fragment; a term no context defines is said in words.
    public var description: String {
        if code == .undefinedTerm { return "'\(fragment)' is not defined by any of the document's contexts" }
        return fragment.isEmpty ? code.rawValue : "\(code.rawValue): \(fragment)"
    }
}
