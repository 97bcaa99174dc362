import MedCredCore
import MedCredTestSupport
import Testing

/// ``SchemaPatternProgram`` decides exactly what `Regex` (configured as the validator configures it) decides,
/// and declines every pattern outside its subset. JSON Schema Validation 2020-12 §6.3.3:
/// https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
@Suite struct SchemaPatternProgramTests {
    /// The patterns of MedCred's credential schemas, each with a string it matches.
    private static let credentialPatterns: [(pattern: String, example: String)] = [
        ("^[A-Za-z0-9][A-Za-z0-9./-]*$", "MD-123.45/x"),
        ("^[A-Z]{2}(-[A-Z0-9]{1,3})?$", "US-CA"),
        ("^did:[a-z0-9]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._%-]$", "did:key:z6Mk%20a.b"),
        ("^(did:[a-z0-9]+:|https://)", "https://board.example"),
    ]

    private static let alphabet = Array("aAzZ09-./_:%dikhtps\n\r é\u{301}€")

    /// The reference: `Regex` as ``JSONSchema`` builds it.
    private static func regexMatches(_ pattern: String, _ text: String) -> Bool? {
        guard let regex = try? Regex(pattern) else { return nil }
        return text.contains(regex.matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters())
    }

    private static func mutated(_ text: String, _ random: inout SplitMix64) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let character = alphabet.randomElement(using: &random) ?? "a"
            let position = Int.random(in: 0...characters.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: characters.insert(character, at: position)
            case 1 where position < characters.count: characters[position] = character
            default: if position < characters.count { characters.remove(at: position) }
            }
        }
        return String(characters)
    }

    @Test(arguments: credentialPatterns.map(\.pattern))
    func compilesEveryCredentialSchemaPattern(_ pattern: String) {
        #expect(SchemaPatternProgram(parsing: pattern) != nil)
    }

    @Test func agreesWithRegexOnCredentialPatterns() throws {
        var random = SplitMix64(seed: 0x5C4E_3A00_0001)
        for (pattern, example) in Self.credentialPatterns {
            let program = try #require(SchemaPatternProgram(parsing: pattern))
            #expect(program.matches(example), "\(pattern)")
            for _ in 0..<1500 {
                let text = Self.mutated(example, &random)
                #expect(
                    program.matches(text) == Self.regexMatches(pattern, text),
                    "seed \(random.seed): \(pattern) on \(text.debugDescription)")
            }
        }
    }

    @Test(arguments: [
        "^$", "^a*$", "^(a|b)+c?$", "^[-a]{2,}$", "^[a-]{0,2}z", "^\\d\\d+$", "^\\.\\-\\/$", "^(a|)$", "^()*$",
        "^(a*)*b$", "^[+-/]$", "^x{3}$", "^(ab|a)(bc|c)$", "^a$b", "^[$|()*?{}]+$", "^(($)|a)", "^[\\d.]-$",
    ])
    func agreesWithRegexOnEdgeCases(_ pattern: String) throws {
        let program = try #require(SchemaPatternProgram(parsing: pattern))
        var random = SplitMix64(seed: 0x5C4E_3A00_0002)
        let texts = ["", "a", "ab", "abc", "aab", "b", "c", "xxx", "-", "--", "a-", "0-", "+", ",", "/", ".-/", "$|"]
        for seed in texts {
            for text in [seed] + (0..<40).map({ _ in Self.mutated(seed, &random) }) {
                #expect(
                    program.matches(text) == Self.regexMatches(pattern, text),
                    "seed \(random.seed): \(pattern) on \(text.debugDescription)")
            }
        }
    }

    @Test(arguments: [
        "a", "^a|b", "^a*?", "^a*+", "^a{,3}", "^(?:a)", "^[^a]", "^.", "^\\s", "^[[:alpha:]]", "^[a&&b]", "^[a--b]",
        "^[a-z-0]", "^é", "^a{2", "^a{3,1}", "^a**", "^[]a]", "^\\p{L}", "^$*", "^a{1001}", "^\\b", "^\\w", "^[::]",
        "^[.a]",
    ])
    func declinesSyntaxOutsideItsSubset(_ pattern: String) {
        #expect(SchemaPatternProgram(parsing: pattern) == nil)
    }

    @Test func agreesWithRegexOnRandomPatterns() {
        var random = SplitMix64(seed: 0x5C4E_3A00_0003)
        var checked = 0
        for _ in 0..<1000 {
            let pattern = "^" + RandomPattern.sequence(depth: 0, &random)
            guard let program = SchemaPatternProgram(parsing: pattern) else { continue }
            checked += 1
            for _ in 0..<30 {
                let text = Self.mutated(RandomPattern.sample(&random), &random)
                #expect(
                    program.matches(text) == Self.regexMatches(pattern, text),
                    "seed \(random.seed): \(pattern) on \(text.debugDescription)")
            }
        }
        #expect(checked > 700, "seed \(random.seed)")
    }
}

/// Random patterns in (and near) ``SchemaPatternProgram``'s subset, and strings over their characters.
private enum RandomPattern {
    static let literals = ["a", "b", "Z", "0", "9", "-", "/", ":", "_", "%", "\\.", "\\-", "\\d", "\\/", "_"]
    static let classItems = ["a-z", "A-Z", "0-9", ".", "/", "_", ":", "%", "\\d", "\\-", "ab", "+-/"]
    static let quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "{1,3}"]

    static func sequence(depth: Int, _ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in atom(depth: depth, &random) }.joined()
    }

    static func atom(depth: Int, _ random: inout SplitMix64) -> String {
        let quantifier = quantifiers.randomElement(using: &random) ?? ""
        switch Int.random(in: 0..<10, using: &random) {
        case 0 where depth < 3:
            let branches = (0..<Int.random(in: 1...3, using: &random)).map { _ in sequence(depth: depth + 1, &random) }
            return "(" + branches.joined(separator: "|") + ")" + quantifier
        case 1, 2:
            let items = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                classItems.randomElement(using: &random) ?? "a"
            }
            let dash = Bool.random(using: &random) ? "-" : ""
            return "[" + items.joined() + dash + "]" + quantifier
        case 3 where depth > 0: return "$"
        default: return (literals.randomElement(using: &random) ?? "a") + quantifier
        }
    }

    static func sample(_ random: inout SplitMix64) -> String {
        let characters = Array("abZ09-/:_%.x+")
        return String(
            (0..<Int.random(in: 0...8, using: &random)).map { _ in characters.randomElement(using: &random) ?? "a" })
    }
}
