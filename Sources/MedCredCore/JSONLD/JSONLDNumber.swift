/// Canonical lexical forms of JSON numbers in RDF (JSON-LD 1.1 API §8.1.3 step 10,
/// https://www.w3.org/TR/json-ld11-api/#object-to-rdf-conversion).
enum JSONLDNumber {
    /// `xsd:integer` form: the ECMAScript digits, which are exact for integral values below 10^21.
    static func integer(_ value: Double) -> String {
        var out: [UInt8] = []
        ES6Number.append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `xsd:double` canonical form, `d.dddE±n` with no trailing zeros but at least one fraction digit.
    static func canonicalDouble(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0.0E0" : "0.0E0" }
        var out: [UInt8] = []
        ES6Number.append(value.magnitude, to: &out)
        let text = String(decoding: out, as: UTF8.self)
        let parts = text.split(separator: "e")
        let mantissa = parts[0]
        var exponent = parts.count > 1 ? Int(parts[1].filter { $0 != "+" }) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(pieces[0])
        let fractionPart = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = Array(integerPart + fractionPart)
        exponent += integerPart.count - 1
        while digits.first == "0" {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return (value < 0 ? "-" : "") + String(digits[0]) + "." + fraction + "E" + String(exponent)
    }
}
