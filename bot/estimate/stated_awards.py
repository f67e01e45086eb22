"""Awards the user already knows, put together: 「增量奖励200万 离岸奖励200万 平台补贴200万 加起来能拿600万吗」.

The amounts are the user's; each is held to its clause's ceiling for one enterprise and year (a
ceiling the policy states for the item as a whole), 三（三） is recomputed as 15% of the 三（一）
and 三（二） awards when they are given, and the sum is held to 第四条第（三）项's 500万 a year.
Award names and the words that ask for the sum are data (estimate_words.yml ``stated_awards``).
A stated award whose ceiling depends on a count the user did not give (several platforms) is
named and asked about, never split or guessed.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import List, Optional

from bot.estimate import asked_awards, claims
from bot.estimate.explain import money
from bot.estimate.items import NAMES
from bot.estimate.reading import estimate_words, figures, wan
from calculator.policy import clause_label
from knowledge.figures import figure

MAXED = "（按上限）"  # the `said` of an award named as reaching its ceiling
TOTAL_WORDS = r"\s*(的)?(加起来|加一起|一共|总共|合计|共计|总计|总额)"
GAP = 8  # characters allowed between an award's name and its amount: 「增量奖励算下来60万」


@dataclass(frozen=True)
class Stated:
    code: str
    said: str  # the name as the user wrote it
    value: Decimal
    count: int = 1  # 「两个平台各补200万」: the items the amount is for, each


@lru_cache(maxsize=1)
def _names() -> list:
    """(name, code), longest name first."""
    names = estimate_words()["stated_awards"]["names"]
    return sorted(((n, str(c)) for c, ns in names.items() for n in ns), key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def other_award_names() -> str:
    """An alternation of the award names (`names`) of the items other than 三（一）、三（二）、三（三）: the awards that are
    not 三（三）'s base; a short name (`loose_names`: ITSS、租金) counts only with 补贴/补助/奖励 after it (「ITSS补贴」)."""
    full = [re.escape(n) for n, code in _names() if code not in ("3.1", "3.2", "3.3")]
    loose = [re.escape(n) for n, code in _loose_names() if code not in ("3.1", "3.2", "3.3")]
    return "|".join(full + [rf"(?:{'|'.join(loose)})(?:补贴|补助|奖励)"])


def award_code(said: str) -> Optional[str]:
    """The item whose award a name matched by other_award_names() names (「展会补贴」→ 3.5, 「ITSS补贴」→ 3.6), or None."""
    said = (said or "").lower()
    for n, code in _names() + _loose_names():
        if said == n.lower() or (said.startswith(n.lower()) and re.fullmatch(r"补贴|补助|奖励", said[len(n) :])):
            return code
    return None


@lru_cache(maxsize=1)
def _name_pattern():
    return re.compile("|".join(re.escape(n) for n, _ in _names()), re.IGNORECASE)


@lru_cache(maxsize=1)
def _loose_names() -> list:
    """(short name, code), longest first: names that may also name a business amount."""
    names = estimate_words()["stated_awards"].get("loose_names") or {}
    return sorted(((n, str(c)) for c, ns in names.items() for n in ns), key=lambda p: -len(p[0]))


@lru_cache(maxsize=8)
def _names_pattern(names: tuple):
    return re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)


def remembered_cap(text: str) -> Optional[Decimal]:
    """The yearly cap the user remembers (「我记得上限是一千万」) when it is not 第四条第（三）项's, else None."""
    cap = figure("4.3", "annual_total_cap_cny")
    for m in re.finditer(estimate_words()["stated_awards"]["remembered_cap"], text):
        after = [f for f in figures(text) if f.kind == "money" and f.value and m.end() <= f.start <= m.end() + 1]
        if after and after[0].currency in (None, "CNY") and after[0].value != cap:
            return after[0].value
    return None


def _cap_correction(text: str) -> str:
    said = remembered_cap(text)
    if said is None:
        return ""
    return f"您记得的上限{wan(said)}不对：单个企业年度总额最高是{wan(figure('4.3', 'annual_total_cap_cny'))}。"


def _total_words() -> list:
    return estimate_words()["stated_awards"]["total_words"]


def _names_before_total(text: str) -> set:
    """The clauses named, with no amount of their own, before the first total word (「离岸 增量 创新 展会 资质
    平台加起来差不多620万」: six awards summed)."""
    m = _names_pattern(tuple(_total_words())).search(text)
    if not m or any(f.kind == "money" and f.start < m.start() for f in figures(text)):
        return set()
    names = sorted(_names() + _loose_names(), key=lambda p: -len(p[0]))
    code_of = {n.lower(): c for n, c in names}
    return {code_of[n.group(0).lower()] for n in _names_pattern(tuple(n for n, _ in names)).finditer(text[: m.start()])}


def _pairs(text: str, names: list, taken: list) -> list:
    """(code, name, figure, gap text) of each name followed by an amount, skipping spans in `taken`."""
    if not names:
        return []
    code_of = {n.lower(): c for n, c in names}
    pattern = _names_pattern(tuple(n for n, _ in names))
    found = [m for m in pattern.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    money_figures = [f for f in figures(text) if f.kind == "money" and f.value is not None]
    out = []
    for i, m in enumerate(found):
        nxt = found[i + 1].start() if i + 1 < len(found) else len(text)
        for f in money_figures:
            gap = text[m.end() : f.start]
            if any(w in gap for w in _total_words()):
                break  # 「平台加起来620万」: the total of the names listed, not this name's amount
            if m.end() <= f.start <= min(m.end() + GAP, nxt) and not re.search(r"[，。；;,？?]", gap):
                out.append((code_of[m.group(0).lower()], m.group(0), f, gap, m.start()))
                break
    # 「离岸奖励和增量奖励各算出来都是200万」: names joined before 各/都/分别 share the amount after the last of them
    paired = {p[4]: p for p in out}
    for i in range(len(found) - 2, -1, -1):
        m, n = found[i], found[i + 1]
        later = paired.get(n.start())
        if (
            m.start() in paired
            or later is None
            or not re.fullmatch(r"\s*(和|跟|与|及|、)\s*", text[m.end() : n.start()])
        ):
            continue
        if re.search(r"各|都|分别|均", later[3]):
            paired[m.start()] = (code_of[m.group(0).lower()], m.group(0), later[2], later[3], m.start())
    return sorted(paired.values(), key=lambda p: p[4])


def _total_spans(text: str) -> list:
    """(start, end) of each total of award names joined by 和/与/、 (「增量奖励和离岸奖励合计一百二十万」), to the end
    of the total's figure: the sum of the named awards, no award of the last name."""
    pattern = _names_pattern(tuple(n for n, _ in sorted(_names() + _loose_names(), key=lambda p: -len(p[0]))))
    found = list(pattern.finditer(text))
    money_figures = [f for f in figures(text) if f.kind == "money" and f.value is not None]
    spans = []
    for before, name in zip(found, found[1:]):
        joined = re.fullmatch(r"\s*(和|与|跟|及|以及|、|加|\+)\s*", text[before.end() : name.start()])
        total = re.match(TOTAL_WORDS, text[name.end() :])
        if joined and total:
            end = next((f.end for f in money_figures if 0 <= f.start - name.end() - total.end() <= 2), name.end())
            spans.append((before.start(), end))
    return spans


def total_parts(text: str) -> dict:
    """{start of the amount: (clause or None, amount)} of a total of named awards and its parts named after it
    (「增量奖励和离岸奖励合计一百二十万 增量72万 离岸48万」): the parts, when they add up to the total, are the awards;
    the total itself (clause None) is no award and no business amount."""
    names = sorted(_names() + _loose_names(), key=lambda p: -len(p[0]))
    money_figures = [f for f in figures(text) if f.kind == "money" and f.value is not None]
    out = {}
    for start, end in _total_spans(text):
        total = next((f for f in money_figures if f.end == end), None)
        if total is None or total.currency not in (None, "CNY"):
            continue
        parts = [(code, f) for code, _, f, _, _ in _pairs(text[end:], names, []) if f.currency in (None, "CNY")]
        if parts and sum(f.value for _, f in parts) == total.value:
            out[total.start] = (None, total.value)
            out.update({end + f.start: (code, f.value) for code, f in parts})
    return out


def _head_spans(text: str) -> list:
    """(start, end) of each list under an award heading (estimate_words.yml stated_awards list_heads), to the end
    of its sentence."""
    heads = estimate_words()["stated_awards"].get("list_heads") or []
    if not heads:
        return []
    spans = []
    for m in _names_pattern(tuple(sorted(heads, key=len, reverse=True))).finditer(text):
        end = re.search(r"[。；;？?\n]|$", text[m.end() :])
        spans.append((m.end(), m.end() + end.start()))
    return spans


def headed(text: str) -> dict:
    """{start of the amount: (clause, amount)} of each award listed under an award heading by its short name or
    full name (「今年的奖励：增量9.6万 + 离岸87.4万」); a dollar amount there is business, never an award."""
    names = sorted(_names() + _loose_names(), key=lambda p: -len(p[0]))
    out = {}
    for s, e in _head_spans(text):
        for code, _, f, _, _ in _pairs(text[s:e], names, []):
            if f.currency in (None, "CNY"):
                out[s + f.start] = (code, f.value)
    return out


def _keep(pairs: list, summed: set, text: str = "") -> List[Stated]:
    """One Stated per clause in the order said: the first amount, or the sum for clauses of several items
    (「两个平台各补200万」: each of the two)."""
    from calculator.figures_zh import numeral_value

    values, names, counts, order = {}, {}, {}, []
    for code, name, f, gap, start in pairs:
        each = re.search(r"([0-9]+|[两二三四五六七八九十])\s*(个|项|场|家)\s*$", text[max(0, start - 4) : start])
        n = int(numeral_value(each.group(1)) or 1) if each and "各" in gap and code in summed else 1
        if code not in values:
            values[code], names[code], counts[code] = f.value * n, name, n
            order.append(code)
        elif code in summed:
            values[code] += f.value * n
            counts[code] += n
    return [Stated(code, names[code], values[code], counts[code]) for code in order]


def read(text: str) -> List[Stated]:
    """Each award named with an amount in yuan right after it, in the order said (one per clause; several
    certifications, fairs or platforms added). Short names (「离岸200万」) count as awards only with an award
    verb (「CMMI补30万」) or when every amount listed adds up to the total the user states."""
    words = estimate_words()["stated_awards"]
    summed = {str(c) for c in words.get("summed") or []}
    totals = _total_spans(text)
    named = _pairs(text, _names(), totals)
    strict = [p for p in named if p[2].currency in (None, "CNY")]
    if len(strict) < len(named):
        return _keep(strict, summed, text)  # 「离岸奖励 离岸250万美元」 names a business amount
    taken = totals + [(p[4], p[2].end) for p in strict]
    loose = _pairs(text, _loose_names(), taken)
    if not loose or any(p[2].currency not in (None, "CNY") for p in loose):
        return _keep(strict, summed, text)
    verbs = "|".join(re.escape(v) for v in words.get("award_verbs") or [])
    heads = _head_spans(text)
    with_verb = [p for p in loose if verbs and re.search(verbs, p[3]) or any(s <= p[4] < e for s, e in heads)]
    listed = sorted(strict + loose, key=lambda p: p[4])
    total = _said_total(text)
    if total is not None and sum(p[2].value for p in listed) == total:
        return _keep(listed, summed, text)  # 「增量200万 离岸200万 创新60万 CMMI补30万 ITSS补10万 总共刚好500万」
    return _keep(_listed(text, sorted(strict + with_verb, key=lambda p: p[4]), loose), summed, text)


def _listed(text: str, kept: list, loose: list) -> list:
    """`kept` with each short-named amount that follows a kept award with nothing but a separator between
    (「增量奖励30万 离岸90万 技先10万」: an award in a list of awards)."""
    kept = list(kept)
    for p in sorted(loose, key=lambda p: p[4]):
        if p in kept:
            continue
        before = re.sub(r"[\s、，,和及与跟]+$", "", text[: p[4]])
        if before and len(before) < p[4] and any(q[2].end == len(before) for q in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p[4])


def _estimable(text: str) -> bool:
    """The business figures of `text` give a whole estimate (nothing to ask): the user's awards are checked
    against it. Else the awards are taken as the user's (「今年离岸370万美元 我算离岸奖是260万 再加增量奖我算的
    18万」: no earlier year for the increment award)."""
    from bot.estimate.session import EstimateSession

    session = EstimateSession.start(text)
    return bool(session.items) and session.status == "done" and not session.clarify


def _said_total(text: str) -> Optional[Decimal]:
    """The total the user states for the amounts listed (「一共567万」), or None."""
    m = re.search(r"(加起来|一共|总共|合计|共计|总计)[^，。；？?\n\d一二三四五六七八九两]{0,4}", text)
    if not m:
        return None
    after = [f for f in figures(text) if f.kind == "money" and m.end() <= f.start <= m.end() + 4]
    return after[0].value if after and after[0].currency in (None, "CNY") else None


def supposed(text: str) -> dict:
    """{clause: amount} of the 三（一）、（二） awards a what-if supposes (「那假如增量和离岸两项都到了200万封顶呢」
    「要是离岸奖励是150万呢」): one amount after several names joined by 都/各/两项 is each one's."""
    names = [(n, c) for n, c in _names() + _loose_names() if c in ("3.1", "3.2")]
    pattern = re.compile("|".join(re.escape(n) for n, _ in sorted(names, key=lambda p: -len(p[0]))), re.I)
    code_of = {n.lower(): c for n, c in names}
    named = [code_of[m.group(0).lower()] for m in pattern.finditer(text)]
    amounts = [f for f in figures(text) if f.kind == "money" and f.value is not None]
    if not named or any(f.currency not in (None, "CNY") for f in amounts):
        return {}  # 「要是离岸做到200万美元呢」 supposes business, not an award
    if len(amounts) == 1 and len(set(named)) > 1 and re.search(r"都|各|均|两项|两个|分别", text):
        return {code: amounts[0].value for code in dict.fromkeys(named)}
    if not amounts and any(w in text for w in estimate_words()["stated_awards"]["maxed"]):
        return {code: _ceiling(code)[0] for code in dict.fromkeys(named)}
    return {code: f.value for code, _, f, _, _ in _pairs(text, names, [])}


def maxed(text: str) -> List[Stated]:
    """Awards named as reaching their ceilings, with no amount (「增量奖励和离岸奖励都拿到顶了」)."""
    words = estimate_words()["stated_awards"]["maxed"]
    if not any(w in text for w in words):
        return []
    code_of = {n.lower(): c for n, c in _names()}
    out, seen = [], set()
    for m in _name_pattern().finditer(text):
        code = code_of[m.group(0).lower()]
        ceiling = _ceiling(code)
        if code in seen or ceiling is None or code == "3.3":
            continue
        seen.add(code)
        out.append(Stated(code, MAXED, ceiling[0]))
    return out


def innovation_base(text: str) -> bool:
    """The message only states the 三（一）/三（二） awards (「今年增量奖励和离岸奖励合计一百二十万 增量72万 离岸48万」),
    asking nothing of their sum beyond stating it: after 三（三） was talked about they are its base."""
    stated = read(text)
    if not stated or not {s.code for s in stated} <= {"3.1", "3.2"}:
        return False
    rest = text
    for start, end in _total_spans(text):
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return not asks_sum(rest)


def asks_sum(text: str) -> bool:
    return any(w in text for w in estimate_words()["stated_awards"]["sum_asks"])


def _stated_total(text: str) -> Optional[str]:
    """「各项奖励算下来加起来有620万 能全拿到吗」: a total the user worked out, against the 500万 a year."""
    if not asks_sum(text) or read(text):
        return None
    words = estimate_words()["stated_awards"]
    listed = len(_names_before_total(text)) >= 3  # 「离岸 增量 创新 展会 资质 平台加起来」: awards, each by name
    if not any(re.search(p, text) for p in words["total_of_awards"]) or (
        re.search(words["total_of_costs"], text) and not listed
    ):
        return None  # 「展位费加特装费一共6万 补贴多少」 sums costs, not awards
    m = re.search(r"(加起来|加一起|加在一起|一共|总共|合计|总计)[^，。；？?\n\d一二三四五六七八九两]{0,6}", text)
    if not m or re.search(r"比|较|相比|同比", m.group(0)):
        return None  # 「去年总共比今年少了500万元」: a difference between the years, no sum of awards
    if re.search(r"多少|几|吗|呢", m.group(0)):
        return None  # 「…一共多少 / 2023年在岸420万…」: the sum is asked; the figure after it is the business told
    after = [
        (f.value, f.start, "") for f in figures(text) if f.kind == "money" and f.value and f.currency in (None, "CNY")
    ] + _more_than_wan(text)
    after = [a for a in after if m.end() <= a[1] <= m.end() + 8]
    if not after:
        return None
    value, _, more = after[0]
    cap = figure("4.3", "annual_total_cap_cny")
    said = wan(value) if not more else f"{wan(value)}以上（您说的是“{more}”）"
    if value > cap or (more and value >= cap):
        verdict = f"拿不到全部：超过上限，一年最多只能拿到{money(cap)}"
    elif more and _below_next(value) > cap:
        return None  # 「四百五十多万」 is 450万 and more: it may pass 500万
    else:
        verdict = "未超过上限，各项仍须分别满足其条件"
    return (
        f"{_cap_correction(text)}您说的各项合计{said}。依据第四条第（三）项，单个企业获得年度服务外包政策支持资金总额最高{wan(cap)}，"
        f"{verdict}（各项另有单项上限，例如增量奖励、离岸业务奖励各最高{wan(figure('3.1', 'cap_cny'))}）。"
        "如果把各项金额告诉我，我可以逐项核对。"
    )


def answer_added(earlier: List[str], text: str) -> Optional[str]:
    """「再加上技先认定的10万 一共多少」 right after awards were checked together (`earlier`: the user's messages
    before this one, normalised): those awards and the ones this message adds, checked again; None when the
    message adds no award with an amount or the messages before it were no such check."""
    adds = estimate_words()["stated_awards"].get("adds") or []
    if not any(w in text for w in adds) or not read(text):
        return None
    for n in range(1, min(3, len(earlier)) + 1):
        base, added = earlier[-n], earlier[len(earlier) - n + 1 :]
        if not (read(base) or maxed(base)) or answer(base) is None:
            continue  # 「各项奖励加起来620万」 checked a total, not awards one by one
        if all(any(w in t for w in adds) and read(t) for t in added):
            return answer("；".join([base, *added, text]))
        return None
    return None


_MORE_THAN_WAN = re.compile(r"([\d一二两三四五六七八九十百千]+)\s*(多|余)\s*万")


def _more_than_wan(text: str) -> list:
    """(lower bound, start, words) of each approximate amount 「六百多万」「600余万」, which the figure reader
    skips: more than the number said, never a figure to compute with."""
    from calculator.figures_zh import parse_number

    out = []
    for m in _MORE_THAN_WAN.finditer(text):
        value = parse_number(m.group(1))
        if value:
            out.append((Decimal(value) * 10000, m.start(), m.group(0)))
    return out


def _below_next(value: Decimal) -> Decimal:
    """The amount an approximate 「N多万」 stays below: 四百多万 is under 500万, 四百五十多万 under 460万."""
    step = Decimal(10000)
    while value % (step * 10) == 0:
        step *= 10
    return value + step


def _ceiling(code: str):
    """(the most one enterprise gets from the clause in a year, how the policy says it), or None."""
    if code in ("3.1", "3.2"):
        return figure(code, "cap_cny"), f"单个企业年度奖励金额最高{wan(figure(code, 'cap_cny'))}"
    if code == "3.4":
        return figure(code, "award_cny"), f"一次性奖励{wan(figure(code, 'award_cny'))}"
    if code == "3.5":
        d, o = figure(code, "domestic_annual_cap_cny"), figure(code, "overseas_annual_cap_cny")
        return d + o, f"境内活动全年最高{wan(d)}、境外活动全年最高{wan(o)}"
    if code == "3.6":
        n, cap = figure(code, "max_items"), figure(code, "item_cap_cny")
        return n * cap, f"每年最多{n}个项目、每个项目最高{wan(cap)}"
    if code == "3.7.3":
        n, cap = figure(code, "max_people"), figure(code, "person_cap_cny")
        return n * cap, f"每人每年最高{wan(cap)}、每年最多{n}人"
    if code == "3.7.4":
        return figure(code, "total_cap_cny"), f"补贴总额最高{wan(figure(code, 'total_cap_cny'))}"
    return None


def _computed_beside(text: str, stated: set) -> list:
    """(code, amount, explanation) of each item the message's own business figures compute in full that is not one
    of the awards stated (「平台硬件800万」 beside 「离岸奖励200万」), or []."""
    from bot.estimate.session import EstimateSession

    session = EstimateSession.start(text)
    others = [c for c in session.items if c not in stated and c not in ("3.1", "3.2", "3.3")]
    if not others or session.status != "done" or session.clarify:
        return []
    try:
        result = session.compute()
    except Exception:  # noqa: BLE001 — figures the calculator refuses leave the stated awards alone
        return []
    return [
        (i["code"], Decimal(str(i["amount_cny"])), i["explanation"])
        for i in result.get("items") or []
        if i["code"] in others and i.get("qualified")
    ]


def answer(text: str) -> Optional[str]:
    """The stated awards checked against their ceilings and the annual total, or None when the
    message does not state two or more awards and ask whether they fit together."""
    if claims.checked(text, figures(text)) and _estimable(text):
        return None  # 「…年租金150万。我算的租金45万…对不对」: estimated from the business figures, then checked
    stated = read(text)
    said = {s.code for s in stated}
    at_ceiling = [s for s in maxed(text) if s.code not in said]
    innovation_asked = any(n in text for n, c in _names() if c == "3.3") or "创新" in text
    if at_ceiling and (len(stated) + len(at_ceiling) >= 2 or innovation_asked):
        stated = stated + at_ceiling  # 「两个都拿满了再加上创新奖励 最多能到多少」
    elif len(stated) < 2 or not asks_sum(text):
        total = _stated_total(text)
        return total
    elif not asks_sum(text):
        return None
    by_code = {s.code: s for s in stated}
    lines, amounts, asks = [], {}, []
    for s in stated:
        if s.code == "3.3":
            continue
        name, label = NAMES.get(s.code, s.said), clause_label(s.code)
        ceiling = _ceiling(s.code)
        if s.code == "3.9" and s.value > figure("3.9", "platform_cap_cny") * s.count:
            cap = figure("3.9", "platform_cap_cny")
            asks.append(f"{name}{wan(s.value)}是几个平台的？单个平台补贴金额最高{wan(cap)}（依据{label}）。")
            amounts[s.code] = None
            continue
        if s.said == MAXED:
            amounts[s.code] = s.value
            lines.append(f"{name}：按上限{money(s.value)}计（{ceiling[1]}；依据{label}）")
            continue
        if ceiling and s.value > ceiling[0]:
            amounts[s.code] = ceiling[0]
            lines.append(
                f"{name}：您说{wan(s.value)}，超过该项上限（{ceiling[1]}），按{money(ceiling[0])}计（依据{label}）"
            )
        else:
            amounts[s.code] = s.value
            note = f"，未超过该项上限（{ceiling[1]}）" if ceiling else ""
            if s.code == "3.9":
                note = f"，单个平台补贴金额最高{wan(figure('3.9', 'platform_cap_cny'))}"
                if s.count > 1:
                    note = f"（{s.count}个平台）" + note
            lines.append(f"{name}：{money(s.value)}{note}（依据{label}）")
    asked = asked_awards.asked_codes(text, said, sorted(_names() + _loose_names(), key=lambda p: -len(p[0])))
    verdicts = _verdicts(text)
    if "3.3" in by_code or ("3.1" in amounts or "3.2" in amounts) and re.search(r"创新", text):
        base = [amounts.get(c) for c in ("3.1", "3.2") if c in amounts]
        rate = figure("3.3", "rate")
        label = clause_label("3.3")
        innovation_check = next((c for c in verdicts["3.3"].checks if c.id == "innovation"), None)
        if base and None not in base and innovation_check is not None and innovation_check.status == "not_met":
            # 「研发投入只涨了一年」: the innovation condition fails on the facts said, whatever the base
            lines.append(
                f"{NAMES['3.3']}：不符合条件（{innovation_check.label}；您说的是：{innovation_check.stated}），0元"
                f"（依据{label}）"
            )
            amounts["3.3"] = Decimal(0)
        elif base and None not in base:
            innovation = (sum(base) * rate).quantize(Decimal("0.01"))
            said_innovation = by_code.get("3.3")
            parts = " + ".join(wan(b) for b in base)
            line = f"{NAMES['3.3']}：（{parts}）× {rate * 100:.0f}% = {money(innovation)}"
            if said_innovation and said_innovation.value != innovation:
                line += f"，不是您说的{wan(said_innovation.value)}"
            condition = "须满足其创新条件"
            if innovation_check is not None and innovation_check.status == "met":
                condition = f"满足其创新条件：{innovation_check.stated}"
            lines.append(line + f"（依据{label}，以增量奖励和离岸业务奖励合计为基数；{condition}）")
            amounts["3.3"] = innovation
        elif "3.3" in by_code:
            amounts["3.3"] = by_code["3.3"].value
            lines.append(f"{NAMES['3.3']}：{money(by_code['3.3'].value)}（依据{label}）")
    for code in sorted((asked or set()) - set(amounts)):
        value, how = asked_awards.unstated_amount(code, verdicts.get(code))
        label = clause_label(code)
        if value is None:
            asks.append(
                f"{NAMES.get(code, code)}：您没有给出金额，我也不能从您说的情况确定，请告诉我相关情况（依据{label}）。"
            )
            continue
        amounts[code] = value
        lines.append(f"{NAMES.get(code, code)}：{how}{money(value) if value else ''}（依据{label}）")
    if asks:
        return "\n".join(["按您给出的各项奖励金额核对："] + [f"· {line}" for line in lines] + asks)
    computed = _computed_beside(text, set(amounts) | set(by_code))
    for code, amount, explanation in computed:
        # 「平台硬件800万 … 离岸奖励和增量奖励都是200万 加上平台补贴会不会超过上限」: the item the message gives
        # costs for is computed from them, and counts in the total with the awards stated
        amounts[code] = amount
        lines.append(f"{NAMES.get(code, code)}：按您给的费用测算{money(amount)}（{explanation}）")
    if asked:
        return _asked_total(text, asked, amounts, lines)
    total = sum(v for v in amounts.values() if v is not None)
    cap = figure("4.3", "annual_total_cap_cny")
    if total > cap:
        verdict = (
            f"合计{money(total)}，超过单个企业年度政策支持资金总额上限{wan(cap)}，"
            f"一年最多只能拿到{money(cap)}，拿不到全部（依据第四条第（三）项）。"
        )
    else:
        verdict = f"合计{money(total)}，未超过单个企业年度总额上限{wan(cap)}，可以同时申报（依据第四条第（三）项）。"
    return "\n".join(
        ([_cap_correction(text)] if _cap_correction(text) else [])
        + [
            "按您给出的各项奖励金额核对（"
            + (
                "您给出的奖励金额未重新测算；给了费用的项目按费用测算"
                if computed
                else "金额为您提供的，未重新测算业务数据"
            )
            + "）："
        ]
        + [f"· {line}" for line in lines]
        + [verdict, "各项仍须分别满足其条件；最终以市商务局会同市财政局审核认定为准。"]
    )


def _verdicts(text: str) -> dict:
    """三（三）、三（四）'s condition verdicts on the facts the message states (「连续两年都拿到了新的软件著作权」)."""
    from bot.understand.facts import read_facts
    from knowledge import conditions

    return conditions.evaluate_all(read_facts(text), ["3.3", "3.4"])


def _asked_total(text: str, asked: set, amounts: dict, lines: list) -> str:
    """The items the sum question names, added up; the awards the user stated and did not ask about are the base of
    三（三） only (bot/estimate/asked_awards.py), and the year's whole is held to 第四条第（三）项."""
    cap = figure("4.3", "annual_total_cap_cny")
    order = [c for c in amounts if c in asked]
    total = sum(amounts[c] for c in order)
    named = "、".join(NAMES.get(c, c) for c in order)
    stated = [c for c in amounts if c not in asked]
    whole = sum(amounts.values())
    tail = []
    if stated:
        kept = "、".join(NAMES.get(c, c) for c in stated)
        tail.append(
            f"您说的{kept}是您已知的金额，只作为创新发展奖励的基数核对，不计入上面的合计；"
            f"连同它们全年共{money(whole)}，{'超过' if whole > cap else '未超过'}单个企业年度总额上限{wan(cap)}"
            "（依据第四条第（三）项）。"
        )
    return "\n".join(
        ["按您给出的奖励金额和情况核对（增量、离岸等金额为您提供的，未重新测算业务数据）："]
        + [f"· {line}" for line in lines]
        + [f"您问的{named}合计{money(total)}。"]
        + tail
        + ["各项仍须分别满足其条件；最终以市商务局会同市财政局审核认定为准。"]
    )


def joint(text: str, figs: Optional[list] = None) -> tuple:
    """({"3.1": amount, "3.2": amount}, the amount's figure or None) of 三（一） and 三（二） named together with one
    amount each (「假设一二两项都顶格拿200万」「增量和离岸奖励各拿150万」), or with a maxed word and no amount (each
    one's ceiling, 「三（一）三（二）都拿满」); ({}, None) when the message names them no such way. A dollar amount is
    business, never an award."""
    words = estimate_words()["stated_awards"]
    m = re.search(f"({words['first_two']}){words['each']}", text)
    if not m:
        return {}, None
    figs = figures(text) if figs is None else figs
    after = [f for f in figs if f.kind == "money" and f.value is not None and 0 <= f.start - m.end() <= 4]
    said = text[m.start() : after[0].start] if after else text[m.start() : m.end() + 8]
    if not re.search(words["award_cue"], said):
        return {}, None  # 「增量和离岸各200万 能拿多少」: business amounts, not awards
    if after and re.match(r"\s*(和|与|、|及|跟|,|，)\s*\d", text[after[0].end :]):
        return {}, None  # 「各200万和100万」: two amounts, each its own
    if after and after[0].currency in (None, "CNY"):
        return {"3.1": after[0].value, "3.2": after[0].value}, after[0]
    tail = text[m.start() : m.end() + 6]
    if not after and any(w in tail for w in words["maxed"]):
        return {code: _ceiling(code)[0] for code in ("3.1", "3.2")}, None
    return {}, None
