import MedCredCore
import MedCredTestSupport
import Testing

/// One row of the official multicodec table, `multiformats/multicodec-table.csv`, read in place.
struct MulticodecTableRow: Sendable, CustomTestStringConvertible {
    let name: String
    let tag: String
    let code: UInt64
    var testDescription: String { "\(name) 0x\(String(code, radix: 16))" }

    /// Rows are `name, tag, code, status, description`, padded with spaces; the header row is skipped.
    static func all() throws -> [MulticodecTableRow] {
        let lines = try Vectors.text("multiformats/multicodec-table.csv").split(whereSeparator: \.isNewline)
        return try lines.dropFirst().map { line in
            let columns = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map {
                $0.filter { $0 != " " }
            }
            guard columns.count == 5, columns[2].hasPrefix("0x"), let code = UInt64(columns[2].dropFirst(2), radix: 16)
            else { throw MultibaseVectorError.malformed(file: "multicodec-table.csv", line: String(line)) }
            return MulticodecTableRow(name: String(columns[0]), tag: String(columns[1]), code: code)
        }
    }
}

/// `multiformats/multicodec-key-prefixes.json`: collector-made varints and base58btc prefixes of key codecs.
struct MulticodecKeyPrefixes: Decodable, Sendable {
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let code: String
        let varintHex: String
        let rawKeyLength: Int?
        let base58btcPrefixRange: [String]?
        var testDescription: String { name }

        /// The code, from its `0x…` text.
        func value() throws -> UInt64 {
            guard code.hasPrefix("0x"), let value = UInt64(code.dropFirst(2), radix: 16) else {
                throw MultibaseVectorError.malformed(file: "multicodec-key-prefixes.json", line: code)
            }
            return value
        }
    }

    struct Example: Decodable, Sendable {
        let what: String
        let publicKeyMultibase: String?
        let decodedPrefixHex: String?
        let publicKeyHex: String
        let privateKeyMultibase: String?
        let privateDecodedPrefixHex: String?
        let seedHex: String?
        let did: String?
    }

    let entries: [Entry]
    let examples: [Example]

    static func load() throws -> MulticodecKeyPrefixes {
        try Vectors.load("multiformats/multicodec-key-prefixes.json", as: MulticodecKeyPrefixes.self)
    }
}
