"""End-to-end conversations against the running action and Rasa servers (REST channel)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[1]
CASE_FILES = [ROOT / "tests" / "e2e" / "cases.yaml", ROOT / "tests" / "e2e" / "cases_round2.yaml",
              ROOT.parent / "shared" / "eval" / "sample_cases.yaml"]
NUM = re.compile(r"(\d[\d,，]*(?:\.\d+)?)\s*(亿元|亿|万元|万|元)")
CONFIRM = re.compile(r"确认|对吗|对不对|是否正确|核对|无误")
GRACEFUL = ["抱歉", "无法", "不能", "超出", "范围", "只能", "没有理解", "换个说法"]


def load_cases():
    cases = []
    for path in CASE_FILES:
        if path.exists():
            for c in yaml.safe_load(path.read_text(encoding="utf-8")):
                cases.append(pytest.param(c, id=f"{path.stem}:{c['id']}"))
    return cases


def amounts(text):
    out = []
    for m in NUM.finditer(text):
        v = float(m.group(1).replace(",", "").replace("，", ""))
        out.append(v * (1e8 if m.group(2).startswith("亿") else 1e4 if m.group(2).startswith("万") else 1))
    return out


def problems(text, case):
    why = []
    for group in case.get("all", []):
        if not any(alt.lower() in text.lower() for alt in group):
            why.append("missing " + "/".join(group))
    if "amount" in case:
        expected = case["amount"]
        if not any(abs(v - expected) <= max(1.0, expected * 1e-4) for v in amounts(text)):
            why.append(f"amount {expected} not in {sorted(set(amounts(text)))[:8]}")
    if case.get("graceful") and not any(g in text for g in GRACEFUL):
        why.append("not a graceful decline")
    for pat in case.get("regex", []):
        if not re.search(pat, text):
            why.append(f"no /{pat}/")
    if not text.strip():
        why.append("no reply")
    return why


class TestCases:
    """The case files: single questions and simulated multi-turn estimates."""

    @pytest.mark.parametrize("case", load_cases())
    def test_case(self, assistant, case):
        """The replies carry the expected facts and figures."""
        sender = assistant.new_sender(str(case["id"]))
        reply = assistant.say(sender, case["say"])
        everything = reply
        sim = [(r["when"], r["answer"]) for r in case.get("sim", [])] + [(CONFIRM.pattern, "是的")]
        used = {}
        for _ in range(case.get("max_turns", 8)):
            if not problems(everything, case):
                break
            answer = next((a for w, a in sim if re.search(w, reply) and used.get(a, 0) < 2), None)
            if answer is None and case.get("facts") and used.get(case["facts"], 0) < 2:
                answer = case["facts"]
            if answer is None:
                break
            used[answer] = used.get(answer, 0) + 1
            reply = assistant.say(sender, answer)
            everything += "\n" + reply
        assert [] == problems(everything, case), everything[-600:]


class TestFormBehaviour:
    """The estimate form: interjection, correction, skip, cancel, totals."""

    def test_question_in_the_middle_then_resume(self, assistant):
        """A policy question mid-form is answered, then the form asks again and finishes."""
        s = assistant.new_sender("mid")
        assert "境外" in assistant.say(s, "帮我算算展会补贴")
        reply = assistant.say(s, "展会补贴能补哪些费用？")
        assert "展位费" in reply and "境外" in reply
        assert "84,000.00元" in assistant.say(s, "境外2场，每场6万元")

    def test_correction_mid_form(self, assistant):
        """"不对，是180万美元" replaces the amount before the rate is given."""
        s = assistant.new_sender("fix")
        assert "汇率" in assistant.say(s, "离岸执行额150万美元能拿多少")
        assert "汇率" in assistant.say(s, "不对，是180万美元")
        assert "1,260,000.00元" in assistant.say(s, "7")

    def test_correction_after_the_answer(self, assistant):
        """A correction after the estimate recomputes it."""
        s = assistant.new_sender("fix2")
        assert "1,050,000.00元" in assistant.say(s, "今年离岸执行额150万美元，汇率7，离岸奖励多少")
        assert "1,260,000.00元" in assistant.say(s, "不对，是180万美元")

    def test_missing_currency_is_asked(self, assistant):
        """An offshore figure with no currency asks 美元 or 元."""
        s = assistant.new_sender("cur")
        reply = assistant.say(s, "离岸执行额150万能奖多少")
        assert "美元" in reply and "元" in reply
        assert "汇率" in assistant.say(s, "美元")

    def test_skip_rate(self, assistant):
        """跳过 the rate: the rule is explained and no rate is invented."""
        s = assistant.new_sender("skip")
        assistant.say(s, "离岸执行额150万美元能拿多少")
        reply = assistant.say(s, "不知道")
        assert "中间价" in reply and "7." not in reply

    def test_cancel_and_total(self, assistant):
        """Cancel ends the form; totals add up what was estimated, under the caps."""
        s = assistant.new_sender("tot")
        assistant.say(s, "今年离岸执行额150万美元，汇率7，离岸奖励多少")
        assistant.say(s, "CMMI5花了60万元能补多少")
        assistant.say(s, "帮我算一下增量奖励")
        assert "取消" in assistant.say(s, "取消")
        reply = assistant.say(s, "一共多少")
        assert "1,350,000.00元" in reply and "500万" in reply
        assert "清空" in assistant.say(s, "重新开始")
        assert "还没有测算" in assistant.say(s, "一共多少")


class TestRobustness:
    """Odd input gets a clear Chinese answer and nothing breaks."""

    @pytest.mark.parametrize("text", ["😀😀😀", "？？？", "asdfgh", "的" * 5000, "ＣＭＭＩ认证补贴比例是多少", "離岸獎勵怎麼算"])
    def test_odd_input(self, assistant, text):
        """Every odd message gets a Chinese reply."""
        reply = assistant.say(assistant.new_sender("odd"), text)
        assert re.search(r"[\u4e00-\u9fff]", reply)

    def test_empty_message(self, assistant):
        """An empty message does not crash the server."""
        assert isinstance(assistant.send(assistant.new_sender("empty"), ""), list)

    def test_negative_amount(self, assistant):
        """A negative cost is refused, not computed."""
        reply = assistant.say(assistant.new_sender("neg"), "CMMI认证费用-5万元能补多少")
        assert "0.00元" not in reply or "不" in reply


class TestPrescreen:
    """The guided pre-screening ends with a saved report readable only in its conversation."""

    ANSWERS = ["企业", "独立法人", "是", "是", "是", "是", "是", "是", "2", "300万美元", "7"]

    def test_whole_flow(self, assistant):
        """A compliant enterprise gets 符合, the award, a reference number; make report prints it."""
        s = assistant.new_sender("pre")
        reply = assistant.say(s, "我想做个预审")
        for answer in self.ANSWERS:
            if re.search(r"YS-\d{8}-\d{4}", reply):
                break
            reply = assistant.say(s, answer)
        ref = re.search(r"YS-\d{8}-\d{4}", reply).group(0)
        assert "符合" in reply and "2,000,000" in reply
        assert ref in assistant.say(s, f"查询预审 {ref}")
        other = assistant.say(assistant.new_sender("intruder"), f"查询预审 {ref}")
        assert "没有找到" in other and "2,000,000" not in other
        env = {"REPORTS_DB": str(assistant.workdir / "reports.db"), "PATH": "/usr/bin:/bin"}
        out = subprocess.run([sys.executable, "-m", "bot.reports", "show", ref], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60)
        assert 0 == out.returncode and ref in out.stdout and "符合" in out.stdout
