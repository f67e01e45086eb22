"""Benchmark the assistant: latency for one user and for concurrent users, memory of both
servers, training time. It reports; it does not gate (exit 0, or 3 if the servers do not start).

    python -m tests.tools.bench [--turns 200] [--users 20] [--per-user 30] [--train-log var/train.log]

Starts its own action server and Rasa server (models/policy-assistant.tar.gz) on free ports
with a temporary endpoints.yml and tracker database, talks to them over the REST channel on
127.0.0.1 only, prints a table with targets and writes var/results/bench.json.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "policy-assistant.tar.gz"
RASA = ROOT / ".venv" / "bin" / "rasa"

# The conversation every simulated user follows. A tuple is a multi-turn exchange that stays
# together when a user starts the script somewhere in the middle.
SCRIPT = [
    "你好",
    "谁可以申报？",
    "展会补贴标准是多少？",
    "今年离岸执行额250万美元，汇率6.8，离岸奖励多少？",
    "软件测试属于哪个领域？",
    ("帮我算算展会补贴", "境外2场，每场6万元"),
    "离岸奖励怎么算？",
    "上年在岸执行额2000万元，今年2600万元，没有离岸业务，增量奖励能拿多少？",
    "KPO包括哪些领域？",
    "政策有效期多久？",
]
TURNS_PER_CONVERSATION = sum(len(u) if isinstance(u, tuple) else 1 for u in SCRIPT)  # 11

TARGETS = {
    "one_user_p95_ms": 200,
    "users_p95_ms": 1000,
    "users_errors": 0,
    "train_s": 300,
    "rss_total_mb": 2048,
}

STOP = threading.Event()


# --- servers ---------------------------------------------------------------------------------


def free_port(taken=()) -> int:
    """A TCP port nobody listens on right now (and not one of `taken`)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in taken:
            return port


class Servers:
    """The action server and the Rasa server, started on free ports in a temporary directory."""

    def __init__(self, model: Path, start_timeout: float):
        self.model = model
        self.start_timeout = start_timeout
        self.work = Path(tempfile.mkdtemp(prefix="bench-"))
        self.action_port = free_port()
        self.rasa_port = free_port({self.action_port})
        self.webhook = f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"
        self.actions = self.rasa = None
        self.logs = []
        self.startup_s = {}

    def start(self) -> None:
        (self.work / "endpoints.yml").write_text(
            f"action_endpoint:\n  url: http://127.0.0.1:{self.action_port}/webhook\n  enable_selective_domain: true\n"
            f"tracker_store:\n  type: bot.tracker_store.SQLiteTrackerStore\n  db: {self.work / 'tracker.db'}\n"
            "lock_store:\n  type: bot.lock_store.AsyncioLockStore\n",
            encoding="utf-8",
        )
        env = dict(
            os.environ,
            RASA_TELEMETRY_ENABLED="false",
            TF_CPP_MIN_LOG_LEVEL="3",
            PYTHONWARNINGS="ignore",
            SQLALCHEMY_SILENCE_UBER_WARNING="1",
            LOG_LEVEL_LIBRARIES="ERROR",
            REPORTS_DB=str(self.work / "reports.db"),
            CONSOLE_DB=str(self.work / "console.db"),
        )
        for key in [k for k in env if k.startswith("WECHAT_")]:
            env.pop(key)
        self.logs = [open(self.work / "actions.log", "w"), open(self.work / "rasa.log", "w")]
        t0 = time.monotonic()
        # Own process groups, so that stopping them also stops any children they spawn.
        self.actions = subprocess.Popen(
            [str(RASA), "run", "actions", "--actions", "actions", "--port", str(self.action_port)],
            cwd=ROOT,
            env=env,
            stdout=self.logs[0],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.rasa = subprocess.Popen(
            [
                str(RASA),
                "run",
                "--model",
                str(self.model),
                "--port",
                str(self.rasa_port),
                "-i",
                "127.0.0.1",
                "--endpoints",
                str(self.work / "endpoints.yml"),
                "--credentials",
                str(ROOT / "credentials.yml"),
            ],
            cwd=ROOT,
            env=env,
            stdout=self.logs[1],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = t0 + self.start_timeout
        self._wait(f"http://127.0.0.1:{self.action_port}/health", self.actions, deadline, None)
        self.startup_s["action_server"] = time.monotonic() - t0
        self._wait(self.webhook, self.rasa, deadline, {"sender": "bench-ready", "message": "你好"})
        self.startup_s["rasa_server"] = time.monotonic() - t0

    @staticmethod
    def _wait(url, proc, deadline, body) -> None:
        """Until `url` answers 200 (and, for the webhook, with some reply: Rasa answers [] when
        it runs without a model, e.g. after failing to load it)."""
        empty = 0
        while time.monotonic() < deadline and not STOP.is_set():
            if proc.poll() is not None:
                raise RuntimeError(f"server exited early (code {proc.returncode}) while waiting for {url}")
            try:
                r = requests.post(url, json=body, timeout=10) if body is not None else requests.get(url, timeout=5)
                if r.status_code == 200:
                    if body is None or r.json():
                        return
                    empty += 1
                    if empty >= 5:
                        raise RuntimeError(f"{url} answers with no reply (model not loaded?)")
            except (requests.RequestException, ValueError):
                pass
            time.sleep(1)
        raise RuntimeError(f"timed out waiting for {url}")

    def log_tails(self, chars: int = 2500) -> str:
        for log in self.logs:
            log.flush()
        out = []
        for name in ("rasa.log", "actions.log"):
            path = self.work / name
            if path.exists():
                out.append(f"--- {name} (last {chars} chars) ---\n" + path.read_text(errors="replace")[-chars:])
        return "\n".join(out)

    def stop(self) -> None:
        procs = [p for p in (self.rasa, self.actions) if p is not None]
        for p in procs:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait(timeout=10)
        for log in self.logs:
            log.close()
        shutil.rmtree(self.work, ignore_errors=True)


# --- memory (from /proc: psutil is not installed in this venv) --------------------------------


def _children() -> dict:
    kids = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            kids.setdefault(ppid, []).append(int(entry))
    return kids


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (MiB)."""
    kids, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(kids.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])  # kB
        except OSError:
            pass
    return total / 1024


def cpu_s(pid: int) -> float:
    """CPU time (user + system) of a process and all its descendants so far, in seconds."""
    kids, total, todo = _children(), 0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        todo.extend(kids.get(p, []))
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


# --- load -------------------------------------------------------------------------------------


def messages(start_unit: int = 0):
    """The script as an endless stream of (new_conversation, text), starting at a unit."""
    units = SCRIPT[start_unit:] + SCRIPT[:start_unit]
    first = True
    while True:
        for unit in units:
            for text in unit if isinstance(unit, tuple) else (unit,):
                yield first, text
                first = False
        first = True


def send(session: requests.Session, url: str, sender: str, text: str, timeout: float):
    """One turn: (latency in ms, error kind or None, detail)."""
    t0 = time.perf_counter()
    try:
        r = session.post(url, json={"sender": sender, "message": text}, timeout=timeout)
        ms = (time.perf_counter() - t0) * 1000
        if r.status_code != 200:
            return ms, "http", f"HTTP {r.status_code} for {text!r}"
        try:
            replies = r.json()
        except ValueError:
            return ms, "http", f"non-JSON reply for {text!r}"
        if not any(
            isinstance(m, dict)
            and (m.get("text") or m.get("buttons") or m.get("custom") or m.get("image") or m.get("attachment"))
            for m in replies or []
        ):
            return ms, "empty", f"empty reply for {text!r}"
        return ms, None, ""
    except requests.Timeout:
        return (time.perf_counter() - t0) * 1000, "timeout", f"timeout ({timeout:g} s) for {text!r}"
    except requests.RequestException as e:
        return (time.perf_counter() - t0) * 1000, "connection", f"{type(e).__name__} for {text!r}"


def run_user(url: str, turns: int, start_unit: int, timeout: float, deadline: float, think: float = 0) -> dict:
    """One simulated user doing `turns` turns (pausing `think` s between them); a fresh sender
    id at each pass through the script (every 11 turns), so that trackers stay small."""
    res = {"latencies_ms": [], "by_message": {}, "errors": {}, "error_samples": [], "turns": 0}
    sender = None
    with requests.Session() as session:
        for (new_conv, text), _ in zip(messages(start_unit), range(turns)):
            if STOP.is_set() or time.monotonic() > deadline:
                break
            if new_conv:
                sender = f"bench-{uuid.uuid4().hex[:10]}"
            if think and res["turns"]:
                time.sleep(think)
            ms, err, detail = send(session, url, sender, text, timeout)
            res["turns"] += 1
            res["latencies_ms"].append(ms)
            res["by_message"].setdefault(text, []).append(ms)
            if err:
                res["errors"][err] = res["errors"].get(err, 0) + 1
                if len(res["error_samples"]) < 3:
                    res["error_samples"].append(detail)
    return res


def concurrent_users(url: str, users: int, per_user: int, timeout: float, deadline: float, think: float = 0) -> dict:
    results = [None] * users
    barrier = threading.Barrier(users)

    def user(i):
        try:
            barrier.wait(timeout=30)
        except threading.BrokenBarrierError:
            pass
        # Users start at different points of the script so that the server sees a mix.
        results[i] = run_user(url, per_user, (i * 3) % len(SCRIPT), timeout, deadline, think)

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        while t.is_alive():
            t.join(0.5)
    wall = time.monotonic() - t0
    merged = {"latencies_ms": [], "by_message": {}, "errors": {}, "error_samples": [], "turns": 0, "wall_s": wall}
    for r in results:
        if r is None:
            continue
        merged["latencies_ms"] += r["latencies_ms"]
        for text, ms in r["by_message"].items():
            merged["by_message"].setdefault(text, []).extend(ms)
        merged["turns"] += r["turns"]
        for k, v in r["errors"].items():
            merged["errors"][k] = merged["errors"].get(k, 0) + v
        merged["error_samples"] += r["error_samples"][: max(0, 5 - len(merged["error_samples"]))]
    return merged


def percentile(values, q: float):
    """Linear-interpolation percentile (q in 0..100); None for no values."""
    if not values:
        return None
    v = sorted(values)
    pos = (len(v) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def summary(res: dict) -> dict:
    lat = res["latencies_ms"]
    out = {
        "turns": res["turns"],
        "p50_ms": percentile(lat, 50),
        "p95_ms": percentile(lat, 95),
        "max_ms": max(lat) if lat else None,
        "mean_ms": sum(lat) / len(lat) if lat else None,
        "errors": sum(res["errors"].values()),
        "errors_by_kind": res["errors"],
        "error_samples": res["error_samples"],
        "by_message": {
            text: {"n": len(ms), "p50_ms": percentile(ms, 50), "max_ms": max(ms)}
            for text, ms in res["by_message"].items()
        },
    }
    if "wall_s" in res:
        out["wall_s"] = res["wall_s"]
        out["throughput_turns_per_s"] = res["turns"] / res["wall_s"] if res["wall_s"] else None
    return out


# --- training time ----------------------------------------------------------------------------

TS = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s")


def training_time(train_log: Path):
    """(seconds or None, where it came from)."""
    timing = ROOT / "var" / "train_time.txt"
    if timing.exists():
        text = timing.read_text(errors="replace")
        found = re.findall(r"train: done in (\d+(?:\.\d+)?) s", text)
        number = found[-1] if found else text.strip()
        try:
            return float(number), str(timing.relative_to(ROOT))
        except ValueError:
            pass
    if train_log.exists():
        text = train_log.read_text(errors="replace")
        found = re.findall(r"train: done in (\d+(?:\.\d+)?) s", text)
        if found:
            return float(found[-1]), str(train_log)
        # Rasa's own log (what train_if_changed.sh writes there): first to last timestamp of a
        # run that finished. A lower bound: Python start-up and model packing are not included.
        stamps = [m.group(1) for m in map(TS.match, text.splitlines()) if m]
        if len(stamps) >= 2 and "trained and saved" in text:
            fmt = "%Y-%m-%d %H:%M:%S"
            seconds = (datetime.strptime(stamps[-1], fmt) - datetime.strptime(stamps[0], fmt)).total_seconds()
            return seconds, f"estimated from timestamps in {train_log}"
    return None, "n/a (model was cached; see make train output)"


# --- report -----------------------------------------------------------------------------------


def fmt_ms(v):
    return "-" if v is None else f"{v:.0f} ms"


def verdict(value, limit):
    if value is None:
        return "n/a"
    return "PASS" if value <= limit else "FAIL"


def table(rows) -> str:
    widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--turns", type=int, default=200, help="one-user turns (default 200)")
    ap.add_argument("--users", type=int, default=20, help="concurrent users (default 20)")
    ap.add_argument("--per-user", type=int, default=30, help="turns per concurrent user (default 30)")
    ap.add_argument(
        "--train-log",
        type=Path,
        default=ROOT / "var" / "train.log",
        help="training log to take the training time from if var/train_time.txt is absent",
    )
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--timeout", type=float, default=10, help="per-request timeout in s (default 10)")
    ap.add_argument(
        "--think",
        type=float,
        default=0,
        help="pause of each concurrent user between its turns in s (default 0: back to back)",
    )
    ap.add_argument("--max-seconds", type=float, default=300, help="time cap for each load phase in s (default 300)")
    ap.add_argument(
        "--start-timeout", type=float, default=300, help="seconds to wait for the servers to answer (default 300)"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "var" / "results" / "bench.json")
    args = ap.parse_args(argv)

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    if not args.model.exists():
        print(f"bench: no trained model at {args.model}: run `make train` first", file=sys.stderr)
        return 3

    load_start = os.getloadavg()
    servers = Servers(args.model, args.start_timeout)
    print(
        f"bench: starting the action server (:{servers.action_port}) and Rasa (:{servers.rasa_port}) "
        f"with {args.model.name}…",
        flush=True,
    )
    try:
        try:
            servers.start()
        except RuntimeError as e:
            print(f"bench: the servers did not start: {e}\n{servers.log_tails()}", file=sys.stderr)
            return 3
        print(f"bench: ready after {servers.startup_s['rasa_server']:.0f} s; warm-up conversation…", flush=True)

        # Warm-up: one full conversation, not counted (first turns load lazy parts).
        warm = run_user(servers.webhook, TURNS_PER_CONVERSATION, 0, 30, time.monotonic() + 120)
        print(f"bench: one user, {args.turns} turns…", flush=True)
        cpu0 = cpu_s(servers.rasa.pid), cpu_s(servers.actions.pid)
        one = run_user(servers.webhook, args.turns, 0, args.timeout, time.monotonic() + args.max_seconds)
        cpu1 = cpu_s(servers.rasa.pid), cpu_s(servers.actions.pid)
        print(f"bench: {args.users} concurrent users × {args.per_user} turns…", flush=True)
        many = concurrent_users(
            servers.webhook, args.users, args.per_user, args.timeout, time.monotonic() + args.max_seconds, args.think
        )
        cpu2 = cpu_s(servers.rasa.pid), cpu_s(servers.actions.pid)
        rss_actions, rss_rasa = rss_mb(servers.actions.pid), rss_mb(servers.rasa.pid)
    except KeyboardInterrupt:
        print("\nbench: interrupted; stopping the servers", file=sys.stderr)
        return 130
    finally:
        STOP.set()  # ends any user thread still running
        for sig in (signal.SIGINT, signal.SIGTERM):  # let the clean-up finish
            signal.signal(sig, signal.SIG_IGN)
        servers.stop()

    train_s, train_src = training_time(args.train_log)
    one_s, many_s = summary(one), summary(many)
    warm_s = summary(warm)
    warm_s["first_turn_ms"] = warm["latencies_ms"][0] if warm["latencies_ms"] else None
    rss_total = rss_actions + rss_rasa
    # Server CPU per turn (ms): what each turn costs whatever else the machine is doing.
    cpu_ms = {
        "one_user": {
            "rasa": 1000 * (cpu1[0] - cpu0[0]) / max(one["turns"], 1),
            "actions": 1000 * (cpu1[1] - cpu0[1]) / max(one["turns"], 1),
        },
        "concurrent": {
            "rasa": 1000 * (cpu2[0] - cpu1[0]) / max(many["turns"], 1),
            "actions": 1000 * (cpu2[1] - cpu1[1]) / max(many["turns"], 1),
        },
    }

    checks = {
        "one_user_p95": verdict(one_s["p95_ms"], TARGETS["one_user_p95_ms"]),
        "users_p95": verdict(many_s["p95_ms"], TARGETS["users_p95_ms"]),
        "users_errors": verdict(many_s["errors"], TARGETS["users_errors"]),
        "training": verdict(train_s, TARGETS["train_s"]),
        "memory": verdict(rss_total, TARGETS["rss_total_mb"]),
    }
    # Turns cut short by --max-seconds are a failure of the phase, not a pass.
    if one_s["turns"] < args.turns:
        checks["one_user_p95"] = "FAIL"
    if many_s["turns"] < args.users * args.per_user:
        checks["users_errors"] = "FAIL"

    u = f"{args.users}" + (f" (think {args.think:g} s)" if args.think else "")
    train_value = f"{train_s:.0f} s" if train_s is not None else train_src
    if train_s is not None and train_src.startswith("estimated"):
        train_value += " (est. from log)"
    rows = [
        ("measure", "value", "target", "result"),
        ("warm-up: first turn", fmt_ms(warm_s["first_turn_ms"]), "-", ""),
        ("warm-up: max of first conversation", fmt_ms(warm_s["max_ms"]), "-", ""),
        (f"1 user: p50 ({one_s['turns']} turns)", fmt_ms(one_s["p50_ms"]), "-", ""),
        ("1 user: p95", fmt_ms(one_s["p95_ms"]), f"<= {TARGETS['one_user_p95_ms']} ms", checks["one_user_p95"]),
        ("1 user: max", fmt_ms(one_s["max_ms"]), "-", ""),
        ("1 user: errors", one_s["errors"], "-", ""),
        (f"{u} users: p50 ({many_s['turns']} turns)", fmt_ms(many_s["p50_ms"]), "-", ""),
        (f"{u} users: p95", fmt_ms(many_s["p95_ms"]), f"<= {TARGETS['users_p95_ms']} ms", checks["users_p95"]),
        (f"{u} users: max", fmt_ms(many_s["max_ms"]), "-", ""),
        (f"{u} users: errors", many_s["errors"], "0", checks["users_errors"]),
        (
            f"{u} users: throughput",
            f"{many_s['throughput_turns_per_s']:.1f} turns/s" if many_s.get("throughput_turns_per_s") else "-",
            "-",
            "",
        ),
        (
            "CPU per turn, 1 user: Rasa / actions",
            f"{cpu_ms['one_user']['rasa']:.1f} / {cpu_ms['one_user']['actions']:.1f} ms",
            "-",
            "",
        ),
        (
            f"CPU per turn, {u} users: Rasa / actions",
            f"{cpu_ms['concurrent']['rasa']:.1f} / {cpu_ms['concurrent']['actions']:.1f} ms",
            "-",
            "",
        ),
        ("training time", train_value, f"<= {TARGETS['train_s']} s", checks["training"]),
        ("RSS action server", f"{rss_actions:.0f} MB", "-", ""),
        ("RSS Rasa server", f"{rss_rasa:.0f} MB", "-", ""),
        ("RSS both servers", f"{rss_total:.0f} MB", f"<= {TARGETS['rss_total_mb']} MB", checks["memory"]),
    ]
    print()
    print(table(rows))
    slow = sorted(one_s["by_message"].items(), key=lambda kv: -kv[1]["p50_ms"])[:3]
    if slow:
        print("slowest messages for 1 user (p50): " + "; ".join(f"{t} {v['p50_ms']:.0f} ms" for t, v in slow))
    for name, s in (("1 user", one_s), (f"{u} users", many_s), ("warm-up", warm_s)):
        if s["errors"]:
            print(f"{name} errors {s['errors_by_kind']}: " + "; ".join(s["error_samples"]))
    load_end = os.getloadavg()
    print(
        f"(load average before/after: {load_start[0]:.2f}/{load_end[0]:.2f} on {os.cpu_count()} CPUs; "
        f"servers ready in {servers.startup_s['rasa_server']:.0f} s; RSS includes child processes)"
    )

    result = {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": str(args.model),
        "model_mtime": datetime.fromtimestamp(args.model.stat().st_mtime, timezone.utc).isoformat(timespec="seconds"),
        "host": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "loadavg_before": load_start,
            "loadavg_after": load_end,
        },
        "params": {
            "turns": args.turns,
            "users": args.users,
            "per_user": args.per_user,
            "timeout_s": args.timeout,
            "think_s": args.think,
            "max_seconds": args.max_seconds,
        },
        "startup_s": servers.startup_s,
        "warmup": warm_s,
        "one_user": one_s,
        "concurrent": many_s,
        "training": {"seconds": train_s, "source": train_src},
        "cpu_ms_per_turn": cpu_ms,
        "memory_mb": {"action_server": rss_actions, "rasa_server": rss_rasa, "total": rss_total},
        "targets": TARGETS,
        "checks": checks,
    }
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"results: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    except OSError as e:
        print(f"bench: could not write {args.out}: {e}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
