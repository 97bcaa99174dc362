/// A DID document: the verification methods and services of a DID subject (W3C DID Core §5).
///
/// Built from JSON with ``init(json:)``, which checks the types DID Core §5 requires, resolves relative DID
/// URLs against ``id`` and keeps members it does not know in ``additionalMembers``; ``json`` writes it back.
/// See https://www.w3.org/TR/did-core/#core-properties.
public struct DIDDocument: Hashable, Sendable {
    /// A service the DID subject advertises (W3C DID Core §5.4, https://www.w3.org/TR/did-core/#services).
    public struct Service: Hashable, Sendable {
        /// The service id, a URI such as `did:example:123#linked-domain` or the relative `#linked-domain`.
        public var id: String
        /// The service types, e.g. `["LinkedDomains"]`; written as one string when there is one.
        public var type: [String]
        /// A URI string, a map, or a set of them, kept as JSON.
        public var serviceEndpoint: JSONValue
        /// Members this model does not name, in order.
        public var additionalMembers: JSONObject

        /// Creates a service entry (W3C DID Core §5.4).
        /// - Parameters:
        ///   - id: the service URI.
        ///   - type: one or more service types.
        ///   - serviceEndpoint: the endpoint string, map or set.
        ///   - additionalMembers: any other members.
        public init(id: String, type: [String], serviceEndpoint: JSONValue, additionalMembers: JSONObject = [:]) {
            self.id = id
            self.type = type
            self.serviceEndpoint = serviceEndpoint
            self.additionalMembers = additionalMembers
        }
    }

    /// The JSON-LD `@context`, as written (a string or an array), or `nil` in plain JSON (DID Core §6.3.1).
    public var context: JSONValue?
    /// The DID subject (DID Core §5.1.1).
    public var id: DID
    /// Other URIs for the subject (DID Core §5.1.3); empty when absent.
    public var alsoKnownAs: [String]
    /// The DID controllers (DID Core §5.1.2); empty when absent, written as one string when there is one.
    public var controller: [DID]
    /// The verification methods (DID Core §5.2); empty when absent.
    public var verificationMethod: [VerificationMethod]
    /// Methods for authenticating as the subject (DID Core §5.3.1).
    public var authentication: [VerificationRelationshipEntry]
    /// Methods for issuing claims, such as credentials (DID Core §5.3.2).
    public var assertionMethod: [VerificationRelationshipEntry]
    /// Methods for key agreement (DID Core §5.3.3).
    public var keyAgreement: [VerificationRelationshipEntry]
    /// Methods for invoking capabilities (DID Core §5.3.4).
    public var capabilityInvocation: [VerificationRelationshipEntry]
    /// Methods for delegating capabilities (DID Core §5.3.5).
    public var capabilityDelegation: [VerificationRelationshipEntry]
    /// The services (DID Core §5.4); empty when absent.
    public var service: [Service]
    /// Members this model does not name, in order.
    public var additionalMembers: JSONObject

    /// Creates a DID document (W3C DID Core §5); every member but `id` defaults to absent.
    /// - Parameters:
    ///   - context: the `@context`, or `nil`.
    ///   - id: the DID subject.
    ///   - alsoKnownAs: other URIs for the subject.
    ///   - controller: the controlling DIDs.
    ///   - verificationMethod: the verification methods.
    ///   - authentication: the `authentication` relationship.
    ///   - assertionMethod: the `assertionMethod` relationship.
    ///   - keyAgreement: the `keyAgreement` relationship.
    ///   - capabilityInvocation: the `capabilityInvocation` relationship.
    ///   - capabilityDelegation: the `capabilityDelegation` relationship.
    ///   - service: the services.
    ///   - additionalMembers: any other members.
    public init(
        context: JSONValue? = nil, id: DID, alsoKnownAs: [String] = [], controller: [DID] = [],
        verificationMethod: [VerificationMethod] = [], authentication: [VerificationRelationshipEntry] = [],
        assertionMethod: [VerificationRelationshipEntry] = [], keyAgreement: [VerificationRelationshipEntry] = [],
        capabilityInvocation: [VerificationRelationshipEntry] = [],
        capabilityDelegation: [VerificationRelationshipEntry] = [], service: [Service] = [],
        additionalMembers: JSONObject = [:]
    ) {
        self.context = context
        self.id = id
        self.alsoKnownAs = alsoKnownAs
        self.controller = controller
        self.verificationMethod = verificationMethod
        self.authentication = authentication
        self.assertionMethod = assertionMethod
        self.keyAgreement = keyAgreement
        self.capabilityInvocation = capabilityInvocation
        self.capabilityDelegation = capabilityDelegation
        self.service = service
        self.additionalMembers = additionalMembers
    }

    /// The entries of one verification relationship (W3C DID Core §5.3).
    /// - Parameter relationship: the relationship.
    public subscript(relationship: VerificationRelationship) -> [VerificationRelationshipEntry] {
        get {
            switch relationship {
            case .authentication: authentication
            case .assertionMethod: assertionMethod
            case .keyAgreement: keyAgreement
            case .capabilityInvocation: capabilityInvocation
            case .capabilityDelegation: capabilityDelegation
            }
        }
        set {
            switch relationship {
            case .authentication: authentication = newValue
            case .assertionMethod: assertionMethod = newValue
            case .keyAgreement: keyAgreement = newValue
            case .capabilityInvocation: capabilityInvocation = newValue
            case .capabilityDelegation: capabilityDelegation = newValue
            }
        }
    }
}
