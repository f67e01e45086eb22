"""Console accounts: scrypt hashes, signed session cookies, CSRF tokens, the sign-in rate limit."""

import pytest

from bot.console import auth, cli, store
from conftest import BOTH_STORES


@pytest.fixture(autouse=True)
def console_db(tmp_path, monkeypatch, store_backend):
    """A fresh console store: a temporary file, or a PostgreSQL database (BOTH_STORES)."""
    monkeypatch.setenv("CONSOLE_DB", str(tmp_path / "console.db"))
    monkeypatch.delenv("CONSOLE_SECRET", raising=False)
    return tmp_path / "console.db"


class TestPasswords:
    def test_hash_is_scrypt_with_salt(self):
        """Two hashes of one password differ (salt) and both verify."""
        first, second = auth.hash_password("correct horse"), auth.hash_password("correct horse")
        assert first.startswith("scrypt$16384$8$1$")
        assert first != second
        assert auth.verify_password("correct horse", first)
        assert auth.verify_password("correct horse", second)

    def test_wrong_or_malformed(self):
        """A wrong password, a missing hash and a malformed one do not verify."""
        stored = auth.hash_password("correct horse")
        assert not auth.verify_password("correct hors", stored)
        assert not auth.verify_password("correct horse", None)
        assert not auth.verify_password("correct horse", "md5$abc")
        assert "correct horse" not in stored


class TestCookies:
    def test_signed_cookie_round_trip_and_tamper(self):
        """A signed session id reads back; a changed id or signature does not."""
        value = auth.cookie_value("abc123")
        assert "abc123" == auth.session_from_cookie(value)
        assert auth.session_from_cookie("abd123." + value.split(".")[1]) is None
        assert auth.session_from_cookie(value[:-2] + "xx") is None
        assert auth.session_from_cookie("abc123") is None

    def test_cookie_flags(self, monkeypatch):
        """HttpOnly and SameSite=Strict always; Secure when CONSOLE_COOKIE_SECURE=1."""
        header = auth.set_cookie_header("sid")
        assert "HttpOnly" in header and "SameSite=Strict" in header and "Secure" not in header
        monkeypatch.setenv("CONSOLE_COOKIE_SECURE", "1")
        assert "; Secure" in auth.set_cookie_header("sid")

    def test_csrf_token_is_bound_to_the_session(self):
        token = auth.csrf_token("session-a")
        assert auth.csrf_ok("session-a", token)
        assert not auth.csrf_ok("session-b", token)
        assert not auth.csrf_ok("session-a", None)
        assert not auth.csrf_ok("session-a", "")


@BOTH_STORES
class TestSignIn:
    def test_right_password_gives_a_session_that_sign_out_ends(self):
        store.set_user("alice", auth.hash_password("secret123"))
        session_id, why = auth.sign_in("alice", "secret123", "127.0.0.1")
        assert "" == why
        assert "alice" == store.session_user(session_id)
        store.end_session(session_id)
        assert store.session_user(session_id) is None

    def test_wrong_password_and_unknown_user(self):
        store.set_user("alice", auth.hash_password("secret123"))
        assert (None, auth.WRONG) == auth.sign_in("alice", "secret124", "127.0.0.1")
        assert (None, auth.WRONG) == auth.sign_in("bob", "secret123", "127.0.0.1")

    def test_rate_limit_refuses_even_the_right_password(self):
        """After five wrong passwords in the window the right one is refused too, until the window passes."""
        store.set_user("alice", auth.hash_password("secret123"))
        now = 1_000_000.0
        for i in range(auth.MAX_FAILURES_PER_USER):
            assert auth.WRONG == auth.sign_in("alice", f"wrong{i}", "10.0.0.1", now=now + i)[1]
        assert (None, auth.TOO_MANY) == auth.sign_in("alice", "secret123", "10.0.0.2", now=now + 10)
        later = now + auth.FAILURE_WINDOW_S + 10
        session_id, why = auth.sign_in("alice", "secret123", "10.0.0.2", now=later)
        assert "" == why and session_id

    def test_resetting_the_password_ends_sessions(self):
        store.set_user("alice", auth.hash_password("secret123"))
        session_id, _ = auth.sign_in("alice", "secret123", "127.0.0.1")
        store.set_user("alice", auth.hash_password("another-secret"))
        assert store.session_user(session_id) is None


@BOTH_STORES
class TestConsoleUserCommand:
    def test_password_from_environment(self, monkeypatch, capsys):
        monkeypatch.setenv("CONSOLE_PASSWORD", "secret123")
        assert 0 == cli.main(["user", "alice"])
        assert "created alice" in capsys.readouterr().out
        assert auth.verify_password("secret123", store.password_hash_of("alice"))
        monkeypatch.setenv("CONSOLE_PASSWORD", "secret456")
        assert 0 == cli.main(["user", "alice"])
        assert "reset the password of alice" in capsys.readouterr().out
        assert auth.verify_password("secret456", store.password_hash_of("alice"))

    def test_password_asked_when_unset(self, monkeypatch):
        monkeypatch.delenv("CONSOLE_PASSWORD", raising=False)
        monkeypatch.setattr("getpass.getpass", lambda prompt="": "typed-secret")
        assert 0 == cli.main(["user", "bob"])
        assert auth.verify_password("typed-secret", store.password_hash_of("bob"))

    def test_short_password_and_bad_name_refused(self, monkeypatch):
        monkeypatch.setenv("CONSOLE_PASSWORD", "short")
        assert 2 == cli.main(["user", "alice"])
        monkeypatch.setenv("CONSOLE_PASSWORD", "long-enough")
        assert 2 == cli.main(["user", "a b"])
        assert store.password_hash_of("alice") is None
