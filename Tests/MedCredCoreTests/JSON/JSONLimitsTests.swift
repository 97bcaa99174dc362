import MedCredCore
import Testing

/// Depth and size limits: deep or large input fails with an error, never a crash (RFC 8259 §9).
@Suite struct JSONLimitsTests {
    @Test func rejects100kOpenBracketsAtTheDepthLimit() {
        let input = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONParseError.depthLimitExceeded(limit: 64, offset: 64)) { try JSONValue(parsing: input) }
    }

    @Test func rejects100kNestedObjectsAtTheDepthLimit() {
        let input = String(repeating: #"{"a":"#, count: 100_000)
        #expect(throws: JSONParseError.depthLimitExceeded(limit: 64, offset: 64 * 5)) {
            try JSONValue(parsing: input)
        }
    }

    @Test func rejectsBalancedDocumentOneLevelTooDeep() {
        let input = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError.depthLimitExceeded(limit: 64, offset: 64)) { try JSONValue(parsing: input) }
    }

    @Test func rejectsEmptyContainerBeyondACustomDepth() {
        let limits = JSONLimits(maxDepth: 2)
        #expect(throws: JSONParseError.depthLimitExceeded(limit: 2, offset: 2)) {
            try JSONValue(parsing: "[[[]]]", limits: limits)
        }
        #expect(throws: JSONParseError.depthLimitExceeded(limit: 2, offset: 6)) {
            try JSONValue(parsing: #"{"a":[{}]}"#, limits: limits)
        }
    }

    @Test func truncatedDeepInputFailsWithoutRecursing() {
        // With the limit lifted, 100k levels still cost heap, not stack.
        let input = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let limits = JSONLimits(maxDepth: 200_000)
        #expect(throws: JSONParseError.unexpectedEnd(offset: 100_000)) { try JSONValue(parsing: input, limits: limits) }
    }

    @Test func rejectsInputOverTheSizeLimit() {
        #expect(throws: JSONParseError.sizeLimitExceeded(limit: 4, size: 5)) {
            try JSONValue(parsing: "[1,2]", limits: JSONLimits(maxBytes: 4))
        }
    }

    @Test func rejectsInputOverTheDefaultSizeLimit() {
        let input = [UInt8](repeating: 0x20, count: (1 << 20) + 1)
        #expect(throws: JSONParseError.sizeLimitExceeded(limit: 1 << 20, size: (1 << 20) + 1)) {
            try JSONValue(parsing: input)
        }
    }

    @Test func acceptsExactlyTheDepthLimit() throws {
        let input = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var value = try JSONValue(parsing: input)
        var depth = 0
        while case .array(let elements) = value {
            depth += 1
            value = elements.first ?? .null
        }
        #expect(depth == 64)
    }

    @Test func acceptsExactlyTheSizeLimit() throws {
        #expect(try JSONValue(parsing: "[1,2]", limits: JSONLimits(maxBytes: 5)) == [1, 2])
    }

    @Test func defaultLimits() {
        #expect(JSONLimits.default.maxDepth == 64)
        #expect(JSONLimits.default.maxBytes == 1_048_576)
    }
}
