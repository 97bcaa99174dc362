/// N-Quads parsing and canonical serialization
/// (W3C RDF 1.1 N-Quads, https://www.w3.org/TR/n-quads/, and the canonical form RDFC-1.0 §4.6 requires,
/// https://www.w3.org/TR/rdf-canon/#canonical-quads).
public enum NQuads {
    /// Parses an N-Quads document strictly: absolute IRIs only, valid escapes only, one statement a line.
    /// - Parameter text: the document.
    /// - Returns: the dataset, quads in document order (duplicates kept).
    /// - Throws: ``NQuadsError`` naming the first fault and its line.
    public static func parse(_ text: String) throws(NQuadsError) -> RDFDataset {
        var parser = NQuadsParser(text)
        return RDFDataset(quads: try parser.parseDocument())
    }

    /// Serializes a dataset as canonical N-Quads: one quad a line in the given order, each ending in `\n`.
    /// - Parameter dataset: the dataset.
    /// - Returns: the text.
    public static func serialize(_ dataset: RDFDataset) -> String {
        var text = ""
        for quad in dataset.quads { text += line(quad) }
        return text
    }

    /// One quad in canonical N-Quads form, with its `\n` (RDFC-1.0 §4.6).
    /// - Parameter quad: the quad.
    /// - Returns: the line.
    public static func line(_ quad: RDFQuad) -> String {
        var bytes: [UInt8] = []
        appendLine(quad, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One term in canonical N-Quads form.
    /// - Parameter term: the term.
    /// - Returns: its text.
    public static func term(_ term: RDFTerm) -> String {
        switch term {
        case .iri(let iri): return "<" + escapeIRI(iri) + ">"
        case .blankNode(let label): return "_:" + label
        case .literal(let literal):
            var text = "\"" + escapeLiteral(literal.lexicalForm) + "\""
            if let language = literal.language {
                text += "@" + language
            } else if literal.datatype != RDFLiteral.xsdString {
                text += "^^<" + escapeIRI(literal.datatype) + ">"
            }
            return text
        }
    }

    /// Canonical N-Triples escapes `"`, `\`, and the controls; `\b \t \n \f \r` use ECHAR, the other
    /// controls (U+0000–U+001F, U+007F) UCHAR with uppercase hex; everything else is written as is.
    static func escapeLiteral(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\"" || $0 == "\\" || $0.value == 0x7F })
        else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\u{08}": out.append(contentsOf: "\\b".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\u{0C}": out.append(contentsOf: "\\f".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out.append(contentsOf: uchar(scalar).unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// IRIs are written unescaped; a character IRIREF forbids (only reachable through a hand-built term)
    /// becomes a UCHAR so the line still parses.
    static func escapeIRI(_ iri: String) -> String {
        guard iri.utf8.contains(where: NQuadsParser.isForbiddenInIRI(byte:)) else { return iri }
        var out = ""
        for scalar in iri.unicodeScalars {
            if NQuadsParser.isForbiddenInIRI(scalar) { out += uchar(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func uchar(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
