"""A throwaway PostgreSQL for tests: initdb + pg_ctl in a temporary directory, on a free port.

``PostgresServer.start()`` returns None with the reason when the binaries are missing
(``PG_BIN``, default /usr/lib/postgresql/15/bin, as bot/scripts/cluster.sh; `make test` installs
them with ``cluster.sh install``). As root the server runs as the ``postgres`` user, as in
cluster.sh. ``new_database()`` gives each test a database of its own.
"""

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Optional, Tuple

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _as_pg(args: list) -> list:
    return ["runuser", "-u", "postgres", "--", *args] if os.getuid() == 0 else args


class PostgresServer:
    def __init__(self, directory: Path, port: int) -> None:
        self.dir = directory
        self.port = port
        self.admin_url = f"postgresql://rasa@127.0.0.1:{port}/postgres"

    @classmethod
    def start(cls, port: int) -> Tuple[Optional["PostgresServer"], str]:
        """(the running server, "") or (None, why it cannot run)."""
        missing = [p for p in ("initdb", "pg_ctl") if not (PG_BIN / p).is_file()]
        if missing:
            return (
                None,
                f"PostgreSQL binaries missing: {', '.join(str(PG_BIN / p) for p in missing)} (bash bot/scripts/cluster.sh install)",
            )
        if os.getuid() == 0 and shutil.which("runuser") is None:
            return None, "running as root without runuser: PostgreSQL refuses to run as root"
        directory = Path(tempfile.mkdtemp(prefix="console-pg-"))
        if os.getuid() == 0:
            shutil.chown(directory, "postgres", "postgres")
        server = cls(directory, port)
        data, log = directory / "data", directory / "postgres.log"
        init = subprocess.run(
            _as_pg([str(PG_BIN / "initdb"), "-D", str(data), "-U", "rasa", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync"]),
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if init.returncode != 0:
            shutil.rmtree(directory, ignore_errors=True)
            return None, f"initdb failed: {init.stderr.strip()[-300:]}"
        options = f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"
        started = subprocess.run(
            _as_pg([str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-t", "60", "-l", str(log), "-o", options, "start"]),
            capture_output=True, text=True, timeout=90,
        )  # fmt: skip
        if started.returncode != 0:
            text = log.read_text(errors="replace")[-300:] if log.exists() else started.stderr
            shutil.rmtree(directory, ignore_errors=True)
            return None, f"PostgreSQL did not start: {text.strip()}"
        return server, ""

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        import psycopg2

        name = "t_" + uuid.uuid4().hex[:16]
        conn = psycopg2.connect(self.admin_url, connect_timeout=5)
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(f"CREATE DATABASE {name}")
        finally:
            conn.close()
        return f"postgresql://rasa@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(
            _as_pg([str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop"]),
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)


def rows(url: str, sql: str) -> list:
    """The rows of one query on the database at `url`."""
    import psycopg2

    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()
    finally:
        conn.close()
