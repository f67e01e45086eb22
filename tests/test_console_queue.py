"""What the action side logs (turns, the review queue), the usage numbers, exports and retention."""

import io
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from bot.console import cli, export, hook, queue, store, usage
from bot.reports import store as reports_store
from conftest import BOTH_STORES

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 28, 10, 0, tzinfo=queue.TIMEZONE).timestamp()


@pytest.fixture(autouse=True)
def dbs(tmp_path, monkeypatch, store_backend):
    """Fresh console and report stores: temporary files, or a PostgreSQL database (BOTH_STORES)."""
    monkeypatch.setenv("CONSOLE_DB", str(tmp_path / "console.db"))
    monkeypatch.setenv("REPORTS_DB", str(tmp_path / "reports.db"))
    monkeypatch.delenv("CONSOLE_SECRET", raising=False)
    monkeypatch.setitem(queue.LOGGING, "on", True)
    return tmp_path


def action_call(text, intent="ask_subsidy", confidence=0.95, action="action_answer_policy", sender="web-1",
                message_id="m1", channel="web"):  # fmt: skip
    """The request rasa_sdk's executor gets (only the fields the console reads)."""
    return {
        "next_action": action,
        "sender_id": sender,
        "tracker": {
            "sender_id": sender,
            "latest_input_channel": channel,
            "latest_message": {
                "text": text,
                "message_id": message_id,
                "intent": {"name": intent, "confidence": confidence},
            },
            "events": [],
        },
    }


def answer(*texts, events=None):
    return {"events": events or [], "responses": [{"text": t} for t in texts]}


class TestMasking:
    @pytest.mark.parametrize(
        "text, masked",
        [
            ("离岸执行额150万美元，汇率7.05", "离岸执行额＊万美元，汇率＊"),
            ("营收1,200万元", "营收＊万元"),
            ("三万五的展位费", "＊的展位费"),
            ("招了十二个人", "招了＊个人"),
            ("第三条第（五）项怎么算", "第三条第（五）项怎么算"),
        ],
    )
    def test_figures_masked(self, text, masked):
        assert masked == queue.mask_figures(text)


@BOTH_STORES
class TestRecordAction:
    def test_good_answer_is_a_turn_not_queued(self):
        queue.record_action(
            action_call("展会补贴标准？"),
            answer("境内展会……", events=[{"event": "slot", "name": "topic_clause", "value": "3.5"}]),
            now=NOW,
        )
        turns = store.turns_since("2026-11-01")
        assert [("2026-11-28", "web", "subsidy:3.5", 1)] == [
            (t["day"], t["channel"], t["topic"], t["answered"]) for t in turns
        ]
        assert [] == store.questions()

    def test_fallback_not_understood_queued_with_reply(self):
        queue.record_action(
            action_call("我那个150万的东西", intent="nlu_fallback", confidence=0.3, action="action_default_fallback"),
            answer("抱歉，我没有理解您的意思。"),
            now=NOW,
        )
        (row,) = store.questions()
        assert "fallback,low_confidence,not_understood" == row["reasons"]
        assert "我那个150万的东西" == row["text"]
        assert "抱歉，我没有理解您的意思。" == row["reply"]
        assert 0 == store.turns_since("2026-11-01")[0]["answered"]

    def test_same_message_queued_twice_keeps_one_row_with_both_reasons(self):
        """The second queueing of one message merges into its row (locked with FOR UPDATE on PostgreSQL;
        SQLite gets the statement without it)."""
        item = {"conversation": "c1", "message_id": "m9", "at": NOW, "day": "2026-11-28", "channel": "web",
                "reasons": "not_understood", "text": "那个数是多少来着", "reply": "抱歉，我没有理解您的意思。",
                "intent": "nlu_fallback", "confidence": 0.3}  # fmt: skip
        store.queue_question(item)
        store.queue_question(dict(item, reasons="thumbs_down", reply="这个问题不在本政策范围内。"))
        (row,) = store.questions()
        assert "not_understood,thumbs_down" == row["reasons"]
        assert "抱歉，我没有理解您的意思。\n这个问题不在本政策范围内。" == row["reply"]

    def test_low_confidence_answer_queued_but_form_answers_not(self):
        queue.record_action(action_call("能拿钱吗", confidence=0.5), answer("可以……"), now=NOW)
        queue.record_action(
            action_call("是的", intent="affirm", confidence=0.4, action="validate_prescreen_form", message_id="m2"),
            answer("好的"),
            now=NOW,
        )
        assert ["能拿钱吗"] == [q["text"] for q in store.questions()]
        assert ["low_confidence"] == [q["reasons"] for q in store.questions()]

    def test_two_actions_of_one_turn_are_one_turn(self):
        call = action_call("我想做个预审", intent="prescreen_start", action="action_prescreen_start")
        queue.record_action(call, answer("好的"), now=NOW)
        call["next_action"] = "action_ask_prescreen_answer"
        queue.record_action(call, answer("请问……"), now=NOW)
        assert ["prescreen"] == [t["topic"] for t in store.turns_since("2026-11-01")]

    def test_warm_up_and_empty_messages_skipped(self):
        queue.record_action(action_call("你好", channel="warmup", sender="__warmup__"), answer("您好"), now=NOW)
        queue.record_action(action_call(""), answer("您好像没有输入内容"), now=NOW)
        assert [] == store.turns_since("2000-01-01")

    def test_estimate_total_noted_by_the_action(self):
        queue.note_estimate("web-1", 1057005.0)
        queue.record_action(action_call("离岸150万美元", intent="estimate_award"), answer("合计……"), now=NOW)
        (turn,) = store.turns_since("2026-11-01")
        assert ("estimate", Decimal("1057005.0")) == (turn["topic"], Decimal(turn["estimate_total"]))

    def test_sender_id_not_stored(self, store_backend):
        queue.record_action(action_call("x", sender="wx-openid-secret", confidence=0.1), answer("y"), now=NOW)
        with store.connect() as conn:
            rows = [tuple(r) for t in ("turns", "questions") for r in conn.execute(f"SELECT * FROM {t}").fetchall()]
        assert 2 == len(rows) and "wx-openid-secret" not in repr(rows)
        if store_backend == "sqlite":
            assert b"wx-openid-secret" not in store.db_path().read_bytes()

    def test_hook_logs_through_the_executor(self):
        """The action server's executor, wrapped, logs the turn and returns the action's answer unchanged."""
        from rasa_sdk import Action
        from rasa_sdk.executor import ActionExecutor

        class Echo(Action):
            def name(self):
                return "action_echo_for_test"

            async def run(self, dispatcher, tracker, domain):
                dispatcher.utter_message(text="抱歉，我没有理解您的意思。")
                return []

        assert hook.install()
        executor = ActionExecutor()
        executor.register_action(Echo())
        call = action_call("乱码", action="action_echo_for_test")
        call["domain"] = {}
        import asyncio

        response = asyncio.run(executor.run(call))
        assert "抱歉，我没有理解您的意思。" == response["responses"][0]["text"]
        assert ["not_understood"] == [q["reasons"] for q in store.questions()]


@BOTH_STORES
class TestFeedback:
    def test_thumbs_down_queued_thumbs_up_counted(self):
        queue.record_feedback("web-1", "up", "展会补贴？", "境内……", now=NOW)
        queue.record_feedback("web-1", "down", "离岸150万美元能拿多少", "……", now=NOW)
        assert ["thumbs_down"] == [q["reasons"] for q in store.questions()]
        assert {"up": 1, "down": 1} == store.feedback_since("2026-11-01")


@BOTH_STORES
class TestUsage:
    def test_summary_counts(self):
        calls = [
            (action_call("能申报吗", intent="ask_eligibility", message_id="a"), answer("……")),
            (action_call("KPO包括哪些", intent="ask_catalog", message_id="b", channel="wechat"), answer("……")),
            (
                action_call(
                    "乱七八糟", intent="nlu_fallback", confidence=0.2, action="action_default_fallback", message_id="c"
                ),
                answer("抱歉，我没有理解您的意思。"),
            ),  # fmt: skip
        ]
        for call, response in calls:
            queue.record_action(call, response, now=NOW)
        queue.note_estimate("web-1", 1200000)
        queue.record_action(action_call("算一下", intent="estimate_award", message_id="d"), answer("合计"), now=NOW)
        summary = usage.summary(days=7, today=date(2026, 11, 28))
        assert 4 == summary["questions"]
        assert ["2026-11-28", 4] == summary["per_day"][-1]
        assert {"网页": 3, "微信": 1} == dict(summary["channels"])
        assert {"申报资格": 1, "领域目录": 1, "奖励测算": 1, "其他（问候、闲聊等）": 1} == dict(summary["topics"])
        assert (3, 75.0) == (summary["answered"], summary["answered_share"])
        assert (1, "1,200,000.00") == (summary["estimates"], summary["estimate_sum"])
        assert 1 == dict(summary["estimate_buckets"])["100万元及以上"]


class TestExports:
    REPORTS = [
        {"ref": "YS-20261128-0001", "created_at": "2026-11-28T10:30:00+08:00", "applicant": "enterprise",
         "verdict_status": "符合", "items": ["离岸业务奖励"], "total_cny": Decimal("1057005")},
        {"ref": "YS-20261128-0002", "created_at": "2026-11-28T11:00:00+08:00", "applicant": "park_operator",
         "verdict_status": "待确认", "items": ["=HYPERLINK()"], "total_cny": Decimal("0")},
    ]  # fmt: skip

    def test_csv(self):
        text = export.reports_csv(self.REPORTS).decode("utf-8-sig")
        lines = text.splitlines()
        assert "编号,生成时间,申报主体,结论,适用项目,预估合计（元）" == lines[0]
        assert "YS-20261128-0001,2026-11-28 10:30,服务外包企业,符合,离岸业务奖励,1057005.00" == lines[1]
        assert "'=HYPERLINK()" in lines[2]

    def test_xlsx(self):
        sheet = load_workbook(io.BytesIO(export.reports_xlsx(self.REPORTS))).active
        rows = list(sheet.iter_rows(values_only=True))
        assert "编号" == rows[0][0]
        assert ("YS-20261128-0001", "符合", 1057005) == (rows[1][0], rows[1][3], rows[1][5])
        assert "'=HYPERLINK()" == rows[2][4]

    def test_nlu_yaml_is_rasa_format(self, tmp_path):
        text = export.nlu_yaml(
            [
                {"text": "展位费[三万]能补吗", "label": "ask_subsidy"},
                {"text": "展位费[三万]能补吗", "label": "ask_subsidy"},
                {"text": "我们\n能申报吗", "label": "ask_eligibility"},
            ]
        )
        data = yaml.safe_load(text)
        assert "3.1" == data["version"]
        assert [
            {"intent": "ask_subsidy", "examples": "- 展位费［三万］能补吗\n"},
            {"intent": "ask_eligibility", "examples": "- 我们 能申报吗\n"},
        ] == data["nlu"]
        assert {"version": "3.1", "nlu": []} == yaml.safe_load(export.nlu_yaml([]))


class TestRetention:
    @BOTH_STORES
    def test_purge_deletes_only_older_data(self, capsys):
        old, recent = NOW - 200 * 86400, NOW - 10 * 86400
        queue.record_action(action_call("旧问题", confidence=0.1, message_id="o"), answer("……"), now=old)
        queue.record_action(action_call("新问题", confidence=0.1, message_id="n"), answer("……"), now=recent)
        result = {"items": [], "total_cny": 0}
        verdict = {"status": "符合", "failing": [], "fixes": [], "unknown": []}
        old_ref = reports_store.save_report("c1", "enterprise", {}, result, verdict,
                                            now=datetime.fromtimestamp(old, queue.TIMEZONE))  # fmt: skip
        new_ref = reports_store.save_report("c1", "enterprise", {}, result, verdict,
                                            now=datetime.fromtimestamp(recent, queue.TIMEZONE))  # fmt: skip
        token = reports_store.create_print_token(old_ref, now=datetime.fromtimestamp(old, queue.TIMEZONE))
        assert 0 == cli.purge(180, now=NOW)
        assert "1 turns, 1 queued questions, 0 ratings, 1 pre-screening reports" in capsys.readouterr().out
        assert ["新问题"] == [q["text"] for q in store.questions()]
        assert reports_store.get_report(old_ref) is None and reports_store.get_report(new_ref) is not None
        assert reports_store.report_by_token(token) is None

    def test_retention_from_endpoints(self, tmp_path, monkeypatch):
        monkeypatch.delenv("TRACKER_RETENTION_DAYS", raising=False)
        assert 180 == cli.retention_days(ROOT / "endpoints.yml")
        (tmp_path / "e.yml").write_text("tracker_store:\n  retention_days: 30\n")
        assert 30 == cli.retention_days(tmp_path / "e.yml")
        monkeypatch.setenv("TRACKER_RETENTION_DAYS", "7")
        assert 7 == cli.retention_days(tmp_path / "e.yml")

    def test_make_purge_runs_both(self, dbs):
        """`make purge` purges conversations and the console's data (and prints both)."""
        out = subprocess.run(
            ["make", "-s", "purge", f"DATA_DIR={dbs}", "DAYS=30"], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert 0 == out.returncode, out.stderr
        assert "console data older than 30 days deleted" in out.stdout


@BOTH_STORES
def test_print_token_is_unguessable_and_only_opens_its_report(dbs, store_backend):
    result = {"items": [], "total_cny": 0}
    verdict = {"status": "符合", "failing": [], "fixes": [], "unknown": []}
    ref = reports_store.save_report("conv-a", "enterprise", {}, result, verdict)
    token = reports_store.create_print_token(ref)
    assert len(token) >= 43  # 256 bits
    assert ref == reports_store.report_by_token(token)["ref"]
    assert reports_store.report_by_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert reports_store.report_by_token(ref) is None
    if store_backend == "sqlite":
        assert token not in (dbs / "reports.db").read_bytes().decode("latin-1")
    else:  # beside the report in PostgreSQL (tests/test_reports_postgres.py), not in a local file
        assert not (dbs / "reports.db").exists()


@BOTH_STORES
def test_report_search_filters(dbs):
    """The console's report search (in PostgreSQL in the cluster): by number, dates, verdict and item."""
    from tests.test_reports_store import calculator_result

    verdicts = [{"status": s, "failing": [], "fixes": [], "unknown": []} for s in ("符合", "待确认")]
    first = reports_store.save_report("c1", "enterprise", {}, calculator_result(), verdicts[0],
                                      now=datetime(2026, 11, 20, 9, 0, tzinfo=queue.TIMEZONE))  # fmt: skip
    second = reports_store.save_report("c2", "enterprise", {}, calculator_result(0.0), verdicts[1],
                                       now=datetime(2026, 11, 28, 9, 0, tzinfo=queue.TIMEZONE))  # fmt: skip
    assert [second, first] == [r["ref"] for r in reports_store.search_reports()]
    assert [first] == [r["ref"] for r in reports_store.search_reports(ref=first[-12:].lower())]
    assert [second] == [r["ref"] for r in reports_store.search_reports(date_from="2026-11-21", date_to="2026-11-28")]
    assert [second] == [r["ref"] for r in reports_store.search_reports(verdict="待确认")]
    (found,) = reports_store.search_reports(item="3.2", verdict="符合")
    assert (first, ["离岸业务奖励"], Decimal("1057005.0")) == (found["ref"], found["items"], found["total_cny"])
