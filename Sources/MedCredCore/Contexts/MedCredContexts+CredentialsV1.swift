// Generated from contexts/medcred-credentials-v1.jsonld by ContextEmbeddingTests; edit that file and run
// MEDCRED_EMBED_CONTEXTS=1 swift test --filter ContextEmbeddingTests, never edit this one.

extension MedCredContexts {
    /// The JSON-LD 1.1 text of `contexts/medcred-credentials-v1.jsonld`, the context at ``credentialsV1``,
    /// byte for byte: its SHA-256 is pinned in ``pinsText``.
    public static let credentialsV1Text: String = #"""
        {
          "@context": {
            "@version": 1.1,
            "@protected": true,
            "MedicalLicenseCredential": "https://schemas.medcred.dev/vocab#MedicalLicenseCredential",
            "PatientIdentityCredential": "https://schemas.medcred.dev/vocab#PatientIdentityCredential",
            "licensee": {
              "@id": "https://schemas.medcred.dev/vocab#licensee",
              "@type": "@id"
            },
            "profession": "https://schemas.medcred.dev/vocab#profession",
            "licenseNumber": "https://schemas.medcred.dev/vocab#licenseNumber",
            "specialty": "https://schemas.medcred.dev/vocab#specialty",
            "jurisdiction": "https://schemas.medcred.dev/vocab#jurisdiction",
            "licensingBoard": {
              "@id": "https://schemas.medcred.dev/vocab#licensingBoard",
              "@type": "@id"
            },
            "licenseClass": "https://schemas.medcred.dev/vocab#licenseClass",
            "scope": "https://schemas.medcred.dev/vocab#scope",
            "originalLicensureDate": {
              "@id": "https://schemas.medcred.dev/vocab#originalLicensureDate",
              "@type": "http://www.w3.org/2001/XMLSchema#date"
            },
            "givenName": "https://schema.org/givenName",
            "familyName": "https://schema.org/familyName",
            "additionalName": "https://schema.org/additionalName",
            "honorificPrefix": "https://schema.org/honorificPrefix",
            "honorificSuffix": "https://schema.org/honorificSuffix",
            "birthDate": {
              "@id": "https://schema.org/birthDate",
              "@type": "http://www.w3.org/2001/XMLSchema#date"
            },
            "gender": "https://schema.org/gender",
            "identifier": {
              "@id": "https://schemas.medcred.dev/vocab#identifier",
              "@type": "@id",
              "@context": {
                "@protected": true,
                "system": {
                  "@id": "https://schemas.medcred.dev/vocab#identifierSystem",
                  "@type": "http://www.w3.org/2001/XMLSchema#anyURI"
                },
                "value": "https://schemas.medcred.dev/vocab#identifierValue"
              }
            },
            "issuingOrganization": {
              "@id": "https://schemas.medcred.dev/vocab#issuingOrganization",
              "@type": "@id"
            },
            "photoDigest": {
              "@id": "https://schemas.medcred.dev/vocab#photoDigest",
              "@type": "@id",
              "@context": {
                "@protected": true,
                "alg": "https://schemas.medcred.dev/vocab#digestAlgorithm",
                "value": "https://schemas.medcred.dev/vocab#digestValue"
              }
            }
          }
        }

        """#
}
