"""An award said received already beside a question about another item (「技先领了10万 还能报展会补贴吗」): the question is
about the other item — its conditions and standard, with a line that a different item is no 重复申报 — never a verdict
on the item received; the received item is left out of an estimate of the figures said (bot/understand/received_awards.py).
Asked again alone (「去年拿过技先的10万 今年复审通过了还能拿吗」), the received item stays the one asked. 「再拿一次」 states
no claim under another policy (facts.yml claimed_elsewhere); another funder that paid before is 第四条第（三）项's, and one
beyond the city (省里) is said to be outside its words. The wording is our own."""

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from bot.understand import received_awards
from bot.understand.facts import message_facts
from tests.test_one_time_award_asked_again import reply

# (message, item received, item asked, its clause label in the answer)
OTHER_ITEM = [
    ("技先领了10万 还能报展会补贴吗", "3.4", "3.5", "第三条第（五）项"),
    ("资质认证补贴我们领过了 参加展会的费用还能补吗", "3.6", "3.5", "第三条第（五）项"),
    ("已经拿了技术先进型奖励，还能申请房租补贴吗", "3.4", "3.8.3", "第三条第（八）项第3点"),
    ("离岸奖励去年领过 今年增量还能再拿一次吗", "3.2", "3.1", "第三条第（一）项"),
    ("展会补贴去年领过了，今年CMMI认证还能报吗", "3.5", "3.6", "第三条第（六）项"),
    ("tech advanced award 10万 already received, exhibition subsidy still可以报吗", "3.4", "3.5", "第三条第（五）项"),
    ("offshore award already received 去年, 今年growth award还能申请吗", "3.2", "3.1", "第三条第（一）项"),
    ("技先领了10万展会补贴能报吗", "3.4", "3.5", "第三条第（五）项"),
]


class TestReceivedPhrases:
    @pytest.mark.parametrize("text,got,asked,_", OTHER_ITEM)
    def test_the_received_item_and_the_one_asked(self, text, got, asked, _):
        """The item said received is told apart from the one asked."""
        assert (got in received_awards.received(understand(text))) is True
        assert asked in received_awards.asked(understand(text))
        assert got not in received_awards.asked(understand(text))

    @pytest.mark.parametrize(
        "text",
        [
            "去年拿过技术先进型的10万，今年复审通过了还能拿吗",
            "技先领过了 还能再领一次吗",
            "展会去年省里补过一次 市里还能补吗",
        ],
    )
    def test_asked_again_alone_stays_the_item(self, text):
        """No other item named: the received one is the one asked."""
        t = understand(text)
        assert received_awards.other_item_asked(t) is None
        assert received_awards.asked(t) == received_awards.received(t)

    @pytest.mark.parametrize(
        "text",
        [
            "技先没领过 展会能报吗",
            "技先领过了吗",
            "技先领了没有 展会能报吗",
            "增量奖励拿了150万 离岸拿了100万 创新奖励能拿多少",
        ],
    )
    def test_no_receipt_said(self, text):
        """Denied, asked, or a sum said without a past word: nothing received."""
        assert received_awards.received(understand(text)) == []

    def test_another_statement_after_the_receipt_is_not_received(self):
        """「…领过了 参加展会的费用…」: the fair after the receipt's verb is the question's."""
        assert received_awards.received(understand("资质认证补贴我们领过了 参加展会的费用还能补吗")) == ["3.6"]


class TestAnswers:
    @pytest.mark.parametrize("text,got,asked,label", OTHER_ITEM)
    def test_verdict_is_about_the_item_asked(self, text, got, asked, label):
        """The answer names the item asked with its standard; the received item is never ruled 不符合."""
        out = reply(text)
        assert out.split("\n")[0].startswith(label) or out.startswith(f"结论：符合{label}")
        assert "不符合第三条第（四）项" not in out and "不符合第四条第（三）项" not in out
        assert "标准：" in out
        assert "不同的支持项目" in out and "不得重复申报" in out

    @pytest.mark.parametrize(
        "text",
        [
            "展会去年省里补过一次 市里还能补吗",
            "CMMI认证省商务厅给过补贴了，市里这边还能再报吗",
            "the trade fair 省里已经给过补贴了 市里还能申请吗",
        ],
    )
    def test_another_funder_beyond_the_city(self, text):
        """Paid by the province: 第四条第（三）项's words, and that they speak of 我市其他政策 only."""
        out = reply(text)
        assert "第四条第（三）项" in out and "不得重复申报" in out
        assert "本政策没有写明" in out and "第四条第（一）项" in out
        assert "还需要" not in out  # no estimate asking for costs

    def test_a_district_funder_gets_the_rule_without_the_province_line(self):
        out = reply("这场展区里补贴了 这边还能报吗")
        assert "不得重复申报" in out and "本政策没有写明" not in out

    @pytest.mark.parametrize(
        "text",
        [
            "CMMI3去年补过 今年升CMMI5了能补吗",
            "我们ITSS三级去年拿过补贴，今年升到ITSS二级了，认证费还能补吗",
            "our CMMI 3 was subsidised last year, now upgraded to CMMI 5, 能补吗",
        ],
    )
    def test_a_certificate_upgraded(self, text):
        """A higher level newly obtained: 三（六）'s 新获得资质的认证费用, and the policy's silence on 升级 said."""
        out = reply(text)
        assert out.startswith("结论：符合第三条第（六）项")
        assert "新获得资质的认证费用" in out and "没有专门写资质升级" in out and "第四条第（一）项" in out

    def test_tech_award_asked_again_is_still_no(self):
        out = reply("去年拿过技术先进型的10万，今年复审通过了还能拿吗")
        assert "不能" in out and "一次性" in out


class TestClaimedElsewhereFact:
    @pytest.mark.parametrize(
        "text",
        [
            "离岸奖励去年领过 今年增量还能再拿一次吗",
            "展会补贴去年拿过了 今年还想再报一次",
            "技先去年领过了 今年再拿一次不行的话 离岸200万美元",
        ],
    )
    def test_again_of_this_policy_is_no_claim_elsewhere(self, text):
        assert "claimed_elsewhere" not in message_facts(text)

    @pytest.mark.parametrize(
        "text", ["区里已经补过技先的奖励了 还能在这边再领一次吗", "人社局已经补贴过这批培训 还能再报一次吗"]
    )
    def test_another_funder_is(self, text):
        assert message_facts(text).get("claimed_elsewhere") is True


class TestEstimate:
    @pytest.mark.parametrize(
        "text,items",
        [
            ("技先去年领过了 今年离岸200万美元 汇率7.1 能拿多少", ["3.2"]),
            ("离岸奖励去年领过了 今年在岸2000万 去年在岸1500万 增量奖励能拿多少", ["3.1"]),
            ("技先10万领过了，今年参加商务部门指定的境外展会1场，费用6万，能补多少", ["3.5"]),
            ("去年CMMI补过了 今年展会还想再报一次 境外指定展会1场 费用8万", ["3.5"]),
        ],
    )
    def test_the_received_item_is_not_estimated(self, text, items):
        s = EstimateSession.start(understand(text))
        assert items == s.items
        assert any("已经领过" in n for n in s.notes)

    @pytest.mark.parametrize(
        "text",
        [
            "去年CMMI3已经补过了，今年新拿了CMMI5，认证费25万，能补多少",
            "CMMI3去年补过 今年升CMMI5了 认证费25万 能补多少",
        ],
    )
    def test_the_certificate_subsidised_before_is_left_out(self, text):
        s = EstimateSession.start(understand(text))
        assert [c["name"] for c in s.inputs["certifications"]] == ["CMMI5"]

    def test_the_same_certificate_maintained_stays(self):
        s = EstimateSession.start(understand("CMMI去年补过认证费 今年维护费8万 能补多少"))
        assert s.items == ["3.6"] and not any("已经领过" in n for n in s.notes)


class TestTakenForAFigure:
    """The NLU may label these messages `inform`: the loose answer gives the same answers."""

    @pytest.mark.parametrize(
        "text,words",
        [
            ("去年拿过技术先进型的10万，今年复审通过了还能拿吗", ["不能", "一次性"]),
            ("展会去年省里补过一次 市里还能补吗", ["不得重复申报", "本政策没有写明"]),
            ("技先领了10万 还能报展会补贴吗", ["第三条第（五）项", "不同的支持项目"]),
        ],
    )
    def test_loose_answer(self, text, words):
        from actions.estimate import ActionLooseAnswer

        out = reply(text, intent="inform", action=ActionLooseAnswer())
        assert all(w in out for w in words)
        assert "0元" not in out and "我来帮您测算" not in out


def test_a_one_time_award_asked_again_is_not_a_double_claim():
    """「去年新认定技术先进型 已经拿了10万 今年还能再拿一次不」 taken for a figure: 一次性, not 第四条第（三）项."""
    from actions.estimate import ActionLooseAnswer

    out = reply("去年新认定技术先进型 已经拿了10万 今年还能再拿一次不", intent="inform", action=ActionLooseAnswer())
    assert "一次性" in out and "不能" in out


def test_a_district_park_policy_is_a_claim_elsewhere():
    """「去年已经在高新区的政策里拿过补贴了 市里这个还能再报一次吗」: 第四条第（三）项 decides."""
    assert (
        message_facts("同一个CMMI认证 去年已经在高新区的政策里拿过补贴了 市里这个还能再报一次吗").get(
            "claimed_elsewhere"
        )
        is True
    )
    out = reply("同一个CMMI认证 去年已经在高新区的政策里拿过补贴了 市里这个还能再报一次吗")
    assert "不得重复申报" in out
