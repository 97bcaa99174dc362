import Foundation
import MedCredCore
import MedCredCrypto

/// `medcred did create --method key`: a new Ed25519 did:key whose key lives in the wallet.
enum DIDKeyCreate {
    static func run(_ location: WalletOptions, label: String?, passphrase: PassphraseOptions, json: Bool)
        throws(CLIError)
    {
        var wallet = try Wallet.open(location, passphrase: passphrase)
        let key = WalletKey(privateKey: Ed25519.PrivateKey(), label: label, created: Date())
        wallet.contents.keys.append(key)
        try wallet.save()
        if json {
            Terminal.printLine(WalletText.json(key).serialized())
        } else {
            Terminal.printLine(key.did)
        }
    }
}
