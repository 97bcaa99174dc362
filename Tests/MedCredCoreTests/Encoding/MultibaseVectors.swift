import MedCredCore
import MedCredTestSupport
import Testing

/// One row of the official multibase tests, `multiformats/multibase-tests/*.csv`, read in place.
///
/// Each file's first line gives the decoded value (`encoding, "yes mani !"`, with `\xNN` escapes); each other
/// line is `<encoding name>, "<multibase text>"`.
struct MultibaseVectorRow: Sendable, CustomTestStringConvertible {
    static let folder = "multiformats/multibase-tests"

    let file: String
    let encodingName: String
    let text: String
    let bytes: [UInt8]
    var testDescription: String { "\(file) \(encodingName)" }

    /// The encoding MedCred supports under this row's name, if any.
    var encoding: Multibase.Encoding? { Multibase.Encoding.allCases.first { $0.name == encodingName } }

    static func all() throws -> [MultibaseVectorRow] {
        var rows: [MultibaseVectorRow] = []
        for file in try Vectors.files(in: folder) where file.hasSuffix(".csv") {
            let lines = try Vectors.text("\(folder)/\(file)").split(whereSeparator: \.isNewline)
            guard let header = lines.first else { throw MultibaseVectorError.malformed(file: file, line: "") }
            let bytes = try unescape(try fields(of: header, in: file).value, in: file)
            for line in lines.dropFirst() {
                let (name, text) = try fields(of: line, in: file)
                rows.append(MultibaseVectorRow(file: file, encodingName: name, text: text, bytes: bytes))
            }
        }
        return rows
    }

    static func supported() throws -> [MultibaseVectorRow] { try all().filter { $0.encoding != nil } }
    static func unsupported() throws -> [MultibaseVectorRow] { try all().filter { $0.encoding == nil } }

    /// Splits `name, "value"`.
    private static func fields(of line: Substring, in file: String) throws -> (name: String, value: String) {
        guard let comma = line.firstIndex(of: ","), line.last == "\"" else {
            throw MultibaseVectorError.malformed(file: file, line: String(line))
        }
        let quoted = line[line.index(after: comma)...].drop(while: { $0 == " " })
        guard quoted.count >= 2, quoted.first == "\"" else {
            throw MultibaseVectorError.malformed(file: file, line: String(line))
        }
        return (String(line[..<comma]), String(quoted.dropFirst().dropLast()))
    }

    /// The bytes of a header value: its UTF-8, with each `\xNN` standing for one byte.
    private static func unescape(_ value: String, in file: String) throws -> [UInt8] {
        var out: [UInt8] = []
        var rest = Substring(value)
        while let first = rest.first {
            if rest.hasPrefix("\\x") {
                let hex = rest.dropFirst(2).prefix(2)
                guard hex.count == 2, let byte = UInt8(hex, radix: 16) else {
                    throw MultibaseVectorError.malformed(file: file, line: value)
                }
                out.append(byte)
                rest = rest.dropFirst(4)
            } else {
                out.append(contentsOf: Array(String(first).utf8))
                rest = rest.dropFirst()
            }
        }
        return out
    }
}

/// One row of the multibase prefix table, `multiformats/multibase.csv`.
struct MultibaseTableRow: Sendable, CustomTestStringConvertible {
    let prefix: Character
    let encodingName: String
    var testDescription: String {
        "\(encodingName) \(prefix.unicodeScalars.map { "U+" + String($0.value, radix: 16) })"
    }

    /// Rows are `U+XXXX, character, encoding, description, status`; the code point is the unambiguous column.
    static func all() throws -> [MultibaseTableRow] {
        let lines = try Vectors.text("multiformats/multibase.csv").split(whereSeparator: \.isNewline)
        return try lines.dropFirst().map { line in
            let columns = line.split(separator: ",", maxSplits: 4).map { $0.trimmingPrefixAndSuffixSpaces() }
            guard columns.count == 5, columns[0].hasPrefix("U+"), let code = UInt32(columns[0].dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw MultibaseVectorError.malformed(file: "multibase.csv", line: String(line)) }
            return MultibaseTableRow(prefix: Character(scalar), encodingName: columns[2])
        }
    }
}

enum MultibaseVectorError: Error, CustomStringConvertible {
    case malformed(file: String, line: String)

    var description: String {
        switch self {
        case .malformed(let file, let line): "unexpected line in vector file \(file): \(line)"
        }
    }
}

extension Substring {
    fileprivate func trimmingPrefixAndSuffixSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
