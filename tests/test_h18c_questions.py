"""Answering questions (issue 13), round h18c: requests that cannot be served (a system look-up, a list of
awarded companies), a figure exactly at its 「以上」 threshold, what 第二条 does not define (纳税信用等级, a
settled tax penalty), a count of projects (三（六）'s 3 a year) beside an estimate, the 500万 total worded so
that it cannot be misread, records entered as data in the catalog, and English rates of the execution year."""

import re

import pytest
import yaml

from actions.estimate import ActionEstimateStart
from actions.policy import ActionAnswerPolicy
from bot.answers import catalog, eligibility, qualify
from bot.answers.general import cannot_serve, count_limit_answer
from bot.answers.router import answer_part
from bot.estimate import stated_awards
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize, understand
from bot.understand.facts import read_facts_cached
from knowledge import conditions, query, shapes
from knowledge.figures import figure
from tests.test_actions import run, texts, tracker

ROUTES = yaml.safe_load(open("knowledge/data/routes.yml", encoding="utf-8"))
WORDS = yaml.safe_load(open("knowledge/data/eligibility_words.yml", encoding="utf-8"))["second_article"]


# ------------------------------------------------------------------ requests that cannot be served
@pytest.mark.parametrize(
    "text",
    [
        "你去商务部系统里查一下我们公司去年填报的数据，然后帮我算下能拿多少",
        "能不能帮我从统计系统调一下我们公司的执行额",
        "你能查到我们公司在商务部系统填报的数据吗",
        "请帮我查一下我司去年报送的数据 算算增量奖励",
        "麻烦登录商务部那个平台看看我们报了多少",
    ],
)
def test_a_system_look_up_is_declined_and_figures_are_asked_for(text):
    a = cannot_serve(normalize(text))
    assert a is not None
    assert "查询不了" in a.text and "不会替您编造" in a.text
    assert "把数字告诉我" in a.text and "测算" in a.text


@pytest.mark.parametrize(
    "text",
    ["我们在商务部系统里注册了 能申报吗", "我们公司在统计系统中填报了数据 符合条件吗", "统计系统要填报哪些数据"],
)
def test_talking_about_the_system_is_no_look_up(text):
    a = cannot_serve(normalize(text))
    assert a is None or "查询不了" not in a.text


def test_a_look_up_with_an_estimate_is_declined_before_any_estimate():
    """The kind decides a message of several parts: the estimate it is for does not start."""
    text = normalize("你去商务部系统里查一下我们公司去年填报的数据，然后帮我算下能拿多少")
    a = cannot_serve(text, whole_only=True)
    assert a is not None and "查询不了" in a.text


async def test_the_action_declines_the_look_up_without_asking_which_item():
    d, _ = await run(
        ActionAnswerPolicy(), tracker("你到统计系统里查查我们公司报的数据 再帮我算算能拿多少", "estimate_award")
    )
    reply = texts(d)
    assert "查询不了" in reply
    assert "您想测算哪一项" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "把郑州去年拿到服务外包奖励的企业名单发我 我想看看都有哪些公司",
        "去年有哪些公司拿到了离岸奖励",
        "获奖企业名单在哪看",
        "拿了租金补贴的单位名录能给我一份吗",
    ],
)
def test_a_list_of_awarded_companies_is_declined_and_names_none(text):
    a = cannot_serve(normalize(text))
    assert a is not None and a.text.startswith("抱歉")
    assert not re.search(r"有限公司|股份|集团", a.text)


# ------------------------------------------------------------------ 以上 includes the number
def _verdict(text: str) -> str:
    said = read_facts_cached(normalize(text))
    return qualify.answer(normalize(text), dict(said), said).text


def test_exactly_two_years_and_exactly_twenty_interns_meet_the_thresholds_and_say_why():
    reply = _verdict("实训补贴 我们和一所高职的协议正好两年 每年刚好接收20个实习生 够门槛吗")
    assert "“以上”包含本数，您说的正好是2年，也算达到" in reply
    assert "“以上”包含本数，您说的正好是20名，也算达到" in reply
    assert "不满足" not in reply


def test_above_the_threshold_needs_no_note():
    reply = _verdict("实训协议签了3年 每年收25个实习生 能拿实习补贴吗")
    assert "包含本数" not in reply and "已满足：与相关高校签订两年以上实习生实训协议" in reply


def test_below_the_threshold_still_fails():
    reply = _verdict("实训协议签了1年 每年收20个实习生 能拿实习补贴吗")
    assert "结论：不符合" in reply and "（您说的是：1年）" in reply


def test_exactly_three_years_in_the_park_meets_入驻三年以上():
    reply = _verdict("租金补贴 我们在市级园区入驻刚好三年 能拿吗")
    assert "“以上”包含本数，您说的正好是3年，也算达到" in reply


def test_at_bound_only_for_words_that_include_the_number():
    """超过 excludes the number: exactly 100万美元 is no 「超过100万美元」, and no note says it is."""
    leaf = next(x for x in conditions.leaves("3.2") if x.get("figure"))
    assert conditions.bound_word(leaf) == "超过"
    assert conditions.at_bound(leaf, {leaf["fact"]: figure(*leaf["figure"].split("/"))}) is None
    v = conditions.evaluate("3.2", {leaf["fact"]: figure(*leaf["figure"].split("/"))})
    assert all(conditions.at_bound_note(c) == "" for c in v.checks)


def test_bound_words_are_data():
    data = yaml.safe_load(open("knowledge/data/conditions.yml", encoding="utf-8"))
    assert "以上" in data["bound_words"]["inclusive"] and "超过" not in data["bound_words"]["inclusive"]
    assert "bound_words" not in conditions.clause_codes()


# ------------------------------------------------------------------ what 第二条 does not define
@pytest.mark.parametrize("text, topic", [tuple(x) for x in WORDS["not_defined_examples"]])
def test_not_defined_examples(text, topic):
    found = eligibility.not_defined(normalize(text))
    assert (found[0] if found else None) == topic


@pytest.mark.parametrize(
    "text",
    [
        "去年被税务罚过一次款 已经全部补缴了 现在纳税信用等级B 这会影响申报资格吗",
        "我们纳税信用评级是M级 还能申报吗",
        "前年税务稽查罚了点钱 后来都补缴完了 影响申报不",
    ],
)
def test_a_matter_the_text_does_not_define_goes_to_the_implementing_rules(text):
    reply = eligibility.answer(normalize(text)).text
    assert "“依法纳税”" in reply and "政策原文没有进一步规定" in reply
    assert "市商务局会同市财政局另行制定的实施细则" in reply and "第四条第（一）项" in reply
    assert "结论：" not in reply  # no verdict either way


def test_another_failed_condition_still_decides():
    """A branch paying its tax elsewhere fails 第二条 whatever its credit grade."""
    reply = eligibility.answer(normalize("我们是分公司 税在北京总部交 纳税信用A级 能申报吗")).text
    assert reply.startswith("结论：不符合第二条")


def test_a_plain_penalty_is_not_excused():
    """A market-supervision fine is no settled tax matter: the 依法经营 verdict stays."""
    assert eligibility.not_defined(normalize("去年被市场监管罚款了 能申报吗")) == []


# ------------------------------------------------------------------ a count of projects
@pytest.mark.parametrize("text", ROUTES["count_limit"]["match"])
def test_count_limit_matches(text):
    assert shapes.search("count_limit", normalize(text))


@pytest.mark.parametrize("text", ROUTES["count_limit"]["miss"])
def test_count_limit_misses(text):
    assert not shapes.search("count_limit", normalize(text))


def test_projects_a_year_under_the_certification_topic_is_three():
    a = answer_part(None, "一年最多能报几个项目", (), "3.6", None, {})
    assert a.clause == "3.6" and "每个企业每年支持项目最多3个" in a.text and "最多3个项目" in a.text
    assert "500万" not in a.text


def test_projects_a_year_without_a_topic_says_both_rules():
    a = count_limit_answer("每年能申报多少个项目")
    assert "没有限制" in a.text and "500万元" in a.text and "最多3个项目" in a.text


def test_money_a_year_is_still_the_total():
    a = answer_part(None, "一年最多拿多少", (), None, None, {})
    assert "500万" in a.text and "3个项目" not in a.text


async def test_an_estimate_of_two_certifications_and_a_count_question():
    d, _ = await run(
        ActionAnswerPolicy(),
        tracker("今年新拿了CMMI5 认证费50万 还新拿了ITSS认证费花了10万 能补多少？每年最多支持几个", "estimate_award"),
    )
    reply = texts(d)
    assert "370,000.00元" in reply  # 50万×70%=35万→30万；10万×70%=7万
    assert "每个企业每年支持项目最多3个" in reply


# ------------------------------------------------------------------ the 500万 total, unmisreadable
@pytest.mark.parametrize("text", ["这620万能全拿到吗 各项奖励补贴加起来620万", "各项加一起算下来有530万 能全拿吗"])
def test_over_the_total_cannot_be_misread(text):
    reply = stated_awards.answer(normalize(text)) or ""
    assert "最多只能拿到5,000,000.00元" in reply
    for misread in ("能全部拿到", "可以全部拿到", "可以全拿"):
        assert misread not in reply


# ------------------------------------------------------------------ records entered as data
@pytest.mark.parametrize(
    "text",
    [
        "给医院把纸质病历扫描、录入成电子数据，再做点统计分析，这个在外包目录里怎么归类",
        "帮档案馆把纸质档案扫描录入电子系统 算什么领域",
        "帮银行把纸质单据录入系统 算哪一类",
    ],
)
def test_entering_records_is_data_collection_and_entry(text):
    reply = catalog.classify_answer(normalize(text)).text
    assert "大数据服务" in reply and "数据采集与录入" in reply


def test_all_business_types_hit_in_one_description_are_named():
    top = query.classify_business(normalize("我们做数据录入和数据分析"), limit=1)[0]
    assert top["domain"] == "大数据服务"
    assert set(top["business_types"]) == {"数据采集与录入", "数据分析"}
    assert top["business_type"] == top["business_types"][0]


def test_vulnerability_scanning_stays_security():
    reply = catalog.classify_answer(normalize("漏洞扫描算哪类")).text
    assert "网络与信息安全服务" in reply and "数据采集与录入" not in reply


# ------------------------------------------------------------------ English: the execution year's rate
@pytest.mark.parametrize(
    "text, usd, rate",
    [
        (
            "Our offshore contract execution last year was 2 million USD, and the annual average central parity "
            "rate for that year was 7.1. How much can we get?",
            "2000000",
            "7.1",
        ),
        (
            "Our offshore revenue last year was 3 million USD and the exchange rate for that year was 7.05",
            "3000000",
            "7.05",
        ),
        ("offshore 1.2 million USD this year, exchange rate is 7.0, how much offshore award", "1200000", "7"),
    ],
)
def test_english_rate_of_the_year_named(text, usd, rate):
    s = EstimateSession.start(text)
    assert s.status == "done"
    assert str(s.inputs["offshore_usd"]) == usd and str(s.inputs["usd_cny_rate"]) == rate


def test_english_rates_keep_their_own_years():
    s = EstimateSession.start(
        "Offshore revenue was 1.5 million USD last year and 2 million USD this year; last year rate 6.9, "
        "this year rate 7.1. Increment award?"
    )
    assert str(s.inputs["previous_usd_cny_rate"]) == "6.9" and str(s.inputs["usd_cny_rate"]) == "7.1"


async def test_english_offshore_estimate_uses_that_years_rate():
    d, _ = await run(
        ActionEstimateStart(),
        tracker(
            "Offshore contract execution last year was 2 million USD; the central parity rate for that year was 7.1. "
            "How much offshore award?",
            "estimate_award",
        ),
    )
    reply = texts(d)
    assert "1,420,000.00元" in reply and "请告诉我今年" not in reply


def test_glossary_reads_the_rate_words():
    t = understand("the annual average central parity rate for that year was 7.1")
    assert "当年中间价汇率" in t and "was" not in t


def test_a_count_beside_a_rate_question_keeps_the_rate():
    """「能补多少比例？一年最多能补几个」 in one breath: the count first, and the 70% and 30万 still said."""
    from bot.answers import compose

    reply = compose(None, normalize("CMMI认证费补贴比例多少？一年最多能补几个资质项目啊")).text
    assert "最多3个项目" in reply and "500万" not in reply
    assert "70%" in reply and "30万元" in reply
