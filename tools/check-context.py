#!/usr/bin/env python3
"""Checks MedCred's own JSON-LD context with a real JSON-LD 1.1 processor (PyLD), offline.

contexts/medcred-credentials-v1.jsonld must map every credentialSubject member of the MedCred schemas
(schemas/<Type>/v1.json, $defs/subject) to an IRI. The VCDM 2.0 base context has no @vocab, so a member
no context defines is silently dropped by JSON-LD expansion, and an eddsa-rdfc-2022 signature (RDF
Dataset Canonicalization) would then not cover that claim. This script:

  1. loads every context from local files only (pins.json names them; each file's SHA-256 must match
     its pin), so nothing is fetched from the network;
  2. expands, compacts and canonicalises (RDFC-1.0 / URDNA2015) a MedicalLicenseCredential and a
     PatientIdentityCredential that use every subject member, with
     @context [credentials/v2, MedCred credentials/v1];
  3. fails when compaction does not give the input back, when the expanded document uses an IRI that is
     not absolute, or when a claim value is missing from the canonical N-Quads;
  4. checks itself: a subject member the context does not define must be reported as dropped.

Usage:
  python3 -m venv tools/.venv && tools/.venv/bin/pip install pyld
  tools/.venv/bin/python tools/check-context.py [--contexts DIR]

DIR holds the pinned third-party contexts (as tools/fetch-contexts writes them); the default is
$MEDCRED_CONTEXTS, else ../shared/vectors/contexts beside the repository. Exit status 0 when every check
passes, 1 when one fails, 2 on a usage or setup problem.
"""

import argparse
import copy
import hashlib
import json
import os
import pathlib
import sys

try:
    from pyld import jsonld
except ImportError:
    print("check-context: PyLD is missing; pip install pyld (in a venv)", file=sys.stderr)
    sys.exit(2)

ROOT = pathlib.Path(__file__).resolve().parent.parent
PINS = ROOT / "contexts" / "pins.json"
CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
MEDCRED_V1 = "https://schemas.medcred.dev/contexts/credentials/v1.jsonld"

MEDICAL_LICENSE = {
    "@context": [CREDENTIALS_V2, MEDCRED_V1],
    "id": "urn:uuid:8f1f2c1e-6d2b-4c4e-9a52-7f0e4c2b9d11",
    "type": ["VerifiableCredential", "MedicalLicenseCredential"],
    "issuer": "did:web:board.example",
    "validFrom": "2024-01-01T00:00:00Z",
    "validUntil": "2026-01-01T00:00:00Z",
    "credentialSchema": {
        "id": "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json",
        "type": "JsonSchema",
    },
    "credentialSubject": {
        "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "licensee": {
            "givenName": "Ada",
            "familyName": "Lovelace",
            "additionalName": "Augusta",
            "honorificPrefix": "Dr.",
            "honorificSuffix": "FRACP",
        },
        "profession": "physician",
        "licenseNumber": "MED-12345/A",
        "specialty": ["Cardiology", "Internal Medicine"],
        "jurisdiction": "US-CA",
        "licensingBoard": {"id": "did:web:board.example", "name": "Medical Board of Example"},
        "licenseClass": "full",
        "scope": "Unrestricted practice of medicine",
        "originalLicensureDate": "2010-06-30",
    },
}

PATIENT_IDENTITY = {
    "@context": [CREDENTIALS_V2, MEDCRED_V1],
    "type": ["VerifiableCredential", "PatientIdentityCredential"],
    "issuer": "did:web:clinic.example",
    "validFrom": "2024-01-01T00:00:00Z",
    "credentialSubject": {
        "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "givenName": "Grace",
        "familyName": "Hopper",
        "birthDate": "1906-12-09",
        "gender": "female",
        "identifier": {"system": "urn:oid:2.16.840.1.113883.19.5", "value": "000123"},
        "issuingOrganization": {"id": "https://clinic.example", "name": "Example Clinic"},
        "photoDigest": {"alg": "sha-256", "value": "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"},
    },
}


def fail(message, status=2):
    print(f"check-context: {message}", file=sys.stderr)
    sys.exit(status)


def load_documents(contexts_dir):
    """URL -> parsed context document, from pinned files whose SHA-256 matches."""
    pins = json.loads(PINS.read_text(encoding="utf-8"))
    documents = {}
    for pin in pins["contexts"]:
        folder = ROOT / "contexts" if pin.get("embedded") else contexts_dir
        path = folder / pin["file"]
        if not path.exists():
            print(f"check-context: note: {pin['url']} not loaded ({path} is missing)")
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != pin["sha256"]:
            fail(f"{path} does not match the SHA-256 pinned for {pin['url']}")
        documents[pin["url"]] = json.loads(data)
    for url in (CREDENTIALS_V2, MEDCRED_V1):
        if url not in documents:
            fail(f"{url} is required and was not loaded")
    return documents


def make_loader(documents):
    def loader(url, options=None):
        if url not in documents:
            # Offline by design: an unpinned context is an error, never a fetch.
            raise jsonld.JsonLdError(f"unpinned context {url}", "jsonld.LoadDocumentError", code="loading document failed")
        return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(documents[url])}
    return loader


def leaves(value, path=""):
    """(JSON pointer, scalar) for every scalar under value."""
    if isinstance(value, dict):
        for key, member in value.items():
            yield from leaves(member, f"{path}/{key}")
    elif isinstance(value, list):
        for index, member in enumerate(value):
            yield from leaves(member, f"{path}/{index}")
    else:
        yield path, value


def expanded_keys(value):
    if isinstance(value, dict):
        for key, member in value.items():
            yield key
            yield from expanded_keys(member)
    elif isinstance(value, list):
        for member in value:
            yield from expanded_keys(member)


def problems_with(name, credential, options):
    """Every way JSON-LD processing loses or mangles a claim of credential."""
    problems = []
    expanded = jsonld.expand(credential, options)
    for key in set(expanded_keys(expanded)):
        if not key.startswith("@") and not key.startswith(("https://", "http://")):
            problems.append(f"{name}: expanded property {key!r} is not an absolute IRI")
    compacted = jsonld.compact(expanded, {"@context": credential["@context"]}, options)
    if compacted != credential:
        for path, value in leaves(credential):
            if (path, value) not in set(leaves(compacted)):
                problems.append(f"{name}: {path} = {value!r} does not survive expansion and compaction")
        if not problems:
            problems.append(f"{name}: compaction does not give the input back")
    nquads = jsonld.normalize(
        credential, {**options, "algorithm": "URDNA2015", "format": "application/n-quads"})
    for path, value in leaves(credential["credentialSubject"], "/credentialSubject"):
        if json.dumps(str(value)) not in nquads and f"<{value}>" not in nquads:
            problems.append(f"{name}: {path} = {value!r} is not in the canonical N-Quads")
    return problems


def main():
    parser = argparse.ArgumentParser(description="Check MedCred's JSON-LD context with PyLD, offline.")
    default = os.environ.get("MEDCRED_CONTEXTS") or str(ROOT.parent / "shared" / "vectors" / "contexts")
    parser.add_argument("--contexts", default=default, help="folder of pinned third-party contexts")
    arguments = parser.parse_args()
    documents = load_documents(pathlib.Path(arguments.contexts))
    options = {"documentLoader": make_loader(documents), "processingMode": "json-ld-1.1"}

    problems = []
    for name, credential in (("MedicalLicenseCredential", MEDICAL_LICENSE),
                             ("PatientIdentityCredential", PATIENT_IDENTITY)):
        found = problems_with(name, credential, options)
        problems += found
        if not found:
            print(f"check-context: {name}: every member is mapped and survives RDFC-1.0")

    # The check must see a member that no context defines.
    undefined = copy.deepcopy(PATIENT_IDENTITY)
    undefined["credentialSubject"]["diagnosis"] = "not a MedCred term"
    if not any("/credentialSubject/diagnosis" in p for p in problems_with("self-test", undefined, options)):
        problems.append("self-test: an undefined member was not reported as dropped")

    for problem in problems:
        print(f"check-context: FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
