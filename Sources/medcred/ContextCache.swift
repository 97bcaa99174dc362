import Foundation
import MedCredCore

/// The local folder of pinned JSON-LD context documents, and the ``KnownContexts`` read from it.
///
/// DESIGN.md "JSON-LD contexts": MedCred never fetches a context while verifying. `tools/fetch-contexts`
/// fills the folder on a connected machine; every file is checked against `contexts/pins.json` (compiled
/// into MedCredCore as ``MedCredContexts/pins``) when it is read. The folder is, in order:
/// 1. the `folder` argument (a command's `--contexts` option), which must exist;
/// 2. `$MEDCRED_CONTEXTS`, when set and not empty, which must exist;
/// 3. `./.medcred/contexts`, when it exists (where `tools/fetch-contexts` writes by default);
/// 4. `../shared/vectors/contexts`, when it exists: a developer convenience for a checkout beside the
///    shared vectors, whose files carry the same names and digests.
///
/// A pinned file missing from the folder is not an error: that context is then unknown, and a credential
/// naming it is reported by validation. A file whose SHA-256 differs from its pin is an error naming it.
/// MedCred's own context is compiled in and always known.
enum ContextCache {
    /// The environment variable naming the folder.
    static let environmentVariable = "MEDCRED_CONTEXTS"
    /// The folder `tools/fetch-contexts` fills by default, relative to the working directory.
    static let defaultFolder = ".medcred/contexts"
    /// The shared test vectors' copy of the contexts, relative to the working directory.
    static let developerFolder = "../shared/vectors/contexts"

    /// Reads the pinned contexts from the folder chosen as described above.
    static func load(folder: String?) throws(CLIError) -> KnownContexts {
        try load(folder: folder, environment: ProcessInfo.processInfo.environment)
    }

    /// Reads the pinned contexts, taking the environment as a parameter (for tests).
    static func load(folder: String?, environment: [String: String]) throws(CLIError) -> KnownContexts {
        try load(from: try resolve(folder: folder, environment: environment))
    }

    /// The folder to read: the first of the argument, `$MEDCRED_CONTEXTS`, `./.medcred/contexts` and
    /// `../shared/vectors/contexts` that applies.
    static func resolve(folder: String?, environment: [String: String]) throws(CLIError) -> String {
        if let folder {
            guard isDirectory(folder) else {
                throw .invalidInput("the context folder \(Terminal.quoted(folder)) is not a directory")
            }
            return folder
        }
        if let folder = environment[environmentVariable], !folder.isEmpty {
            guard isDirectory(folder) else {
                throw .invalidInput("\(environmentVariable) names \(Terminal.quoted(folder)), which is not a directory")
            }
            return folder
        }
        for candidate in [defaultFolder, developerFolder] where isDirectory(candidate) {
            return candidate
        }
        throw .failed(
            "no JSON-LD context folder: run tools/fetch-contexts (it fills ./\(defaultFolder)), "
                + "or set \(environmentVariable) or --contexts to a folder of pinned contexts")
    }

    /// Reads every pinned file present in `folder` and checks it against its pin.
    static func load(from folder: String) throws(CLIError) -> KnownContexts {
        let directory = URL(fileURLWithPath: folder, isDirectory: true)
        var documents: [String: [UInt8]] = [:]
        var paths: [String: String] = [:]
        for pin in MedCredContexts.pins.pins where !pin.isEmbedded {
            let path = directory.appendingPathComponent(pin.file).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let bytes = try read(path)
            guard MedCredContexts.pins.verify(url: pin.url, bytes: bytes) else {
                throw .invalidInput(
                    "the context file \(Terminal.quoted(path)) does not match the SHA-256 pinned for \(pin.url); "
                        + "delete it and run tools/fetch-contexts")
            }
            documents[pin.url] = bytes
            paths[pin.url] = path
        }
        do {
            return try MedCredContexts.knownContexts(loading: documents)
        } catch {
            let path = url(of: error).flatMap { paths[$0] }.map { Terminal.quoted($0) + ": " } ?? ""
            throw .invalidInput(path + error.description)
        }
    }

    private static func read(_ path: String) throws(CLIError) -> [UInt8] {
        // A context is a few kilobytes; refuse to load something far larger than any JSON MedCred parses.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= JSONLimits.default.maxBytes else {
            throw .invalidInput("the context file \(Terminal.quoted(path)) is \(size) bytes, too large for a context")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failed("cannot read the context file \(Terminal.quoted(path))")
        }
        return Array(data)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func url(of error: ContextError) -> String? {
        switch error {
        case .unpinnedURL(let url), .digestMismatch(let url, _, _), .invalidDocument(let url, _),
            .notAContextDocument(let url):
            url
        case .invalidPinsJSON, .missingPinMember, .invalidPinMember, .unexpectedPinMember, .duplicatePinURL,
            .duplicatePinFile:
            nil
        }
    }
}
