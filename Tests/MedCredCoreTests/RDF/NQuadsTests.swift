import MedCredCore
import MedCredTestSupport
import Testing

/// A malformed N-Quads document and the error it must raise.
struct NQuadsRejection: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let error: NQuadsError
    var testDescription: String { name }
}

@Suite struct NQuadsTests {
    static let rejections: [NQuadsRejection] = [
        .init(name: "relative-iri", text: "<s> <urn:p> <urn:o> .", error: .relativeIRI("s", line: 1)),
        .init(
            name: "unterminated-iri", text: "<urn:s> <urn:p> <urn:o .",
            error: .unexpectedCharacter(" ", expected: "an IRI character", line: 1, column: 23)),
        .init(
            name: "iri-ends-at-line-end", text: "<urn:s> <urn:p> <urn:o\n",
            error: .unexpectedEndOfLine(expected: "'>' closing an IRI", line: 1)),
        .init(
            name: "unterminated-literal", text: "<urn:s> <urn:p> \"o .\n",
            error: .unexpectedEndOfLine(expected: "'\"' closing a literal", line: 1)),
        .init(
            name: "literal-subject", text: "\"s\" <urn:p> <urn:o> .",
            error: .unexpectedCharacter("\"", expected: "subject (IRI or blank node)", line: 1, column: 1)),
        .init(
            name: "blank-node-predicate", text: "<urn:s> _:p <urn:o> .",
            error: .unexpectedCharacter("_", expected: "predicate IRI", line: 1, column: 9)),
        .init(
            name: "literal-graph", text: "<urn:s> <urn:p> <urn:o> \"g\" .",
            error: .unexpectedCharacter("\"", expected: "graph label or '.'", line: 1, column: 25)),
        .init(
            name: "missing-dot", text: "<urn:s> <urn:p> <urn:o>\n",
            error: .unexpectedEndOfLine(expected: "graph label or '.'", line: 1)),
        .init(
            name: "trailing-data", text: "<urn:s> <urn:p> <urn:o> . <urn:x>",
            error: .unexpectedCharacter("<", expected: "end of line", line: 1, column: 27)),
        .init(
            name: "two-statements-one-line", text: "<urn:s> <urn:p> <urn:o> . <urn:s> <urn:p> <urn:o> .",
            error: .unexpectedCharacter("<", expected: "end of line", line: 1, column: 27)),
        .init(
            name: "unknown-echar", text: "<urn:s> <urn:p> \"\\x\" .",
            error: .invalidEscape("\\x", line: 1, column: 18)),
        .init(
            name: "short-uchar", text: "<urn:s> <urn:p> \"\\u00g0\" .",
            error: .invalidEscape("\\u00", line: 1, column: 18)),
        .init(
            name: "surrogate-uchar", text: "<urn:s> <urn:p> \"\\uD800\" .",
            error: .invalidEscape("\\uD800", line: 1, column: 18)),
        .init(
            name: "echar-in-iri", text: "<urn:s> <urn:p\\n> <urn:o> .",
            error: .invalidEscape("\\n", line: 1, column: 15)),
        .init(
            name: "uchar-space-in-iri", text: "<urn:s> <urn:p\\u0020> <urn:o> .",
            error: .invalidIRICharacter("urn:p\\…", line: 1)),
        .init(
            name: "bad-language-tag", text: "<urn:s> <urn:p> \"o\"@-en .",
            error: .invalidLanguageTag("-en", line: 1)),
        .init(
            name: "language-tag-empty-subtag", text: "<urn:s> <urn:p> \"o\"@en- .",
            error: .invalidLanguageTag("en-", line: 1)),
        .init(
            name: "single-caret-datatype", text: "<urn:s> <urn:p> \"o\"^<urn:t> .",
            error: .unexpectedCharacter("<", expected: "'^^'", line: 1, column: 21)),
        .init(
            name: "blank-node-no-label", text: "_: <urn:p> <urn:o> .",
            error: .unexpectedCharacter(" ", expected: "a blank node label", line: 1, column: 3)),
        .init(
            name: "error-on-second-line", text: "<urn:s> <urn:p> <urn:o> .\r\n<urn:s> <urn:p> o .",
            error: .unexpectedCharacter("o", expected: "object (IRI, blank node or literal)", line: 2, column: 17)),
    ]

    @Test(arguments: rejections)
    func rejectsMalformedDocument(_ rejection: NQuadsRejection) {
        #expect(throws: rejection.error) { try NQuads.parse(rejection.text) }
    }

    @Test func parsesEveryTermShape() throws {
        let text = """
            # a comment line

            <urn:s> <urn:p> "plain" .\t# trailing comment
            _:b.1 <urn:p> "hi"@en-GB <urn:g> .
            <urn:s><urn:p>"1"^^<urn:int>_:g.
            <urn:s> <urn:p> "\\U0001F303\\t\\"" _:b.1 .\r
            """
        let dataset = try NQuads.parse(text)
        #expect(
            dataset.quads == [
                RDFQuad(subject: .iri("urn:s"), predicate: .iri("urn:p"), object: .literal(RDFLiteral("plain"))),
                RDFQuad(
                    subject: .blankNode("b.1"), predicate: .iri("urn:p"),
                    object: .literal(RDFLiteral("hi", language: "en-GB")), graph: .iri("urn:g")),
                RDFQuad(
                    subject: .iri("urn:s"), predicate: .iri("urn:p"),
                    object: .literal(RDFLiteral("1", datatype: "urn:int")), graph: .blankNode("g")),
                RDFQuad(
                    subject: .iri("urn:s"), predicate: .iri("urn:p"), object: .literal(RDFLiteral("🌃\t\"")),
                    graph: .blankNode("b.1")),
            ])
    }

    @Test func parsesEmptyDocument() throws {
        #expect(try NQuads.parse("").quads.isEmpty)
        #expect(try NQuads.parse("\n\n# only a comment\n").quads.isEmpty)
    }

    @Test func serializesCanonicalEscapes() {
        let literal = RDFLiteral("\u{0}\u{8}\t\n\u{B}\u{C}\r\u{1F}\"\\'\u{7F}\u{80}∞")
        let quad = RDFQuad(subject: .blankNode("x"), predicate: .iri("urn:p"), object: .literal(literal))
        let escaped = #"\u0000\b\t\n\u000B\f\r\u001F\"\\'\u007F"# + "\u{80}∞"
        #expect(NQuads.line(quad) == "_:x <urn:p> \"" + escaped + "\" .\n")
    }

    @Test func omitsXSDStringAndKeepsOtherDatatypes() {
        #expect(NQuads.term(.literal(RDFLiteral("a", datatype: RDFLiteral.xsdString))) == "\"a\"")
        #expect(NQuads.term(.literal(RDFLiteral("a", language: "en"))) == "\"a\"@en")
        #expect(NQuads.term(.literal(RDFLiteral("1", datatype: "urn:t"))) == "\"1\"^^<urn:t>")
    }

    /// Every expected output of the W3C suite is canonical, so parsing and serializing it changes nothing.
    @Test(arguments: RDFCanonicalizerTests.evalTests)
    func canonicalOutputIsAFixedPoint(_ vector: RDFCanonVector) throws {
        let text = try vector.text(try #require(vector.result))
        #expect(NQuads.serialize(try NQuads.parse(text)) == text)
    }
}
