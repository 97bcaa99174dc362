import ArgumentParser
import Foundation
import MedCredCrypto

/// Where a passphrase comes from: `--passphrase-file`, then `MEDCRED_PASSPHRASE`, then a prompt on the
/// terminal with echo off. Never from a command-line value, which would land in shell history and `ps`.
struct PassphraseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the passphrase from this file (first line). Otherwise MEDCRED_PASSPHRASE, else a prompt.",
            valueName: "file"))
    var passphraseFile: String?

    static let environmentVariable = "MEDCRED_PASSPHRASE"

    /// Reads the passphrase; with `confirm`, a prompted one is asked twice.
    func read(confirm: Bool, purpose: String) throws(CLIError) -> SecretBytes {
        if let passphraseFile {
            guard let data = FileManager.default.contents(atPath: passphraseFile) else {
                throw .failed("cannot read the passphrase file \(Terminal.quoted(passphraseFile))")
            }
            let firstLine = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first ?? []
            let trimmed = firstLine.last == UInt8(ascii: "\r") ? firstLine.dropLast() : firstLine
            return try nonEmpty(SecretBytes(trimmed))
        }
        if let value = ProcessInfo.processInfo.environment[Self.environmentVariable] {
            return try nonEmpty(SecretBytes(Array(value.utf8)))
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw .failed(
                "no passphrase: set \(Self.environmentVariable), use --passphrase-file, or run in a terminal")
        }
        let first = try nonEmpty(SecretBytes(Terminal.readHidden(prompt: "Passphrase for \(purpose): ")))
        if confirm {
            let second = SecretBytes(Terminal.readHidden(prompt: "Repeat the passphrase: "))
            guard first.constantTimeEquals(second) else { throw .failed("the passphrases do not match") }
        }
        return first
    }

    private func nonEmpty(_ secret: SecretBytes) throws(CLIError) -> SecretBytes {
        guard secret.count > 0 else { throw .invalidInput("the passphrase is empty") }
        return secret
    }
}

extension Terminal {
    /// Reads one line from the terminal with echo turned off, restoring the terminal afterwards.
    static func readHidden(prompt: String) -> [UInt8] {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &original) == 0
        if hasTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        }
        defer {
            if hasTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &original) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return Array((readLine(strippingNewline: true) ?? "").utf8)
    }
}
