"""三（五） fairs told cost by cost: one line (one ；-part, one numbered item, one 第N场) is one fair, its eligible costs
summed; travel named and left out; everyday names of eligible costs (宣传册, 广告, 展台搭建 …) counted and named with
the policy's name; 参展费/会务费 counted as the fee they usually are, asked about beside it. Own wording."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate.clauses.market_fairs import policy_kind
from bot.estimate.reading import estimate_words, figures, wan
from bot.estimate.session import EstimateSession
from calculator import calculate

COSTS = estimate_words()["fair_costs"]


def award(fairs: list) -> Decimal:
    """The calculator's 三（五） on the fairs given directly (the expected figure, never written by hand)."""
    return Decimal(str(calculate({"fairs": fairs})["total_cny"]))


def total(session) -> Decimal:
    assert session.status == "done", session.question()
    return Decimal(str(session.compute()["total_cny"]))


def costs(session) -> list:
    return [(f["region"], Decimal(str(f["cost_cny"]))) for f in session.inputs.get("fairs", [])]


# -- one line, one fair ------------------------------------------------------------------------------------------


def test_numbered_lines_are_one_fair_each():
    s = EstimateSession.start(
        "我们今年去了三个国内的指定展会，费用如下\n"
        "1. 展位费12000 特装6000 高铁2400\n"
        "2. 注册费2000 展位费16000 住宿2600\n"
        "3. 展位费7000 宣传品1500\n"
        "帮忙算下补贴"
    )
    assert costs(s) == [("domestic", Decimal(18000)), ("domestic", Decimal(18000)), ("domestic", Decimal(8500))]
    # 18,000 × 70% = 12,600 twice; 8,500 × 70% = 5,950
    assert total(s) == Decimal(12600) * 2 + Decimal(5950)
    assert any("高铁2,400元" in n and "住宿2,600元" in n and "不计入" in n for n in s.notes), s.notes


def test_parts_between_semicolons_are_fairs_when_a_cost_comes_again():
    """No count said: 展位费 told in each part tells another fair (a fair has one 展位费)."""
    s = EstimateSession.start("指定的境外展会 展位费3.2万 广告8000；展位费2.6万 展台搭建1.1万 机票9000 补贴多少")
    assert costs(s) == [("overseas", Decimal(40000)), ("overseas", Decimal(37000))]
    assert total(s) == Decimal(28000) + Decimal(25900)


def test_a_fair_listed_line_by_line_stays_one_fair():
    """「展位费：…↵特装：…」 after one fair: its costs on several lines are still that one fair's."""
    s = EstimateSession.start("去杭州参加了一个指定展会\n展位费：14000\n特装：5000\n宣传册：2000\n酒店：1800\n补多少")
    assert costs(s) == [("domestic", Decimal(21000))]
    assert total(s) == min(Decimal(21000) * Decimal("0.7"), Decimal(20000))


def test_a_part_telling_several_fairs_is_no_one_fair():
    s = EstimateSession.start("都是指定展会：境外迪拜一场展位加特装7万、差旅2万；境内两场分别是展位费9000和布展1.4万")
    assert sorted(c for _, c in costs(s)) == [Decimal(9000), Decimal(14000), Decimal(70000)]


def test_fair_by_fair_answer_to_the_each_fair_question():
    """「3场…一共8万」 asks each fair's cost; 「第一场…；第二场…；第三场…」 is three fairs, costs named, travel out."""
    s = EstimateSession.start("参加了3场境外的指定展会 总共花了8万 能补多少")
    assert s.status != "done"
    s.handle("第一场展位费2.5万 宣传物料4000；第二场注册费3000 展位费1.8万；第三场展位费1.6万 机票酒店1.4万")
    assert costs(s) == [("overseas", Decimal(29000)), ("overseas", Decimal(21000)), ("overseas", Decimal(16000))]
    assert total(s) == (Decimal(29000) + Decimal(21000) + Decimal(16000)) * Decimal("0.7")
    assert any("机票酒店1.4万元" in n for n in s.notes), s.notes


def test_answer_without_ordinals_takes_the_count_asked():
    s = EstimateSession.start("参加了两场境内指定展会 一共花了5万 补多少")
    s.handle("展位费1.5万 宣传册3000\n展位费2万 酒店4000")
    assert costs(s) == [("domestic", Decimal(18000)), ("domestic", Decimal(20000))]


# -- everyday names of eligible costs ------------------------------------------------------------------------------


def test_brochures_count_and_are_named_as_promotion():
    s = EstimateSession.start("在上海参加指定的服务外包展 展位费9000 宣传册1800 打车300 能补多少")
    assert costs(s) == [("domestic", Decimal(10800))]
    assert total(s) == Decimal(10800) * Decimal("0.7")
    assert any("宣传册1,800元" in n and "按宣传推广费计" in n for n in s.notes), s.notes
    assert any("打车300元" in n and "不计入" in n for n in s.notes), s.notes


def test_every_everyday_word_has_a_policy_kind():
    """Each eligible word is the policy's name, an everyday word with its kind, or an organiser's fee."""
    policy = {"注册费", "展位费", "布展费", "特装费", "宣传推广费"}
    listed = {str(w).lower() for words in COSTS["kinds"].values() for w in words}
    for word in COSTS["eligible"]:
        w = str(word).lower()
        assert w in policy or w in listed or w in COSTS["organiser_fees"], word
    assert policy_kind("宣传册") == "宣传推广费" and policy_kind("展台搭建") == "布展费"
    assert policy_kind("展位费") is None  # the policy's own word is not renamed


def test_a_bare_number_after_a_cost_word_is_money():
    for text, value in (("宣传册2500", 2500), ("宣传物料 3300", 3300), ("交通：800", 800), ("广告是6000", 6000)):
        money = [f for f in figures(text) if f.kind == "money"]
        assert [f.value for f in money] == [Decimal(value)], text
        assert money[0].raw == text[money[0].start : money[0].end]


def test_participation_fee_alone_counts_as_booth_or_registration():
    s = EstimateSession.start("去成都参加了一场指定的交易会 参展费1.6万 住宿3000 补多少")
    assert costs(s) == [("domestic", Decimal(16000))]
    assert any("参展费1.6万元按展位费、注册费计" in n for n in s.notes), s.notes


def test_participation_fee_beside_a_booth_fee_is_asked_naming_both():
    s = EstimateSession.start("去成都参加了一场指定的交易会 参展费1.6万 展位费1.2万 补多少")
    assert s.status != "done"
    q = s.question()
    assert "参展费1.6万元" in q and "展位费1.2万元" in q and "包含" in q, q
    assert not s.inputs.get("fairs")


def test_participation_fee_answers():
    cases = (("不包含，是分开交的", Decimal(28000)), ("包含了", Decimal(16000)))
    for answer, cost in cases:
        s = EstimateSession.start("去成都参加了一场指定的交易会 参展费1.6万 展位费1.2万 补多少")
        s.handle(answer)
        assert costs(s) == [("domestic", cost)], answer
    s = EstimateSession.start("去成都参加了一场指定的交易会 参展费1.6万 展位费1.2万 补多少")
    s.handle("注册费4000 展位费1.2万")
    assert costs(s) == [("domestic", Decimal(16000))]


def test_conference_fee_counts_as_registration():
    s = EstimateSession.start("参加了市商务局组织的赴韩经贸交流活动 会务费5000 宣传推广费9000 机票6000 能补多少")
    assert costs(s) == [("overseas", Decimal(14000))]
    assert any("会务费按注册费计" in n for n in s.notes), s.notes


# -- property: generated fairs told part by part --------------------------------------------------------------------

SKIP = {"booth", "promotion", "registration", "flights", "flight", "hotel", "travel"}
ELIGIBLE = [w for w in COSTS["eligible"] if w not in SKIP and w not in COSTS["organiser_fees"]]
NOT_COVERED = [w for w in COSTS["not_covered"] if w not in SKIP]
MARKS = [
    lambda i: "",
    lambda i: f"{i}. ",
    lambda i: f"{i}、",
    lambda i: f"（{i}）",
    lambda i: f"第{'一二三四'[i - 1]}场",
]


def kind(word: str) -> str:
    return (policy_kind(word) or word).removesuffix("费")


def said(value: int) -> str:
    return wan(Decimal(value), "").replace(",", "") if value % 1000 == 0 and value >= 10000 else str(value)


@st.composite
def fair(draw):
    words = draw(st.lists(st.sampled_from(ELIGIBLE), min_size=1, max_size=4, unique_by=kind))
    travel = draw(st.lists(st.sampled_from(NOT_COVERED), max_size=2, unique=True))
    values = draw(st.lists(st.integers(10, 600).map(lambda v: v * 100), min_size=len(words), max_size=len(words)))
    spent = draw(st.lists(st.integers(5, 300).map(lambda v: v * 100), min_size=len(travel), max_size=len(travel)))
    return list(zip(words, values)), list(zip(travel, spent))


@settings(max_examples=60, deadline=None)
@given(
    fairs=st.lists(fair(), min_size=2, max_size=4),
    region=st.sampled_from([("国内", "domestic"), ("境外", "overseas")]),
    mark=st.sampled_from(MARKS),
    sep=st.sampled_from(["\n", "；"]),
)
def test_generated_fairs_one_per_part(fairs, region, mark, sep):
    lines = []
    for i, (items, travel) in enumerate(fairs, 1):
        told = [f"{w}{said(v)}" for w, v in items] + [f"{w}{said(v)}" for w, v in travel]
        lines.append(mark(i) + " ".join(told))
    text = f"今年参加了{len(fairs)}场{region[0]}的商务部门指定展会：\n" + sep.join(lines) + "\n一共能补多少"
    s = EstimateSession.start(text)
    expected = [{"region": region[1], "cost_cny": Decimal(sum(v for _, v in items))} for items, _ in fairs]
    assert costs(s) == [(e["region"], e["cost_cny"]) for e in expected], (text, s.inputs.get("fairs"), s.notes)
    assert total(s) == award(expected), text
    notes = " ".join(s.notes)
    for items, travel in fairs:  # every typed figure used (in its fair's cost) or named (left out, with its word)
        for w, v in travel:
            assert wan(Decimal(v)) in notes and w in notes, (text, notes)
        if len(items) > 1:
            assert "、".join(f"{w}{wan(Decimal(v))}" for w, v in items) in notes, (text, notes)


def test_a_cost_word_after_the_figures_names_them_not_the_travel_denied():
    """「…第三场5万 都是展位费 差旅不在里面」: 5万 is a 展位费 (the word after it), not travel."""
    s = EstimateSession.start("参加了3个指定的境内展会 一共花了10万 能补多少")
    s.handle("第一场展位费2万 第二场3万 第三场5万 都是展位费 差旅不在里面")
    assert costs(s) == [("domestic", Decimal(20000)), ("domestic", Decimal(30000)), ("domestic", Decimal(50000))]
    assert total(s) == award([{"region": "domestic", "cost_cny": Decimal(v)} for v in (20000, 30000, 50000)])
