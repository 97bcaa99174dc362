/// An RDF term: an IRI, a blank node or a literal
/// (W3C RDF 1.1 Concepts §3, https://www.w3.org/TR/rdf11-concepts/#section-rdf-graph).
public enum RDFTerm: Hashable, Sendable {
    /// An absolute IRI, stored unescaped.
    case iri(String)
    /// A blank node, by its label without the `_:` prefix.
    case blankNode(String)
    /// A literal.
    case literal(RDFLiteral)

    /// The label of a blank node, or `nil` for any other term.
    public var blankNodeLabel: String? {
        if case .blankNode(let label) = self { return label }
        return nil
    }
}

/// An RDF literal (W3C RDF 1.1 Concepts §3.3, https://www.w3.org/TR/rdf11-concepts/#section-Graph-Literal).
public struct RDFLiteral: Hashable, Sendable {
    /// `xsd:string`, the datatype of a literal written without one.
    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    /// `rdf:langString`, the datatype of every language-tagged string.
    public static let langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    /// The lexical form, unescaped.
    public var lexicalForm: String
    /// The datatype IRI.
    public var datatype: String
    /// The language tag, present exactly when ``datatype`` is `rdf:langString`.
    public var language: String?

    /// A literal.
    /// - Parameters:
    ///   - lexicalForm: the unescaped lexical form.
    ///   - datatype: the datatype IRI; defaults to `xsd:string`, or `rdf:langString` when `language` is given.
    ///   - language: a language tag.
    /// - Returns: the literal.
    public init(_ lexicalForm: String, datatype: String? = nil, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = datatype ?? (language == nil ? Self.xsdString : Self.langString)
    }
}

/// An RDF quad: a triple and the graph it belongs to
/// (W3C RDF 1.1 Concepts §4, https://www.w3.org/TR/rdf11-concepts/#section-dataset).
public struct RDFQuad: Hashable, Sendable {
    /// The subject: an IRI or a blank node.
    public var subject: RDFTerm
    /// The predicate: an IRI.
    public var predicate: RDFTerm
    /// The object: any term.
    public var object: RDFTerm
    /// The graph name, or `nil` for the default graph.
    public var graph: RDFTerm?

    /// A quad.
    /// - Parameters:
    ///   - subject: an IRI or blank node.
    ///   - predicate: an IRI.
    ///   - object: any term.
    ///   - graph: the graph name, `nil` for the default graph.
    /// - Returns: the quad.
    public init(subject: RDFTerm, predicate: RDFTerm, object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// An RDF dataset: a set of quads (W3C RDF 1.1 Concepts §4, https://www.w3.org/TR/rdf11-concepts/#section-dataset).
///
/// Quads keep their input order; duplicates are allowed here and removed by canonicalization, because a
/// dataset is a set.
public struct RDFDataset: Hashable, Sendable {
    /// The quads, in input order.
    public var quads: [RDFQuad]

    /// A dataset.
    /// - Parameter quads: the quads.
    /// - Returns: the dataset.
    public init(quads: [RDFQuad] = []) {
        self.quads = quads
    }
}
