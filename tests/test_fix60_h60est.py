"""Round 60 estimate phenomena (fix helper h60est): known answers, no Rasa.

- a total pointed at again (「这2600万里含离岸…」) holds its offshore part (bot/estimate/restated_figures.py);
- the founding year with a month (「2023年3月新成立」) is the first year, and only that one (year_chain.py);
- fairs' costs listed with 分别 beside another item's cost are one per fair (clauses/market_fairs.py);
- a counted group of fairs re-split by region (bot/estimate/fair_split.py);
- 「其他都先不算，只算我列的这几项」 with a question open computes the items given (session._only_given)."""

from decimal import Decimal

import pytest

from actions.estimating import computed
from bot.estimate import fair_split, restated_figures, year_chain
from bot.estimate.session import EstimateSession
from bot.estimate.understand import english_to_chinese
from bot.nlu.normalize import normalize


def total(text, year=None):
    session = EstimateSession.start(text, year=year)
    result = computed(session)
    return None if result is None else Decimal(str(result["total_cny"]))


@pytest.mark.parametrize(
    "text,expected",
    [
        # (2600−1800)万 × 3% + 150万美元 × 10% × 7.0
        ("去年服务外包执行额1800万元，今年2600万元，这2600万里含离岸150万美元，中间价按7.0。能拿多少", 1290000),
        (
            "去年服务外包合同执行额1800万元，今年2600万元，今年这2600万里包含离岸150万美元（按7.0折算的），能拿多少",
            1290000,
        ),
        # (4100−3200)万 × 3% + 200万美元 × 10% × 7.1
        ("上年执行额3200万，今年4100万，这个4100万里面有200万美元是离岸的，汇率7.1，增量和离岸奖励多少", 1690000),
        ("last year 18M RMB, this year 26M RMB，这26M里含offshore 1.5M USD，rate 7.0，能拿多少", 1290000),
    ],
)
def test_total_pointed_at_again_holds_its_part(text, expected):
    assert total(text) == expected


def test_pointed_again_reads_as_inside_word_same_length():
    text = normalize("今年2600万元，这2600万里含离岸150万美元")
    out = restated_figures.pointed_again(text)
    assert len(out) == len(text) and "其中含离岸" in out and out.count("2600万") == 1
    other = normalize("今年2600万元，这2500万里含离岸150万美元")  # another figure: no restatement
    assert restated_figures.pointed_again(other) == other


@pytest.mark.parametrize(
    "text,founded,years",
    [
        (
            "公司2023年3月新成立的 2023年执行额600w 2024年执行额900w 都是在岸业务 这两年的增量奖励分别多少",
            2023,
            [2023, 2024],
        ),
        ("我们22年10月份才注册的，22年做了在岸450万，23年做了在岸1100万，两年增量奖励各多少", 2022, [2022, 2023]),
        (
            "公司是2023年6月15日注册成立的，2023年执行额600万，2024年执行额950万，两年的增量奖励分别是多少",
            2023,
            [2023, 2024],
        ),
    ],
)
def test_founding_month_keeps_the_founding_year(text, founded, years):
    norm = normalize(text)
    assert year_chain.founded_year(norm) == founded
    assert year_chain.asked_years(norm) == years


def test_a_dated_event_is_no_founding_year():
    assert year_chain.founded_year(normalize("2023年3月参加了广交会 2023年执行额600w 2024年执行额900w")) is None


@pytest.mark.parametrize(
    "text,first,second",
    [
        (
            "公司2023年3月新成立的 2023年执行额600w 2024年执行额900w 都是在岸业务 这两年的增量奖励分别多少",
            180000,
            90000,
        ),
        (
            "公司是2023年6月15日注册成立的，2023年执行额6M RMB，2024年执行额9.5M RMB，都是境内业务，两年的增量奖励分别是多少",
            180000,
            105000,
        ),
    ],
)
def test_first_year_only_is_pure_increment(text, first, second):
    years = year_chain.asked_years(english_to_chinese(normalize(text)))
    assert [total(text, year=y) for y in years] == [first, second]


@pytest.mark.parametrize(
    "text,expected",
    [
        # 45,000 × 70% + min(63,000, 50,000) + 2,300,000 × 7.02 × 10% + 380,000 × 70% + 100,000
        (
            "Hi 我们公司 this year offshore execution 2.3M USD (rate 7.02)，参加了2个overseas exhibitions，booth fee分别是45k和"
            "90k RMB，新拿了CMMI Level 5，certification fee 380k RMB，还新拿到了技术先进型服务企业。Total subsidy大概多少？",
            2062100,
        ),
        ("参加了2个境外展会,展位费分别是4.5万和9万,新拿了cmmi5,认证费38万,补贴多少", 347500),
        ("去了3个国内展会，展位费分别2万、1.5万、3万，另外ITSS认证费12万，都是指定的展会，能补多少", 128500),
    ],
)
def test_fair_costs_listed_one_each_beside_another_item(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "今年国内参加了8场服务外包专业展会，都是商务部门指定的，每场展位费2.5万，哦不对，其中有两场其实是境外的"
            "（新加坡和迪拜），那两场展位费每场6万，剩下的每场2.5万。展会补贴一共能拿多少",
            189000,
        ),
        ("今年参加了8场展会，都是商务部门指定的，其中2场境外的每场6万，其余每场2.5万。展会补贴一共能拿多少", 189000),
        ("去了10场展，都是商务部门指定的，每场3万，其中3场是国外的，每场8万，补贴多少", 290000),
        ("今年去了6个展会都是指定的，其中境外2个（东京、首尔），每个7万，其他的每个1.8万，能补多少", 148400),
        (
            "We attended 8 designated fairs this year, 每场booth fee 20k RMB，oh wait，其中3场是overseas的，那3场每场50k RMB，"
            "剩下的每场20k RMB，展会补贴多少",
            175000,
        ),
    ],
)
def test_group_of_fairs_split_by_region(text, expected):
    assert total(text) == expected


def test_split_left_alone_when_counts_disagree_or_no_cost():
    disagree = normalize("参加了8场展会，其中2场境外每场6万，其余5场每场2.5万")
    assert fair_split.split_groups(disagree) == disagree
    no_cost = normalize("参加了8场展会，其中2场是境外的，不是指定的")
    assert fair_split.split_groups(no_cost) == no_cost


def test_only_the_items_given_with_a_question_open():
    session = EstimateSession.start(
        "今年离岸230万美元 汇率7.02，参加了2个境外展会，一共花了12万，新拿CMMI5认证费38万，一共多少"
    )
    assert session.status != "done"
    turn = session.handle("其他都先不算，只算我列的这几项")
    assert turn.done and "不计入" in turn.messages[0]
    assert Decimal(str(computed(session)["total_cny"])) == 1614600 + 266000
