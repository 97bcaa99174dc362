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
    case collidingKeywords = "colliding keywords"
    case conflictingIndexes = "conflicting indexes"
    case contextOverflow = "context overflow"
    case cyclicIRIMapping = "cyclic IRI mapping"
    case invalidBaseDirection = "invalid base direction"
    case invalidBaseIRI = "invalid base IRI"
    case invalidContainerMapping = "invalid container mapping"
    case invalidContextEntry = "invalid context entry"
    case invalidContextNullification = "invalid context nullification"
    case invalidDefaultLanguage = "invalid default language"
    case invalidIdValue = "invalid @id value"
    case invalidImportValue = "invalid @import value"
    case invalidIncludedValue = "invalid @included value"
    case invalidIndexValue = "invalid @index value"
    case invalidIRIMapping = "invalid IRI mapping"
    case invalidKeywordAlias = "invalid keyword alias"
    case invalidLanguageMapValue = "invalid language map value"
    case invalidLanguageMapping = "invalid language mapping"
    case invalidLanguageTaggedString = "invalid language-tagged string"
    case invalidLanguageTaggedValue = "invalid language-tagged value"
    case invalidLocalContext = "invalid local context"
    case invalidNestValue = "invalid @nest value"
    case invalidPrefixValue = "invalid @prefix value"
    case invalidPropagateValue = "invalid @propagate value"
    case invalidProtectedValue = "invalid @protected value"
    case invalidRemoteContext = "invalid remote context"
    case invalidReverseProperty = "invalid reverse property"
    case invalidReversePropertyMap = "invalid reverse property map"
    case invalidReversePropertyValue = "invalid reverse property value"
    case invalidReverseValue = "invalid @reverse value"
    case invalidScopedContext = "invalid scoped context"
    case invalidScriptElement = "invalid script element"
    case invalidSetOrListObject = "invalid set or list object"
    case invalidTermDefinition = "invalid term definition"
    case invalidTypeMapping = "invalid type mapping"
    case invalidTypeValue = "invalid type value"
    case invalidTypedValue = "invalid typed value"
    case invalidValueObject = "invalid value object"
    case invalidValueObjectValue = "invalid value object value"
    case invalidVersionValue = "invalid @version value"
    case invalidVocabMapping = "invalid vocab mapping"
    case iriConfusedWithPrefix = "IRI confused with prefix"
    case keywordRedefinition = "keyword redefinition"
    case loadingDocumentFailed = "loading document failed"
    case loadingRemoteContextFailed = "loading remote context failed"
    case processingModeConflict = "processing mode conflict"
    case protectedTermRedefinition = "protected term redefinition"
    case recursiveContextInclusion = "recursive context inclusion"
    /// MedCred: a property or type that no context defines, under ``JSONLDOptions/UndefinedTerms/error``.
    case undefinedTerm = "undefined term"
}
