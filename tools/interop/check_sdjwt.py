"""Interop check: SD-JWT VC with key binding, MedCred against the reference sd-jwt library.

Independent side: openwallet-foundation-labs sd-jwt-python 0.10.4 (`sd_jwt`, over jwcrypto), the reference
implementation of RFC 9901 maintained by the spec's editors. MedCred side: MedCredCore, driven through the
opt-in Swift tests `SDJWTInteropTests` (there is no `medcred` command for SD-JWT yet), which read and write the
files named by MEDCRED_INTEROP_OUT and MEDCRED_INTEROP_IN.

What is checked, each printed as one line:
 1. MedCred -> reference. MedCred issues an SD-JWT VC (`typ` dc+sd-jwt, EdDSA/Ed25519, issuer did:key, `kid` its
    verification method, `cnf.jwk` the holder key, recursive `address` disclosures, array-element
    `nationalities`, decoy digests) and presents it (a) with only given_name and birthdate, (b) with every
    disclosure, each with a KB-JWT. The reference `SDJWTVerifier` verifies the issuer signature with the key
    decoded here from the did:key in `kid`, the KB-JWT (signature with `cnf.jwk`, `typ`, `aud`, `nonce`,
    `sd_hash`) and unpacks the disclosures; the disclosed claims must equal what MedCred disclosed, and nothing
    else of the patient may appear. The reference verifier must also reject a tampered disclosure (it does so
    through `sd_hash`) and a wrong nonce. The reference holder (`SDJWTHolder`) also selects disclosures from MedCred's issuance (family_name,
    address.country; no KB-JWT, as MedCred's holder key stays in Swift) and the reference verifier accepts that.
 2. Reference -> MedCred. The reference `SDJWTIssuer` issues an SD-JWT VC with an Ed25519 issuer key whose did:key
    is `iss`/`kid`, with selectively disclosable members, a recursive object, array elements and decoys; its
    `SDJWTHolder` presents it with an EdDSA KB-JWT. MedCred's `SDJWTCredentialVerifier` (DID resolution of the
    did:key, every RFC 9901 §7 rule, key binding for the expected aud/nonce) must verify it and return the
    disclosed claims; a presentation with a wrong nonce and one with a disclosure of another SD-JWT appended
    must fail with the `keyBinding` and `disclosures` checks.

Ed25519: the reference library signs and verifies EdDSA when given `sign_alg="EdDSA"`, except that its KB-JWT
verification passes its ES256 default to jwcrypto; the `EdDSAVerifier` subclass below passes "EdDSA" instead.
That is the only adaptation: no reference code path is otherwise replaced.
Exits non-zero on the first disagreement.
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time

import base58
from jwcrypto.jwk import JWK
from sd_jwt.common import SDObj
from sd_jwt.holder import SDJWTHolder
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.verifier import SDJWTVerifier

WORK = tempfile.mkdtemp(prefix="medcred-sdjwt-")
failures = 0


def check(name: str, ok: bool, detail: str = "") -> None:
    global failures
    print(f"{'ok  ' if ok else 'FAIL'} {name}{(' — ' + detail) if detail and not ok else ''}")
    failures += 0 if ok else 1


class EdDSAVerifier(SDJWTVerifier):
    """The reference verifier, with the KB-JWT algorithm set to EdDSA instead of its ES256 default."""

    def _verify_key_binding_jwt(self, expected_aud=None, expected_nonce=None, sign_alg=None):
        return super()._verify_key_binding_jwt(expected_aud, expected_nonce, sign_alg="EdDSA")


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def did_key(jwk: JWK) -> str:
    raw = base64.urlsafe_b64decode(jwk.export_public(as_dict=True)["x"] + "==")
    return "did:key:z" + base58.b58encode(b"\xed\x01" + raw).decode()


def jwk_from_did_key(verification_method: str) -> JWK:
    multibase = verification_method.split("#")[0][len("did:key:"):]
    decoded = base58.b58decode(multibase[1:])
    assert multibase[0] == "z" and decoded[:2] == b"\xed\x01" and len(decoded) == 34
    return JWK(kty="OKP", crv="Ed25519", x=b64(decoded[2:]))


def swift_test(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["swift", "test", "--filter", "SDJWTInteropTests"], env={**os.environ, **env}, capture_output=True, text=True
    )


def reference_verifies(presentation: str, aud: str, nonce: str):
    verifier = EdDSAVerifier(
        presentation, lambda iss, header: jwk_from_did_key(header["kid"]), expected_aud=aud, expected_nonce=nonce
    )
    return verifier.get_verified_payload()


def medcred_to_reference() -> dict:
    out = os.path.join(WORK, "medcred.json")
    run = swift_test({"MEDCRED_INTEROP_OUT": out})
    check("MedCred wrote its SD-JWT VC (swift test SDJWTInteropTests)", run.returncode == 0 and os.path.exists(out),
          run.stdout[-2000:] + run.stderr[-2000:])
    if not os.path.exists(out):
        sys.exit(1)
    data = json.load(open(out))
    aud, nonce, patient = data["aud"], data["nonce"], data["patient"]
    try:
        claims = reference_verifies(data["presentation"], aud, nonce)
        disclosed = {k: claims.get(k) for k in patient if k in claims and k != "nationalities"}
        ok = disclosed == {"given_name": patient["given_name"], "birthdate": patient["birthdate"]}
        ok = ok and claims.get("nationalities") == [] and claims["vct"].endswith("/PatientIdentityCredential/v1")
        check("reference verifies MedCred's SD-JWT+KB disclosing only given_name and birthdate", ok, repr(claims))
    except Exception as error:  # noqa: BLE001 - any exception is a failed check
        check("reference verifies MedCred's SD-JWT+KB disclosing only given_name and birthdate", False, repr(error))
    try:
        claims = reference_verifies(data["fullPresentation"], aud, nonce)
        ok = all(claims.get(k) == v for k, v in patient.items())
        check("reference verifies MedCred's SD-JWT+KB with every (recursive, array) disclosure", ok, repr(claims))
    except Exception as error:  # noqa: BLE001
        check("reference verifies MedCred's SD-JWT+KB with every (recursive, array) disclosure", False, repr(error))
    try:
        reference_verifies(data["presentation"], aud, "another-nonce")
        check("reference rejects MedCred's SD-JWT+KB for another nonce", False, "accepted")
    except Exception:  # noqa: BLE001
        check("reference rejects MedCred's SD-JWT+KB for another nonce", True)
    parts = data["presentation"].split("~")
    forged = json.dumps(["c2FsdA", "given_name", "Mallory"]).encode()
    parts[1] = b64(forged)
    try:
        claims = reference_verifies("~".join(parts), aud, nonce)
        check("reference rejects a tampered disclosure in MedCred's SD-JWT+KB", False, repr(claims))
    except Exception:  # noqa: BLE001
        check("reference rejects a tampered disclosure in MedCred's SD-JWT+KB", True)
    return data


def reference_to_medcred(medcred_data: dict) -> None:
    issuer_key = JWK.generate(kty="OKP", crv="Ed25519")
    holder_key = JWK.generate(kty="OKP", crv="Ed25519")
    issuer_did = did_key(issuer_key)
    kid = issuer_did + "#" + issuer_did[len("did:key:"):]
    now = int(time.time())
    aud, nonce = "https://verifier.example.org", "pE9f3kW-interop"
    user_claims = {
        "iss": issuer_did, "iat": now, "exp": now + 3600,
        "vct": "https://schemas.medcred.dev/PatientIdentityCredential/v1",
        SDObj("given_name"): "Erika", SDObj("family_name"): "Mustermann", SDObj("birthdate"): "1963-08-12",
        SDObj("address"): {SDObj("locality"): "Köln", SDObj("country"): "DE", "street_address": "Heidestraße 17"},
        "nationalities": [SDObj("DE"), SDObj("FR")],
    }
    issuer = SDJWTIssuer(
        user_claims, issuer_key, holder_key, sign_alg="EdDSA", add_decoy_claims=True,
        extra_header_parameters={"typ": "dc+sd-jwt", "kid": kid},
    )
    holder = SDJWTHolder(issuer.sd_jwt_issuance)
    holder.create_presentation(
        {"given_name": True, "birthdate": True, "address": {"locality": True}, "nationalities": [False, True]},
        nonce, aud, holder_key, sign_alg="EdDSA",
    )
    selective = holder.sd_jwt_presentation
    holder.create_presentation({"given_name": True}, "wrong-nonce", aud, holder_key, sign_alg="EdDSA")
    wrong_nonce = holder.sd_jwt_presentation
    extra = selective.split("~")
    stranger = medcred_data["issuance"].split("~")[1]
    with_extra = "~".join(extra[:-1] + [stranger, extra[-1]])
    # The reference holder re-presents MedCred's issuance (MedCred's holder key stays in Swift, so without KB).
    reference_holder = SDJWTHolder(medcred_data["issuance"])
    reference_holder.create_presentation({"family_name": True, "address": {"country": True}})
    re_presented = reference_holder.sd_jwt_presentation
    path = os.path.join(WORK, "reference.json")
    cases = {"selective": selective, "wrongNonce": wrong_nonce, "extraDisclosure": with_extra}
    json.dump({"now": now, "aud": aud, "nonce": nonce, "cases": cases}, open(path, "w"), ensure_ascii=False)
    run = swift_test({"MEDCRED_INTEROP_IN": path})
    result_path = path + ".result.json"
    if not os.path.exists(result_path):
        check("MedCred verified the reference SD-JWT+KB (swift test SDJWTInteropTests)", False,
              run.stdout[-2000:] + run.stderr[-2000:])
        return
    results = json.load(open(result_path))
    selective_result = results["selective"]
    claims = selective_result["claims"] or {}
    expected = {"given_name": "Erika", "birthdate": "1963-08-12", "address": {"locality": "Köln",
                "street_address": "Heidestraße 17"}, "nationalities": ["FR"]}
    ok = selective_result["verified"] and all(claims.get(k) == v for k, v in expected.items())
    ok = ok and "family_name" not in claims
    check("MedCred verifies the reference SD-JWT VC+KB (EdDSA, did:key, recursive + array disclosures)", ok,
          json.dumps(selective_result, ensure_ascii=False))
    check("MedCred rejects the reference SD-JWT+KB for another nonce (keyBinding)",
          results["wrongNonce"]["failedChecks"] == ["keyBinding"], json.dumps(results["wrongNonce"]))
    check("MedCred rejects the reference SD-JWT+KB with a foreign disclosure appended (disclosures)",
          results["extraDisclosure"]["failedChecks"] == ["disclosures"], json.dumps(results["extraDisclosure"]))
    check("reference holder re-presents MedCred's issuance (family_name, address.country) and the reference "
          "verifier accepts it without KB",
          _reference_plain(re_presented) == {"family_name": "Mustermann", "address": {"country": "DE"}},
          re_presented[:80])


def _reference_plain(presentation: str) -> dict:
    claims = EdDSAVerifier(presentation, lambda iss, header: jwk_from_did_key(header["kid"])).get_verified_payload()
    return {k: v for k, v in claims.items() if k in ("family_name", "address", "given_name", "birthdate")}


if __name__ == "__main__":
    data = medcred_to_reference()
    reference_to_medcred(data)
    print(f"{'all SD-JWT interop checks passed' if failures == 0 else f'{failures} SD-JWT interop check(s) failed'}")
    sys.exit(1 if failures else 0)
