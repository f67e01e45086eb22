"""Corrections and supposed changes that name a figure already in the running estimate.

「前面那个境外的我说错了 是8万不是6万」 after three fairs: the figure after 不是 (6万) names the entry it corrects, the
境外 fair; the new figure replaces that entry's cost, it is never read as a new amount of another kind (离岸 8万).
「那要是年底再多签下来执行6万美元呢」 after 95万美元: a supposed addition (estimate_words.yml `adds_to_amount`) adds to
the amount told, it does not replace it. Plain Python; `inputs` are the session's fields.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import alternation, estimate_words, figures, wan

OLD_FIGURE = re.compile(r"(不是|而非|并非|而不是)\s*$")
REGION_WORDS = {"overseas": "境外", "domestic": "境内"}


def _money(text: str) -> list:
    return [f for f in figures(text) if f.kind == "money" and f.value]


def _region_named(text: str) -> Optional[str]:
    from bot.estimate.clauses.market_fairs import region_of

    return region_of(None, text)


def correct_told_figure(inputs: dict, text: str) -> Optional[tuple]:
    """(new inputs, note, key changed) when a correction's old figure (after 不是) is exactly one figure of the running
    estimate, narrowed by the place it names (境外/境内); None otherwise (the other correction rules decide)."""
    money = _money(text)
    old = [f for f in money if OLD_FIGURE.search(text[max(0, f.start - 4) : f.start])]
    new = [f for f in money if f not in old]
    if len(old) != 1 or len(new) != 1 or old[0].currency != new[0].currency:
        return None
    was, now = old[0].value, new[0].value
    region = _region_named(text)
    spots = []
    for key, value in inputs.items():
        if key.startswith("_"):
            continue
        if isinstance(value, Decimal) and value == was and not key.endswith("rate"):
            if (new[0].currency == "USD") == key.endswith("_usd") or new[0].currency is None:
                spots.append((key, None))
        if isinstance(value, list):
            for i, entry in enumerate(value):
                if not isinstance(entry, dict) or entry.get("cost_cny") != was:
                    continue
                if region and entry.get("region") not in (None, region):
                    continue
                spots.append((key, i))
    if not spots:
        return _correct_summed_figure(inputs, was, now)
    if len(spots) != 1:
        return None
    key, index = spots[0]
    changed = dict(inputs)
    if index is None:
        changed[key] = now
        return changed, f"已按您的更正把{wan(was, '')}改为{wan(now, '')}", key
    entries = [dict(e) for e in inputs[key]]
    entry = {k: v for k, v in entries[index].items() if k != "_parts"}
    entry["cost_cny"] = now
    entries[index] = entry
    changed[key] = entries
    place = REGION_WORDS.get(entry.get("region"), "")
    return changed, f"已按您的更正把{place}那一项的费用由{wan(was)}改为{wan(now)}", key


def _correct_summed_figure(inputs: dict, was: Decimal, now: Decimal) -> Optional[tuple]:
    """The old figure is one of the figures summed into one entry's cost (`_told`, e.g. a platform's 「服务器260万 正版
    数据库授权90万 配套30万」): that figure replaced and the entry's total recomputed; None unless exactly one entry
    holds it exactly once."""
    found = []
    for key, value in inputs.items():
        if key.startswith("_") or not isinstance(value, list):
            continue
        for i, entry in enumerate(value):
            told = [Decimal(str(x)) for x in (entry.get("_told") or [])] if isinstance(entry, dict) else []
            if told.count(was) == 1:
                found.append((key, i, told))
    if len(found) != 1:
        return None
    key, index, told = found[0]
    told[told.index(was)] = now
    entries = [dict(e) for e in inputs[key]]
    old_total = Decimal(str(entries[index]["cost_cny"]))
    entries[index] = dict(entries[index], cost_cny=sum(told, Decimal(0)), _told=told)
    changed = dict(inputs, **{key: entries})
    said = "、".join(wan(x) for x in told)
    note = (
        f"已按您的更正把{wan(was)}改为{wan(now)}：{said}合计{wan(entries[index]['cost_cny'])}（原合计{wan(old_total)}）"
    )
    return changed, note, key


def adds_to_amount(text: str) -> bool:
    """「再多签下来执行6万美元」「再加20万」: the figure is more of an amount already told (estimate_words.yml
    `adds_to_amount`)."""
    return bool(re.search(alternation(estimate_words()["adds_to_amount"]), text))


def _stated_results(text: str) -> list:
    """The money figures a what-if says the amount comes to (「就是今年210万美元」「变成210万」): after a word of
    estimate_words.yml `states_result`, with at most a few words (今年/离岸) between."""
    words = re.compile(f"(?:{alternation(estimate_words()['states_result'])})[^0-9，,。；;！!？?]{{0,6}}$")
    return [f for f in _money(text) if words.search(text[max(0, f.start - 12) : f.start])]


def added_amounts(old: dict, fields: dict, text: str) -> Optional[tuple]:
    """(fields with each money amount already told increased by the one said, notes, problems) for a supposed addition;
    None when the message does not add or adds to no amount told.

    When the message also says what the amount comes to (「再多50万美元，就是今年210万美元」), that figure is the amount:
    it is used when it agrees with the one told plus the addition (160万 + 50万), or when it is the amount already
    (the same what-if said again changes nothing); otherwise both figures are named in a question and the amount told
    stays. A figure said to be the result alone (「就是210万美元」) replaces the amount, it is never added."""
    if not adds_to_amount(text):
        return None
    money = _money(text)
    results = _stated_results(text)
    more = [f for f in money if f not in results]
    out, notes, problems = dict(fields), [], []
    for key, value in fields.items():
        told = old.get(key)
        if key.startswith("_") or key.endswith("rate") or not isinstance(value, Decimal):
            continue
        if not isinstance(told, Decimal) or not (key.endswith("_usd") or key.endswith("_cny")):
            continue
        unit = "美元" if key.endswith("_usd") else "元"
        same = [f for f in results if (f.currency == "USD") == (unit == "美元") or f.currency is None]
        extra = [f for f in more if (f.currency == "USD") == (unit == "美元") or f.currency is None]
        if len(same) == 1:
            stated = same[0].value
            if len(extra) == 1 and told + extra[0].value != stated and told != stated:
                out.pop(key)
                problems.append(
                    f"您说再多{wan(extra[0].value, unit)}，又说结果是{wan(stated, unit)}，但此前是{wan(told, unit)}，"
                    f"{wan(told, unit)} + {wan(extra[0].value, unit)} = {wan(told + extra[0].value, unit)}，"
                    f"与{wan(stated, unit)}不一致。请确认按哪个数测算？"
                )
                continue
            out[key] = stated
            if told != stated:
                notes.append(f"按您说的结果{wan(stated, unit)}测算（此前为{wan(told, unit)}）")
            continue
        if len(same) > 1 or len(extra) != 1:
            continue
        out[key] = told + extra[0].value
        total = told + extra[0].value
        notes.append(f"{wan(told, unit)} + {wan(extra[0].value, unit)} = {wan(total, unit)}（按您说的再增加部分累加）")
    return (out, notes, problems) if notes or problems or out != fields else None


def for_another_enterprise(text: str) -> bool:
    """「帮园区里一家企业问下」: the asker speaks for an enterprise as well (estimate_words.yml `for_another_enterprise`);
    the enterprise's clauses are judged for that enterprise."""
    words = estimate_words()
    return bool(
        re.search(alternation(words["for_another_enterprise"]), text)
        or any(re.search(shape, text) for shape in words.get("for_another_enterprise_shapes", ()))
    )
