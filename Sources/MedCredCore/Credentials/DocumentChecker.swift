/// The checks credentials and presentations share: `@context`, `id`, `type`, `name`/`description` and
/// typed sub-objects (VC Data Model 2.0 §4.3–§4.6, <https://www.w3.org/TR/vc-data-model-2.0/#contexts>).
struct DocumentChecker {
    let options: CredentialValidationOptions
    var problems = CredentialProblemCollector()
    private(set) var context = CredentialContext()
    /// The version the first context declares; 2.0 when it declares none (the problem is reported).
    private(set) var version = DataModelVersion.v2
    /// Whether `@context` was present, so type terms can be looked up at all.
    private var hasContext = false

    init(options: CredentialValidationOptions) {
        self.options = options
    }

    /// VCDM 2.0 §4.3: `@context` is required, is an ordered set whose first item is the base context URL,
    /// and whose other items are URLs or objects processable as JSON-LD contexts.
    mutating func checkContext(of object: JSONObject) {
        let pointer = CredentialPointer.root.appending("@context")
        guard let value = object["@context"] else {
            problems.malformed(pointer, "@context is required and must start with \(KnownContexts.credentialsV2)")
            return
        }
        let entries = CredentialJSON.members(of: value, at: pointer)
        guard let (firstPointer, first) = entries.first else {
            problems.malformed(pointer, "@context must not be empty")
            return
        }
        hasContext = true
        switch first.stringValue {
        case KnownContexts.credentialsV2?:
            version = .v2
        case KnownContexts.credentialsV1? where options.allowsVersion1:
            version = .v1
        case KnownContexts.credentialsV1?:
            problems.malformed(firstPointer, "VC Data Model 1.1 documents are not accepted here")
        default:
            problems.malformed(firstPointer, "the first @context item must be \(KnownContexts.credentialsV2)")
        }
        var collector = problems
        context.apply(value, at: pointer, known: options.contexts, problems: &collector)
        problems = collector
    }

    /// VCDM 2.0 §4.4 Identifiers: "If present, the value of the id property MUST be a single URL".
    mutating func checkID(in object: JSONObject, at pointer: CredentialPointer, required: Bool = false) {
        if let id = object["id"] {
            checkURL(id, at: pointer.appending("id"), property: "id")
        } else if required {
            problems.malformed(pointer.appending("id"), "id is required here")
        }
    }

    /// Reports `value` unless it is a single absolute URL string (VCDM 2.0 §4.4, §4.7, §4.13).
    mutating func checkURL(_ value: JSONValue, at pointer: CredentialPointer, property: String) {
        switch value {
        case .string(let text) where CredentialURL.isAbsoluteURL(text):
            return
        case .string:
            problems.malformed(pointer, "\(property) must be a URL (an absolute URI with a scheme)")
        case .array:
            problems.malformed(pointer, "\(property) must be a single URL, not an array")
        default:
            problems.malformed(pointer, "\(property) must be a URL string, not \(CredentialJSON.kind(of: value))")
        }
    }

    /// VCDM 2.0 §4.5 Types: `type` holds one or more terms or absolute URLs, each defined by the context;
    /// `required` names a type that must be among them.
    mutating func checkTypes(
        _ value: JSONValue?, at pointer: CredentialPointer, mustExist: Bool = true, including required: String? = nil
    ) {
        guard let value else {
            if mustExist { problems.malformed(pointer, "type is required") }
            return
        }
        if case .array(let elements) = value, elements.isEmpty {
            problems.malformed(pointer, "type must not be empty")
        }
        var names: [String] = []
        for (elementPointer, element) in CredentialJSON.members(of: value, at: pointer) {
            guard let name = element.stringValue else {
                problems.malformed(
                    elementPointer, "type values must be strings, not \(CredentialJSON.kind(of: element))")
                continue
            }
            names.append(name)
            if hasContext, let problem = context.problem(withType: name) {
                problems.malformed(elementPointer, problem)
            }
        }
        if let required, !names.contains(required), !(value.arrayValue?.isEmpty ?? false) {
            problems.malformed(pointer, "type must include \(required)")
        }
    }

    /// Checks the `type` of an embedded node, first applying the node's own `@context` if it has one
    /// (JSON-LD 1.1 §4.1 embedded contexts); the document's context is restored afterwards.
    mutating func checkNodeTypes(_ node: JSONObject, at pointer: CredentialPointer, mustExist: Bool) {
        guard let embedded = node["@context"], hasContext else {
            checkTypes(node["type"], at: pointer.appending("type"), mustExist: mustExist)
            return
        }
        let documentContext = context
        var collector = problems
        context.apply(embedded, at: pointer.appending("@context"), known: options.contexts, problems: &collector)
        problems = collector
        checkTypes(node["type"], at: pointer.appending("type"), mustExist: mustExist)
        context = documentContext
    }

    /// VCDM 2.0 §4.6 Names and Descriptions: `name` and `description` are strings or language value objects
    /// (`@value`, optional `@language` and `@direction`, nothing else), or sets of those.
    mutating func checkNamesAndDescriptions(in object: JSONObject, at pointer: CredentialPointer) {
        for property in ["name", "description"] {
            guard let value = object[property] else { continue }
            for (itemPointer, item) in CredentialJSON.members(of: value, at: pointer.appending(property)) {
                switch item {
                case .string: continue
                case .object(let languageValue): checkLanguageValue(languageValue, at: itemPointer, property: property)
                default:
                    problems.malformed(
                        itemPointer,
                        "\(property) must be a string or a language value object, not \(CredentialJSON.kind(of: item))")
                }
            }
        }
    }

    private mutating func checkLanguageValue(_ object: JSONObject, at pointer: CredentialPointer, property: String) {
        if object["@value"]?.stringValue == nil {
            problems.malformed(pointer.appending("@value"), "a language value object needs a string @value")
        }
        for name in object.names where !["@value", "@language", "@direction"].contains(name) {
            problems.malformed(
                pointer.appending(name),
                "a \(property) language value object may hold only @value, @language, @direction")
        }
        if let language = object["@language"], !(language.stringValue.map(Self.isLanguageTag) ?? false) {
            problems.malformed(pointer.appending("@language"), "@language must be a BCP 47 language tag")
        }
        if let direction = object["@direction"], direction != "ltr", direction != "rtl" {
            problems.malformed(pointer.appending("@direction"), "@direction must be \"ltr\" or \"rtl\"")
        }
    }

    /// A well-formed BCP 47 tag in outline (RFC 5646 §2.1): alphabetic primary subtag of 1–8 letters,
    /// then alphanumeric subtags of 1–8 characters.
    static func isLanguageTag(_ text: String) -> Bool {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (1...8).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// Checks a property whose value is one or more objects that must each have a `type` (and, when
    /// `idRequired`, an `id`), with any `id` a URL: VCDM 2.0 §4.10 status, §4.11 schemas, §5.4 refresh,
    /// §5.5 terms of use, §5.6 evidence, and proofs (VC Data Integrity §2.1).
    mutating func checkTypedObjects(
        _ property: String, in object: JSONObject, at pointer: CredentialPointer, idRequired: Bool = false,
        typeRequired: Bool = true
    ) {
        guard let value = object[property] else { return }
        let propertyPointer = pointer.appending(property)
        if case .array(let elements) = value, elements.isEmpty {
            problems.malformed(propertyPointer, "\(property) must hold at least one object")
        }
        for (itemPointer, item) in CredentialJSON.members(of: value, at: propertyPointer) {
            guard let itemObject = item.objectValue else {
                problems.malformed(
                    itemPointer, "\(property) must be an object or objects, not \(CredentialJSON.kind(of: item))")
                continue
            }
            checkNodeTypes(itemObject, at: itemPointer, mustExist: typeRequired)
            checkID(in: itemObject, at: itemPointer, required: idRequired)
        }
    }
}
