import MedCredCore
import MedCredTestSupport
import Testing

/// Round trips and JCS idempotence over seeded random values (STYLE.md §8).
@Suite struct JSONPropertyTests {
    static let seed: UInt64 = 0x4D65_6443_7265_6431
    static let iterations = 500

    @Test func serializeThenParseRoundTrips() throws {
        var random = RandomJSON(seed: Self.seed)
        for iteration in 0..<Self.iterations {
            let value = random.value()
            for pretty in [false, true] {
                let text = value.serialized(pretty: pretty)
                let parsed = try JSONValue(parsing: text)
                #expect(parsed == value, "seed \(Self.seed) iteration \(iteration) pretty \(pretty): \(text)")
                #expect(parsed.objectValue?.names == value.objectValue?.names, "seed \(Self.seed) #\(iteration)")
            }
            #expect(try JSONValue(parsing: value.utf8Bytes) == value, "seed \(Self.seed) iteration \(iteration)")
        }
    }

    @Test func canonicalizationIsIdempotent() throws {
        var random = RandomJSON(seed: Self.seed &+ 1)
        for iteration in 0..<Self.iterations {
            let value = random.value()
            let canonical = JCS.canonicalize(value)
            let reparsed = try JSONValue(parsing: canonical)
            #expect(reparsed == value, "seed \(Self.seed &+ 1) iteration \(iteration)")
            #expect(JCS.canonicalize(reparsed) == canonical, "seed \(Self.seed &+ 1) iteration \(iteration)")
        }
    }

    @Test func canonicalFormIgnoresMemberOrder() throws {
        var random = RandomJSON(seed: Self.seed &+ 2)
        for iteration in 0..<Self.iterations {
            guard case .object(let object) = random.value() else { continue }
            let shuffled = JSONObject(object.map { ($0.name, $0.value) }.shuffled(using: &random.rng))
            #expect(
                JCS.canonicalize(.object(shuffled)) == JCS.canonicalize(.object(object)),
                "seed \(Self.seed &+ 2) #\(iteration)")
        }
    }

    @Test func numberTextRoundTripsToTheSameDouble() throws {
        var random = RandomJSON(seed: Self.seed &+ 3)
        for iteration in 0..<20_000 {
            let value = random.finiteDouble()
            let text = String(decoding: JSONValue.number(value).jcsBytes, as: UTF8.self)
            let back = try #require(Double(text), "seed \(Self.seed &+ 3) iteration \(iteration): \(text)")
            let same = back.bitPattern == value.bitPattern || (value == 0 && back == 0)
            #expect(same, "seed \(Self.seed &+ 3) iteration \(iteration): \(value) printed as \(text)")
            #expect(try JSONValue(parsing: text) == .number(value), "seed \(Self.seed &+ 3) #\(iteration): \(text)")
        }
    }

    @Test func truncatedDocumentsAreRejected() throws {
        var random = RandomJSON(seed: Self.seed &+ 4)
        for iteration in 0..<Self.iterations {
            let value = random.value()
            guard value.arrayValue != nil || value.objectValue != nil || value.stringValue != nil else { continue }
            let bytes = value.utf8Bytes
            let cut = Int.random(in: 0..<bytes.count, using: &random.rng)
            #expect(throws: JSONParseError.self, "seed \(Self.seed &+ 4) #\(iteration) cut \(cut)") {
                try JSONValue(parsing: bytes[..<cut])
            }
        }
    }
}
