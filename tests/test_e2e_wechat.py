"""The WeChat channel on a real Rasa server with the trained model (safe mode, as WeChat sends it)."""

import os
import random
import re
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from bot.channels.wechat_crypto import WeChatCrypto, sha1_signature
from conftest import MODEL, ROOT, _wait, free_port

pytestmark = pytest.mark.e2e
TOKEN, APPID, AES_KEY = "e2e-token", "wx00e2e000000000", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


@pytest.fixture(scope="module")
def wechat(assistant):
    """A second Rasa server with the WeChat channel on, sharing the assistant's action server."""
    port = free_port()
    env = dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="3",
        WECHAT_TOKEN=TOKEN,
        WECHAT_APPID=APPID,
        WECHAT_AES_KEY=AES_KEY,
        WECHAT_API_BASE="http://127.0.0.1:9",
    )
    log = open(assistant.workdir / "rasa-wechat.log", "w")
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "rasa"),
            "run",
            "--model",
            str(MODEL),
            "--port",
            str(port),
            "--endpoints",
            str(assistant.workdir / "endpoints.yml"),
            "--credentials",
            str(ROOT / "credentials.yml"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(
            f"http://127.0.0.1:{port}/webhooks/rest/webhook",
            proc,
            240,
            b'{"sender": "warmup-wx", "message": "\\u4f60\\u597d"}',
        )
        yield f"http://127.0.0.1:{port}/webhooks/wechat/webhook"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def signed(params: dict) -> dict:
    ts, nonce = str(int(time.time())), f"n{random.randint(1, 10**9)}"
    return dict(params, timestamp=ts, nonce=nonce, signature=sha1_signature(TOKEN, ts, nonce))


def test_url_verification(wechat):
    """A correctly signed GET gets its echostr back."""
    q = urllib.parse.urlencode(signed({"echostr": "echo-42"}))
    assert "echo-42" == urllib.request.urlopen(f"{wechat}?{q}", timeout=10).read().decode()


def test_safe_mode_estimate(wechat):
    """An encrypted question gets an encrypted answer carrying the award."""
    crypto = WeChatCrypto(AES_KEY, APPID)
    q = signed({"encrypt_type": "aes", "openid": "openid-e2e"})
    xml = (
        "<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><FromUserName><![CDATA[openid-e2e]]></FromUserName>"
        f"<CreateTime>{q['timestamp']}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        "<Content><![CDATA[离岸执行额250万美元，汇率6.8，离岸奖励多少]]></Content>"
        f"<MsgId>{random.randint(1, 10**12)}</MsgId></xml>"
    )
    enc = crypto.encrypt(xml)
    q["msg_signature"] = sha1_signature(TOKEN, q["timestamp"], q["nonce"], enc)
    body = f"<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><Encrypt><![CDATA[{enc}]]></Encrypt></xml>".encode()
    req = urllib.request.Request(f"{wechat}?{urllib.parse.urlencode(q)}", body, {"Content-Type": "text/xml"})
    resp = urllib.request.urlopen(req, timeout=10).read().decode()
    inner = re.search(r"<Encrypt><!\[CDATA\[(.*?)\]\]></Encrypt>", resp).group(1)
    reply = crypto.decrypt_for_app(inner)
    assert "1,700,000.00元" in reply and "第三条第（二）项" in reply


def test_bad_signature_is_rejected(wechat):
    """A POST with a wrong signature is refused."""
    q = signed({})
    q["signature"] = "0" * 40
    req = urllib.request.Request(f"{wechat}?{urllib.parse.urlencode(q)}", b"<xml></xml>", {"Content-Type": "text/xml"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code in (401, 403)
