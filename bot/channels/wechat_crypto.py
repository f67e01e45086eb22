"""WeChat Official Account message signing and "safe mode" encryption.

Implements the WXBizMsgCrypt scheme used by WeChat callbacks:

* signature      = sha1(join(sorted([token, timestamp, nonce])))
* msg_signature  = sha1(join(sorted([token, timestamp, nonce, encrypt])))
* AES-256-CBC with key = base64decode(EncodingAESKey + "="), iv = key[:16]
* plaintext      = 16 random bytes + 4-byte big-endian length + msg + appid,
                   PKCS#7-padded to 32-byte blocks, then base64-encoded.

Only the ``cryptography`` package is needed (already a Rasa dependency).
"""

import base64
import binascii
import hashlib
import hmac
import secrets
import struct
from typing import Optional, Tuple

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK_SIZE = 32  # WeChat pads to 32 bytes, not AES's 16.


class WeChatCryptoError(ValueError):
    """Raised when a ciphertext cannot be decrypted or is malformed."""


def sha1_signature(token: str, *parts: str) -> str:
    """WeChat's signature: SHA-1 over the lexicographically sorted strings."""
    items = sorted([token, *parts])
    return hashlib.sha1("".join(items).encode("utf-8")).hexdigest()


def signature_matches(expected: str, given: Optional[str]) -> bool:
    """Constant-time comparison that tolerates missing/non-ASCII input."""
    if not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.strip().lower().encode("utf-8"))


class WeChatCrypto:
    """Encrypts and decrypts WeChat safe-mode payloads for one account."""

    def __init__(self, encoding_aes_key: str, appid: str) -> None:
        if not encoding_aes_key or len(encoding_aes_key) != 43:
            raise ValueError("EncodingAESKey must be 43 characters long")
        try:
            key = base64.b64decode(encoding_aes_key + "=", validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError("EncodingAESKey is not valid base64") from exc
        if len(key) != 32:
            raise ValueError("EncodingAESKey must decode to 32 bytes")
        self._key = key
        self._iv = key[:16]
        self.appid = appid or ""

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._iv))

    def encrypt(self, message: str, random_prefix: Optional[bytes] = None) -> str:
        """Encrypts ``message`` for WeChat; returns base64 text."""
        raw = message.encode("utf-8")
        prefix = random_prefix if random_prefix is not None else secrets.token_bytes(16)
        if len(prefix) != 16:
            raise ValueError("random prefix must be 16 bytes")
        body = prefix + struct.pack(">I", len(raw)) + raw + self.appid.encode("utf-8")
        pad = BLOCK_SIZE - (len(body) % BLOCK_SIZE)
        body += bytes([pad]) * pad
        encryptor = self._cipher().encryptor()
        return base64.b64encode(encryptor.update(body) + encryptor.finalize()).decode("ascii")

    def decrypt(self, encrypted: str) -> Tuple[str, str]:
        """Decrypts base64 ``encrypted``; returns ``(message, appid)``.

        Raises ``WeChatCryptoError`` on any malformed input.
        """
        try:
            data = base64.b64decode((encrypted or "").strip(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise WeChatCryptoError("ciphertext is not base64") from exc
        if not data or len(data) % 16:
            raise WeChatCryptoError("ciphertext length is not a block multiple")
        decryptor = self._cipher().decryptor()
        plain = decryptor.update(data) + decryptor.finalize()
        pad = plain[-1]
        if pad < 1 or pad > BLOCK_SIZE or pad > len(plain):
            raise WeChatCryptoError("bad padding")
        content = plain[16:-pad]
        if len(content) < 4:
            raise WeChatCryptoError("plaintext too short")
        (length,) = struct.unpack(">I", content[:4])
        if length > len(content) - 4:
            raise WeChatCryptoError("bad length field")
        message = content[4 : 4 + length]
        appid = content[4 + length :]
        try:
            return message.decode("utf-8"), appid.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise WeChatCryptoError("plaintext is not UTF-8") from exc

    def decrypt_for_app(self, encrypted: str) -> str:
        """Decrypts and checks that the embedded appid is ours."""
        message, appid = self.decrypt(encrypted)
        if not self.appid or not hmac.compare_digest(appid.encode("utf-8"), self.appid.encode("utf-8")):
            raise WeChatCryptoError("appid mismatch")
        return message
