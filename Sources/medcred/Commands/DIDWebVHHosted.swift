import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger

/// `did create --method webvh --server URL` and `did update --server URL --did DID`: a professional's did:webvh
/// hosted by a MedCred server. Keys are generated in the wallet and every entry is signed here; the wallet is
/// saved with a new key before the server is told about it, so an accepted entry never names a lost key.
enum DIDWebVHHosted {
    /// `[a-z0-9-]{1,63}`, as the server requires.
    static func isValidName(_ name: String) -> Bool {
        (1...63).contains(name.utf8.count)
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// A DID document with the assertion key as `#key-<version>` in `authentication` and `assertionMethod`.
    static func document(id: String, assertionKey: String, version: Int) -> JSONObject {
        let method = "\(id)#key-\(version)"
        return [
            "@context": [.string(DIDWebVHDocument.didContext), "https://w3id.org/security/multikey/v1"],
            "id": .string(id),
            "verificationMethod": [
                [
                    "id": .string(method), "type": "Multikey", "controller": .string(id),
                    "publicKeyMultibase": .string(assertionKey),
                ]
            ],
            "authentication": [.string(method)], "assertionMethod": [.string(method)],
        ]
    }

    static func create(
        server: String, name: String?, preRotation: Bool, location: WalletOptions, passphrase: PassphraseOptions,
        json: Bool
    ) async throws(CLIError) {
        let name = name ?? "p-" + SecureRandom.bytes(count: 5).map { String(format: "%02x", $0) }.joined()
        guard isValidName(name) else { throw .invalidInput("--name must match [a-z0-9-]{1,63}") }
        let client = try HostedDIDClient(server: server)
        var wallet = try Wallet.open(location, passphrase: passphrase)
        let domain = try await client.didDomain()
        let update = Ed25519.PrivateKey()
        let assertion = Ed25519.PrivateKey()
        let next = preRotation ? Ed25519.PrivateKey() : nil
        let parameters = WebVHParameters(
            updateKeys: [DIDWebVHKeys.multikey(update)],
            nextKeyHashes: next.map { [WebVHHash.keyHash(DIDWebVHKeys.multikey($0))] })
        let template = "did:webvh:\(WebVHHash.placeholder):\(domain):people:\(name)"
        let entry: WebVHLogEntry
        do throws(WebVHError) {
            let log = try WebVHLogWriter.create(
                document: document(id: template, assertionKey: DIDWebVHKeys.multikey(assertion), version: 1),
                parameters: parameters, versionTime: DIDWebVHFolder.nextVersionTime(after: nil),
                signer: Ed25519Signer(didKey: update))
            guard let first = log.entries.first else { throw WebVHError.emptyLog }
            entry = first
        } catch {
            throw .failed("cannot create the DID: \(DIDWebVHText.describe(error))")
        }
        var keys = [
            WalletHostedKey(privateKey: update, role: "update"),
            WalletHostedKey(privateKey: assertion, role: "assertion"),
        ]
        if let next { keys.append(WalletHostedKey(privateKey: next, role: "next")) }
        let logURL = client.service.baseURL + "/people/\(name)/did.jsonl"
        wallet.contents.hostedDIDs.append(
            WalletHostedDID(
                did: entry.stateID, server: client.service.baseURL, log: logURL, created: Date(), keys: keys))
        try wallet.save()
        let answer: JSONValue
        do { answer = try await client.create(entry) } catch {
            wallet.contents.hostedDIDs.removeAll { $0.did == entry.stateID }
            try wallet.save()
            throw error
        }
        if json {
            var record: JSONObject = [
                "did": .string(entry.stateID), "versionId": .string(entry.versionId),
                "log": .string(answer["log"]?.stringValue ?? logURL),
            ]
            if let index = answer["ledgerIndex"] { record["ledgerIndex"] = index }
            Terminal.printLine(JSONValue.object(record).serialized())
        } else {
            Terminal.printLine(entry.stateID)
        }
    }

    static func rotate(
        server: String, did: String, noNextKey: Bool, document path: String?, location: WalletOptions,
        passphrase: PassphraseOptions, json: Bool
    ) async throws(CLIError) {
        let client = try HostedDIDClient(server: server)
        var wallet = try Wallet.open(location, passphrase: passphrase)
        guard var hosted = wallet.contents.hostedDID(did) else {
            throw .failed("no hosted DID \(Terminal.quoted(did)) in the wallet")
        }
        guard let identifier = try? WebVHIdentifier(parsing: did), let name = identifier.pathSegments.last else {
            throw .invalidInput("\(Terminal.quoted(did)) is not a hosted did:webvh DID")
        }
        let log = try await client.log(name: name)
        let state = try DIDWebVHFolder.verified(log, what: "served for \(did)")
        guard state.did == did, !state.isDeactivated else { throw .failed("\(did) is deactivated or moved") }
        let newState = try path.map { file throws(CLIError) in try DIDWebVHDocument.load(file, id: did) }
        // Under pre-rotation the committed next key takes over; otherwise the update key hands over to a new one.
        let signer: WalletHostedKey
        let fresh = Ed25519.PrivateKey()
        var parameters = WebVHParameters()
        if state.isPreRotationActive {
            guard let committed = state.nextKeyHashes.lazy.compactMap({ hosted.key(hash: $0) }).first else {
                throw .failed("the wallet holds no key committed in the nextKeyHashes of \(did)")
            }
            signer = committed
            parameters.updateKeys = [committed.publicKeyMultibase]
            parameters.nextKeyHashes = noNextKey ? [] : [WebVHHash.keyHash(DIDWebVHKeys.multikey(fresh))]
        } else {
            guard let current = state.updateKeys.lazy.compactMap({ hosted.key(multikey: $0) }).first else {
                throw .failed("the wallet holds none of the update keys of \(did)")
            }
            signer = current
            parameters.updateKeys = [DIDWebVHKeys.multikey(fresh)]
        }
        let updated: WebVHLog
        do {
            updated = try WebVHLogWriter.update(
                log, document: newState ?? (log.entries.last?.state ?? [:]), parameters: parameters,
                versionTime: DIDWebVHFolder.nextVersionTime(after: log),
                signer: Ed25519Signer(didKey: try signer.privateKey()))
        } catch let error as CLIError {
            throw error
        } catch let error as WebVHError {
            throw .failed("cannot update \(did): \(DIDWebVHText.describe(error))")
        } catch {
            throw .failed("cannot update \(did): \(error)")
        }
        guard let entry = updated.entries.last else { throw .failed("cannot update \(did): empty log") }
        let usesFresh = !(state.isPreRotationActive && noNextKey)
        if usesFresh { hosted.keys.append(WalletHostedKey(privateKey: fresh, role: "pending")) }
        try store(hosted, in: &wallet)
        do { _ = try await client.append(entry, to: did) } catch {
            hosted.keys.removeAll { $0.role == "pending" }
            try store(hosted, in: &wallet)
            throw error
        }
        // The entry is accepted: the key that was authorized before is retired, and the keys move up one role.
        let retired = state.isPreRotationActive ? state.updateKeys : [signer.publicKeyMultibase]
        hosted.keys.removeAll { retired.contains($0.publicKeyMultibase) && $0.role != "assertion" }
        for index in hosted.keys.indices {
            switch hosted.keys[index].role {
            case "next" where hosted.keys[index].publicKeyMultibase == signer.publicKeyMultibase:
                hosted.keys[index].role = "update"
            case "pending": hosted.keys[index].role = state.isPreRotationActive ? "next" : "update"
            default: break
            }
        }
        try store(hosted, in: &wallet)
        DIDWebVHAuthority.printEntry(updated, json: json)
    }

    private static func store(_ hosted: WalletHostedDID, in wallet: inout Wallet) throws(CLIError) {
        guard let index = wallet.contents.hostedDIDs.firstIndex(where: { $0.did == hosted.did }) else { return }
        wallet.contents.hostedDIDs[index] = hosted
        try wallet.save()
    }
}
