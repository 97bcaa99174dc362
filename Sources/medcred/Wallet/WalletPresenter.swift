import Foundation
import MedCredCore

/// Builds and signs a presentation of wallet credentials with the wallet key of the holder.
enum WalletPresenter {
    /// The holder: the one given, else the subject DID the credentials share; it must be a wallet DID.
    static func holder(_ given: String?, credentials: [WalletCredential], wallet: Wallet) throws(CLIError) -> WalletKey
    {
        if let given {
            guard let key = wallet.contents.key(given) else {
                throw .failed("the holder \(Terminal.quoted(given)) is not a DID of the wallet")
            }
            return key
        }
        let subjects = Set(credentials.compactMap(\.subjectID))
        guard subjects.count == 1, let subject = subjects.first else {
            throw .invalidInput(
                subjects.isEmpty
                    ? "the credentials name no subject DID; choose the holder with --holder"
                    : "the credentials have different subjects; choose the holder with --holder")
        }
        guard let key = wallet.contents.key(subject) else {
            throw .failed("the credentials' subject \(subject) is not a DID of the wallet; choose one with --holder")
        }
        return key
    }

    /// The signed presentation: Data Integrity (eddsa-jcs-2022, proofPurpose authentication) or a vp+jwt.
    static func sign(
        _ credentials: [WalletCredential], holder: WalletKey, challenge: String, domain: String?, format: FormatOption,
        now: Date
    ) throws(CLIError) -> JSONValue {
        let signer = try holder.signer
        var presentation: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": .string(holder.did),
        ]
        if !credentials.isEmpty { presentation["verifiableCredential"] = .array(credentials.map(\.embedded)) }
        do {
            switch format {
            case .di:
                let options = ProofOptions(
                    proofPurpose: VerificationRelationship.authentication.rawValue, created: XSDDateTime(now),
                    challenge: challenge, domain: domain.map { [$0] } ?? [])
                return try DataIntegrity.addProof(to: .object(presentation), options: options, signer: signer)
            case .jwt:
                presentation["nonce"] = .string(challenge)
                if let domain { presentation["aud"] = .string(domain) }
                return .string(try JOSE.secure(.object(presentation), as: .verifiablePresentation, signer: signer))
            }
        } catch {
            throw .failed("cannot sign the presentation: \(error)")
        }
    }

    /// The text to print: pretty JSON, or the compact JWS.
    static func text(_ presentation: JSONValue) -> String {
        presentation.stringValue ?? presentation.serialized(pretty: true)
    }
}
