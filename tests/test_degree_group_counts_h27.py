"""People counted in degree groups (round 27): every group is a count, placed with the degree said beside it in the
list's own order; groups qualify by the clause's degree floor (knowledge/data/conditions.yml); a part said to fail a
person condition comes out of the qualifying total; each training group keeps its own per-person cost; a count with
no cost is asked about, named; a fact-only follow-up never swaps the qualifying count for the group's figure.
Wording is our own, not the case files'."""

import asyncio
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from actions.estimate import ActionLooseAnswer
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.degree_groups import for_clause, groups, split
from calculator.figures_zh import parse_figures
from tests.test_actions import run, slots_of, texts
from tests.test_estimate_multiturn import conversation

D = Decimal
INTERNS = ("graduate", "education", "months", "insurance")


def _costs(reading) -> list:
    return [e["cost_cny"] for e in reading.fields.get("senior_training") or []]


# --- placing each count with its degree -------------------------------------------------------------------------


def test_degree_before_each_count_is_never_shifted_to_the_next():
    """「研究生三名本科十二名专科五位」: each count with the degree said before it, never the one after."""
    text = "今年的应届生 研究生三名本科十二名专科五位"
    assert [(g.degree, g.count) for g in groups(text, parse_figures(text))] == [
        ("研究生", 3),
        ("本科", 12),
        ("专科", 5),
    ]


def test_group_said_after_the_list_the_other_way_still_counts():
    """「博士1人硕士4人 … 还有6名大专的也来了」: the last group names its degree after its count."""
    text = "博士1人硕士4人 每人学费3万 还有6名大专的也来了"
    assert [(g.degree, g.count) for g in groups(text, parse_figures(text))] == [("博士", 1), ("硕士", 4), ("大专", 6)]


def test_a_part_named_by_degree_is_no_group_of_its_own():
    text = "本科9个硕士2个 其中本科3个社保没交满"
    assert [(g.degree, g.count) for g in groups(text, parse_figures(text))] == [("本科", 9), ("硕士", 2)]


def test_two_lists_in_one_message_go_to_their_own_clauses():
    text = "实训协议签了4年 每年收实习生24个 应届的本科8人专科5人；另外项目经理涉外培训 博士1人每人5万 硕士3人每人2万"
    figs = parse_figures(text)
    assert [g.count for g in for_clause(text, figs, "3.7.4")] == [8, 5]
    assert [g.count for g in for_clause(text, figs, "3.7.3")] == [1, 3]


# --- 三（七）4: the graduates counted ---------------------------------------------------------------------------


def test_every_group_at_or_above_the_floor_counts_less_the_part_failing():
    """研究生2 + 本科9 + 专科6 = 17 (中专 3 below 大专), less 1 whose 社保 is 5 months: 16."""
    r = read(
        "跟三所院校签了4年实训协议 每年接收服务外包实习生28名 今年留用的应届毕业生 研究生2位本科九位专科6位中专3位 "
        "其中有1位社保只交了5个月 其余实习和社保都满足",
        items=["3.7.4"],
    )
    assert r.fields["qualified_interns"] == 16
    assert r.fields["interns_per_year"] == 28
    assert any("中专3名" in n and "不计入" in n for n in r.notes)


def test_a_part_no_longer_employed_comes_out():
    """本科10 + 硕士2 = 12, less the 3 who left (在职 fails): 9; the group per year stays 22."""
    r = read(
        "实训协议签了3年 每年收实习生22个 今年应届的本科10名硕士2名 其中3个没续约 他们已经离职了 其他人实习社保都满足",
        items=["3.7.4"],
    )
    assert (r.fields["qualified_interns"], r.fields["interns_per_year"]) == (9, 22)


@settings(max_examples=40, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=1, max_value=30), min_size=3, max_size=3),
    counter=st.sampled_from(["个", "名", "人", "位"]),
    top=st.sampled_from(["硕士", "研究生", "博士"]),
    low=st.sampled_from(["大专", "专科", "高职"]),
)
def test_property_graduates_are_the_sum_of_the_groups_said(counts, counter, top, low):
    """Whatever the counter and the degree words, the graduates counted are the typed counts added up."""
    a, b, c = counts
    text = f"协议签了3年 每年接收实习生40{counter} 今年应届毕业生 本科{a}{counter}{top}{b}{counter}{low}{c}{counter}"
    assert read(text, items=["3.7.4"]).fields["qualified_interns"] == a + b + c


# --- 三（七）3: the trainees and their costs ---------------------------------------------------------------------


def test_each_group_keeps_its_own_cost():
    """博士1位 × 6万 and 本科4位 × 2.5万: five people, each with their own group's cost (no average)."""
    r = read("项目经理以上的涉外业务培训 博士1位每人培训费6万 本科4位每人2.5万 补贴多少", items=["3.7.3"])
    assert _costs(r) == [D(60000)] + [D(25000)] * 4
    s = EstimateSession.start("项目经理以上的涉外业务培训 博士1位每人培训费6万 本科4位每人2.5万 补贴多少")
    assert D(str(s.compute()["total_cny"])) == D(80000)  # 3万 (capped) + 4 × 1.25万


def test_one_cost_after_the_list_goes_to_every_group_below_the_floor_named():
    r = read(
        "安排项目经理参加涉外业务培训 硕士三人本科两人 每人学费5万 另外还有四个专科的项目经理也参加了",
        items=["3.7.3"],
    )
    assert _costs(r) == [D(50000)] * 5
    assert any("专科4人不符合" in n and "不计入" in n for n in r.notes)


def test_a_group_with_no_cost_is_asked_naming_it_and_the_answer_completes_it():
    s = EstimateSession.start("项目经理涉外业务培训 本科3人每人2万 硕士2人也一起参加了 培训补贴多少")
    assert "硕士2人" in s.question()
    s.handle("他们每人4万", "inform")
    assert sorted(e["cost_cny"] for e in s.inputs["senior_training"]) == [D(20000)] * 3 + [D(40000)] * 2


def test_a_group_below_the_position_floor_is_left_out_though_its_degree_counts():
    """本科6个项目经理 × 3万 counted; 硕士2个 普通开发 (below 项目经理) named, not counted."""
    r = read("涉外业务培训 本科6个项目经理每人3万 另有硕士2个是普通开发每人2万", items=["3.7.3"])
    assert _costs(r) == [D(30000)] * 6
    assert any("硕士2人不符合" in n and "项目经理" in n for n in r.notes)


def test_a_cost_for_several_people_not_said_each_is_asked():
    r = read("项目经理涉外业务培训 硕士2人培训费8万 本科3人每人3万", items=["3.7.3"])
    assert "senior_training" not in r.fields
    assert r.clarifications and "硕士2人" in r.clarifications[0].question


# --- across turns ------------------------------------------------------------------------------------------------


def _talk(turns):
    slots, earlier, out = {}, [], []
    for text, intent in turns:
        d, events = asyncio.run(run(ActionLooseAnswer(), conversation(text, intent, dict(slots), list(earlier))))
        slots.update(slots_of(events))
        earlier.append(text)
        out.append(texts(d))
    return slots, out


def test_fact_follow_up_keeps_the_graduates_counted():
    """15 graduates of 26 interns; 「这些人都实习满3个月…」 speaks of the 15, never of the 26."""
    slots, said = _talk(
        [
            ("签了两年实训协议 每年接收实习生26个 今年合格的应届生 本科11名 研究生4名 实习实训补贴多少", "inform"),
            ("对", "affirm"),
            ("算进去的这些人都实习满了3个月 在职社保也连续交了半年以上", "inform"),
        ]
    )
    assert slots["estimate_inputs"]["qualified_interns"] == 15
    assert "75,000" in said[-1] and "130,000" not in said[-1]


def test_a_part_of_the_earlier_count_out_and_new_ones_in():
    """12 counted; 「本科里有2个其实是往届生 另外专科还有3个合格的应届生」: 12 − 2 + 3 = 13."""
    slots, said = _talk(
        [
            ("实训协议签了3年 每年接收实习生25个 今年合格的应届生 本科9个 硕士3个 实习实训补贴多少", "inform"),
            ("等等 本科里有2个其实是往届生 另外专科还有3个合格的应届生 刚才漏了", "correct_value"),
        ]
    )
    assert slots["estimate_inputs"]["qualified_interns"] == 13
    assert "65,000" in said[-1]


def test_split_by_the_clause_floor_from_data():
    text = "本科4个博士1个大专2个"
    met, below = split(text, parse_figures(text), "本科")
    assert [g.count for g in met] == [4, 1] and [g.count for g in below] == [2]


def test_another_group_below_the_floor_is_named_not_subtracted_twice():
    """「另外4个应届生是高中的」 is a group of its own below 大专: 8 + 6 = 14, the 4 named, never 14 − 4."""
    s = EstimateSession.start(
        "协议签了三年 每年收实习生二十五个 今年应届的本科8名 专科6名 另外4个应届生是高中的 实习补贴多少"
    )
    assert s.inputs["qualified_interns"] == 14
    assert any("高中4名" in n and "不计入" in n for n in s.notes)


def test_graduates_with_no_degree_beside_the_groups_are_asked_about_named():
    s = EstimateSession.start(
        "实训协议四年 每年收实习生26人 今年应届的硕士3人 本科7人 还有5人应届毕业的学历还没统计 实习补贴多少"
    )
    assert "qualified_interns" not in s.inputs
    assert any("5人应届毕业" in p for p in s.problems)


def test_a_count_of_schools_is_no_group_of_people():
    """「跟三所高职签了协议」: 三所 counts schools; the graduates are the 15 大专 alone."""
    r = read(
        "跟三所高职签了两年实训协议 每年接收实习生22个 今年有15个应届生 都是大专 实习社保都满足 能补多少",
        items=["3.7.4"],
    )
    assert r.fields["qualified_interns"] == 15
