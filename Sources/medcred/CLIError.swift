/// A command's failure: one line for the user and an exit code a script can branch on.
struct CLIError: Error, CustomStringConvertible {
    /// What went wrong, in one line; never contains secrets.
    let description: String
    /// 65 (`EX_DATAERR`) for malformed input data, 1 for an operation that failed.
    let exitCode: Int32

    /// Input that does not parse (a DID, a seed, a file).
    static func invalidInput(_ message: String) -> CLIError { CLIError(description: message, exitCode: 65) }

    /// An operation that could not be carried out.
    static func failed(_ message: String) -> CLIError { CLIError(description: message, exitCode: 1) }
}
