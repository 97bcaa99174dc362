import ArgumentParser
import Foundation
import MedCredCore

/// `medcred wallet …`: the holder's encrypted wallet of keys, DIDs and credentials.
struct WalletCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallet",
        abstract: "Keep keys, DIDs and credentials in an encrypted wallet.",
        discussion: """
            The wallet is DIR/wallet.json (default ~/.medcred-wallet, or MEDCRED_WALLET), sealed with secretbox \
            under a key derived from the passphrase with Argon2id. Every change keeps the previous version as \
            wallet.json.bak. The passphrase comes from --passphrase-file, MEDCRED_PASSPHRASE, or a prompt.

            Example:
              medcred wallet init
              medcred did create --method key --label work
              medcred credential receive licence.json
              medcred wallet list
            """,
        subcommands: [
            WalletInit.self, WalletList.self, WalletShow.self, WalletImport.self, WalletExport.self, WalletDelete.self,
        ]
    )
}

/// `medcred wallet init`: a new, empty wallet.
struct WalletInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty encrypted wallet (the folder is made with mode 0700).",
        discussion: """
            Asks for the passphrase twice (or reads MEDCRED_PASSPHRASE or --passphrase-file). A wallet that \
            exists is never replaced.

            Example:
              medcred wallet init --wallet ~/.medcred-wallet
            """)

    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let folder = location.folder
        if FileManager.default.fileExists(atPath: Wallet.filePath(folder)) {
            throw CLIError.failed("a wallet already exists in \(Terminal.quoted(folder))")
        }
        let secret = try passphrase.read(confirm: true, purpose: "the new wallet")
        _ = try Wallet.create(in: folder, passphrase: secret)
        Terminal.printRecord([("wallet", Wallet.filePath(folder))], json: output.json)
    }
}

/// `medcred wallet list`: the DIDs and credentials in the wallet.
struct WalletList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the wallet's DIDs and credentials (ids, types, issuer, validity).",
        discussion: """
            Example:
              medcred wallet list --json
            """)

    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let wallet = try Wallet.open(location, passphrase: passphrase)
        if output.json {
            let json: JSONValue = [
                "dids": .array(wallet.contents.keys.map(WalletText.json)),
                "hostedDIDs": .array(wallet.contents.hostedDIDs.map(WalletText.json)),
                "credentials": .array(wallet.contents.credentials.map(WalletText.json)),
            ]
            Terminal.printLine(json.serialized())
            return
        }
        Terminal.printLine("DIDs (\(wallet.contents.keys.count)):")
        for key in wallet.contents.keys {
            Terminal.printLine("  \(key.did)" + (key.label.map { "  (\($0))" } ?? ""))
        }
        if !wallet.contents.hostedDIDs.isEmpty {
            Terminal.printLine("Hosted did:webvh DIDs (\(wallet.contents.hostedDIDs.count)):")
            for hosted in wallet.contents.hostedDIDs { Terminal.printLine("  \(hosted.did)  (log \(hosted.log))") }
        }
        Terminal.printLine("Credentials (\(wallet.contents.credentials.count)):")
        for credential in wallet.contents.credentials {
            Terminal.printLine("  \(credential.id)")
            Terminal.printLine("      \(WalletText.primaryType(credential)) from \(credential.issuer)")
            Terminal.printLine("      subject \(credential.subjectID ?? "-"), \(WalletText.validity(credential))")
            if let sdJWT = credential.sdJWT {
                Terminal.printLine("      sd-jwt vct \(sdJWT.vct ?? "-")")
                Terminal.printLine("      disclosable: \(sdJWT.disclosableClaims.joined(separator: ", "))")
            }
        }
    }
}

/// `medcred wallet show ID`: one credential or DID.
struct WalletShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one credential (its summary and document) or one DID of the wallet.",
        discussion: """
            Example:
              medcred wallet show urn:uuid:0b6e…
            """)

    @Argument(help: ArgumentHelp("A credential id or a DID, as `wallet list` prints them.", valueName: "id"))
    var id: String

    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let wallet = try Wallet.open(location, passphrase: passphrase)
        switch try wallet.entry(id) {
        case .key(let key):
            Terminal.printRecord(WalletText.fields(key), json: output.json)
        case .credential(let credential):
            if output.json {
                var json = WalletText.json(credential)
                json.setMember("credential", credential.document.asJSON)
                Terminal.printLine(json.serialized())
                return
            }
            Terminal.printRecord(WalletText.fields(credential), json: false)
            Terminal.printLine(credential.exported)
        }
    }
}

/// How wallet entries are shown; a key's secret is never part of it.
enum WalletText {
    static func primaryType(_ credential: WalletCredential) -> String {
        credential.types.last { $0 != "VerifiableCredential" } ?? credential.types.last ?? "-"
    }

    static func validity(_ credential: WalletCredential) -> String {
        "valid from \(credential.validFrom ?? "-") until \(credential.validUntil ?? "-")"
    }

    static func fields(_ key: WalletKey) -> [(String, String)] {
        var fields = [
            ("did", key.did), ("verificationMethod", key.verificationMethod),
            ("publicKeyMultibase", key.publicKeyMultibase),
        ]
        if let label = key.label { fields.append(("label", label)) }
        fields.append(("created", key.created))
        return fields
    }

    static func fields(_ credential: WalletCredential) -> [(String, String)] {
        [
            ("id", credential.id), ("type", credential.types.joined(separator: ", ")), ("issuer", credential.issuer),
            ("subject", credential.subjectID ?? "-"), ("validFrom", credential.validFrom ?? "-"),
            ("validUntil", credential.validUntil ?? "-"), ("format", credential.format),
            ("received", credential.received),
        ] + (credential.sdJWT?.fields ?? [])
    }

    static func json(_ key: WalletKey) -> JSONValue {
        .object(JSONObject(fields(key).map { ($0.0, JSONValue.string($0.1)) }))
    }

    /// A hosted DID without its keys: the DID, its server, its log and when it was created.
    static func json(_ hosted: WalletHostedDID) -> JSONValue {
        [
            "did": .string(hosted.did), "server": .string(hosted.server), "log": .string(hosted.log),
            "created": .string(hosted.created),
        ]
    }

    static func json(_ credential: WalletCredential) -> JSONValue {
        var object: JSONObject = [
            "id": .string(credential.id), "type": .array(credential.types.map(JSONValue.string)),
            "issuer": .string(credential.issuer), "format": .string(credential.format),
            "received": .string(credential.received),
        ]
        if let subject = credential.subjectID { object["subject"] = .string(subject) }
        if let from = credential.validFrom { object["validFrom"] = .string(from) }
        if let until = credential.validUntil { object["validUntil"] = .string(until) }
        if let sdJWT = credential.sdJWT {
            object["vct"] = sdJWT.vct.map(JSONValue.string) ?? .null
            object["disclosable"] = .array(sdJWT.disclosableClaims.map(JSONValue.string))
        }
        return .object(object)
    }
}

extension WalletDocument {
    /// The document, or the compact JWS as a JSON string.
    var asJSON: JSONValue {
        switch self {
        case .document(let document): document
        case .jws(let jws), .sdJWT(let jws): .string(jws)
        }
    }
}
