"""`make bench MODE=cluster`: the scaled-out deployment (bot/scripts/cluster.sh) under load —
turns per second and p95 for one Rasa replica and for two behind HAProxy, with the ratio — and
what the conversation store costs per turn (Rasa's SQLTrackerStore on PostgreSQL beside the
project's SQLite store). Reports only; writes var/results/bench_cluster.json.

    python -m tests.tools.bench_cluster [--users 20] [--per-user 30] [--attach var/cluster]

"1 replica" is the load sent to the first replica directly, "2 replicas" the same load through
the load balancer; both use the same PostgreSQL, Redis and action servers. Without --attach a
cluster is started on free ports under var/ and stopped afterwards.
"""

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tests.tools.bench import concurrent_users, percentile, summary

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bot" / "scripts" / "cluster.sh"


def free_port(taken: set) -> int:
    import socket

    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if not {port, port + 1} & taken:
            try:
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
            taken |= {port, port + 1}
            return port


def start_cluster(directory: Path) -> dict:
    taken: set = set()
    names = ["RASA_PORT", "ACTION_PORT", "WEB_PORT", "REPLICA_PORT", "ACTION_REPLICA_PORT", "PG_PORT", "REDIS_PORT"]
    env = dict(os.environ, CLUSTER_DIR=str(directory), REPLICAS="2", ACTION_REPLICAS="2")
    env.update({name: str(free_port(taken)) for name in names})
    done = subprocess.run(["bash", str(SCRIPT), "start"], env=env, text=True, capture_output=True, timeout=900)
    print(done.stdout.strip(), done.stderr.strip()[-2000:], flush=True)
    if done.returncode != 0:
        raise SystemExit(3)
    return env


def read_env(directory: Path) -> dict:
    return dict(line.split("=", 1) for line in (directory / "cluster.env").read_text().split())


def load(url: str, users: int, per_user: int, timeout: float, think: float) -> dict:
    res = concurrent_users(url, users, per_user, timeout, time.monotonic() + 600, think)
    out = summary(res)
    out.pop("by_message", None)
    return out


# --- the conversation store, per turn -----------------------------------------------------------


async def store_costs(pg_port: int, turns: int = 30) -> dict:
    """ms per turn (read the conversation, append one turn, save) as a conversation grows to
    `turns` turns: Rasa's SQLTrackerStore on PostgreSQL, the project's SQLite store (served from
    its memory cache, as `make run` does), and the same store read from disk every turn (what it
    would need to be safe with several replicas)."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.tracker_store import SQLiteTrackerStore

    domain = Domain.load(str(ROOT / "domain.yml"))
    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    stores = {
        "SQLTrackerStore (PostgreSQL)": SQLTrackerStore(
            domain, dialect="postgresql", host="127.0.0.1", port=pg_port, db="rasa", username="rasa", password=""
        ),
        "SQLiteTrackerStore (memory cache)": SQLiteTrackerStore(domain, db=str(tmp / "a.db")),
        "SQLiteTrackerStore (read from disk)": SQLiteTrackerStore(domain, db=str(tmp / "b.db"), cache_mb=0),
    }
    results = {}
    for name, store in stores.items():
        sender = f"bench-store-{uuid.uuid4().hex[:8]}"
        times = []
        for i in range(turns):
            started = time.perf_counter()
            tracker = await store.retrieve(sender) or DialogueStateTracker(sender, domain.slots)
            text = f"离岸执行额{150 + i}万美元，汇率7.05，能拿多少？"
            for event in (
                UserUttered(text, {"name": "ask_estimate", "confidence": 0.99}),
                ActionExecuted("action_estimate_start"),
                BotUttered("按今年离岸执行额计算：" + "说明" * 200),
                SlotSet("estimate_state", {"inputs": {"offshore": 150 + i}, "pending": None}),
                ActionExecuted("action_listen"),
            ):
                tracker.update(event)
            await store.save(tracker)
            times.append((time.perf_counter() - started) * 1000)
        results[name] = {
            "first_10_mean_ms": round(sum(times[:10]) / 10, 2),
            "last_10_mean_ms": round(sum(times[-10:]) / 10, 2),
            "p95_ms": round(percentile(times, 95), 2),
        }
    shutil.rmtree(tmp, ignore_errors=True)
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--per-user", type=int, default=30)
    ap.add_argument("--think", type=float, default=0)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--attach", type=Path, help="a cluster already started with CLUSTER_DIR=this directory")
    ap.add_argument("--out", type=Path, default=ROOT / "var" / "results" / "bench_cluster.json")
    args = ap.parse_args(argv)
    directory = args.attach or ROOT / "var" / f"bench-cluster-{uuid.uuid4().hex[:6]}"
    env = read_env(args.attach) if args.attach else start_cluster(directory)
    try:
        lb = f"http://127.0.0.1:{env['RASA_PORT']}/webhooks/rest/webhook"
        one = f"http://127.0.0.1:{env['REPLICA_PORT']}/webhooks/rest/webhook"
        print(f"bench: {args.users} users × {args.per_user} turns, 1 replica (direct)…", flush=True)
        single = load(one, args.users, args.per_user, args.timeout, args.think)
        print("bench: the same through the load balancer, 2 replicas…", flush=True)
        double = load(lb, args.users, args.per_user, args.timeout, args.think)
        costs = asyncio.run(store_costs(int(env["PG_PORT"])))
    finally:
        if not args.attach:
            subprocess.run(["bash", str(SCRIPT), "stop"], env=dict(env, CLUSTER_DIR=str(directory)), timeout=120)
            shutil.rmtree(directory, ignore_errors=True)
    ratio = double["throughput_turns_per_s"] / single["throughput_turns_per_s"]
    report = {"load_average": os.getloadavg(), "one_replica": single, "two_replicas": double, "ratio": ratio}
    report["store_ms_per_turn"] = costs
    print(f"{'':14}{'turns/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for label, r in (("1 replica", single), ("2 replicas", double)):
        print(f"{label:14}{r['throughput_turns_per_s']:9.1f}{r['p50_ms']:9.0f}{r['p95_ms']:9.0f}{r['errors']:8d}")
    print(f"ratio 2/1 replicas: {ratio:.2f} × turns/s (load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores)")
    for name, c in costs.items():
        print(f"store {name}: {c['first_10_mean_ms']} ms a turn (turns 1–10), {c['last_10_mean_ms']} ms (21–30)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
