"""Web chat server: serves bot/web/ and proxies /api/chat to Rasa's REST channel.

    python -m bot.webserver --port 8000 --rasa http://localhost:5005

* GET  /            → bot/web/index.html (also /app.js, /style.css)
* POST /api/chat    → {"sender": "...", "message": "..."} is forwarded to
                      {rasa}/webhooks/rest/webhook; Rasa's JSON list is returned.
                      502 JSON when Rasa is unreachable or answers badly,
                      504 JSON when it does not answer in time.
* POST /api/feedback → {"sender", "rating": "up"|"down", "question", "answer"}: 👍/👎 under an
                      answer (bot/console/queue.py; 👎 queues the question for review).
* /console/…        → the bureau's console (bot/console/views.py): staff sign-in, reports,
                      the review queue, usage. /report/<token> → an enterprise's print page.
* GET  /healthz     → {"status": "ok"}
* GET  /readyz      → Rasa's readiness (/webhooks/rest/ready): 200 when the assistant is
                      warm and its action server answers, 503 otherwise.

Same origin for page and API, so no CORS is involved. Standard library (and bot/guard.py).
Environment defaults: WEB_HOST or WEBCHAT_HOST (127.0.0.1), WEB_PORT or WEBCHAT_PORT (8000),
RASA_URL (http://localhost:5005), WEBCHAT_RASA_TIMEOUT (60 seconds),
WEB_READ_TIMEOUT (10 seconds), WEB_MAX_CONNECTIONS (100).

Slow or half-sent requests: a request's line, headers and body must arrive within
WEB_READ_TIMEOUT seconds of the connection, or the connection is closed (a reaper thread
shuts it down; each read also times out). At most WEB_MAX_CONNECTIONS connections are served
at once; a new connection beyond that closes the oldest one still sending its request, or,
when every connection is waiting for Rasa, gets 503 at once. So 30 (or 300) half-sent
requests hold no more than the cap and never stop the page from answering.
Bad input gets a Chinese message as JSON (bot/guard.py); lone surrogates are dropped with a
note before the answer, and any unexpected error is a 500 JSON answer, never a dropped
connection.
"""

import argparse
import json
import logging
import os
import re
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Optional, Tuple
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs, urlsplit

from bot import guard

logger = logging.getLogger("bot.webserver")

WEB_DIR = Path(__file__).resolve().parent / "web"
STATIC_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
}
MAX_REQUEST_BYTES = 16 * 1024
MAX_MESSAGE_CHARS = guard.MAX_MESSAGE_CHARS
READ_TIMEOUT = float(os.environ.get("WEB_READ_TIMEOUT", "10") or 10)
MAX_CONNECTIONS = int(os.environ.get("WEB_MAX_CONNECTIONS", "100") or 100)
MAX_RASA_RESPONSE_BYTES = 2 * 1024 * 1024
SENDER_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


BUSY_RESPONSE = (
    "HTTP/1.0 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
    "Retry-After: 1\r\nConnection: close\r\nContent-Length: {length}\r\n\r\n{body}"
)


class ChatServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(
        self,
        address: Tuple[str, int],
        rasa_url: str,
        web_dir: Path = WEB_DIR,
        rasa_timeout: float = 60.0,
        read_timeout: float = READ_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        super().__init__(address, ChatHandler)
        self.rasa_url = rasa_url.rstrip("/")
        self.rasa_webhook = self.rasa_url + "/webhooks/rest/webhook"
        self.web_dir = Path(web_dir)
        self.rasa_timeout = rasa_timeout
        self.read_timeout = read_timeout
        self.max_connections = max_connections
        # connection → deadline for its request to have arrived (None once it has)
        self.connections: Dict[socket.socket, Optional[float]] = {}
        self.connections_lock = threading.RLock()
        self._reaper = threading.Thread(target=self._reap, name="webchat-reaper", daemon=True)
        self._reaper_stop = threading.Event()
        self._reaper.start()

    # ----------------------------------------------------- connection bound and deadlines

    def process_request(self, request: socket.socket, client_address: Any) -> None:
        with self.connections_lock:
            if len(self.connections) >= self.max_connections:
                reading = [(deadline, conn) for conn, deadline in self.connections.items() if deadline is not None]
                if not reading:
                    self._refuse(request)
                    return
                _, oldest = min(reading, key=lambda item: item[0])
                self._drop(oldest)
            self.connections[request] = time.monotonic() + self.read_timeout
        super().process_request(request, client_address)

    def _refuse(self, request: socket.socket) -> None:
        body = json.dumps({"error": "busy", "message": "访问人数较多，请稍后重试"}, ensure_ascii=False)
        data = BUSY_RESPONSE.format(length=len(body.encode("utf-8")), body=body).encode("utf-8")
        try:
            request.settimeout(0.5)
            request.sendall(data)
        except OSError:
            pass
        self.shutdown_request(request)

    def _drop(self, conn: socket.socket) -> None:
        """Ends a connection whose request did not arrive in time (its thread then finishes)."""
        self.connections.pop(conn, None)
        try:
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def request_arrived(self, conn: socket.socket) -> None:
        with self.connections_lock:
            if conn in self.connections:
                self.connections[conn] = None

    def shutdown_request(self, request: socket.socket) -> None:
        with self.connections_lock:
            self.connections.pop(request, None)
        super().shutdown_request(request)

    def _reap(self) -> None:
        while not self._reaper_stop.wait(min(0.25, self.read_timeout / 4)):
            now = time.monotonic()
            with self.connections_lock:
                for conn, deadline in list(self.connections.items()):
                    if deadline is not None and deadline < now:
                        self._drop(conn)

    def server_close(self) -> None:
        self._reaper_stop.set()
        super().server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that goes away mid-request is normal; no tracebacks on stderr.
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, socket.timeout)):
            return
        logger.error("web chat request failed: %s", type(exc).__name__)


class ChatHandler(BaseHTTPRequestHandler):
    server: ChatServer
    server_version = "PolicyChat/1.0"
    sys_version = ""

    def setup(self) -> None:
        self.timeout = self.server.read_timeout  # each read; the reaper bounds the whole request
        super().setup()

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (socket.timeout, ConnectionError, OSError):
            self.close_connection = True

    def _safely(self, route) -> None:
        """Runs a route; an unexpected error is a 500 JSON answer, not a dropped connection."""
        try:
            route()
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001
            logger.error("web chat request failed: %s", type(exc).__name__)
            self.close_connection = True
            try:
                self._error(500, "internal_error", "服务器内部错误，请稍后重试")
            except Exception:  # noqa: BLE001 - the answer had already started
                pass

    # ------------------------------------------------------------ helpers

    def _send(self, status: int, body: bytes, content_type: str, extra: Optional[Dict[str, str]] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload: Any) -> None:
        try:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate from anywhere: \u escapes can carry it
            body = json.dumps(payload).encode("ascii")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: int, code: str, message: str) -> None:
        self._json(status, {"error": code, "message": message})

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        # Request lines only (no bodies, so no user text in the logs).
        logger.info("%s %s", self.address_string(), format % args)

    # ------------------------------------------------------------- routes

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        self.server.request_arrived(self.connection)
        self._safely(self._get)

    def do_POST(self) -> None:
        self._safely(self._post)

    def _console(self, path: str, query: str, form: Optional[dict] = None) -> None:
        """Answer a console URL through bot/console/views.py."""
        from bot.console import views

        cookies: Dict[str, str] = {}
        try:
            jar = SimpleCookie(self.headers.get("Cookie", ""))
            cookies = {name: morsel.value for name, morsel in jar.items()}
        except CookieError:
            pass
        request = views.Request(
            method="POST" if form is not None else "GET",
            path=path,
            query={k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()},
            form=form or {},
            cookies=cookies,
            address=str(self.client_address[0]),
        )
        response = views.handle(request)
        self._send(response.status, response.body, response.content_type, response.headers)

    def _read_json(self, too_long: str = "请求内容太长") -> tuple:
        """(True, the JSON body) or (False, None) after answering an error."""
        raw = self._read_body(too_long)
        if raw is None:
            return False, None
        try:
            return True, json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._error(400, "bad_request", "请求内容无法解析")
            return False, None

    def _read_body(self, too_long: str = "请求内容太长") -> Optional[bytes]:
        """The request body (at most MAX_REQUEST_BYTES), or None after answering an error."""
        length_header = self.headers.get("Content-Length")
        if length_header is None or not length_header.strip().isdigit():
            self._error(411, "length_required", "缺少请求长度")
            return None
        length = int(length_header)
        if length > MAX_REQUEST_BYTES:
            if length <= 1024 * 1024:  # drain a moderately large body so the client reads our answer
                self.rfile.read(length)
            self._error(413, "payload_too_large", too_long)
            self.close_connection = True
            return None
        raw = self.rfile.read(length)
        self.server.request_arrived(self.connection)
        if len(raw) < length:
            self._error(400, "incomplete_body", "请求内容不完整")
            self.close_connection = True
            return None
        return raw

    def _get(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        from bot.console import views

        if views.handles(path):
            self._console(path, parts.query)
            return
        if path == "/healthz":
            self._json(200, {"status": "ok"})
            return
        if path == "/readyz":
            status, state = rasa_readiness(self.server.rasa_url)
            self._json(status, state)
            return
        entry = STATIC_FILES.get(path)
        if entry is None:
            self._error(404, "not_found", "页面不存在")
            return
        name, content_type = entry
        try:
            body = (self.server.web_dir / name).read_bytes()
        except OSError:
            self._error(404, "not_found", "页面不存在")
            return
        self._send(200, body, content_type)

    def _post(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        from bot.console import views

        if views.handles(path):
            raw = self._read_body()
            if raw is None:
                return
            fields = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
            self._console(path, parts.query, {k: v[0] for k, v in fields.items()})
            return
        if path == "/api/feedback":
            self._feedback()
            return
        if path != "/api/chat":
            self._error(404, "not_found", "接口不存在")
            return
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self._error(415, "unsupported_media_type", "请求格式应为 JSON")
            return
        ok, payload = self._read_json("消息太长")
        if not ok:
            return
        sender = payload.get("sender") if isinstance(payload, dict) else None
        message = payload.get("message") if isinstance(payload, dict) else None
        if not isinstance(sender, str) or not SENDER_RE.match(sender):
            self._error(400, "bad_sender", "会话标识无效")
            return
        if not isinstance(message, str):
            self._error(400, "empty_message", guard.not_text_text(message))
            return
        message, dropped = guard.clean_text(message)
        if not message.strip():
            self._error(400, "empty_message", guard.UNREADABLE_ONLY_TEXT if dropped else "请输入内容")
            return
        if len(message) > MAX_MESSAGE_CHARS:
            self._error(413, "message_too_long", f"消息请控制在{MAX_MESSAGE_CHARS}字以内")
            return
        status, result = forward_to_rasa(self.server.rasa_webhook, sender, message.strip(), self.server.rasa_timeout)
        if dropped and status == 200:
            result = [{"recipient_id": sender, "text": guard.UNREADABLE_NOTE}] + result
        self._json(status, result)

    def _feedback(self) -> None:
        """👍/👎 under an answer in the web chat."""
        ok, payload = self._read_json()
        if not ok:
            return
        if not isinstance(payload, dict):
            self._error(400, "bad_request", "请求内容无法解析")
            return
        sender, rating = payload.get("sender"), payload.get("rating")
        question, answer = payload.get("question"), payload.get("answer")
        if not isinstance(sender, str) or not SENDER_RE.match(sender):
            self._error(400, "bad_sender", "会话标识无效")
            return
        if rating not in ("up", "down") or not isinstance(question, str) or not isinstance(answer, str):
            self._error(400, "bad_request", "评价内容无效")
            return
        from bot.console import queue

        question, _ = guard.clean_text(question[:MAX_MESSAGE_CHARS])
        answer, _ = guard.clean_text(answer[:MAX_MESSAGE_CHARS])
        queue.record_feedback(sender, rating, question, answer)
        self._json(200, {"status": "ok"})


def forward_to_rasa(webhook: str, sender: str, message: str, timeout: float) -> Tuple[int, Any]:
    """Posts to Rasa's REST channel; returns (status, JSON payload for the page)."""
    data = json.dumps({"sender": sender, "message": message, "input_channel": "web"}).encode("ascii")
    request = urllib.request.Request(
        webhook,
        data=data,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    unreachable = {"error": "rasa_unreachable", "message": "无法连接到对话服务，请稍后重试"}
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            raw = resp.read(MAX_RASA_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        logger.warning("Rasa answered HTTP %s", exc.code)
        return 502, {"error": "rasa_error", "message": "对话服务暂时不可用，请稍后重试"}
    except (socket.timeout, TimeoutError):
        logger.warning("Rasa did not answer within %.0f s", timeout)
        return 504, {"error": "rasa_timeout", "message": "对话服务响应超时，请稍后重试"}
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            logger.warning("Rasa did not answer within %.0f s", timeout)
            return 504, {"error": "rasa_timeout", "message": "对话服务响应超时，请稍后重试"}
        logger.warning("Rasa unreachable: %s", type(exc.reason).__name__)
        return 502, unreachable
    except (ConnectionError, OSError) as exc:
        logger.warning("Rasa unreachable: %s", type(exc).__name__)
        return 502, unreachable
    if len(raw) > MAX_RASA_RESPONSE_BYTES:
        return 502, {"error": "rasa_bad_response", "message": "对话服务返回内容异常"}
    try:
        messages = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return 502, {"error": "rasa_bad_response", "message": "对话服务返回内容异常"}
    if not isinstance(messages, list):
        return 502, {"error": "rasa_bad_response", "message": "对话服务返回内容异常"}
    return 200, [m for m in messages if isinstance(m, dict)]


def rasa_readiness(rasa_url: str, timeout: float = 3.0) -> Tuple[int, Any]:
    """(status, JSON) of Rasa's /webhooks/rest/ready, or 503 when Rasa does not answer."""
    try:
        with urllib.request.urlopen(rasa_url + "/webhooks/rest/ready", timeout=timeout) as resp:
            return resp.status, json.loads(resp.read(65536).decode("utf-8"))
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read(65536).decode("utf-8"))
        except ValueError:
            return 503, {"ready": False, "status": "rasa_error"}
    except (OSError, ValueError):
        return 503, {"ready": False, "status": "rasa_unreachable"}


def make_server(
    host: str,
    port: int,
    rasa_url: str,
    rasa_timeout: float = 60.0,
    read_timeout: float = READ_TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
) -> ChatServer:
    return ChatServer(
        (host, port), rasa_url, rasa_timeout=rasa_timeout, read_timeout=read_timeout, max_connections=max_connections
    )


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description="郑州市服务外包政策助手 web chat")
    parser.add_argument(
        "--host",
        default=os.environ.get("WEB_HOST") or os.environ.get("WEBCHAT_HOST", "127.0.0.1"),
        help="address to listen on (use 0.0.0.0 to expose; default 127.0.0.1)",
    )
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("WEB_PORT") or os.environ.get("WEBCHAT_PORT", "8000"))
    )
    parser.add_argument(
        "--rasa",
        default=os.environ.get("RASA_URL", "http://localhost:5005"),
        help="base URL of the Rasa server (REST channel enabled)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=float(os.environ.get("WEBCHAT_RASA_TIMEOUT", "60")),
        help="seconds to wait for Rasa",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = make_server(args.host, args.port, args.rasa, args.timeout)
    host, port = server.server_address[:2]
    print(f"Web chat on http://{host}:{port}/ (Rasa: {args.rasa})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
