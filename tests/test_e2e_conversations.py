"""End-to-end conversations against the running action and Rasa servers (REST channel)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.case_checks import play

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "e2e"
# Files every case of which must pass.
CASE_FILES = [CASES / "cases.yaml", CASES / "cases_round2.yaml", ROOT.parent / "shared" / "eval" / "sample_cases.yaml"]
# Outside evaluators' sets for issues 13, 14 and 19: each file's pass rate must stay at or above its
# floor (the rate measured when it was last raised; README "Measured" gives the figures).
RATE_FLOORS = {  # measured 2026-11-30 17:15 (python -m tests.tools.run_cases …, README "Measured"), floors 2–4 points under
    "cases_conditions.yaml": 0.95,  # 97.9 %
    "cases_understanding_a.yaml": 0.95,  # 97.6 %
    "cases_understanding_b.yaml": 0.95,  # 98.2 %
    "cases_estimates_a.yaml": 0.97,  # 100 %
    "cases_estimates_b.yaml": 0.97,  # 100 %
    "cases_fresh_questions.yaml": 0.94,  # 97.3 %
    "cases_fresh_estimates.yaml": 0.95,  # 98.2 %
    "cases_heldout_questions.yaml": 0.95,  # 98.0 %
    "cases_heldout_estimates.yaml": 0.96,  # 100 %
    "cases_round5_questions.yaml": 0.92,  # 95.0 % (first play 80.8 %)
    "cases_round5_estimates.yaml": 0.94,  # 97.3 % (first play 80.0 %)
    "cases_round6_questions.yaml": 0.93,  # 96.0 % (first play 93.0 %)
    "cases_round6_estimates.yaml": 0.93,  # 96.0 % (first play 69.0 %)
    "cases_round7_estimates.yaml": 0.94,  # 97.5 % (first play 85.0 %)
    "cases_round8_questions.yaml": 0.93,  # 96.0 % (first play 83.0 %)
    "cases_round8_estimates.yaml": 0.94,  # 97.5 % (first play 82.5 %)
    "cases_round9_questions.yaml": 0.95,  # 98.0 % (first play 89.0 %)
    "cases_round9_estimates.yaml": 0.95,  # 98.8 % (first play 75.0 %)
    "cases_round10_questions.yaml": 0.93,  # 96.0 % (first play 90.0 %)
    "cases_round10_estimates.yaml": 0.94,  # 97.5 % (first play 66.2 %)
    "cases_round11_questions.yaml": 0.96,  # 99.0 % (first play 88.0 %)
    "cases_round11_estimates.yaml": 0.96,  # 100 % (first play 82.5 %)
    "cases_round12_questions.yaml": 0.94,  # 97.0 % (first play 89.0 %)
    "cases_round12_estimates.yaml": 0.95,  # 98.8 % (first play 85.0 %)
    "cases_round13_questions.yaml": 0.96,  # 100 % (first play 87.0 %; 2026-11-30 20:37)
    "cases_round13_estimates.yaml": 0.96,  # 100 % (first play 83.8 %)
    "cases_round14_questions.yaml": 0.86,  # 90.0 % (first play 88.0 %, written after the round-13 fixes)
    "cases_round14_estimates.yaml": 0.76,  # 80.0 % (first play 78.8 %)
    "cases_round15_questions.yaml": 0.96,  # 99.0 % (first play 87.0 %)
    "cases_round15_estimates.yaml": 0.96,  # 100 % 2026-12-01 05:45 (first play 80.0 %)
    "cases_round16_questions.yaml": 0.96,  # 100 % 2026-12-01 05:45 (first play 94.0 %)
    "cases_round16_estimates.yaml": 0.96,  # 100 % 2026-12-01 05:45 (first play 67.5 %)
    "cases_round17_questions.yaml": 0.96,  # 100 % 2026-12-01 05:45 (first play 90.0 %)
    "cases_round17_estimates.yaml": 0.96,  # 100 % 2026-12-01 05:45 (first play 81.7 %)
    "cases_round18_questions.yaml": 0.96,  # 100 % 2026-12-01 05:45 (first play 88.3 %)
    "cases_round18_estimates.yaml": 0.96,  # 100 % 2026-12-01 10:55 (first play 78.3 %)
    "cases_round19_questions.yaml": 0.95,  # 98.3 % 2026-12-01 06:15 (first play 90.0 %)
    "cases_round19_estimates.yaml": 0.96,  # 100 % 2026-12-01 10:55 (first play 73.3 %)
    "cases_round20_questions.yaml": 0.95,  # 98.3 % 2026-12-01 10:55 (first play 73.3 %, written after every fix of rounds 18–19)
    "cases_round20_estimates.yaml": 0.96,  # 100 % 2026-12-01 10:55 (first play 86.7 %)
    "cases_round21_questions.yaml": 0.93,  # 96.7 % 2026-12-01 10:55 (first play 88.3 %)
    "cases_round21_estimates.yaml": 0.96,  # 100 % (first play 88.3 %)
    "cases_round22_questions.yaml": 0.96,  # 100 % 2026-12-01 11:14 (first play 81.7 %)
    "cases_round22_estimates.yaml": 0.96,  # 100 % (first play 86.7 %)
    "cases_round23_questions.yaml": 0.93,  # 100 % 2026-12-01 14:16 (first play 95.0 %, sealed)
    "cases_round23_estimates.yaml": 0.93,  # 100 % 2026-12-01 14:16 (first play 90.0 %, sealed)
    "cases_round24_questions.yaml": 0.93,  # 100 % 2026-12-01 16:50 (first play 76.7 %, sealed)
    "cases_round24_estimates.yaml": 0.93,  # 98.3 % 2026-12-01 14:16 (first play 80.0 %, sealed)
    "cases_round25_questions.yaml": 0.93,  # 100 % 2026-12-01 14:16 (first play 81.7 %)
    "cases_round25_estimates.yaml": 0.93,  # 100 % 2026-12-01 14:16 (first play 85.0 %)
    "cases_round26_questions.yaml": 0.93,  # 98.3 % 2026-12-01 17:42 (first play 81.7 %, sealed until the first wave landed)
    "cases_round26_estimates.yaml": 0.93,  # 98.3 % 2026-12-01 17:42 (first play 78.3 %, sealed)
    "cases_round27_questions.yaml": 0.93,  # 100 % 2026-12-01 16:50 (first play 90.0 %)
    "cases_round27_estimates.yaml": 0.93,  # 100 % 2026-12-01 16:50 (first play 83.3 %)
    "cases_round28_estimates.yaml": 0.93,  # 100 % 2026-12-01 16:50 (first play 78.3 %)
    "cases_round29_questions.yaml": 0.93,  # 100 % 2026-12-01 17:42 (first play 95.0 %, written after the first wave)
    "cases_round29_estimates.yaml": 0.93,  # 98.3 % 2026-12-01 17:42 (first play 80.0 %)
    "cases_round30_questions.yaml": 0.85,  # 88.3 % 2026-12-01 19:51 (first play, sealed until every branch of this stop had landed)
    "cases_round30_estimates.yaml": 0.70,  # 73.3 % (first play, sealed)
    "cases_round31_questions.yaml": 0.95,  # 98.3 % 2026-12-01 19:50 (first play 81.7 %)
    "cases_round31_estimates.yaml": 0.96,  # 100 % (first play 76.7 %)
    "cases_round32_estimates.yaml": 0.96,  # 100 % (first play 90.0 %)
    "cases_round33_questions.yaml": 0.85,  # 88.3 % (first play, sealed)
    "cases_round33_estimates.yaml": 0.76,  # 80.0 % (first play, sealed)
    "cases_round34_questions.yaml": 0.96,  # 100 % (first play 96.7 %)
    "cases_round34_estimates.yaml": 0.90,  # 93.3 % (first play 80.0 %)
    "cases_round35_questions.yaml": 0.95,  # 98.3 % 2026-12-02 00:45 (sealed, first play 81.7 % at c659819)
    "cases_round35_estimates.yaml": 0.96,  # 100 % 2026-12-02 00:45 (first play 83.3 %)
    "cases_round36_questions.yaml": 0.93,  # 96.7 % 2026-12-02 00:45 (first play 81.7 %)
    "cases_round36_estimates.yaml": 0.92,  # 95.0 % 2026-12-02 00:45 (first play 75.0 %)
    "cases_round37_questions.yaml": 0.96,  # 100 % (first play 83.3 % at e6155c3)
    "cases_round37_estimates.yaml": 0.95,  # 98.3 % (first play 65.0 %)
    "cases_round38_questions.yaml": 0.96,  # 100 % 2026-12-02 04:49 (first play 90.0 %, sealed, at 6922314)
    "cases_round38_estimates.yaml": 0.90,  # 93.3 % 2026-12-02 04:49 (first play 60.0 %)
    "cases_round39_questions.yaml": 0.92,  # 95.0 % 2026-12-02 07:42 (first play 81.7 %, sealed, at 0273d43)
    "cases_round39_estimates.yaml": 0.95,  # 98.3 % 2026-12-02 12:08 (first play 65.0 %)
    "cases_round40_questions.yaml": 0.94,  # 97.5 % 2026-12-02 04:49 (first play 92.5 %, open, at 0273d43)
    "cases_round40_estimates.yaml": 0.87,  # 90.0 % 2026-12-02 07:42 (first play 52.5 %)
    "cases_round41_questions.yaml": 0.97,  # 100 % 2026-12-02 07:42 (first play 85.0 %, sealed, at 195f681)
    "cases_round41_estimates.yaml": 0.95,  # 98.3 % 2026-12-02 12:08 (first play 63.3 %)
    "cases_round42_questions.yaml": 0.93,  # 96.7 % 2026-12-02 08:14 (first play 90.0 %, sealed, at c398e79)
    "cases_round42_estimates.yaml": 0.93,  # 96.7 % 2026-12-02 12:08 (first play 66.7 %)
    "cases_round43_questions.yaml": 0.97,  # 100 % 2026-12-02 12:08 (first play 93.3 %, sealed, at 1e133bf)
    "cases_round43_estimates.yaml": 0.97,  # 100 % 2026-12-02 12:08 (first play 76.7 %)
    "cases_round44_questions.yaml": 0.96,  # 100 % 2026-12-02 12:08 (first play 96.7 %, sealed, at 6f381e2)
    "cases_round44_estimates.yaml": 0.96,  # 100 % 2026-12-02 12:08 (first play 86.7 %)
    "cases_round45_questions.yaml": 0.97,  # 100 % 2026-12-02 14:50 (first play 95.0 %, sealed, at 5d8dc0a)
    "cases_round45_estimates.yaml": 0.97,  # 100 % 2026-12-02 14:50 (first play 75.0 %)
    "cases_round46_questions.yaml": 0.97,  # 100 % 2026-12-02 15:54 (first play 90.0 %, sealed, at f856f0f)
    "cases_round46_estimates.yaml": 0.97,  # 100 % 2026-12-02 15:54 (first play 43.3 %)
    "cases_round47_questions.yaml": 0.97,  # 100 % 2026-12-02 22:40 (first play 86.7 %, sealed, at 2414ae6)
    "cases_round47_estimates.yaml": 0.97,  # 100 % 2026-12-02 22:40 (first play 68.3 %)
    "cases_round48_questions.yaml": 0.97,  # 100 % 2026-12-03 06:53 (first play 83.3 %, sealed, at d8b987b)
    "cases_round48_estimates.yaml": 0.97,  # 100 % 2026-12-03 06:53 (first play 26.7 %)
    "cases_round49_questions.yaml": 0.97,  # 100 % 2026-12-03 06:57 (first play 100 %, sealed, at b5ef107)
    "cases_round49_estimates.yaml": 0.97,  # 100 % 2026-12-03 06:57 (first play 90.0 %)
    "cases_round50_questions.yaml": 0.97,  # 100 % 2026-12-03 07:15 (first play 96.7 %, sealed, at c3bcece)
    "cases_round50_estimates.yaml": 0.97,  # 100 % 2026-12-03 07:42 (first play 73.3 %)
    "cases_round51_questions.yaml": 0.97,  # 100 % 2026-12-03 10:45 (first play 96.7 %, sealed, at d9ba820)
    "cases_round51_estimates.yaml": 0.97,  # 100 % 2026-12-03 10:45 (first play 90.0 %)
    "cases_round52_questions.yaml": 0.97,  # 100 % 2026-12-03 10:45 (first play 93.3 %, sealed, at d9ba820)
    "cases_round52_estimates.yaml": 0.97,  # 100 % 2026-12-03 10:45 (first play 76.7 %)
    "cases_round54_multi.yaml": 0.97,  # 100 % 2026-12-03 10:45 (first play 83.3 %, sealed, at d9ba820)
    "cases_round55_questions.yaml": 0.97,  # 100 % 2026-12-03 10:59 (first play 80.0 %, sealed, at d9ba820)
    "cases_round53_questions.yaml": 0.97,  # 100 % 2026-12-03 13:30 (first play 86.7 %, sealed to the end, at 7102382)
    "cases_round53_estimates.yaml": 0.97,  # 100 % 2026-12-03 13:30 (first play 80.0 %)
    "cases_round56_questions.yaml": 0.97,  # 100 % 2026-12-03 13:30 (first play 86.7 %, sealed, at b59491f)
    "cases_round56_estimates.yaml": 0.97,  # 100 % 2026-12-03 13:30 (first play 90.0 %)
    "cases_round57_questions.yaml": 0.97,  # 100 % 2026-12-03 14:18 (first play 76.7 %, sealed, at ec1b529)
    "cases_round57_estimates.yaml": 0.93,  # 96.7 % 2026-12-03 14:18 (first play 86.7 %; R57E024 open)
    "cases_round58_questions.yaml": 0.93,  # 100 % 2026-12-03 17:40 (first play 96.7 %, 86.7 % by the tightened checks)
    "cases_round58_estimates.yaml": 0.93,  # 96.7 % 2026-12-03 17:40 (first play 86.7 %; R58E026 open)
    "cases_round59_questions.yaml": 0.93,  # 100 % 2026-12-03 20:22 at b551b00 (first play 90.0 %, 76.7 % by the tightened checks)
    "cases_round59_estimates.yaml": 0.93,  # 100 % 2026-12-03 20:22 at b551b00 (first play 86.7 %, 83.3 % by the tightened check)
    "cases_round60_questions.yaml": 0.93,  # 100 % 2026-12-03 20:22 at b551b00 (first play 100 %, 90.0 % by the tightened checks)
    "cases_round60_estimates.yaml": 0.93,  # 100 % 2026-12-03 20:22 at b551b00 (first play 86.7 %, 83.3 % by the tightened check)
    "cases_round61_questions.yaml": 0.93,  # 96.7 % 2026-12-03 20:52 at 6bbf508 (first play at b551b00, sealed until every merge: 100 %, 90.0 % by the tightened checks; R61Q007 open)
    "cases_round61_estimates.yaml": 0.93,  # 96.7 % 2026-12-03 20:52 at 6bbf508 (first play 83.3 % at b551b00; R61E028 open)
    "cases_round62_questions.yaml": 0.93,  # 100 % 2026-12-04 01:59 at 4416719 (first play 83.3 % at b78fcee, 70.0 % by the tightened checks)
    "cases_round62_estimates.yaml": 0.93,  # 96.7 % 2026-12-04 01:59 at 4416719 (first play 63.3 %, 56.7 % tightened; R62E026 open)
    "cases_round63_questions.yaml": 0.85,  # 86.7 % at 1dd914d by the tightened checks (first play 93.3 %, 86.7 % tightened; not fixed against)
    "cases_round63_estimates.yaml": 0.8,  # 83.3 % at 1dd914d by the tightened check (first play 83.3 %, 80.0 % tightened; R63E004 fixed)
}


def load_cases():
    cases = []
    for path in CASE_FILES:
        if path.exists():
            for c in yaml.safe_load(path.read_text(encoding="utf-8")):
                cases.append(pytest.param(c, id=f"{path.stem}:{c['id']}"))
    return cases


class TestCases:
    """The case files: single questions and simulated multi-turn estimates."""

    @pytest.mark.parametrize("case", load_cases())
    def test_case(self, assistant, case):
        """The replies carry the expected facts and figures."""
        sender = assistant.new_sender(str(case["id"]))
        why, transcript = play(lambda text: assistant.say(sender, text), case)
        assert [] == why, "\n".join(f"{who}: {text}" for who, text in transcript)[-900:]


class TestEvaluatorSets:
    """Sets written by evaluators who never saw the code: pass rate at or above each file's floor."""

    @pytest.mark.parametrize("name", sorted(RATE_FLOORS))
    def test_pass_rate(self, assistant, name):
        """The share of cases passing is at least the file's floor."""
        cases = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
        failed = []
        for case in cases:
            sender = assistant.new_sender(str(case["id"]))
            why, _ = play(lambda text, s=sender: assistant.say(s, text), case)
            if why:
                failed.append(f"{case['id']}: {'; '.join(why)}")
        rate = 1 - len(failed) / len(cases)
        assert rate >= RATE_FLOORS[name], f"{rate:.3f} < {RATE_FLOORS[name]}\n" + "\n".join(failed)


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
        """ "不对，是180万美元" replaces the amount before the rate is given."""
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

    @pytest.mark.parametrize(
        "text", ["😀😀😀", "？？？", "asdfgh", "的" * 5000, "ＣＭＭＩ认证补贴比例是多少", "離岸獎勵怎麼算"]
    )
    def test_odd_input(self, assistant, text):
        """Every odd message gets a Chinese reply."""
        reply = assistant.say(assistant.new_sender("odd"), text)
        assert re.search(r"[\u4e00-\u9fff]", reply)

    def test_empty_message(self, assistant):
        """An empty message does not crash the server."""
        assert isinstance(assistant.send(assistant.new_sender("empty"), ""), list)

    def test_negative_amount(self, assistant):
        """A negative cost is refused with the reason and asked again, nothing computed."""
        reply = assistant.say(assistant.new_sender("neg"), "CMMI认证费用-5万元能补多少")
        assert "不能为负数" in reply and "费用是多少" in reply
        assert not re.search(r"补贴合计|\d[\d,]*\.\d\d元", reply)


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
        assert re.search(r"(?<!不)符合", reply) and "不符合" not in reply and "2,000,000" in reply
        assert ref in assistant.say(s, f"查询预审 {ref}")
        other = assistant.say(assistant.new_sender("intruder"), f"查询预审 {ref}")
        assert "没有找到" in other and "2,000,000" not in other
        env = {"REPORTS_DB": str(assistant.workdir / "reports.db"), "PATH": "/usr/bin:/bin"}
        out = subprocess.run(
            [sys.executable, "-m", "bot.reports", "show", ref],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert 0 == out.returncode and ref in out.stdout and re.search(r"(?<!不)符合", out.stdout)
        assert "不符合" not in out.stdout
