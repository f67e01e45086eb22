"""WeChat Official Account (微信公众号) input channel for Rasa 3.6.

Listed in ``credentials.yml`` as ``bot.channels.wechat.WeChatInput:``; the webhook
is ``/webhooks/wechat/webhook`` on the Rasa server.

Configuration is read from the environment in ``from_credentials`` (values given
under the channel key in credentials.yml take precedence, but are not needed):

* ``WECHAT_TOKEN``          – the server token; channel is OFF (404) when unset
* ``WECHAT_APPID``          – AppID, checked inside every decrypted payload
* ``WECHAT_AES_KEY``        – 43-char EncodingAESKey (safe mode, encrypt_type=aes)
* ``WECHAT_APPSECRET``      – AppSecret, for the access_token (customer-service API)
* ``WECHAT_API_BASE``       – default ``https://api.weixin.qq.com``
* ``WECHAT_REPLY_TIMEOUT``  – seconds to wait for a passive reply (default 4.5)

Behaviour summary:

* GET  ``/webhook``: URL verification (plain ``signature`` or safe-mode
  ``msg_signature`` with an encrypted ``echostr``).
* POST ``/webhook``: signature checked in constant time, timestamp must be within
  ±300 s, body ≤ 64 KB (413), XML parsed with defusedxml (no DTD/entities; 400).
* Each MsgId (or FromUserName+CreateTime+Event for events) is processed once;
  WeChat's retries wait for / reuse the same answer.
* If the bot has not answered within the reply timeout the request is answered
  ``success`` and the reply is delivered later through the customer-service
  message API (access_token cached until shortly before expiry).
* Passive replies are limited to 2048 UTF-8 bytes. Longer replies are paginated:
  the first page is sent with “回复“继续”查看剩余内容”, and the user's “继续”
  returns the next page without involving Rasa. (Replies delivered through the
  customer-service API are sent as consecutive ≤2048-byte messages instead.)
* Rasa buttons are rendered as numbered options (not repeated when the text already lists
  them as "N. title" lines, as an overview does); a later bare number maps back to that
  button's payload (remembered per user for one hour).
* With ``REDIS_URL`` set (several Rasa replicas, `make cluster`), the MsgId
  de-duplication and each user's choices and pages live in Redis, with the same
  expiry (bot/channels/wechat_state.py): a retry reaching another replica is not
  computed again.
"""

import asyncio
import hashlib
import json
import logging
import os
import re
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Text, Tuple

import aiohttp
from defusedxml import ElementTree as SafeET
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import (
    CollectingOutputChannel,
    InputChannel,
    UserMessage,
)

from bot import guard, reliability
from bot.channels import wechat_state
from bot.channels.wechat_crypto import (
    WeChatCrypto,
    WeChatCryptoError,
    sha1_signature,
    signature_matches,
)

logger = logging.getLogger(__name__)

DEFAULT_API_BASE = "https://api.weixin.qq.com"
DEFAULT_REPLY_TIMEOUT = 4.5
MAX_BODY_BYTES = 64 * 1024
TIMESTAMP_WINDOW_SECONDS = 300
PASSIVE_LIMIT_BYTES = 2048
CUSTOM_MESSAGE_LIMIT_BYTES = 2048
DEDUP_TTL_SECONDS = 120
DEDUP_MAX_ENTRIES = 5000
USER_STATE_TTL_SECONDS = 3600
USER_STATE_MAX_ENTRIES = 20000
TOKEN_EXPIRY_MARGIN_SECONDS = 300
HTTP_TIMEOUT_SECONDS = 10
# access_token invalid / expired / not latest: refresh once and retry.
TOKEN_ERRCODES = {40001, 40014, 42001}

WELCOME_TEXT = (
    "您好，欢迎关注郑州市服务外包政策助手！\n"
    "您可以直接发文字问我，例如：\n"
    "· 资格：我们公司能申报吗？\n"
    "· 目录领域：游戏美术外包属于哪个领域？\n"
    "· 补贴标准：离岸执行额的补贴标准是多少？\n"
    "· 奖励测算：离岸执行额150万美元能拿多少？\n"
    "· 申报预审：我想做个预审"
)
UNSUPPORTED_TEXT = "目前只能处理文字消息，请直接输入您的问题，例如“我们能申报吗？”或“游戏美术外包属于哪个领域？”"
VOICE_UNRECOGNIZED_TEXT = "抱歉，没能识别这条语音，请直接输入文字提问。"
EMPTY_TEXT = "请输入您的问题，例如“我们能申报吗？”"
ERROR_TEXT = "抱歉，系统暂时繁忙，请稍后再试。"
CONTINUE_HINT = "\n\n（内容较长，回复“继续”查看剩余内容）"
CONTINUE_WORDS = {"继续", "继续。", "继续查看", "更多", "下一页"}
CHOICE_HEADER = "回复数字选择："

_CHOICE_RE = re.compile(r"^\s*(\d{1,2})\s*[.．。、]?\s*$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _env_float(value: Optional[str], default: float) -> float:
    try:
        result = float(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        logger.warning("Invalid WECHAT_REPLY_TIMEOUT; using %.1f s", default)
        return default
    return min(max(result, 0.05), 4.9)


@dataclass
class WeChatConfig:
    token: str = ""
    appid: str = ""
    aes_key: str = ""
    appsecret: str = ""
    api_base: str = DEFAULT_API_BASE
    reply_timeout: float = DEFAULT_REPLY_TIMEOUT

    @property
    def enabled(self) -> bool:
        return bool(self.token)

    @classmethod
    def load(
        cls,
        credentials: Optional[Mapping[str, Any]] = None,
        environ: Optional[Mapping[str, str]] = None,
    ) -> "WeChatConfig":
        """Credentials keys (token, appid, …) win over WECHAT_* variables."""
        creds = dict(credentials or {})
        env = os.environ if environ is None else environ

        def pick(key: str, var: str, default: str = "") -> str:
            value = creds.get(key)
            if value in (None, ""):
                value = env.get(var, default)
            return str(value or default).strip()

        return cls(
            token=pick("token", "WECHAT_TOKEN"),
            appid=pick("appid", "WECHAT_APPID"),
            aes_key=pick("aes_key", "WECHAT_AES_KEY"),
            appsecret=pick("appsecret", "WECHAT_APPSECRET"),
            api_base=pick("api_base", "WECHAT_API_BASE", DEFAULT_API_BASE).rstrip("/"),
            reply_timeout=_env_float(pick("reply_timeout", "WECHAT_REPLY_TIMEOUT"), DEFAULT_REPLY_TIMEOUT),
        )


class BadRequest(Exception):
    """The request body could not be understood (→ 400)."""


def parse_xml(body: bytes) -> Dict[str, str]:
    """Parses a flat WeChat ``<xml>`` document into {tag: text}.

    defusedxml refuses DTDs, entity declarations and external references.
    """
    try:
        root = SafeET.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except Exception as exc:  # ParseError, DefusedXmlException, ValueError …
        raise BadRequest(type(exc).__name__) from None
    if root.tag != "xml":
        raise BadRequest("root element is not <xml>")
    return {child.tag: (child.text or "") for child in root}


def _cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def build_text_reply(to_user: str, from_user: str, content: str, create_time: int) -> str:
    return (
        "<xml>"
        f"<ToUserName>{_cdata(to_user)}</ToUserName>"
        f"<FromUserName>{_cdata(from_user)}</FromUserName>"
        f"<CreateTime>{int(create_time)}</CreateTime>"
        "<MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{_cdata(content)}</Content>"
        "</xml>"
    )


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def split_utf8(text: str, limit: int, separators: Tuple[str, ...] = ("\n\n", "\n")) -> List[str]:
    """Splits ``text`` into chunks of at most ``limit`` UTF-8 bytes.

    Prefers paragraph boundaries, then line boundaries, then characters.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    if utf8_len(text) <= limit:
        return [text] if text.strip() else []
    if not separators:
        chunks, current, size = [], [], 0
        for char in text:
            char_size = utf8_len(char)
            if size + char_size > limit:
                chunks.append("".join(current))
                current, size = [], 0
            current.append(char)
            size += char_size
        if current:
            chunks.append("".join(current))
        return [c for c in chunks if c.strip()]

    separator = separators[0]
    chunks: List[str] = []
    current: Optional[str] = None
    for part in text.split(separator):
        pieces = split_utf8(part, limit, separators[1:]) if utf8_len(part) > limit else [part]
        for piece in pieces:
            candidate = piece if current is None else current + separator + piece
            if utf8_len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)  # type: ignore[arg-type]
                current = piece
    if current is not None:
        chunks.append(current)
    return [c.strip("\n") for c in chunks if c and c.strip()]


def render_bot_messages(messages: List[Dict[str, Any]]) -> Tuple[str, List[Tuple[str, str]]]:
    """Joins Rasa bot messages into one text; buttons become numbered options.

    Returns (text, [(title, payload), …]) where option N is list index N-1.
    """
    blocks: List[str] = []
    choices: List[Tuple[str, str]] = []
    for message in messages:
        lines: List[str] = []
        text = message.get("text")
        if isinstance(text, str) and text.strip():
            lines.append(text.strip())
        image = message.get("image")
        if isinstance(image, str) and image:
            lines.append(f"图片：{image}")
        attachment = message.get("attachment")
        if isinstance(attachment, str) and attachment:
            lines.append(f"附件：{attachment}")
        buttons = message.get("buttons") or []
        options: List[str] = []
        for button in buttons:
            if not isinstance(button, dict):
                continue
            title = str(button.get("title") or button.get("payload") or "").strip()
            if button.get("url") or button.get("type") == "web_url":
                url = str(button.get("url") or button.get("payload") or "")
                lines.append(f"{title}：{url}" if title else url)
                continue
            payload = str(button.get("payload") or title).strip()
            if not title:
                continue
            choices.append((title, payload))
            options.append(f"{len(choices)}. {title}")
        if options and all(_listed(option, lines) for option in options):
            options = []  # the text lists the choices already, numbered as they are (an overview)
        if options:
            lines.append(CHOICE_HEADER + "\n" + "\n".join(options))
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks), choices


def _listed(option: str, lines: List[str]) -> bool:
    """Whether a numbered option ("3. 创新能力") starts a line of the text already."""
    return any(line.startswith(option) for block in lines for line in block.split("\n"))


def parse_choice(text: str) -> Optional[int]:
    match = _CHOICE_RE.match(text.translate(_FULLWIDTH_DIGITS))
    return int(match.group(1)) if match else None


def _anon(openid: str) -> str:
    """Short stable hash for logs (no raw OpenIDs in logs)."""
    return hashlib.sha256(openid.encode("utf-8")).hexdigest()[:10]


@dataclass
class _UserState:
    choices: List[Tuple[str, str]] = field(default_factory=list)
    pages: List[str] = field(default_factory=list)
    updated: float = 0.0


@dataclass
class _Reply:
    text: Optional[str]
    is_page: bool = False  # already a page (from “继续”): do not re-paginate


class _Exchange:
    """One inbound message (and all of WeChat's retries of it)."""

    def __init__(self, created: float) -> None:
        self.created = created
        self.ready: "asyncio.Future[Optional[str]]" = asyncio.get_running_loop().create_future()
        self.via_custom_service = False
        self.task: Optional["asyncio.Task[None]"] = None

    @property
    def is_ready(self) -> bool:
        return self.ready.done()


class AccessTokenCache:
    """Fetches and caches the access_token until shortly before it expires."""

    def __init__(self, config: WeChatConfig, clock: Callable[[], float], shared: Any = None) -> None:
        self._config = config
        self._clock = clock
        self._shared = shared  # wechat_state.RedisWeChatState: one token for every replica
        self._rejected: Optional[str] = None
        self._token: Optional[str] = None
        self._expires_at = 0.0
        self._lock: Optional[asyncio.Lock] = None
        self.fetch_count = 0

    def invalidate(self) -> None:
        self._rejected = self._token  # not taken again from the shared store
        self._token = None
        self._expires_at = 0.0

    def _valid(self) -> bool:
        return bool(self._token) and self._clock() < self._expires_at

    async def get(self, session: aiohttp.ClientSession) -> Optional[str]:
        if self._valid():
            return self._token
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._valid():
                return self._token
            if self._shared is not None:
                # Another replica's token: each new token fetched makes WeChat retire the old one
                # after a while, so replicas fetching their own would keep invalidating each other's.
                token, seconds_left = await self._shared.load_token()
                if token and token != self._rejected and seconds_left > 0:
                    self._token, self._expires_at = token, self._clock() + seconds_left
                    return token
            self.fetch_count += 1
            params = {
                "grant_type": "client_credential",
                "appid": self._config.appid,
                "secret": self._config.appsecret,
            }
            async with session.get(f"{self._config.api_base}/cgi-bin/token", params=params) as resp:
                data = await resp.json(content_type=None)
            token = data.get("access_token") if isinstance(data, dict) else None
            if not token:
                code = data.get("errcode") if isinstance(data, dict) else None
                logger.error("WeChat access_token request failed (errcode=%s)", code)
                return None
            try:
                expires_in = int(data.get("expires_in", 7200))
            except (TypeError, ValueError):
                expires_in = 7200
            lifetime = max(expires_in - TOKEN_EXPIRY_MARGIN_SECONDS, expires_in // 2, 1)
            self._token = str(token)
            self._expires_at = self._clock() + lifetime
            if self._shared is not None:
                await self._shared.save_token(self._token, lifetime)
            return self._token


class WeChatInput(InputChannel):
    """Rasa input channel for a WeChat Official Account."""

    @classmethod
    def name(cls) -> Text:
        return "wechat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "WeChatInput":
        config = WeChatConfig.load(credentials)
        if not config.enabled:
            logger.info("WeChat channel is disabled (WECHAT_TOKEN is not set).")
        return cls(config)

    def __init__(
        self,
        config: Optional[WeChatConfig] = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config or WeChatConfig()
        self.clock = clock
        self.crypto: Optional[WeChatCrypto] = None
        if self.config.enabled and self.config.aes_key:
            try:
                self.crypto = WeChatCrypto(self.config.aes_key, self.config.appid)
            except ValueError as exc:
                logger.error("WECHAT_AES_KEY is unusable (%s); safe mode disabled.", exc)
            if not self.config.appid:
                logger.error("WECHAT_APPID is not set; encrypted messages will be rejected.")
        self.shared = wechat_state.from_env(DEDUP_TTL_SECONDS, USER_STATE_TTL_SECONDS)
        self.tokens = AccessTokenCache(self.config, clock, self.shared)
        self._exchanges: "OrderedDict[str, _Exchange]" = OrderedDict()
        self._users: "OrderedDict[str, _UserState]" = OrderedDict()
        self._nonces: "OrderedDict[Tuple[str, str], Tuple[str, float]]" = OrderedDict()
        self._background: set = set()

    # ------------------------------------------------------------------ HTTP

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("wechat_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            if not self.config.enabled:
                return response.text("Not Found", status=404)
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            if not self.config.enabled:
                return response.text("Not Found", status=404)
            try:
                return self._verify_url(request)
            except Exception as exc:  # never leak a traceback
                logger.error("WeChat URL verification failed: %s", type(exc).__name__)
                return response.text("error", status=500)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.config.enabled:
                return response.text("Not Found", status=404)
            try:
                return await self._receive(request, on_new_message)
            except BadRequest:
                return response.text("bad request", status=400)
            except Exception as exc:  # never leak a traceback
                logger.error("WeChat webhook error: %s", type(exc).__name__)
                return response.text("error", status=500)

        return webhook

    def _timestamp_ok(self, timestamp: Optional[str]) -> bool:
        if not timestamp or not timestamp.isdigit() or len(timestamp) > 12:
            return False
        return abs(self.clock() - int(timestamp)) <= TIMESTAMP_WINDOW_SECONDS

    def _verify_url(self, request: Request) -> HTTPResponse:
        args = request.args
        timestamp = args.get("timestamp", "")
        nonce = args.get("nonce", "")
        echostr = args.get("echostr", "")
        if not self._timestamp_ok(timestamp):
            return response.text("forbidden", status=403)
        if not echostr:
            return response.text("bad request", status=400)
        msg_signature = args.get("msg_signature")
        if msg_signature:
            expected = sha1_signature(self.config.token, timestamp, nonce, echostr)
            if not signature_matches(expected, msg_signature) or not self.crypto:
                return response.text("forbidden", status=403)
            try:
                plain = self.crypto.decrypt_for_app(echostr)
            except WeChatCryptoError:
                return response.text("forbidden", status=403)
            return response.text(plain)
        expected = sha1_signature(self.config.token, timestamp, nonce)
        if not signature_matches(expected, args.get("signature")):
            return response.text("forbidden", status=403)
        return response.text(echostr)

    async def _receive(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        started = asyncio.get_running_loop().time()
        body = request.body or b""
        declared = request.headers.get("content-length", "")
        if len(body) > MAX_BODY_BYTES or (declared.isdigit() and int(declared) > MAX_BODY_BYTES):
            return response.text("payload too large", status=413)

        args = request.args
        timestamp = args.get("timestamp", "")
        nonce = args.get("nonce", "")
        if not self._timestamp_ok(timestamp):
            return response.text("forbidden", status=403)

        signature = args.get("signature")
        encrypted = (args.get("encrypt_type") or "").lower() == "aes"
        plain_expected = sha1_signature(self.config.token, timestamp, nonce)
        if encrypted:
            # WeChat sends both signatures in safe mode; WeCom-style callers
            # send only msg_signature.
            if signature is not None and not signature_matches(plain_expected, signature):
                return response.text("forbidden", status=403)
            outer = parse_xml(body)
            ciphertext = outer.get("Encrypt", "")
            if not ciphertext:
                raise BadRequest("missing Encrypt")
            expected = sha1_signature(self.config.token, timestamp, nonce, ciphertext)
            if not signature_matches(expected, args.get("msg_signature")):
                return response.text("forbidden", status=403)
            if not self.crypto:
                logger.error("Encrypted WeChat message but WECHAT_AES_KEY is not usable.")
                return response.text("forbidden", status=403)
            try:
                inner = self.crypto.decrypt_for_app(ciphertext)
            except WeChatCryptoError as exc:
                logger.warning("WeChat message rejected: %s", exc)
                return response.text("forbidden", status=403)
            fields = parse_xml(inner.encode("utf-8"))
        else:
            if not signature_matches(plain_expected, signature):
                return response.text("forbidden", status=403)
            # The plain signature does not cover the body: refuse a replayed
            # (timestamp, nonce) that arrives with a different body.
            if not self._remember_nonce(timestamp, nonce, body):
                return response.text("forbidden", status=403)
            fields = parse_xml(body)

        openid = fields.get("FromUserName", "").strip()
        account = fields.get("ToUserName", "").strip()
        msg_type = fields.get("MsgType", "").strip().lower()
        if not openid or not account or not msg_type:
            raise BadRequest("missing FromUserName/ToUserName/MsgType")

        content = await self._answer(fields, on_new_message, started)
        if content is None:
            return response.text("success")
        reply = build_text_reply(openid, account, content, int(self.clock()))
        if encrypted and self.crypto:
            reply = self._encrypt_reply(reply)
        return response.text(reply, content_type="application/xml; charset=utf-8")

    def _encrypt_reply(self, xml: str) -> str:
        assert self.crypto is not None
        ciphertext = self.crypto.encrypt(xml)
        timestamp = str(int(self.clock()))
        nonce = str(secrets.randbelow(10**10))
        signature = sha1_signature(self.config.token, timestamp, nonce, ciphertext)
        return (
            "<xml>"
            f"<Encrypt>{_cdata(ciphertext)}</Encrypt>"
            f"<MsgSignature>{_cdata(signature)}</MsgSignature>"
            f"<TimeStamp>{timestamp}</TimeStamp>"
            f"<Nonce>{_cdata(nonce)}</Nonce>"
            "</xml>"
        )

    def _remember_nonce(self, timestamp: str, nonce: str, body: bytes) -> bool:
        now = self.clock()
        while self._nonces:
            key, (_, seen) = next(iter(self._nonces.items()))
            if now - seen > 2 * TIMESTAMP_WINDOW_SECONDS or len(self._nonces) > 20000:
                self._nonces.popitem(last=False)
            else:
                break
        digest = hashlib.sha256(body).hexdigest()
        previous = self._nonces.get((timestamp, nonce))
        if previous is not None:
            return previous[0] == digest
        self._nonces[(timestamp, nonce)] = (digest, now)
        return True

    # ------------------------------------------------------- message handling

    @staticmethod
    def _dedup_key(fields: Mapping[str, str]) -> str:
        openid = fields.get("FromUserName", "")
        msg_id = fields.get("MsgId", "").strip()
        if msg_id:
            return f"msg:{openid}:{msg_id}"
        return "evt:{}:{}:{}:{}".format(
            openid,
            fields.get("CreateTime", "").strip(),
            fields.get("Event", "").strip(),
            fields.get("EventKey", "").strip(),
        )

    def _purge_exchanges(self) -> None:
        now = self.clock()
        while self._exchanges:
            key, exchange = next(iter(self._exchanges.items()))
            expired = exchange.is_ready and now - exchange.created > DEDUP_TTL_SECONDS
            if expired or len(self._exchanges) > DEDUP_MAX_ENTRIES:
                self._exchanges.popitem(last=False)
            else:
                break

    async def _answer(
        self,
        fields: Mapping[str, str],
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        started: float,
    ) -> Optional[str]:
        """Returns the passive reply text, or None to answer ``success``."""
        key = self._dedup_key(fields)
        exchange = self._exchanges.get(key)
        if exchange is None and self.shared is not None and not await self.shared.claim(key):
            # Another replica took this message first: answer with its reply.
            remaining = self.config.reply_timeout - (asyncio.get_running_loop().time() - started)
            state, text = await self.shared.outcome(key, remaining)
            return text if state == wechat_state.DONE and text else None
        if exchange is None:
            self._purge_exchanges()
            exchange = _Exchange(self.clock())
            self._exchanges[key] = exchange
            exchange.task = self._spawn(self._process(dict(fields), exchange, on_new_message))
        else:
            logger.debug("WeChat retry for an in-flight message")

        if exchange.via_custom_service:
            return None
        if not exchange.is_ready:
            loop = asyncio.get_running_loop()
            remaining = self.config.reply_timeout - (loop.time() - started)
            if remaining > 0:
                await asyncio.wait({exchange.ready}, timeout=remaining)
        if not exchange.is_ready:
            # Too slow for a passive reply: acknowledge now, deliver later.
            exchange.via_custom_service = True
            if self.shared is not None:
                await self.shared.mark_custom(key)
            return None
        if exchange.via_custom_service:
            return None
        return exchange.ready.result()

    def _spawn(self, coro: Awaitable[None]) -> "asyncio.Task[None]":
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def wait_background(self) -> None:
        """Waits for pending processing/delivery tasks (used by tests)."""
        while self._background:
            await asyncio.gather(*list(self._background), return_exceptions=True)

    async def _process(
        self,
        fields: Dict[str, str],
        exchange: _Exchange,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        try:
            await self._process_inner(fields, exchange, on_new_message)
        finally:
            if not exchange.ready.done():  # never leave retries hanging
                exchange.ready.set_result(None)
            if self.shared is not None:
                key = self._dedup_key(fields)
                if exchange.via_custom_service:
                    await self.shared.mark_custom(key)
                else:
                    await self.shared.finish(key, exchange.ready.result())

    async def _process_inner(
        self,
        fields: Dict[str, str],
        exchange: _Exchange,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        openid = fields.get("FromUserName", "")
        try:
            reply = await self._compute_reply(fields, on_new_message)
        except Exception as exc:
            logger.error(
                "WeChat message processing failed for user %s: %s",
                _anon(openid),
                type(exc).__name__,
            )
            reply = _Reply(ERROR_TEXT)

        if exchange.via_custom_service:
            # The webhook already answered "success": push the whole reply.
            exchange.ready.set_result(None)
            if not reply.is_page:  # a “继续” page keeps the remaining pages
                state = await self._load_user(openid)
                state.pages = []
                await self._store_user(openid, state)
            if reply.text:
                limit = CUSTOM_MESSAGE_LIMIT_BYTES
                chunks = [reply.text] if reply.is_page else split_utf8(reply.text, limit)
                await self.send_custom_texts(openid, chunks)
            return

        text = reply.text
        if text and not reply.is_page:
            text = await self._paginate(openid, text)
        exchange.ready.set_result(text or None)

    async def _paginate(self, openid: str, text: str) -> str:
        state = await self._load_user(openid)
        if utf8_len(text) <= PASSIVE_LIMIT_BYTES:
            state.pages = []
            await self._store_user(openid, state)
            return text
        pages = split_utf8(text, PASSIVE_LIMIT_BYTES - utf8_len(CONTINUE_HINT))
        state.pages = pages[1:]
        await self._store_user(openid, state)
        return pages[0] + (CONTINUE_HINT if state.pages else "")

    async def _load_user(self, openid: str) -> _UserState:
        """The user's choices and pages: from Redis when shared, else from this process's memory."""
        if self.shared is None:
            return self._user(openid)
        return _UserState(**await self.shared.load_user(openid), updated=self.clock())

    async def _store_user(self, openid: str, state: _UserState) -> None:
        if self.shared is not None:  # in memory the state object itself was changed
            await self.shared.save_user(openid, state.choices, state.pages)

    def _user(self, openid: str) -> _UserState:
        now = self.clock()
        state = self._users.pop(openid, None)
        if state is None or now - state.updated > USER_STATE_TTL_SECONDS:
            state = _UserState()
        state.updated = now
        self._users[openid] = state
        while len(self._users) > USER_STATE_MAX_ENTRIES:
            self._users.popitem(last=False)
        return state

    async def _compute_reply(
        self,
        fields: Mapping[str, str],
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> _Reply:
        openid = fields.get("FromUserName", "")
        msg_type = fields.get("MsgType", "").strip().lower()

        if msg_type == "event":
            event = fields.get("Event", "").strip().lower()
            if event == "subscribe":
                return _Reply(WELCOME_TEXT)
            return _Reply(None)  # unsubscribe and other events: nothing to say
        if msg_type == "text":
            text = fields.get("Content", "")
        elif msg_type == "voice":
            text = fields.get("Recognition", "")
            if not text.strip():
                return _Reply(VOICE_UNRECOGNIZED_TEXT)
        else:  # image, video, shortvideo, location, link, file, …
            return _Reply(UNSUPPORTED_TEXT)

        text = text.strip()
        if not text:
            return _Reply(EMPTY_TEXT)
        # Long or unreadable text never reaches the NLU (bot/guard.py): a 64 KB message took
        # 4.6 s there and held up every other user meanwhile.
        text, refusal, note = guard.check_message(text)
        if text is None:
            return _Reply(refusal)

        state = await self._load_user(openid)
        if text in CONTINUE_WORDS and state.pages:
            page = state.pages.pop(0)
            await self._store_user(openid, state)
            return _Reply(page + (CONTINUE_HINT if state.pages else ""), is_page=True)

        choice = parse_choice(text)
        if choice is not None and 1 <= choice <= len(state.choices):
            text = state.choices[choice - 1][1]

        collector = CollectingOutputChannel()
        try:
            await self._handle(on_new_message, collector, text, openid, fields, msg_type)
        except reliability.ActionServerUnavailable:
            # The turn was not saved: the same message sent again gets its answer.
            return _Reply(guard.BUSY_TEXT)
        rendered, choices = render_bot_messages(collector.messages)
        state = await self._load_user(openid)
        state.choices = choices
        state.pages = []
        await self._store_user(openid, state)
        if note and rendered:
            rendered = note + "\n" + rendered
        return _Reply(rendered or None)

    async def _handle(self, on_new_message, collector, text, openid, fields, msg_type) -> None:
        await on_new_message(
            UserMessage(
                text,
                collector,
                openid,
                input_channel=self.name(),
                message_id=fields.get("MsgId") or None,
                metadata={"wechat_msg_type": msg_type},
            )
        )

    # --------------------------------------------------- customer-service API

    async def send_custom_texts(self, openid: str, chunks: List[str]) -> bool:
        """Sends text messages through the customer-service API, in order.

        Never raises; failures are logged without message content.
        """
        if not chunks:
            return True
        if not (self.config.appid and self.config.appsecret):
            logger.error("Cannot deliver a delayed WeChat reply: WECHAT_APPID/WECHAT_APPSECRET not set.")
            return False
        try:
            timeout = aiohttp.ClientTimeout(total=HTTP_TIMEOUT_SECONDS)
            async with aiohttp.ClientSession(timeout=timeout) as session:
                for chunk in chunks:
                    if not await self._send_custom_text(session, openid, chunk):
                        return False
            return True
        except Exception as exc:
            logger.error(
                "WeChat customer-service delivery failed for user %s: %s",
                _anon(openid),
                type(exc).__name__,
            )
            return False

    async def _send_custom_text(self, session: aiohttp.ClientSession, openid: str, content: str) -> bool:
        payload = json.dumps(
            {"touser": openid, "msgtype": "text", "text": {"content": content}},
            ensure_ascii=False,
        ).encode("utf-8")
        for attempt in range(2):
            token = await self.tokens.get(session)
            if not token:
                return False
            async with session.post(
                f"{self.config.api_base}/cgi-bin/message/custom/send",
                params={"access_token": token},
                data=payload,
                headers={"Content-Type": "application/json; charset=utf-8"},
            ) as resp:
                data = await resp.json(content_type=None)
            code = data.get("errcode", 0) if isinstance(data, dict) else -1
            if code == 0:
                return True
            if code in TOKEN_ERRCODES and attempt == 0:
                self.tokens.invalidate()
                continue
            logger.error(
                "WeChat customer-service message rejected for user %s (errcode=%s)",
                _anon(openid),
                code,
            )
            return False
        return False
