/// The answer to "is this credential (or presentation) good?": every check that ran, in order, with the
/// problems that made a check fail and the warnings that did not.
///
/// This is the body of the VC-API verify endpoints (https://w3c-ccg.github.io/vc-api/#verify-credential):
/// `{verified, checks, warnings, errors}`. A bad credential is a result naming the failed check, never a
/// thrown error (STYLE.md §1.3).
public struct VerificationResult: Equatable, Sendable {
    /// One check and its outcome.
    public struct Check: Equatable, Sendable {
        /// The check's name, e.g. `proof`, `validityPeriod` (``VerificationCheck``), or an extension's name.
        public let name: String
        /// The problems that made it fail; empty when it passed.
        public let problems: [CredentialProblem]

        /// Whether the check passed.
        public var passed: Bool { problems.isEmpty }

        /// Creates a check outcome.
        /// - Parameters:
        ///   - name: the check's name.
        ///   - problems: why it failed, or empty when it passed.
        public init(name: String, problems: [CredentialProblem]) {
            self.name = name
            self.problems = problems
        }
    }

    /// Every check that ran, in order.
    public private(set) var checks: [Check] = []
    /// Problems worth reporting that do not fail verification (e.g. a schema MedCred does not know).
    public private(set) var warnings: [CredentialProblem] = []

    /// Creates an empty result; ``verified`` is `false` until a check has run.
    public init() {}

    /// Whether at least one check ran and every check passed.
    public var verified: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }

    /// The failed checks' problems, each with the name of its check.
    public var errors: [(check: String, problem: CredentialProblem)] {
        checks.flatMap { check in check.problems.map { (check.name, $0) } }
    }

    /// The names of the checks that failed, in order.
    public var failedChecks: [String] { checks.filter { !$0.passed }.map(\.name) }

    /// Records a check.
    /// - Parameters:
    ///   - name: its name.
    ///   - problems: why it failed; empty for a pass.
    public mutating func record(_ name: String, problems: [CredentialProblem] = []) {
        checks.append(Check(name: name, problems: problems))
    }

    /// Records a check by its standard name.
    /// - Parameters:
    ///   - check: the check.
    ///   - problems: why it failed; empty for a pass.
    public mutating func record(_ check: VerificationCheck, problems: [CredentialProblem] = []) {
        record(check.rawValue, problems: problems)
    }

    /// Adds a warning.
    /// - Parameter problem: what is worth knowing.
    public mutating func warn(_ problem: CredentialProblem) {
        warnings.append(problem)
    }

    /// Appends another result's checks and warnings with their pointers moved under `prefix`, for a
    /// credential embedded in a presentation.
    /// - Parameters:
    ///   - other: the embedded document's result.
    ///   - prefix: the JSON Pointer of the embedded document, e.g. `/verifiableCredential/0`.
    ///   - namePrefix: prepended to each check name, e.g. `verifiableCredential[0].`.
    public mutating func merge(_ other: VerificationResult, under prefix: String, namePrefix: String) {
        for check in other.checks {
            record(namePrefix + check.name, problems: check.problems.map { $0.nested(under: prefix) })
        }
        warnings += other.warnings.map { $0.nested(under: prefix) }
    }

    /// The VC-API body: `verified`, `checks` (names of the checks run), `warnings` and `errors` (RFC 9457
    /// problem details, each with the `check` that failed).
    public var json: JSONValue {
        let errorObjects: [JSONValue] = errors.map { entry in
            var object = entry.problem.problemDetails.objectValue ?? [:]
            object["check"] = .string(entry.check)
            return .object(object)
        }
        return [
            "verified": .bool(verified),
            "checks": .array(checks.map { .string($0.name) }),
            "warnings": .array(warnings.map(\.problemDetails)),
            "errors": .array(errorObjects),
        ]
    }
}

/// The checks MedCred's verifier runs, by their names in results.
public enum VerificationCheck: String, CaseIterable, Sendable {
    /// The input is strict I-JSON, or a well-formed compact JWS.
    case parsing
    /// The document conforms to the VC Data Model (VCDM 2.0 §4, or 1.1 for verification).
    case dataModel
    /// Every proof verifies: signature, cryptosuite, purpose, key authorized in the controller's DID document.
    case proof
    /// The credential's issuer (the presentation's holder) controls the key that proved it.
    case proofController
    /// The verifier's clock is within `validFrom`…`validUntil`.
    case validityPeriod
    /// The credential satisfies the JSON Schemas it names in `credentialSchema`.
    case schema
}
