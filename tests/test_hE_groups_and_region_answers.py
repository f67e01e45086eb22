"""People trained in groups 「N人每人X」: N entries of X each, whatever stands around them (a list mark 「1）」, a count
of questions 「问两个补贴」, another item after them); and the answer to 「各是在境内还是境外」 that places the fairs by
their order and corrects a figure at once. Wording of our own, not the case files'."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate import entry_refs, region_answers
from bot.estimate.session import EstimateSession
from calculator.figures_zh import parse_figures

D = Decimal


class TestListMarks:
    def test_item_numbers_are_no_amounts(self):
        figs = parse_figures("问三件事：1）CMMI认证费30万；2）展位费2万")
        assert [D("300000"), D("20000")] == [f.value for f in figs if f.kind == "money"]

    def test_dotted_mark_is_no_amount_but_a_decimal_is(self):
        assert [D("15000")] == [f.value for f in parse_figures("1. 展位费1.5万") if f.kind == "money"]


class TestGroups:
    def test_question_count_is_no_head_count(self):
        """「帮问两个补贴」: 两个 counts the questions; the 6 project managers are 2 + 4."""
        s = EstimateSession.start(
            "帮问两个补贴：1）6个项目经理（硕士）参加涉外业务培训，2人每人3万、4人每人6万；2）ITSS认证费12万。各多少"
        )
        assert [D("30000")] * 2 + [D("60000")] * 4 == [e["cost_cny"] for e in s.inputs["senior_training"]]

    def test_groups_before_another_item_all_count(self):
        s = EstimateSession.start("5位本科以上的项目经理参加了涉外培训，3名每人2万 2名每人7万；CMMI认证费20万。各多少")
        assert [D("20000")] * 3 + [D("70000")] * 2 == [e["cost_cny"] for e in s.inputs["senior_training"]]


PRE = ["", "问两个补贴：1）", "两件事：1. ", "我是HR，"]
HEAD = [
    "{m}个项目经理（本科以上）参加涉外业务培训，",
    "公司{m}位本科以上的项目经理参加了涉外培训，",
    "项目经理（本科以上）参加高级培训，",
]
LEAD = ["费用分别是", "培训费", "其中", ""]
GROUP = ["{n}人每人{x}万", "{n}个人每人{x}万", "{n}名每人{x}万", "{n}人各{x}万", "{n}位每位{x}万"]
JOIN = ["、", "，", "；", " "]
POST = ["。能补多少？", "；2）CMMI认证费20万。各多少", "，中高级人才培训补贴多少"]


@settings(max_examples=80, deadline=None)
@given(
    groups=st.lists(
        st.tuples(st.integers(1, 6), st.sampled_from([1, 1.5, 2, 3, 4, 5, 8, 10])),
        min_size=2,
        max_size=4,
        unique_by=lambda g: g[1],
    ),
    pre=st.sampled_from(PRE),
    head=st.sampled_from(HEAD),
    lead=st.sampled_from(LEAD),
    group=st.sampled_from(GROUP),
    join=st.sampled_from(JOIN),
    post=st.sampled_from(POST),
)
def test_group_lists_give_the_people_and_costs_typed(groups, pre, head, lead, group, join, post):
    """For any list of groups 「N人每人X万」, the estimate has exactly N entries of X for each: no person more or less,
    no cost that was not typed (a count never becomes money)."""
    people = sum(n for n, _ in groups)
    text = pre + head.format(m=people) + lead + join.join(group.format(n=n, x=x) for n, x in groups) + post
    s = EstimateSession.start(text)
    got = sorted(e["cost_cny"] for e in s.inputs.get("senior_training", []))
    assert sorted(D(str(x)) * 10000 for n, x in groups for _ in range(n)) == got, text


FAIRS = [D("60000"), D("25000")]


class TestRegionAnswers:
    def test_places_by_order(self):
        fairs, notes = region_answers.placed("前一个在新加坡办的，后一个在成都", FAIRS)
        assert ["overseas", "domestic"] == [f["region"] for f in fairs] and not notes

    def test_places_and_correction_by_old_figure(self):
        """A correction naming the old cost (不是2.5万) changes that fair only, the regions kept."""
        fairs, notes = region_answers.placed(
            "第一个在东京 境外；第二个在长沙 境内。对了第二个说错了 是4万不是2.5万", FAIRS
        )
        assert [("overseas", D("60000")), ("domestic", D("40000"))] == [(f["region"], f["cost_cny"]) for f in fairs]
        assert notes

    def test_correction_by_order(self):
        fairs, _ = region_answers.placed("第一个在东京；第二个在长沙，第二个其实是3万", FAIRS)
        assert [D("60000"), D("30000")] == [f["cost_cny"] for f in fairs]

    def test_by_cost_still_works(self):
        fairs, _ = region_answers.placed("2.5万那个在迪拜，6万那个在郑州", FAIRS)
        assert ["domestic", "overseas"] == [f["region"] for f in fairs]

    def test_two_places_unassigned_are_not_guessed(self):
        assert region_answers.placed("一个在迪拜一个在郑州", FAIRS) is None

    def test_entry_named_twice_with_two_places_is_not_guessed(self):
        assert {} == entry_refs.each_with("第一个在迪拜，第一个在郑州", 2, [(3, 5, "overseas"), (10, 12, "domestic")])

    def test_in_the_dialogue(self):
        """6万 × 70% = 4.2万 (境外, cap 5万); 3.5万 × 70% = 2.45万 → 2万 (境内 cap): 6.2万."""
        s = EstimateSession.start("今年参加了两场商务部门指定的展会 一场展位加特装6万 一场展位费2.5万 补多少")
        s.handle("第一个在大阪 境外；第二个在西安 境内。另外第二个记错了 展位费是3.5万不是2.5万")
        assert "done" == s.status and D("62000") == s.compute()["total_cny"]
