#!/usr/bin/env python3
"""Verifies MedCred's ledger inclusion proofs with sigstore-python's RFC 6962 verifier (PyPI `sigstore`).

Usage: out="$(mktemp)"; MEDCRED_MERKLE_OUT="$out" swift test --filter MerkleInteropOutput
       tools/.venv/bin/python tools/interop/check_merkle.py "$out"

sigstore verifies Rekor's inclusion proofs with its own RFC 6962 code (leaf 0x00, node 0x01, inner and
border chaining); it shares nothing with MedCred. Each proof must verify, and a proof with one hash
flipped must not.
"""
import base64
import json
import sys
from types import SimpleNamespace

from sigstore._internal.merkle import VerificationError, verify_merkle_inclusion


def entry(record: dict, hashes: list[bytes]) -> SimpleNamespace:
    proof = SimpleNamespace(log_index=record["index"], tree_size=record["size"], hashes=hashes,
                            root_hash=bytes.fromhex(record["root"]))
    return SimpleNamespace(_inner=SimpleNamespace(inclusion_proof=proof,
                                                  canonicalized_body=base64.b64decode(record["entry"])))


def main(path: str) -> int:
    checked = failures = 0
    with open(path) as handle:
        for line in handle:
            record = json.loads(line)
            hashes = [bytes.fromhex(h) for h in record["hashes"]]
            try:
                verify_merkle_inclusion(entry(record, hashes))
            except VerificationError as error:
                failures += 1
                print(f"FAIL index {record['index']} size {record['size']}: {error}")
            if hashes:
                tampered = list(hashes)
                tampered[0] = bytes([tampered[0][0] ^ 1]) + tampered[0][1:]
                try:
                    verify_merkle_inclusion(entry(record, tampered))
                    failures += 1
                    print(f"FAIL tampered proof accepted: index {record['index']} size {record['size']}")
                except VerificationError:
                    pass
            checked += 1
    print(f"{checked - failures} of {checked} MedCred inclusion proofs verified by sigstore's RFC 6962 verifier")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: check_merkle.py PROOFS.jsonl")
    sys.exit(main(sys.argv[1]))
