#!/usr/bin/env python3
"""Cross-check MedCred's did:webvh logs with the DIF Python implementation (PyPI did-webvh).

Usage: MEDCRED_WEBVH_OUT="$(mktemp -d)" swift test --filter WebVHInteropOutput   # MedCred writes sample logs
       python3 tools/interop/check_webvh.py "$MEDCRED_WEBVH_OUT" [more log folders...]

Every folder holding a did.jsonl (and optionally did-witness.json) is resolved by did_webvh at the latest
version and at each versionNumber; the DID is taken from the first entry's state.id. Exit status 1 if any
resolution fails. The other direction (MedCred verifying logs did_webvh wrote) is covered by the Swift
vector tests over shared/vectors/didwebvh/*/python and the Python harness suite.
"""
import asyncio
import json
import sys
from pathlib import Path

from did_webvh.resolver import resolve


async def check_folder(folder: Path) -> bool:
    lines = folder.joinpath("did.jsonl").read_text().splitlines()
    first = json.loads(lines[0])
    did = first["state"]["id"]
    deactivated = any(json.loads(line)["parameters"].get("deactivated") for line in lines)
    ok = True
    queries = [""] + [f"?versionNumber={n}" for n in range(1, len(lines) + 1)]
    for query in queries:
        result = await resolve(did + query, local_history=folder)
        meta = result.get("didResolutionMetadata") or {}
        doc_meta = result.get("didDocumentMetadata") or {}
        error = meta.get("error")
        good = error is None and result.get("didDocument") is not None
        if good and query:
            good = doc_meta.get("versionNumber") == int(query.split("=")[1])
        # did:webvh v1.0 "Deactivate": earlier versions of a deactivated DID report deactivated: true;
        # did_webvh 1.0.1 reports the resolved version's flag, so this is a note, not a verification failure.
        note = " (note: did_webvh reports deactivated=false)" if good and deactivated and not doc_meta.get("deactivated") else ""
        ok &= good
        print(f"{'PASS' if good else 'FAIL'} {folder.name}{query}: "
              f"{error or doc_meta.get('versionId')} {meta.get('problemDetails', '') if error else ''}{note}")
    return ok


async def main(paths: list[str]) -> int:
    folders = sorted({p.parent for arg in paths for p in Path(arg).rglob("did.jsonl")})
    if not folders:
        print("no did.jsonl found", file=sys.stderr)
        return 2
    results = [await check_folder(folder) for folder in folders]
    print(f"{sum(results)}/{len(results)} logs verified by did_webvh")
    return 0 if all(results) else 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: check_webvh.py LOG-FOLDER [LOG-FOLDER...]")
    sys.exit(asyncio.run(main(sys.argv[1:])))
