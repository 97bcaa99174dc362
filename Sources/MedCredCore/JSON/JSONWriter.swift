/// Writes a ``JSONValue`` as UTF-8 text: compact, pretty, or RFC 8785 canonical.
///
/// The writer recurses once per nesting level, so its depth is that of the value; parsed values are
/// bounded by ``JSONLimits/maxDepth``.
struct JSONWriter {
    enum Style {
        /// Members in stored order, no whitespace.
        case compact
        /// Members in stored order, two-space indentation, `": "` after names.
        case pretty
        /// RFC 8785: members sorted by UTF-16 code units, no whitespace.
        case canonical
    }

    let style: Style
    private(set) var out: [UInt8] = []
    /// Scratch space for sorting one object's names; reused because sorting finishes before recursion.
    private var nameBytes: [UInt8] = []
    private var nameRanges: [Range<Int>] = []

    init(style: Style) {
        self.style = style
        out.reserveCapacity(512)
    }

    mutating func write(_ value: JSONValue, depth: Int = 0) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): ES6Number.append(number, to: &out)
        case .string(let string): writeString(string)
        case .array(let elements): writeArray(elements, depth: depth)
        case .object(let object): writeObject(object, depth: depth)
        }
    }

    private mutating func writeArray(_ elements: [JSONValue], depth: Int) {
        out.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            newline(depth: depth + 1)
            write(element, depth: depth + 1)
        }
        if !elements.isEmpty { newline(depth: depth) }
        out.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject, depth: Int) {
        let members = object.orderedMembers
        out.append(UInt8(ascii: "{"))
        if style == .canonical {
            for (position, index) in canonicalOrder(of: members).enumerated() {
                writeMember(members[index], isFirst: position == 0, depth: depth)
            }
        } else {
            for (position, member) in members.enumerated() {
                writeMember(member, isFirst: position == 0, depth: depth)
            }
        }
        if !members.isEmpty { newline(depth: depth) }
        out.append(UInt8(ascii: "}"))
    }

    private mutating func writeMember(_ member: JSONObject.Element, isFirst: Bool, depth: Int) {
        if !isFirst { out.append(UInt8(ascii: ",")) }
        newline(depth: depth + 1)
        writeString(member.name)
        out.append(UInt8(ascii: ":"))
        if style == .pretty { out.append(UInt8(ascii: " ")) }
        write(member.value, depth: depth + 1)
    }

    /// Member positions sorted by the UTF-16 code units of their names (RFC 8785 §3.2.3).
    private mutating func canonicalOrder(of members: [JSONObject.Element]) -> [Int] {
        nameBytes.removeAll(keepingCapacity: true)
        nameRanges.removeAll(keepingCapacity: true)
        for member in members {
            let start = nameBytes.count
            nameBytes.append(contentsOf: member.name.utf8)
            nameRanges.append(start..<nameBytes.count)
        }
        let (bytes, ranges) = (nameBytes, nameRanges)  // locals, so comparisons do not retain self
        var order = Array(members.indices)
        order.sort { ExactString.precedesInUTF16Order(bytes, ranges[$0], ranges[$1]) }
        return order
    }

    private mutating func newline(depth: Int) {
        guard style == .pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// RFC 8785 §3.2.2.2: escape `"`, `\` and controls (short forms where JSON has them, else
    /// `\u00xx` in lower case); every other scalar is written as its UTF-8.
    private mutating func writeString(_ string: String) {
        out.append(UInt8(ascii: "\""))
        // Copy first and scan the copy: indexing an array is much faster than walking String.UTF8View.
        let start = out.count
        out.append(contentsOf: string.utf8)
        var position = start
        while position < out.count, !Self.needsEscape(out[position]) { position += 1 }
        if position < out.count {
            let rest = Array(out[position...])
            out.removeSubrange(position...)
            for byte in rest { appendEscaped(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let short: UInt8? =
            switch byte {
            case 0x08: UInt8(ascii: "b")
            case 0x09: UInt8(ascii: "t")
            case 0x0A: UInt8(ascii: "n")
            case 0x0C: UInt8(ascii: "f")
            case 0x0D: UInt8(ascii: "r")
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
            default: nil
            }
        if let short {
            out.append(UInt8(ascii: "\\"))
            out.append(short)
        } else if byte < 0x20 {
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: "\\u00".utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        } else {
            out.append(byte)
        }
    }
}
