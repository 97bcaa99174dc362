/// A parsed pattern in the subset ``SchemaPatternProgram`` decides.
indirect enum SchemaPatternNode: Sendable {
    case set(SchemaASCIISet)
    case end
    case sequence([SchemaPatternNode])
    case alternation([SchemaPatternNode])
    case repetition(SchemaPatternNode, minimum: Int, maximum: Int?)
}

/// Reads the subset of ECMA-262 regular expression syntax (ECMA-262 §22.2.1,
/// <https://tc39.es/ecma262/#sec-patterns>) whose meaning `Regex` shares; anything it is not sure of,
/// including syntax only one of the two engines knows (`(?…)`, `[[:alpha:]]`, `&&`, `{,n}`, lazy and
/// possessive quantifiers, `.`, `\s`, `\w`), makes ``parse(_:)`` return `nil`.
struct SchemaPatternParser {
    /// Deeper group nesting is left to `Regex`, so parsing cannot exhaust the stack.
    private static let maxGroupDepth = 16
    /// Larger repetition counts are left to `Regex`.
    private static let maxCount = 1000
    /// Punctuation that stands for itself outside a class in both engines.
    private static let plainPunctuation = Set("-/:_%,;=@!'\"<>&~#".utf8)
    /// Punctuation that stands for itself inside a class in both engines.
    private static let classPunctuation = Set("._:%/+,;=@!#*?(){}|$'\"<>".utf8)
    /// Punctuation that a backslash makes literal in both engines.
    private static let escapable = Set(".-/+*?()[]{}\\^$|".utf8)

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    /// The pattern's tree, or `nil` when it is not a `^`-anchored pattern in the subset. Later top-level
    /// alternatives would not be anchored, so `|` is accepted only inside a group.
    static func parse(_ pattern: String) -> SchemaPatternNode? {
        var parser = SchemaPatternParser(bytes: Array(pattern.utf8))
        guard parser.take(UInt8(ascii: "^")), let node = parser.sequence(), parser.position == parser.bytes.count
        else { return nil }
        return node
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    private mutating func alternation() -> SchemaPatternNode? {
        guard let first = sequence() else { return nil }
        var branches = [first]
        while take(UInt8(ascii: "|")) {
            guard let branch = sequence() else { return nil }
            branches.append(branch)
        }
        return branches.count == 1 ? first : .alternation(branches)
    }

    private mutating func sequence() -> SchemaPatternNode? {
        var items: [SchemaPatternNode] = []
        while let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            guard let atom = atom() else { return nil }
            guard let item = quantified(atom) else { return nil }
            items.append(item)
        }
        return .sequence(items)
    }

    private mutating func atom() -> SchemaPatternNode? {
        guard let byte = peek else { return nil }
        position += 1
        switch byte {
        case UInt8(ascii: "("):
            guard peek != UInt8(ascii: "?"), depth < Self.maxGroupDepth else { return nil }
            depth += 1
            defer { depth -= 1 }
            guard let inner = alternation(), take(UInt8(ascii: ")")) else { return nil }
            return inner
        case UInt8(ascii: "["): return characterClass().map { .set($0) }
        case UInt8(ascii: "\\"): return escape().map { .set($0) }
        case UInt8(ascii: "$"): return .end
        default:
            guard Self.isAlphanumeric(byte) || Self.plainPunctuation.contains(byte) else { return nil }
            return .set(Self.single(byte))
        }
    }

    /// `atom` with the quantifier that follows it, if any; a quantifier on `$` or a second quantifier
    /// (lazy `*?`, possessive `*+`) is left to `Regex`.
    private mutating func quantified(_ atom: SchemaPatternNode) -> SchemaPatternNode? {
        let bounds: (Int, Int?)
        switch peek {
        case UInt8(ascii: "*"): bounds = (0, nil)
        case UInt8(ascii: "+"): bounds = (1, nil)
        case UInt8(ascii: "?"): bounds = (0, 1)
        case UInt8(ascii: "{"):
            position += 1
            guard let counted = countedBounds() else { return nil }
            bounds = counted
        default: return atom
        }
        position += 1
        if case .end = atom { return nil }
        if let byte = peek, "*+?{".utf8.contains(byte) { return nil }
        return .repetition(atom, minimum: bounds.0, maximum: bounds.1)
    }

    /// `m}`, `m,}` or `m,n}` after `{`, leaving the position on `}`.
    private mutating func countedBounds() -> (Int, Int?)? {
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if take(UInt8(ascii: ",")) {
            maximum = peek == UInt8(ascii: "}") ? nil : number()
            guard maximum != nil || peek == UInt8(ascii: "}") else { return nil }
        }
        guard peek == UInt8(ascii: "}"), maximum.map({ minimum <= $0 }) ?? true else { return nil }
        return (minimum, maximum)
    }

    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            position += 1
            guard value <= Self.maxCount else { return nil }
        }
        return digits > 0 ? value : nil
    }

    /// `\d` (ASCII-only in both engines as ``SchemaPattern`` configures `Regex`) or escaped punctuation. `\w`
    /// is left to `Regex`, which does not match `_` before a non-ASCII scalar.
    private mutating func escape() -> SchemaASCIISet? {
        guard let byte = peek else { return nil }
        position += 1
        var set = SchemaASCIISet()
        switch byte {
        case UInt8(ascii: "d"): set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
        default:
            guard Self.escapable.contains(byte) else { return nil }
            set.insert(byte...byte)
        }
        return set
    }

    /// A non-negated class after `[`: literal characters, ranges, `\d` and escaped punctuation; `-` is literal
    /// only first or last, and a range's ends must be plain characters.
    private mutating func characterClass() -> SchemaASCIISet? {
        // `[^` negates, and `[:`, `[.`, `[=` may open POSIX classes and collating elements in `Regex`.
        guard let first = peek, !"^]:.=".utf8.contains(first) else { return nil }
        var set = SchemaASCIISet()
        var isFirst = true
        while !take(UInt8(ascii: "]")) {
            guard let byte = peek else { return nil }
            position += 1
            if byte == UInt8(ascii: "\\") {
                guard let escaped = escape(), peek != UInt8(ascii: "-") || isClassEnd(after: position) else {
                    return nil
                }
                set.formUnion(escaped)
            } else if byte == UInt8(ascii: "-") {
                guard isFirst || peek == UInt8(ascii: "]") else { return nil }
                set.insert(byte...byte)
            } else {
                guard Self.isAlphanumeric(byte) || Self.classPunctuation.contains(byte) else { return nil }
                guard peek == UInt8(ascii: "-"), !isClassEnd(after: position) else {
                    set.insert(byte...byte)
                    isFirst = false
                    continue
                }
                position += 1
                guard let upper = peek, Self.isAlphanumeric(upper) || Self.classPunctuation.contains(upper),
                    byte <= upper
                else { return nil }
                position += 1
                guard peek != UInt8(ascii: "-") || isClassEnd(after: position) else { return nil }
                set.insert(byte...upper)
            }
            isFirst = false
        }
        return set
    }

    /// Whether the `-` at `index` is the class's last character.
    private func isClassEnd(after index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "]")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func single(_ byte: UInt8) -> SchemaASCIISet {
        var set = SchemaASCIISet()
        set.insert(byte...byte)
        return set
    }
}
