import Testing

/// The help of the holder commands: an abstract, an example and the usage line.
@Suite struct WalletHelpTests {
    @Test(arguments: [
        (["wallet"], "Keep keys, DIDs and credentials in an encrypted wallet.", "medcred wallet init"),
        (["wallet", "init"], "Create an empty encrypted wallet (the folder is made with mode 0700).", "--wallet"),
        (["wallet", "list"], "List the wallet's DIDs and credentials (ids, types, issuer, validity).", "--json"),
        (["wallet", "export"], "Export a credential, or a DID's public key, from the wallet.", "--include-secret"),
        (["credential", "receive"], "Verify a credential and store it in the wallet.", "--resolver"),
        (["present"], "Print a presentation of wallet credentials for a verifier's challenge and domain.", "--holder"),
        (["login"], "Log in to a MedCred verifier with credentials from the wallet (DID-Auth).", "--show-token"),
        (["did", "create"], "Create a did:key in the wallet, or a did:webvh DID", "--method key --label"),
    ])
    func helpHasAbstractExampleAndUsage(_ command: [String], _ abstract: String, _ text: String) throws {
        let result = try CLIRunner.run(command + ["--help"])
        #expect(result.status == 0, "\(result.stderr)")
        let unwrapped = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(unwrapped.hasPrefix("OVERVIEW: \(abstract)"), "\(result.stdout.prefix(200))")
        #expect(result.stdout.contains("Example"), "no example in \(command)")
        #expect(unwrapped.contains(text), "\(command) help lacks \(text)")
        #expect(result.stdout.contains("USAGE: medcred \(command.joined(separator: " "))"))
    }

    @Test func rootHelpListsTheHolderCommands() throws {
        let text = try CLIRunner.run(["--help"]).stdout
        for name in ["wallet", "present", "login"] {
            #expect(text.contains("  \(name) "), "root help lacks \(name)")
        }
    }
}
