"""Follow-up turns of a running estimate and negated conditions or items (round 43): a negation before the growth
covers it (「研发投入也没连续增长」 is no growth), items listed and then denied as a whole (「其他项目（…、展会、认证等）都
没有」) are declined, not asked; a fee paid beside a platform's purchases is no second platform; a message sent again is
not added again; 「是的」 to 「其中在岸部分是多少？」 takes no amount (and never the whole); an amount whose kind is said,
then 「还有一部分离岸」, is that kind's amount. The wording here is the team's own."""

import json
from decimal import Decimal

import pytest

from actions.estimate_store import saved_inputs
from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession, from_json
from bot.estimate.understand import read
from bot.nlu.normalize import normalize


def round_trip(inputs: dict) -> dict:
    """The running estimate as the next turn gets it back from the conversation's slot."""
    raw = json.loads(json.dumps(saved_inputs(inputs)["value"]))
    return {k: from_json(k, v) for k, v in raw.items()}


class TestGrowthNegated:
    @pytest.mark.parametrize(
        "text",
        [
            "研发投入也没连续增长",
            "研发经费并未持续两年增加",
            "研发投入不是每年都在涨",
            "研发费用没有一直上升",
            "研发投入谈不上连续两年提高",
            "研发投入零增长",
        ],
    )
    def test_a_negation_before_the_growth_is_no_growth(self, text):
        assert read(text, None, ["3.3"], {}).fields.get("innovation_rd_growth_two_years") is False

    @pytest.mark.parametrize(
        "text", ["研发投入连续两年增长", "研发投入22、23年都涨了", "研发投入持续不停地增加", "研发投入连续两年都在增加"]
    )
    def test_growth_said_outright_stays_growth(self, text):
        assert read(text, None, ["3.3"], {}).fields.get("innovation_rd_growth_two_years") is True


class TestItemsDeniedInAList:
    @pytest.mark.parametrize(
        "text,expected",
        [
            ("补一句：两年都拿到了新的软著。别的（技术先进型、展会、资质认证之类）都没有，算下总数", ["3.3"]),
            ("技术先进型和展会我们也都没有，另外连续两年有新专利", ["3.3"]),
            ("展会、认证这些均无。", []),
            ("我们参加了展会，认证都没有", ["3.5"]),
            ("技术先进型今年刚认定，展会补贴能拿多少", ["3.4", "3.5"]),
            ("离岸奖励和展会补贴都没有上限吗", ["3.2", "3.5"]),  # a question declines nothing
        ],
    )
    def test_detected_items(self, text, expected):
        assert detect_items(normalize(text)) == expected

    def test_running_estimate_adds_the_innovation_award_only(self):
        """1000万 + 50万美元 × 7 = 1,350万 vs 900万 + 40万美元 × 7 = 1,180万: increment 170万 × 3% = 51,000; offshore
        needs 100万美元 (none); 三（三） 15% of 51,000 = 7,650 — nothing asked about the declined items."""
        first = EstimateSession.start(
            "今年在岸1000万、离岸50万美元，去年在岸900万、离岸40万美元，汇率两年都是7，能拿多少"
        )
        assert first.status == "done"
        later = EstimateSession.start(
            "再补充：2024、2025两年都有新的发明专利，技术先进型、展会和认证什么的都没有，总共多少",
            running=round_trip(first.inputs),
        )
        assert later.status == "done", later.question()
        assert not {"3.4", "3.5", "3.6"} & set(later.items)
        assert later.inputs["innovation_patents_two_years"] is True


class TestPlatformFees:
    @pytest.mark.parametrize(
        "text,fee",
        [
            ("建了个服务外包公共技术服务平台，服务器花了150万，正版软件50万，另外付了讲师费30万", "讲师费30万元"),
            ("公共培训服务平台：硬件设备90万，软件10万，还有课酬费用20万", "课酬费用20万元"),
        ],
    )
    def test_a_fee_beside_the_purchases_is_named_not_counted(self, text, fee):
        r = read(text, None, ["3.9"], {})
        assert [p["cost_cny"] for p in r.fields["platforms"]] == [
            Decimal(2000000) if "150" in text else Decimal(1000000)
        ]
        assert any(fee in n and "不计入补贴基数" in n for n in r.notes)

    def test_a_software_licence_fee_is_a_purchase(self):
        r = read("建了个公共信息服务平台，服务器120万，软件授权费40万", None, ["3.9"], {})
        assert [p["cost_cny"] for p in r.fields["platforms"]] == [Decimal(1600000)]

    def test_the_same_message_sent_again_is_not_one_more_platform(self):
        """(120万 + 80万) × 30% = 60万, however often the same platform is told."""
        said = "我们还建了个公共培训服务平台，买服务器花了120万，正版软件80万，讲师费另付30万。一起算"
        first = EstimateSession.start("去年在岸1500万，今年在岸2000万，能拿多少")
        once = EstimateSession.start(said, running=round_trip(first.inputs))
        twice = EstimateSession.start(said, running=round_trip(once.inputs))
        assert [p["cost_cny"] for p in twice.inputs["platforms"]] == [Decimal(2000000)]


class TestKindSaidThenMore:
    def test_more_of_the_other_kind_beside_an_amount_whose_kind_is_said(self):
        session = EstimateSession.start("算下增量奖励：今年在岸做了1900万，另外还有一部分离岸业务")
        assert session.inputs.get("onshore_cny") == Decimal(19000000)
        assert session.clarify is None

    def test_a_part_inside_the_amount_is_still_asked(self):
        session = EstimateSession.start("今年在岸1900万，其中有一部分是离岸的")
        assert "onshore_cny" not in session.inputs
        assert session.clarify and session.clarify["kind"] == "part"

    @pytest.mark.parametrize("answer", ["是的", "对", "嗯"])
    def test_a_yes_to_the_part_question_takes_no_amount(self, answer):
        """The question asks how much; 「是的」 names nothing: the whole is not taken for the part (it raised before)."""
        session = EstimateSession.start("今年在岸1900万，其中有一部分是离岸的")
        session.handle(answer, "affirm")
        assert "onshore_cny" not in session.inputs
        assert "1900万元" in session.question()
