"""An independent eddsa-rdfc-2022 and Ed25519Signature2020 implementation (W3C vc-di-eddsa) for interop checks.

Written from the specifications on top of independent libraries: PyLD (Digital Bazaar's JSON-LD processor,
RDF Dataset Canonicalization via URDNA2015), pyca/cryptography (Ed25519) and base58. It shares no code with
MedCred. JSON-LD contexts are loaded OFFLINE only: the ones pinned in contexts/pins.json, from
$MEDCRED_CONTEXTS or ../shared/vectors/contexts (MedCred's own context from contexts/), each checked against
its pinned SHA-256. Any other URL is refused, never fetched.

eddsa-rdfc-2022 (vc-di-eddsa §3.4): proofConfig = the proof without proofValue, with @context set to the
document's @context; hashData = SHA-256(RDFC N-Quads of proofConfig) ‖ SHA-256(RDFC N-Quads of the
unsecured document); proofValue = "z" + base58btc(Ed25519(hashData)). Ed25519Signature2020 is the same
construction with proof type "Ed25519Signature2020", no cryptosuite, and the document's @context must
include the Ed25519Signature2020 context.
"""
import contextlib
import copy
import hashlib
import json
import os
import pathlib
import re

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld, nquads

from eddsa_jcs_2022 import did_key_public_key, multikey  # noqa: F401 - re-exported for callers

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
PINS = ROOT / "contexts" / "pins.json"
ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1"
EDDSA_RDFC_2022 = "eddsa-rdfc-2022"
ED25519_SIGNATURE_2020 = "Ed25519Signature2020"
SUITES = (EDDSA_RDFC_2022, ED25519_SIGNATURE_2020)
ED25519_PRIV = b"\x80\x26"
# XML Schema dateTime, as Data Integrity requires for `created` (vc-data-integrity §2.1).
DATE_TIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


class UnpinnedContext(Exception):
    pass


def contexts_dir() -> pathlib.Path:
    return pathlib.Path(os.environ.get("MEDCRED_CONTEXTS") or ROOT.parent / "shared" / "vectors" / "contexts")


def load_pinned(folder: pathlib.Path | None = None) -> dict:
    """URL -> parsed context, from the files pins.json names whose SHA-256 matches the pin."""
    folder = folder or contexts_dir()
    documents = {}
    for pin in json.loads(PINS.read_text(encoding="utf-8"))["contexts"]:
        path = (ROOT / "contexts" if pin.get("embedded") else folder) / pin["file"]
        if not path.exists():
            continue  # a pinned file missing from the folder leaves that context unknown
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != pin["sha256"]:
            raise ValueError(f"{path} does not match the SHA-256 pinned for {pin['url']}")
        documents[pin["url"]] = json.loads(data)
    return documents


_DOCUMENTS: dict | None = None
requested: list[str] = []  # every URL the loader was asked for (served or refused)


def document_loader(url, options=None):
    """Offline PyLD document loader: pinned contexts only."""
    global _DOCUMENTS
    if _DOCUMENTS is None:
        _DOCUMENTS = load_pinned()
    requested.append(url)
    if url not in _DOCUMENTS:
        raise jsonld.JsonLdError(f"unpinned context {url}", "jsonld.LoadDocumentError",
                                 code="loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(_DOCUMENTS[url])}


def canonize(document: dict) -> str:
    """RDFC-1.0 (URDNA2015) canonical N-Quads of a JSON-LD document."""
    return jsonld.normalize(document, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                       "documentLoader": document_loader, "processingMode": "json-ld-1.1"})


def rdfc10_escape(value: str) -> str:
    """A literal's lexical form in RDFC-1.0 canonical N-Quads (RDF 1.2 N-Quads canonical form, rdf-canon
    test060): `"` and `\\` escaped, BS HT LF FF CR as \\b \\t \\n \\f \\r, other C0 controls and DEL as \\uXXXX."""
    echar = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    return "".join(echar.get(ch) or (f"\\u{ord(ch):04X}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch) for ch in value)


@contextlib.contextmanager
def rdfc10_literal_escaping():
    """PyLD 3.3.0 escapes literals as URDNA2015 did (only \\ " HT LF CR), so its N-Quads differ from RDFC-1.0's
    for BS, FF, the other C0 controls and DEL. Within this block it uses rdfc10_escape instead."""
    original = nquads.escape
    nquads.escape = rdfc10_escape
    try:
        yield
    finally:
        nquads.escape = original


def private_key_from_multibase(value: str) -> Ed25519PrivateKey:
    decoded = base58.b58decode(value[1:]) if value.startswith("z") else b""
    if decoded[:2] != ED25519_PRIV or len(decoded) != 34:
        raise ValueError("not an ed25519-priv multikey")
    return Ed25519PrivateKey.from_private_bytes(decoded[2:])


def _contexts(value) -> list:
    return value if isinstance(value, list) else ([] if value is None else [value])


def _proof_config(unsecured: dict, options: dict, suite: str) -> dict:
    """vc-di-eddsa §3.4.5 Proof Configuration (and the Ed25519Signature2020 equivalent)."""
    config = {k: v for k, v in options.items() if k != "proofValue"}
    if suite == EDDSA_RDFC_2022:
        if config.get("type") != "DataIntegrityProof" or config.get("cryptosuite") != EDDSA_RDFC_2022:
            raise ValueError("PROOF_GENERATION_ERROR: not a DataIntegrityProof with cryptosuite eddsa-rdfc-2022")
    else:
        if config.get("type") != ED25519_SIGNATURE_2020 or "cryptosuite" in config:
            raise ValueError("PROOF_GENERATION_ERROR: not an Ed25519Signature2020 proof")
        if ED25519_2020_CONTEXT not in _contexts(unsecured.get("@context")):
            raise ValueError(f"the document's @context does not include {ED25519_2020_CONTEXT}")
    if "created" in config and not DATE_TIME.match(str(config["created"])):
        raise ValueError("PROOF_GENERATION_ERROR: created is not an XML Schema dateTime")
    config["@context"] = unsecured["@context"]
    return config


def hash_parts(unsecured: dict, options: dict, suite: str) -> dict:
    """Every intermediate value of the construction, named as in the W3C test vectors."""
    config = _proof_config(unsecured, options, suite)
    canon_doc = canonize(unsecured)
    canon_proof = canonize(config)
    proof_hash = hashlib.sha256(canon_proof.encode()).digest()
    doc_hash = hashlib.sha256(canon_doc.encode()).digest()
    return {"config": config, "canonDoc": canon_doc, "proofCanon": canon_proof, "docHash": doc_hash,
            "proofHash": proof_hash, "combinedHash": proof_hash + doc_hash}


def sign(document: dict, private_key: Ed25519PrivateKey, verification_method: str, created: str,
         suite: str = EDDSA_RDFC_2022, proof_purpose: str = "assertionMethod", proof_context: bool = False) -> dict:
    """Adds an eddsa-rdfc-2022 DataIntegrityProof or an Ed25519Signature2020 proof (vc-di-eddsa §3.4.1).
    proof_context: also put the document's @context in the proof (allowed; the W3C vectors do not)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    if suite == EDDSA_RDFC_2022:
        proof = {"type": "DataIntegrityProof", "cryptosuite": EDDSA_RDFC_2022}
    elif suite == ED25519_SIGNATURE_2020:
        proof = {"type": ED25519_SIGNATURE_2020}
    else:
        raise ValueError(f"unknown suite {suite}")
    proof |= {"created": created, "verificationMethod": verification_method, "proofPurpose": proof_purpose}
    if proof_context:
        proof["@context"] = unsecured["@context"]
    signature = private_key.sign(hash_parts(unsecured, proof, suite)["combinedHash"])
    proof["proofValue"] = "z" + base58.b58encode(signature).decode()
    return {**unsecured, "proof": proof}


def verify(document: dict, expected_purpose: str = "assertionMethod") -> tuple[bool, str]:
    """Verifies a single eddsa-rdfc-2022 or Ed25519Signature2020 proof made with a did:key (§3.4.2)."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        return False, "no single proof"
    if proof.get("type") == "DataIntegrityProof" and proof.get("cryptosuite") == EDDSA_RDFC_2022:
        suite = EDDSA_RDFC_2022
    elif proof.get("type") == ED25519_SIGNATURE_2020:
        suite = ED25519_SIGNATURE_2020
    else:
        return False, f"unsupported proof {proof.get('type')}/{proof.get('cryptosuite')}"
    if proof.get("proofPurpose") != expected_purpose:
        return False, "wrong proof purpose"
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    if "@context" in options:
        # §3.4.2 step 4: the document's @context must start with the proof's, which then replaces it.
        proof_context = _contexts(options["@context"])
        if _contexts(unsecured.get("@context"))[: len(proof_context)] != proof_context:
            return False, "context mismatch"
        unsecured["@context"] = options["@context"]
    value = proof.get("proofValue", "")
    if not isinstance(value, str) or not value.startswith("z"):
        return False, "proofValue is not base58btc"
    signature = base58.b58decode(value[1:])
    if len(signature) != 64:
        return False, "signature is not 64 bytes"
    try:
        key = did_key_public_key(proof["verificationMethod"])
        key.verify(signature, hash_parts(unsecured, options, suite)["combinedHash"])
    except InvalidSignature:
        return False, "signature invalid"
    except (ValueError, KeyError, jsonld.JsonLdError) as error:
        return False, f"cannot verify: {error}"
    return True, "verified"
