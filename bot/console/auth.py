"""Staff sign-in: scrypt password hashes, signed session cookies, CSRF tokens, a sign-in rate limit.

* Passwords: ``hashlib.scrypt`` (n=2**14, r=8, p=1, 16-byte random salt), stored as
  ``scrypt$n$r$p$salt$hash`` (base64), compared in constant time.
* Sessions: a random id kept in ``store.sessions`` (so signing out ends it), sent as
  ``console_session=<id>.<HMAC-SHA256>``; HttpOnly, SameSite=Strict, Path=/; ``Secure`` too when
  ``CONSOLE_COOKIE_SECURE=1`` (set it behind HTTPS). Lifetime ``SESSION_HOURS``.
* CSRF: every form carries ``csrf`` = HMAC of the session id; a POST without the right one is refused.
* Sign-in rate limit: after ``MAX_FAILURES_PER_USER`` wrong passwords for one account, or
  ``MAX_FAILURES_PER_ADDRESS`` from one address, within ``FAILURE_WINDOW_S``, sign-in is refused
  (even with the right password) until the window has passed.
"""

import base64
import hashlib
import hmac
import os
import secrets
import time
from typing import Optional, Tuple

from bot.console import store

COOKIE_NAME = "console_session"
SESSION_HOURS = 8
FAILURE_WINDOW_S = 15 * 60
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_CHARS = 8

TOO_MANY = "登录失败次数过多，请15分钟后再试"
WRONG = "用户名或密码错误"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_DUMMY: list = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_hex(16)))
    return _DUMMY[0]


def hash_password(password: str) -> str:
    """The password's scrypt hash with a fresh salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: Optional[str]) -> bool:
    """Whether the password matches the stored hash (False for a malformed or missing one)."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


def _mac(purpose: str, value: str) -> str:
    return _b64(hmac.new(store.secret_key(), f"{purpose}:{value}".encode("utf-8"), hashlib.sha256).digest())


def cookie_value(session_id: str) -> str:
    return f"{session_id}.{_mac('session', session_id)}"


def session_from_cookie(value: Optional[str]) -> Optional[str]:
    """The session id of a correctly signed cookie value, else None."""
    if not value or "." not in value:
        return None
    session_id, mac = value.rsplit(".", 1)
    if not hmac.compare_digest(mac, _mac("session", session_id)):
        return None
    return session_id


def set_cookie_header(session_id: str) -> str:
    secure = "; Secure" if os.environ.get("CONSOLE_COOKIE_SECURE") == "1" else ""
    return (
        f"{COOKIE_NAME}={cookie_value(session_id)}; Path=/; Max-Age={SESSION_HOURS * 3600}; "
        f"HttpOnly; SameSite=Strict{secure}"
    )


def clear_cookie_header() -> str:
    return f"{COOKIE_NAME}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"


def csrf_token(session_id: str) -> str:
    return _mac("csrf", session_id)


def csrf_ok(session_id: Optional[str], token: Optional[str]) -> bool:
    return bool(session_id and token) and hmac.compare_digest(str(token), csrf_token(session_id))


def sign_in(name: str, password: str, address: str, now: Optional[float] = None) -> Tuple[Optional[str], str]:
    """(session id, "") when the name and password are right and not rate-limited, else (None, why)."""
    now = time.time() if now is None else now
    user_key, address_key = f"user:{name}", f"addr:{address}"
    since = now - FAILURE_WINDOW_S
    if (
        store.login_failures_since(user_key, since) >= MAX_FAILURES_PER_USER
        or store.login_failures_since(address_key, since) >= MAX_FAILURES_PER_ADDRESS
    ):
        return None, TOO_MANY
    stored = store.password_hash_of(name)
    # an unknown name costs one scrypt too, so the answer's timing does not tell which names exist
    if not verify_password(password, stored or _dummy_hash()) or stored is None:
        store.add_login_failure(user_key, now)
        store.add_login_failure(address_key, now)
        return None, WRONG
    store.clear_login_failures(user_key)
    return store.create_session(name, SESSION_HOURS * 3600, now), ""
