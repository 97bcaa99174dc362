/// A typical signed medical licence credential (about 2 KB), the unit the JCS benchmark canonicalizes.
/// Members are deliberately out of canonical order so that sorting does real work.
let sampleCredentialJSON = #"""
    {
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://medcred.example/contexts/medical-license/v1"
      ],
      "type": ["VerifiableCredential", "MedicalLicenseCredential"],
      "id": "urn:uuid:8a2f0c8e-5b7d-4c1e-9f3a-2d6b1e4c7a90",
      "issuer": {
        "id": "did:webvh:QmfGEUAcMpzo25kF2Rhn8L5FAXysfGnkzjwdKoNPi615XQ:boards.medcred.example:state-medical-board",
        "name": "State Medical Board of Examiners",
        "url": "https://boards.medcred.example/state-medical-board"
      },
      "validFrom": "2026-01-15T09:30:00Z",
      "validUntil": "2028-01-14T23:59:59Z",
      "credentialSubject": {
        "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "licensee": {
          "givenName": "Amélie",
          "familyName": "Nguyễn-Okafor",
          "honorificSuffix": "MD"
        },
        "profession": "physician",
        "licenseNumber": "MD-2026-0048213",
        "specialty": ["Internal Medicine", "Infectious Disease"],
        "jurisdiction": "US-CA",
        "licensingBoard": "State Medical Board of Examiners",
        "licenseClass": "Unrestricted Physician and Surgeon",
        "scope": ["prescribe", "telemedicine", "inpatient", "outpatient"],
        "originalLicensureDate": "2014-07-01",
        "renewalCount": 5,
        "continuingEducationHours": 50.5,
        "disciplinaryActions": [],
        "boardCertified": true
      },
      "credentialSchema": {
        "id": "https://medcred.example/schemas/MedicalLicenseCredential.json",
        "type": "JsonSchema"
      },
      "credentialStatus": [
        {
          "id": "https://medcred.example/status-lists/3f2a#94567",
          "type": "BitstringStatusListEntry",
          "statusPurpose": "revocation",
          "statusListIndex": "94567",
          "statusListCredential": "https://medcred.example/status-lists/3f2a"
        },
        {
          "id": "https://medcred.example/status-lists/7c1d#94567",
          "type": "BitstringStatusListEntry",
          "statusPurpose": "suspension",
          "statusListIndex": "94567",
          "statusListCredential": "https://medcred.example/status-lists/7c1d"
        }
      ],
      "evidence": [
        {
          "type": ["Evidence", "ExaminationRecord"],
          "examination": "USMLE Step 3",
          "passed": true,
          "score": 243,
          "ratio": 1e-7,
          "weight": 0.000001
        }
      ],
      "proof": {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": "2026-01-15T09:30:00Z",
        "verificationMethod": "did:webvh:QmfGEUAcMpzo25kF2Rhn8L5FAXysfGnkzjwdKoNPi615XQ:boards.medcred.example:state-medical-board#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
        "proofPurpose": "assertionMethod",
        "proofValue": "z58DAdFfa9SkqZMVPxAQpic7ndSayn1PzZs6ZjWp1CktyGesjuTSwRdoWhAfGFCF5bppETSTojQCrfFPP2oumHKtz"
      }
    }
    """#
