import MedCredCore

/// SD-JWT VC Type Metadata (draft-ietf-oauth-sd-jwt-vc-18 §6) for MedCred's credential types, served at
/// `GET /.well-known/vct/{type}/v1`: the well-known form of the `vct` `https://schemas.medcred.dev/<Type>/v1`.
enum TypeMetadata {
    /// The metadata document of a MedCred type, or `nil` for a type MedCred does not define.
    static func document(forType type: String) -> JSONValue? {
        guard let schema = CredentialSchemas.schemaID(forType: type) else { return nil }
        let (name, description) =
            switch type {
            case "MedicalLicenseCredential":
                ("Medical licence", "A licence to practise a health profession, issued by an accredited board.")
            default:
                ("Patient identity", "A patient's identity for clinics: name, birth date, identifier, address.")
            }
        return [
            "vct": .string(SDJWTCredential.vct(forType: type)), "name": .string(name),
            "description": .string(description), "schema_uri": .string(schema),
        ]
    }
}
