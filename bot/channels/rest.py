"""Rasa's REST channel with its input checked: no silent replies, no shared conversations.

Listed in credentials.yml as ``bot.channels.rest.SafeRestInput:``; same name (``rest``) and so
the same webhook, ``POST /webhooks/rest/webhook`` with ``{"sender": "…", "message": "…"}``.

Rasa's own channel answers ``[]`` to a message that is a number, null, a list or an object
(the AttributeError is swallowed), HTTP 500 to a JSON body that is a list, and puts every
request without a ``sender`` into one conversation called ``default``. Here:

* the request itself is wrong (not JSON, not a JSON object, no usable ``sender``): HTTP 400
  with the reason — only a program sends these;
* the message is wrong (not text, empty, only unreadable characters, longer than
  ``guard.MAX_MESSAGE_CHARS``): HTTP 200 with one bot message saying what was wrong, and the
  NLU never sees it; lone surrogates are dropped and the answer starts with a note saying so;
* the action server is down (bot/reliability.py): HTTP 200 with ``guard.BUSY_TEXT``; the turn
  is not saved, so the same message sent again later gets its answer;
* any other failure: HTTP 200 with an apology instead of ``[]``.

Every reply is Rasa's REST format, a list of ``{"recipient_id", "text"}`` messages; a 400 reply
has the same shape plus ``"error"`` (a code for programs).

Also ``GET /webhooks/rest/ready`` (readiness: 200 once warm and the action server answers,
else 503) and the start-up warm-up (bot/reliability.py), started when the server starts.
"""

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput

from bot import guard
from bot import reliability

logger = logging.getLogger(__name__)

FAILURE_TEXT = "抱歉，处理这条消息时出了问题，请稍后重试或换个说法。"
NO_ANSWER_TEXT = "抱歉，这条消息我没有可以回复的内容，请换个说法，或直接问具体的问题，" + guard.EXAMPLE
MAX_BODY_BYTES = 32 * 1024 * 1024  # Sanic's own limit is 100 MB
PARSE_IN_THREAD_BYTES = 256 * 1024
BAD_JSON_TEXT = '请求内容不是有效的 JSON。请发送 {"sender": "用户标识", "message": "问题文字"}。'
NOT_OBJECT_TEXT = '请求内容应为 JSON 对象 {"sender": "用户标识", "message": "问题文字"}，收到的是%s。'
NO_SENDER_TEXT = (
    '缺少会话标识 sender（或它不是128字以内的文字）。请在请求中加入 "sender"，'
    "每个用户一个固定的标识，否则不同用户的对话会混在一起。"
)


def _reply(recipient: Optional[str], text: str, error: Optional[str] = None) -> Dict[str, Any]:
    message: Dict[str, Any] = {"recipient_id": recipient or "", "text": text}
    if error:
        message["error"] = error
    return message


def bad_request(code: str, text: str, recipient: Optional[str] = None) -> HTTPResponse:
    return response.json([_reply(recipient, text, code)], status=400, dumps=lambda o: json.dumps(o, ensure_ascii=False))


def reply(recipient: str, messages: List[Dict[str, Any]]) -> HTTPResponse:
    return response.json(messages, dumps=lambda o: json.dumps(o, ensure_ascii=False))


class SafeRestInput(RestInput):
    """RestInput with checked input, a busy reply and readiness (see the module docstring)."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("safe_rest_webhook", __name__)
        warming: List[asyncio.Task] = []

        @webhook.listener("after_server_start")
        async def start_warm_up(app, _loop) -> None:
            agent = getattr(app.ctx, "agent", None)
            if agent is not None:
                warming.append(asyncio.ensure_future(reliability.warm_up(agent)))

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            state = await reliability.readiness(getattr(request.app.ctx, "agent", None))
            return response.json(state, status=200 if state["ready"] else 503)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self.handle(request, on_new_message)

        return webhook

    async def handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        body = request.body or b""
        if len(body) > MAX_BODY_BYTES:
            return bad_request(
                "payload_too_large", f"请求太大（{len(body)}字节）。消息请控制在{guard.MAX_MESSAGE_CHARS}字以内。"
            )
        try:
            if len(body) > PARSE_IN_THREAD_BYTES:  # tens of ms: let other conversations go on
                payload = await asyncio.get_running_loop().run_in_executor(None, json.loads, body)
            else:
                payload = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return bad_request("bad_json", BAD_JSON_TEXT)
        if not isinstance(payload, dict):
            kind = guard.KIND_NAMES.get(type(payload), "文字")
            return bad_request("not_an_object", NOT_OBJECT_TEXT % kind)
        sender = guard.check_sender(payload.get("sender"))
        if sender is None:
            return bad_request("bad_sender", NO_SENDER_TEXT)

        text, refusal, note = guard.check_message(payload.get("message"))
        if text is None:
            return reply(sender, [_reply(sender, refusal)])

        metadata = payload.get("metadata")
        if not isinstance(metadata, dict):
            metadata = None
        channel = payload.get("input_channel")
        if not isinstance(channel, str) or not channel or guard.check_sender(channel) != channel:
            channel = self.name()

        collector = CollectingOutputChannel()
        try:
            await on_new_message(UserMessage(text, collector, sender, input_channel=channel, metadata=metadata))
        except reliability.ActionServerUnavailable:
            logger.warning("action server unavailable: answered busy, turn not saved")
            return reply(sender, [_reply(sender, guard.BUSY_TEXT)])
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - the user gets an apology, the log the traceback
            logger.exception("REST message failed")
            return reply(sender, [_reply(sender, FAILURE_TEXT)])
        messages = list(collector.messages)
        if not messages:
            messages = [_reply(sender, NO_ANSWER_TEXT)]
        if note:
            messages.insert(0, _reply(sender, note))
        return reply(sender, messages)
