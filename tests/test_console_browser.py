"""The bureau's console in Debian's headless Chromium (Playwright), against the real assistant.

The session's assistant (tests/conftest.py: action server + Rasa on free ports, with their own
console and report stores) answers a scripted set of conversations — in the web chat page (with
👍/👎), through the web server's API and straight over REST — and then staff use the console:
sign-in (a wrong password first), the charts' counts, the review queue (masked figures, a label,
the NLU YAML export checked by `rasa data validate`), report search and CSV/.xlsx export, the
detail and print pages, the enterprise's print link, and sign-out. Every console URL is also
opened without a session. Screenshots of each page at desktop and phone sizes:
var/screenshots/console-<page>-<desktop|phone>.png.
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from tests.test_webchat_browser import CHROMIUM, CHROMIUM_ARGS, bot_texts, wait_until

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "var" / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (375, 740)}
PASSWORD = "bureau-secret-17"
PRESCREEN = ["我想做个预审", "企业", "独立法人", "是", "是", "是", "是", "是", "是", "2", "300万美元", "7"]
ESTIMATE = "离岸执行额150万美元，汇率7.05，能拿多少？"
NOT_UNDERSTOOD = "那咋整"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.e2e,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (make browser installs it)"),
]


def post_json(url, payload):
    req = urllib.request.Request(url, json.dumps(payload).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read().decode())


@pytest.fixture(scope="module")
def site(assistant):
    """The web server in front of the assistant, sharing its stores, and a staff account."""
    from tests.test_webchat_browser import stub

    env = dict(
        os.environ,
        CONSOLE_DB=str(assistant.workdir / "console.db"),
        REPORTS_DB=str(assistant.workdir / "reports.db"),
    )
    env.pop("CONSOLE_SECRET", None)
    subprocess.run(
        [sys.executable, "-m", "bot.console", "user", "alice"],
        cwd=ROOT,
        env=dict(env, CONSOLE_PASSWORD=PASSWORD),
        check=True,
        capture_output=True,
    )
    port = stub.free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.webserver", "--port", str(port), "--rasa", assistant.rasa_url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    assert wait_until(lambda: _up(url), timeout=20), "bot.webserver did not start"
    yield {"url": url, "assistant": assistant, "env": env}
    proc.terminate()
    proc.wait(timeout=10)


def _up(url):
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def shoot(browser, url, name, cookies=None):
    """Screenshots of one page at desktop and phone sizes."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size, (width, height) in SIZES.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        if cookies:
            context.add_cookies(cookies)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SCREENSHOTS / f"console-{name}-{size}.png"), full_page=True)
        context.close()


def in_stores(site, fn):
    """fn() run against the assistant's console and report stores (what the pages read)."""
    saved = {k: os.environ.get(k) for k in ("CONSOLE_DB", "REPORTS_DB")}
    os.environ.update({k: site["env"][k] for k in saved})
    try:
        return fn()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def usage_now(site):
    from bot.console import usage

    return in_stores(site, lambda: usage.summary(30))


def chat_in_page(page, text):
    """Type a message in the web chat and wait for its answer."""
    before = len(bot_texts(page))
    page.fill("#input", text)
    page.press("#input", "Enter")
    assert wait_until(lambda: len(bot_texts(page)) > before and not page.query_selector("#typing"), timeout=60)


@pytest.fixture(scope="module")
def scripted(site, browser):
    """The scripted conversations; returns what they should count as."""
    url, assistant = site["url"], site["assistant"]
    before = usage_now(site)  # other e2e tests share the assistant: counts are checked as differences
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(url + "/")
    chat_in_page(page, "展会补贴标准？")
    page.locator(".row.bot .rate-up").last.click()
    chat_in_page(page, ESTIMATE)
    page.locator(".row.bot .rate-down").last.click()
    assert wait_until(lambda: page.locator(".feedback[data-rated]").count() == 2)
    time.sleep(0.5)  # the 👎 request is fire-and-forget
    page.screenshot(path=str(SCREENSHOTS / "console-webchat-feedback-desktop.png"))
    sender = "console-" + os.urandom(4).hex()
    for text in ["我们能申报吗？", "KPO包括哪些？"]:
        post_json(url + "/api/chat", {"sender": sender, "message": text})
    prescreen_sender = "console-pre-" + os.urandom(4).hex()
    sent = 0
    reply = ""
    for text in PRESCREEN:
        reply = "\n".join(
            m.get("text", "") for m in post_json(url + "/api/chat", {"sender": prescreen_sender, "message": text})
        )
        sent += 1
        if re.search(r"YS-\d{8}-\d{4}", reply):
            break
    ref = re.search(r"YS-\d{8}-\d{4}", reply).group(0)
    link = re.search(r"https?://\S+/report/([A-Za-z0-9_-]{43})", reply)
    assistant.send(assistant.new_sender("rest"), NOT_UNDERSTOOD)  # straight to Rasa's REST channel
    context.close()
    return {
        "before": before,
        "ref": ref,
        "token": link.group(1),
        "prescreen_turns": sent,
        "questions": 2 + 2 + sent + 1,
        "web": 2 + 2 + sent,
        "rest": 1,
    }


def signed_in(browser, site, width=1280, height=800):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.goto(site["url"] + "/console/")
    assert page.url.endswith("/console/login?next=%2Fconsole%2F")
    page.fill("#username", "alice")
    page.fill("#password", PASSWORD)
    page.click("#login")
    page.wait_for_url(re.compile(r"/console/reports?$"))
    return context, page


class TestSignIn:
    def test_wrong_password_then_sign_in_and_out(self, site, browser):
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
        page = context.new_page()
        page.goto(site["url"] + "/console/usage")
        assert "/console/login" in page.url
        page.fill("#username", "alice")
        page.fill("#password", "not-the-password")
        page.click("#login")
        assert "用户名或密码错误" == page.text_content(".error")
        assert not [c for c in context.cookies() if c["name"] == "console_session"]
        page.fill("#username", "alice")
        page.fill("#password", PASSWORD)
        page.click("#login")
        page.wait_for_url(re.compile(r"/console/usage$"))  # back where the visitor wanted to go
        (cookie,) = [c for c in context.cookies() if c["name"] == "console_session"]
        assert cookie["httpOnly"] and "Strict" == cookie["sameSite"]
        page.click("#logout")
        page.wait_for_url(re.compile(r"/console/login$"))
        assert not [c for c in context.cookies() if c["name"] == "console_session"]
        page.goto(site["url"] + "/console/reports")
        assert "/console/login" in page.url
        context.close()
        shoot(browser, site["url"] + "/console/login", "login")

    def test_every_console_url_refused_without_session(self, site, browser, scripted):
        context = browser.new_context()
        page = context.new_page()
        ref = scripted["ref"]
        for path in [
            "/console/",
            "/console/reports",
            "/console/reports.csv",
            "/console/reports.xlsx",
            f"/console/reports/{ref}",
            f"/console/reports/{ref}/print",
            "/console/questions",
            "/console/questions/nlu.yml",
            "/console/usage",
        ]:
            response = page.goto(site["url"] + path)
            assert "/console/login" in page.url, path
            content = page.content()
            assert "工作人员登录" in content, path
            assert "离岸业务奖励" not in content and "预估" not in content and "<table" not in content, path
            assert 200 == response.status  # the sign-in page, after the 303
        context.close()


class TestUsage:
    def test_charts_drawn_with_the_right_counts(self, site, browser, scripted):
        context, page = signed_in(browser, site)
        errors = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(site["url"] + "/console/usage")
        page.wait_for_function("typeof Chart !== 'undefined' && Chart.getChart('chart-topics')")

        def chart(name):
            data = page.evaluate(
                f"(() => {{ const d = Chart.getChart('{name}').data; return [d.labels, d.datasets[0].data]; }})()"
            )
            return dict(zip(*data))

        before = scripted["before"]
        n = scripted["questions"]
        assert str(before["questions"] + n) == page.text_content("#n-questions")
        channels = Counter(dict(before["channels"])) + Counter({"网页": scripted["web"], "REST接口": scripted["rest"]})
        assert dict(channels) == chart("chart-channels")
        mine = {
            "申报预审": scripted["prescreen_turns"],
            "申报资格": 1,
            "领域目录": 1,
            "奖励测算": 1,
            "奖补：第三条第（五）项 支持服务外包企业开拓市场": 1,
            "其他（问候、闲聊等）": 1,
        }
        assert n == sum(mine.values())
        assert dict(Counter(dict(before["topics"])) + Counter(mine)) == chart("chart-topics")
        answered = before["answered"] + n - 1
        assert {"已回答": answered, "未回答": before["questions"] + n - answered} == chart("chart-answered")
        assert before["per_day"][-1][1] + n == list(chart("chart-days").values())[-1]
        buckets = chart("chart-estimates")
        assert dict(before["estimate_buckets"])["100万元及以上"] + 1 == buckets["100万元及以上"]
        total = Decimal(before["estimate_sum"].replace(",", "")) + Decimal("1057500")
        assert f"{total:,.2f}" == page.text_content("#estimate-sum")
        assert f"{before['thumbs_up'] + 1} / {before['thumbs_down'] + 1}" == page.text_content("#thumbs")
        # the numbers beside the chart are the chart's numbers
        rows = page.eval_on_selector_all(
            "#chart-channels-table tr", "rs => rs.map(r => [r.cells[0].textContent, Number(r.cells[1].textContent)])"
        )
        assert chart("chart-channels") == dict(rows)
        assert [] == errors  # no script error, no CSP violation
        cookies = context.cookies()
        context.close()
        shoot(browser, site["url"] + "/console/usage", "usage", cookies)


class TestQueue:
    def test_label_and_export_nlu(self, site, browser, scripted, tmp_path):
        context, page = signed_in(browser, site)
        page.goto(site["url"] + "/console/questions")
        texts = page.eval_on_selector_all(".question .text", "els => els.map(e => e.textContent)")
        assert NOT_UNDERSTOOD in texts
        assert "离岸执行额＊万美元，汇率＊，能拿多少？" in texts  # 👎, with its figures masked
        assert "150" not in page.content() and "7.05" not in page.content()
        cookies = context.cookies()
        shoot(browser, site["url"] + "/console/questions", "questions", cookies)
        item = page.locator(".question", has_text=NOT_UNDERSTOOD)
        item.locator("select[name=intent]").select_option("ask_general_rules")
        item.locator(".label-button").click()
        page.wait_for_url(re.compile(r"/console/questions\?status=new$"))
        assert NOT_UNDERSTOOD not in page.eval_on_selector_all(".question .text", "els => els.map(e => e.textContent)")
        assert "1" == page.text_content("#labelled-count")
        other = page.locator(".question", has_text="离岸执行额")
        other.locator("button.needs").click()
        page.goto(site["url"] + "/console/questions?status=needs_answer")
        assert 1 == page.locator(".question").count()
        with page.expect_download() as download:
            page.click("#export-nlu")
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert {"version": "3.1", "nlu": [{"intent": "ask_general_rules", "examples": f"- {NOT_UNDERSTOOD}\n"}]} == (
            yaml.safe_load(text)
        )
        context.close()
        # ready to add to data/nlu/: rasa data validate accepts the data with it
        data = tmp_path / "data"
        shutil.copytree(ROOT / "data", data)
        (data / "nlu" / "console_labelled.yml").write_text(text, encoding="utf-8")
        out = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "rasa"), "data", "validate", "--data", str(data), "--domain",
             str(ROOT / "domain.yml"), "--config", str(ROOT / "config.yml"), "--quiet"],
            cwd=tmp_path, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert 0 == out.returncode, out.stdout[-2000:] + out.stderr[-2000:]


class TestReports:
    def test_search_export_detail_print(self, site, browser, scripted):
        ref = scripted["ref"]
        context, page = signed_in(browser, site)
        day = f"{ref[3:7]}-{ref[7:9]}-{ref[9:11]}"
        page.fill("#f-ref", ref)
        page.fill("#f-from", day)
        page.fill("#f-to", day)
        page.select_option("#f-verdict", "符合")
        page.fill("#f-item", "离岸")
        page.click("#search")
        page.wait_for_url(re.compile(r"verdict="))
        assert [ref] == page.eval_on_selector_all(
            "#reports tbody tr td:first-child a", "as => as.map(a => a.textContent)"
        )
        with page.expect_download() as download:
            page.click("#export-csv")
        rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
        assert ["编号", "生成时间", "申报主体", "结论", "适用项目", "预估合计（元）"] == rows[0]
        assert [[ref, "服务外包企业", "符合", "离岸业务奖励", "2000000.00"]] == [[r[0], *r[2:]] for r in rows[1:]]
        with page.expect_download() as download:
            page.click("#export-xlsx")
        from openpyxl import load_workbook

        assert download.value.suggested_filename.endswith(".xlsx")
        sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
        values = list(sheet.iter_rows(values_only=True))
        assert [(ref, "符合", "离岸业务奖励", 2000000)] == [(r[0], r[3], r[4], r[5]) for r in values[1:]]
        page.select_option("#f-verdict", "不符合")
        page.click("#search")
        page.wait_for_url(re.compile(r"%E4%B8%8D"))
        assert "没有符合条件的预审报告" in page.text_content("#reports")
        cookies = context.cookies()
        shoot(browser, site["url"] + "/console/reports", "reports", cookies)
        page.goto(site["url"] + f"/console/reports/{ref}")
        from bot.reports.render import render_markdown
        from bot.reports.store import get_report

        article = page.text_content("article.report")
        markdown = render_markdown(in_stores(site, lambda: get_report(ref)))
        for line in markdown.splitlines():  # every word of the printed report is on the page
            if re.fullmatch(r"\|[-|: ]+\|", line.strip()):
                continue
            parts = re.split(r"(?<!\\)\|", line) if line.startswith("|") else [re.sub(r"^(#+|-)\s+", "", line)]
            for part in parts:
                assert part.strip().replace("\\|", "|") in article, line
        shoot(browser, site["url"] + f"/console/reports/{ref}", "report", cookies)
        page.click("#print-page")
        assert ref in page.text_content("article.report")
        shoot(browser, site["url"] + f"/console/reports/{ref}/print", "print", cookies)
        context.close()

    def test_enterprise_print_link(self, site, browser, scripted):
        """The link offered at the end of the pre-screening opens the report without sign-in; nothing else does."""
        context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN")
        page = context.new_page()
        token = scripted["token"]
        response = page.goto(site["url"] + f"/report/{token}")
        assert 200 == response.status and scripted["ref"] in page.text_content("article.report")
        shoot(browser, site["url"] + f"/report/{token}", "enterprise-print")
        for path in ["/report/", f"/report/{token[:-2]}xy", f"/report/{scripted['ref']}"]:
            response = page.goto(site["url"] + path)
            assert 404 == response.status, path
            assert scripted["ref"] not in page.content()
        context.close()

    def test_print_link_in_the_web_chat(self, site, browser):
        """In the web chat the link is a same-origin link that opens the print page."""
        context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN")
        page = context.new_page()
        page.goto(site["url"] + "/")
        for text in PRESCREEN:
            chat_in_page(page, text)
            if page.locator("a.report-link").count():
                break
        link = page.locator("a.report-link").last
        href = link.get_attribute("href")
        assert re.fullmatch(r"/report/[A-Za-z0-9_-]{43}", href)
        with context.expect_page() as opened:
            link.click()
        opened.value.wait_for_load_state()
        assert re.search(r"YS-\d{8}-\d{4}", opened.value.text_content("article.report"))
        page.screenshot(path=str(SCREENSHOTS / "console-webchat-print-link-phone.png"))
        context.close()
