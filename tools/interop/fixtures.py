"""What the interop checks share: the licence draft both sides sign."""


def licence(subject_did: str) -> dict:
    """An unsigned MedicalLicenseCredential for `subject_did` (schemas/MedicalLicenseCredential)."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://schemas.medcred.dev/contexts/credentials/v1.jsonld"],
        "type": ["VerifiableCredential", "MedicalLicenseCredential"],
        "id": "urn:uuid:0b6c5f3e-93a1-4f7e-8d1c-2a4b6c8d0e1f",
        "credentialSubject": {
            "id": subject_did,
            "licensee": {"givenName": "Amélie", "familyName": "Nguyễn-Okafor"},
            "profession": "physician",
            "licenseNumber": "MD-2026-0048213",
            "jurisdiction": "US-CA",
            "licensingBoard": {"name": "Medical Board of California"},
            "originalLicensureDate": "2014-07-01",
        },
    }
