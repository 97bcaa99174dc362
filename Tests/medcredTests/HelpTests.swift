import Testing

/// `medcred --help`, each issuer/admin/verify command's help, and the shell completion scripts.
@Suite struct HelpTests {
    @Test func rootHelpListsTheCommandsWithTheirAbstracts() throws {
        let result = try CLIRunner.run(["--help"])
        #expect(result.status == 0)
        let text = Self.unwrapped(result.stdout)
        #expect(text.contains("Decentralized identity and verifiable credentials for healthcare."))
        for line in [
            "issue", "Issue credentials through a MedCred service with your issuer token.",
            "status", "Revoke, suspend or reinstate a credential you issued.",
            "verify", "Verify a credential or presentation and print a verdict naming every check.",
            "admin", "Manage issuer accounts and accreditations on a MedCred service (admin token).",
        ] {
            #expect(text.contains(line), "root help lacks \(line)")
        }
    }

    @Test(arguments: [
        (["issue"], "Issue credentials through a MedCred service with your issuer token.", "medcred issue --batch"),
        (["status"], "Revoke, suspend or reinstate a credential you issued.", "medcred status suspend"),
        (["verify"], "Verify a credential or presentation and print a verdict naming every check.", "--offline"),
        (["admin"], "Manage issuer accounts and accreditations on a MedCred service (admin token).", "--token-out"),
        (
            ["admin", "issuer"], "Create, list and maintain issuer accounts (boards, clinics).",
            "medcred admin issuer list"
        ),
        (
            ["admin", "issuer", "create"], "Create an issuer account: its DID, signing key and issuer token.",
            "--slug mbc"
        ),
        (["admin", "issuer", "list"], "List the issuer accounts.", "--json"),
        (
            ["admin", "issuer", "rotate-key"], "Give an issuer a new signing key (a new did:webvh log entry).",
            "rotate-key"
        ),
        (["admin", "issuer", "rotate-token"], "Replace an issuer's token; the old one stops working.", "--token-out"),
        (
            ["admin", "accredit"], "Accredit an issuer DID for credential types in a jurisdiction.",
            "--valid-until 2030"
        ),
    ])
    func subcommandHelpHasAbstractAndExample(_ command: [String], _ abstract: String, _ example: String) throws {
        let result = try CLIRunner.run(command + ["--help"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.unwrapped(result.stdout).hasPrefix("OVERVIEW: \(abstract)"), "\(result.stdout.prefix(200))")
        #expect(result.stdout.contains("Example"), "no example in \(command)")
        #expect(result.stdout.contains(example), "\(command) help lacks \(example)")
        #expect(result.stdout.contains("USAGE: medcred \(command.joined(separator: " "))"))
    }

    @Test(arguments: [
        ("bash", "complete -o filenames -F _medcred medcred"), ("zsh", "#compdef medcred"),
        ("fish", "complete -c 'medcred'"),
    ])
    func generatesACompletionScript(_ shell: String, _ marker: String) throws {
        let result = try CLIRunner.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(marker), "\(result.stdout.prefix(300))")
        for word in ["issue", "status", "verify", "admin", "rotate-token", "accredit"] {
            #expect(result.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
        // The status actions complete from their fixed list.
        #expect(result.stdout.contains("revoke") && result.stdout.contains("reinstate"))
    }

    /// Help text with its line wrapping (which depends on the terminal width) undone: runs of spaces and
    /// newlines become one space.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func aMissingRequiredOptionIsAUsageError() throws {
        let result = try CLIRunner.run(["issue", "--type", "MedicalLicenseCredential"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--subject"))
    }
}
