"""Web chat server: serves bot/web/ and proxies /api/chat to Rasa's REST channel.

    python -m bot.webserver --port 8000 --rasa http://localhost:5005

* GET  /            → bot/web/index.html (also /app.js, /style.css)
* POST /api/chat    → {"sender": "...", "message": "..."} is forwarded to
                      {rasa}/webhooks/rest/webhook; Rasa's JSON list is returned.
                      502 JSON when Rasa is unreachable or answers badly,
                      504 JSON when it does not answer in time.
* GET  /healthz     → {"status": "ok"}

Same origin for page and API, so no CORS is involved. Standard library only.
Environment defaults: WEBCHAT_HOST (127.0.0.1), WEBCHAT_PORT (8000),
RASA_URL (http://localhost:5005), WEBCHAT_RASA_TIMEOUT (60 seconds).
"""

import argparse
import json
import logging
import os
import re
import socket
import sys
import urllib.error
import urllib.request
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Optional, Tuple
from urllib.parse import urlsplit

logger = logging.getLogger("bot.webserver")

WEB_DIR = Path(__file__).resolve().parent / "web"
STATIC_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
}
MAX_REQUEST_BYTES = 16 * 1024
MAX_MESSAGE_CHARS = 2000
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


class ChatServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: Tuple[str, int],
        rasa_url: str,
        web_dir: Path = WEB_DIR,
        rasa_timeout: float = 60.0,
    ) -> None:
        super().__init__(address, ChatHandler)
        self.rasa_webhook = rasa_url.rstrip("/") + "/webhooks/rest/webhook"
        self.web_dir = Path(web_dir)
        self.rasa_timeout = rasa_timeout

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
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
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
        path = urlsplit(self.path).path
        if path == "/healthz":
            self._json(200, {"status": "ok"})
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

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        if path != "/api/chat":
            self._error(404, "not_found", "接口不存在")
            return
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            self._error(415, "unsupported_media_type", "请求格式应为 JSON")
            return
        length_header = self.headers.get("Content-Length")
        if length_header is None or not length_header.strip().isdigit():
            self._error(411, "length_required", "缺少请求长度")
            return
        length = int(length_header)
        if length > MAX_REQUEST_BYTES:
            if length <= 1024 * 1024:  # drain a moderately large body so the client reads our answer
                self.rfile.read(length)
            self._error(413, "payload_too_large", "消息太长")
            self.close_connection = True
            return
        try:
            payload = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._error(400, "bad_request", "请求内容无法解析")
            return
        sender = payload.get("sender") if isinstance(payload, dict) else None
        message = payload.get("message") if isinstance(payload, dict) else None
        if not isinstance(sender, str) or not SENDER_RE.match(sender):
            self._error(400, "bad_sender", "会话标识无效")
            return
        if not isinstance(message, str) or not message.strip():
            self._error(400, "empty_message", "请输入内容")
            return
        if len(message) > MAX_MESSAGE_CHARS:
            self._error(413, "message_too_long", f"消息请控制在{MAX_MESSAGE_CHARS}字以内")
            return
        status, result = forward_to_rasa(
            self.server.rasa_webhook, sender, message.strip(), self.server.rasa_timeout
        )
        self._json(status, result)


def forward_to_rasa(webhook: str, sender: str, message: str, timeout: float) -> Tuple[int, Any]:
    """Posts to Rasa's REST channel; returns (status, JSON payload for the page)."""
    data = json.dumps({"sender": sender, "message": message}, ensure_ascii=False).encode("utf-8")
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


def make_server(host: str, port: int, rasa_url: str, rasa_timeout: float = 60.0) -> ChatServer:
    return ChatServer((host, port), rasa_url, rasa_timeout=rasa_timeout)


def main(argv: Optional[list] = None) -> int:
    parser = argparse.ArgumentParser(description="郑州市服务外包政策助手 web chat")
    parser.add_argument("--host", default=os.environ.get("WEBCHAT_HOST", "127.0.0.1"),
                        help="address to listen on (use 0.0.0.0 to expose; default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEBCHAT_PORT", "8000")))
    parser.add_argument("--rasa", default=os.environ.get("RASA_URL", "http://localhost:5005"),
                        help="base URL of the Rasa server (REST channel enabled)")
    parser.add_argument("--timeout", type=float,
                        default=float(os.environ.get("WEBCHAT_RASA_TIMEOUT", "60")),
                        help="seconds to wait for Rasa")
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
