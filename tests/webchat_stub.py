"""A stub of Rasa's REST channel (/webhooks/rest/webhook) for the web chat tests.

Returns canned text + buttons, records what it received, and can be told to be
slow (``delay``), to fail (``status``) or be stopped and started again on the
same port.
"""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Tuple

GREETING_TEXT = "您好，这是测试回复。\n第二行 <b>不是粗体</b> & <script>window.__xss = 1</script>"
GREETING_BUTTONS = [
    {"title": "资格自查", "payload": "/check_eligibility"},
    {"title": "补贴测算", "payload": "/estimate"},
]
ELIGIBILITY_TEXT = "好的，先看申报资格：\n1. 在郑州市注册\n2. 具备服务外包业务"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def canned_reply(message: str) -> List[Dict[str, Any]]:
    if message == "/restart":
        return []
    if message == "/check_eligibility":
        return [{"text": ELIGIBILITY_TEXT}]
    if message == "游戏美术外包属于哪个领域？":
        return [{"text": "游戏美术外包属于“数字内容服务”领域。"}]
    return [{"text": GREETING_TEXT, "buttons": GREETING_BUTTONS}]


class StubRasa:
    def __init__(self, port: Optional[int] = None, reply: Callable[[str], List[Dict[str, Any]]] = None) -> None:
        self.port = port or free_port()
        self.reply = reply or canned_reply
        self.received: List[Tuple[str, str]] = []
        self.delay = 0.0
        self.status = 200
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                if self.path != "/webhooks/rest/webhook":
                    self.send_error(404)
                    return
                length = int(self.headers.get("Content-Length", "0"))
                data = json.loads(self.rfile.read(length))
                stub.received.append((data["sender"], data["message"]))
                if stub.delay:
                    time.sleep(stub.delay)
                if stub.status != 200:
                    body = b"internal error"
                    self.send_response(stub.status)
                else:
                    reply = [dict(m, recipient_id=data["sender"]) for m in stub.reply(data["message"])]
                    body = json.dumps(reply, ensure_ascii=False).encode("utf-8")
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the web server gave up waiting (timeout test)

        return Handler

    def start(self) -> "StubRasa":
        server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def messages_from(self, sender: str) -> List[str]:
        return [m for s, m in self.received if s == sender]
