import ArgumentParser
import Foundation
import MedCredClient
import MedCredCore

/// `medcred login URL --policy NAME`: DID-Auth against a MedCred verifier with credentials from the wallet.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to a MedCred verifier with credentials from the wallet (DID-Auth).",
        discussion: """
            Fetches a challenge (POST URL/challenges), picks the credentials the policy needs (a \
            MedicalLicenseCredential for telemedicine-physician and pharmacy-pharmacist, a \
            PatientIdentityCredential for clinic-patient, or exactly the --credential given) whose subject is a \
            wallet DID, signs a presentation for authentication with that DID's key, posts it (POST \
            URL/auth/login) and prints the session. The session token is printed only with --json or \
            --show-token. Exit status: 0 logged in, 1 refused (the reason is printed), 2 the server could not be \
            reached.

            When the chosen credential is an SD-JWT VC, the presentation is the SD-JWT with a KB-JWT (nonce the \
            challenge, aud the domain). It discloses the claims of --disclose; without it, the claims the \
            verifier's challenge names as required (requiredDisclosures), and when the verifier names none, every \
            disclosable claim (a note says so).

            Example:
              medcred login https://verifier.example --policy telemedicine-physician
            """
    )

    @Argument(help: ArgumentHelp("The verifier's base URL, e.g. https://verifier.example.", valueName: "url"))
    var url: String

    @Option(name: .long, help: ArgumentHelp("The verifier policy, e.g. telemedicine-physician.", valueName: "name"))
    var policy: String

    @Option(name: .long, help: ArgumentHelp("Present exactly this wallet credential; repeatable.", valueName: "id"))
    var credential: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "For an SD-JWT VC: the claims to disclose, comma-separated (default: the policy's required ones).",
            valueName: "claims"))
    var disclose: [String] = []

    @Flag(name: .long, help: "Print the session token (it is a bearer secret).")
    var showToken = false

    @OptionGroup var suite: PresentationSuiteOptions
    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard base.httpOrigin != nil else {
            throw CLIError.invalidInput("\(Terminal.quoted(url)) is not an http(s) URL")
        }
        let wallet = try Wallet.open(location, passphrase: passphrase)
        let client = HTTPClient()
        let challenge = try await post(
            client, base + "/challenges", ["policy": .string(policy)], refusal: "login failed")
        guard let nonce = challenge["challenge"]?.stringValue, let domain = challenge["domain"]?.stringValue else {
            throw CLIError.failed("login failed: the verifier's challenge response lacks challenge or domain")
        }
        let chosen = try LoginSelection.credentials(for: policy, ids: credential, wallet: wallet)
        let presentation: JSONValue
        if chosen.contains(where: { $0.sdJWT != nil }) {
            guard chosen.count == 1, let sdJWT = chosen[0].sdJWT else {
                throw CLIError.invalidInput("an SD-JWT VC is presented alone; give only its --credential")
            }
            let paths = try disclosures(sdJWT, challenge: challenge)
            presentation = .string(
                try sdJWT.present(paths, challenge: nonce, domain: domain, wallet: wallet, now: Date()))
        } else {
            guard disclose.isEmpty else { throw CLIError.invalidInput("--disclose is for SD-JWT VCs only") }
            let holder = try await WalletPresenter.holder(nil, credentials: chosen, wallet: wallet)
            presentation = try WalletPresenter.sign(
                chosen, holder: holder, challenge: nonce, domain: domain, securing: try suite.securing(format: .di),
                now: Date())
        }
        let session = try await post(
            client, base + "/auth/login", ["presentation": presentation, "policy": .string(policy)],
            refusal: "login refused")
        print(session)
    }

    /// --disclose, else the verifier's `requiredDisclosures`, else every disclosable claim.
    private func disclosures(_ sdJWT: SDJWTHolding, challenge: JSONValue) throws(CLIError) -> [SDJWTClaimPath] {
        if !disclose.isEmpty { return try SDJWTHolding.paths(disclose) }
        if let required = challenge["requiredDisclosures"]?.arrayValue {
            return try SDJWTHolding.paths(required.compactMap(\.stringValue))
        }
        Terminal.printError(
            "medcred: note: the verifier names no required claims; disclosing every claim (limit with --disclose)")
        return try SDJWTHolding.paths(sdJWT.disclosableClaims)
    }

    /// Posts JSON; a problem answer becomes `<refusal>: <code>: <reason>` (exit 1), no answer exit 2.
    private func post(_ client: HTTPClient, _ target: String, _ body: JSONValue, refusal: String) async throws(CLIError)
        -> JSONValue
    {
        let response: HTTPResponse
        do { response = try await client.postJSON(target, body) } catch {
            throw CLIError(description: "cannot reach \(url): \(error)", exitCode: 2)
        }
        let json = try? JSONValue(parsing: response.body)
        guard response.isSuccess else {
            let code = json?["code"]?.stringValue ?? "HTTP \(response.status)"
            let reason = json?["reason"]?.stringValue ?? json?["detail"]?.stringValue ?? "no reason given"
            throw CLIError.failed("\(refusal): \(code): \(reason)")
        }
        guard let json, json.objectValue != nil else {
            throw CLIError.failed("\(refusal): the verifier's answer is not a JSON object")
        }
        return json
    }

    private func print(_ session: JSONValue) {
        if output.json {
            Terminal.printLine(session.serialized())
            return
        }
        var fields: [(String, String)] = [
            ("holder", session["holder"]?.stringValue ?? "-"), ("policy", session["policy"]?.stringValue ?? policy),
            ("expiresAt", session["expiresAt"]?.stringValue ?? "-"),
        ]
        if let claims = session["claims"]?.objectValue {
            for name in claims.names {
                let value = claims[name] ?? .null
                fields.append(("claims." + name, value.stringValue ?? value.serialized()))
            }
        }
        if showToken { fields.append(("token", session["token"]?.stringValue ?? "-")) }
        Terminal.printRecord(fields, json: false)
    }
}

/// Which wallet credentials a policy needs.
enum LoginSelection {
    /// The credential type (and profession) the known policies ask for.
    static let needs: [String: (type: String, profession: String?)] = [
        "telemedicine-physician": ("MedicalLicenseCredential", "physician"),
        "pharmacy-pharmacist": ("MedicalLicenseCredential", "pharmacist"),
        "clinic-patient": ("PatientIdentityCredential", nil),
    ]

    static func credentials(for policy: String, ids: [String], wallet: Wallet) throws(CLIError) -> [WalletCredential] {
        if !ids.isEmpty {
            return try ids.map { id throws(CLIError) in
                guard let found = wallet.contents.credential(id) else {
                    throw .failed("no credential \(Terminal.quoted(id)) in the wallet")
                }
                return found
            }
        }
        guard let need = needs[policy] else {
            throw .invalidInput(
                "no built-in choice for the policy \(Terminal.quoted(policy)); name one with --credential")
        }
        let now = XSDDateTime.timestamp(from: Date())
        let candidates = wallet.contents.credentials.filter { credential in
            guard credential.types.contains(need.type), let subject = credential.subjectID,
                wallet.contents.dids.contains(subject)
            else { return false }
            if let profession = need.profession,
                let stated = credential.claims["credentialSubject"]?["profession"]?.stringValue, stated != profession
            {
                return false
            }
            // Timestamps of the same (UTC, whole-second) form compare as text.
            return credential.validUntil.map { $0 > now } ?? true
        }
        guard let chosen = candidates.last else {
            throw .failed(
                "the wallet holds no \(need.type) for a wallet DID; receive one first (medcred credential receive)")
        }
        if candidates.count > 1 {
            Terminal.printError(
                "medcred: note: \(candidates.count) credentials fit; using \(chosen.id) (choose with --credential)")
        }
        return [chosen]
    }
}
