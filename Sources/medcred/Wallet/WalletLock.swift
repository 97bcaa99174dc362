import Foundation

/// An exclusive advisory lock on `DIR/wallet.lock`, held from opening the wallet until the process ends, so two
/// `medcred` commands changing one wallet cannot lose each other's update.
final class WalletLock {
    private let handle: FileHandle

    init(folder: String) throws(CLIError) {
        let path = (folder as NSString).appendingPathComponent("wallet.lock")
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw .failed("cannot open the wallet lock \(Terminal.quoted(path))")
        }
        if flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) != 0 {
            Terminal.printError("medcred: waiting for another medcred command using the wallet…")
            guard flock(handle.fileDescriptor, LOCK_EX) == 0 else {
                throw .failed("cannot lock the wallet \(Terminal.quoted(path))")
            }
        }
        self.handle = handle
    }

    deinit {
        flock(handle.fileDescriptor, LOCK_UN)
        try? handle.close()
    }
}
