"""Round 38 estimate classes (own wording, not the case files'):

- several firms in one voice message with no full stops: each firm keeps its own figures, and the words after the
  last firm's last figure that speak of all of them (「都是在岸 两家各多少」) go to every firm;
- yearly totals said to hold this year's offshore part already converted (「这里面离岸…已经折进去了」「已经含在3.5亿
  里了」): the increment is on the totals as given, the dollars feed 三（二） at the stated rate, 在岸/离岸 never asked;
- a rate said for both years after it (「rate 7.1 both years」「按7.0 两年都用这个」);
- a 技术先进型 status still under review is not newly obtained; 「今年0.3亿 没离岸」 names no offshore figure;
  「22年23年都…」 lists two years;
- fairs separated only by spaces: a fair said not designated is left out, the others counted.
"""

from decimal import Decimal as D

import pytest

from bot.estimate.applicants import split
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.facts import bool_fact, fact_specs


def total(text):
    s = EstimateSession.start(text)
    assert not s.clarify and not s.missing(), s.question()
    return D(str(s.compute()["total_cny"]))


# -- several firms, voice text ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, own",
    [
        (
            "我们两家公司 甲公司上年1000万 本年1600万 乙公司上年800万 本年1100万 全是在岸 各自增量奖励多少",
            {"甲公司": ("1000万", "全是在岸"), "乙公司": ("800万", "全是在岸")},
        ),
        (
            "三家子公司 A公司去年500万今年900万 B公司去年300万今年600万 C公司今年新成立做了200万 都是国内业务 各能拿多少",
            {
                "a公司": ("500万", "都是国内业务"),
                "b公司": ("300万", "都是国内业务"),
                "c公司": ("200万", "都是国内业务"),
            },
        ),
        (
            "three subsidiaries: company A last year 1000万 this year 1400万, company B this year 500万 last year 200万,"
            " company C new this year 300万, all onshore, each subsidy and total",
            {
                "company a": ("1000万", "all onshore"),
                "company b": ("500万", "all onshore"),
                "company c": ("300万", "all onshore"),
            },
        ),
    ],
)
def test_words_said_of_all_after_the_last_firm_go_to_each(text, own):
    pieces = dict(split(text))
    assert set(pieces) == set(own)
    for name, (figure, shared) in own.items():
        assert figure in pieces[name]
        assert shared in pieces[name]
    others = [f for n, (f, _) in own.items()]
    for name, words in pieces.items():
        assert [f for f in others if f in words] == [own[name][0]]  # no other firm's figure


def test_last_firms_own_words_stay_its_own():
    pieces = dict(
        split("两家公司 A公司去年在岸1000万今年1500万 B公司今年离岸50万美元 汇率7.1 还没认定技术先进型 两家各多少")
    )
    assert "还没认定技术先进型" in pieces["b公司"]
    assert "还没认定技术先进型" not in pieces["a公司"]
    assert "两家各多少" in pieces["a公司"]


@pytest.mark.parametrize(
    "text, amounts",
    [
        (
            "集团两个子公司 A公司去年1500万今年2000万 B公司今年刚成立 第一年做了300万 都是在岸 两家各多少",
            [D(150000), D(90000)],
        ),
        (
            "两家公司 甲公司上年1000万 本年1600万 乙公司上年800万 本年1100万 全是在岸 各自增量奖励多少",
            [D(180000), D(90000)],
        ),
    ],
)
def test_each_firm_is_estimated_on_its_own_figures(text, amounts):
    got = [total(words) for _, words in split(text)]
    assert got == amounts


# -- totals that already hold the converted offshore part -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, onshore, previous, usd, rate",
    [
        (
            "去年执行额8000万 今年1亿 里面含离岸200万美元 汇率6.9 已经折算进去了 增量和离岸多少",
            "86200000",
            "80000000",
            "2000000",
            "6.9",
        ),
        (
            "今年总执行额5000万 含离岸100万美元（已按7.1折算） 上年4000万 增量多少",
            "42900000",
            "40000000",
            "1000000",
            "7.1",
        ),
        (
            "上年合同执行额5000万 本年6200万 含离岸120万美元 已按6.9折算 增量和离岸各多少",
            "53720000",
            "50000000",
            "1200000",
            "6.9",
        ),
        (
            "去年合计2亿 今年2.6亿 今年离岸300万美元 汇率7.0 已经算在2.6亿里了 增量离岸多少",
            "239000000",
            "200000000",
            "3000000",
            "7",
        ),
        (
            "我们去年做了1.2亿 今年1.5亿 这里面离岸150万美元按7.05已经换算进去了 能拿多少",
            "139425000",
            "120000000",
            "1500000",
            "7.05",
        ),
    ],
)
def test_totals_holding_converted_offshore_are_used_as_given(text, onshore, previous, usd, rate):
    r = read(text)
    f = r.fields
    assert f["onshore_cny"] == D(onshore)
    assert f["previous_onshore_cny"] == D(previous)
    assert f["previous_offshore_usd"] == 0
    assert f["offshore_usd"] == D(usd)
    assert f["usd_cny_rate"] == D(rate)
    assert not [c for c in r.clarifications if c.kind in ("business_kind", "currency")]
    assert any("已含折算后的离岸部分" in n for n in r.notes)


def test_increment_on_totals_and_offshore_award_on_dollars():
    # (1亿 − 8000万) × 3% = 60万; 200万美元 × 6.9 × 10% = 138万
    assert total("去年执行额8000万 今年1亿 里面含离岸200万美元 汇率6.9 已经折算进去了 增量和离岸多少") == D(1980000)
    # (1.5亿 − 1.2亿) × 3% = 90万; 150万美元 × 7.05 × 10% = 105.75万
    assert total("去年执行额1.2亿 今年1.5亿 其中离岸150万美元 按7.05已经折进去了 增量和离岸多少") == D(1957500)


@pytest.mark.parametrize(
    "text",
    [
        "去年执行额3000万 今年4000万 另外离岸100万美元 汇率7.0 增量和离岸多少",  # beside the totals, not inside
        "去年在岸3000万 今年在岸4000万 离岸100万美元 汇率7 已经折进去了 多少",  # amounts of a kind: not totals
        "去年执行额300万 今年400万 这里面离岸100万美元按7.0已经折进去了 多少",  # 700万 cannot be inside 400万
        "去年执行额3000万 这里面离岸100万美元按7.0已经折进去了 今年4000万 多少",  # inside last year's total
    ],
)
def test_not_read_as_totals_holding_offshore(text):
    r = read(text)
    assert not any("已含折算后的离岸部分" in n for n in r.notes)


# -- a rate said for both years after it ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rate",
    [
        (
            "offshore this year $1,200,000, last year $900,000, no onshore, rate 6.9 both years, increment subsidy?",
            "6.9",
        ),
        ("离岸去年80万美元 今年150万美元 没有在岸 汇率6.9 每年都是 增量多少", "6.9"),
        ("离岸上年90万美元 本年130万美元 在岸没有 汇率按7.0 两年都用这个 增量多少", "7"),
        ("offshore last year $0.8M this year $1.1M, no onshore, exchange rate 7.05 for both years, increment?", "7.05"),
    ],
)
def test_rate_said_for_both_years_after_it(text, rate):
    f = read(text).fields
    assert f["usd_cny_rate"] == D(rate)
    assert f["previous_usd_cny_rate"] == D(rate)


def test_words_after_a_rate_about_something_else_are_no_both_years():
    f = read("去年离岸80万美元 今年120万美元 汇率7.1 两年都拿了新软著 增量多少").fields
    assert "previous_usd_cny_rate" not in f


# -- a status under review; 没离岸 after a figure; two years listed without a join --------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("技术先进型材料交上去了 还在评审 现在能拿多少", False),
        ("技先还在申请中 离岸今年150万美元", False),
        ("我们正在申请技术先进型 今年能拿多少", False),
        ("技术先进型服务企业报了 还没批下来", False),
        ("技术先进型去年报的 今年刚批下来", True),
        ("今年新认定了技术先进型", True),
    ],
)
def test_status_under_review_is_not_newly_obtained(text, expected):
    assert bool_fact(fact_specs()["tech_advanced_new"], text) is expected


def test_under_review_status_leaves_the_other_items_computed():
    # 120万美元 × 6.9 × 10% = 82.8万; the 10万 not counted before the status is granted
    assert total("技术先进型我们报上去了 还在评审 离岸今年$1.2M 汇率6.9 一共能拿多少") == D(828000)


def test_no_offshore_said_after_a_figure_names_none():
    f = read("上年执行额1.5kw 今年0.3亿 没离岸 22年23年都各拿了一个新的发明专利 增量加15%的 一共多少").fields
    assert f["previous_onshore_cny"] == D(15000000)
    assert f["onshore_cny"] == D(30000000)
    assert f["innovation_patents_two_years"] is True


@pytest.mark.parametrize(
    "text, expected",
    [
        ("22年23年都拿了新的发明专利", True),
        ("2022年2023年都登记了新软著", True),
        ("2021年2023年都拿了新的发明专利", False),
    ],
)
def test_two_years_listed_without_a_join(text, expected):
    assert read(text).fields["innovation_patents_two_years"] is expected


# -- fairs told in voice text, spaces only --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, award",
    [
        # 4万×70% = 2.8万; 8万×70% = 5.6万 → 5万; the third left out
        (
            "今年境外去了三个 一个是新加坡的展 花了4万 一个是法兰克福的服务贸易会 8万 这两个是商务局指定的 "
            "还有一个是我们自己组织去日本拜访客户 花了6万 不是商务部门安排的 能补多少",
            D(78000),
        ),
        # 境内: 2万×70% = 1.4万; 1万×70% = 0.7万; the third left out
        (
            "国内参加了三场 一场是服贸会 展位费2万 一场是数博会 1万 都是商务局指定的 还有一场是行业协会的展 花了1.5万 "
            "不是商务局指定的 补多少",
            D(21000),
        ),
    ],
)
def test_spaced_fairs_one_not_designated_is_left_out(text, award):
    assert total(text) == award


def test_spaced_fairs_all_designated_unchanged():
    # 3万×70% = 2.1万 → 2万; 1万×70% = 0.7万
    assert total("国内两场展会 一场展位费3万 一场1万 都是商务局指定的 能补多少") == D(27000)


def test_spaced_fairs_all_said_not_designated_fail_whole():
    r = read("境外两场 一场是迪拜的展 4万 一场是伦敦的 5万 都不是商务部门指定的 能补多少")
    assert r.fields.get("_fact_fair_designated@3.5") is not True
    assert len(r.fields.get("fairs", [])) == 2


def test_english_rate_for_both_firms_is_not_cut_as_a_closing_question():
    pieces = dict(
        split(
            "Company A offshore 1.5 million USD; Company B offshore 1.2 million USD, rate 7.1 for both. How much each?"
        )
    )
    assert all("7.1 for both" in words for words in pieces.values())
