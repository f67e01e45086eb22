"""The web chat page in Debian's headless Chromium (driven by Playwright).

`python -m bot.webserver` runs as a subprocess on a free port, proxying to a stub
Rasa REST server started here (canned text + buttons; can be slow or stopped).
Screenshots: var/screenshots/webchat-<W>x<H>.png (and -offline.png).
"""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

try:
    from tests import webchat_stub as stub
except ImportError:  # pragma: no cover
    import webchat_stub as stub

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STORAGE_KEY = "zz-policy-chat-v1"
OFFLINE_TEXT = "无法连接到服务器，请稍后重试"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium)",
    ),
]


def start_webserver(rasa_url: str):
    port = stub.free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.webserver",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--rasa",
            rasa_url,
            "--timeout",
            "5",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise RuntimeError("bot.webserver did not start")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def bot_texts(page):
    return page.eval_on_selector_all(".row.bot .bubble .text", "els => els.map(e => e.textContent)")


def user_texts(page):
    return page.eval_on_selector_all(".row.user .bubble .text", "els => els.map(e => e.textContent)")


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") or "null")


def wait_until(predicate, timeout=5.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.mark.parametrize("width, height", [(375, 667), (1280, 800)], ids=["phone", "desktop"])
def test_web_chat_in_chromium(playwright, tmp_path, width, height):
    from playwright.sync_api import expect

    rasa = stub.StubRasa().start()
    web, url = start_webserver(rasa.url)
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": width, "height": height},
        locale="zh-CN",
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        console_errors = []
        page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: console_errors.append(str(exc)))
        page.goto(url + "/")

        expect(page.locator("h1")).to_have_text("郑州市服务外包政策助手")
        expect(page.locator(".row.bot .bubble").first).to_contain_text("政策助手")
        chips = page.locator(".chip")
        expect(chips).to_have_text(
            ["我们能申报吗？", "离岸执行额150万美元能拿多少？", "游戏美术外包属于哪个领域？", "我想做个预审"]
        )

        # Fits the screen: no sideways scrolling, composer and restart visible.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for selector in ["#input", "#send", "#restart", ".chip >> nth=0"]:
            box = page.locator(selector).bounding_box()
            assert box and box["x"] >= 0 and box["y"] >= 0
            assert box["y"] + box["height"] <= height and box["x"] + box["width"] <= width + 1

        # 1. Send a message: typing indicator while the (slow) bot thinks, then the reply.
        rasa.delay = 1.2
        page.fill("#input", "我们能申报吗？")
        page.press("#input", "Enter")
        expect(page.locator(".row.user .bubble .text").last).to_have_text("我们能申报吗？")
        expect(page.locator("#typing")).to_be_visible()
        expect(page.locator("#send")).to_be_disabled()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"webchat-{width}x{height}-typing.png"))
        expect(page.locator("#input")).to_have_value("")
        expect(page.locator(".row.bot .choice")).to_have_text(["资格自查", "补贴测算"], timeout=8000)
        expect(page.locator("#typing")).to_have_count(0)
        assert bot_texts(page)[-1] == stub.GREETING_TEXT  # exact text, HTML shown literally
        assert page.locator(".messages b, .messages script").count() == 0
        assert page.evaluate("window.__xss") is None
        reply = page.locator(".row.bot .bubble .text").last
        assert reply.evaluate("e => getComputedStyle(e).whiteSpace") in ("pre-wrap", "pre-line")
        assert reply.evaluate("e => e.getClientRects().length === 1 && e.offsetHeight") > 40  # 2+ lines
        sender = stored(page)["sender"]
        assert sender.startswith("web-")
        assert rasa.received == [(sender, "我们能申报吗？")]

        # 2. Click a button: its title is shown, its payload is sent.
        rasa.delay = 0
        page.locator(".choice", has_text="资格自查").first.click()
        expect(page.locator(".row.user .bubble .text").last).to_have_text("资格自查")
        expect(page.locator(".row.bot .bubble .text").last).to_have_text(stub.ELIGIBILITY_TEXT, use_inner_text=True)
        assert rasa.received[-1] == (sender, "/check_eligibility")

        # 3. A suggestion chip sends its question.
        page.locator(".chip", has_text="游戏美术外包").click()
        expect(page.locator(".row.bot .bubble .text").last).to_contain_text("数字内容服务")
        assert rasa.received[-1] == (sender, "游戏美术外包属于哪个领域？")
        assert console_errors == []

        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.screenshot(path=str(SCREENSHOTS / f"webchat-{width}x{height}.png"))

        # 4. Reload: the transcript and the sender id are kept.
        before = (user_texts(page), bot_texts(page))
        assert len(before[0]) == 3
        page.reload()
        expect(page.locator(".row.user .bubble .text")).to_have_count(3)
        assert (user_texts(page), bot_texts(page)) == before
        assert stored(page)["sender"] == sender
        expect(page.locator(".choice")).to_have_count(2)  # buttons still rendered

        # 5. Server unreachable: a clear message and a retry button.
        port = rasa.port
        rasa.stop()
        page.fill("#input", "还在吗？")
        page.click("#send")
        error = page.locator("#error")
        expect(error).to_be_visible(timeout=8000)
        expect(error).to_contain_text(OFFLINE_TEXT)
        expect(page.locator("#typing")).to_have_count(0)
        expect(page.locator("#send")).to_be_enabled()
        page.screenshot(path=str(SCREENSHOTS / f"webchat-{width}x{height}-offline.png"))

        # …the bot comes back and the user retries the same message.
        rasa = stub.StubRasa(port=port).start()
        replies = page.locator(".row.bot:not(#error)")
        bot_rows = replies.count()
        error.locator(".retry").click()
        expect(page.locator("#error")).to_have_count(0)
        # the retried message's reply is a new bot row (earlier rows' buttons are visible already)
        expect(replies).to_have_count(bot_rows + 1, timeout=8000)
        expect(replies.last.locator(".choice").first).to_be_visible()
        assert rasa.received == [(sender, "还在吗？")]
        assert user_texts(page).count("还在吗？") == 1

        # 6. 重新开始: transcript cleared, new sender id, /restart sent for the old one.
        page.click("#restart")
        expect(page.locator(".row.user")).to_have_count(0)
        expect(page.locator(".row.bot")).to_have_count(1)  # the welcome
        assert stored(page)["messages"] == []
        assert stored(page)["sender"] != sender
        assert wait_until(lambda: (sender, "/restart") in rasa.received)
        page.reload()
        expect(page.locator(".row.user")).to_have_count(0)
    finally:
        context.close()
        web.terminate()
        web.wait(timeout=10)
        rasa.stop()


def layered_reply(message: str) -> list:
    """The assistant's own layered answers (bot/answers), as the REST channel sends them."""
    from bot.answers import compose, layers

    code = layers.requested(message)
    answer = layers.detail(code) if code else compose("ask_subsidy", message)
    return [dict({"text": answer.text}, **({"buttons": answer.buttons} if answer.buttons else {}))]


@pytest.mark.parametrize("width, height", [(375, 667), (1280, 800)], ids=["phone", "desktop"])
def test_overview_quick_replies_in_chromium(playwright, tmp_path, width, height):
    """Issue 18: the quick replies appear under an overview answer, and clicking one shows the detail."""
    from playwright.sync_api import expect

    from bot.answers import layers
    from knowledge import query

    layered_reply("有哪些奖励和补贴")  # load the knowledge base and jieba before the page's 5 s timeout runs
    rasa = stub.StubRasa(reply=layered_reply).start()
    web, url = start_webserver(rasa.url)
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": width, "height": height},
        locale="zh-CN",
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(url + "/")
        page.fill("#input", "有哪些奖励和补贴")
        page.press("#input", "Enter")
        overview = layers.overview()
        expect(page.locator(".row.bot .bubble")).to_have_count(2, timeout=8000)  # the welcome and the answer
        bubble = page.locator(".row.bot .bubble").nth(1)
        expect(bubble.locator(".choice")).to_have_text([b["title"] for b in overview.buttons], timeout=8000)
        expect(bubble.locator(".text")).to_have_text(overview.text, use_inner_text=True)
        text_box = bubble.locator(".text").bounding_box()
        first_choice = bubble.locator(".choice").first.bounding_box()
        assert first_choice["y"] >= text_box["y"] + text_box["height"]  # under the answer
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for box in [b.bounding_box() for b in bubble.locator(".choice").all()]:
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        bubble.locator(".choice").last.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"webchat-{width}x{height}-overview.png"))

        # A click shows the full clause: its text, conditions and eligible costs.
        bubble.locator(".choice", has_text="展会等活动").click()
        expect(page.locator(".row.user .bubble .text").last).to_have_text("展会等活动")
        detail = page.locator(".row.bot .bubble .text").last
        expect(detail).to_contain_text(query.clause("3.5")["text"])
        expect(detail).to_contain_text("可补贴的费用：注册费、展位费、布展费、特装费、宣传推广费")
        assert rasa.received[-1][1] == "详细说说第三条第（五）项"
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.screenshot(path=str(SCREENSHOTS / f"webchat-{width}x{height}-detail.png"))

        # A direction with points: every point in full, then one point's conditions — two clicks.
        bubble.locator(".choice", has_text="人才培训和就业").click()
        expect(page.locator(".row.bot .bubble")).to_have_count(4)
        points = page.locator(".row.bot .bubble").nth(3)
        expect(points.locator(".choice")).to_have_count(4)
        expect(points.locator(".text")).to_contain_text(query.clause("3.7.4")["text"])
        points.locator(".choice", has_text="接收实习生").click()
        expect(page.locator(".row.bot .bubble .text").last).to_contain_text(
            "条件：与相关高校签订两年以上实习生实训协议"
        )
    finally:
        context.close()
        web.terminate()
        web.wait(timeout=10)
        rasa.stop()
