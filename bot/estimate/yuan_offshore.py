"""A year's offshore business told in yuan, already converted (「离岸已经按2024年中间价折成人民币800万了」).

三（一） counts a year's business in yuan (离岸业务合同执行额折合为人民币计算), so the yuan amount is that year's offshore
part of the increment as said (calculator input `offshore_cny` / `previous_offshore_cny`, no rate). 三（二） counts the
dollars (以美元计算): they are asked (「800万元折合多少美元？」) only when an item needs them — 三（二）, or 三（三） whose base
it is. When the user answers that the dollars are not at hand (estimate_words.yml dollars_not_at_hand), the yuan amount
stays in 三（一）, the dollars are not asked again and 三（二） is named as not computed: never a figure dropped, never a
rate assumed.
"""

import re
from decimal import Decimal

from bot.estimate.reading import estimate_words, wan

# the items that need the offshore amount in dollars
NEEDS_DOLLARS = {"3.2", "3.3"}


def _yuan_ask(clarify) -> bool:
    """「…800万元折合多少美元？」 asked of an offshore amount said in yuan."""
    data = (clarify or {}).get("data") or {}
    said = data.get("said") or {}
    return (
        (clarify or {}).get("kind") == "currency"
        and data.get("value") is None
        and said.get("currency") == "CNY"
        and str(data.get("key", "")).endswith("offshore_usd")
    )


def not_at_hand(norm: str) -> bool:
    """Whether the words say the dollar amount is not at hand (「美元金额我手头没有，先只算增量」)."""
    words = estimate_words()["dollars_not_at_hand"]
    return re.search("|".join(map(re.escape, sorted(words, key=len, reverse=True))), norm) is not None


def _next(data: dict):
    then = data.get("then") or []
    return dict(then[0], data=dict(then[0]["data"], then=then[1:])) if then else None


def declined(session, norm: str, data: dict) -> bool:
    """The answer to 「800万元折合多少美元？」 saying the dollars are not at hand: the yuan kept for 三（一）, the dollars
    skipped (三（二） not computed, said so); True when read."""
    if not not_at_hand(norm):
        return False
    return keep_yuan(session, data)


def keep_yuan(session, data: dict) -> bool:
    """「800万元折合多少美元？」 left unanswered (declined or 「跳过」): the yuan kept for 三（一）, the dollars skipped
    (三（二） named as not computed); True when it was that question."""
    if not _yuan_ask({"kind": "currency", "data": data}):
        return False
    key = data["key"]
    amount = data["said"]["amount"]
    session.inputs.setdefault(key.replace("_usd", "_cny"), Decimal(amount))
    if key not in session.skipped:
        session.skipped.append(key)
    session.last_keys.append(key.replace("_usd", "_cny"))
    year = "上年" if key.startswith("previous_") else "今年"
    note = f"{year}离岸执行额按您给的人民币金额{wan(amount)}计入业务规模增量奖励（第三条第（一）项）"
    if NEEDS_DOLLARS & set(session.items) and not key.startswith("previous_"):
        note += "；离岸业务奖励（第三条第（二）项）以美元计算，您没有美元金额，这一项暂未计算，告诉我美元金额后可补算"
    if note not in session.notes:
        session.notes.append(note)
    session.clarify = _next(data)
    return True


def only_in_yuan(key: str) -> bool:
    """Whether an offshore amount told in yuan is never needed in dollars: last year's (「去年离岸折人民币0.5个亿」) counts
    in 三（一） only, which counts it in yuan; 三（二） counts this year's dollars."""
    return key.startswith("previous_")


def previous_note(amount) -> str:
    """What last year's offshore told in yuan was read as, said with the answer."""
    return (
        f"上年离岸执行额按您给的人民币金额{wan(amount)}计入业务规模增量奖励（离岸已折合为人民币，增量不需要上年汇率；"
        "离岸业务奖励只按今年的美元金额计算，不需要上年的美元金额）"
    )


def without_yuan_only(session, data: dict):
    """「离岸45万（上一年度）、60万（今年）是美元还是人民币？」 answered 「人民币」: last year's amount is counted in 三（一）
    in yuan as said (noted) and left out of the 「…折合多少美元？」 questions; the question's data with the amounts still
    to ask in dollars (the first as its key), or None when none is left."""
    said = [data, *data.get("others", [])]
    left = []
    for s in said:
        if str(s["key"]).endswith("offshore_usd") and only_in_yuan(s["key"]):
            note = previous_note(Decimal(s["value"]))
            if note not in session.notes:
                session.notes.append(note)
            session.last_keys.append(s["key"].replace("_usd", "_cny"))
        else:
            left.append(s)
    if not left:
        return None
    return dict(left[0], others=left[1:])


def _needs_dollars(session, key: str) -> bool:
    """Whether an item asked needs this amount in dollars: 三（二） (and 三（三） on it) counts this year's offshore
    dollars only, so last year's offshore told in yuan (「去年离岸折人民币0.5个亿」) is never needed in dollars —
    三（一） counts it in yuan as said."""
    return not only_in_yuan(key) and bool(NEEDS_DOLLARS & set(session.items))


def drop_unneeded_ask(session) -> None:
    """At the start: no item asked needs the dollars (增量 only, or last year's offshore, which only 三（一） counts), so
    「…折合多少美元？」 is not asked; the yuan amount counts in 三（一） as said."""
    while _yuan_ask(session.clarify) and not _needs_dollars(session, session.clarify["data"]["key"]):
        data = session.clarify["data"]
        key = data["key"]
        if key.replace("_usd", "_cny") not in session.inputs:
            return
        year = "上年" if key.startswith("previous_") else "今年"
        note = (
            f"{year}离岸执行额按您给的人民币金额{wan(data['said']['amount'])}计入业务规模增量奖励"
            "（离岸已折合为人民币，增量不需要汇率）"
        )
        if note not in session.notes:
            session.notes.append(note)
        session.clarify = _next(data)
