import ArgumentParser
import Foundation
import MedCredCore

/// `medcred admin issuer create|list|rotate-key|rotate-token`.
struct AdminIssuer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issuer",
        abstract: "Create, list and maintain issuer accounts (boards, clinics).",
        discussion: """
            Each issuer account gets a did:webvh hosted by the service, a signing key sealed by the service, and \
            an issuer token for `medcred issue` and `medcred status`.

            Example:
              medcred admin issuer list
            """,
        subcommands: [
            AdminIssuerCreate.self, AdminIssuerList.self, AdminIssuerRotateKey.self, AdminIssuerRotateToken.self,
        ]
    )
}

struct AdminIssuerCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an issuer account: its DID, signing key and issuer token.",
        discussion: """
            Prints the account's id, its DID and the issuer token. The token is shown once and cannot be read \
            again (rotate it to get a new one); with --token-out it is written to a file (mode 0600) instead.

            Example:
              medcred admin issuer create --name "Medical Board of California" --slug mbc \\
                --type MedicalLicenseCredential --jurisdiction US-CA --token-out mbc.token
            """
    )

    @Option(name: .long, help: "The issuer's display name.")
    var name: String

    @Option(name: .long, help: "The short name in its DID and URLs (default: derived from the name).")
    var slug: String?

    @Option(
        name: .customLong("type"), help: ArgumentHelp("A credential type it issues (repeatable).", valueName: "type"))
    var types: [String]

    @Option(name: .long, help: ArgumentHelp("Where it is accredited, e.g. US-CA.", valueName: "code"))
    var jurisdiction: String

    @Option(name: .long, help: ArgumentHelp("When its accreditation ends.", valueName: "date"))
    var validUntil: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Write the issuer token to this file (mode 0600) instead of printing it.", valueName: "file")
    )
    var tokenOut: String?

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !types.isEmpty else { throw ValidationError("give at least one --type") }
    }

    func run() async throws {
        let client = try service.client(admin: true)
        var body: JSONObject = [
            "name": .string(name), "credentialTypes": .array(types.map { .string($0) }),
            "jurisdiction": .string(jurisdiction),
        ]
        if let slug { body["slug"] = .string(slug) }
        if let validUntil {
            body["validUntil"] = .string(try DateArgument.timestamp(validUntil, option: "--valid-until"))
        }
        let account = try await client.post("/admin/issuers", .object(body))
        try IssuerPrinter.printAccount(account, tokenOut: tokenOut, json: output.json)
    }
}

struct AdminIssuerList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the issuer accounts.",
        discussion:
            "One line per issuer: id, slug, DID, credential types and jurisdiction.\n\nExample:\n  medcred admin issuer list --json"
    )

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let answer = try await service.client(admin: true).get("/admin/issuers")
        let issuers = answer["issuers"]?.arrayValue ?? []
        if output.json {
            Terminal.printLine(JSONValue.array(issuers).serialized())
            return
        }
        if issuers.isEmpty { Terminal.printLine("no issuers") }
        for issuer in issuers {
            let types = (issuer["credentialTypes"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
            let columns = [
                issuer["id"]?.stringValue, issuer["slug"]?.stringValue, issuer["did"]?.stringValue, types,
                issuer["jurisdiction"]?.stringValue,
            ]
            Terminal.printLine(columns.map { $0 ?? "-" }.joined(separator: "  "))
        }
    }
}

struct AdminIssuerRotateKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Give an issuer a new signing key (a new did:webvh log entry).",
        discussion: """
            Credentials signed with the old key keep verifying: the DID's history still authorizes it for the \
            time they were issued.

            Example:
              medcred admin issuer rotate-key 3f2a…
            """
    )

    @Argument(help: ArgumentHelp("The issuer account's id.", valueName: "id"))
    var id: String

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let account = try await service.client(admin: true).post(
            "/admin/issuers/\(PathSegment.encode(id))/keys/rotate", .object([:]))
        try IssuerPrinter.printAccount(account, tokenOut: nil, json: output.json)
    }
}

struct AdminIssuerRotateToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-token",
        abstract: "Replace an issuer's token; the old one stops working.",
        discussion: """
            Prints the new token once (or writes it to --token-out, mode 0600).

            Example:
              medcred admin issuer rotate-token 3f2a… --token-out mbc.token
            """
    )

    @Argument(help: ArgumentHelp("The issuer account's id.", valueName: "id"))
    var id: String

    @Option(
        name: .long,
        help: ArgumentHelp("Write the new token to this file (mode 0600) instead of printing it.", valueName: "file"))
    var tokenOut: String?

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let answer = try await service.client(admin: true).post(
            "/admin/issuers/\(PathSegment.encode(id))/tokens/rotate", .object([:]))
        try IssuerPrinter.printToken(answer, tokenOut: tokenOut, json: output.json)
    }
}

/// How issuer accounts and their tokens are printed; the token only where the command hands it over.
enum IssuerPrinter {
    static func printAccount(_ account: JSONValue, tokenOut: String?, json: Bool) throws(CLIError) {
        var account = account
        let token = account["token"]?.stringValue
        if let token, let tokenOut {
            try writeToken(token, to: tokenOut)
            account.setMember("token", nil)
        }
        if json {
            Terminal.printLine(account.serialized())
            return
        }
        var fields: [(String, String)] = []
        for name in ["id", "name", "slug", "did", "verificationMethod", "jurisdiction", "didLog"] {
            if let value = account[name]?.stringValue { fields.append((name, value)) }
        }
        if let version = account["keyVersion"]?.doubleValue { fields.append(("keyVersion", String(Int(version)))) }
        if let tokenID = account["tokenId"]?.stringValue { fields.append(("tokenId", tokenID)) }
        if let token = account["token"]?.stringValue { fields.append(("token", token)) }
        if let tokenOut, token != nil { fields.append(("tokenFile", tokenOut)) }
        Terminal.printRecord(fields, json: false)
    }

    static func printToken(_ answer: JSONValue, tokenOut: String?, json: Bool) throws(CLIError) {
        var answer = answer
        if let token = answer["token"]?.stringValue, let tokenOut {
            try writeToken(token, to: tokenOut)
            answer.setMember("token", nil)
            answer.setMember("tokenFile", .string(tokenOut))
        }
        if json {
            Terminal.printLine(answer.serialized())
            return
        }
        var fields: [(String, String)] = []
        for name in ["id", "label", "createdAt", "token", "tokenFile"] {
            if let value = answer[name]?.stringValue { fields.append((name == "id" ? "tokenId" : name, value)) }
        }
        Terminal.printRecord(fields, json: false)
    }

    private static func writeToken(_ token: String, to path: String) throws(CLIError) {
        try AtomicFile.write(Data((token + "\n").utf8), to: path, permissions: 0o600)
    }
}
