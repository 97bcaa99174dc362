/// Canonical N-Quads written straight into UTF-8 bytes: RDFC-1.0 serializes every quad several times (to
/// remove duplicates, per blank node for first-degree hashes, and for the result), and building `String`s
/// piece by piece dominated its cost. Every character N-Quads escapes is ASCII, so escaping works on bytes: a
/// byte of a multi-byte UTF-8 sequence (≥ 0x80) is never one of them.
extension NQuads {
    /// Appends one quad in canonical form with its `\n` (RDFC-1.0 §4.6), each blank node label passed
    /// through `label`.
    static func appendLine(_ quad: RDFQuad, to bytes: inout [UInt8], label: (String) -> String = { $0 }) {
        appendTerm(quad.subject, to: &bytes, label: label)
        bytes.append(UInt8(ascii: " "))
        appendTerm(quad.predicate, to: &bytes, label: label)
        bytes.append(UInt8(ascii: " "))
        appendTerm(quad.object, to: &bytes, label: label)
        if let graph = quad.graph {
            bytes.append(UInt8(ascii: " "))
            appendTerm(graph, to: &bytes, label: label)
        }
        bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "\n")])
    }

    /// Appends one term in canonical form.
    static func appendTerm(_ term: RDFTerm, to bytes: inout [UInt8], label: (String) -> String = { $0 }) {
        switch term {
        case .iri(let iri): appendIRI(iri, to: &bytes)
        case .blankNode(let name):
            bytes.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: ":")])
            bytes.append(contentsOf: label(name).utf8)
        case .literal(let literal):
            bytes.append(UInt8(ascii: "\""))
            appendLiteral(literal.lexicalForm, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
            if let language = literal.language {
                bytes.append(UInt8(ascii: "@"))
                bytes.append(contentsOf: language.utf8)
            } else if literal.datatype != RDFLiteral.xsdString {
                bytes.append(contentsOf: [UInt8(ascii: "^"), UInt8(ascii: "^")])
                appendIRI(literal.datatype, to: &bytes)
            }
        }
    }

    private static func appendIRI(_ iri: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "<"))
        var needsEscaping = false
        for byte in iri.utf8 where NQuadsParser.isForbiddenInIRI(byte: byte) {
            needsEscaping = true
            break
        }
        if needsEscaping {
            for byte in iri.utf8 {
                if NQuadsParser.isForbiddenInIRI(byte: byte) { appendUCHAR(byte, to: &bytes) } else { bytes.append(byte) }
            }
        } else {
            bytes.append(contentsOf: iri.utf8)  // the common case: nothing to escape, one copy
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// `"`, `\`, `\b \t \n \f \r` as ECHAR; the other controls (U+0000–U+001F, U+007F) as UCHAR.
    private static func appendLiteral(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20, 0x7F: appendUCHAR(byte, to: &bytes)
            default: bytes.append(byte)
            }
        }
    }

    /// `\uXXXX` with uppercase hex, for an ASCII character.
    private static func appendUCHAR(_ byte: UInt8, to bytes: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
    }
}
