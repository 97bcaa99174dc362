"""Interop check: MedCred's credentials verify in an independent implementation, and theirs in MedCred.

Independent side: eddsa_jcs_2022.py (rfc8785 + pyca/cryptography + base58, written from the W3C specs) for
Data Integrity, and joserfc (Authlib) for VC-JOSE. MedCred side: the real `medcred` binary.
Exits non-zero on the first disagreement; prints one line per check.
"""
import base64
import copy
import json
import os
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization
from joserfc import jws
from joserfc.jwk import OKPKey

import eddsa_jcs_2022 as di
from fixtures import licence

MEDCRED = os.environ.get("MEDCRED", ".build/debug/medcred")
WORK = tempfile.mkdtemp(prefix="medcred-interop-")
ENV = {**os.environ, "MEDCRED_PASSPHRASE": "interop passphrase"}
failures = 0


def check(name: str, ok: bool, detail: str = "") -> None:
    global failures
    print(f"{'ok  ' if ok else 'FAIL'} {name}{(' — ' + detail) if detail and not ok else ''}")
    failures += 0 if ok else 1


def medcred(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([MEDCRED, *args], input=stdin, capture_output=True, text=True, env=ENV)


def path(name: str) -> str:
    return os.path.join(WORK, name)


def write(name: str, content) -> str:
    with open(path(name), "w") as handle:
        handle.write(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False))
    return path(name)


def okp_key_for(verification_method: str) -> OKPKey:
    public = di.did_key_public_key(verification_method)
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    return OKPKey.import_key({"kty": "OKP", "crv": "Ed25519", "x": x})


# MedCred signs; the independent implementation verifies.
generated = medcred("did", "key", "generate", "--out", path("issuer.key"), "--json")
check("medcred did key generate --out", generated.returncode == 0, generated.stderr)
holder = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
draft = write("draft.json", licence(holder))

signed_di = medcred("credential", "sign", draft, "--key", path("issuer.key"))
check("medcred credential sign (di)", signed_di.returncode == 0, signed_di.stderr)
document = json.loads(signed_di.stdout)
ok, why = di.verify(document)
check("independent eddsa-jcs-2022 verifies MedCred's credential", ok, why)
tampered = copy.deepcopy(document)
tampered["credentialSubject"]["profession"] = "nurse"
check("independent verifier rejects MedCred's credential with a changed claim", not di.verify(tampered)[0])

signed_jwt = medcred("credential", "sign", draft, "--key", path("issuer.key"), "--format", "jwt")
check("medcred credential sign (jwt)", signed_jwt.returncode == 0, signed_jwt.stderr)
token = signed_jwt.stdout.strip()
header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
check("JWS header is alg EdDSA, typ vc+jwt, kid a DID URL",
      header.get("alg") == "EdDSA" and header.get("typ") == "vc+jwt" and header.get("kid", "").startswith("did:key:"),
      json.dumps(header))
try:
    decoded = jws.deserialize_compact(token, okp_key_for(header["kid"]), algorithms=["EdDSA"])
    payload = json.loads(decoded.payload)
    check("joserfc verifies MedCred's vc+jwt", payload["credentialSubject"]["id"] == holder)
except Exception as error:  # noqa: BLE001 - any failure is a disagreement
    check("joserfc verifies MedCred's vc+jwt", False, repr(error))

# The independent implementation signs; MedCred verifies.
their_key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
their_did = "did:key:" + di.multikey(their_key.public_key())
their_method = f"{their_did}#{their_did[len('did:key:'):]}"
their_credential = licence(holder) | {"issuer": their_did, "validFrom": "2026-01-01T00:00:00Z",
                                       "credentialSchema": {"id": "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json", "type": "JsonSchema"}}
their_signed = di.sign(their_credential, their_key, their_method, created="2026-01-01T00:00:00Z")
verified = medcred("credential", "verify", write("theirs-di.json", their_signed))
check("MedCred verifies an independently signed eddsa-jcs-2022 credential", verified.returncode == 0,
      verified.stdout + verified.stderr)
broken = copy.deepcopy(their_signed)
broken["credentialSubject"]["licenseNumber"] = "MD-9999"
rejected = medcred("credential", "verify", write("theirs-di-tampered.json", broken))
check("MedCred rejects it once a claim is changed (exit 1, names proof)",
      rejected.returncode == 1 and "✗ proof" in rejected.stdout, rejected.stdout + rejected.stderr)

their_jwt = jws.serialize_compact({"alg": "EdDSA", "typ": "vc+jwt", "kid": their_method},
                                  json.dumps(their_credential).encode(), OKPKey.import_key(
                                      {"kty": "OKP", "crv": "Ed25519",
                                       "x": base64.urlsafe_b64encode(their_key.public_key().public_bytes(
                                           serialization.Encoding.Raw, serialization.PublicFormat.Raw)).rstrip(b"=").decode(),
                                       "d": base64.urlsafe_b64encode(bytes(range(32))).rstrip(b"=").decode()}),
                                  algorithms=["EdDSA"])
verified = medcred("credential", "verify", write("theirs.jwt", their_jwt))
check("MedCred verifies a joserfc-signed vc+jwt", verified.returncode == 0, verified.stdout + verified.stderr)
none_token = base64.urlsafe_b64encode(b'{"alg":"none","typ":"vc+jwt"}').rstrip(b"=").decode() + "." + \
    their_jwt.split(".")[1] + "."
rejected = medcred("credential", "verify", write("none.jwt", none_token))
check("MedCred rejects alg none", rejected.returncode == 1, rejected.stdout + rejected.stderr)

# Both agree on the W3C vector.
vector = os.path.join(os.environ.get("MEDCRED_VECTORS", "../shared/vectors"), "w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json")
with open(vector) as handle:
    check("independent verifier accepts the W3C eddsa-jcs-2022 vector", di.verify(json.load(handle))[0])

print(f"{failures} failed" if failures else "all interop checks passed")
sys.exit(1 if failures else 0)
