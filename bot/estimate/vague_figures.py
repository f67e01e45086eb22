"""Amounts of money said only roughly: 「小两百万」「一百来万」「大几十万」「两百多万」「将近两百万」「一两百万」.

Such a form gives no single number, so it is never an input of the estimate: the figure reader's number inside
it (「小两百万」 → 200万) is set aside, and when the estimate still needs that amount the question for it names what
was said (「…「小两百万」是个大概的数…请告诉我具体金额」). One exact number with a hedge word (「大概200万」「200万
左右」「差不多200万」) is the user's figure and is used as told. The word lists and the rule are in
knowledge/data/vague_figures.yml.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from decimal import Decimal
from typing import List, Optional

import yaml

from bot.estimate.reading import alternation as _alt

WORDS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "vague_figures.yml"

_DIGITS = "0-9一二两三四五六七八九"
_NUMERAL = rf"[{_DIGITS}十][{_DIGITS}零十百千.,]*"  # 两百, 1000, 一百二十 (without 万/亿)
_MAG = r"(?:万|亿|w|W)"
_NOT_MONEY_AFTER = re.compile(
    r"(?:多)?(?:个|人|名|位|家|项|场|次|平(?![台均时安常衡行方面])|年|天|月|件|套|台|%|倍|户|笔|份|张)"
)


@dataclass(frozen=True)
class Vague:
    """One rough amount: where it stands in the text and the words as said."""

    start: int
    end: int
    raw: str


@lru_cache(maxsize=1)
def vague_words() -> dict:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _pattern() -> "re.Pattern":
    w = vague_words()
    cur = rf"(?:\s*(?:{_alt(w['currencies'])}))?"
    body = rf"{_NUMERAL}{_MAG}?"  # 两百万, 200万, 两万
    forms = [
        # 小两百万, 将近两百万, 快200万美元
        rf"(?P<pre>{_alt(w['prefixes'])})\s*(?:{body}(?:[来多余])?{_MAG}?|(?:{_alt(w['ranges']['some'])})[十百千]*{_MAG}?)",
        # 一百来万, 两百多万, 100余万, 两万多, 百把万
        rf"(?:{_NUMERAL}|[百千])(?:来|把)(?=[十百千万亿块元])[十百千]*{_MAG}?|{body}(?:多(?!少)|余){_MAG}?",
        # 二十几万, 一百几十万, 九十几万美元
        rf"{_NUMERAL}几[十百千]*{_MAG}?",
        # 一两百万, 三五十万, 十几万, 几十万, 大几十万
        rf"(?:大|小|好)?(?:{_alt(w['ranges']['pairs'])})[十百千]+{_MAG}?|(?:{_alt(w['ranges']['pairs'])}){_MAG}"
        rf"|(?:{_alt(w['ranges']['some'])})[十百千]*{_MAG}?",
        # 一百万出头, 两百万不到
        rf"{_NUMERAL}{_MAG}{cur}(?:{_alt(w['tails'])})",
    ]
    return re.compile(rf"(?<![{_DIGITS}零十百千万.])(?:{'|'.join(f'(?:{f})' for f in forms)}){cur}")


def _is_money(text: str, m: "re.Match") -> bool:
    """Money: a 万/亿 in it or a currency word after the numeral, and no count or area unit after it."""
    said = m.group(0)
    if _NOT_MONEY_AFTER.match(text, m.end()):
        return False
    w = vague_words()
    return bool(re.search(rf"[万亿wW]|{_alt(w['currencies'])}", said))


def _blocked(text: str, m: "re.Match") -> bool:
    """「最近两百万」「附近」: 近 is part of another word; 「很快两百万」 is no 快 of a figure."""
    pre = m.group("pre")
    before = text[max(0, m.start() - 1) : m.start()]
    if pre == "近" and before and before in vague_words()["near_blocked_before"]:
        return True
    return pre == "快" and before in ("很", "赶", "尽", "加", "飞")


def find(text: str) -> List[Vague]:
    """Every rough amount of money in `text`, in order."""
    out = []
    for m in _pattern().finditer(text or ""):
        if _blocked(text, m) or not _is_money(text, m):
            continue
        out.append(Vague(m.start(), m.end(), m.group(0).strip()))
    return out


_PEOPLE_AFTER = re.compile(r"(?:多)?(?:个|名|位|人)")


def people_counts(text: str) -> List[Vague]:
    """Every rough number of people in `text` (「20几个项目经理」「十几名骨干」「将近30人」「二三十位」): no single
    number, so never a head count; a unit of people (个/名/位/人) right after it."""
    out = []
    for m in _pattern().finditer(text or ""):
        if _blocked(text, m) or re.search(r"[万亿wW]", m.group(0)) or not _PEOPLE_AFTER.match(text, m.end()):
            continue
        end = _PEOPLE_AFTER.match(text, m.end()).end()
        out.append(Vague(m.start(), end, text[m.start() : end].strip()))
    return out


def hedged(f) -> bool:
    """Whether figure `f` is one exact figure with a hedge word (「180万美元左右」「大约200万」): the user's figure as
    told (vague_figures.yml hedges), not a limit quoted (以上/超过/最高)."""
    return getattr(f, "bound", None) in vague_words()["hedges"]


@lru_cache(maxsize=1)
def _more_than_pattern() -> "re.Pattern":
    after = [w for w in vague_words()["lower_bounds"]["after"] if w != "多"]
    return re.compile(rf"({_NUMERAL})\s*([万wW])?\s*(?:多(?!少)|{_alt(after)})\s*([万wW])?\s*(?:元|块钱|块|人民币)?")


def more_than(v: Vague) -> Optional[Decimal]:
    """The amount a rough 「3万多」「3w多」「30多万」「100余万」「3000多元」「3万出头」 is more than (3万, 30万 …): a
    lower bound (vague_figures.yml lower_bounds), never a figure to compute with; None for other rough forms
    (「十几万」「小两百万」「两万不到」) or two magnitudes."""
    from calculator.figures_zh import parse_number

    m = _more_than_pattern().fullmatch(v.raw)
    if not m or (m.group(2) and m.group(3)):
        return None
    number = parse_number(m.group(1))
    if number is None or number <= 0:
        return None
    return Decimal(number) * (10000 if (m.group(2) or m.group(3)) else 1)


def is_input(text: str, v: Vague) -> bool:
    """Whether the rough amount tells a figure of the user's (not a guess at the award: 「是不是两百多万」)."""
    lead = re.split(r"[，,。；;！!？?\s]", text[max(0, v.start - 10) : v.start])[-1]
    guess = rf"(?:{_alt(vague_words()['not_inputs'])})(?:[有是就也才得到了]|大概|差不多|大约)*\s*$"
    return re.search(guess, lead) is None


def lead_of(text: str, v: Vague) -> str:
    """The words before the rough amount that say what it is (「硬件设备投了」), up to a break or another figure."""
    lead = re.split(r"[，,。；;！!？?\s]", text[max(0, v.start - 12) : v.start])[-1]
    return re.sub(r"^(我们|咱们|我司|我|咱|公司|那个|就是)+", "", re.split(r"[0-9]", lead)[-1])


def describe(text: str, v: Vague) -> str:
    """The rough amount with the words that say what it is: 硬件设备投了「小两百万」."""
    return f"{lead_of(text, v)}「{v.raw}」"


def question(said: List[str]) -> str:
    """What the estimate says before asking for the exact amounts: each rough amount named as said."""
    return (
        f"您说的{'、'.join(said)}是个大概的数，奖励要按具体金额计算，我不按估计的数字测算"
        "（也不替您取整或拆分）。请告诉我具体金额（以合同、发票或账面数为准）。"
    )
