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
