import ArgumentParser
import Foundation
import MedCredCore

/// `medcred issue --type T --subject FILE` or `medcred issue --batch FILE --type T`: credentials issued by the
/// MedCred service with an issuer token.
struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue credentials through a MedCred service with your issuer token.",
        discussion: """
            One credential: --subject names a JSON file holding the credentialSubject object; the command \
            builds the draft (@context v2, type [VerifiableCredential, TYPE]) and prints the signed credential.

            Many: --batch names a .jsonl file (one subject, or one whole draft, per line) or a .csv file whose \
            header names subject members (dotted for nested members, e.g. licensee.givenName; a cell starting \
            with [ or { is JSON; an empty cell is left out). Rows are sent 500 at a time; a summary lists the \
            rows rejected, with their problem code and pointer. A bad row never stops the others.

            Exit status: 0 all issued, 1 some or all rejected (or the server refused), 2 the server could not be \
            reached, 64 usage, 65 unreadable input.

            Examples:
              medcred issue --type MedicalLicenseCredential --subject adaeze.json \\
                --token-file mbc.token
              medcred issue --batch licences.csv --type MedicalLicenseCredential \\
                --out-dir issued/ --format jwt
              medcred issue --type MedicalLicenseCredential --subject adaeze.json \\
                --cryptosuite eddsa-rdfc-2022
            """
    )

    @Option(name: .long, help: ArgumentHelp("The credential type, e.g. MedicalLicenseCredential.", valueName: "type"))
    var type: String

    @Option(
        name: .long, help: ArgumentHelp("A JSON file (or -) holding the credentialSubject object.", valueName: "file"))
    var subject: String?

    @Option(name: .long, help: ArgumentHelp("A .csv or .jsonl file of subjects to issue in bulk.", valueName: "file"))
    var batch: String?

    @Option(name: .long, help: "di (Data Integrity; the default) or jwt (VC-JOSE).")
    var format: CredentialFormatArgument = .di

    @Option(name: .long, help: "With di: eddsa-jcs-2022 (default), eddsa-rdfc-2022 or Ed25519Signature2020.")
    var cryptosuite: CryptosuiteOption?

    @Option(
        name: .long, help: ArgumentHelp("When the credentials expire (YYYY-MM-DD or a date-time).", valueName: "date"))
    var validUntil: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Write the credential here (with --batch: all of them, one per line).", valueName: "file"))
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp("With --batch: write each credential to DIR/row-N.json (or .jwt).", valueName: "dir"))
    var outDir: String?

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    enum CredentialFormatArgument: String, ExpressibleByArgument, CaseIterable {
        case di, jwt
    }

    func validate() throws {
        switch (subject, batch) {
        case (nil, nil): throw ValidationError("give --subject FILE, or --batch FILE for many credentials")
        case (.some, .some): throw ValidationError("give either --subject or --batch, not both")
        default: break
        }
        if outDir != nil, batch == nil {
            throw ValidationError("--out-dir goes with --batch; use --out for one credential")
        }
        if outDir != nil, out != nil { throw ValidationError("give either --out or --out-dir") }
        if format == .jwt, cryptosuite != nil {
            throw ValidationError("--cryptosuite applies to Data Integrity credentials; drop it or use --format di")
        }
    }

    /// The request's `options`: the format, and the suite when one was chosen.
    var requestOptions: JSONValue {
        var options: JSONObject = ["format": .string(format.rawValue)]
        if let cryptosuite { options["cryptosuite"] = .string(cryptosuite.rawValue) }
        return .object(options)
    }

    func run() async throws {
        let until = try validUntil.map { (text) throws(CLIError) in
            try DateArgument.timestamp(text, option: "--valid-until")
        }
        let template = DraftTemplate(type: type, validUntil: until)
        let client = try service.client(admin: false)
        if let batch {
            let rows = try BatchRows.read(path: batch, draft: template)
            let destination = BatchDestination(file: out, folder: outDir, format: format.rawValue)
            let outcome = try await BatchIssuer(client: client, options: requestOptions, destination: destination)
                .issue(rows)
            outcome.printSummary(json: output.json, toStandardOutput: out != nil || outDir != nil)
            if outcome.rejected > 0 { throw ExitCode(1) }
            return
        }
        let subjectValue: JSONValue
        do { subjectValue = try JSONValue(parsing: try InputFile.read(subject ?? "-", what: "subject")) } catch let
            error as CLIError
        {
            throw error
        } catch {
            throw CLIError.invalidInput("the subject is not valid JSON: \(error)")
        }
        guard subjectValue.objectValue != nil else { throw CLIError.invalidInput("the subject must be a JSON object") }
        let answer = try await client.post(
            "/credentials/issue",
            ["credential": template.draft(subject: subjectValue), "options": requestOptions])
        guard let credential = answer["verifiableCredential"] else {
            throw CLIError.failed("the server's answer holds no verifiableCredential")
        }
        try InputFile.write(BatchDestination.text(credential, pretty: true), to: out)
        if out != nil, !output.json {
            Terminal.printRecord(
                [("id", BatchDestination.credentialID(credential) ?? "-"), ("file", out ?? "")], json: false)
        }
    }
}
