"""Unit tests: WeChat crypto against the official sample, text helpers, config."""

import base64
import hashlib

import pytest

from bot.channels.wechat import (
    CHOICE_HEADER,
    WeChatConfig,
    WeChatInput,
    parse_choice,
    render_bot_messages,
    split_utf8,
    utf8_len,
)
from bot.channels.wechat_crypto import (
    WeChatCrypto,
    WeChatCryptoError,
    sha1_signature,
    signature_matches,
)

try:
    from tests import wechat_stub as stub
except ImportError:  # pragma: no cover - tests/ run as rootdir
    import wechat_stub as stub


def test_official_sample_signatures():
    assert (
        sha1_signature(
            stub.SAMPLE_TOKEN,
            stub.SAMPLE_VERIFY["timestamp"],
            stub.SAMPLE_VERIFY["nonce"],
            stub.SAMPLE_VERIFY["echostr"],
        )
        == stub.SAMPLE_VERIFY["msg_signature"]
    )
    assert (
        sha1_signature(
            stub.SAMPLE_TOKEN,
            stub.SAMPLE_POST_QUERY["timestamp"],
            stub.SAMPLE_POST_QUERY["nonce"],
            stub.SAMPLE_POST_ENCRYPT,
        )
        == stub.SAMPLE_POST_QUERY["msg_signature"]
    )


def test_official_sample_decrypts():
    crypto = WeChatCrypto(stub.SAMPLE_AES_KEY, stub.SAMPLE_APPID)
    assert crypto.decrypt_for_app(stub.SAMPLE_VERIFY["echostr"]) == stub.SAMPLE_VERIFY_PLAIN
    message, appid = crypto.decrypt(stub.SAMPLE_POST_ENCRYPT)
    assert appid == stub.SAMPLE_APPID
    assert "<Content><![CDATA[hello]]></Content>" in message
    assert "<MsgId>4561255354251345929</MsgId>" in message
    # The test's independent implementation agrees on the published vector.
    assert stub.wx_decrypt(stub.SAMPLE_AES_KEY, stub.SAMPLE_POST_ENCRYPT) == (message, appid)


@pytest.mark.parametrize("length", [0, 1, 11, 12, 31, 32, 44, 500])
def test_encrypt_matches_independent_implementation(length):
    message = ("政策ab" * 200)[:length]
    crypto = WeChatCrypto(stub.SAMPLE_AES_KEY, stub.SAMPLE_APPID)
    ours = crypto.encrypt(message)
    assert len(base64.b64decode(ours)) % 32 == 0
    assert stub.wx_decrypt(stub.SAMPLE_AES_KEY, ours) == (message, stub.SAMPLE_APPID)
    theirs = stub.wx_encrypt(stub.SAMPLE_AES_KEY, stub.SAMPLE_APPID, message)
    assert crypto.decrypt_for_app(theirs) == message


def test_encryption_uses_random_prefix():
    crypto = WeChatCrypto(stub.SAMPLE_AES_KEY, stub.SAMPLE_APPID)
    assert crypto.encrypt("同一条消息") != crypto.encrypt("同一条消息")


def test_decrypt_rejects_wrong_appid_and_garbage():
    other = stub.wx_encrypt(stub.SAMPLE_AES_KEY, "wxSomebodyElse", "<xml/>")
    crypto = WeChatCrypto(stub.SAMPLE_AES_KEY, stub.SAMPLE_APPID)
    with pytest.raises(WeChatCryptoError):
        crypto.decrypt_for_app(other)
    for bad in ["", "not base64!!", base64.b64encode(b"short").decode(), "A" * 30]:
        with pytest.raises(WeChatCryptoError):
            crypto.decrypt(bad)
    with pytest.raises(WeChatCryptoError):
        # right key, corrupted ciphertext → garbage padding/length/appid
        crypto.decrypt_for_app(stub.SAMPLE_POST_ENCRYPT[:-24] + "A" * 22 + "==")


def test_bad_aes_key_rejected():
    for key in ["", "short", stub.SAMPLE_AES_KEY + "x", "!" * 43]:
        with pytest.raises(ValueError):
            WeChatCrypto(key, "wx")


def test_signature_matches_is_strict():
    good = sha1_signature("t", "1", "2")
    assert good == hashlib.sha1("".join(sorted(["t", "1", "2"])).encode()).hexdigest()
    assert signature_matches(good, good)
    assert signature_matches(good, good.upper())
    assert not signature_matches(good, None)
    assert not signature_matches(good, "")
    assert not signature_matches(good, good[:-1] + ("0" if good[-1] != "0" else "1"))
    assert not signature_matches(good, "签名")


def test_split_utf8_respects_byte_limit_and_keeps_content():
    paragraphs = [f"第{i}段：" + "服务外包政策说明" * (i % 7 + 1) for i in range(60)]
    text = "\n\n".join(paragraphs)
    chunks = split_utf8(text, 300)
    assert len(chunks) > 1
    assert all(utf8_len(c) <= 300 for c in chunks)
    assert "\n\n".join(chunks) == text  # split only at paragraph boundaries here

    one_long_line = "补" * 1000  # 3000 bytes, no separators at all
    chunks = split_utf8(one_long_line, 2048)
    assert [utf8_len(c) for c in chunks] == [2046, 954]
    assert "".join(chunks) == one_long_line

    assert split_utf8("短", 2048) == ["短"]


def test_render_buttons_numbered_and_choice_parsing():
    text, choices = render_bot_messages(
        [
            {
                "text": "您想了解哪方面？",
                "buttons": [
                    {"title": "资格自查", "payload": "/ask_eligibility"},
                    {"title": "补贴测算", "payload": "/ask_subsidy"},
                ],
            },
            {"text": "也可以直接输入问题。"},
            {"text": "更多", "buttons": [{"title": "申报预审", "payload": "/precheck"}]},
        ]
    )
    assert text == (
        "您想了解哪方面？\n" + CHOICE_HEADER + "\n1. 资格自查\n2. 补贴测算"
        "\n\n也可以直接输入问题。"
        "\n\n更多\n" + CHOICE_HEADER + "\n3. 申报预审"
    )
    assert choices == [
        ("资格自查", "/ask_eligibility"),
        ("补贴测算", "/ask_subsidy"),
        ("申报预审", "/precheck"),
    ]
    assert parse_choice("1") == 1
    assert parse_choice(" ２ ") == 2
    assert parse_choice("3.") == 3
    assert parse_choice("150万") is None
    assert parse_choice("第1个") is None


def test_config_from_environment(monkeypatch):
    for var in [
        "WECHAT_TOKEN",
        "WECHAT_APPID",
        "WECHAT_AES_KEY",
        "WECHAT_APPSECRET",
        "WECHAT_API_BASE",
        "WECHAT_REPLY_TIMEOUT",
    ]:
        monkeypatch.delenv(var, raising=False)
    channel = WeChatInput.from_credentials(None)
    assert channel.name() == "wechat"
    assert not channel.config.enabled
    assert channel.config.api_base == "https://api.weixin.qq.com"
    assert channel.config.reply_timeout == 4.5

    monkeypatch.setenv("WECHAT_TOKEN", "tok")
    monkeypatch.setenv("WECHAT_APPID", "wxapp")
    monkeypatch.setenv("WECHAT_AES_KEY", stub.SAMPLE_AES_KEY)
    monkeypatch.setenv("WECHAT_APPSECRET", "sec")
    monkeypatch.setenv("WECHAT_API_BASE", "http://127.0.0.1:9/")
    monkeypatch.setenv("WECHAT_REPLY_TIMEOUT", "2.5")
    channel = WeChatInput.from_credentials({})
    assert channel.config == WeChatConfig(
        token="tok",
        appid="wxapp",
        aes_key=stub.SAMPLE_AES_KEY,
        appsecret="sec",
        api_base="http://127.0.0.1:9",
        reply_timeout=2.5,
    )
    assert channel.crypto is not None

    monkeypatch.setenv("WECHAT_REPLY_TIMEOUT", "soon")
    assert WeChatConfig.load().reply_timeout == 4.5
