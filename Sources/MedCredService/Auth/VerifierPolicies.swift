import Foundation

/// The built-in verifier policies, and loading policies from configuration.
public enum VerifierPolicies {
    /// `telemedicine-physician`, `pharmacy-pharmacist` (both a `MedicalLicenseCredential` with the profession
    /// named, schemas/MedicalLicenseCredential/v1.json) and `clinic-patient` (a `PatientIdentityCredential`).
    public static let builtIn: [VerifierPolicy] = [
        VerifierPolicy(
            name: "telemedicine-physician", domain: "telemedicine.medcred.local",
            credentialType: "MedicalLicenseCredential", subjectConstraints: ["profession": ["physician"]],
            exposedClaims: ["licensee", "profession", "licenseNumber", "jurisdiction", "specialty"]),
        VerifierPolicy(
            name: "pharmacy-pharmacist", domain: "pharmacy.medcred.local", credentialType: "MedicalLicenseCredential",
            subjectConstraints: ["profession": ["pharmacist"]],
            exposedClaims: ["licensee", "profession", "licenseNumber", "jurisdiction"]),
        VerifierPolicy(
            name: "clinic-patient", domain: "clinic.medcred.local", credentialType: "PatientIdentityCredential",
            exposedClaims: ["givenName", "familyName", "birthDate", "identifier"],
            requiredDisclosures: ["givenName", "familyName", "birthDate"]),
    ]

    /// Reads policies from JSON: an array of policies, or `{"policies": [...]}`. `subjectConstraints`,
    /// `exposedClaims`, `requireAccreditation` and `requiredDisclosures` may be left out (empty, empty, `true`,
    /// empty).
    /// - Parameter json: the configuration bytes.
    /// - Returns: the policies, in order.
    /// - Throws: ``VerifierPolicyError``.
    public static func load(json: [UInt8]) throws -> [VerifierPolicy] {
        let decoder = JSONDecoder()
        let files: [PolicyFile]
        if let list = try? decoder.decode([PolicyFile].self, from: Data(json)) {
            files = list
        } else {
            do { files = try decoder.decode(PolicyList.self, from: Data(json)).policies } catch {
                throw VerifierPolicyError.malformed(reason: "\(error)")
            }
        }
        var names: Set<String> = []
        return try files.map { file in
            let policy = file.policy
            guard !policy.name.isEmpty, !policy.domain.isEmpty, !policy.credentialType.isEmpty else {
                throw VerifierPolicyError.emptyField(policy: policy.name)
            }
            guard names.insert(policy.name).inserted else { throw VerifierPolicyError.duplicateName(policy.name) }
            return policy
        }
    }

    private struct PolicyList: Decodable {
        let policies: [PolicyFile]
    }

    /// A policy as written in configuration, with defaults for the optional members.
    private struct PolicyFile: Decodable {
        let name: String
        let domain: String
        let credentialType: String
        let subjectConstraints: [String: [String]]?
        let exposedClaims: [String]?
        let requireAccreditation: Bool?
        let requiredDisclosures: [String]?

        var policy: VerifierPolicy {
            VerifierPolicy(
                name: name, domain: domain, credentialType: credentialType,
                subjectConstraints: subjectConstraints ?? [:], exposedClaims: exposedClaims ?? [],
                requireAccreditation: requireAccreditation ?? true, requiredDisclosures: requiredDisclosures ?? [])
        }
    }
}

/// Why verifier policies could not be loaded.
public enum VerifierPolicyError: Error, Equatable, Sendable {
    /// The JSON does not have the policy shape; `reason` says where.
    case malformed(reason: String)
    /// A policy's name, domain or credential type is empty.
    case emptyField(policy: String)
    /// Two policies share a name.
    case duplicateName(String)

    /// The stable machine code.
    public var code: String {
        switch self {
        case .malformed: "policy-malformed"
        case .emptyField: "policy-incomplete"
        case .duplicateName: "policy-duplicate"
        }
    }
}
