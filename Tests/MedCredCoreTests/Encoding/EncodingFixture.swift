import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// One of our own negative encoding cases, `Fixtures/encoding/<codec>-<case>.json` (STYLE.md §8).
///
/// Text codecs read `input`; byte codecs read `inputHex`. `wantError` names the error case and its values.
struct EncodingFixture: Decodable, Sendable, CustomTestStringConvertible {
    /// The file name without `.json`, which is how a failure names the case.
    var name = ""
    let desc: String
    let codec: String
    let input: String?
    let inputHex: String?
    /// For `multibase` cases: decode with `expecting:` this prefix character.
    let expecting: String?
    let wantError: EncodingWantError

    var testDescription: String { name }

    private enum CodingKeys: String, CodingKey {
        case desc, codec, input, inputHex, expecting, wantError
    }

    /// The cases for one codec, sorted by file name; throws when the folder is missing or a file is malformed.
    static func load(codec: String) throws -> [EncodingFixture] {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/encoding")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        var fixtures: [EncodingFixture] = []
        for file in names.sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            var fixture = try JSONDecoder().decode(EncodingFixture.self, from: data)
            fixture.name = String(file.dropLast(".json".count))
            if fixture.codec == codec { fixtures.append(fixture) }
        }
        if fixtures.isEmpty { throw EncodingFixtureError.noCases(codec: codec) }
        return fixtures
    }

    /// The text input of a text-codec case.
    func text() throws -> String {
        guard let input else { throw EncodingFixtureError.missingField("input", fixture: name) }
        return input
    }

    /// The byte input of a byte-codec case.
    func bytes() throws -> [UInt8] {
        guard let inputHex else { throw EncodingFixtureError.missingField("inputHex", fixture: name) }
        return Hex.decode(inputHex.filter { !$0.isWhitespace })
    }
}

/// The expected error of an ``EncodingFixture``: `case` plus the associated values that case carries.
struct EncodingWantError: Decodable, Sendable {
    let `case`: String
    let character: String?
    let offset: Int?
    let length: Int?
    let declared: Int?
    let actual: Int?
    let expected: Int?
    /// A multicodec code in hex, e.g. `0xed`.
    let codec: String?
    /// For wrapped varint errors: the ``VarintError`` case; its `offset` is the one above.
    let cause: String?
    let expectedEncoding: String?
    let actualEncoding: String?

    func base58() throws -> Base58Error {
        switch `case` {
        case "invalidCharacter": .invalidCharacter(try singleCharacter(), offset: try require(offset))
        default: throw EncodingFixtureError.unknownCase(`case`)
        }
    }

    func base64URL() throws -> Base64URLError {
        switch `case` {
        case "invalidCharacter": .invalidCharacter(try singleCharacter(), offset: try require(offset))
        case "invalidLength": .invalidLength(try require(length))
        case "nonCanonical": .nonCanonical(offset: try require(offset))
        default: throw EncodingFixtureError.unknownCase(`case`)
        }
    }

    func multibase() throws -> MultibaseError {
        switch `case` {
        case "empty": .empty
        case "unsupportedPrefix": .unsupportedPrefix(try singleCharacter())
        case "unexpectedEncoding":
            .unexpectedEncoding(expected: try encoding(expectedEncoding), actual: try encoding(actualEncoding))
        case "invalidCharacter": .invalidCharacter(try singleCharacter(), offset: try require(offset))
        case "invalidLength": .invalidLength(try require(length))
        case "nonCanonical": .nonCanonical(offset: try require(offset))
        default: throw EncodingFixtureError.unknownCase(`case`)
        }
    }

    func varint() throws -> VarintError {
        try Self.varint(`case`, offset: offset)
    }

    func multicodec() throws -> MulticodecError {
        switch `case` {
        case "malformedCode": .malformedCode(try Self.varint(try require(cause), offset: offset))
        case "missingPayload": .missingPayload(try multicodecValue())
        default: throw EncodingFixtureError.unknownCase(`case`)
        }
    }

    func multihash() throws -> MultihashError {
        switch `case` {
        case "malformedCode": .malformedCode(try Self.varint(try require(cause), offset: offset))
        case "malformedLength": .malformedLength(try Self.varint(try require(cause), offset: offset))
        case "digestLengthMismatch": .digestLengthMismatch(declared: try require(declared), actual: try require(actual))
        case "unexpectedDigestLength":
            .unexpectedDigestLength(
                codec: try multicodecValue(), declared: try require(declared), expected: try require(expected))
        default: throw EncodingFixtureError.unknownCase(`case`)
        }
    }

    private static func varint(_ name: String, offset: Int?) throws -> VarintError {
        switch name {
        case "empty": .empty
        case "truncated": .truncated
        case "overflow": .overflow
        case "nonCanonical": .nonCanonical(offset: try require(offset))
        default: throw EncodingFixtureError.unknownCase(name)
        }
    }

    private func multicodecValue() throws -> Multicodec {
        let hex = try require(codec)
        guard hex.hasPrefix("0x"), let value = UInt64(hex.dropFirst(2), radix: 16) else {
            throw EncodingFixtureError.malformedValue(hex)
        }
        return Multicodec(rawValue: value)
    }

    private func encoding(_ prefix: String?) throws -> Multibase.Encoding {
        let text = try require(prefix)
        guard text.count == 1, let encoding = Multibase.Encoding(rawValue: Character(text)) else {
            throw EncodingFixtureError.malformedValue(text)
        }
        return encoding
    }

    private func singleCharacter() throws -> Character {
        let text = try Self.require(character)
        guard text.count == 1, let first = text.first else { throw EncodingFixtureError.malformedValue(text) }
        return first
    }

    private func require<T>(_ value: T?) throws -> T { try Self.require(value) }

    private static func require<T>(_ value: T?) throws -> T {
        guard let value else { throw EncodingFixtureError.missingField("\(T.self)", fixture: "wantError") }
        return value
    }
}

/// A fixture file that does not say what the test needs: the fixture is broken, not the code under test.
enum EncodingFixtureError: Error, CustomStringConvertible {
    case noCases(codec: String)
    case missingField(String, fixture: String)
    case unknownCase(String)
    case malformedValue(String)

    var description: String {
        switch self {
        case .noCases(let codec): "no fixtures for codec \(codec) in Fixtures/encoding"
        case .missingField(let field, let fixture): "fixture \(fixture) lacks \(field)"
        case .unknownCase(let name): "fixture names an unknown error case \(name)"
        case .malformedValue(let value): "fixture value \(value) is malformed"
        }
    }
}
