extension CredentialSchemas {
    /// The JSON Schema 2020-12 text for the `credentialSubject` of a `PatientIdentityCredential`, identical to
    /// `schemas/PatientIdentityCredential/v1.json` (a test keeps the two equal).
    ///
    /// `$id` ``patientIdentityID``; JSON Schema Core 2020-12: <https://json-schema.org/draft/2020-12/json-schema-core>.
    public static let patientIdentity: String = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.medcred.dev/PatientIdentityCredential/v1.json",
          "title": "PatientIdentityCredential credentialSubject, version 1",
          "description": "Who a patient is to the organisation that issued the credential: name, birth date, and the organisation's identifier for them. Issued as an SD-JWT VC so each member can be disclosed on its own. No other members are allowed, so no clinical data can ride along.",
          "type": "object",
          "required": ["id", "familyName", "birthDate", "identifier", "issuingOrganization"],
          "additionalProperties": false,
          "properties": {
            "id": {
              "description": "The patient's DID (normally a did:key), who holds the credential.",
              "$ref": "#/$defs/did"
            },
            "givenName": {
              "description": "Given name(s). Optional: a single name (mononym) goes in familyName.",
              "$ref": "#/$defs/text"
            },
            "familyName": {
              "description": "Family name, or the patient's only name.",
              "$ref": "#/$defs/text"
            },
            "birthDate": {
              "description": "Date of birth (RFC 3339 full-date, as FHIR Patient.birthDate).",
              "type": "string",
              "format": "date"
            },
            "gender": {
              "description": "FHIR AdministrativeGender (http://hl7.org/fhir/administrative-gender).",
              "enum": ["male", "female", "other", "unknown"]
            },
            "identifier": {
              "description": "The issuing organisation's identifier for the patient, shaped like a FHIR Identifier: the namespace (system) and the value in it, e.g. a medical record number.",
              "type": "object",
              "required": ["system", "value"],
              "additionalProperties": false,
              "properties": {
                "system": {
                  "description": "The URI of the identifier's namespace, e.g. urn:oid:2.16.840.1.113883.19.5 or https://clinic.example/mrn.",
                  "type": "string",
                  "maxLength": 2048,
                  "format": "uri"
                },
                "value": {
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 256
                }
              }
            },
            "issuingOrganization": {
              "description": "The clinic or hospital that vouches for the patient's identity.",
              "type": "object",
              "required": ["name"],
              "additionalProperties": false,
              "properties": {
                "name": { "$ref": "#/$defs/text" },
                "id": { "$ref": "#/$defs/organizationId" }
              }
            },
            "photoDigest": {
              "description": "SHA-256 of the photo the issuer checked (the image bytes as stored by the issuer), base64url without padding (RFC 4648 section 5). The photo itself is never in the credential.",
              "type": "object",
              "required": ["alg", "value"],
              "additionalProperties": false,
              "properties": {
                "alg": { "const": "sha-256" },
                "value": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$"
                }
              }
            }
          },
          "$defs": {
            "did": {
              "description": "A DID (W3C DID Core 3.1): did, a lower-case method name, a method-specific identifier; no path, query or fragment.",
              "type": "string",
              "maxLength": 2048,
              "pattern": "^did:[a-z0-9]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._%-]$"
            },
            "organizationId": {
              "description": "An organisation's DID or https URL.",
              "type": "string",
              "maxLength": 2048,
              "format": "uri",
              "pattern": "^(did:[a-z0-9]+:|https://)"
            },
            "text": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            }
          }
        }
        """#
}
