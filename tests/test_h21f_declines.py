"""When to decline (issue 13): a request that cannot be served is declined politely with nothing invented — a
year's exchange rate, office hours, a written promise of an award — and, standing beside the user's figures or
another question, it is declined in its own part while the rest is answered."""

import re

import pytest

from actions.estimate import ActionEstimateStart
from actions.policy import ActionAnswerPolicy, ActionDefaultFallback
from bot.answers import compose
from bot.answers.general import cannot_serve, not_served_aside
from bot.nlu.normalize import understand
from knowledge import sources
from tests.test_actions import run, texts, tracker

RATE_FIGURE = re.compile(r"\b[5-8]\.\d{2,4}\b")


@pytest.mark.parametrize(
    "question",
    [
        "2022年美元对人民币年平均中间价是多少 帮我查下 我要算离岸的",
        "你给我查一下去年的美元汇率 我算一下离岸奖",
        "今年的中间价是多少啊",
        "美元兑人民币是多少",
    ],
)
def test_a_years_rate_is_not_supplied(question):
    """Asked for a year's average rate: it cannot be provided, the user is asked for it, no rate is made up."""
    text = cannot_serve(understand(question)).text
    assert "无法" in text and "请提供" in text and "中间价" in text
    assert not RATE_FIGURE.search(text)


@pytest.mark.parametrize(
    "question",
    [
        "去年离岸120万美元 汇率7.1 能拿多少",
        "离岸按哪一年的汇率折算",
        "去年的汇率是多少我记不清了 先把在岸的增量算出来",
        "300万美元折合人民币怎么算",
    ],
)
def test_rate_given_or_rule_asked_is_not_a_lookup(question):
    """A rate given, the conversion rule asked, or a rate said to be not at hand: no refusal."""
    assert cannot_serve(understand(question)) is None


@pytest.mark.parametrize(
    "question",
    [
        "你就给个准话 保证我们能拿到150万 写个承诺书给我",
        "能不能给我们出个书面承诺 说今年一定能批下来",
        "你敢保证我们今年能拿到这笔钱吗",
    ],
)
def test_no_promise_of_an_award(question):
    """A guarantee or written promise of an award is declined; who decides is named; no figure is asked about."""
    text = compose(None, question).text
    assert text.startswith("抱歉") and "不能保证" in text and "审核" in text
    assert "哪一项的数字" not in text


def test_a_guarantee_word_inside_a_condition_is_no_promise():
    """「要保证研发投入连续两年增长」 is a condition of 三（三）, not a request for a guarantee."""
    assert cannot_serve(understand("研发投入要保证连续两年增长才能拿创新奖吗")) is None


@pytest.mark.parametrize("question", ["你们商务局几点下班", "市商务局周末上班吗", "申报窗口的办公时间是几点到几点"])
def test_office_hours_not_known(question):
    """Office hours are not in the policy and are not invented."""
    text = cannot_serve(understand(question)).text
    assert text.startswith("抱歉") and "办公时间" in text
    assert not re.search(r"\d{1,2}[:：点]\d{0,2}", text.split("我能做的是")[0])


def test_aside_request_split_from_the_rest():
    """A request not served in a clause of its own: its decline and the message's other clauses."""
    decline, rest = not_served_aside(understand("展位费3万 境内的 另外问下你们商务局电话多少"))
    assert decline.text.startswith("抱歉") and "展位费3万" in rest and "电话" not in rest
    assert not_served_aside(understand("你们商务局电话多少")) is None


def test_no_new_point_no_aside():
    """「去年哪几家公司拿到奖励了 各拿了多少钱」: one request (no 另外/顺便 starts the refused clause), declined whole."""
    question = "去年郑州哪几家软件公司拿到了服务外包奖励 各拿了多少钱 我参考下"
    assert not_served_aside(understand(question)) is None
    assert compose(None, question).text.startswith("抱歉")


def test_every_aside_kind_is_a_kind():
    """`aside` marks only kinds that leave the rest of a message answerable (not rule bending or gaming)."""
    kinds = {k["key"]: k for k in sources.load("document")["cannot_serve"]}
    assert kinds["contact"].get("aside") and kinds["promise"].get("aside")
    assert not any(kinds[k].get("aside") for k in ("instructions", "rule_bending", "gaming"))


def test_aside_beside_a_question_both_answered():
    """「离岸奖励最高多少 另外给我写个书面承诺」: the cap of 三（二）, then the promise declined."""
    text = compose(None, "离岸奖励最高多少 另外给我写个书面承诺").text
    assert "200万元" in text and "不能保证" in text
    assert text.index("200万元") < text.index("不能保证")


async def test_estimate_with_an_office_hours_question():
    """Figures and 「顺便问下几点下班」: the decline, then the estimate (参展2.4万 × 70% = 16,800)."""
    d, _ = await run(
        ActionDefaultFallback(),
        tracker("境内指定展会参展费2.4万 帮我算算 顺便问下商务局几点下班", intent="nlu_fallback"),
    )
    out = texts(d)
    assert "办公时间" in out and "16,800" in out
    assert out.index("办公时间") < out.index("16,800")


async def test_rate_lookup_starts_no_estimate():
    """「2024年的年平均中间价是多少 帮我查一下 我好算离岸奖励」 asked as an estimate: declined, no estimate opened."""
    d, events = await run(
        ActionEstimateStart(), tracker("2024年的年平均中间价是多少 帮我查一下 我好算离岸奖励", intent="estimate_award")
    )
    out = texts(d)
    assert "无法提供汇率" in out and "请提供" in out
    assert "多少美元" not in out


async def test_promise_asked_with_a_figure_is_declined_not_read():
    """「保证我们能拿到300万」 asked as an estimate: the promise declined, 300万 not asked about."""
    d, _ = await run(
        ActionAnswerPolicy(), tracker("直接给个准话 保证我们今年能拿到300万 写个书面承诺", intent="estimate_award")
    )
    out = texts(d)
    assert "不能保证" in out and "哪一项" not in out


def test_report_naming_the_item_is_kept_when_the_question_refers_back():
    """「技先国家有所得税减按15%的优惠，我们今年刚新认定，这个服务外包政策还另外有奖励吗」: the report names the item the
    question refers back to (三（四）), so the answer is on it, with the tax incentive named as not this policy's."""
    text = compose(
        None, "技术先进型服务企业国家有所得税减按15%优惠 我们今年刚新认定 郑州这个服务外包政策还另外给奖励吗"
    ).text
    assert "第三条第（四）项" in text and "不属于本政策的内容" in text
