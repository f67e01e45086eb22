"""The estimate dialogue core (bot/estimate): reading figures, asking, correcting, computing."""

from decimal import Decimal

import pytest

from bot.estimate import explain
from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession, calculator_inputs, restate
from bot.nlu.normalize import normalize


def play(first, answers=()):
    """Run a conversation; return the session and every question asked."""
    s = EstimateSession.start(first)
    asked = []
    for a in answers:
        if s.status != "collecting":
            break
        asked.append(s.question())
        s = EstimateSession.load(s.dump())  # state survives the slot round trip
        s.handle(a)
    return s, asked


def total(session) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


def item(session, code) -> dict:
    return next(i for i in session.compute()["items"] if i["code"] == code)


ONE_MESSAGE = [
    ("今年离岸执行额250万美元，汇率按6.8算，离岸奖励多少？", "1700000"),
    ("上年在岸执行额2000万元，今年2600万元，没有离岸业务，增量奖励能拿多少？", "180000"),
    ("CMMI5花了60万能补多少", "300000"),
    ("我们今年参加了3场境外展会，每场8万", "150000"),
    ("境内展会去了5场，每场3万元，补多少", "100000"),
    ("离岸执行额120万美元，汇率7.1，离岸奖励多少", "852000"),
    ("离岸执行额100万美元，汇率7.1，离岸奖励多少", "0"),
    ("离岸执行额500万美元，汇率7.2，离岸奖励多少", "2000000"),
    ("技术先进型服务企业，今年新获得资格，奖励多少", "100000"),
    ("去年在岸3000万元，今年3500万元，增量奖励多少", "150000"),
    ("ITSS三级花了18万元，能补多少钱", "126000"),
    ("建公共服务平台买硬件和软件花了500万元，补多少", "1500000"),
    ("境外展会2场，花了12万元和4万元，能补多少", "78000"),
]


class TestOneMessage:
    """A message with every figure is answered at once, to the yuan."""

    @pytest.mark.parametrize("text,expected", ONE_MESSAGE)
    def test_amount(self, text, expected):
        """The total equals the hand-computed award."""
        s = EstimateSession.start(text)
        assert "done" == s.status, s.question()
        assert Decimal(expected) == total(s)


class TestAsking:
    """Missing figures are asked one at a time; ambiguity is asked, never guessed."""

    def test_rate_is_asked_and_explained(self):
        """An offshore amount without a rate asks for the year's central parity rate."""
        s, asked = play("离岸执行额150万美元能拿多少？", ["7.05"])
        assert "中间价" in asked[0] and "汇率" in asked[0]
        assert Decimal("1057500") == total(s)

    def test_currency_is_asked(self):
        """ "150万" for an offshore amount asks 美元 or 元."""
        s = EstimateSession.start("离岸执行额150万能奖多少")
        assert "美元" in s.question() and "元" in s.question()
        s.handle("美元")
        s.handle("汇率7")
        assert Decimal("1050000") == total(s)

    def test_per_event_or_total_is_asked(self):
        """ "3场展会花了15万" asks 每场 or 合计; a total is never averaged: each fair's cost is asked."""
        s, asked = play("3场展会花了15万", ["合计", "4万、5万、6万", "境外"])
        assert "每场" in asked[0] and "合计" in asked[0]
        assert "平均" in asked[1] and "每场的费用" in asked[1]
        assert "境内" in asked[2] and "境外" in asked[2]
        assert Decimal("105000") == total(s)

    def test_fairs_flow_like_a_user(self):
        """Domestic none, then two overseas fairs listed separately."""
        s, asked = play("帮我算算参加展会能补多少钱", ["境内没有参加", "参加了2场境外展会，费用分别是5万元和6万元"])
        assert "境内" not in asked[1]
        assert Decimal("77000") == total(s)

    def test_increment_asks_previous_year(self):
        """The increment award asks for last year's amounts, accepting 新增企业."""
        s, asked = play("帮我算一下增量奖励", ["今年在岸2000万元，没有离岸业务", "新增企业"])
        assert "上一年度" in asked[1]
        assert Decimal("600000") == total(s)

    def test_previous_year_rate_is_asked_separately(self):
        """Offshore in both years needs both years' rates."""
        s, asked = play("去年离岸200万美元，今年离岸300万美元，增量奖励多少", ["今年汇率7.1", "6.9"])
        r = item(s, "3.1")
        assert Decimal(str(r["amount_cny"])) == (
            Decimal("3000000") * Decimal("7.1") - Decimal("2000000") * Decimal("6.9")
        ) * Decimal("0.03")


class TestCorrectionsAndExits:
    """Corrections overwrite, 跳过 leaves an item out, 取消 ends the estimate."""

    def test_correction_replaces_the_figure(self):
        """ "不对，是180万美元" replaces the offshore amount."""
        s = EstimateSession.start("离岸执行额150万美元能拿多少")
        s.handle("不对，是180万美元", "correct_value")
        s.handle("7")
        assert Decimal("1800000") == s.inputs["offshore_usd"]
        assert Decimal("1260000") == total(s)

    def test_skip_rate_leaves_no_invented_rate(self):
        """Skipping the rate finishes without a rate and without an offshore amount in yuan."""
        s = EstimateSession.start("离岸执行额150万美元能拿多少")
        turn = s.handle("不知道", "dont_know")
        assert "done" == s.status
        assert "中间价" in turn.messages[0]
        assert "usd_cny_rate" not in s.inputs

    def test_cancel(self):
        """取消 ends the session."""
        s = EstimateSession.start("帮我算一下增量奖励")
        turn = s.handle("算了不算了", "cancel")
        assert turn.cancelled and "cancelled" == s.status

    def test_question_in_the_middle_is_an_interjection(self):
        """A policy question mid-form is handed back for answering."""
        s = EstimateSession.start("帮我算算展会补贴")
        turn = s.handle("哪些费用可以补贴", "ask_subsidy")
        assert turn.interjection and "collecting" == s.status

    def test_nonsense_is_not_understood(self):
        """Emoji or noise is not taken as a figure."""
        s = EstimateSession.start("帮我算算展会补贴")
        turn = s.handle("😀😀😀", "nlu_fallback")
        assert not turn.understood and {} == s.inputs

    @pytest.mark.parametrize("text", ["", "   "])
    def test_empty_message(self, text):
        """An empty answer asks again."""
        s = EstimateSession.start("帮我算算展会补贴")
        assert not s.handle(text).understood


class TestWording:
    """The answer restates the inputs with units and shows each award's arithmetic and clause."""

    def test_render(self):
        """The rendered answer carries the basis, the amount in 元 and 万元, the clause and the disclaimer."""
        s = EstimateSession.start("今年离岸执行额150万美元，汇率7.05，离岸奖励多少")
        text = explain.render(s.compute(), calculator_inputs(s.inputs))
        assert "150万美元" in text and "7.05" in text
        assert "1,057,500.00元" in text and "105.75万元" in text
        assert "第三条第（二）项" in text and "预估" in text

    def test_restate(self):
        """Fairs are restated per region."""
        assert "境外活动2场（5万元、6万元）" == restate(
            {
                "fairs": [
                    {"region": "overseas", "cost_cny": Decimal(50000)},
                    {"region": "overseas", "cost_cny": Decimal(60000)},
                ]
            }
        )


class TestItemWords:
    """Item detection from user words."""

    @pytest.mark.parametrize(
        "text,code",
        [
            ("离岸奖励多少", "3.2"),
            ("增量奖励", "3.1"),
            ("展会补贴", "3.5"),
            ("cmmi认证", "3.6"),
            ("房租补贴", "3.8.3"),
            ("实习生补贴", "3.7.4"),
            ("项目经理培训", "3.7.3"),
            ("公共服务平台", "3.9"),
            ("技术先进型", "3.4"),
            ("专利 创新奖励", "3.3"),
            ("引进了500强", "3.8.2a"),
            ("吸引外资", "3.8.2b"),
        ],
    )
    def test_detect(self, text, code):
        """Each item is recognised by its everyday name."""
        assert code in detect_items(normalize(text))


class TestBadFigures:
    """Negative or absurd figures are refused, asked again, and nothing else is lost."""

    @pytest.mark.parametrize(
        "text,field",
        [
            ("CMMI认证费用-5万元能补多少", "certifications"),
            ("离岸执行额负100万美元，汇率7", "offshore_usd"),
            ("离岸执行额9999999亿美元，汇率7", "offshore_usd"),
        ],
    )
    def test_refused(self, text, field):
        """The bad field is dropped with a Chinese reason and asked again."""
        s = EstimateSession.start(text)
        assert field not in s.inputs and "collecting" == s.status
        assert s.problems and "不能" in s.problems[0] or "超出" in s.problems[0]

    def test_rate_kept_after_bad_amount(self):
        """The rate given beside a bad amount is kept; a good amount then finishes."""
        s = EstimateSession.start("离岸执行额负100万美元，汇率7")
        s.handle("150万美元")
        assert Decimal("1050000") == total(s)

    @pytest.mark.parametrize(
        "text,expected",
        [
            ("离岸执行额三百万美元，汇率7，离岸奖励多少", "2000000"),
            ("离岸300w美元，汇率7，离岸奖励多少", "2000000"),
            ("离岸执行额１５０万美元，汇率７，离岸奖励多少", "1050000"),
            ("离岸执行额两百万刀，汇率7，离岸奖励多少", "1400000"),
            ("离岸执行额1,500,000美元，汇率7，离岸奖励多少", "1050000"),
        ],
    )
    def test_number_styles(self, text, expected):
        """Chinese, w, full-width and grouped figures are read alike."""
        s = EstimateSession.start(text)
        assert Decimal(expected) == total(s)


ROUND_TWO = [
    ("今年拿了CMMI、ITSS、PCMM、CCRC四个认证，费用分别是15万、9万、30万、45万，资质补贴能拿多少", "615000"),
    ("今年有21名本科以上的项目经理参加涉外业务培训，每人花了5万元，中高级人才培训补贴多少", "500000"),
    ("今年境外参展8场，每场9万；境内参展15场，每场2.5万，展会补贴一共多少", "500000"),
    ("市级示范园区引进了1家中国服务外包十大领军企业和1家国内500强，都已正常运营满一年，园区运营方能拿多少", "200000"),
    ("参加了2场境内展会，一场花了三万五，一场一万二；还有1场境外展会花了六万，展会补贴多少", "70400"),
    ("三个中高级人才（本科、项目经理）参加涉外业务培训，费用分别8万、4万、2.4万，补贴多少", "62000"),
    ("CMMI认证花了12.5万，ITSS维护费三万五，资质认证补贴一共多少", "112000"),
    ("离岸业务去年做了500万美元，汇率按7.1，能拿多少离岸奖励", "2000000"),
    ("我们是已认定的郑州市服务外包培训机构，今年培训了120名大专以上学员，能拿多少培训支持？", "60000"),
    ("我们公司统一运营管理的园区今年新被认定为市级服务外包示范园区，有多少奖励", "200000"),
    (
        "我们在市级服务外包重点园区入驻4年了，合同执行额2000万元，租了1500平米办公室，年租金90万元，还没领过房租补贴",
        "180000",
    ),
    ("150w美元离岸，汇率7.1，奖励多少", "1065000"),
    (
        "今年我们的增量奖励算下来是40万元、离岸奖励是100万元，连续两年都拿到了新的软件著作权，创新发展奖励有多少？",
        "210000",
    ),
]


class TestPhrasings:
    """Phrasings found by outside evaluation, each to the yuan."""

    @pytest.mark.parametrize("text,expected", ROUND_TWO)
    def test_total(self, text, expected):
        """The estimate's total equals the hand-computed figure."""
        s = EstimateSession.start(text)
        assert "done" == s.status, s.question()
        assert Decimal(expected) == total(s)

    def test_explicit_years(self):
        """2022/2023 figures map to previous/current year with their own rates."""
        s = EstimateSession.start(
            "2022年离岸80万美元（汇率6.73）、在岸2000万；2023年离岸120万美元（汇率7.05）、在岸2500万。"
            "2023年的增量奖励是多少"
        )
        assert Decimal("242280") == Decimal(str(item(s, "3.1")["amount_cny"]))

    def test_condition_rules_out_early(self):
        """入驻两年: the rent subsidy is ruled out without asking for the rest."""
        s = EstimateSession.start("我们入驻市级服务外包重点园区两年了，合同执行额800万，能拿房租补贴吗？")
        assert "done" == s.status and "入驻三年以上（您说的是：2年），还差1年" == s.failed()["3.8.3"]

    def test_platform_list_after_per_or_total(self):
        """ "分别500万和800万" answers 每个还是合计 with a list."""
        s = EstimateSession.start("建了2个公共服务平台，花了500万")
        s.handle("分别500万和800万")
        assert Decimal("3500000") == total(s)

    def test_question_mid_form_is_interjection(self):
        """A rule question during the rent form is answered, not read as a new item."""
        s = EstimateSession.start("帮我算一下租金补贴")
        turn = s.handle("对了，境外参展每场最多补多少钱？", "estimate_award")
        assert turn.interjection and ["3.8.3"] == s.items
