/// Regular expressions for `pattern` and `patternProperties`, with ECMA-262 `u`-mode semantics where
/// Swift's `Regex` differs.
///
/// JSON Schema Validation 2020-12 §6.3.3 and Core §6.4: <https://json-schema.org/draft/2020-12/json-schema-core#section-6.4>.
/// Patterns are not anchored (a match anywhere passes). `\d` and `\w` are ASCII-only and matching is by
/// Unicode scalar, as in ECMA-262 with the `u` flag; `Regex` would otherwise match Unicode digits and
/// whole grapheme clusters. Syntax `Regex` cannot run (lookbehind, `\c` control escapes) makes the schema
/// invalid rather than half-checked; syntax only `Regex` knows (POSIX classes, inline options) is read
/// its way. Simple `^`-anchored patterns are compiled once, with the schema, to a ``SchemaPatternProgram``
/// that decides them exactly as `Regex` does; `Regex` is not `Sendable`, so for the other patterns a
/// ``JSONSchema`` keeps the text and each validation compiles what it uses once.
enum SchemaPattern {
    /// The compiled expression, or `nil` when `pattern` is not a regular expression `Regex` accepts.
    static func compile(_ pattern: String) -> Regex<AnyRegexOutput>? {
        guard let regex = try? Regex(pattern) else { return nil }
        return regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
    }
}

/// A checked pattern: its text, and the program that decides it without `Regex` when it is simple enough.
struct SchemaCompiledPattern: Sendable {
    let source: String
    let program: SchemaPatternProgram?

    /// `source`, already known to compile.
    init(_ source: String) {
        self.source = source
        self.program = SchemaPatternProgram(parsing: source)
    }
}

/// The `Regex`es compiled so far during one validation, for patterns outside ``SchemaPatternProgram``'s subset.
struct SchemaPatternCache {
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    /// Whether `pattern` matches anywhere in `text`.
    mutating func matches(_ pattern: SchemaCompiledPattern, _ text: String) -> Bool {
        if let program = pattern.program { return program.matches(text) }
        return matches(pattern.source, text)
    }

    /// Whether `pattern` matches anywhere in `text`; a pattern that no longer compiles matches nothing
    /// (it cannot happen: ``JSONSchema`` compiled it once already).
    mutating func matches(_ pattern: String, _ text: String) -> Bool {
        if let regex = compiled[pattern] { return text.contains(regex) }
        guard let regex = SchemaPattern.compile(pattern) else { return false }
        compiled[pattern] = regex
        return text.contains(regex)
    }
}
