"""Shared fixtures: the running assistant (action server + Rasa server on free ports) for e2e tests."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "policy-assistant.tar.gz"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def web_server(env: dict):
    """`python -m bot.webserver` on a free port with `env` (as cluster.sh starts it), stopped afterwards.
    Yields `call(request)`: request(port), retried until the server accepts connections."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.webserver", "--port", str(port), "--rasa", "http://127.0.0.1:9"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip

    def call(request):
        deadline = time.time() + 30
        while True:
            try:
                return request(port)
            except ConnectionRefusedError:
                assert time.time() < deadline, "web server did not start"
                time.sleep(0.2)

    try:
        yield call
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server (tests/pg_server.py); skipped, with the reason, when it cannot run."""
    from pg_server import PostgresServer

    server, why = PostgresServer.start(free_port())
    if server is None:
        pytest.skip(why)
    yield server
    server.stop()


BOTH_STORES = pytest.mark.parametrize("store_backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def store_backend(request, monkeypatch):
    """Where the console and the reports keep their data: SQLite files (the default) or, in tests
    marked ``BOTH_STORES``, also a fresh PostgreSQL database (CONSOLE_/REPORTS_DATABASE_URL)."""
    from bot.console import store

    backend = getattr(request, "param", "sqlite")
    monkeypatch.delenv("CONSOLE_DATABASE_URL", raising=False)
    monkeypatch.delenv("REPORTS_DATABASE_URL", raising=False)
    if backend == "postgresql":
        url = request.getfixturevalue("postgres").new_database()
        monkeypatch.setenv("CONSOLE_DATABASE_URL", url)
        monkeypatch.setenv("REPORTS_DATABASE_URL", url)
    yield backend
    store.close()


def _wait(url: str, proc, seconds: float, body: bytes = None) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early ({proc.returncode}) while waiting for {url}")
        try:
            req = urllib.request.Request(url, body, {"Content-Type": "application/json"} if body else {})
            with urllib.request.urlopen(req, timeout=5) as r:
                if r.status == 200:
                    return
        except Exception:
            time.sleep(0.5)
    raise RuntimeError(f"timed out waiting for {url}")


class Assistant:
    """A running assistant: send messages over the REST channel."""

    def __init__(self, rasa_url: str, action_url: str, workdir: Path, start_actions=None):
        self.rasa_url = rasa_url
        self.action_url = action_url
        self.workdir = workdir
        self.webhook = f"{rasa_url}/webhooks/rest/webhook"
        self._start_actions = start_actions
        self.actions = None

    def stop_actions(self) -> None:
        """Kill the action server (tests of what users get while it is down)."""
        self.actions.kill()
        self.actions.wait(timeout=20)

    def start_actions(self) -> None:
        """Start the action server again on the same port and wait until it answers."""
        self.actions = self._start_actions()
        _wait(f"{self.action_url}/health", self.actions, 120)

    def send(self, sender: str, text: str, timeout: float = 30) -> list:
        body = json.dumps({"sender": sender, "message": text}).encode()
        req = urllib.request.Request(self.webhook, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return json.loads(r.read().decode() or "[]")

    def say(self, sender: str, text: str) -> str:
        """The bot's reply texts (and button titles) joined by new lines."""
        parts = []
        for m in self.send(sender, text):
            if m.get("text"):
                parts.append(m["text"])
            for b in m.get("buttons") or []:
                parts.append(b.get("title", ""))
        return "\n".join(parts)

    @staticmethod
    def new_sender(prefix: str = "t") -> str:
        return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    """Start the action server and the Rasa server on free ports; stop them afterwards."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` first (make test does)")
    work = tmp_path_factory.mktemp("assistant")
    action_port, rasa_port = free_port(), free_port()
    (work / "endpoints.yml").write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n  enable_selective_domain: true\n"
        f"tracker_store:\n  type: bot.tracker_store.SQLiteTrackerStore\n  db: {work / 'tracker.db'}\n"
        "lock_store:\n  type: bot.lock_store.AsyncioLockStore\n",
        encoding="utf-8",
    )
    env = dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="3",
        REPORTS_DB=str(work / "reports.db"),
        CONSOLE_DB=str(work / "console.db"),
        PYTHONWARNINGS="ignore",
    )
    for key in [k for k in env if k.startswith("WECHAT_")]:
        env.pop(key)
    rasa = str(ROOT / ".venv" / "bin" / "rasa")
    logs = [open(work / "actions.log", "w"), open(work / "rasa.log", "w")]

    def start_actions():
        return subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "python"),
                "-m",
                "bot.action_server",
                "--actions",
                "actions",
                "--port",
                str(action_port),
            ],
            cwd=ROOT,
            env=env,
            stdout=logs[0],
            stderr=subprocess.STDOUT,
        )

    started = Assistant(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", work, start_actions)
    started.actions = actions = start_actions()
    server = subprocess.Popen(
        [
            rasa,
            "run",
            "--model",
            str(MODEL),
            "-i",
            "127.0.0.1",
            "--port",
            str(rasa_port),
            "--endpoints",
            str(work / "endpoints.yml"),
            "--credentials",
            str(ROOT / "credentials.yml"),
        ],
        cwd=ROOT,
        env=env,
        stdout=logs[1],
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(f"http://127.0.0.1:{action_port}/health", actions, 120)
        _wait(f"http://127.0.0.1:{rasa_port}/webhooks/rest/ready", server, 300)  # warm (bot/reliability.py)
        yield started
    except Exception:
        for log in logs:
            log.flush()
        sys.stderr.write((work / "rasa.log").read_text()[-3000:] + (work / "actions.log").read_text()[-3000:])
        raise
    finally:
        for proc in (server, started.actions):
            proc.terminate()
        for proc in (server, started.actions):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in logs:
            log.close()
