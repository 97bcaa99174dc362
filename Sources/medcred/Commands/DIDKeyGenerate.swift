import ArgumentParser
import MedCredCore
import MedCredCrypto

/// `medcred did key generate`: a new Ed25519 did:key, from a random or a given seed.
struct DIDKeyGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate an Ed25519 did:key and print the DID and its public Multikey.",
        discussion: """
            The secret key is never printed unless --show-secret is given; it is then shown as a Multikey \
            secretKeyMultibase (z3u2…) on stdout, and a warning goes to stderr.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Derive the key from this 32-byte seed (64 hex digits).", valueName: "hex"))
    var seed: String?

    @Flag(name: .long, help: "Also print the secret key (secretKeyMultibase). Keep it out of logs and history.")
    var showSecret = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the key to this file, encrypted under a passphrase (Argon2id + secretbox), mode 0600.",
            valueName: "keyfile"))
    var out: String?

    @Flag(name: .long, help: "Replace an existing key file given with --out.")
    var force = false

    @OptionGroup var passphrase: PassphraseOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let privateKey: Ed25519.PrivateKey
        if let seed {
            privateKey = try Ed25519.PrivateKey(seed: SecretBytes(HexSeed.parse(seed)))
        } else {
            privateKey = Ed25519.PrivateKey()
        }
        let didKey = DIDKey(privateKey: privateKey)
        var fields: [(String, String)] = [
            ("did", didKey.did.description),
            ("verificationMethod", didKey.verificationMethod.id.description),
            ("publicKeyMultibase", didKey.multikey),
            ("keyAgreementMultibase", didKey.keyAgreementMultikey),
        ]
        if showSecret {
            let secret = Multibase.encode(
                Multicodec.prefix(privateKey.exportSeed().exportBytes(), with: .ed25519Priv), as: .base58btc)
            fields.append(("secretKeyMultibase", secret))
            Terminal.printError("medcred: warning: the secret key is printed on stdout; store it safely")
        }
        if let out {
            let secret = try passphrase.read(confirm: true, purpose: "the new key file")
            let file: EncryptedKeyFile
            do {
                file = try EncryptedKeyFile(
                    sealing: privateKey, verificationMethod: didKey.verificationMethodID.description,
                    controller: didKey.did, passphrase: secret, salt: SecureRandom.bytes(count: Argon2id.saltLength),
                    nonce: SecureRandom.bytes(count: SecretBox.nonceLength), limits: .interactive)
            } catch {
                throw CLIError.failed("cannot encrypt the key: \(error)")
            }
            try KeyFileStorage.write(file, to: out, overwrite: force)
            fields.append(("keyFile", out))
        }
        Terminal.printRecord(fields, json: output.json)
    }
}

/// Parses the hex seed of `--seed`, with one-line errors that say what is wrong and where.
enum HexSeed {
    static func parse(_ text: String) throws(CLIError) -> [UInt8] {
        let digits = Array(text.utf8)
        guard digits.count == 2 * Ed25519.keyLength else {
            throw .invalidInput(
                "invalid --seed: expected \(2 * Ed25519.keyLength) hex digits (32 bytes), got \(digits.count)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Ed25519.keyLength)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]) else { throw badDigit(at: index, in: text) }
            guard let low = nibble(digits[index + 1]) else { throw badDigit(at: index + 1, in: text) }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func badDigit(at offset: Int, in text: String) -> CLIError {
        let character = text.utf8.dropFirst(offset).first.map { Character(Unicode.Scalar($0)) } ?? "?"
        return .invalidInput("invalid --seed: '\(character)' at offset \(offset) is not a hex digit")
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
