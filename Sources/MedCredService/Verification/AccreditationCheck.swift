public import Foundation
public import MedCredCore
public import MedCredLedger

/// Source of accreditation ledger entries for an issuer (the server adapts the accounts service and the ledger
/// to it).
public protocol AccreditationSource: Sendable {
    /// The accreditation and withdrawal entries that may concern `issuer`, in log order.
    /// - Parameter issuer: the issuer's DID.
    /// - Returns: the entries; others are ignored by ``AccreditationRegistry``.
    /// - Throws: when the ledger cannot be read.
    func entries(issuer: DID) async throws -> [AccreditationRegistry.Entry]
}

/// The `accreditation` check: the credential's issuer is accredited by a trust root for each of the credential's
/// specific types (every type but `VerifiableCredential`) at the credential's `validFrom` (or now), per
/// ``AccreditationRegistry``.
///
/// The jurisdiction asked about is the subject's `jurisdiction` (a licence's); a credential without one (a
/// patient identity) needs an accreditation in any jurisdiction. A credential issued before its issuer was
/// accredited, or after the accreditation was withdrawn, fails: the licence's authority comes from the board
/// being accredited when it issued it.
public struct AccreditationCheck: CredentialCheckExtension {
    /// `accreditation`.
    public let name = "accreditation"
    private let registry: AccreditationRegistry
    private let source: any AccreditationSource

    /// Creates the check.
    /// - Parameters:
    ///   - registry: the trust roots and the resolver for their keys.
    ///   - source: where accreditation entries come from.
    public init(registry: AccreditationRegistry, source: any AccreditationSource) {
        self.registry = registry
        self.source = source
    }

    public func check(_ credential: VerifiableCredential, now: Date) async throws -> CheckExtensionOutcome {
        guard let issuerID = credential.issuerID, let issuer = try? DID(parsing: issuerID) else {
            return CheckExtensionOutcome(problems: [Self.problem("the issuer is not a DID, so it cannot be accredited")]
            )
        }
        let types = credential.types.filter { $0 != "VerifiableCredential" }
        guard !types.isEmpty else {
            return CheckExtensionOutcome(problems: [
                Self.problem("the credential has no specific type for its issuer to be accredited for")
            ])
        }
        let entries = try await source.entries(issuer: issuer)
        let instant = credential.validityStart ?? XSDDateTime(now)
        let jurisdictions = Self.jurisdictions(of: credential, issuer: issuer, entries: entries)
        var problems: [CredentialProblem] = []
        for type in types {
            if let reason = try await refusal(issuer, type, jurisdictions, instant, entries) {
                problems.append(Self.problem("\(issuer) is not accredited for \(type): \(reason)"))
            }
        }
        return CheckExtensionOutcome(problems: problems)
    }

    /// Why `issuer` is not accredited for `type`, or `nil` when it is, in the jurisdictions asked about.
    private func refusal(
        _ issuer: DID, _ type: String, _ jurisdictions: Jurisdictions, _ instant: XSDDateTime,
        _ entries: [AccreditationRegistry.Entry]
    ) async throws -> String? {
        switch jurisdictions {
        case .required(let required):
            for jurisdiction in required {
                let answer = try await registry.check(
                    issuer: issuer, credentialType: type, jurisdiction: jurisdiction, at: instant, entries: entries)
                if !answer.isAccredited { return answer.reason ?? "not accredited in \(jurisdiction)" }
            }
            return nil
        case .any(let candidates):
            var reason = "no accreditation by a trusted root covers \(type)"
            for jurisdiction in candidates {
                let answer = try await registry.check(
                    issuer: issuer, credentialType: type, jurisdiction: jurisdiction, at: instant, entries: entries)
                if answer.isAccredited { return nil }
                reason = answer.reason ?? reason
            }
            return reason
        }
    }

    private enum Jurisdictions {
        /// The subjects name these; every one must be covered.
        case required([String])
        /// The subject names none; an accreditation in any of these (the issuer's own) will do.
        case any([String])
    }

    private static func jurisdictions(
        of credential: VerifiableCredential, issuer: DID, entries: [AccreditationRegistry.Entry]
    ) -> Jurisdictions {
        let named = credential.credentialSubjects.compactMap { $0["jurisdiction"]?.stringValue }
        if !named.isEmpty { return .required(Array(Set(named)).sorted()) }
        let own = entries.compactMap { entry -> String? in
            guard let accreditation = try? Accreditation(json: entry.json), accreditation.issuer == issuer else {
                return nil
            }
            return accreditation.jurisdiction
        }
        return .any(Array(Set(own)).sorted())
    }

    private static func problem(_ detail: String) -> CredentialProblem {
        CredentialProblem(type: .malformedValue, pointer: "/issuer", title: "Issuer not accredited", detail: detail)
    }
}
