import ArgumentParser
import Foundation
import MedCredCore

/// Builds a presentation of credentials and signs it for a verifier's challenge and domain: the one place
/// `presentation sign`, `present` and `login` make presentations.
enum PresentationSigning {
    /// How the presentation is secured: Data Integrity with a suite, or a `vp+jwt`.
    struct Securing {
        var format: FormatOption = .di
        var cryptosuite: CryptosuiteOption = .eddsaJCS2022
        /// The pinned contexts, needed by the RDFC suites only.
        var contexts: KnownContexts?
    }

    /// The signed presentation: a document with a proof (proofPurpose `authentication`, the challenge and the
    /// domain), or a `vp+jwt` as a JSON string whose `nonce` is the challenge and `aud` the domain.
    static func sign(
        embedding credentials: [JSONValue], holder: String, signer: some ProofSigner, challenge: String,
        domain: String?, securing: Securing, now: Date
    ) throws(CLIError) -> JSONValue {
        var contexts: [JSONValue] = [.string(KnownContexts.credentialsV2)]
        if securing.format == .di && securing.cryptosuite == .ed25519Signature2020 {
            contexts.append(.string(DataIntegrityCryptosuite.ed25519Signature2020Context))
        }
        var presentation: JSONObject = [
            "@context": .array(contexts), "type": ["VerifiablePresentation"], "holder": .string(holder),
        ]
        if !credentials.isEmpty { presentation["verifiableCredential"] = .array(credentials) }
        do {
            switch securing.format {
            case .di:
                let options = ProofOptions(
                    proofPurpose: VerificationRelationship.authentication.rawValue, created: XSDDateTime(now),
                    challenge: challenge, domain: domain.map { [$0] } ?? [])
                return try DataIntegrity.addProof(
                    to: .object(presentation), options: options, signer: signer,
                    cryptosuite: securing.cryptosuite.suite, contexts: securing.contexts)
            case .jwt:
                presentation["nonce"] = .string(challenge)
                if let domain { presentation["aud"] = .string(domain) }
                return .string(try JOSE.secure(.object(presentation), as: .verifiablePresentation, signer: signer))
            }
        } catch {
            throw .failed("cannot sign the presentation: \(error)")
        }
    }
}

/// `--cryptosuite` for presentations, with the contexts the RDFC suites need.
struct PresentationSuiteOptions: ParsableArguments {
    @Option(name: .long, help: "With di: eddsa-jcs-2022 (default), eddsa-rdfc-2022 or Ed25519Signature2020.")
    var cryptosuite: CryptosuiteOption = .eddsaJCS2022

    @OptionGroup var contextOptions: ContextOptions

    /// The securing for `format`; reads the pinned contexts only for an RDFC suite.
    func securing(format: FormatOption) throws(CLIError) -> PresentationSigning.Securing {
        guard format == .di || cryptosuite == .eddsaJCS2022 else {
            throw CLIError(
                description: "--cryptosuite applies to Data Integrity presentations; drop it or use --format di",
                exitCode: 64)
        }
        let contexts = cryptosuite.suite.usesRDFC ? try ContextCache.load(folder: contextOptions.contexts) : nil
        return PresentationSigning.Securing(format: format, cryptosuite: cryptosuite, contexts: contexts)
    }
}
