"""An independent eddsa-jcs-2022 (W3C vc-di-eddsa §3.3) and did:key implementation for interop checks.

Written from the specifications on top of independent libraries (rfc8785, pyca/cryptography, base58); it
shares no code with MedCred.
"""
import hashlib

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives import serialization

ED25519_PUB = b"\xed\x01"


def multikey(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + base58.b58encode(ED25519_PUB + raw).decode()


def did_key_public_key(verification_method: str) -> Ed25519PublicKey:
    """The Ed25519 key of a did:key verification method (did:key Method §3.1.2)."""
    did = verification_method.split("#", 1)[0]
    if not did.startswith("did:key:z"):
        raise ValueError(f"not an Ed25519 did:key: {did}")
    decoded = base58.b58decode(did[len("did:key:z"):])
    if decoded[:2] != ED25519_PUB or len(decoded) != 34:
        raise ValueError("not an ed25519-pub multikey")
    if verification_method != did and verification_method.split("#", 1)[1] != did[len("did:key:"):]:
        raise ValueError("fragment does not name the did:key's key")
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def _hash_data(document: dict, proof_config: dict) -> bytes:
    # vc-di-eddsa §3.3.4: SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document)).
    return hashlib.sha256(rfc8785.dumps(proof_config)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()


def sign(document: dict, private_key: Ed25519PrivateKey, verification_method: str, created: str,
         proof_purpose: str = "assertionMethod", **extra) -> dict:
    """Adds an eddsa-jcs-2022 DataIntegrityProof (vc-di-eddsa §3.3.1)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "created": created,
             "verificationMethod": verification_method, "proofPurpose": proof_purpose, **extra}
    if "@context" in unsecured:
        proof["@context"] = unsecured["@context"]  # §3.3.1: the proof carries the document's context
    signature = private_key.sign(_hash_data(unsecured, proof))
    proof["proofValue"] = "z" + base58.b58encode(signature).decode()
    return {**unsecured, "proof": proof}


def verify(document: dict, expected_purpose: str = "assertionMethod") -> tuple[bool, str]:
    """Verifies a single eddsa-jcs-2022 proof made with a did:key (vc-di-eddsa §3.3.2)."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        return False, "no single proof"
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != "eddsa-jcs-2022":
        return False, "not eddsa-jcs-2022"
    if proof.get("proofPurpose") != expected_purpose:
        return False, "wrong proof purpose"
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    if "@context" in config:
        proof_context = config["@context"] if isinstance(config["@context"], list) else [config["@context"]]
        document_context = unsecured.get("@context", [])
        document_context = document_context if isinstance(document_context, list) else [document_context]
        if document_context[: len(proof_context)] != proof_context:
            return False, "context mismatch"
    value = proof.get("proofValue", "")
    if not value.startswith("z"):
        return False, "proofValue is not base58btc"
    signature = base58.b58decode(value[1:])
    if len(signature) != 64:
        return False, "signature is not 64 bytes"
    try:
        key = did_key_public_key(proof["verificationMethod"])
        key.verify(signature, _hash_data(unsecured, config))
    except (InvalidSignature, ValueError) as error:
        return False, f"signature invalid ({type(error).__name__})"
    return True, "verified"
