"""The console's security over HTTP: every URL refused without a session, CSRF, cookie flags, the
sign-in rate limit, and reports reachable only by staff or by their own print token.

`python -m bot.webserver` runs as a subprocess on a free port with its own console and report stores.
"""

import http.client
import os
import re
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from bot.console import auth

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct-horse-9"
REF_RE = r"YS-\d{8}-\d{4}"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The web server with a staff account and two enterprises' reports (one print token each)."""
    work = tmp_path_factory.mktemp("console")
    env = dict(os.environ, CONSOLE_DB=str(work / "console.db"), REPORTS_DB=str(work / "reports.db"))
    env.pop("CONSOLE_SECRET", None)
    setup = (
        "from bot.console import auth, store\n"
        "from bot.reports.store import save_report, create_print_token\n"
        "from tests.test_reports_store import VERDICT, calculator_result\n"
        f"store.set_user('alice', auth.hash_password({PASSWORD!r}))\n"
        "for who in ('enterprise-a', 'enterprise-b'):\n"
        "    ref = save_report(who, 'enterprise', {}, calculator_result(), VERDICT)\n"
        "    print(ref, create_print_token(ref))\n"
    )
    out = subprocess.run([sys.executable, "-c", setup], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    links = [line.split() for line in out.stdout.split("\n") if line.strip()]
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.webserver", "--port", str(port), "--rasa", "http://127.0.0.1:9"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 20
    while True:
        try:
            if request(port, "GET", "/healthz")[0] == 200:
                break
        except OSError:
            if time.time() > deadline:
                proc.kill()
                raise
            time.sleep(0.1)
    yield {"port": port, "links": links, "db": work / "console.db"}
    proc.terminate()
    proc.wait(timeout=10)


def request(port, method, path, form=None, cookie=None):
    """(status, headers as a dict of lists, body text); redirects are not followed."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if cookie:
        headers["Cookie"] = cookie
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read().decode("utf-8", "replace")
    out = {}
    for name, value in resp.getheaders():
        out.setdefault(name.lower(), []).append(value)
    conn.close()
    return resp.status, out, data


def login_form(port):
    """(login cookie, csrf) from the sign-in page."""
    status, headers, body = request(port, "GET", "/console/login")
    assert 200 == status
    cookie = headers["set-cookie"][0].split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', body).group(1)
    return cookie, csrf


def sign_in(port, user="alice", password=PASSWORD):
    cookie, csrf = login_form(port)
    status, headers, _ = request(
        port, "POST", "/console/login", {"csrf": csrf, "username": user, "password": password}, cookie
    )
    return status, headers


def session_cookie(port) -> str:
    status, headers = sign_in(port)
    assert 303 == status
    return headers["set-cookie"][0].split(";")[0]


def console_urls(ref):
    return [
        "/console",
        "/console/",
        "/console/reports",
        "/console/reports?verdict=%E7%AC%A6%E5%90%88",
        "/console/reports.csv",
        "/console/reports.xlsx",
        f"/console/reports/{ref}",
        f"/console/reports/{ref}/print",
        "/console/questions",
        "/console/questions?status=all",
        "/console/questions/nlu.yml",
        "/console/usage",
        "/console/no-such-page",
    ]


class TestWithoutSession:
    @pytest.mark.parametrize("cookie", [None, "console_session=forged.signature", "console_session="])
    def test_every_console_url_refused(self, server, cookie):
        """Every page and export sends a visitor without a valid session to the sign-in page, with no data."""
        ref = server["links"][0][0]
        for path in console_urls(ref):
            status, headers, body = request(server["port"], "GET", path, cookie=cookie)
            assert 303 == status, path
            assert headers["location"][0].startswith("/console/login"), path
            assert "" == body and ref not in body
        for path in ("/console/questions/1", "/console/logout", "/console/reports"):
            status, _, body = request(server["port"], "POST", path, {"action": "fine"}, cookie)
            assert 403 == status, path
            assert "登录" in body

    def test_print_link_needs_its_token(self, server):
        """/report/<token> opens that report only; a wrong token, the reference number or nothing: 404."""
        (ref_a, token_a), (ref_b, token_b) = server["links"]
        status, _, body = request(server["port"], "GET", f"/report/{token_a}")
        assert 200 == status and ref_a in body and ref_b not in body
        status, _, body = request(server["port"], "GET", f"/report/{token_b}")
        assert 200 == status and ref_b in body and ref_a not in body
        altered = token_a[:-1] + ("A" if token_a[-1] != "A" else "B")
        for path in (f"/report/{altered}", f"/report/{ref_a}", "/report/", "/report/..%2Fconsole"):
            status, _, body = request(server["port"], "GET", path)
            assert 404 == status, path
            assert not re.search(REF_RE, body)


class TestSignIn:
    def test_session_cookie_flags(self, server):
        status, headers = sign_in(server["port"])
        assert 303 == status
        (cookie,) = headers["set-cookie"]
        assert cookie.startswith(auth.COOKIE_NAME + "=")
        flags = [f.strip() for f in cookie.split(";")[1:]]
        assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= set(flags)

    def test_login_without_csrf_refused(self, server):
        cookie, _ = login_form(server["port"])
        form = {"username": "alice", "password": PASSWORD}
        status, headers, _ = request(server["port"], "POST", "/console/login", form, cookie)
        assert 403 == status and "set-cookie" not in headers
        status, headers, _ = request(server["port"], "POST", "/console/login", dict(form, csrf="x"), cookie)
        assert 403 == status and "set-cookie" not in headers

    def test_rate_limit(self, server):
        """Five wrong passwords for an account, then even the right one is refused (429)."""
        port = server["port"]
        setup = "from bot.console import auth, store\nstore.set_user('carol', auth.hash_password('carol-secret-1'))\n"
        env = dict(os.environ, CONSOLE_DB=str(server["db"]))
        subprocess.run([sys.executable, "-c", setup], cwd=ROOT, env=env, check=True)
        for _ in range(auth.MAX_FAILURES_PER_USER):
            assert 401 == sign_in(port, "carol", "wrong-password")[0]
        status, headers = sign_in(port, "carol", "carol-secret-1")
        assert 429 == status
        assert not any(c.startswith(auth.COOKIE_NAME) for c in headers.get("set-cookie", []))


class TestCsrf:
    def test_post_without_csrf_refused_and_changes_nothing(self, server):
        port = server["port"]
        cookie = session_cookie(port)
        status, _, body = request(port, "POST", "/console/logout", {}, cookie)
        assert 403 == status and "令牌" in body
        assert 200 == request(port, "GET", "/console/reports", cookie=cookie)[0]  # still signed in
        status, _, _ = request(port, "POST", "/console/questions/1", {"action": "fine", "csrf": "wrong"}, cookie)
        assert 403 == status

    def test_csrf_of_another_session_refused(self, server):
        port = server["port"]
        first, second = session_cookie(port), session_cookie(port)
        _, _, page = request(port, "GET", "/console/reports", cookie=first)
        csrf_first = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        assert 403 == request(port, "POST", "/console/logout", {"csrf": csrf_first}, second)[0]
        assert 303 == request(port, "POST", "/console/logout", {"csrf": csrf_first}, first)[0]

    def test_sign_out_ends_the_session(self, server):
        port = server["port"]
        cookie = session_cookie(port)
        _, _, page = request(port, "GET", "/console/reports", cookie=cookie)
        assert re.search(REF_RE, page)
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, headers, _ = request(port, "POST", "/console/logout", {"csrf": csrf}, cookie)
        assert 303 == status and "Max-Age=0" in headers["set-cookie"][0]
        status, _, body = request(port, "GET", "/console/reports", cookie=cookie)  # the old cookie, replayed
        assert 303 == status and not re.search(REF_RE, body)

    def test_console_pages_carry_the_security_headers(self, server):
        cookie = session_cookie(server["port"])
        _, headers, _ = request(server["port"], "GET", "/console/usage", cookie=cookie)
        assert "script-src 'self'" in headers["content-security-policy"][0]
        assert ["DENY"] == headers["x-frame-options"] and ["no-store"] == headers["cache-control"]
