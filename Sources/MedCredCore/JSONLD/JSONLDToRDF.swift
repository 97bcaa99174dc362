/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1.2, https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm)
/// and Object to RDF (§8.1.3).
struct JSONLDToRDF {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    var nodeMap: JSONLDNodeMap
    var quads: [RDFQuad] = []

    mutating func run() {
        for graphName in nodeMap.graphs.keys.sorted() {
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else if let term = Self.resource(graphName) {
                graphTerm = term
            } else {
                continue
            }
            let graph = nodeMap.graphs[graphName] ?? [:]
            for subjectID in graph.keys.sorted() {
                guard let subject = Self.resource(subjectID), let node = graph[subjectID] else { continue }
                for property in node.names.sorted() {
                    emit(subject: subject, property: property, values: node[property] ?? .null, graph: graphTerm)
                }
            }
        }
    }

    private mutating func emit(subject: RDFTerm, property: String, values: JSONValue, graph: RDFTerm?) {
        if property == "@type" {
            for case .string(let type) in JSONLDExpander.array(values) {
                guard let object = Self.resource(type) else { continue }
                quads.append(
                    RDFQuad(subject: subject, predicate: .iri(Self.rdf + "type"), object: object, graph: graph))
            }
            return
        }
        guard !JSONLDKeyword.isKeyword(property), !property.hasPrefix("_:"), Self.isWellFormedIRI(property) else {
            return
        }
        for item in JSONLDExpander.array(values) {
            var listTriples: [RDFQuad] = []
            if let object = objectToRDF(item, listTriples: &listTriples) {
                quads.append(RDFQuad(subject: subject, predicate: .iri(property), object: object, graph: graph))
            }
            quads.append(
                contentsOf: listTriples.map {
                    RDFQuad(subject: $0.subject, predicate: $0.predicate, object: $0.object, graph: graph)
                })
        }
    }

    /// An IRI or blank node term for a node identifier; `nil` when it is a relative IRI.
    static func resource(_ id: String) -> RDFTerm? {
        if id.hasPrefix("_:") { return .blankNode(String(id.dropFirst(2))) }
        return isWellFormedIRI(id) ? .iri(id) : nil
    }

    static func isWellFormedIRI(_ text: String) -> Bool {
        guard JSONLDIRI.isAbsolute(text) else { return false }
        var fragments = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "#") {
                fragments += 1
                if fragments > 1 { return false }
            } else if NQuadsParser.isForbiddenInIRI(byte: byte) {
                return false
            }
        }
        return true
    }

    private mutating func objectToRDF(_ item: JSONValue, listTriples: inout [RDFQuad]) -> RDFTerm? {
        guard case .object(let object) = item else { return nil }
        if object["@value"] == nil, object["@list"] == nil {
            guard case .string(let id) = object["@id"] else { return nil }
            return Self.resource(id)
        }
        if case .array(let list) = object["@list"] { return listToRDF(list, listTriples: &listTriples) }
        return Self.literal(object)
    }

    private mutating func listToRDF(_ list: [JSONValue], listTriples: inout [RDFQuad]) -> RDFTerm {
        guard !list.isEmpty else { return .iri(Self.rdf + "nil") }
        let nodes = list.map { _ in RDFTerm.blankNode(String(nodeMap.blankNode().dropFirst(2))) }
        for (offset, item) in list.enumerated() {
            var nested: [RDFQuad] = []
            if let object = objectToRDF(item, listTriples: &nested) {
                listTriples.append(RDFQuad(subject: nodes[offset], predicate: .iri(Self.rdf + "first"), object: object))
            }
            listTriples.append(contentsOf: nested)
            let rest = offset + 1 < nodes.count ? nodes[offset + 1] : .iri(Self.rdf + "nil")
            listTriples.append(RDFQuad(subject: nodes[offset], predicate: .iri(Self.rdf + "rest"), object: rest))
        }
        return nodes[0]
    }

    private static func literal(_ object: JSONObject) -> RDFTerm? {
        let value = object["@value"] ?? .null
        var datatype = object["@type"]?.stringValue
        if let datatype, datatype != "@json", !isWellFormedIRI(datatype) { return nil }
        let language = object["@language"]?.stringValue
        if let language, !isWellFormedLanguageTag(language) { return nil }
        let lexical: String
        if datatype == "@json" {
            lexical = String(decoding: JCS.canonicalize(value), as: UTF8.self)
            datatype = rdf + "JSON"
        } else {
            switch value {
            case .bool(let flag):
                lexical = flag ? "true" : "false"
                datatype = datatype ?? xsd + "boolean"
            case .number(let number):
                let isDouble =
                    number.rounded(.towardZero) != number || number.magnitude >= 1e21 || datatype == xsd + "double"
                if isDouble {
                    lexical = JSONLDNumber.canonicalDouble(number)
                    datatype = datatype ?? xsd + "double"
                } else {
                    lexical = JSONLDNumber.integer(number)
                    datatype = datatype ?? xsd + "integer"
                }
            case .string(let text):
                lexical = text
            default:
                return nil
            }
        }
        if datatype == nil && language != nil { return .literal(RDFLiteral(lexical, language: language)) }
        return .literal(RDFLiteral(lexical, datatype: datatype ?? RDFLiteral.xsdString))
    }

    /// BCP 47 shape check (`[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`), as the N-Quads grammar requires.
    static func isWellFormedLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count),
            first.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count)
                && part.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
                }
        }
    }
}
