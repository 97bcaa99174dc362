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

    /// The signed presentation of wallet credentials by `holder` (see ``PresentationSigning``).
    static func sign(
        _ credentials: [WalletCredential], holder: WalletKey, challenge: String, domain: String?,
        securing: PresentationSigning.Securing = .init(), now: Date
    ) throws(CLIError) -> JSONValue {
        try PresentationSigning.sign(
            embedding: credentials.map(\.embedded), holder: holder.did, signer: try holder.signer, challenge: challenge,
            domain: domain, securing: securing, now: now)
    }

    /// The text to print: pretty JSON, or the compact JWS.
    static func text(_ presentation: JSONValue) -> String {
        presentation.stringValue ?? presentation.serialized(pretty: true)
    }
}
