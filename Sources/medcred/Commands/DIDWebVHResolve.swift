import ArgumentParser
import Foundation
import MedCredCore
import MedCredLedger

/// The options of `medcred did resolve` that resolve a did:webvh DID from a local log.
struct DIDWebVHResolveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("did:webvh: the DID log (did.jsonl) to resolve from.", valueName: "file"))
    var log: String?

    @Option(name: .long, help: ArgumentHelp("did:webvh: the witness proofs (did-witness.json).", valueName: "file"))
    var witness: String?

    @Option(name: .long, help: ArgumentHelp("did:webvh: resolve the version with this versionId.", valueName: "id"))
    var versionId: String?

    @Option(
        name: .long,
        help: ArgumentHelp("did:webvh: resolve the version in force at this time (RFC 3339).", valueName: "time"))
    var versionTime: String?

    @Option(name: .long, help: ArgumentHelp("did:webvh: resolve version N (from 1).", valueName: "n"))
    var versionNumber: Int?

    /// Whether any did:webvh option was given.
    var isUsed: Bool { log != nil || witness != nil || versionId != nil || versionTime != nil || versionNumber != nil }
}

/// Resolves a did:webvh DID against a local `did.jsonl` (did:webvh v1.0 "Read (Resolve)"), no network.
enum DIDWebVHResolution {
    static func resolve(_ did: String, options: DIDWebVHResolveOptions, json: Bool) throws(CLIError) {
        guard let logPath = options.log else {
            throw .invalidInput("resolving \(Terminal.quoted(did)) needs --log FILE (did.jsonl)")
        }
        let query = try queryText(options)
        let logText = try text(logPath, what: "DID log")
        let witnessText = try options.witness.map { path throws(CLIError) in try text(path, what: "witness file") }
        let result = WebVHResolver.resolve(
            did + query, logText: logText, witnessText: witnessText, now: XSDDateTime(Date()))
        if let error = result.error {
            if json { Terminal.printLine(result.json.serialized()) }
            let message =
                "cannot resolve \(Terminal.quoted(did)): \(error.resolutionErrorCode): "
                + DIDWebVHText.describe(error)
            switch error {
            case .versionNotFound, .didNotInLog, .didSCIDMismatch: throw .failed(message)
            default: throw .invalidInput(message)
            }
        }
        Terminal.printLine(result.json.serialized(pretty: !json))
    }

    private static func queryText(_ options: DIDWebVHResolveOptions) throws(CLIError) -> String {
        var parameters: [(String, String)] = []
        if let id = options.versionId { parameters.append(("versionId", id)) }
        if let time = options.versionTime {
            guard (try? XSDDateTime(parsing: time, requiringTimezone: true)) != nil else {
                throw .invalidInput("invalid --version-time \(Terminal.quoted(time)): not an RFC 3339 time with a zone")
            }
            parameters.append(("versionTime", time))
        }
        if let number = options.versionNumber {
            guard number >= 1 else { throw .invalidInput("invalid --version-number \(number): versions start at 1") }
            parameters.append(("versionNumber", String(number)))
        }
        guard parameters.count <= 1 else {
            throw .invalidInput("give at most one of --version-id, --version-time and --version-number")
        }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:")
        return parameters.map { name, value in
            "?\(name)=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined()
    }

    private static func text(_ path: String, what: String) throws(CLIError) -> String {
        let bytes = try InputFile.read(path, what: what)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidInput("the \(what) \(Terminal.quoted(path)) is not UTF-8 text")
        }
        return text
    }
}
