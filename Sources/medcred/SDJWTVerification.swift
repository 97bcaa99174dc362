import Foundation
import MedCredCore

/// An SD-JWT VC (or SD-JWT+KB) handed to `medcred verify`, and the key binding asked for.
struct SDJWTVerification {
    let text: String
    let challenge: String?
    let domain: String?

    var hasKeyBinding: Bool { text.split(separator: "~", omittingEmptySubsequences: false).last?.isEmpty == false }

    /// The KB-JWT `aud` and `nonce` required: both --domain and --challenge, or neither.
    func requirement() throws(CLIError) -> KeyBindingRequirement? {
        switch (challenge, domain) {
        case (nil, nil): return nil
        case (let nonce?, let audience?): return KeyBindingRequirement(audience: audience, nonce: nonce)
        default:
            throw .invalidInput("give both --challenge and --domain for an SD-JWT key binding")
        }
    }
}

extension Verify {
    /// Verifies locally: did:key issuers (and did:webvh ones with --log); no status check.
    func verifyOfflineSDJWT(_ input: SDJWTVerification) async throws {
        let requirement = try input.requirement()
        let logs = try webvh.verifiedLogs(now: Date())
        let anchorProblems = try webvh.anchorProblems(logs)
        var result: VerificationResult
        do {
            result = try await SDJWTCredentialVerifier.verify(
                input.text, now: XSDDateTime(Date()), keyBinding: requirement,
                resolver: OfflineWebVHResolver(logs: logs)
            ).result
        } catch {
            throw CLIError(description: "could not check the SD-JWT VC: \(error)", exitCode: 2)
        }
        if requirement == nil, input.hasKeyBinding {
            result.warn(
                CredentialProblem(
                    type: .malformedValue, pointer: "",
                    detail: "the KB-JWT's aud and nonce were not checked (give --challenge and --domain)"))
        }
        if let anchorProblems { result.record("anchor", problems: anchorProblems) }
        try Verdict.finish(result, json: output.json)
    }

    /// Verifies through the server: an SD-JWT+KB (or one for a challenge) as a presentation, a bare SD-JWT VC as
    /// a credential.
    func verifyOnlineSDJWT(_ input: SDJWTVerification) async throws {
        _ = try input.requirement()
        let client = ServiceClient(baseURL: ServiceOptions.serverURL(server), token: nil)
        if input.hasKeyBinding || input.challenge != nil {
            var options: JSONObject = [:]
            if let challenge = input.challenge { options["challenge"] = .string(challenge) }
            if let domain = input.domain { options["domain"] = .string(domain) }
            let answer = try await client.postAnyStatus(
                "/presentations/verify", ["verifiablePresentation": .string(input.text), "options": .object(options)])
            try finishOnline(answer, what: "presentation")
        } else {
            let answer = try await client.postAnyStatus(
                "/credentials/verify", ["verifiableCredential": .string(input.text)])
            try finishOnline(answer, what: "credential")
        }
    }
}
