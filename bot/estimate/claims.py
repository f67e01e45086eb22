"""Awards the user worked out and asks to have checked: 「…年租金150万。我算的租金45万、实习60万，总共105万对不对」.

A figure the user gives as an award is a claim, not a business amount: the estimate is made from the
business figures of the message, and each claim is then compared with it (the clause's computed amount,
the total). Which figures are claims is read from the words before each one (estimate_words.yml ``claims``):
after an opener (「我算的」) an amount named by an award name, an award verb (「补7万」) or a total word
is a claim; an amount in brackets (「CMMI 35万(认证费50万)」) or after a cost word (「花了10万」「每人5万」)
is a business figure. With no opener, only a check word (「对吗」), a full award name or an award verb makes
a claim. Claims are checked only when business figures remain; a message of awards alone (「增量奖励45万
离岸奖励120万 创新奖励多少」) keeps them as the awards (bot/estimate/stated_awards.py, 三（三）'s base).
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import List, Optional

from bot.estimate.reading import alternation, estimate_words, wan

BREAK = "，。；,;！!？?、:：\n"
# 「帮我算下」: a request before 我算, not the user's result
REQUEST_BEFORE = re.compile(r"(帮|给|替|请|麻烦|劳驾)\s*$")
PER_UNIT_AFTER = re.compile(r"^\s*[/每一](人|场|个|项|家|次|名)")


@dataclass(frozen=True)
class Claim:
    value: Decimal
    start: int
    code: Optional[str] = None  # the clause the award is of; None for a total of several
    total: bool = False  # 「总共495万」
    each: bool = False  # 「每场补3.5万」「补2.5万一人」: one unit's, not the item's
    also: tuple = ()  # where other figures of the same guess begin (「12个人×2.5万=30万」: the 30万)

    def as_json(self) -> dict:
        return {"value": str(self.value), "code": self.code, "total": self.total, "each": self.each}


def _words(key: str) -> list:
    return sorted(estimate_words()["claims"][key], key=len, reverse=True)


@lru_cache(maxsize=1)
def _names():
    """(strict pattern, loose pattern, code of a lower-cased name)."""
    awards = estimate_words()["stated_awards"]
    strict = {str(n).lower(): str(c) for c, ns in awards["names"].items() for n in ns}
    loose = {str(n).lower(): str(c) for c, ns in (awards.get("loose_names") or {}).items() for n in ns}
    code = {**loose, **strict}
    return re.compile(alternation(strict), re.I), re.compile(alternation(loose), re.I), code


def _region(text: str):
    """(start, loose): where the user's own results begin and whether short names and totals name them
    there; None when the message neither says it holds the user's results nor asks to check them."""
    for opener in re.finditer(alternation(_words("openers")), text):
        if REQUEST_BEFORE.search(text[: opener.start()]):
            continue  # 「帮我算下」「麻烦给我们算了看看」: asks the bot to work it out, no result of the user's
        return opener.end(), True
    if re.search(alternation(_words("check_asks")), text):
        return 0, False
    return None


def _in_brackets(text: str, start: int, pos: int) -> bool:
    before = text[start:pos]
    return max(before.rfind("("), before.rfind("（")) > max(before.rfind(")"), before.rfind("）"))


def _lead(text: str, pos: int, figs) -> str:
    """The words before the figure at `pos`, back to the previous amount or a break (at most 16 characters;
    「增量奖励我算的150万」 names the award before the opener)."""
    ends = [f.end for f in figs if f.kind == "money" and f.end <= pos]
    begin = max([0, pos - 16] + ends)
    lead = text[begin:pos]
    cut = max(lead.rfind(c) for c in BREAK + "()（）")
    return lead[cut + 1 :]


def _last_code(text: str, start: int, pos: int) -> Optional[str]:
    strict, loose, code = _names()
    found = [m for p in (strict, loose) for m in p.finditer(text, start, pos)]
    return code[max(found, key=lambda m: m.start()).group(0).lower()] if found else None


def _rate_result(lead: str) -> bool:
    """「增量8000万 3%是240万吧」「10%=92万」: an amount right after a percentage and 是/=/等于 is what the user worked
    out with that rate (a result to check, never a business amount); 「占60%是…」 names a share, not a result."""
    words = estimate_words()["claims"]["rate_results"]
    m = re.search(rf"[0-9０-９]\s*[%％]\s*(?:{alternation(words['links'])})\s*$", lead)
    return m is not None and not re.search(alternation(words["shares"]), lead[: m.start()])


TIMES = r"[×xX*✕]"


def _award_result(lead: str) -> Optional[Decimal]:
    """「补贴是不是 25×3.5万」「能补的应该是4万吧」: an amount right after an award word and a link (estimate_words.yml
    claims award_results) is the user's guess at the award; the count it is multiplied by (25), or 1; None when the
    words before the amount are no such guess."""
    words = estimate_words()["claims"]["award_results"]
    m = re.search(
        rf"(?:{alternation(words['nouns'])})(?:的)?\s*(?:{alternation(words['links'])})\s*"
        rf"(?:(?P<n>\d+)\s*(?:个人|个|人|名|位)?\s*{TIMES}\s*)?$",
        lead,
    )
    if m is None or re.search(alternation(words["past"]), lead):
        return None
    return Decimal(m.group("n")) if m.group("n") else Decimal(1)


def find(text: str, figs) -> List[Claim]:
    """The user's own award results among the money figures `figs` of `text`, in order."""
    region = _region(text)
    if region is None:
        results = [
            f
            for f in figs
            if f.kind == "money"
            and f.value is not None
            and (_rate_result(_lead(text, f.start, figs)) or _award_result(_lead(text, f.start, figs)) is not None)
        ]
        if not results:
            return []
        region = (0, False)
    start, loose_ok = region
    strict, loose, code_of = _names()
    verbs = alternation(estimate_words()["stated_awards"]["award_verbs"])
    costs, totals = alternation(_words("cost_words")), alternation(_words("totals"))
    out = []
    taken = set()
    for f in figs:
        if f.kind != "money" or f.value is None or f.start < start or f.currency not in (None, "CNY"):
            continue
        if f.start in taken:
            continue
        times = _times_next(text, f, figs)
        if times is not None and _award_result(_lead(text, f.start, figs)) is not None:
            # 「补贴应该是10×2万」: the count typed as a bare number, then the amount each: one guess, 10 × 2万
            taken.add(times.start)
            code = _last_code(text, 0, f.start)
            result = _equals_next(text, times, figs)
            also = (result.start,) if result else ()
            taken.update(also)
            value = result.value if result else f.value * times.value
            out.append(Claim(value, times.start, code, total=code is None, also=also))
            continue
        if _quotes_rule(text, f):
            continue  # 「超了500万的话」: the policy's limit, said back
        if _in_brackets(text, start, f.start):
            continue  # 「CMMI 35万(认证费50万的70%)」: what the result was worked out from
        lead = _lead(text, f.start, figs)
        value = _scaled(text, f, figs)
        if out and re.fullmatch(r"\s*[+＋]\s*", lead) and out[-1].start == _previous_start(f, figs):
            out.append(Claim(value, f.start, out[-1].code))  # 「240+90万」: the second of a sum of results
            continue
        each = bool(re.search("每", lead) or PER_UNIT_AFTER.search(text[f.end : f.end + 3]))
        times = _award_result(lead)
        if _rate_result(lead):
            code = _last_code(text, 0, f.start)
            out.append(Claim(value, f.start, code, total=code is None))
        elif times is not None:  # 「补贴是不是 25×3.5万」: the item's award as the user works it out
            code = _last_code(text, 0, f.start)
            result = _equals_next(text, f, figs)  # 「12个人×2.5万=30万」: the user's result of it
            also = (result.start,) if result else ()
            taken.update(also)
            value = result.value if result else value * times
            out.append(Claim(value, f.start, code, total=code is None, each=each and times == 1, also=also))
        elif re.search(rf"({verbs})\s*$", lead):
            out.append(Claim(value, f.start, _last_code(text, start, f.start), each=each))
        elif re.search(
            rf"(?:{alternation(_words('openers'))})(?:的|出来|下来|了)?\s*(?:是|为|有|得|就是|应该是|大概是)?\s*$", lead
        ):
            # 「增量奖励算下来多少 我算是240万对吧」: the amount right after the opener is the user's result, of the award
            # named last before it (or of all of them)
            code = _last_code(text, 0, f.start)
            out.append(Claim(value, f.start, code, total=code is None, each=each))
        elif loose_ok and re.search(rf"({totals})\s*(是|为|约|大概|大约|有)?\s*$", lead):
            out.append(Claim(f.value, f.start, total=True))
        elif re.search(costs, lead):
            continue
        elif (m := strict.search(lead) or (loose.search(lead) if loose_ok else None)) is not None:
            code = code_of[m.group(0).lower()]
            plus = re.search(r"(\d+(?:\.\d+)?)\s*[+＋]\s*$", lead)  # 「平台240+150万」: 240万 and 150万
            if plus:
                unit = f.value / Decimal(re.search(r"\d+(?:\.\d+)?", f.raw).group(0))
                out.append(Claim(Decimal(plus.group(1)) * unit, f.start - 1, code, each=each))
            out.append(Claim(value, f.start, code, each=each))
    return out


def _equals_next(text: str, f, figs):
    """The money figure right after `f` and an equals sign (「2.5万=30万」: 30万), or None."""
    for g in figs:
        if g.kind == "money" and g.value is not None and g.start > f.end:
            return g if re.fullmatch(r"\s*(?:[=＝]|等于)\s*", text[f.end : g.start]) else None
    return None


def _times_next(text: str, f, figs):
    """The money figure right after `f` and a times sign (「10×2万」: 2万), or None."""
    for g in figs:
        if g.kind == "money" and g.value is not None and g.start > f.end:
            return g if re.fullmatch(rf"\s*{TIMES}\s*", text[f.end : g.start]) else None
    return None


def _quotes_rule(text: str, f) -> bool:
    """「会不会被500万那个封顶卡住」「超了500万的话」: a limit of the policy said back, no amount of the user's."""
    words = estimate_words()["claims"]["rule_words"]
    before, after = text[max(0, f.start - 4) : f.start], text[f.end : f.end + 4]
    return bool(
        re.search(rf"({alternation(words['before'])})\s*$", before)
        or re.match(rf"\s*({alternation(words['after'])})", after)
    )


def _previous_start(f, figs) -> int:
    before = [g.start for g in figs if g.kind == "money" and g.end <= f.start]
    return max(before, default=-1)


def _scaled(text: str, f, figs) -> Decimal:
    """「240+90万」: a bare number added to an amount in 万 is in 万 too."""
    if not re.fullmatch(r"\d+(\.\d+)?", f.raw.strip()):
        return f.value
    nxt = [g for g in figs if g.kind == "money" and g.start > f.start and g.value is not None]
    if not nxt or not re.fullmatch(r"\s*[+＋]\s*", text[f.end : nxt[0].start]):
        return f.value
    numeral = re.search(r"\d+(?:\.\d+)?", nxt[0].raw)
    return f.value * (nxt[0].value / Decimal(numeral.group(0))) if numeral else f.value


def checked(text: str, figs) -> List[Claim]:
    """The claims of `text` when it also gives business figures to estimate from (else [])."""
    found = find(text, figs)
    starts = {c.start for c in found}
    business = [
        f
        for f in figs
        if f.kind == "money" and f.value is not None and f.start not in starts and not _quotes_rule(text, f)
    ]
    return found if found and business else []


def _claimed(claims: List[dict]):
    """({clause: the amount the user said for it}, the total the user said or None). A total that follows
    results of one clause and is not the last is that clause's (「…合计77万；培训…共55万。两项合计132万」)."""
    per_code, total, group = {}, None, []
    last_total = max([i for i, c in enumerate(claims) if c["total"]], default=-1)
    for i, c in enumerate(claims):
        if not c["total"]:
            group.append(c)
            continue
        codes = {g["code"] for g in group}
        if i != last_total and len(codes) == 1 and None not in codes:
            per_code[codes.pop()] = Decimal(c["value"])
        else:
            total = Decimal(c["value"])
        group = []
    sums, each = {}, set()
    for c in claims:
        if c["total"] or c["code"] is None or c["code"] in per_code:
            continue
        if c["each"]:
            each.add(c["code"])  # 「每场补3.5万」 with no subtotal: not the clause's amount
        sums[c["code"]] = sums.get(c["code"], Decimal(0)) + Decimal(c["value"])
    per_code.update({code: value for code, value in sums.items() if code not in each})
    return per_code, total


def compare(claims: List[dict], result: dict) -> str:
    """Lines naming each of the user's results beside the estimate, and where they differ ('' when none)."""
    from bot.estimate.explain import money
    from bot.estimate.items import NAMES

    if not claims:
        return ""
    per_code, total = _claimed(claims)
    computed, capped = {}, set()
    for item in result.get("items", []):
        code = str(item["code"]).rstrip("ab")
        computed[code] = computed.get(code, Decimal(0)) + Decimal(str(item["amount_cny"] if item["qualified"] else 0))
        if item.get("capped") and "单项上限" in str(item.get("explanation", "")):
            capped.add(code)
    lines = []
    for code, value in per_code.items():
        if code not in computed:
            continue
        line = _line(NAMES.get(code, code), value, computed[code], money)
        if code in capped and value > computed[code]:  # 「3%是240万吧」: the rate's result is above the item's cap
            line += f"按比例算出的数超过该项单个企业年度最高{wan(computed[code])}的上限，按最高额计。"
        lines.append(line)
    if total is not None and (len(computed) > 1 or not lines):
        lines.append(_line("合计", total, Decimal(str(result.get("total_cny", 0))), money))
    if not lines:
        return ""
    return "\n".join(["核对您算的数字（按您给的业务数据重新测算，不以您算的金额为依据）："] + lines)


def _line(name: str, said: Decimal, computed: Decimal, money) -> str:
    if said == computed:
        return f"· {name}：您算的{wan(said)}与测算一致。"
    return f"· {name}：您算的是{wan(said)}，按政策测算应为{money(computed)}，与您的数字不同。"
