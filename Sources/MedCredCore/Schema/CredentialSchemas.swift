/// The JSON Schemas of the credential types MedCred issues, as text and as validators, so Core can use them
/// without I/O.
///
/// Each schema applies to a whole credential, as W3C VC JSON Schema says of a `credentialSchema` of type
/// `JsonSchema` (<https://www.w3.org/TR/vc-json-schema/>; W3C VCDM 2.0 §4.11
/// <https://www.w3.org/TR/vc-data-model-2.0/#data-schemas>): it requires `@context`, a `type` array naming the
/// credential type and one `credentialSubject` object, and leaves every other member open. The rules for the subject
/// itself (W3C VCDM 2.0 §4.8) are the closed object at ``subjectSchemaPointer``, which issuance applies on its own
/// through ``subjectSchema(forType:)``. Each text is the file under `schemas/` whose path is the `$id`'s path:
/// `https://schemas.medcred.dev/<Type>/v<major>.json` is `schemas/<Type>/v<major>.json`, embedded by
/// `tools/embed-schemas` (see `schemas/README.md`).
public enum CredentialSchemas {
    /// The URI prefix of every MedCred schema `$id`; the rest is `<CredentialType>/v<major>.json`.
    public static let baseURI = "https://schemas.medcred.dev/"

    /// The `$id` of ``medicalLicense``.
    public static let medicalLicenseID = "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json"

    /// The `$id` of ``patientIdentity``.
    public static let patientIdentityID = "https://schemas.medcred.dev/PatientIdentityCredential/v1.json"

    /// Where, in every MedCred schema, the rules for `credentialSubject` are: a URI fragment holding a JSON
    /// Pointer (JSON Schema Core 2020-12 §8.2.4 `$defs`, RFC 6901), to append to a schema's `$id`.
    public static let subjectSchemaPointer = "#/$defs/subject"

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

    /// The validator for a whole credential of a type, as a verifier applies the schema its
    /// `credentialSchema` names (W3C VC JSON Schema, `JsonSchema`); a subject violation is reported at
    /// `/credentialSubject/<member>`.
    /// - Parameter credentialType: A `type` value of the credential, e.g. `MedicalLicenseCredential`.
    /// - Returns: The validator, or `nil` when MedCred has no schema for that type.
    public static func schema(forType credentialType: String) -> JSONSchema? {
        schemaID(forType: credentialType).flatMap(schema(forID:))
    }

    /// The validator for a whole credential, by the `$id` a `credentialSchema.id` names.
    /// - Parameter id: A schema `$id`, e.g. ``medicalLicenseID``.
    /// - Returns: The validator, or `nil` when no MedCred schema has that `$id`.
    public static func schema(forID id: String) -> JSONSchema? {
        compiled.credential[id]
    }

    /// The validator for the `credentialSubject` of a credential type alone: the rules at ``subjectSchemaPointer``,
    /// which issuance applies before it builds the credential, so a violation is reported at `/<member>`.
    /// - Parameter credentialType: A `type` value of the credential, e.g. `MedicalLicenseCredential`.
    /// - Returns: The validator, or `nil` when MedCred has no schema for that type.
    public static func subjectSchema(forType credentialType: String) -> JSONSchema? {
        schemaID(forType: credentialType).flatMap { compiled.subject[$0] }
    }

    /// The schemas, compiled once. The texts are constants that `CredentialSchemaTests` compiles, so failing here
    /// is a broken build, not bad input.
    private static let compiled: Compiled = {
        do {
            return try Compiled(textByID: textByID)
        } catch {
            preconditionFailure("an embedded credential schema does not compile: \(error)")
        }
    }()
}

/// The embedded schemas, parsed and compiled.
private struct Compiled: Sendable {
    /// Whole-credential validators by `$id`.
    var credential: [String: JSONSchema] = [:]
    /// Subject validators by `$id`: `{"$ref": "<$id>#/$defs/subject"}`, with every schema in the registry.
    var subject: [String: JSONSchema] = [:]

    init(textByID: [String: String]) throws {
        var registry = SchemaRegistry()
        for (id, text) in textByID {
            let document = try JSONValue(parsing: text)
            registry.register(document, at: id)
            credential[id] = try JSONSchema(document)
        }
        for id in textByID.keys {
            let reference = JSONValue.string(id + CredentialSchemas.subjectSchemaPointer)
            subject[id] = try JSONSchema(["$ref": reference], registry: registry)
        }
    }
}
