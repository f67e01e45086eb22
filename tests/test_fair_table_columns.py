"""A table of fairs pasted from a spreadsheet (三（五）): the header row gives each column its role (pasted_tables.yml
fair_table) — the event's name, region, whether 商务部门 designated it, its cost items, a total — in any order, split
by tabs, | or spaces; a row marked not designated is left out and named, costs the clause does not list (差旅、机票酒店)
are named as not covered, a total column beside the items is not counted twice, a 合计 row is no event, the unit comes
from the cell, the column or a line above. The cells never state a fact of the applicant (an event 「某行业协会年会」 is
no applicant that is an association). Wording of our own."""

import asyncio

from actions.common import pasted_fairs
from actions.estimate import ActionEstimateStart, ActionLooseAnswer
from bot.answers.eligibility import facts_from
from bot.estimate.tables import read_fair_tables, without_tables
from tests.test_actions import run, texts, tracker


def reply(text: str, intent: str = "inform") -> str:
    action = ActionLooseAnswer() if intent == "inform" else ActionEstimateStart()
    d, _ = asyncio.run(run(action, tracker(text, intent=intent)))
    return texts(d)


TABBED = (
    "麻烦算下今年的参展补贴，下面是台账，金额单位万元\n"
    "展会\t境内/境外\t是否商务部门指定\t注册费\t展位费\t宣传推广费\t住宿费\n"
    "数博会(贵阳)\t境内\t是\t0.3\t1.8\t0.5\t0.6\n"
    "某产业联盟协会年会\t境内\t否\t0\t1.2\t0\t0.3\n"
    "东京IT周\t境外\t是\t0\t5.5\t1.5\t2.0\n"
)


class TestTabbedTableWithDesignation:
    def test_amount(self):
        """2.6万 × 70% = 1.82万; 7万 × 70% = 4.9万; the undesignated row left out: 6.72万."""
        out = reply(TABBED)
        assert "67,200.00元" in out

    def test_undesignated_row_named_and_no_false_applicant_verdict(self):
        """The association's annual meeting is an event the company attended, not the applicant."""
        out = reply(TABBED)
        assert "某产业联盟协会年会" in out and "不计入" in out
        assert "非企业主体" not in out and "不能申报" not in out

    def test_travel_named_as_not_covered(self):
        out = reply(TABBED, "estimate_award")
        assert "住宿" in out and "不属于第三条第（五）项列明的可补贴费用" in out


MARKDOWN = (
    "帮忙看看展会补贴\n"
    "| 序号 | 商务局指定 | 展会名称 | 展位费(元) | 布展费(元) | 机票酒店(元) | 境内外 |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | ✓ | 深圳文博会 | 15000 | 5000 | 6000 | 国内 |\n"
    "| 2 | ✓ | 新加坡亚洲科技展 | 40000 | 20000 | 18000 | 国外 |\n"
    "| 3 | × | 自办客户答谢会 | 8000 | 0 | 0 | 国内 |\n"
    "| 合计 | | | 63000 | 25000 | 24000 | |\n"
)


class TestMarkdownTableOtherOrder:
    def test_amount(self):
        """2万 × 70% = 1.4万; 6万 × 70% = 4.2万; the × row (境内 and not designated) and the 合计 row left out."""
        out = reply(MARKDOWN)
        assert "56,000.00元" in out
        assert "自办客户答谢会" in out and "机票酒店" in out

    def test_rows_read(self):
        said, problems = read_fair_tables(MARKDOWN)
        assert not problems
        assert "「深圳文博会」（境内，商务部门指定） 展位费15000元 布展费5000元 机票酒店6000元" in said
        assert "不是商务部门指定的" in said and "合计" not in said


SPACED = (
    "今年参展情况如下（单位：万元）\n"
    "活动 地区 是否指定 注册费 展位费 宣传费 费用合计\n"
    "广交会 境内 是 0.5 2.5 0.5 3.5\n"
    "东京 IT 周 境外 是 0 6 1 7\n"
    "杭州数博会 境内 否 0 1 0 1\n"
    "展会补贴能拿多少\n"
)


class TestSpacedTableWithTotalColumn:
    def test_total_column_not_counted_twice(self):
        """3.5万 × 70% → capped 2万; 7万 × 70% = 4.9万 (the 费用合计 column is the items' sum, not another cost)."""
        out = reply(SPACED)
        assert "69,000.00元" in out
        assert "杭州数博会" in out

    def test_name_with_spaces_joined(self):
        said, _ = read_fair_tables(SPACED)
        assert "「东京 IT 周」（境外，商务部门指定） 展位费6万元 宣传费1万元" in said


class TestTotalOnlyAndPlaces:
    def test_region_from_place_and_yuan_column(self):
        """北京 3万 × 70% → 2万; 印度 9万 × 70% → 5万: 7万."""
        out = reply(
            "展会补贴能拿多少？\n活动\t地点\t是否商务部门指定\t费用(元)\n服贸会\t北京\t是\t30000\n班加罗尔IT展\t印度\t是\t90000\n"
        )
        assert "70,000.00元" in out

    def test_region_words_with_a_suffix(self):
        said, _ = read_fair_tables(
            "序号\t类别\t活动名称\t商务部门指定\t费用合计(元)\n1\t国内展\t甲展\t√\t26000\n2\t国外展\t乙展\t√\t120000\n"
        )
        assert "「甲展」（境内，商务部门指定） 费用26000元" in said
        assert "「乙展」（境外，商务部门指定） 费用120000元" in said


class TestUnitsAndCaps:
    def test_no_unit_small_figures_asked(self):
        """「2」「1」 with no unit anywhere: 元 or 万元 is asked, never computed as 2元."""
        text = "帮忙算展会补贴\n活动\t境内/境外\t是否指定\t展位费\t特装费\nA展\t境内\t是\t2\t1\nB展\t境外\t是\t5\t1\n"
        said, problems = read_fair_tables(text)
        assert problems and "没有写金额单位" in problems[0]
        assert "展位费" not in said
        assert "6.30元" not in reply(text, "estimate_award")

    def test_large_figures_without_unit_are_yuan(self):
        """「15000」 can only be yuan: read as typed, no question."""
        said, problems = read_fair_tables(
            "活动\t境内/境外\t是否指定\t展位费\nA展\t境内\t是\t15000\nB展\t境外\t是\t52000\n"
        )
        assert not problems and "展位费15000" in said

    def test_yearly_cap(self):
        """12 domestic fairs of 3万: 12 × 2万 = 24万 → 全年最高20万."""
        rows = "".join(f"{name}\t境内\t是\t2\t1\n" for name in "甲乙丙丁戊己庚辛壬癸子丑")
        out = reply("境内展会明细 单位万元\n展会\t境内/境外\t是否商务部门指定\t展位费\t特装费\n" + rows + "能补多少\n")
        assert "200,000.00元" in out and "超过境内全年上限" in out


class TestCellsStateNoApplicantFact:
    def test_names_of_events_are_no_applicant(self):
        for name in ("省个体户协会年会", "某事业单位交流会", "上海分公司客户答谢会", "行业协会论坛"):
            text = f"活动\t境内/境外\t是否指定\t展位费(元)\n{name}\t境内\t否\t8000\n广交会\t境内\t是\t20000\n"
            assert {} == facts_from(text)
            assert {} == facts_from(pasted_fairs(text))

    def test_a_table_of_facts_without_figures_is_read(self):
        """「项目 | 情况」 rows of words: the applicant's own facts, not blanked."""
        text = "项目\t情况\n注册地\t郑州\n是否独立法人\t是\n员工\t120人\n"
        assert text == without_tables(text)

    def test_prose_event_of_an_association(self):
        assert "entity_type" not in facts_from("还参加了一个软件协会的年会 展位费1万 不是指定的")
        assert "other" == facts_from("我们是软件行业协会 能申报吗").get("entity_type")


class TestOpenCells:
    def test_designation_to_be_confirmed_stays_open(self):
        """A 「待确认」 beside a 是: the condition is named to confirm, never met on the other row's word."""
        text = (
            "展会补贴\n活动\t境内/境外\t是否商务部门指定\t展位费(万元)\t特装费(万元)\n"
            "A展\t境内\t待确认\t1.5\t0.5\nB展\t境外\t是\t4\t1\n"
        )
        out = reply(text, "estimate_award")
        assert "49,000.00元" in out and "还需确认的条件" in out

    def test_region_asked_by_the_event_name(self):
        from bot.estimate.session import EstimateSession

        text = "帮算下展会补贴，单位：元\n展会名称\t是否指定\t展位费\t特装费\n华交会\t是\t20000\t5000\n中东IT展\t是\t30000\t10000\n"
        question = EstimateSession.start(pasted_fairs(text)).question()
        assert "“华交会”（2.5万元）是在境内还是境外" in question


class TestCellsWithTheirOwnWords:
    def test_a_cost_cell_naming_its_cost(self):
        """「特装1万」 under 「特装/宣传」: the cell's own word names the cost, kept with its figure."""
        text = (
            "帮忙算下展会补贴 都是商务部门指定的展会\n展会 | 地点 | 展位费 | 特装/宣传 | 差旅\n"
            "服贸会 | 北京 | 3.5万 | 特装1万 | 0.8万\n外包峰会 | 上海 | 1.6万 | 宣传0.4万 | 0.6万\n"
        )
        said, _ = read_fair_tables(text)
        assert "「服贸会」（北京） 展位费3.5万 特装1万 差旅0.8万" in said


def test_a_fair_table_in_full_width_digits_is_read():
    """R62E009: 「２５０００」 under 「费用（元）」, places deciding 境内/境外."""
    from bot.estimate.tables import read_fair_tables

    said, problems = read_fair_tables(
        "都是商务局指定的\n展会\t地点\t费用（元）\n软交会\t大连\t２５０００\nGITEX\t迪拜\t９００００\n"
    )
    assert not problems
    assert "「软交会」（大连） 费用25000元" in said and "「GITEX」（迪拜） 费用90000元" in said
