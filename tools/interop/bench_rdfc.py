"""eddsa-rdfc-2022 issue and verify rates of a Python JSON-LD stack (PyLD + pyca/cryptography), for comparison
with `MedCredBenchmarks rdfc` (BENCHMARKS.md, issue #8).

The credential is the benchmark licence (the draft of Sources/MedCredBenchmarks/LicenceCredential.swift with the
MedCred context), completed and signed by the real `medcred` binary ($MEDCRED, default
.build-release/release/medcred), so both sides canonicalize the same document. Contexts come from the pinned
files through eddsa_rdfc_2022.document_loader; PyLD keeps its own cache of resolved contexts.
Usage: PYTHONPATH=tools/interop tools/.venv/bin/python tools/interop/bench_rdfc.py [seconds]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import eddsa_rdfc_2022 as rdfc

MEDCRED = os.environ.get("MEDCRED", ".build-release/release/medcred")
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
ENV = {**os.environ, "MEDCRED_PASSPHRASE": "benchmark passphrase"}


def licence_draft() -> dict:
    source = open("Sources/MedCredBenchmarks/LicenceCredential.swift", encoding="utf-8").read()
    draft = json.loads(re.search(r'#"""(.*?)"""#', source, re.S).group(1))
    draft["@context"] = ["https://www.w3.org/ns/credentials/v2",
                         "https://schemas.medcred.dev/contexts/credentials/v1.jsonld"]
    return draft


def signed_by_medcred(work: str) -> dict:
    key, draft, out = (os.path.join(work, name) for name in ("issuer.key", "draft.json", "signed.json"))
    subprocess.run([MEDCRED, "did", "key", "generate", "--seed", "07" * 32, "--out", key], check=True, env=ENV,
                   capture_output=True)
    with open(draft, "w", encoding="utf-8") as handle:
        json.dump(licence_draft(), handle, ensure_ascii=False)
    subprocess.run([MEDCRED, "credential", "sign", draft, "--key", key, "--cryptosuite", "eddsa-rdfc-2022",
                    "--out", out], check=True, env=ENV, capture_output=True)
    return json.load(open(out, encoding="utf-8"))


def rate(name: str, body) -> float:
    body()  # warm-up: contexts resolved and cached
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        body()
        count += 1
    per_second = count / (time.perf_counter() - start)
    print(f"{name:<52} {per_second:>10,.0f}/s {1e6 / per_second:>10,.0f} µs/op")
    return per_second


def main() -> int:
    signed = signed_by_medcred(tempfile.mkdtemp(prefix="medcred-bench-rdfc-"))
    ok, reason = rdfc.verify(signed)
    if not ok:
        print(f"the MedCred-signed licence does not verify in Python: {reason}")
        return 1
    unsigned = {k: v for k, v in signed.items() if k != "proof"}
    key = Ed25519PrivateKey.generate()
    method = signed["proof"]["verificationMethod"]
    created = signed["proof"]["created"]
    rate("PyLD eddsa-rdfc-2022 create proof (licence)", lambda: rdfc.sign(unsigned, key, method, created))
    rate("PyLD eddsa-rdfc-2022 verify proof (licence, did:key)", lambda: rdfc.verify(signed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
