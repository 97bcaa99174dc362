/// Where a schema sits: a document (0 is the root schema, then registry entries) and a JSON Pointer.
struct SchemaAddress: Hashable, Sendable {
    var document: Int
    var pointer: String
}

/// Every schema resource, anchor and base URI in the root schema and the registry.
///
/// JSON Schema 2020-12 Core §8.2 (base URI, anchors, embedded resources) and §9.2 (compound documents):
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-8.2>. Only schema positions are
/// searched, so an `$id` or `$anchor` inside `const`, `enum` or an unknown keyword identifies nothing.
/// The walk keeps its own stack, so a deep document cannot overflow the call stack.
struct SchemaIndex: Sendable {
    /// The documents: the root schema first, then registry entries sorted by URI.
    private(set) var documents: [JSONValue] = []
    /// The URI each document was given ("" for a root schema, which has no retrieval URI).
    private(set) var documentNames: [String] = []
    /// Schema resources by URI without fragment; "" is the root document.
    private(set) var resources: [String: SchemaAddress] = [:]
    /// Plain-name fragments (`$anchor` and `$dynamicAnchor`) by `uri#name`.
    private(set) var anchors: [String: SchemaAddress] = [:]
    /// `$dynamicAnchor`s by resource URI, then name (Core §8.2.3.2).
    private(set) var dynamicAnchors: [String: [String: SchemaAddress]] = [:]
    /// The base URI (the enclosing resource's URI) of every schema position found.
    private(set) var bases: [SchemaAddress: String] = [:]

    /// Indexes `root` and every registry document.
    /// - Throws: ``SchemaError/invalidRegistryURI(_:)``, ``SchemaError/invalidIdentifier(_:location:)``,
    ///   ``SchemaError/duplicateIdentifier(_:location:)`` or ``SchemaError/invalidKeywordValue(keyword:location:)``.
    init(root: JSONValue, registry: SchemaRegistry) throws(SchemaError) {
        try add(root, name: "")
        for name in registry.documents.keys.sorted() {
            let uri = URIReference(splitting: name)
            guard uri.isAbsolute, uri.fragment?.isEmpty ?? true, let document = registry.documents[name] else {
                throw .invalidRegistryURI(name)
            }
            try add(document, name: uri.withoutFragment.text)
        }
    }

    /// The schema location used in errors: the document's URI, `#`, and the pointer.
    func location(_ address: SchemaAddress) -> String {
        documentNames[address.document] + "#" + address.pointer
    }

    /// The value at `address`, or `nil` when the pointer leads nowhere.
    func value(at address: SchemaAddress) -> JSONValue? {
        guard let tokens = SchemaPointer.tokens(address.pointer) else { return nil }
        return SchemaPointer.value(in: documents[address.document], at: tokens)
    }

    /// The schema a `$ref`/`$dynamicRef` value names, resolved against `base` (Core §8.2.3), and its base URI.
    /// - Parameters:
    ///   - reference: The keyword's value, a URI reference.
    ///   - base: The base URI of the schema holding the keyword ("" for none).
    ///   - location: The keyword's location, for errors.
    /// - Throws: ``SchemaError/unresolvedReference(_:location:)``.
    func resolve(_ reference: String, base: String, location: String) throws(SchemaError) -> (SchemaAddress, String) {
        let target = URIReference(splitting: reference).resolved(against: Self.uri(base))
        let key = target.withoutFragment.text
        guard let resource = resources[key] else { throw .unresolvedReference(reference, location: location) }
        guard let fragment = target.fragment, !fragment.isEmpty else { return (resource, key) }
        if fragment.hasPrefix("/") {
            guard let decoded = SchemaPointer.percentDecoded(fragment), let tokens = SchemaPointer.tokens(decoded)
            else {
                throw .unresolvedReference(reference, location: location)
            }
            let address = SchemaAddress(
                document: resource.document, pointer: tokens.reduce(resource.pointer, SchemaPointer.appending))
            guard value(at: address) != nil else { throw .unresolvedReference(reference, location: location) }
            return (address, bases[address] ?? key)
        }
        guard let address = anchors[key + "#" + fragment] else {
            throw .unresolvedReference(reference, location: location)
        }
        return (address, bases[address] ?? key)
    }

    /// `base` as a URI, or `nil` for the empty base of a root schema without `$id`.
    static func uri(_ base: String) -> URIReference? {
        base.isEmpty ? nil : URIReference(splitting: base)
    }

    private mutating func add(_ document: JSONValue, name: String) throws(SchemaError) {
        let number = documents.count
        documents.append(document)
        documentNames.append(name)
        let root = SchemaAddress(document: number, pointer: "")
        if resources[name] == nil { resources[name] = root }
        var pending: [(JSONValue, SchemaAddress, String)] = [(document, root, name)]
        while let (value, address, inherited) = pending.popLast() {
            guard case .object(let object) = value else {
                if bases[address] == nil { bases[address] = inherited }
                continue
            }
            let base = try identify(object, at: address, inheritedBase: inherited)
            for (child, pointer) in SchemaKeywordSet.subschemas(of: object, at: address.pointer) {
                pending.append((child, SchemaAddress(document: number, pointer: pointer), base))
            }
        }
    }

    /// Records the `$id`, `$anchor` and `$dynamicAnchor` of one schema object; returns its base URI.
    private mutating func identify(
        _ object: JSONObject, at address: SchemaAddress, inheritedBase: String
    ) throws(SchemaError) -> String {
        var base = inheritedBase
        if let id = object["$id"] {
            guard case .string(let text) = id else {
                throw .invalidKeywordValue(keyword: "$id", location: location(address))
            }
            let uri = URIReference(splitting: text).resolved(against: Self.uri(inheritedBase))
            guard uri.fragment?.isEmpty ?? true else { throw .invalidIdentifier(text, location: location(address)) }
            base = uri.withoutFragment.text
            try Self.register(base, at: address, in: &resources, location: location(address))
        }
        bases[address] = base
        for keyword in ["$anchor", "$dynamicAnchor"] {
            guard let anchor = object[keyword] else { continue }
            guard case .string(let name) = anchor, Self.isAnchorName(name) else {
                throw .invalidIdentifier(anchor.stringValue ?? keyword, location: location(address))
            }
            try Self.register(base + "#" + name, at: address, in: &anchors, location: location(address))
            if keyword == "$dynamicAnchor" { dynamicAnchors[base, default: [:]][name] = address }
        }
        return base
    }

    /// Adds `uri`; the same URI at another place in the same document is an error, and across
    /// documents the earlier one (the root schema first) wins.
    private static func register(
        _ uri: String, at address: SchemaAddress, in table: inout [String: SchemaAddress], location: String
    ) throws(SchemaError) {
        if let existing = table[uri] {
            if existing.document == address.document && existing != address {
                throw .duplicateIdentifier(uri, location: location)
            }
            return
        }
        table[uri] = address
    }

    /// `[A-Za-z_][-A-Za-z0-9._]*` (Core §8.2.2, the XML NCName production restricted to ASCII).
    static func isAnchorName(_ name: String) -> Bool {
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, isLetter(first) || first == "_" else { return false }
        return scalars.dropFirst().allSatisfy {
            isLetter($0) || ("0"..."9").contains($0) || "-._".unicodeScalars.contains($0)
        }
    }
}
