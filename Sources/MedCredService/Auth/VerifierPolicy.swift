/// A named login policy, e.g. `telemedicine-physician`: what a presentation must prove for a session.
///
/// The presentation must contain a valid, unrevoked credential of ``credentialType`` (from an accredited issuer
/// when ``requireAccreditation``) whose subject matches ``subjectConstraints``; ``exposedClaims`` are copied
/// from that subject into the session.
public struct VerifierPolicy: Sendable, Codable, Equatable {
    /// The policy's name, used in `POST /auth/login`.
    public let name: String
    /// The verifier domain challenges for this policy are bound to.
    public let domain: String
    /// The credential type required, e.g. `MedicalLicenseCredential`.
    public let credentialType: String
    /// Subject member → allowed values, e.g. `{"profession": ["physician"]}`; a member holding an array matches
    /// when any element is allowed.
    public let subjectConstraints: [String: [String]]
    /// Subject members copied into the session's claims, e.g. `licenseNumber`, `jurisdiction`.
    public let exposedClaims: [String]
    /// Whether the issuer must be accredited (the `accreditation` check must have run and passed).
    public let requireAccreditation: Bool
    /// Subject members the holder must disclose (for an SD-JWT VC, the disclosed claims; for other formats, the
    /// members present), e.g. `givenName`, `familyName`, `birthDate`.
    public let requiredDisclosures: [String]

    /// Creates a policy.
    /// - Parameters:
    ///   - name: the policy name.
    ///   - domain: the verifier domain.
    ///   - credentialType: the required credential type.
    ///   - subjectConstraints: member → allowed values.
    ///   - exposedClaims: members copied into the session.
    ///   - requireAccreditation: whether the issuer must be accredited.
    ///   - requiredDisclosures: members the holder must disclose.
    public init(
        name: String, domain: String, credentialType: String, subjectConstraints: [String: [String]] = [:],
        exposedClaims: [String] = [], requireAccreditation: Bool = true, requiredDisclosures: [String] = []
    ) {
        self.name = name
        self.domain = domain
        self.credentialType = credentialType
        self.subjectConstraints = subjectConstraints
        self.exposedClaims = exposedClaims
        self.requireAccreditation = requireAccreditation
        self.requiredDisclosures = requiredDisclosures
    }

    /// Decodes a policy; a missing `requiredDisclosures` (policies written before SD-JWT VC) is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            domain: try container.decode(String.self, forKey: .domain),
            credentialType: try container.decode(String.self, forKey: .credentialType),
            subjectConstraints: try container.decode([String: [String]].self, forKey: .subjectConstraints),
            exposedClaims: try container.decode([String].self, forKey: .exposedClaims),
            requireAccreditation: try container.decode(Bool.self, forKey: .requireAccreditation),
            requiredDisclosures: try container.decodeIfPresent([String].self, forKey: .requiredDisclosures) ?? [])
    }
}
