import MedCredCore
import MedCredTestSupport
import Testing

/// RFC 8785 test data from cyberphone/json-canonicalization, read in place from shared/vectors.
@Suite struct JCSVectorTests {
    static let folder = "jcs-rfc8785"

    @Test(arguments: try Vectors.files(in: "\(folder)/input"))
    func canonicalizesLikeRFC8785(_ name: String) throws {
        let input = try Vectors.data("\(Self.folder)/input/\(name)")
        let want = Array(try Vectors.data("\(Self.folder)/output/\(name)"))
        let value = try JSONValue(parsing: Array(input))
        let got = JCS.canonicalize(value)
        #expect(
            got == want,
            "\(name): got \(String(decoding: got, as: UTF8.self)), want \(String(decoding: want, as: UTF8.self))")
        #expect(value.jcsBytes == got)
    }

    @Test(arguments: try Vectors.files(in: "\(folder)/input"))
    func canonicalizesLikeRFC8785Hex(_ name: String) throws {
        let hexName = name.replacingJSONExtension(with: ".txt")
        let hex = try Vectors.text("\(Self.folder)/outhex/\(hexName)").filter { $0.isHexDigit }
        let value = try JSONValue(parsing: Array(try Vectors.data("\(Self.folder)/input/\(name)")))
        #expect(Hex.encode(JCS.canonicalize(value)) == hex.lowercased(), "\(name)")
    }

    @Test(arguments: try Vectors.files(in: "\(folder)/output"))
    func outputIsAFixedPoint(_ name: String) throws {
        let canonical = Array(try Vectors.data("\(Self.folder)/output/\(name)"))
        #expect(JCS.canonicalize(try JSONValue(parsing: canonical)) == canonical, "\(name)")
    }

    @Test func vectorFolderIsComplete() throws {
        let inputs = try Vectors.files(in: "\(Self.folder)/input")
        #expect(inputs.count >= 6)
        #expect(try Vectors.files(in: "\(Self.folder)/output") == inputs)
    }

    /// All 10,000 lines of `es6numbers_first10000.txt`: `hexIEEE,expected`.
    @Test func formatsNumbersLikeES6() throws {
        let lines = try Vectors.text("\(Self.folder)/es6numbers_first10000.txt").split(separator: "\n")
        #expect(lines.count == 10_000)
        var failures: [String] = []
        for (index, line) in lines.enumerated() {
            let parts = line.split(separator: ",")
            guard parts.count == 2, let bits = UInt64(parts[0], radix: 16) else {
                failures.append("line \(index + 1): malformed \(line)")
                continue
            }
            let value = Double(bitPattern: bits)
            let got = String(decoding: JSONValue.number(value).jcsBytes, as: UTF8.self)
            if got != parts[1] {
                failures.append("line \(index + 1): \(parts[0]) got \(got) want \(parts[1])")
            }
            // The expected text must also parse back to the same double (up to the sign of zero).
            if let parsed = try? JSONValue(parsing: String(parts[1])), parsed != .number(value) {
                failures.append("line \(index + 1): \(parts[1]) parsed to \(parsed)")
            }
        }
        #expect(failures.count == 0, "\(failures.count) failures:\n\(failures.prefix(50).joined(separator: "\n"))")
    }
}

extension String {
    fileprivate func replacingJSONExtension(with newExtension: String) -> String {
        guard hasSuffix(".json") else { return self }
        return String(dropLast(5)) + newExtension
    }
}
