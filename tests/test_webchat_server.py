"""bot.webserver: static files and the /api/chat proxy, against a stub Rasa."""

import json
import threading
import urllib.error
import urllib.request

import pytest

from bot import webserver

try:
    from tests import webchat_stub as stub
except ImportError:  # pragma: no cover
    import webchat_stub as stub


@pytest.fixture
def rasa():
    server = stub.StubRasa().start()
    yield server
    server.stop()


@pytest.fixture
def web(rasa):
    server = webserver.make_server("127.0.0.1", 0, rasa.url, rasa_timeout=1.5)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def request(url, data=None, content_type="application/json", method=None):
    headers = {"Content-Type": content_type} if data is not None else {}
    if isinstance(data, (dict, list)):
        data = json.dumps(data, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_serves_static_page(web):
    status, headers, body = request(web + "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "郑州市服务外包政策助手" in page and "/app.js" in page and "重新开始" in page
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"

    status, headers, body = request(web + "/app.js")
    assert status == 200 and "javascript" in headers["Content-Type"]
    assert b"innerHTML" not in body  # bot text must never be parsed as HTML
    status, headers, _ = request(web + "/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert request(web + "/healthz")[0] == 200


@pytest.mark.parametrize("path", ["/nope", "/../webserver.py", "/%2e%2e/webserver.py", "/web/app.js", "/webserver.py"])
def test_unknown_paths_404(web, path):
    assert request(web + path)[0] == 404


def test_chat_is_proxied_to_rasa_rest(web, rasa):
    status, headers, body = request(web + "/api/chat", {"sender": "web-abc", "message": " 你好 "})
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    replies = json.loads(body)
    assert replies[0]["text"] == stub.GREETING_TEXT
    assert replies[0]["buttons"] == stub.GREETING_BUTTONS
    assert rasa.received == [("web-abc", "你好")]


def test_rasa_down_is_502_json(web, rasa):
    rasa.stop()
    status, headers, body = request(web + "/api/chat", {"sender": "web-abc", "message": "你好"})
    assert status == 502
    assert json.loads(body)["error"] == "rasa_unreachable"


def test_rasa_error_and_timeout(web, rasa):
    rasa.status = 500
    status, _, body = request(web + "/api/chat", {"sender": "web-abc", "message": "你好"})
    assert status == 502 and json.loads(body)["error"] == "rasa_error"
    rasa.status = 200
    rasa.delay = 3  # web server waits 1.5 s
    status, _, body = request(web + "/api/chat", {"sender": "web-abc", "message": "你好"})
    assert status == 504 and json.loads(body)["error"] == "rasa_timeout"


@pytest.mark.parametrize(
    "data, content_type, expected",
    [
        (b"{not json", "application/json", 400),
        ({"sender": "web-1"}, "application/json", 400),
        ({"sender": "web-1", "message": "   "}, "application/json", 400),
        ({"sender": "bad sender!", "message": "hi"}, "application/json", 400),
        ({"sender": "web-1", "message": 5}, "application/json", 400),
        ([1, 2], "application/json", 400),
        ({"sender": "web-1", "message": "长" * 2001}, "application/json", 413),
        ({"sender": "web-1", "message": "x" * 20000}, "application/json", 413),
        (b"sender=web-1&message=hi", "application/x-www-form-urlencoded", 415),
        (b'{"sender":"web-1","message":"hi"}', "text/plain", 415),
    ],
)
def test_bad_requests_rejected(web, rasa, data, content_type, expected):
    status, _, body = request(web + "/api/chat", data, content_type=content_type)
    assert status == expected
    assert "error" in json.loads(body)
    assert rasa.received == []


# ------------------------------------------------------------- bad input, slow clients

import socket  # noqa: E402
import time  # noqa: E402


def test_lone_surrogate_is_dropped_with_a_note(web, rasa):
    body = b'{"sender": "web-1", "message": "\\u4f60\\u597d\\ud800"}'  # 你好 + half an emoji
    status, _, raw = request(web + "/api/chat", body)
    assert status == 200
    replies = json.loads(raw)
    assert "无法识别" in replies[0]["text"] and replies[1]["text"] == stub.GREETING_TEXT
    assert rasa.received == [("web-1", "你好")]


def test_only_a_lone_surrogate_is_a_clear_400(web, rasa):
    status, _, raw = request(web + "/api/chat", b'{"sender": "web-1", "message": "\\ud800"}')
    assert status == 400 and "无法识别" in json.loads(raw)["message"]
    assert rasa.received == []


def half_sent(port, n):
    """n connections that send headers and half a body, then nothing."""
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(
            b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"sender": "web-1", '
        )
        socks.append(s)
    return socks


def closed_by_server(s, wait):
    s.settimeout(wait)
    try:
        while s.recv(4096):
            pass
        return True
    except socket.timeout:
        return False
    except OSError:
        return True


@pytest.fixture
def slow_web(rasa):
    server = webserver.make_server("127.0.0.1", 0, rasa.url, rasa_timeout=5, read_timeout=1.0, max_connections=40)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_thirty_half_sent_requests_do_not_stop_the_page_and_are_closed(slow_web, rasa):
    port = slow_web.server_address[1]
    web = f"http://127.0.0.1:{port}"
    socks = half_sent(port, 30)
    started = time.perf_counter()
    assert request(web + "/")[0] == 200
    status, _, raw = request(web + "/api/chat", {"sender": "web-ok", "message": "你好"})
    assert status == 200 and json.loads(raw)[0]["text"] == stub.GREETING_TEXT
    assert time.perf_counter() - started < 1.0
    # the read timeout (1 s here, 10 s by default) closes every one of them
    assert all(closed_by_server(s, 3) for s in socks)
    assert time.perf_counter() - started < 4
    assert len(slow_web.connections) == 0
    for s in socks:
        s.close()


def test_beyond_the_bound_the_oldest_half_sent_request_makes_room(rasa):
    server = webserver.make_server("127.0.0.1", 0, rasa.url, rasa_timeout=5, read_timeout=30, max_connections=5)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        port = server.server_address[1]
        socks = half_sent(port, 5)
        started = time.perf_counter()
        status, _, raw = request(f"http://127.0.0.1:{port}/api/chat", {"sender": "web-ok", "message": "你好"})
        assert status == 200 and time.perf_counter() - started < 1.0
        assert closed_by_server(socks[0], 2)  # the oldest was dropped for it
        assert len(server.connections) <= 5
        for s in socks:
            s.close()
    finally:
        server.shutdown()
        server.server_close()


def test_when_every_connection_waits_for_rasa_a_new_one_gets_503(rasa):
    rasa.delay = 2
    server = webserver.make_server("127.0.0.1", 0, rasa.url, rasa_timeout=5, read_timeout=30, max_connections=2)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        waiting = [
            threading.Thread(target=request, args=(url + "/api/chat", {"sender": f"w{i}", "message": "你好"}))
            for i in range(2)
        ]
        for t in waiting:
            t.start()
        time.sleep(0.5)
        started = time.perf_counter()
        status, _, raw = request(url + "/healthz")
        assert status == 503 and "稍后" in json.loads(raw)["message"]
        assert time.perf_counter() - started < 1.0
        for t in waiting:
            t.join()
        assert request(url + "/healthz")[0] == 200
    finally:
        server.shutdown()
        server.server_close()


def test_readyz_says_503_when_rasa_is_down(web, rasa):
    rasa.stop()
    status, _, raw = request(web + "/readyz")
    assert status == 503 and json.loads(raw)["ready"] is False
