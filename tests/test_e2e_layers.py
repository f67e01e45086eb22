"""Layered answers on the real servers (issue 18): from the overview every clause and sub-item of
第三条 and 第四条 in at most two turns, on the REST channel (buttons) and on WeChat (numbers)."""

import random
import re
import urllib.parse
import urllib.request

import pytest

from bot.channels.wechat import CONTINUE_HINT, PASSIVE_LIMIT_BYTES
from bot.channels.wechat_crypto import WeChatCrypto, sha1_signature
from knowledge import query
from test_e2e_wechat import AES_KEY, APPID, TOKEN, signed, wechat  # noqa: F401 (the fixture)

pytestmark = pytest.mark.e2e
OVERVIEW_QUESTION = "有哪些奖励和补贴"
LEAVES = [c["code"] for c in query.clauses() if c["code"][0] in "34" and not c["children"]]


def full_clause_parts(code: str) -> list:
    """What must be reachable of a clause: its text, conditions, eligible costs and exclusions."""
    c = query.clause(code)
    return [c["text"]] + (c["conditions"] or []) + (c["eligible_costs"] or []) + (c["exclusions"] or [])


def missing(reached: list) -> list:
    """The parts of every clause not in any reply reached."""
    seen = "\n".join(reached)
    return [(code, part) for code in LEAVES for part in full_clause_parts(code) if part not in seen]


def wx_say(url: str, openid: str, text: str) -> str:
    """One encrypted WeChat text message; the decrypted passive reply's content."""
    crypto = WeChatCrypto(AES_KEY, APPID)
    q = signed({"encrypt_type": "aes", "openid": openid})
    xml = (
        f"<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{q['timestamp']}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{text}]]></Content><MsgId>{random.randint(1, 10**12)}</MsgId></xml>"
    )
    enc = crypto.encrypt(xml)
    q["msg_signature"] = sha1_signature(TOKEN, q["timestamp"], q["nonce"], enc)
    body = f"<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><Encrypt><![CDATA[{enc}]]></Encrypt></xml>".encode()
    req = urllib.request.Request(f"{url}?{urllib.parse.urlencode(q)}", body, {"Content-Type": "text/xml"})
    resp = urllib.request.urlopen(req, timeout=30).read().decode()
    inner = re.search(r"<Encrypt><!\[CDATA\[(.*?)\]\]></Encrypt>", resp).group(1)
    return re.search(r"<Content><!\[CDATA\[(.*?)\]\]></Content>", crypto.decrypt_for_app(inner), re.S).group(1)


def test_rest_walk_by_buttons(assistant):
    """REST: the overview's buttons, then the buttons of 三（七）（八）和第四条 — two turns at most."""
    reached = []
    sender = assistant.new_sender("layers")
    overview = assistant.send(sender, OVERVIEW_QUESTION)
    buttons = overview[0]["buttons"]
    assert len(buttons) == 10 and len(overview[0]["text"]) <= 650
    for first in buttons:
        sender = assistant.new_sender("layers")
        assistant.send(sender, OVERVIEW_QUESTION)
        reply = assistant.send(sender, first["payload"])[0]
        reached.append(reply["text"])
        for second in reply.get("buttons") or []:
            reached.append(assistant.send(sender, second["payload"])[0]["text"])
    assert [] == missing(reached)


def test_rest_requests_typed(assistant):
    """「5」「第5个」「展开」「详细说说第五项」「第三条第（七）项第2点具体是什么」 after the overview."""
    for request, code in [
        ("5", "3.5"),
        ("第5个", "3.5"),
        ("详细说说第五项", "3.5"),
        ("第三条第（七）项第2点具体是什么", "3.7.2"),
        ("10", "4.3"),
    ]:
        sender = assistant.new_sender("layers")
        assistant.say(sender, OVERVIEW_QUESTION)
        reply = assistant.say(sender, request)
        assert query.clause(code)["text"] in reply, (request, reply)
    sender = assistant.new_sender("layers")
    assistant.say(sender, "展会补贴标准是多少？")
    reply = assistant.say(sender, "展开")
    assert "可补贴的费用：注册费、展位费、布展费、特装费、宣传推广费" in reply


def test_wechat_walk_by_numbers(wechat):  # noqa: F811
    """WeChat: numbers only, every reply one passive reply (no 「继续」), two turns at most."""
    overview = wx_say(wechat, "o-layers-0", OVERVIEW_QUESTION)
    assert len(overview.encode("utf-8")) <= PASSIVE_LIMIT_BYTES and not overview.endswith(CONTINUE_HINT)
    assert "回复数字选择" not in overview and "10. " in overview
    reached = []
    for n in range(1, 11):
        openid = f"o-layers-{n}"
        wx_say(wechat, openid, OVERVIEW_QUESTION)
        reply = wx_say(wechat, openid, str(n))
        assert len(reply.encode("utf-8")) <= PASSIVE_LIMIT_BYTES and not reply.endswith(CONTINUE_HINT)
        reached.append(reply)
        points = len(re.findall(r"(?m)^\d+\. ", reply.split("回复数字选择：")[-1])) if "回复数字选择" in reply else 0
        for k in range(1, points + 1):
            second = wx_say(wechat, openid, str(k))
            assert len(second.encode("utf-8")) <= PASSIVE_LIMIT_BYTES and not second.endswith(CONTINUE_HINT)
            reached.append(second)
            wx_say(wechat, openid, OVERVIEW_QUESTION)
            wx_say(wechat, openid, str(n))
    assert [] == missing(reached)
