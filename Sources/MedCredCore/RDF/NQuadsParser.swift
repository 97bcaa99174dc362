/// A strict N-Quads parser over Unicode scalars (W3C RDF 1.1 N-Quads §5, https://www.w3.org/TR/n-quads/#sec-grammar).
struct NQuadsParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    var line = 1
    var lineStart = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parseDocument() throws(NQuadsError) -> [RDFQuad] {
        var quads: [RDFQuad] = []
        while position < scalars.count {
            skipSpaces()
            if let quad = try parseStatementIfAny() { quads.append(quad) }
            skipSpaces()
            try skipComment()
            guard let next = peek else { break }
            guard next == "\n" || next == "\r" else {
                throw unexpected(next, expected: "end of line")
            }
            while let eol = peek, eol == "\n" || eol == "\r" {
                position += 1
                if eol == "\n" || peek != "\n" { newLine() }
            }
        }
        return quads
    }

    private mutating func parseStatementIfAny() throws(NQuadsError) -> RDFQuad? {
        guard let first = peek, first != "\n", first != "\r", first != "#" else { return nil }
        let subject = try parseSubjectOrGraph(role: "subject (IRI or blank node)")
        skipSpaces()
        guard peek == "<" else { throw unexpectedHere(expected: "predicate IRI") }
        let predicate = RDFTerm.iri(try parseIRI())
        skipSpaces()
        let object = try parseObject()
        skipSpaces()
        var graph: RDFTerm?
        if peek != "." { graph = try parseSubjectOrGraph(role: "graph label or '.'") }
        skipSpaces()
        guard peek == "." else { throw unexpectedHere(expected: "'.'") }
        position += 1
        return RDFQuad(subject: subject, predicate: predicate, object: object, graph: graph)
    }

    private mutating func parseSubjectOrGraph(role: String) throws(NQuadsError) -> RDFTerm {
        switch peek {
        case "<": return .iri(try parseIRI())
        case "_": return .blankNode(try parseBlankNodeLabel())
        default: throw unexpectedHere(expected: role)
        }
    }

    private mutating func parseObject() throws(NQuadsError) -> RDFTerm {
        switch peek {
        case "<": return .iri(try parseIRI())
        case "_": return .blankNode(try parseBlankNodeLabel())
        case "\"": return .literal(try parseLiteral())
        default: throw unexpectedHere(expected: "object (IRI, blank node or literal)")
        }
    }

    // MARK: Terms

    private mutating func parseIRI() throws(NQuadsError) -> String {
        position += 1  // '<'
        var iri = String.UnicodeScalarView()
        while true {
            guard let scalar = peek, scalar != "\n", scalar != "\r" else {
                throw .unexpectedEndOfLine(expected: "'>' closing an IRI", line: line)
            }
            position += 1
            if scalar == ">" { break }
            if scalar == "\\" {
                let escaped = try parseEscape(allowECHAR: false)
                if Self.isForbiddenInIRI(escaped) { throw .invalidIRICharacter(String(iri) + "\\…", line: line) }
                iri.append(escaped)
            } else if Self.isForbiddenInIRI(scalar) {
                throw unexpected(scalar, at: position - 1, expected: "an IRI character")
            } else {
                iri.append(scalar)
            }
        }
        let text = String(iri)
        guard Self.hasScheme(text) else { throw .relativeIRI(text, line: line) }
        return text
    }

    private mutating func parseBlankNodeLabel() throws(NQuadsError) -> String {
        position += 1  // '_'
        guard peek == ":" else { throw unexpectedHere(expected: "':' after '_'") }
        position += 1
        guard let first = peek, Self.isPNCharsU(first) || ("0"..."9").contains(first) else {
            throw unexpectedHere(expected: "a blank node label")
        }
        var label = String.UnicodeScalarView([first])
        position += 1
        while let scalar = peek, Self.isPNChars(scalar) || scalar == "." {
            label.append(scalar)
            position += 1
        }
        // A label cannot end in '.', so trailing dots belong to the statement.
        while label.last == "." {
            label.removeLast()
            position -= 1
        }
        return String(label)
    }

    private mutating func parseLiteral() throws(NQuadsError) -> RDFLiteral {
        position += 1  // '"'
        var lexical = String.UnicodeScalarView()
        while true {
            guard let scalar = peek, scalar != "\n", scalar != "\r" else {
                throw .unexpectedEndOfLine(expected: "'\"' closing a literal", line: line)
            }
            position += 1
            if scalar == "\"" { break }
            lexical.append(scalar == "\\" ? try parseEscape(allowECHAR: true) : scalar)
        }
        let form = String(lexical)
        if peek == "@" {
            return RDFLiteral(form, language: try parseLanguageTag())
        }
        if peek == "^" {
            position += 1
            guard peek == "^" else { throw unexpectedHere(expected: "'^^'") }
            position += 1
            guard peek == "<" else { throw unexpectedHere(expected: "datatype IRI") }
            return RDFLiteral(form, datatype: try parseIRI())
        }
        return RDFLiteral(form)
    }

    private mutating func parseLanguageTag() throws(NQuadsError) -> String {
        position += 1  // '@'
        var tag = String.UnicodeScalarView()
        while let scalar = peek, scalar.isNQuadsAlphanumeric || scalar == "-" {
            tag.append(scalar)
            position += 1
        }
        let text = String(tag)
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, !primary.isEmpty, primary.unicodeScalars.allSatisfy(\.isNQuadsLetter),
            subtags.dropFirst().allSatisfy({ !$0.isEmpty })
        else { throw .invalidLanguageTag(text, line: line) }
        return text
    }
}
