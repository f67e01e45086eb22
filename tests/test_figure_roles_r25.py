"""Figures read with their roles (round 25): rates said the spoken way, groups that each carry a degree, platforms'
costs listed bare in spelled-out numbers, and claims taken back or corrected inside one message (the later statement
wins). Wording is our own, not the case files'."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.eligibility import facts_from
from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.understand.degree_groups import groups, split
from bot.understand.retractions import without_retracted
from calculator.figures_zh import parse_figures

CN = "零一二三四五六七八九"


def _cn_digit(d: int) -> str:
    return CN[d]


# --- rates said the spoken way ----------------------------------------------------------------------------------


def test_yuan_jiao_fen_rate_after_one_dollar_equals():
    """「一美元能换七块零五」 is not a rate with a 块 word alone; 「1美元等于六块九毛八」 is the rate 6.98."""
    figs = parse_figures("1美元等于六块九毛八")
    assert [(f.kind, f.value) for f in figs] == [("rate", Decimal("6.98"))]


def test_usd_equals_rmb_code_form_is_a_rate_not_money():
    figs = parse_figures("离岸三百二十万美元，1USD=6.95RMB")
    kinds = [(f.kind, f.value, f.currency) for f in figs]
    assert ("rate", Decimal("6.95"), None) in kinds
    assert ("money", Decimal("3200000"), "USD") in kinds
    assert not any(f.kind == "money" and f.value == 1 for f in figs)


def test_spoken_rate_never_replaces_the_offshore_amount():
    r = read("海外这块今年干了一百八十万美元，汇率嘛一美元等于六块九毛五，离岸能奖多少", items=["3.2"])
    assert r.fields["offshore_usd"] == Decimal("1800000")
    assert r.fields["usd_cny_rate"] == Decimal("6.95")


def test_bare_kuai_tenth_after_rate_words_only():
    """「美元能换七块二」 is 7.2; 「这两块一个是研发」 stays words about parts."""
    assert [(f.kind, f.value) for f in parse_figures("一美元能换七块二")] == [("rate", Decimal("7.2"))]
    assert not [f for f in parse_figures("分成两块一块是研发") if f.kind in ("money", "rate")]


def test_kuai_mao_money_keeps_offsets():
    text = "报名费三块五毛钱"
    figs = parse_figures(text)
    assert figs and figs[0].kind == "money" and figs[0].value == Decimal("3.5")
    assert text[figs[0].start : figs[0].end] == figs[0].raw


@settings(max_examples=80, deadline=None)
@given(
    amount=st.integers(min_value=101, max_value=999),
    whole=st.integers(min_value=6, max_value=7),
    tenth=st.integers(min_value=0, max_value=9),
    hundredth=st.integers(min_value=1, max_value=9),
    spoken=st.booleans(),
)
def test_property_rate_and_amount_keep_their_roles(amount, whole, tenth, hundredth, spoken):
    """Whatever the spelling of the rate, the amount is the dollars typed and the rate the yuan per dollar; every
    figure read is a span of the text."""
    rate = (
        f"一美元等于{_cn_digit(whole)}块{_cn_digit(tenth)}毛{_cn_digit(hundredth)}"
        if spoken
        else f"1美元兑{whole}.{tenth}{hundredth}元"
    )
    text = f"离岸今年{amount}万美元 汇率的话{rate} 离岸奖多少"
    r = read(text, items=["3.2"])
    assert r.fields["offshore_usd"] == Decimal(amount) * 10000
    assert r.fields["usd_cny_rate"] == Decimal(f"{whole}.{tenth}{hundredth}")
    for f in parse_figures(text):
        assert text[f.start : f.end] == f.raw


# --- groups that each carry their degree ---------------------------------------------------------------------


def test_each_group_keeps_its_own_degree():
    text = "跟两所学校签了三年协议，一所来了9个硕士应届生，另一所来了14个高中毕业的应届生，还有6个专科应届生，今年共29个实习生"
    met, below = split(text, parse_figures(text), "大专")
    assert sorted(g.count for g in met) == [6, 9]
    assert [g.count for g in below] == [14]


def test_interns_of_several_degrees_count_only_those_qualified():
    r = read(
        "和学校签了4年的实训协议 今年收了25个实习生：本科生11人、中专生6人、高职生8人，实习都满3个月 在职 社保交满半年",
        items=["3.7.4"],
    )
    assert r.fields["qualified_interns"] == 19
    assert r.fields["interns_per_year"] == 25
    assert any("中专6名" in n and "不计入" in n for n in r.notes)


def test_one_degree_alone_is_no_degree_list():
    text = "来了20个本科应届生"
    assert groups(text, parse_figures(text)) is None


@settings(max_examples=60, deadline=None)
@given(counts=st.lists(st.integers(min_value=1, max_value=40), min_size=3, max_size=3))
def test_property_degree_groups_sum_typed_counts_only(counts):
    """The qualified count is the sum of the typed counts whose degree meets 大专, each count a span of the text."""
    degrees = ["本科", "中专", "大专"]
    text = "；".join(f"来了{n}个{d}应届生" for n, d in zip(counts, degrees))
    figs = parse_figures(text)
    met, below = split(text, figs, "大专")
    assert sum(g.count for g in met) == counts[0] + counts[2]
    assert [g.count for g in below] == [counts[1]]
    for g in met + below:
        assert text[g.start : g.end].startswith(str(g.count))


# --- platforms listed bare -----------------------------------------------------------------------------------


def test_spelled_out_platform_costs_are_one_each():
    r = read("园区搭了两个公共服务平台 三百五十万 一千一百万 能补多少", items=["3.9"])
    assert [p["cost_cny"] for p in r.fields["platforms"]] == [Decimal("3500000"), Decimal("11000000")]
    assert not r.clarifications


def test_costs_not_matching_the_count_are_not_split():
    """Two costs for three platforms: not one each (the session asks), never split evenly."""
    r = read("建了三个公共服务平台 四百万 二百万", items=["3.9"])
    assert len(r.fields.get("platforms") or []) != 3


# --- claims taken back, statements corrected -----------------------------------------------------------------


def test_taken_back_claim_is_not_read():
    text = "在岸600万 离岸40万美元 汇率7；另外去年拿了新的软著——呃不对 那是前年的 这个当我没说。算一下增量"
    r = read(text)
    assert "innovation_patents_two_years" not in r.fields
    assert "3.3" not in detect_items(text)
    assert r.fields["onshore_cny"] == Decimal("6000000")


def test_taken_back_figure_is_not_read():
    """「特装费2万，这条不算」: the fair's cost is the 展位费 alone."""
    said = "参加了一场境内展会 展位费3万，特装费2万，{}帮我算补贴"
    assert read(said.format(""), items=["3.5"]).fields["fairs"][0]["cost_cny"] == Decimal("50000")
    assert read(said.format("这条不算，"), items=["3.5"]).fields["fairs"][0]["cost_cny"] == Decimal("30000")


def test_question_whether_something_counts_is_no_retraction():
    text = "住宿费这个不算吧？"
    assert without_retracted(text) == text


def test_correction_of_a_fact_lets_the_later_statement_win():
    said = "我们是北京公司的郑州分公司，税是在北京交的，哦不对，财务说郑州分公司在郑州缴税"
    assert facts_from(said).get("pays_tax_in_zhengzhou") is True


def test_asking_right_or_wrong_is_no_correction():
    text = "在郑州纳税，我理解的对不对"
    assert without_retracted(text) == text


@settings(max_examples=60, deadline=None)
@given(
    kept=st.integers(min_value=101, max_value=900),
    dropped=st.integers(min_value=10, max_value=99),
    marker=st.sampled_from(["这条当我没说", "这条不算", "刚才那个不算", "这条撤回", "这句作废"]),
)
def test_property_retracted_claim_never_used(kept, dropped, marker):
    """A figure said in a clause taken back is never read; the one said before it is."""
    text = f"在岸{kept}万，研发投入涨了{dropped}万 {marker}，算增量"
    out = without_retracted(text)
    assert len(out) == len(text)
    claim = text.index("研发")
    assert out[claim:].startswith(" " * len(f"研发投入涨了{dropped}万"))
    assert out.startswith(f"在岸{kept}万")
    r = read(text)
    assert Decimal(dropped) * 10000 not in [v for v in r.fields.values() if isinstance(v, Decimal)]


def test_asking_whether_one_misspoke_is_no_correction():
    text = "我们是分公司 税在北京交 我是不是说错了？"
    assert without_retracted(text) == text


def test_prescreen_opening_correction_keeps_the_later_statement():
    """A pre-screening opened with a fact corrected in the same message: the corrected fact, not the first."""
    from bot.prescreen.session import PrescreenSession

    s = PrescreenSession.start(
        "帮我预审：我们是深圳公司在郑州的分公司，税是在深圳交的……噢不对，郑州分公司自己在郑州报税纳税"
    )
    assert s.facts.get("pays_tax_in_zhengzhou") is True
    assert "在郑纳税" not in " ".join(s.failing())


def test_correction_naming_what_it_corrects_is_left_to_the_figure_reader():
    """「汇率我说错了 应该是7.05」: the words before the correction word name the figure corrected; nothing is blanked."""
    for text in ("汇率我说错了 应该是7.05", "不好意思汇率打错了 是6.98", "离岸那个写错了，是150万美元"):
        assert without_retracted(text) == text


def test_ratio_and_pair_forms_of_a_rate():
    """「汇率1:7.08」「USD/CNY 6.9」「美元对人民币一比七点零二」: the rate is the yuan figure, never the 1."""
    for said, rate in (
        ("离岸一百六十万美元 汇率1:7.08", "7.08"),
        ("离岸USD 1.6M，USD/CNY 6.9", "6.9"),
        ("离岸一百六十万美元 美元对人民币一比七点零二", "7.02"),
    ):
        r = read(said, items=["3.2"])
        assert r.fields["usd_cny_rate"] == Decimal(rate), said
        assert r.fields["offshore_usd"] == Decimal("1600000"), said
