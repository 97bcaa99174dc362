import ArgumentParser
import MedCredCore

/// Prints a ``VerificationResult`` for people (one line per check) or as the VC-API JSON body.
enum Verdict {
    static func print(_ result: VerificationResult, json: Bool) {
        if json {
            Terminal.printLine(result.json.serialized())
            return
        }
        Terminal.printLine("verified: \(result.verified ? "yes" : "NO")")
        for check in result.checks {
            Terminal.printLine("  \(check.passed ? "✓" : "✗") \(check.name)")
            for problem in check.problems {
                let location = problem.pointer.isEmpty ? "" : " at \(problem.pointer)"
                Terminal.printLine("      \(problem.type.rawValue)\(location): \(problem.detail)")
            }
        }
        for warning in result.warnings {
            let location = warning.pointer.isEmpty ? "" : " at \(warning.pointer)"
            Terminal.printLine("  ! warning\(location): \(warning.detail)")
        }
    }
}

extension Verdict {
    /// Reads the document and the contexts a verify command needs; failing to read either means the
    /// verdict could not be reached (exit 2).
    static func inputs(file: String, what: String, contexts folder: String?) throws(CLIError)
        -> (bytes: [UInt8], verifier: CredentialVerifier)
    {
        do throws(CLIError) {
            let bytes = try InputFile.read(file, what: what)
            let contexts = try ContextCache.load(folder: folder)
            return (bytes, CredentialVerifier(resolver: DIDKeyResolver(), contexts: contexts))
        } catch {
            throw error.withCouldNotCheck()
        }
    }

    /// Prints the verdict and exits 1 when it is negative.
    static func finish(_ result: VerificationResult, json: Bool) throws(ExitCode) {
        print(result, json: json)
        if !result.verified { throw ExitCode(1) }
    }
}
