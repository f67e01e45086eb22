"""Several applicants in one message, continued: a group's sum when asked for (each entity's own capped total, then
their arithmetic sum), applicants named by a bare letter, each applicant's own 第二条 facts, a total said of several
entities (never estimated as one, never split), and the enterprises a park brings in (counted for the park, not
applicants). Wording of our own, not the case files'."""

from actions.estimate import ActionEstimateStart
from bot.estimate import applicants
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts, tracker


def names(text: str) -> list:
    return [name for name, _ in applicants.split(normalize(text))]


class TestBareLetters:
    def test_letters_at_the_start_of_phrases_are_applicants(self):
        """「X…；Y…两家各多少」: X and Y name two applicants, with their own words."""
        parts = dict(applicants.split(normalize("两家公司 X今年去了一场境外展 6万；Y拿了CCRC认证 费用5万 两家各多少")))
        assert ["x", "y"] == list(parts)
        assert "5万" not in parts["x"] and "6万" not in parts["y"]

    def test_chinese_ordinals_alone_are_applicants(self):
        assert ["甲", "乙"] == names("两个子公司 甲入驻重点园区5年 年租金20万；乙今年ITSS认证6万 分别能拿多少")

    def test_a_name_said_again_takes_its_question(self):
        """「…甲能拿多少 乙能不能报」: each name's later words are its own."""
        parts = dict(
            applicants.split(normalize("两家子公司 甲是郑州注册的 ITSS 6万；乙注册在开封 甲能拿多少 乙能不能报"))
        )
        assert parts["甲"].endswith("甲能拿多少") and "开封" not in parts["甲"]
        assert parts["乙"].endswith("乙能不能报") and "6万" not in parts["乙"]

    def test_client_and_contractor_are_no_applicants(self):
        """甲方/乙方 are the parties to a contract, not applicants."""
        assert [] == names("甲方是美国客户 乙方是我们 离岸合同分别多少")

    def test_letters_naming_fairs_are_not_applicants(self):
        """「A展…；B展…分别测算」: two fairs of one applicant."""
        assert [] == names("参加了两场展：A展展位费2万；B展展位费3万。请分别测算")
        assert [] == names("C会议注册费5千；D会议展位费2万 分别算一下")

    def test_letters_out_of_order_are_not_applicants(self):
        """B and D alone (no A, no C) are no series of applicants."""
        assert [] == names("两家 B类资质6万，D级认证5万 分别多少")


class TestSum:
    def test_sum_is_asked(self):
        assert applicants.asks_sum("两家各多少 加起来一共能拿多少")
        assert applicants.asks_sum("分别多少 集团总共多少")

    def test_no_sum_without_the_question(self):
        assert not applicants.asks_sum("两家今年执行额合计6000万 分别多少")
        assert not applicants.asks_sum("两家各能拿多少")
        assert not applicants.asks_sum("两家分别多少 年度总额上限是多少")

    def test_sum_line_adds_capped_totals(self):
        line = applicants.sum_line(
            [
                ("甲", {"total_cny": 5000000.0, "total_cny_max": 5000000.0, "total_capped": True}),
                ("乙", {"total_cny": 42000.0, "total_cny_max": 42000.0, "total_capped": False}),
            ]
        )
        assert "5,042,000.00元" in line and "已按单个企业年度总额上限计" in line and "算术和" in line


class TestCombinedFigures:
    def test_a_total_of_several_entities_is_named(self):
        said = applicants.combined_figures(normalize("三个子公司今年在岸一共8000万 去年一共7000万 每个子公司能拿多少"))
        assert ["一共8000万", "一共7000万"] == said

    def test_a_cap_asked_about_is_no_total(self):
        assert [] == applicants.combined_figures(normalize("每家企业一年合计500万封顶吗"))

    def test_one_enterprise_total_is_not_combined(self):
        assert [] == applicants.combined_figures(normalize("我们公司在岸离岸合计6000万 去年5000万 能拿多少"))


class TestPark:
    def test_a_firm_under_a_year_is_not_counted_for_the_park(self):
        """Two 500强 brought in, one running two years, the other five months: one counted; the item stands."""
        s = EstimateSession.start("园区今年招进来两家世界500强 其中一家落地两年了 另外一家刚入园5个月 园区能拿多少")
        assert s.inputs["park_top_enterprises"] == 1
        r = s.compute()
        item = next(i for i in r["items"] if i["code"] == "3.8.2a")
        assert item["amount_cny"] == 100000.0 and item["amount_cny_max"] == 300000.0

    def test_firms_a_park_brings_in_are_not_applicants(self):
        assert [] == names("园区引进了两家国内500强 一家运营两年 另一家三个月 园区分别能拿多少")


class TestAction:
    async def test_group_sum_when_asked(self):
        """Each one's own capped total, then their arithmetic sum labelled as such."""
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "集团两个子公司都在郑州注册 甲公司今年离岸执行额100万美元以上 是120万美元 汇率7；乙公司今年CCRC认证6万。"
                "各能拿多少 加起来一共多少",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "840,000.00元" in out and "42,000.00元" in out
        assert "882,000.00元" in out and "算术和" in out

    async def test_no_sum_unless_asked(self):
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "集团两个子公司 甲公司今年离岸120万美元 汇率7；乙公司今年CCRC认证6万。各能拿多少",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "840,000.00元" in out and "882,000" not in out and "算术和" not in out

    async def test_one_registered_elsewhere_is_told_so_the_other_estimated(self):
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "两家子公司 甲是郑州注册的独立法人 今年CCRC认证6万；乙是在开封注册的独立法人 甲能拿多少 乙能报吗",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "42,000.00元" in out
        assert "【乙】结论：不符合第二条" in out and "【甲】结论：不符合" not in out

    async def test_a_total_of_several_is_asked_apart(self):
        d, _ = await run(
            ActionEstimateStart(),
            tracker("三个子公司今年在岸一共8000万 去年一共7000万 每个子公司能拿多少", intent="estimate_award"),
        )
        out = texts(d)
        assert "一共8000万" in out and "每家企业自己的数字" in out
        assert "300,000" not in out and "100,000" not in out
