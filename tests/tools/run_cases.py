"""Play conversation case files against a running assistant and report pass rates.

usage: .venv/bin/python -m tests.tools.run_cases FILE.yaml [FILE …] [--url URL] [--workers N]
                                                [--only ID,ID] [--show] [--json OUT]
Prints each failure with its transcript, the pass rate per file and per category, and
per-turn latency. The same checks as the end-to-end test (tests/case_checks.py).
"""

import argparse
import json
import statistics
import time
import urllib.request
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from tests.case_checks import play


def sender_for(url: str, prefix: str, lat: list):
    sender = f"{prefix}-{uuid.uuid4().hex[:8]}"

    def say(text: str) -> str:
        body = json.dumps({"sender": sender, "message": text}).encode()
        req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        t0 = time.perf_counter()
        with urllib.request.urlopen(req, timeout=60) as r:
            data = json.loads(r.read().decode() or "[]")
        lat.append((time.perf_counter() - t0) * 1000)
        parts = []
        for m in data:
            if m.get("text"):
                parts.append(m["text"])
            for b in m.get("buttons") or []:
                parts.append(str(b.get("title", "")))
        return "\n".join(parts)

    return say


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--url", default="http://localhost:5005/webhooks/rest/webhook")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--only", default="")
    ap.add_argument("--show", action="store_true", help="print every transcript, not only failures")
    ap.add_argument("--json", default="", help="write the results here")
    a = ap.parse_args(argv)
    only = set(filter(None, a.only.split(",")))
    jobs = []
    for f in a.files:
        for c in yaml.safe_load(Path(f).read_text(encoding="utf-8")):
            if not only or str(c["id"]) in only:
                jobs.append((Path(f).stem, c))
    lat: list = []

    def run(job):
        stem, case = job
        try:
            why, tr = play(sender_for(a.url, f"case-{case['id']}", lat), case)
        except Exception as e:  # the server failed: the case fails
            why, tr = [f"error {type(e).__name__}: {e}"], []
        return stem, case, why, tr

    with ThreadPoolExecutor(a.workers) as pool:
        results = list(pool.map(run, jobs))
    by_file, by_cat, out = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0]), []
    for stem, case, why, tr in results:
        ok = not why
        by_file[stem][0] += ok
        by_file[stem][1] += 1
        by_cat[(stem, case.get("category", "misc"))][0] += ok
        by_cat[(stem, case.get("category", "misc"))][1] += 1
        out.append(
            {"file": stem, "id": case["id"], "category": case.get("category"), "ok": ok, "why": why, "transcript": tr}
        )
        if not ok or a.show:
            print(f"--- {'FAIL' if why else 'ok'} {stem}:{case['id']} [{case.get('category')}] {'; '.join(why)}")
            for who, text in tr:
                print(f"  {who}: {text[:700]}")
    print()
    for (stem, cat), (ok, n) in sorted(by_cat.items()):
        print(f"{stem:28s} {cat:12s} {ok:4d}/{n:<4d} {100 * ok / n:5.1f}%")
    total_ok = sum(v[0] for v in by_file.values())
    total = sum(v[1] for v in by_file.values())
    for stem, (ok, n) in sorted(by_file.items()):
        print(f"{stem:28s} {'ALL':12s} {ok:4d}/{n:<4d} {100 * ok / n:5.1f}%")
    if lat:
        lat.sort()
        print(
            f"turns {len(lat)}; latency p50 {statistics.median(lat):.0f} ms, p95 {lat[int(len(lat) * 0.95) - 1]:.0f} ms"
        )
    print(f"total {total_ok}/{total} {100 * total_ok / max(1, total):.1f}%")
    if a.json:
        Path(a.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if total_ok == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
