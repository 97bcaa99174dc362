/// One quad with its IRIs and literals already in canonical N-Quads bytes, and its blank nodes left open.
///
/// RDFC-1.0 writes each quad several times with different blank node labels: to find duplicates, once per
/// blank node it mentions for the first-degree hash (`_:a` / `_:z`, §4.6), and in the result with canonical
/// labels. Escaping the IRIs and literals once and only filling in the labels afterwards keeps those writes to a
/// few copies.
struct SerializedQuad {
    /// A term: fixed bytes, or a blank node whose label is chosen when the line is written.
    enum Term {
        case fixed([UInt8])
        case blankNode(String)

        init(_ term: RDFTerm) {
            if case .blankNode(let label) = term {
                self = .blankNode(label)
            } else {
                var bytes: [UInt8] = []
                NQuads.appendTerm(term, to: &bytes)
                self = .fixed(bytes)
            }
        }
    }

    let quad: RDFQuad
    let terms: [Term]
    /// The predicate's bytes (never a blank node), for Hash Related Blank Node (§4.7 step 3).
    let predicate: [UInt8]

    init(_ quad: RDFQuad) {
        self.quad = quad
        var bytes: [UInt8] = []
        NQuads.appendTerm(quad.predicate, to: &bytes)
        predicate = bytes
        var terms = [Term(quad.subject), .fixed(bytes), Term(quad.object)]
        if let graph = quad.graph { terms.append(Term(graph)) }
        self.terms = terms
    }

    /// Appends the line with its `\n`, each blank node labelled by `label`.
    func appendLine(to bytes: inout [UInt8], label: (String) -> String) {
        for (position, term) in terms.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: " ")) }
            switch term {
            case .fixed(let fixed): bytes.append(contentsOf: fixed)
            case .blankNode(let name):
                bytes.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: ":")])
                bytes.append(contentsOf: label(name).utf8)
            }
        }
        bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "\n")])
    }

    /// The line as bytes.
    func line(label: (String) -> String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        appendLine(to: &bytes, label: label)
        return bytes
    }
}

/// UTF-8 bytes hashed eight at a time: the lines RDFC-1.0 compares for duplicates must match byte for byte
/// (RDF compares code points, where `String` would compare canonical equivalents), and hashing `[UInt8]`
/// element by element dominated the duplicate check.
struct ExactBytes: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        ExactString.hash(utf8: bytes, into: &hasher)
    }
}
