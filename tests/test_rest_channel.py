"""bot/channels/rest.py: every bad request or message gets a clear Chinese reply (never `[]`),
a 4xx only for requests only a program sends, and the action server being down gets a busy
reply. The channel is called directly with a stand-in request (end to end:
tests/test_e2e_reliability.py)."""

import asyncio
import json

import pytest

pytest.importorskip("rasa")

from bot import guard  # noqa: E402
from bot.channels.rest import SafeRestInput  # noqa: E402
from bot.reliability import ActionServerUnavailable  # noqa: E402

CJK = range(0x4E00, 0xA000)


class Request:
    def __init__(self, body):
        self.body = body if isinstance(body, bytes) else json.dumps(body).encode()


class Bot:
    """on_new_message: answers 「收到：<text>」, or fails as told."""

    def __init__(self, fail=None):
        self.received, self.fail = [], fail

    async def __call__(self, message):
        self.received.append((message.sender_id, message.text))
        if self.fail:
            raise self.fail
        await message.output_channel.send_text_message(message.sender_id, f"收到：{message.text}")


def call(body, bot=None):
    bot = bot or Bot()
    resp = asyncio.run(SafeRestInput().handle(Request(body), bot))
    return resp.status, json.loads(resp.body), bot


def chinese(messages):
    text = "".join(m.get("text", "") for m in messages)
    return text and any(ord(c) in CJK for c in text)


@pytest.mark.parametrize(
    "message, says",
    [
        (5, "数字"),
        (1.5, "数字"),
        (None, "空值"),
        ([1, "a"], "列表"),
        ({"a": 1}, "对象"),
        (True, "真假值"),
        ("", "空"),
        ("   ", "空"),
        ("\ud800", "无法识别"),
        ("长" * (guard.MAX_MESSAGE_CHARS + 1), "上限"),
    ],
)
def test_bad_messages_get_a_clear_reply_and_never_reach_the_nlu(message, says):
    status, replies, bot = call({"sender": "u1", "message": message})
    assert status == 200
    assert chinese(replies) and says in replies[0]["text"], replies
    assert replies[0]["recipient_id"] == "u1"
    assert bot.received == []


def test_a_missing_message_is_a_clear_reply():
    status, replies, bot = call({"sender": "u1"})
    assert status == 200 and "空值" in replies[0]["text"] and bot.received == []


def test_two_megabytes_is_refused_politely_without_the_nlu():
    status, replies, bot = call({"sender": "u1", "message": "x" * 2_000_000})
    assert status == 200 and "2000000字" in replies[0]["text"] and bot.received == []


def test_lone_surrogates_are_dropped_and_the_rest_answered_with_a_note():
    status, replies, bot = call({"sender": "u1", "message": "你好\ud800"})
    assert status == 200
    assert bot.received == [("u1", "你好")]
    assert replies[0]["text"] == guard.UNREADABLE_NOTE and replies[1]["text"] == "收到：你好"
    json.dumps(replies, ensure_ascii=False).encode("utf-8")  # the reply can be sent


@pytest.mark.parametrize(
    "body, code",
    [
        (b"{not json", "bad_json"),
        (b"\xff\xfe\x00", "bad_json"),
        (b"", "bad_json"),
        ([{"sender": "u1", "message": "你好"}], "not_an_object"),
        ("你好", "not_an_object"),
        (5, "not_an_object"),
        ({"message": "你好"}, "bad_sender"),
        ({"sender": None, "message": "你好"}, "bad_sender"),
        ({"sender": "", "message": "你好"}, "bad_sender"),
        ({"sender": ["a"], "message": "你好"}, "bad_sender"),
        ({"sender": "a\ud800", "message": "你好"}, "bad_sender"),
        ({"sender": "s" * 129, "message": "你好"}, "bad_sender"),
    ],
)
def test_requests_only_a_program_sends_are_400_with_the_reason(body, code):
    status, replies, bot = call(body)
    assert status == 400
    assert replies[0]["error"] == code and chinese(replies)
    assert bot.received == []


def test_numeric_sender_is_its_own_conversation():
    status, replies, bot = call({"sender": 42, "message": "你好"})
    assert status == 200 and bot.received == [("42", "你好")]


def test_good_message_is_answered():
    status, replies, bot = call({"sender": "u1", "message": "  离岸奖励怎么算？ "})
    assert status == 200 and replies == [{"recipient_id": "u1", "text": "收到：离岸奖励怎么算？"}]


def test_action_server_down_is_a_busy_reply():
    status, replies, _ = call({"sender": "u1", "message": "你好"}, Bot(ActionServerUnavailable("down")))
    assert status == 200 and replies[0]["text"] == guard.BUSY_TEXT


def test_any_other_failure_is_an_apology_not_silence():
    status, replies, _ = call({"sender": "u1", "message": "你好"}, Bot(RuntimeError("bug")))
    assert status == 200 and chinese(replies)
