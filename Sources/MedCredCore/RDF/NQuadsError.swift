/// Why N-Quads text could not be parsed (W3C RDF 1.1 N-Quads §5, https://www.w3.org/TR/n-quads/#sec-grammar).
///
/// Lines and columns count from 1; columns count Unicode scalars.
public enum NQuadsError: Error, Equatable, Sendable {
    /// A character that the grammar does not allow here; `expected` names what was.
    case unexpectedCharacter(Character, expected: String, line: Int, column: Int)
    /// The line, or the text, ended where `expected` was required.
    case unexpectedEndOfLine(expected: String, line: Int)
    /// An IRI with no scheme: N-Quads allows only absolute IRIs.
    case relativeIRI(String, line: Int)
    /// An IRI holding, after unescaping, a character IRIREF forbids (a space, `<`, `>`, `"`, `{`, …).
    case invalidIRICharacter(String, line: Int)
    /// A `\` escape that is neither an ECHAR nor a UCHAR, or a UCHAR naming no Unicode scalar.
    case invalidEscape(String, line: Int, column: Int)
    /// A blank node label that breaks BLANK_NODE_LABEL (such as one ending in `.`).
    case invalidBlankNodeLabel(String, line: Int)
    /// A language tag that breaks LANGTAG.
    case invalidLanguageTag(String, line: Int)
}
