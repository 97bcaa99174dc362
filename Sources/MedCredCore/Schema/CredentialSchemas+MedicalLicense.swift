extension CredentialSchemas {
    /// The JSON Schema 2020-12 text for the `credentialSubject` of a `MedicalLicenseCredential`, identical to
    /// `schemas/MedicalLicenseCredential/v1.json` (a test keeps the two equal).
    ///
    /// `$id` ``medicalLicenseID``; JSON Schema Core 2020-12: <https://json-schema.org/draft/2020-12/json-schema-core>.
    public static let medicalLicense: String = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json",
          "title": "MedicalLicenseCredential credentialSubject, version 1",
          "description": "Who holds which professional licence, granted by which board, in which jurisdiction. Validity dates and status belong to the credential (validFrom, validUntil, credentialStatus), not to the subject. No other members are allowed, so no health data can ride along.",
          "type": "object",
          "required": [
            "id",
            "licensee",
            "profession",
            "licenseNumber",
            "jurisdiction",
            "licensingBoard",
            "originalLicensureDate"
          ],
          "additionalProperties": false,
          "properties": {
            "id": {
              "description": "The DID of the licensed professional, who holds the credential.",
              "$ref": "#/$defs/did"
            },
            "licensee": {
              "description": "The professional's name as the board records it.",
              "$ref": "#/$defs/personName"
            },
            "profession": {
              "description": "The regulated profession the licence is for.",
              "enum": [
                "physician",
                "physician-assistant",
                "registered-nurse",
                "licensed-practical-nurse",
                "nurse-practitioner",
                "midwife",
                "pharmacist",
                "dentist",
                "dental-hygienist",
                "psychologist",
                "physiotherapist",
                "occupational-therapist",
                "speech-language-pathologist",
                "paramedic",
                "optometrist",
                "podiatrist",
                "chiropractor",
                "dietitian",
                "radiographer"
              ]
            },
            "licenseNumber": {
              "description": "The board's number for the licence: letters, digits, '.', '/' and '-', starting with a letter or digit.",
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "pattern": "^[A-Za-z0-9][A-Za-z0-9./-]*$"
            },
            "specialty": {
              "description": "One specialty, or several, as the board names them.",
              "anyOf": [
                { "$ref": "#/$defs/text" },
                {
                  "type": "array",
                  "minItems": 1,
                  "uniqueItems": true,
                  "items": { "$ref": "#/$defs/text" }
                }
              ]
            },
            "jurisdiction": {
              "description": "Where the licence is valid: an ISO 3166-1 alpha-2 country code (US) or an ISO 3166-2 subdivision code (US-CA).",
              "type": "string",
              "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
            },
            "licensingBoard": {
              "description": "The board that granted the licence.",
              "type": "object",
              "required": ["name"],
              "additionalProperties": false,
              "properties": {
                "name": { "$ref": "#/$defs/text" },
                "id": { "$ref": "#/$defs/organizationId" }
              }
            },
            "licenseClass": {
              "description": "The class or category of licence, e.g. full, provisional, restricted.",
              "$ref": "#/$defs/text"
            },
            "scope": {
              "description": "The scope of practice the licence allows, in the board's words.",
              "type": "string",
              "minLength": 1,
              "maxLength": 1024
            },
            "originalLicensureDate": {
              "description": "The date the professional was first licensed (RFC 3339 full-date).",
              "type": "string",
              "format": "date"
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
            },
            "personName": {
              "description": "A person's name in schema.org terms. A single name (mononym) goes in familyName, as ICAO 9303 puts it in the primary identifier.",
              "type": "object",
              "required": ["familyName"],
              "additionalProperties": false,
              "properties": {
                "givenName": { "$ref": "#/$defs/text" },
                "familyName": { "$ref": "#/$defs/text" },
                "additionalName": { "$ref": "#/$defs/text" },
                "honorificPrefix": { "$ref": "#/$defs/text" },
                "honorificSuffix": { "$ref": "#/$defs/text" }
              }
            }
          }
        }
        """#
}
