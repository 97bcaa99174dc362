/// A `^`-anchored, ASCII-only regular expression compiled to a Thompson NFA, for the simple patterns
/// schemas use most (`^[A-Z]{2}(-[A-Z0-9]{1,3})?$`), decided without Swift's `Regex` engine.
///
/// JSON Schema Validation 2020-12 §6.3.3 (`pattern`) and ECMA-262 §22.2 (regular expressions):
/// <https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3>. ``init(parsing:)`` accepts
/// only a subset whose meaning is the same in ECMA-262 `u` mode and in `Regex` as ``SchemaPattern``
/// configures it: a leading `^`, literal ASCII characters, non-negated classes of ASCII characters and
/// ranges, `\d`, escaped punctuation, groups, `|` inside groups, `*`, `+`, `?`, `{m}`, `{m,}`,
/// `{m,n}` and `$` (end of input only). Anything else is left to `Regex`. Every character the program
/// consumes is ASCII, so matching UTF-8 bytes decides the same as matching Unicode scalars: a non-ASCII
/// scalar stops every thread at its first byte. The simulation runs every thread in step, so time is
/// linear in the text however the pattern nests.
package struct SchemaPatternProgram: Sendable {
    /// One NFA instruction; `set` consumes a byte, the others move without consuming.
    enum Instruction: Sendable {
        case set(SchemaASCIISet)
        case split(Int, Int)
        case jump(Int)
        case assertEnd
        case match
    }

    let instructions: [Instruction]

    /// The program for `pattern`, or `nil` when it is outside the subset this type decides exactly.
    /// - Parameter pattern: An ECMA-262 regular expression, as written in a schema.
    package init?(parsing pattern: String) {
        guard let node = SchemaPatternParser.parse(pattern) else { return nil }
        var emitter = SchemaPatternEmitter()
        guard emitter.emit(node) else { return nil }
        emitter.instructions.append(.match)
        instructions = emitter.instructions
    }

    /// Whether the pattern matches `text` (from its start, as `^` requires).
    /// - Parameter text: The instance string.
    /// - Returns: `true` when some path through the pattern reaches its end.
    package func matches(_ text: String) -> Bool {
        let count = text.utf8.count
        var marks = [Int](repeating: 0, count: instructions.count)
        var stack: [Int] = []
        var current: [Int] = []
        var next: [Int] = []
        var generation = 1
        if addThread(0, to: &current, atEnd: count == 0, generation: generation, marks: &marks, stack: &stack) {
            return true
        }
        var position = 0
        for byte in text.utf8 {
            position += 1
            generation += 1
            next.removeAll(keepingCapacity: true)
            for pc in current {
                guard case .set(let set) = instructions[pc], set.contains(byte) else { continue }
                if addThread(
                    pc + 1, to: &next, atEnd: position == count, generation: generation, marks: &marks, stack: &stack)
                {
                    return true
                }
            }
            if next.isEmpty { return false }
            swap(&current, &next)
        }
        return false
    }

    /// Follows every non-consuming instruction from `start`, collecting the byte-consuming ones in `list`;
    /// returns `true` as soon as `match` is reachable.
    private func addThread(
        _ start: Int, to list: inout [Int], atEnd: Bool, generation: Int, marks: inout [Int], stack: inout [Int]
    ) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            guard marks[pc] != generation else { continue }
            marks[pc] = generation
            switch instructions[pc] {
            case .set: list.append(pc)
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertEnd: if atEnd { stack.append(pc + 1) }
            case .match:
                stack.removeAll(keepingCapacity: true)
                return true
            }
        }
        return false
    }
}

/// A set of ASCII bytes, as a 128-bit mask.
struct SchemaASCIISet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Adds every byte in `range` (all below 128).
    mutating func insert(_ range: ClosedRange<UInt8>) {
        for byte in range {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    /// Adds every member of `other`.
    mutating func formUnion(_ other: SchemaASCIISet) {
        low |= other.low
        high |= other.high
    }

    /// Whether `byte` is in the set; a byte of 128 or more never is.
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return false
    }
}

/// Lowers a parsed pattern to NFA instructions, refusing programs too large to be worth it.
private struct SchemaPatternEmitter {
    /// Bounds the expansion of counted repetition (`{0,1000}` of a group); larger patterns go to `Regex`.
    static let maxInstructions = 4096

    var instructions: [SchemaPatternProgram.Instruction] = []

    /// Appends `node`; `false` when the program grows past ``maxInstructions``.
    mutating func emit(_ node: SchemaPatternNode) -> Bool {
        guard instructions.count < Self.maxInstructions else { return false }
        switch node {
        case .set(let set):
            instructions.append(.set(set))
        case .end:
            instructions.append(.assertEnd)
        case .sequence(let items):
            for item in items where !emit(item) { return false }
        case .alternation(let branches):
            return emitAlternation(branches[...])
        case .repetition(let item, let minimum, let maximum):
            return emitRepetition(item, minimum: minimum, maximum: maximum)
        }
        return true
    }

    private mutating func emitAlternation(_ branches: ArraySlice<SchemaPatternNode>) -> Bool {
        guard let first = branches.first else { return true }
        guard branches.count > 1 else { return emit(first) }
        let split = instructions.count
        instructions.append(.jump(0))
        guard emit(first) else { return false }
        let jump = instructions.count
        instructions.append(.jump(0))
        instructions[split] = .split(split + 1, instructions.count)
        guard emitAlternation(branches.dropFirst()) else { return false }
        instructions[jump] = .jump(instructions.count)
        return true
    }

    private mutating func emitRepetition(_ item: SchemaPatternNode, minimum: Int, maximum: Int?) -> Bool {
        for _ in 0..<minimum where !emit(item) { return false }
        guard let maximum else {
            let loop = instructions.count
            instructions.append(.jump(0))
            guard emit(item) else { return false }
            instructions.append(.jump(loop))
            instructions[loop] = .split(loop + 1, instructions.count)
            return true
        }
        var exits: [Int] = []
        for _ in minimum..<maximum {
            exits.append(instructions.count)
            instructions.append(.jump(0))
            guard emit(item) else { return false }
        }
        for exit in exits { instructions[exit] = .split(exit + 1, instructions.count) }
        return true
    }
}
