/// The JSON Schemas of the credential types MedCred issues, as text, so Core can use them without I/O.
///
/// Each validates a credential's `credentialSubject` (W3C VCDM 2.0 §4.8, and §4.11 `credentialSchema`:
/// <https://www.w3.org/TR/vc-data-model-2.0/#data-schemas>) and is the same document as the file under
/// `schemas/` whose path is the `$id`'s path: `https://schemas.medcred.dev/<Type>/v<major>.json` is
/// `schemas/<Type>/v<major>.json` (see `schemas/README.md`).
public enum CredentialSchemas {
    /// The URI prefix of every MedCred schema `$id`; the rest is `<CredentialType>/v<major>.json`.
    public static let baseURI = "https://schemas.medcred.dev/"

    /// The `$id` of ``medicalLicense``.
    public static let medicalLicenseID = "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json"

    /// The `$id` of ``patientIdentity``.
    public static let patientIdentityID = "https://schemas.medcred.dev/PatientIdentityCredential/v1.json"

    /// Every schema's text by `$id`, e.g. to fill a ``SchemaRegistry`` or answer `credentialSchema.id`.
    public static var textByID: [String: String] {
        [medicalLicenseID: medicalLicense, patientIdentityID: patientIdentity]
    }

    /// The `$id` of the current schema for a credential type, e.g. `MedicalLicenseCredential`.
    /// - Parameter credentialType: A `type` value of the credential.
    /// - Returns: The schema's `$id`, or `nil` when MedCred has no schema for that type.
    public static func schemaID(forType credentialType: String) -> String? {
        switch credentialType {
        case "MedicalLicenseCredential": medicalLicenseID
        case "PatientIdentityCredential": patientIdentityID
        default: nil
        }
    }
}
