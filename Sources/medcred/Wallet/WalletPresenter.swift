import Foundation
import MedCredCore
import MedCredLedger

/// Builds and signs a presentation of wallet credentials with the wallet key of the holder.
enum WalletPresenter {
    /// The holder: the one given, else the subject DID the credentials share; it must be a wallet DID, a did:key
    /// or a did:webvh hosted by a MedCred server whose keys the wallet holds.
    static func holder(_ given: String?, credentials: [WalletCredential], wallet: Wallet) async throws(CLIError)
        -> PresentationHolder
    {
        let did: String
        if let given {
            guard wallet.contents.key(given) != nil || wallet.contents.hostedDID(given) != nil else {
                throw .failed("the holder \(Terminal.quoted(given)) is not a DID of the wallet")
            }
            did = given
        } else {
            let subjects = Set(credentials.compactMap(\.subjectID))
            guard subjects.count == 1, let subject = subjects.first else {
                throw .invalidInput(
                    subjects.isEmpty
                        ? "the credentials name no subject DID; choose the holder with --holder"
                        : "the credentials have different subjects; choose the holder with --holder")
            }
            guard wallet.contents.key(subject) != nil || wallet.contents.hostedDID(subject) != nil else {
                throw .failed("the credentials' subject \(subject) is not a DID of the wallet; choose one with --holder")
            }
            did = subject
        }
        if let key = wallet.contents.key(did) { return PresentationHolder(did: did, signer: try key.signer) }
        guard let hosted = wallet.contents.hostedDID(did) else { throw .failed("no key for \(did) in the wallet") }
        return try await hostedHolder(hosted)
    }

    /// A hosted did:webvh signs with the wallet key that its current DID document (fetched from the server and
    /// verified) lists under `authentication`, named by that verification method.
    private static func hostedHolder(_ hosted: WalletHostedDID) async throws(CLIError) -> PresentationHolder {
        guard let identifier = try? WebVHIdentifier(parsing: hosted.did), let name = identifier.pathSegments.last else {
            throw .invalidInput("\(Terminal.quoted(hosted.did)) is not a hosted did:webvh DID")
        }
        let log = try await HostedDIDClient(server: hosted.server).log(name: name)
        let state = try DIDWebVHFolder.verified(log, what: "served for \(hosted.did)")
        guard state.did == hosted.did, !state.isDeactivated, let document = log.entries.last?.state else {
            throw .failed("\(hosted.did) is deactivated or moved")
        }
        let methods = document["verificationMethod"]?.arrayValue ?? []
        for reference in document["authentication"]?.arrayValue ?? [] {
            let method = reference.stringValue.map { id in methods.first { absolute($0["id"], in: hosted.did) == absolute(.string(id), in: hosted.did) } } ?? reference
            guard let method, let id = absolute(method["id"], in: hosted.did),
                let multikey = method["publicKeyMultibase"]?.stringValue, let key = hosted.key(multikey: multikey)
            else { continue }
            return PresentationHolder(
                did: hosted.did, signer: Ed25519Signer(privateKey: try key.privateKey(), verificationMethod: id))
        }
        throw .failed("the wallet holds no authentication key of the current DID document of \(hosted.did)")
    }

    /// A verification method id made absolute: `#key-1` is relative to the DID.
    private static func absolute(_ id: JSONValue?, in did: String) -> String? {
        guard let text = id?.stringValue else { return nil }
        return text.hasPrefix("#") ? did + text : text
    }

    /// The signed presentation of wallet credentials by `holder` (see ``PresentationSigning``).
    static func sign(
        _ credentials: [WalletCredential], holder: PresentationHolder, challenge: String, domain: String?,
        securing: PresentationSigning.Securing = .init(), now: Date
    ) throws(CLIError) -> JSONValue {
        try PresentationSigning.sign(
            embedding: credentials.map(\.embedded), holder: holder.did, signer: holder.signer, challenge: challenge,
            domain: domain, securing: securing, now: now)
    }

    /// The text to print: pretty JSON, or the compact JWS.
    static func text(_ presentation: JSONValue) -> String {
        presentation.stringValue ?? presentation.serialized(pretty: true)
    }
}

/// Who signs a presentation: the holder DID and the key of one of its `authentication` verification methods.
struct PresentationHolder {
    let did: String
    let signer: Ed25519Signer
}
