"""Protocol tests: the test plays WeChat against the channel on a real Sanic server.

No trained model is needed: a FakeAgent stands in for rasa's Agent (the channel
is registered with rasa's own ``register()``, so the URL is the production one).
"""

import asyncio
import logging
import time
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from sanic import Sanic

import rasa.core.run
from rasa.core.channels.channel import register

from bot.channels.wechat import (
    CONTINUE_HINT,
    ERROR_TEXT,
    PASSIVE_LIMIT_BYTES,
    UNSUPPORTED_TEXT,
    VOICE_UNRECOGNIZED_TEXT,
    WeChatConfig,
    WeChatInput,
)

try:
    from tests import wechat_stub as stub
except ImportError:  # pragma: no cover
    import wechat_stub as stub

pytestmark = pytest.mark.asyncio

TOKEN = "test-token-42"
APPID = "wxTestAppId0001"
SECRET = "test-app-secret"
OPENID = "oAbCdEfG-user-1"


@pytest_asyncio.fixture
async def session():
    async with aiohttp.ClientSession() as s:
        yield s


def make_channel(**overrides) -> WeChatInput:
    config = WeChatConfig(token=TOKEN, appid=APPID, appsecret=SECRET, reply_timeout=3.0)
    for key, value in overrides.items():
        setattr(config, key, value)
    return WeChatInput(config)


# ----------------------------------------------------------- URL verification


async def test_url_verification_plain(session):
    channel = make_channel()
    async with stub.serve_channel(channel, stub.FakeAgent()) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        assert await wx.get(wx.query(echostr="5837397520321")) == (200, "5837397520321")

        bad = wx.query(echostr="5837397520321")
        bad["signature"] = stub.sign("wrong-token", bad["timestamp"], bad["nonce"])
        status, body = await wx.get(bad)
        assert status == 403 and "5837397520321" not in body

        missing = wx.query(echostr="x")
        del missing["signature"]
        assert (await wx.get(missing))[0] == 403

        stale = wx.query(timestamp=int(time.time()) - 301, echostr="x")
        assert (await wx.get(stale))[0] == 403


async def test_url_verification_safe_mode_official_sample(session):
    config = WeChatConfig(token=stub.SAMPLE_TOKEN, appid=stub.SAMPLE_APPID, aes_key=stub.SAMPLE_AES_KEY)
    clock = [float(stub.SAMPLE_VERIFY["timestamp"])]
    channel = WeChatInput(config, clock=lambda: clock[0])
    async with stub.serve_channel(channel, stub.FakeAgent()) as base:
        wx = stub.WeChatSender(base, stub.SAMPLE_TOKEN, session=session)
        assert await wx.get(dict(stub.SAMPLE_VERIFY)) == (200, stub.SAMPLE_VERIFY_PLAIN)

        tampered = dict(stub.SAMPLE_VERIFY, nonce="263014781")
        assert (await wx.get(tampered))[0] == 403

        clock[0] += 301  # the official vector is now outside the replay window
        assert (await wx.get(dict(stub.SAMPLE_VERIFY)))[0] == 403


async def test_channel_off_without_token(session, monkeypatch):
    for var in ["WECHAT_TOKEN", "WECHAT_APPID", "WECHAT_AES_KEY", "WECHAT_APPSECRET"]:
        monkeypatch.delenv(var, raising=False)
    # The project's credentials.yml loads and registers with no WECHAT_* set.
    credentials = Path(__file__).resolve().parents[1] / "credentials.yml"
    channels = rasa.core.run.create_http_input_channels(None, str(credentials))
    wechat = [c for c in channels if isinstance(c, WeChatInput)]
    assert len(wechat) == 1 and not wechat[0].config.enabled
    assert {c.name() for c in channels} >= {"rest", "wechat"}
    app = Sanic(f"wechat_off_{int(time.time() * 1e6)}", configure_logging=False)
    register(channels, app, route="/webhooks/")
    assert any(r.path.rstrip("/").endswith("webhooks/wechat/webhook") for r in app.router.routes)

    agent = stub.FakeAgent()
    async with stub.serve_channel(wechat[0], agent) as base:
        wx = stub.WeChatSender(base, "", session=session)
        assert (await wx.get(wx.query(echostr="abc")))[0] == 404
        assert (await wx.post(stub.text_msg("你好")))[0] == 404
    assert agent.messages == []


# ----------------------------------------------------------------- messages


async def test_plaintext_text_round_trip(session):
    agent = stub.FakeAgent(lambda text: [{"text": "您好！\n可以申报。"}, {"text": "还有问题吗？"}])
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        status, body = await wx.post(stub.text_msg("我们能申报吗？", openid=OPENID))
        assert status == 200
        reply = stub.parse_reply(body)
        assert reply["ToUserName"] == OPENID
        assert reply["FromUserName"] == "gh_account"
        assert reply["MsgType"] == "text"
        assert reply["Content"] == "您好！\n可以申报。\n\n还有问题吗？"
        assert abs(int(reply["CreateTime"]) - time.time()) < 10
    [message] = agent.messages
    assert message.text == "我们能申报吗？"
    assert message.sender_id == OPENID
    assert message.input_channel == "wechat"


async def test_post_signature_and_replay_window(session):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        params = wx.query()
        params["signature"] = "0" * 40
        assert (await wx.post_raw(params, stub.text_msg("a")))[0] == 403
        params = wx.query()
        del params["signature"]
        assert (await wx.post_raw(params, stub.text_msg("b")))[0] == 403
        now = int(time.time())
        assert (await wx.post(stub.text_msg("c"), timestamp=now - 301))[0] == 403
        assert (await wx.post(stub.text_msg("d"), timestamp=now + 301))[0] == 403
        assert (await wx.post(stub.text_msg("e"), timestamp=now - 290))[0] == 200
        # A captured (timestamp, nonce, signature) cannot carry a different body.
        params = wx.query()
        assert (await wx.post_raw(params, stub.text_msg("f")))[0] == 200
        assert (await wx.post_raw(params, stub.text_msg("forged")))[0] == 403
    assert agent.texts == ["e", "f"]


async def test_official_sample_message_through_webhook(session):
    """WeChat's published encrypted POST sample, end to end."""
    config = WeChatConfig(token=stub.SAMPLE_TOKEN, appid=stub.SAMPLE_APPID, aes_key=stub.SAMPLE_AES_KEY)
    channel = WeChatInput(config, clock=lambda: float(stub.SAMPLE_POST_QUERY["timestamp"]))
    agent = stub.FakeAgent(lambda text: [{"text": f"你说的是 {text}"}])
    async with stub.serve_channel(channel, agent) as base:
        wx = stub.WeChatSender(
            base, stub.SAMPLE_TOKEN, aes_key=stub.SAMPLE_AES_KEY, appid=stub.SAMPLE_APPID, session=session
        )
        params = dict(stub.SAMPLE_POST_QUERY, encrypt_type="aes")
        status, body = await wx.post_raw(params, stub.SAMPLE_POST_BODY)
        assert status == 200
        inner, appid = wx.open_encrypted_reply(body)
        assert appid == stub.SAMPLE_APPID
        assert inner["Content"] == "你说的是 hello"
        assert inner["ToUserName"] == "mycreate"
        assert inner["FromUserName"] == stub.SAMPLE_APPID
    assert [(m.sender_id, m.text) for m in agent.messages] == [("mycreate", "hello")]


async def test_safe_mode_round_trip(session):
    aes_key = stub.random_aes_key()
    agent = stub.FakeAgent(lambda text: [{"text": "补贴标准如下：" + text}])
    async with stub.serve_channel(make_channel(aes_key=aes_key), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, aes_key=aes_key, appid=APPID, session=session)
        status, body = await wx.post_encrypted(stub.text_msg("离岸执行额", openid=OPENID))
        assert status == 200
        assert "补贴标准" not in body  # nothing in clear text
        inner, appid = wx.open_encrypted_reply(body)
        assert appid == APPID
        assert inner["Content"] == "补贴标准如下：离岸执行额"
        assert inner["ToUserName"] == OPENID

        # Encrypted for another account → rejected.
        status, _ = await wx.post_encrypted(stub.text_msg("x"), appid="wxOtherApp")
        assert status == 403
        # Bad msg_signature → rejected.
        ciphertext = stub.wx_encrypt(aes_key, APPID, stub.text_msg("y"))
        params = wx.query(encrypt_type="aes", msg_signature="f" * 40)
        body = stub.xml_message({"ToUserName": "gh", "Encrypt": ciphertext})
        assert (await wx.post_raw(params, body))[0] == 403
        # Good msg_signature but the plain signature is wrong → rejected.
        params = wx.query(encrypt_type="aes")
        params["msg_signature"] = stub.sign(TOKEN, params["timestamp"], params["nonce"], ciphertext)
        params["signature"] = "0" * 40
        assert (await wx.post_raw(params, body))[0] == 403
    assert agent.texts == ["离岸执行额"]


async def test_retries_get_same_answer_with_one_turn(session):
    agent = stub.FakeAgent(lambda text: [{"text": f"答复：{text}"}], delay=0.5)
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        xml = stub.text_msg("奖励怎么算？", msg_id=9000001)
        results = await asyncio.gather(*(wx.post(xml) for _ in range(3)))
        late_retry = await wx.post(xml)
    contents = [stub.parse_reply(body)["Content"] for _, body in results + [late_retry]]
    assert contents == ["答复：奖励怎么算？"] * 4
    assert len(agent.messages) == 1


async def test_event_retries_deduplicated_by_user_and_create_time(session):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        xml = stub.typed_msg("event", openid=OPENID, Event="subscribe", CreateTime=1700000000)
        first = await wx.post(xml)
        second = await wx.post(xml)
    assert first == second and first[0] == 200
    assert agent.messages == []


async def test_slow_bot_falls_back_to_customer_service_api(session):
    api = await stub.WeChatAPIStub(APPID, SECRET).start()
    try:
        channel = make_channel(reply_timeout=0.3, api_base=api.base_url)
        agent = stub.FakeAgent(lambda text: [{"text": f"慢回复：{text}"}], delay=0.8)
        async with stub.serve_channel(channel, agent) as base:
            wx = stub.WeChatSender(base, TOKEN, session=session)
            xml = stub.text_msg("第一个问题", openid=OPENID)
            started = time.monotonic()
            assert await wx.post(xml) == (200, "success")
            assert time.monotonic() - started < 0.7
            # WeChat retry while the bot is still thinking: success, no new turn.
            assert await wx.post(xml) == (200, "success")
            await api.wait_for_sent(1)
            # Retry after delivery still answers success (not the text again).
            assert await wx.post(xml) == (200, "success")

            assert await wx.post(stub.text_msg("第二个问题", openid=OPENID)) == (200, "success")
            await api.wait_for_sent(2)
        assert api.sent == [
            {"touser": OPENID, "msgtype": "text", "text": {"content": "慢回复：第一个问题"}},
            {"touser": OPENID, "msgtype": "text", "text": {"content": "慢回复：第二个问题"}},
        ]
        assert len(api.token_requests) == 1  # token cached across both messages
        assert api.token_requests[0] == {
            "grant_type": "client_credential",
            "appid": APPID,
            "secret": SECRET,
        }
        assert agent.texts == ["第一个问题", "第二个问题"]
    finally:
        await api.stop()


async def test_slow_long_reply_is_sent_as_several_customer_service_messages(session):
    api = await stub.WeChatAPIStub(APPID, SECRET).start()
    paragraphs = [f"第{i}条：" + "服务外包离岸执行额补贴说明" * 8 for i in range(1, 25)]
    try:
        channel = make_channel(reply_timeout=0.1, api_base=api.base_url)
        agent = stub.FakeAgent(lambda text: [{"text": p} for p in paragraphs], delay=0.3)
        async with stub.serve_channel(channel, agent) as base:
            wx = stub.WeChatSender(base, TOKEN, session=session)
            assert await wx.post(stub.text_msg("全部政策", openid=OPENID)) == (200, "success")
            await channel.wait_background()
        contents = [m["text"]["content"] for m in api.sent]
        assert len(contents) >= 2
        assert all(len(c.encode("utf-8")) <= 2048 for c in contents)
        assert "\n\n".join(contents) == "\n\n".join(paragraphs)  # complete and in order
        assert all(m["touser"] == OPENID for m in api.sent)
        assert len(api.token_requests) == 1
    finally:
        await api.stop()


async def test_customer_service_refreshes_rejected_token(session):
    api = await stub.WeChatAPIStub(APPID, SECRET).start()
    try:
        channel = make_channel(reply_timeout=0.1, api_base=api.base_url)
        agent = stub.FakeAgent(delay=0.3)
        async with stub.serve_channel(channel, agent) as base:
            wx = stub.WeChatSender(base, TOKEN, session=session)
            await wx.post(stub.text_msg("一"))
            await api.wait_for_sent(1)
            api.expire_token()  # e.g. token was refreshed elsewhere → errcode 40001
            await wx.post(stub.text_msg("二"))
            await api.wait_for_sent(2)
        assert len(api.token_requests) == 2
        assert api.send_tokens == ["TOKEN-1", "TOKEN-1", "TOKEN-2"]
        assert [m["text"]["content"] for m in api.sent] == ["收到：一", "收到：二"]
    finally:
        await api.stop()


async def test_customer_service_failure_is_logged_without_content(session, caplog):
    api = await stub.WeChatAPIStub(APPID, SECRET).start()
    api.fail_sends_with_status = 500
    try:
        channel = make_channel(reply_timeout=0.1, api_base=api.base_url)
        agent = stub.FakeAgent(lambda text: [{"text": "可获得奖励 1500000 元"}], delay=0.3)
        with caplog.at_level(logging.DEBUG, logger="bot.channels.wechat"):
            async with stub.serve_channel(channel, agent) as base:
                wx = stub.WeChatSender(base, TOKEN, session=session)
                assert await wx.post(stub.text_msg("离岸执行额150万美元", openid=OPENID)) == (200, "success")
                await channel.wait_background()
                # The channel keeps working after the failed delivery.
                api.fail_sends_with_status = None
                channel.config.reply_timeout = 3.0
                status, body = await wx.post(stub.text_msg("再问一次"))
                assert status == 200 and "1500000" in body
        wechat_logs = [r for r in caplog.records if r.name.startswith("bot.channels.wechat")]
        assert any("delivery failed" in r.getMessage() for r in wechat_logs)
        for record in wechat_logs:
            text = record.getMessage()
            assert "150" not in text and "1500000" not in text and "离岸" not in text
            assert OPENID not in text and SECRET not in text
    finally:
        await api.stop()


async def test_missing_appsecret_does_not_crash(session):
    channel = make_channel(reply_timeout=0.1, appsecret="")
    agent = stub.FakeAgent(delay=0.3)
    async with stub.serve_channel(channel, agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        assert await wx.post(stub.text_msg("慢")) == (200, "success")
        await channel.wait_background()
        channel.config.reply_timeout = 3.0
        agent.delay = 0
        assert (await wx.post(stub.text_msg("快")))[0] == 200


async def test_long_reply_is_paginated_within_2048_bytes(session):
    paragraphs = [f"第{i}条：" + "郑州市服务外包产业发展政策条款说明" * 6 for i in range(1, 31)]
    agent = stub.FakeAgent(lambda text: [{"text": p} for p in paragraphs] if text == "全部政策" else [{"text": "其他"}])
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        pages = []
        status, body = await wx.post(stub.text_msg("全部政策", openid=OPENID))
        content = stub.parse_reply(body)["Content"]
        while True:
            assert len(content.encode("utf-8")) <= PASSIVE_LIMIT_BYTES
            if not content.endswith(CONTINUE_HINT):
                pages.append(content)
                break
            pages.append(content[: -len(CONTINUE_HINT)])
            _, body = await wx.post(stub.text_msg("继续", openid=OPENID))
            content = stub.parse_reply(body)["Content"]
        assert len(pages) >= 3
        assert "\n\n".join(pages) == "\n\n".join(paragraphs)
        # Nothing left: “继续” now goes to the bot like any text.
        _, body = await wx.post(stub.text_msg("继续", openid=OPENID))
        assert stub.parse_reply(body)["Content"] == "其他"
    assert agent.texts == ["全部政策", "继续"]


async def test_buttons_become_numbers_mapped_back_to_payload(session):
    def respond(text):
        if text == "/ask_subsidy":
            return [{"text": "补贴标准：……"}]
        return [
            {
                "text": "请选择：",
                "buttons": [
                    {"title": "资格自查", "payload": "/ask_eligibility"},
                    {"title": "补贴标准", "payload": "/ask_subsidy"},
                ],
            }
        ]

    agent = stub.FakeAgent(respond)
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        _, body = await wx.post(stub.text_msg("你好", openid=OPENID))
        assert stub.parse_reply(body)["Content"] == "请选择：\n回复数字选择：\n1. 资格自查\n2. 补贴标准"
        _, body = await wx.post(stub.text_msg("2", openid=OPENID))
        assert stub.parse_reply(body)["Content"] == "补贴标准：……"
        # The last reply had no buttons: a bare number is now just text.
        await wx.post(stub.text_msg("2", openid=OPENID))
        # Buttons are per user.
        await wx.post(stub.text_msg("你好", openid="oOtherUser"))
        await wx.post(stub.text_msg("１", openid="oOtherUser"))
        await wx.post(stub.text_msg("9", openid="oOtherUser"))  # out of range → as typed
    assert [(m.sender_id, m.text) for m in agent.messages] == [
        (OPENID, "你好"),
        (OPENID, "/ask_subsidy"),
        (OPENID, "2"),
        ("oOtherUser", "你好"),
        ("oOtherUser", "/ask_eligibility"),
        ("oOtherUser", "9"),
    ]


async def test_voice_messages(session):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        _, body = await wx.post(
            stub.typed_msg("voice", MediaId="m1", Format="amr", Recognition="游戏美术外包属于哪个领域")
        )
        assert stub.parse_reply(body)["Content"] == "收到：游戏美术外包属于哪个领域"
        _, body = await wx.post(stub.typed_msg("voice", MediaId="m2", Format="amr"))
        assert stub.parse_reply(body)["Content"] == VOICE_UNRECOGNIZED_TEXT
        _, body = await wx.post(stub.typed_msg("voice", MediaId="m3", Format="amr", Recognition=""))
        assert stub.parse_reply(body)["Content"] == VOICE_UNRECOGNIZED_TEXT
    assert agent.texts == ["游戏美术外包属于哪个领域"]


@pytest.mark.parametrize(
    "msg_type, extra",
    [
        ("image", {"PicUrl": "http://example.invalid/a.jpg", "MediaId": "x"}),
        ("video", {"MediaId": "x", "ThumbMediaId": "y"}),
        ("shortvideo", {"MediaId": "x", "ThumbMediaId": "y"}),
        ("location", {"Location_X": "34.7", "Location_Y": "113.6", "Scale": "15", "Label": "郑州"}),
        ("link", {"Title": "t", "Description": "d", "Url": "http://example.invalid"}),
    ],
)
async def test_non_text_messages_get_friendly_text(session, msg_type, extra):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        status, body = await wx.post(stub.typed_msg(msg_type, openid=OPENID, **extra))
        assert status == 200
        reply = stub.parse_reply(body)
        assert reply["Content"] == UNSUPPORTED_TEXT
        assert reply["Content"].startswith("目前只能处理文字消息")
        assert reply["ToUserName"] == OPENID
    assert agent.messages == []


async def test_subscribe_and_unsubscribe(session):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        _, body = await wx.post(stub.typed_msg("event", openid=OPENID, Event="subscribe"))
        welcome = stub.parse_reply(body)["Content"]
        for topic in ["资格", "目录领域", "补贴标准", "奖励测算", "申报预审"]:
            assert topic in welcome
        assert await wx.post(
            stub.typed_msg("event", openid=OPENID, Event="unsubscribe", CreateTime=int(time.time()) + 1)
        ) == (200, "success")
    assert agent.messages == []


async def test_bot_failure_gives_friendly_error(session):
    agent = stub.FakeAgent()
    agent.error = RuntimeError("secret internal detail")
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        status, body = await wx.post(stub.text_msg("你好"))
    assert status == 200
    assert stub.parse_reply(body)["Content"] == ERROR_TEXT
    assert "secret internal detail" not in body


async def test_action_server_down_gives_busy_reply_and_a_resend_is_answered(session):
    from bot.guard import BUSY_TEXT
    from bot.reliability import ActionServerUnavailable

    agent = stub.FakeAgent()
    agent.error = ActionServerUnavailable("custom action failed")
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        status, body = await wx.post(stub.text_msg("离岸奖励怎么算？", openid=OPENID))
        assert status == 200 and stub.parse_reply(body)["Content"] == BUSY_TEXT
        agent.error = None  # the action server is back
        status, body = await wx.post(stub.text_msg("离岸奖励怎么算？", openid=OPENID))
        assert stub.parse_reply(body)["Content"] == "收到：离岸奖励怎么算？"


async def test_long_message_never_reaches_the_nlu_and_others_are_not_held_up(session):
    from bot.guard import MAX_MESSAGE_CHARS

    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        started = time.perf_counter()
        status, body = await wx.post(stub.text_msg("长" * 20000, openid=OPENID))
        assert time.perf_counter() - started < 1.0
        text = stub.parse_reply(body)["Content"]
        assert status == 200 and "20000字" in text and f"{MAX_MESSAGE_CHARS}字" in text
        status, body = await wx.post(stub.text_msg("你好", openid="other-user"))
        assert stub.parse_reply(body)["Content"] == "收到：你好"
    assert agent.texts == ["你好"]


# ---------------------------------------------------------- hostile payloads

XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    "<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName>"
    "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content>"
    "<MsgId>1</MsgId></xml>"
)
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    "<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName>"
    "<MsgType>text</MsgType><Content>&lol2;</Content><MsgId>2</MsgId></xml>"
)
DTD_ONLY = '<!DOCTYPE xml SYSTEM "http://example.invalid/x.dtd"><xml><MsgType>text</MsgType></xml>'
# Harmless on its own, but the channel accepts no DTD at all.
BARE_DOCTYPE = "<!DOCTYPE xml>" + stub.text_msg("你好")


@pytest.mark.parametrize("payload", [XXE, LAUGHS, DTD_ONLY, BARE_DOCTYPE], ids=["xxe", "entities", "dtd", "doctype"])
async def test_dtd_and_entities_rejected(session, payload):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        status, body = await wx.post(payload)
        assert status == 400
        assert "root:" not in body and "Traceback" not in body
        # …also inside the encrypted envelope.
        aes_key = stub.random_aes_key()
    async with stub.serve_channel(make_channel(aes_key=aes_key), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, aes_key=aes_key, appid=APPID, session=session)
        assert (await wx.post_encrypted(payload))[0] == 400
    assert agent.messages == []


async def test_oversize_body_rejected(session):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        big = stub.text_msg("大" * 22000)  # > 64 KB of UTF-8
        assert len(big.encode()) > 64 * 1024
        assert (await wx.post(big))[0] == 413
        ok = stub.text_msg("小" * 20000)  # just under the limit
        assert len(ok.encode()) < 64 * 1024
        status, body = await wx.post(ok)  # accepted, answered politely, not sent to the NLU
        assert status == 200 and "20000字" in stub.parse_reply(body)["Content"]
    assert agent.messages == []


@pytest.mark.parametrize(
    "body",
    [
        "<xml><ToUserName>gh</ToUserName><FromUserName>o1",
        "not xml at all",
        "",
        "<notxml><MsgType>text</MsgType></notxml>",
        "<xml><Content>no sender</Content></xml>",
        b"\xff\xfe<xml>",
    ],
    ids=["truncated", "text", "empty", "wrong-root", "missing-fields", "bad-bytes"],
)
async def test_malformed_xml_is_400_without_traceback(session, body):
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, session=session)
        status, text = await wx.post_raw(wx.query(), body)
    assert status == 400
    assert "Traceback" not in text and "Error" not in text and len(text) < 100
    assert agent.messages == []


async def test_malformed_encrypted_envelope(session):
    aes_key = stub.random_aes_key()
    agent = stub.FakeAgent()
    async with stub.serve_channel(make_channel(aes_key=aes_key), agent) as base:
        wx = stub.WeChatSender(base, TOKEN, aes_key=aes_key, appid=APPID, session=session)
        params = wx.query(encrypt_type="aes", msg_signature="0" * 40)
        assert (await wx.post_raw(params, "<xml><Encrypt>")).__getitem__(0) == 400
        assert (await wx.post_raw(params, "<xml><ToUserName>x</ToUserName></xml>"))[0] == 400
        # Validly signed garbage ciphertext → rejected, no crash.
        garbage = "QUJD" * 8
        params = wx.query(encrypt_type="aes")
        params["msg_signature"] = stub.sign(TOKEN, params["timestamp"], params["nonce"], garbage)
        status, text = await wx.post_raw(params, stub.xml_message({"Encrypt": garbage}))
        assert status == 403 and "Traceback" not in text
    assert agent.messages == []


class SharedTokens:
    """The token part of bot/channels/wechat_state.RedisWeChatState, in memory."""

    def __init__(self) -> None:
        self.token, self.seconds = None, 0.0

    async def load_token(self):
        return self.token, self.seconds

    async def save_token(self, token, lifetime):
        self.token, self.seconds = token, lifetime


async def test_replicas_share_one_access_token(session):
    """Two replicas sharing the token store fetch one token; a refused shared token is replaced."""
    from bot.channels.wechat import AccessTokenCache

    api = await stub.WeChatAPIStub(APPID, SECRET).start()
    try:
        config = WeChatConfig(token=TOKEN, appid=APPID, appsecret=SECRET, api_base=api.base_url)
        shared = SharedTokens()
        first, second = AccessTokenCache(config, time.time, shared), AccessTokenCache(config, time.time, shared)
        assert await first.get(session) == "TOKEN-1"
        assert await second.get(session) == "TOKEN-1"
        assert (first.fetch_count, second.fetch_count, len(api.token_requests)) == (1, 0, 1)
        assert shared.seconds > 0
        second.invalidate()  # WeChat refused TOKEN-1 to the second replica
        assert await second.get(session) == "TOKEN-2" and shared.token == "TOKEN-2"
        first.invalidate()
        assert await first.get(session) == "TOKEN-2" and len(api.token_requests) == 2
    finally:
        await api.stop()
