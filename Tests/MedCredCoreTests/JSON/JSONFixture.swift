import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// One of our own JSON cases, `Fixtures/json/<case>.json` (STYLE.md §8).
///
/// `input` holds text, `inputHex` holds bytes that are not valid text. A case has `want` (the RFC 8785
/// canonical form) or `wantError` (the ``JSONParseError`` case name and, where it has one, its offset).
struct JSONFixture: Decodable, Sendable, CustomTestStringConvertible {
    /// The file name without `.json`, which is how a failure names the case.
    var name = ""
    let desc: String
    let input: String?
    let inputHex: String?
    let want: String?
    let wantError: WantError?

    struct WantError: Decodable, Sendable {
        let `case`: String
        let offset: Int?
    }

    var testDescription: String { name }

    private enum CodingKeys: String, CodingKey {
        case desc, input, inputHex, want, wantError
    }

    /// Every case in `Fixtures/json`, sorted by file name; throws when the folder is missing or empty.
    static func loadAll() throws -> [JSONFixture] {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/json")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        var fixtures: [JSONFixture] = []
        for file in names.sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            var fixture = try JSONDecoder().decode(JSONFixture.self, from: data)
            fixture.name = String(file.dropLast(".json".count))
            fixtures.append(fixture)
        }
        try #require(!fixtures.isEmpty, "no fixtures in Fixtures/json")
        return fixtures
    }

    /// The input bytes, from `input` or `inputHex`.
    func bytes() throws -> [UInt8] {
        if let input { return Array(input.utf8) }
        let hex = try #require(inputHex, "fixture \(name) has neither input nor inputHex")
        return Hex.decode(hex.filter { !$0.isWhitespace })
    }
}
