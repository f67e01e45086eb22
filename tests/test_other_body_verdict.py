"""「税务那边说23年也算达标了，不知道跟这个是不是一回事」: another body's verdict is by its own rules; this policy's item
is decided by its own conditions, quoted (bot/answers/other_body.py)."""

from bot.answers import other_body, year_verdicts
from bot.answers.model import Answer
from bot.nlu.normalize import understand


class TestOtherBodyVerdict:
    def test_the_line_quotes_the_clause_condition(self):
        line = other_body.line("3.2", understand("银行那边说我们离岸业务够条件了"))
        assert "跟本政策不是一回事" in line and "超过100万美元" in line

    def test_no_line_without_such_a_report(self):
        assert "" == other_body.line("3.2", understand("同事说这算云计算服务"))
        assert "" == other_body.line("3.2", understand("商务局说我们符合"))

    def test_the_line_comes_before_the_basis(self):
        a = Answer("结论：……\n依据第三条第（二）项：……", clause="3.2")
        out = other_body.with_line(a, understand("审计认为我们满足了"))
        assert out.text.index("审计认为我们满足") < out.text.index("依据第三条")

    def test_beside_each_year_verdict(self):
        """Each year's verdict, then what the other body said, answered as the policy's own condition."""
        m = "离岸执行额22年95万美元，23年正好100万美元，24年120万美元。哪几年能拿离岸奖励？海关说23年也达到了"
        text = year_verdicts.answer(m, understand(m), {}).text
        assert "【2023年】结论：不符合" in text and "【2024年】结论：符合" in text
        assert "海关说23年也达到" in text
