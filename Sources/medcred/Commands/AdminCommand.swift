import ArgumentParser
import Foundation
import MedCredCore

/// `medcred admin …`: the platform operator's commands, with the admin token.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage issuer accounts and accreditations on a MedCred service (admin token).",
        discussion: """
            The admin token is read from --token-file, --token or MEDCRED_TOKEN, else from \
            ./.medcred/admin.token, which `medcred serve` writes on its first start.

            Example:
              medcred admin issuer create --name "Medical Board of California" \\
                --type MedicalLicenseCredential --jurisdiction US-CA --token-out board.token
            """,
        subcommands: [AdminIssuer.self, AdminAccredit.self, AdminServiceKey.self]
    )
}

/// `medcred admin rotate-service-key`: a new key for the service DID (trust root and session signer).
struct AdminServiceKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-service-key",
        abstract: "Give the service DID a new key (a new did:webvh log entry, pre-rotation honoured).",
        discussion: """
            New sessions and accreditations are signed with the new key. Sessions issued before stay valid until \
            they expire (at most one session lifetime), and accreditations signed before keep verifying, since \
            the DID's history authorizes the old key for the time they were signed.

            Example:
              medcred admin rotate-service-key --server https://medcred.example
            """
    )

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let answer = try await service.client(admin: true).post("/admin/service/keys/rotate", .object([:]))
        Terminal.printRecord(
            [
                ("did", answer["did"]?.stringValue ?? "-"),
                ("verificationMethod", answer["verificationMethod"]?.stringValue ?? "-"),
            ], json: output.json)
    }
}

/// `medcred admin accredit --issuer DID --type T… --jurisdiction J`: records on the ledger that an issuer may
/// issue these credential types in a jurisdiction.
struct AdminAccredit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accredit",
        abstract: "Accredit an issuer DID for credential types in a jurisdiction.",
        discussion: """
            The accreditation is signed by the service's DID and appended to its transparency ledger; verifiers \
            check it in their `accreditation` check. Dates are YYYY-MM-DD or RFC 3339 date-times.

            Example:
              medcred admin accredit --issuer did:webvh:…:issuers:mbc --type MedicalLicenseCredential \\
                --jurisdiction US-CA --valid-until 2030-12-31
            """
    )

    @Option(name: .long, help: ArgumentHelp("The issuer's DID.", valueName: "did"))
    var issuer: String

    @Option(
        name: .customLong("type"), help: ArgumentHelp("A credential type it may issue (repeatable).", valueName: "type")
    )
    var types: [String]

    @Option(name: .long, help: ArgumentHelp("Where the accreditation holds, e.g. US-CA.", valueName: "code"))
    var jurisdiction: String

    @Option(name: .long, help: ArgumentHelp("When it starts (default: now).", valueName: "date"))
    var validFrom: String?

    @Option(name: .long, help: ArgumentHelp("When it ends (default: never).", valueName: "date"))
    var validUntil: String?

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !types.isEmpty else { throw ValidationError("give at least one --type") }
    }

    func run() async throws {
        let client = try service.client(admin: true)
        var body: JSONObject = [
            "issuer": .string(issuer), "credentialTypes": .array(types.map { .string($0) }),
            "jurisdiction": .string(jurisdiction),
        ]
        if let validFrom { body["validFrom"] = .string(try DateArgument.timestamp(validFrom, option: "--valid-from")) }
        if let validUntil {
            body["validUntil"] = .string(try DateArgument.timestamp(validUntil, option: "--valid-until"))
        }
        let record = try await client.post("/admin/accreditations", .object(body))
        if output.json {
            Terminal.printLine(record.serialized())
            return
        }
        var fields: [(String, String)] = [
            ("id", record["id"]?.stringValue ?? ""), ("issuer", record["issuer"]?.stringValue ?? issuer),
            ("types", (record["credentialTypes"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")),
            ("jurisdiction", record["jurisdiction"]?.stringValue ?? jurisdiction),
            ("validFrom", record["validFrom"]?.stringValue ?? ""),
        ]
        if let until = record["validUntil"]?.stringValue { fields.append(("validUntil", until)) }
        if let index = record["ledgerIndex"]?.doubleValue { fields.append(("ledgerIndex", String(Int(index)))) }
        Terminal.printRecord(fields, json: false)
    }
}

/// Dates on the command line: `YYYY-MM-DD` (midnight UTC) or an RFC 3339 date-time with a zone.
enum DateArgument {
    static func timestamp(_ text: String, option: String) throws(CLIError) -> String {
        let candidate = text.count == 10 ? text + "T00:00:00Z" : text
        guard (try? XSDDateTime(parsing: candidate, requiringTimezone: true))?.date != nil else {
            throw CLIError(
                description:
                    "\(option): \(Terminal.quoted(text)) is not a date (YYYY-MM-DD) or a date-time with a zone",
                exitCode: 64)
        }
        return candidate
    }
}

/// A path segment for an id the user typed, percent-encoded so `/`, `?` and `#` cannot change the route.
enum PathSegment {
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
