import ArgumentParser
import Foundation
import MedCredCore

/// `medcred verify FILE|-`: the verdict on a credential or a presentation, online through a MedCred server or
/// `--offline` with the CLI's own verifier.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a credential or presentation and print a verdict naming every check.",
        discussion: """
            Reads JSON (Data Integrity) or a compact JWT and tells a credential from a presentation by its \
            `type` or the JWT's `typ`. Online (the default), the MedCred server verifies it: signature, issuer \
            DID history, accreditation, status lists (revoked, suspended), validity period and schema. With \
            --offline nothing is fetched: the proof, data model, validity period and schema are checked locally \
            for did:key signers, and for did:webvh signers whose did.jsonl is given with --log (resolved as of the \
            proof's date); --bundle with --ledger-key also checks that those log entries are anchored on the \
            MedCred ledger (tlog-proofs from GET /ledger/bundles/{index}). Status and accreditation are not \
            checked offline.

            An SD-JWT VC (<issuer-jwt>~<disclosures>~[<kb-jwt>]) is verified with its disclosures; a KB-JWT is \
            checked against --challenge (its nonce) and --domain (its aud), and is required when they are given. \
            Offline, did:key issuers (and did:webvh ones with --log) are resolved locally; status is not checked.

            Exit status: 0 verified, 1 not verified, 2 could not check (e.g. the server is unreachable).

            Examples:
              medcred verify licence.json
              medcred verify presentation.json --challenge 9f3c… --domain clinic.example
              medcred verify patient.sd-jwt --offline --challenge 9f3c… --domain clinic.example
              cat licence.jwt | medcred verify - --offline
              medcred verify licence.json --offline --log board/did.jsonl --bundle anchor.tlog --ledger-key …
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The credential or presentation (JSON or a compact JWT), or - for standard input.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Verify locally, without a server (did:key signers; no status or accreditation check).")
    var offline = false

    @Option(name: .long, help: "For a presentation: the challenge you issued; it must carry it.")
    var challenge: String?

    @Option(name: .long, help: "For a presentation: your domain; it must carry it.")
    var domain: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The MedCred service's URL (default: MEDCRED_SERVER, else http://127.0.0.1:8080).", valueName: "url"))
    var server: String?

    @OptionGroup var webvh: OfflineWebVHOptions
    @OptionGroup var contextOptions: ContextOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let bytes: [UInt8]
        do { bytes = try InputFile.read(file, what: "document") } catch { throw error.withCouldNotCheck() }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if SDJWTHolding.looksLikeSDJWT(text) {
            let verification = SDJWTVerification(text: text, challenge: challenge, domain: domain)
            return try await offline ? verifyOfflineSDJWT(verification) : verifyOnlineSDJWT(verification)
        }
        let kind = VerifyInput.kind(of: bytes)
        if offline {
            try await verifyOffline(bytes, kind: kind)
        } else {
            try await verifyOnline(bytes, kind: kind)
        }
    }

    private func verifyOffline(_ bytes: [UInt8], kind: VerifyInput.Kind) async throws {
        let logs = try webvh.verifiedLogs(now: Date())
        let anchorProblems = try webvh.anchorProblems(logs)
        let verifier: CredentialVerifier
        do {
            verifier = CredentialVerifier(
                resolver: OfflineWebVHResolver(logs: logs),
                contexts: try ContextCache.load(folder: contextOptions.contexts))
        } catch { throw error.withCouldNotCheck() }
        var result: VerificationResult
        do {
            switch kind {
            case .credential:
                result = try await verifier.verifyCredential(bytes: bytes, now: Date())
            case .presentation:
                result = try await verifier.verifyPresentation(
                    bytes: bytes, challenge: challenge, domain: domain, now: Date())
            }
        } catch {
            throw CLIError(description: "could not check the \(kind.rawValue): \(error)", exitCode: 2)
        }
        if let anchorProblems { result.record("anchor", problems: anchorProblems) }
        try Verdict.finish(result, json: output.json)
    }

    private func verifyOnline(_ bytes: [UInt8], kind: VerifyInput.Kind) async throws {
        let document = try VerifyInput.jsonMember(bytes)
        let client = ServiceClient(baseURL: ServiceOptions.serverURL(server), token: nil)
        let answer: ServiceResponse
        switch kind {
        case .credential:
            answer = try await client.postAnyStatus("/credentials/verify", ["verifiableCredential": document])
        case .presentation:
            var options: JSONObject = [:]
            if let challenge { options["challenge"] = .string(challenge) }
            if let domain { options["domain"] = .string(domain) }
            answer = try await client.postAnyStatus(
                "/presentations/verify", ["verifiablePresentation": document, "options": .object(options)])
        }
        try finishOnline(answer, what: kind.rawValue)
    }

    /// Prints the server's verdict; exits 1 when not verified, 2 when the server reached none.
    func finishOnline(_ answer: ServiceResponse, what: String) throws {
        guard answer.status == 200, let body = answer.json, let verified = body["verified"]?.boolValue else {
            // The server could not reach a verdict (or refused the request): the answer is "could not check".
            let problem = ServiceProblem(answer)
            throw CLIError(description: "could not check the \(what): \(problem)", exitCode: 2)
        }
        if output.json {
            Terminal.printLine(body.serialized())
        } else {
            RemoteVerdict.print(body)
        }
        if !verified { throw ExitCode(1) }
    }
}

/// What a document to verify is, told from its bytes.
enum VerifyInput {
    enum Kind: String {
        case credential, presentation
    }

    /// A presentation when its `type` (or a JWT's `typ` or payload `type`) says so; a credential otherwise.
    static func kind(of bytes: [UInt8]) -> Kind {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{"), let json = try? JSONValue(parsing: text) {
            return isPresentation(json) ? .presentation : .credential
        }
        guard let jws = try? CompactJWS(parsing: text) else { return .credential }
        if let typ = jws.header["typ"]?.stringValue?.lowercased() {
            if typ.hasPrefix("vp") { return .presentation }
            if typ.hasPrefix("vc") { return .credential }
        }
        return isPresentation(jws.payload) ? .presentation : .credential
    }

    private static func isPresentation(_ json: JSONValue) -> Bool {
        let types = json["type"]?.arrayValue?.compactMap(\.stringValue) ?? json["type"]?.stringValue.map { [$0] } ?? []
        return types.contains("VerifiablePresentation") || types.contains("EnvelopedVerifiablePresentation")
    }

    /// The document as the VC-API carries it: a JSON object, or a compact JWT as a JSON string.
    static func jsonMember(_ bytes: [UInt8]) throws(CLIError) -> JSONValue {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("{") {
            do { return try JSONValue(parsing: text) } catch {
                throw .invalidInput("the document is not valid JSON: \(error)")
            }
        }
        guard (try? CompactJWS(parsing: text)) != nil else {
            throw .invalidInput("the document is neither a JSON object nor a compact JWT")
        }
        return .string(text)
    }
}

/// Prints the server's VC-API verification body in ``Verdict``'s style: one line per check, then its problems.
enum RemoteVerdict {
    static func print(_ body: JSONValue) {
        let verified = body["verified"]?.boolValue == true
        Terminal.printLine("verified: \(verified ? "yes" : "NO")")
        let errors = body["errors"]?.arrayValue ?? []
        for check in (body["checks"]?.arrayValue ?? []).compactMap(\.stringValue) {
            let problems = errors.filter { $0["check"]?.stringValue == check }
            Terminal.printLine("  \(problems.isEmpty ? "✓" : "✗") \(check)")
            for problem in problems { Terminal.printLine("      " + line(problem)) }
        }
        for warning in body["warnings"]?.arrayValue ?? [] { Terminal.printLine("  ! warning " + line(warning)) }
    }

    /// `TYPE at /pointer: detail`, with the problem type's short name where MedCred knows its URL.
    private static func line(_ problem: JSONValue) -> String {
        let url = problem["type"]?.stringValue ?? ""
        let type = ProblemType.allCases.first { $0.url == url }?.rawValue ?? (url.isEmpty ? "problem" : url)
        let pointer = problem["pointer"]?.stringValue ?? ""
        let location = pointer.isEmpty ? "" : " at \(pointer)"
        return "\(type)\(location): \(problem["detail"]?.stringValue ?? problem["title"]?.stringValue ?? "")"
    }
}
