"""Custom actions with hand-built trackers and a collecting dispatcher (no server)."""

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.reports.store import report_by_token

from actions.estimate import (
    ActionAskEstimateAnswer,
    ActionEstimateFinish,
    ActionEstimateStart,
    ActionEstimateTotal,
    ActionLooseAnswer,
    ActionResetEstimates,
    ValidateEstimateForm,
)
from actions.policy import ActionAnswerPolicy, ActionDefaultFallback, ActionHumanContact
from actions.prescreen import (
    ActionAskPrescreenAnswer,
    ActionPrescreenFinish,
    ActionPrescreenStart,
    ActionQueryReport,
    ValidatePrescreenForm,
)


def tracker(text, intent="inform", slots=None, sender="u1", message_id=None):
    """A tracker whose latest message is `text` with `intent`."""
    msg = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99},
        "entities": [],
        "message_id": message_id or f"m-{abs(hash(text))}",
    }
    return Tracker(
        sender,
        dict(slots or {}),
        msg,
        [{"event": "user", "text": text, "timestamp": 1}],
        False,
        None,
        {},
        "action_listen",
    )


def slots_of(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def texts(dispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


async def run(action, t):
    d = CollectingDispatcher()
    events = await action.run(d, t, {})
    return d, events


class TestPolicyActions:
    """Answers come from knowledge/ and remember the topic."""

    async def test_answer_sets_topic(self):
        """A subsidy answer names its clause and sets topic_clause."""
        d, events = await run(ActionAnswerPolicy(), tracker("展会补贴标准是多少", "ask_subsidy"))
        assert "第三条第（五）项" in texts(d)
        assert "3.5" == slots_of(events)["topic_clause"]

    async def test_follow_up_uses_topic(self):
        """ "那境外的呢" uses topic_clause."""
        d, _ = await run(ActionAnswerPolicy(), tracker("那境外的呢", "ask_subsidy", {"topic_clause": "3.5"}))
        assert "5万" in texts(d)

    async def test_question_with_own_figures_is_estimated(self):
        """A subsidy question that carries the user's own figures gets the estimate: 2 × 10–30万."""
        text = "我们园区（市级示范园区）引进了2家世界500强企业，都已入园正常运营一年多，能拿多少奖励？"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, "ask_subsidy"))
        assert "200,000.00元" in texts(d) and "600,000.00元" in texts(d)

    async def test_question_quoting_the_rule_is_answered_not_estimated(self):
        """Only bounded figures ("超过100万美元") quote the rule: the standard is answered."""
        d, events = await run(ActionAnswerPolicy(), tracker("离岸执行额超过100万美元能拿多少", "ask_subsidy"))
        assert "第三条第（二）项" in texts(d) and "estimate_state" not in slots_of(events)

    async def test_human_contact_invents_nothing(self):
        """The human-contact answer points to 市商务局 with no phone number."""
        d, _ = await run(ActionHumanContact(), tracker("人工客服电话多少", "human_contact"))
        assert "市商务局" in texts(d) and not re.search(r"\d{7,}", texts(d))

    async def test_fallback_answers_when_knowledge_is_sure(self):
        """A low-confidence message that the knowledge base knows is still answered."""
        d, _ = await run(ActionDefaultFallback(), tracker("CMMI认证补贴", "nlu_fallback"))
        assert "第三条第（六）项" in texts(d)

    async def test_fallback_asks_to_rephrase(self):
        """Gibberish is asked to be rephrased."""
        d, _ = await run(ActionDefaultFallback(), tracker("qwzx", "nlu_fallback"))
        assert "换个说法" in texts(d)


class TestEstimateActions:
    """The estimate actions move the state and answer with the calculator's figures."""

    async def test_start_answers_at_once(self):
        """A complete request is answered and the form is not opened."""
        d, events = await run(
            ActionEstimateStart(), tracker("今年离岸执行额250万美元，汇率6.8，离岸奖励多少", "estimate_award")
        )
        assert "1,700,000.00元" in texts(d)
        assert False is slots_of(events)["estimate_pending"]

    async def test_start_opens_the_form(self):
        """An incomplete request opens the form with the state saved."""
        _, events = await run(ActionEstimateStart(), tracker("帮我算一下离岸奖励", "estimate_award"))
        s = slots_of(events)
        assert True is s["estimate_pending"] and ["3.2"] == s["estimate_state"]["items"]

    async def test_validate_and_ask_and_finish(self):
        """An answer is read, the next question asked, and the finish action answers."""
        _, events = await run(ActionEstimateStart(), tracker("帮我算一下离岸奖励", "estimate_award", message_id="a"))
        state = slots_of(events)["estimate_state"]
        d, events = await run(
            ValidateEstimateForm(), tracker("200万美元", "inform", {"estimate_state": state}, message_id="b")
        )
        state = slots_of(events)["estimate_state"]
        assert None is slots_of(events)["estimate_answer"]
        d, _ = await run(ActionAskEstimateAnswer(), tracker("200万美元", "inform", {"estimate_state": state}))
        assert "汇率" in texts(d)
        d, events = await run(ValidateEstimateForm(), tracker("7", "inform", {"estimate_state": state}, message_id="c"))
        assert "done" == slots_of(events)["estimate_answer"]
        state = slots_of(events)["estimate_state"]
        d, events = await run(
            ActionEstimateFinish(), tracker("7", "inform", {"estimate_state": state, "estimate_answer": "done"})
        )
        assert "1,400,000.00元" in texts(d)
        assert {"offshore_usd": "2000000", "usd_cny_rate": "7"} == slots_of(events)["estimate_inputs"]

    async def test_validate_skips_the_opening_message(self):
        """The message that opened the form is not read twice."""
        _, events = await run(ActionEstimateStart(), tracker("帮我算一下离岸奖励", "estimate_award", message_id="x"))
        state = slots_of(events)["estimate_state"]
        _, events = await run(
            ValidateEstimateForm(),
            tracker("帮我算一下离岸奖励", "estimate_award", {"estimate_state": state}, message_id="x"),
        )
        assert [] == events

    async def test_validate_cancel(self):
        """取消 ends the form and says so."""
        _, events = await run(ActionEstimateStart(), tracker("帮我算一下增量奖励", "estimate_award", message_id="a"))
        state = slots_of(events)["estimate_state"]
        d, events = await run(
            ValidateEstimateForm(), tracker("取消", "cancel", {"estimate_state": state}, message_id="b")
        )
        assert "取消" in texts(d)
        assert None is slots_of(events)["requested_slot"]

    async def test_validate_interjection(self):
        """A policy question is answered and the form goes on."""
        _, events = await run(ActionEstimateStart(), tracker("帮我算算展会补贴", "estimate_award", message_id="a"))
        state = slots_of(events)["estimate_state"]
        d, events = await run(
            ValidateEstimateForm(),
            tracker("离岸奖励的条件是什么", "ask_subsidy", {"estimate_state": state}, message_id="b"),
        )
        assert "100万美元" in texts(d) and "回到刚才的测算" in texts(d)
        assert None is slots_of(events)["estimate_answer"]

    async def test_total_and_reset(self):
        """一共多少 sums the conversation's figures; 重新开始 clears them."""
        inputs = {
            "offshore_usd": "1500000",
            "usd_cny_rate": "7",
            "certifications": [{"name": "CMMI5", "cost_cny": "600000"}],
        }
        d, _ = await run(ActionEstimateTotal(), tracker("一共多少", "estimate_total", {"estimate_inputs": inputs}))
        assert "1,350,000.00元" in texts(d)
        d, events = await run(ActionResetEstimates(), tracker("重新开始", "start_over", {"estimate_inputs": inputs}))
        assert None is slots_of(events)["estimate_inputs"]

    async def test_loose_correction_recomputes(self):
        """A correction after an estimate recomputes it."""
        inputs = {"offshore_usd": "1500000", "usd_cny_rate": "7"}
        d, _ = await run(
            ActionLooseAnswer(), tracker("不对，是180万美元", "correct_value", {"estimate_inputs": inputs})
        )
        assert "1,260,000.00元" in texts(d)


class TestPrescreenActions:
    """The pre-screening saves a report that only its conversation can read."""

    async def test_whole_flow(self, tmp_path, monkeypatch):
        """Start, answer, finish, look up; another conversation cannot read it."""
        monkeypatch.setenv("REPORTS_DB", str(tmp_path / "reports.db"))
        _, events = await run(ActionPrescreenStart(), tracker("我想做个预审", "prescreen_start", message_id="0"))
        state = slots_of(events)["prescreen_state"]
        answers = ["企业", "独立法人", "是", "是", "是", "是", "是", "是", "无"]
        for i, answer in enumerate(answers):
            d, _ = await run(ActionAskPrescreenAnswer(), tracker(answer, "inform", {"prescreen_state": state}))
            assert texts(d)
            _, events = await run(
                ValidatePrescreenForm(), tracker(answer, "inform", {"prescreen_state": state}, message_id=str(i + 1))
            )
            state = slots_of(events)["prescreen_state"]
        assert "done" == slots_of(events)["prescreen_answer"]
        d, events = await run(
            ActionPrescreenFinish(), tracker("无", "deny", {"prescreen_state": state, "prescreen_answer": "done"})
        )
        ref = re.search(r"YS-\d{8}-\d{4}", texts(d)).group(0)
        assert "符合" in texts(d) and [ref] == slots_of(events)["report_refs"]
        token = re.search(r"/report/([A-Za-z0-9_-]{43})", texts(d)).group(1)  # the print link (bot/console)
        assert ref == report_by_token(token)["ref"]
        d, _ = await run(ActionQueryReport(), tracker(f"查询预审 {ref}", "query_report"))
        assert ref in texts(d)
        d, _ = await run(ActionQueryReport(), tracker(f"查询预审 {ref}", "query_report", sender="someone-else"))
        assert "没有找到" in texts(d)
