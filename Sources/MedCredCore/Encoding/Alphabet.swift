/// An ASCII alphabet of a positional base encoding: digit value to ASCII byte and back.
struct Alphabet: Sendable {
    /// The ASCII byte of each digit value, in order.
    let digits: [UInt8]
    /// The digit value of every byte, or `Alphabet.notADigit`.
    private let values: [UInt8]
    private static let notADigit: UInt8 = 0xFF

    /// Builds the lookup tables for `characters`, which must be ASCII and hold at most 255 digits.
    init(_ characters: StaticString) {
        var digits: [UInt8] = []
        characters.withUTF8Buffer { digits = Array($0) }
        var values = [UInt8](repeating: Self.notADigit, count: 256)
        for (value, byte) in digits.enumerated() {
            values[Int(byte)] = UInt8(value)
        }
        self.digits = digits
        self.values = values
    }

    /// The digit value of `byte`, or `nil` when `byte` is not in the alphabet.
    func value(of byte: UInt8) -> UInt8? {
        let value = values[Int(byte)]
        return value == Self.notADigit ? nil : value
    }

    /// The first character of `text` that is not a digit of this alphabet, with its offset in characters.
    ///
    /// Decoders scan UTF-8 bytes for speed and call this only once a byte failed, so errors can name a whole
    /// `Character` (a non-ASCII one included) and count offsets the way a reader of the text would.
    func firstInvalidCharacter(in text: some StringProtocol) -> (character: Character, offset: Int) {
        for (offset, character) in text.enumerated() where !character.utf8.allSatisfy({ value(of: $0) != nil }) {
            return (character, offset)
        }
        // Unreachable when the byte scan failed: that byte belongs to some character. Name the whole text's end.
        return ("\u{FFFD}", text.count)
    }
}
