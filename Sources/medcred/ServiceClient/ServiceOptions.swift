import ArgumentParser
import Foundation

/// Where the MedCred service is and which bearer token to present: shared by `issue`, `status` and `admin`.
struct ServiceOptions: ParsableArguments {
    /// The environment variable naming the server when `--server` is not given.
    static let serverVariable = "MEDCRED_SERVER"
    /// The environment variable holding the token when neither `--token` nor `--token-file` is given.
    static let tokenVariable = "MEDCRED_TOKEN"
    static let defaultServer = "http://127.0.0.1:8080"
    /// Where `medcred serve` writes the admin token on its first start.
    static let defaultAdminTokenFile = ".medcred/admin.token"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The MedCred service's URL (default: MEDCRED_SERVER, else \(defaultServer)).", valueName: "url"))
    var server: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The bearer token (default: MEDCRED_TOKEN). Prefer --token-file: options are visible to other users.",
            valueName: "token"))
    var token: String?

    @Option(name: .long, help: ArgumentHelp("A file holding the bearer token.", valueName: "file"))
    var tokenFile: String?

    /// The server URL: `--server`, else `$MEDCRED_SERVER`, else the local default.
    func serverURL() -> String { Self.serverURL(server) }

    /// `server` when given, else `$MEDCRED_SERVER`, else the local default.
    static func serverURL(_ server: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let server, !server.isEmpty { return server }
        if let value = environment[serverVariable], !value.isEmpty { return value }
        return defaultServer
    }

    /// The token: `--token`, `--token-file`, `$MEDCRED_TOKEN`, then (for admin commands) `./.medcred/admin.token`.
    func resolvedToken(admin: Bool, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(CLIError) -> String?
    {
        if let token, !token.isEmpty { return token }
        if let tokenFile { return try Self.readToken(tokenFile) }
        if let value = environment[Self.tokenVariable], !value.isEmpty { return value }
        if admin, FileManager.default.fileExists(atPath: Self.defaultAdminTokenFile) {
            return try Self.readToken(Self.defaultAdminTokenFile)
        }
        return nil
    }

    /// A client for the chosen server, with the token; a missing token is a usage error (exit 64).
    func client(admin: Bool) throws(CLIError) -> ServiceClient {
        guard let token = try resolvedToken(admin: admin) else {
            let hint =
                admin
                ? "give --token-file, --token or MEDCRED_TOKEN (or run in the folder holding .medcred/admin.token)"
                : "give the issuer token with --token-file, --token or MEDCRED_TOKEN"
            throw CLIError(description: "no bearer token: \(hint)", exitCode: 64)
        }
        return ServiceClient(baseURL: serverURL(), token: token)
    }

    private static func readToken(_ path: String) throws(CLIError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failed("cannot read the token file \(Terminal.quoted(path))")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains(where: \.isNewline), text.utf8.count <= 4096 else {
            // Never echo the file's contents: it is a secret.
            throw .invalidInput("the token file \(Terminal.quoted(path)) does not hold one token")
        }
        return text
    }
}
