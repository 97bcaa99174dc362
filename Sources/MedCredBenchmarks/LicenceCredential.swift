import MedCredCore

/// The issue #3 benchmark unit: an unsigned licence credential with twelve subject fields.
let licenceDraftJSON = #"""
    {
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2"
      ],
      "type": ["VerifiableCredential", "MedicalLicenseCredential"],
      "id": "urn:uuid:8a2f0c8e-5b7d-4c1e-9f3a-2d6b1e4c7a90",
      "validFrom": "2026-01-15T09:30:00Z",
      "validUntil": "2028-01-14T23:59:59Z",
      "credentialSubject": {
        "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "licensee": {"givenName": "Amélie", "familyName": "Nguyễn-Okafor", "honorificSuffix": "MD"},
        "profession": "physician",
        "licenseNumber": "MD-2026-0048213",
        "specialty": ["Internal Medicine", "Infectious Disease"],
        "jurisdiction": "US-CA",
        "licensingBoard": {"name": "Medical Board of California"},
        "licenseClass": "Unrestricted Physician and Surgeon",
        "scope": "Prescribing, telemedicine, inpatient and outpatient care",
        "originalLicensureDate": "2014-07-01"
      }
    }
    """#
