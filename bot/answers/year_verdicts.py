"""Whether each year qualifies, when a message gives a clause's deciding figure for two or more calendar years and
asks only whether it can be had (「2022年离岸刚好100万美元 2023年105万美元 哪年够格拿离岸奖励 先不用算钱」).

Each year is applied for on its own: one verdict per year on that year's own figure (the figures read as the
estimate reads them for that year), no amount computed and no rate asked. None when the message is no such
question (routes.yml `whether_each_year`), names fewer than two years with figures, or no clause asked about
has a condition those figures decide.
"""

import re
from typing import Optional

from bot.answers.model import Answer
from bot.estimate import year_chain
from knowledge import conditions, query, shapes
from knowledge.conditions import Span


_AMOUNT_ASKED = r"多少|测算|计算|算一?下|算算|帮我算|合计|加起来|一共|总共|金额"


def _clauses(message: str, text: str) -> list:
    """The clauses asked about: those the words name, and those the figures give (as the estimate reads them)."""
    from bot.estimate.items import detect_items
    from bot.estimate.session import EstimateSession

    codes = set(conditions.clause_codes())
    named = [c for c in detect_items(text) if c in codes]
    return named + [c for c in EstimateSession.start(message).items if c in codes and c not in named]


def _year_facts(message: str, year: int, code: str) -> dict:
    """The facts of `code`'s conditions that the figures of `year` decide, as the estimate reads that year."""
    from bot.estimate.session import EstimateSession, calculator_inputs

    inputs = calculator_inputs(EstimateSession.start(message, year=year).inputs)
    wanted = set(conditions.facts_of(code))
    return {k: Span.of(v) for k, v in inputs.items() if k in wanted and v is not None}


def answer(message: str, normalized: str, facts: Optional[dict] = None) -> Optional[Answer]:
    """One verdict per calendar year on that year's figure, or None (see the module's docstring).
    `message` as said (read for each year's figures), `normalized` its normalised text, `facts` the conversation's."""
    if not shapes.search("whether_each_year", normalized):
        return None
    if not shapes.search("no_amount_wanted", normalized) and re.search(_AMOUNT_ASKED, normalized):
        return None  # 「分别算…离岸奖励…再给个两年合计」: the amounts are asked, each year's estimate answers
    years = year_chain.years_with_money(normalized)
    if len(years) < 2:
        return None
    from bot.answers import qualify

    known = {k: v for k, v in (facts or {}).items()}
    blocks, first_code = [], None
    for code in _clauses(message, normalized):
        per_year = [(y, _year_facts(message, y, code)) for y in years]
        if sum(bool(f) for _, f in per_year) < 2:
            continue  # the figures do not decide this clause's conditions year by year
        first_code = first_code or code
        for year, year_facts in per_year:
            if not year_facts:
                continue
            verdict = conditions.evaluate(code, {**known, **year_facts})
            blocks.append(f"【{year_chain.name(year)}】" + qualify.verdict_text(verdict, {code: verdict}))
    if not blocks:
        return None
    clause = query.clause(first_code.rstrip("ab"))
    head = f"您说了{len(years)}个年度的数字，每个年度按当年的数字单独判断（各年度分别申报）："
    from bot.answers import other_body

    told = other_body.line(first_code, normalized)  # 「税务那边说23年也算达标了」: the policy's own condition decides
    text = "\n".join([head, *blocks, *([told] if told else []), f"依据{clause['label']}：{clause['text']}"])
    return Answer(text, clause=first_code.rstrip("ab"), verdict="each_year")
