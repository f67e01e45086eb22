"""三（一） 业务规模增量奖励 in conversation (calculator/items/business_growth.py computes it).

Both years' onshore (元) and offshore (美元) amounts, both years' exchange rates, or 新增企业; or the onshore
difference the user states (`onshore_increment_cny`) with both years' offshore amounts.
"""

from .base import Clause, Field, year_word
from .offshore import OFFSHORE_USD, USD_CNY_RATE

BUSINESS_WORDS = "a money figure after 在岸/境内/国内 (元) or 离岸/境外 (美元), in the year said before it"

FIELDS = (
    Field("previous_onshore_cny", "上年在岸执行额", "元", recognised_by=BUSINESS_WORDS + " (去年/上年)"),
    Field(
        "previous_offshore_usd",
        "上年离岸执行额",
        "美元",
        lambda session: (
            f"{year_word(session, True)}的离岸服务外包合同执行额是多少美元？计算增量要把两年的离岸业务都算上，"
            f"{year_word(session, True)}的离岸执行额您还没有说，我不按0计算；那一年没有离岸业务请回复“没有”。"
            + _said_total(session)
        ),
        recognised_by=BUSINESS_WORDS + " (去年/上年)",
    ),
    Field(
        "previous_offshore_cny",
        "上年离岸执行额（已折人民币）",
        "元",
        recognised_by="a yuan figure after 去年/上年 离岸 (its dollars asked for 三（二）; counted as said in 三（一）)",
    ),
    Field("onshore_cny", "今年在岸执行额", "元", recognised_by=BUSINESS_WORDS),
    Field(
        "offshore_cny",
        "今年离岸执行额（已折人民币）",
        "元",
        recognised_by="a yuan figure after 离岸 (「离岸已经按中间价折成人民币800万」): counted as said in 三（一）, "
        "its dollars asked for 三（二）",
    ),
    Field(
        "onshore_increment_cny",
        "在岸执行额比上年增加",
        "元",
        recognised_by="a yuan figure after 在岸…比去年多了/较上年增加 (bot/estimate/stated_increment.py)",
    ),
    Field(
        "increment_cny",
        "业务增量（离岸已折算）",
        "元",
        recognised_by="a yuan figure after 增量 said converted (bot/estimate/converted_increment.py)",
    ),
    OFFSHORE_USD,
    Field(
        "previous_usd_cny_rate",
        "上年汇率",
        "",
        lambda session: (
            "上一年度的离岸金额要按上一年度的汇率折算。请问"
            f"{year_word(session, True)}的美元兑人民币年平均中间价（汇率）是多少？"
        ),
        recognised_by="a rate figure after 去年/上年 or the previous explicit year",
    ),
    USD_CNY_RATE,
    Field(
        "new_enterprise",
        "新增企业（首年）",
        recognised_by="新增企业/新成立/首年 (不是新增企业/老企业: no)",
        from_facts=True,
    ),
)


def _said_total(session) -> str:
    """The last-year yuan figure already read, named: it may be that year's whole business (answered 「是合计」,
    bot/estimate/session.py), never assumed to be."""
    from bot.estimate.reading import wan

    value = session.inputs.get("previous_onshore_cny")
    if not value:
        return ""
    return f"（{year_word(session, True)}的{wan(value)}我按在岸执行额记；如果它已是含离岸折算后的全年合计，请回复“是合计”。）"


QUESTIONS = {
    "business_current": "今年的服务外包合同执行额是多少？请分别说明在岸（人民币元）和离岸（美元），没有的可以说“没有”。",
    "business_previous": "上一年度的服务外包合同执行额是多少（在岸按元、离岸按美元）？如果是今年新设立的企业（首年），"
    "请回复“新增企业”。",
}


def missing(session, asked: list) -> list:
    """This year's and last year's totals ("没有离岸业务" alone does not tell a year's total); one year's
    offshore amount told and the other year's not said: that one is asked, never taken as 0."""
    inp, out = session.inputs, []
    if "increment_cny" in inp and not inp.get("new_enterprise"):
        return out  # the whole increment, converted as said: nothing else is needed for it
    if "onshore_increment_cny" in inp and not inp.get("new_enterprise"):
        # 「在岸比去年多了300万」: the onshore difference stands for both years' onshore amounts; last year's
        # offshore amount is still needed (at its own year's rate), never taken as 0 unless said; this year's
        # absent one counts 0, as beside two years' amounts, unless last year had offshore business
        if "previous_offshore_usd" not in inp:
            out.append("previous_offshore_usd")
        elif inp.get("previous_offshore_usd") and "offshore_usd" not in inp and "offshore_usd" not in asked:
            out.append("offshore_usd")
        return out
    if "onshore_cny" not in inp and not inp.get("offshore_usd") and not inp.get("offshore_cny"):
        out.append("business_current")
    if (
        not inp.get("new_enterprise")
        and "previous_onshore_cny" not in inp
        and not inp.get("previous_offshore_usd")
        and not inp.get("previous_offshore_cny")
    ):
        out.append("business_previous")
    if not out and not inp.get("new_enterprise"):
        this_offshore = inp.get("offshore_usd") or inp.get("offshore_cny")
        if this_offshore and "previous_offshore_usd" not in inp and "previous_offshore_cny" not in inp:
            out.append("previous_offshore_usd")
        elif (
            (inp.get("previous_offshore_usd") or inp.get("previous_offshore_cny"))
            and "offshore_usd" not in inp
            and "offshore_cny" not in inp
            and "offshore_usd" not in asked
        ):
            out.append("offshore_usd")
    return out


CLAUSES = (
    Clause(
        code="3.1",
        name="业务规模增量奖励",
        triggers=r"增量|规模奖|业务规模|比上年|比去年|增长部分",
        fields=FIELDS,
        checklist="业务规模增量奖励（今年比上年执行额增长）",
        asks=("business_current", "business_previous"),  # each year's amounts, asked together
        questions=QUESTIONS,
        missing=missing,
    ),
)
