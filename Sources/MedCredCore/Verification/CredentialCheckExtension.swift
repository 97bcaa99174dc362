public import Foundation

/// A further check the verifier runs on every credential whose proof verified: status (Bitstring Status
/// List), ledger anchoring, trust policy (accreditation, witnesses). Later layers plug in here.
public protocol CredentialCheckExtension: Sendable {
    /// The check's name in results, e.g. `status`.
    var name: String { get }

    /// Checks `credential`.
    /// - Parameters:
    ///   - credential: the credential, already parsed, data-model valid and proven.
    ///   - now: the verifier's clock.
    /// - Returns: the problems found (empty: passed) and warnings.
    /// - Throws: only when the check cannot be carried out (a status list cannot be fetched).
    func check(_ credential: VerifiableCredential, now: Date) async throws -> CheckExtensionOutcome
}

/// What a ``CredentialCheckExtension`` found.
public struct CheckExtensionOutcome: Equatable, Sendable {
    /// Why the check failed; empty when it passed.
    public var problems: [CredentialProblem]
    /// Findings that do not fail it.
    public var warnings: [CredentialProblem]

    /// Creates an outcome.
    /// - Parameters:
    ///   - problems: why the check failed, if it did.
    ///   - warnings: other findings.
    public init(problems: [CredentialProblem] = [], warnings: [CredentialProblem] = []) {
        self.problems = problems
        self.warnings = warnings
    }
}
