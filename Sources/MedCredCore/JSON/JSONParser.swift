/// A strict, iterative RFC 8259 / RFC 7493 parser over a byte array.
///
/// Containers under construction live in an explicit stack, so nesting depth costs heap, not call
/// stack, and the depth limit is checked before each container opens.
struct JSONParser {
    let bytes: [UInt8]
    let limits: JSONLimits
    var offset = 0

    /// An array or object still being filled.
    private struct Frame {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members = JSONObject()
        var pendingName = ""
    }

    init(bytes: [UInt8], limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw .byteOrderMark }
        skipWhitespace()
        guard offset < bytes.count else { throw .empty }
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else { throw .trailingData(offset: offset) }
        return value
    }

    /// Parses one value, which may hold nested containers.
    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var stack: [Frame] = []
        while true {
            var value: JSONValue
            skipWhitespace()
            switch try peek() {
            case UInt8(ascii: "["):
                try open(&stack, isObject: false)
                skipWhitespace()
                if try peek() != UInt8(ascii: "]") { continue }
                offset += 1
                stack.removeLast()
                value = .array([])
            case UInt8(ascii: "{"):
                try open(&stack, isObject: true)
                skipWhitespace()
                if try peek() != UInt8(ascii: "}") {
                    stack[stack.count - 1].pendingName = try parseMemberName(in: stack[stack.count - 1].members)
                    continue
                }
                offset += 1
                stack.removeLast()
                value = .object(JSONObject())
            default:
                value = try parseScalar()
            }
            // Attach the finished value to its parents, closing every container that ends here.
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].isObject {
                    // parseMemberName has already rejected a duplicate of pendingName.
                    stack[top].members.appendNew(stack[top].pendingName, value)
                } else {
                    stack[top].elements.append(value)
                }
                skipWhitespace()
                let byte = try peek()
                if byte == UInt8(ascii: ",") {
                    offset += 1
                    if stack[top].isObject {
                        skipWhitespace()
                        stack[top].pendingName = try parseMemberName(in: stack[top].members)
                    }
                    break
                }
                let closing = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard byte == closing else { throw .unexpectedByte(byte, offset: offset) }
                offset += 1
                let frame = stack.removeLast()
                value = frame.isObject ? .object(frame.members) : .array(frame.elements)
            }
            if stack.isEmpty { return value }
        }
    }

    private mutating func open(_ stack: inout [Frame], isObject: Bool) throws(JSONParseError) {
        guard stack.count < limits.maxDepth else {
            throw .depthLimitExceeded(limit: limits.maxDepth, offset: offset)
        }
        offset += 1
        stack.append(Frame(isObject: isObject))
    }

    /// Reads `"name" :` and rejects a name already in `members` (RFC 7493 §2.3).
    private mutating func parseMemberName(in members: JSONObject) throws(JSONParseError) -> String {
        let start = offset
        let byte = try peek()
        guard byte == UInt8(ascii: "\"") else { throw .unexpectedByte(byte, offset: offset) }
        let name = try parseString()
        if members[name] != nil { throw .duplicateMemberName(name, offset: start) }
        skipWhitespace()
        let colon = try peek()
        guard colon == UInt8(ascii: ":") else { throw .unexpectedByte(colon, offset: offset) }
        offset += 1
        return name
    }

    private mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw .unexpectedByte(byte, offset: offset)
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONParseError) {
        for byte in literal.utf8 {
            let actual = try peek()
            guard actual == byte else { throw .unexpectedByte(actual, offset: offset) }
            offset += 1
        }
    }

    /// The byte at `offset`, or `.unexpectedEnd` when the input is exhausted.
    func peek() throws(JSONParseError) -> UInt8 {
        guard offset < bytes.count else { throw .unexpectedEnd(offset: bytes.count) }
        return bytes[offset]
    }

    /// Skips the four whitespace bytes of RFC 8259 §2.
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }
}
