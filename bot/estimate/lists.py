"""Lists and pairs of figures as the user typed them: each figure with the words typed next to it.

「今年：CMMI3级新认证费18万、ISO27001新认证7万、ISO20000维护费3万、ITSS认证5万」 is one list of four entries, each a
label (「ISO20000维护费」) and its figure (3万); 「张经理（本科 项目经理）2万，李总监（硕士 项目总监）8万，…」 one list whose
header (「公司送了3个中高级人才去做涉外业务培训」) says what every entry is; 「去年和今年离岸执行额分别是80万美元、150万美元」
a pair whose years are named, in order, before 分别.

A figure's role is read from its own entry and its list, never from its place among all the message's figures:
a name the reader does not know is kept as typed, and no entry is dropped or shifted onto its neighbour.
Plain Python; the words are knowledge/data/estimate_words.yml (`lists`, `years`).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from bot.estimate.reading import YEAR_CUR, YEAR_PREV, alternation, estimate_words
from bot.estimate.year_label import numbered_year_roles

OPEN, CLOSE = "（(【[", "）)】]"
ITEM_SEPARATORS = "、，, \t"
LIST_ENDS = "。；;！!？?\n"


@lru_cache(maxsize=1)
def _words() -> dict:
    return estimate_words()["lists"]


@lru_cache(maxsize=1)
def _patterns() -> dict:
    w = _words()
    return {
        # what ends a list's header and opens its entries: 「投入：」「分别是」
        "header_end": re.compile(rf"[：:]|(?:{alternation(w['respective'])})"),
        # a word opening a new statement: its figure starts another list (「另外培训费3万」)
        "opens": re.compile(rf"^(?:{alternation(w['opens'])})"),
        # what joins two entries besides a separator (「硬件300万和软件100万」)
        "joins": re.compile(rf"^\s*(?:{alternation(w['joins'])})?\s*"),
        # words after a figure that still belong to its entry (「3万左右」「18万的」)
        "tail": re.compile(rf"^(?:{alternation(w['tails'])})?"),
    }


@dataclass(frozen=True)
class Entry:
    """One figure of a list and the words typed before it, back to the previous entry (or the header)."""

    figure: object  # calculator.figures_zh.Figure
    label: str  # 「李总监（硕士 项目总监）」「ISO20000维护费」; "" with nothing before it (「80万美元、150万美元」)
    start: int  # where the label starts in the text

    @property
    def lead(self) -> str:
        """The label's last chunk (after its last separator outside brackets): the words right before the figure."""
        label = self.label
        return label[_label_start(label, 0, len(label), _depths(label)) :].strip()


@dataclass(frozen=True)
class FigureList:
    """Entries typed one after another, separated by 、，or spaces, with the words before the first (its header)."""

    header: str
    header_start: int
    entries: Tuple[Entry, ...]

    def holds(self, f) -> bool:
        return any(e.figure is f or e.figure.start == f.start for e in self.entries)

    def entry_of(self, f) -> Optional[Entry]:
        return next((e for e in self.entries if e.figure is f or e.figure.start == f.start), None)

    @property
    def text(self) -> str:
        """The header and every entry's label, as typed (for the words that say what the list is about)."""
        return self.header + " " + " ".join(e.label for e in self.entries)


def _depths(text: str) -> List[int]:
    """The bracket depth at each position of `text` (an aside in brackets keeps its spaces and commas)."""
    depth, out = 0, []
    for ch in text:
        if ch in OPEN:
            depth += 1
        out.append(depth)
        if ch in CLOSE and depth:
            depth -= 1
    return out


def _last_outside(text: str, chars: str, lo: int, hi: int, depth: List[int]) -> int:
    """The index after the last of `chars` outside brackets in text[lo:hi], or lo when there is none."""
    for i in range(hi - 1, lo - 1, -1):
        if text[i] in chars and depth[i] == 0:
            return i + 1
    return lo


CJK = re.compile(r"[\u4e00-\u9fff]")


def _label_start(text: str, lo: int, pos: int, depth: List[int]) -> int:
    """Where the words naming the figure at `pos` begin (not before `lo`): the chunk right before it, back to a separator
    outside brackets; an aside in brackets stays with the words before it (「李总监 （硕士 项目总监） 8万」) and a Latin
    name before a space is part of it (「ITSS 5万」「PCMM 2级 6万」)."""
    spans, start = [], lo
    for i in range(lo, pos):
        if text[i] in ITEM_SEPARATORS and depth[i] == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, pos))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    merged: List[Tuple[int, int]] = []
    for a, b in spans:
        if merged and text[a] in OPEN:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if not merged:
        return pos
    at = len(merged) - 1
    while at > 0 and not CJK.search(text[merged[at - 1][0] : merged[at - 1][1]]):
        at -= 1
    return merged[at][0]


def figure_lists(text: str, figs, kinds=("money",)) -> List[FigureList]:
    """Every list of figures of `kinds` in `text` (normalised), singletons included, in order: an entry joins the
    list before it when only a separator (or 和/及 …) and its own label stand between them; any other words between
    (「…30万 没拿过 另一个是公共培训服务平台 采购设备软件200万」) start another list, those words its header."""
    p = _patterns()
    depth = _depths(text)
    figs = sorted((f for f in figs if f.kind in kinds), key=lambda f: f.start)
    lists: List[FigureList] = []
    current: List[Entry] = []
    header, header_start = "", 0
    prev_end = None  # where the previous entry (its figure and tail) ends

    def close():
        if current:
            lists.append(FigureList(header, header_start, tuple(current)))

    colon_opened = False  # 「…：甲（…）5万；乙（…）3万；丙…」: a list a colon opens goes on through its semicolons
    for f in figs:
        sentence = _last_outside(text, LIST_ENDS, 0, f.start, depth)
        ends = LIST_ENDS.replace("；", "").replace(";", "") if colon_opened else LIST_ENDS
        joined = False
        if prev_end is not None and prev_end >= _last_outside(text, ends, 0, f.start, depth):
            between = text[prev_end : f.start]
            seps = ITEM_SEPARATORS + ("；;" if colon_opened else "")
            sep = re.match(rf"[{re.escape(seps)}]+", between)
            rest_at = prev_end + (sep.end() if sep else 0)
            glue = p["joins"].match(text, rest_at, f.start)
            label_at = glue.end() if glue else rest_at
            label = text[label_at : f.start]
            joined = (
                bool(sep or (glue and glue.group(0).strip()))
                and _label_start(text, label_at, f.start, depth) == label_at
                and not p["opens"].match(label)
                and not p["header_end"].search(_outside_text(label))
            )
        if joined:
            current.append(Entry(f, label.strip(), label_at))
        else:
            close()
            current = []
            lo = max(sentence, prev_end or 0)
            head_end = max(
                [m.end() for m in p["header_end"].finditer(text, lo, f.start) if depth[m.start()] == 0] or [-1]
            )
            start = head_end if head_end >= 0 else _label_start(text, lo, f.start, depth)
            colon_opened = head_end >= 0 and text[head_end - 1] in "：:"
            header_start = lo
            header = text[lo:start].strip(ITEM_SEPARATORS + "：:")
            current.append(Entry(f, text[start : f.start].strip(), start))
        tail = p["tail"].match(text, f.end)
        prev_end = tail.end() if tail else f.end
        if prev_end < len(text) and text[prev_end] in OPEN:  # 「2万（含税）」: an aside after the figure is its own
            close_at = _aside_end(text, prev_end)
            prev_end = close_at if close_at else prev_end
    close()
    return lists


def _outside_text(text: str) -> str:
    """`text` with what stands in brackets blanked (an aside's colon opens no list)."""
    depth = _depths(text)
    return "".join(" " if depth[i] else ch for i, ch in enumerate(text))


def _aside_end(text: str, at: int) -> Optional[int]:
    depth = 0
    for i in range(at, min(len(text), at + 40)):
        if text[i] in OPEN:
            depth += 1
        elif text[i] in CLOSE:
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def list_of(lists: List[FigureList], f) -> Optional[FigureList]:
    """The list that holds figure `f`, or None."""
    return next((lst for lst in lists if lst.holds(f)), None)


def siblings(lists: List[FigureList], f) -> List[Entry]:
    """The other entries of the list that holds `f` (none when it stands alone)."""
    lst = list_of(lists, f)
    return [e for e in lst.entries if e.figure.start != f.start] if lst else []


# -- pairs said 分别, by year ------------------------------------------------------------------------------


def _relative_year(word: str) -> Optional[str]:
    if re.fullmatch(YEAR_PREV, word):
        return "previous"
    if re.fullmatch(YEAR_CUR, word):
        return "current"
    return None


def respective_order(text: str) -> Tuple[Optional[tuple], int]:
    """The order of the two years named before 分别 (「22年和23年…分别」「去年和今年…分别」, or 「两年分别… 前一个是去年的」),
    as ("previous", "current") or the other way round, and where the words naming them end; (None, 0) when no such
    pair is said."""
    token = rf"((?:20)?\d{{2}}年?|{YEAR_PREV}|{YEAR_CUR})"
    respective = alternation(_words()["respective"])
    pair = re.search(rf"{token}\s*(和|跟|与|、|及|到|至)\s*{token}[^，。；,;\d]{{0,10}}(?:{respective})", text)
    if pair:
        a, b = pair.group(1), pair.group(3)
        digits = [re.match(r"(?:20)?(\d{2})", y) for y in (a, b)]
        if all(digits):
            ya, yb = (int(d.group(1)) for d in digits)
            order = ("previous", "current") if yb == ya + 1 else ("current", "previous") if ya == yb + 1 else None
        else:
            ra, rb = _relative_year(a), _relative_year(b)
            order = (ra, rb) if {ra, rb} == {"previous", "current"} else None
        return order, pair.end()
    two = re.search(rf"(两年|这两年|两个年度)[^，。；,;\d]{{0,10}}(?:{respective})", text)
    if not two:
        return None, 0
    cue = re.search(
        rf"(前一个|前者|第一个|前面的?|前边的?|后一个|后者|第二个|后面的?|后边的?)(的)?(是|为)?({YEAR_PREV}|{YEAR_CUR})",
        text,
    )
    if not cue:
        return None, 0
    first = cue.group(1).startswith(("前", "第一"))
    said = _relative_year(cue.group(4))
    other = "current" if said == "previous" else "previous"
    return ((said, other) if first else (other, said)), two.end()


def respective_years(text: str, figs) -> Dict[int, str]:
    """{start of a money figure: "previous" | "current"} for amounts given 分别 for two years in the years' order
    (each later 分别 pair of the message too: 「去年和今年在岸分别是3000万和3600万，离岸分别是120万美元和180万美元」);
    {} when the years' order is not said."""
    order, at = respective_order(text)
    if order is None:
        return {}
    money = sorted((f for f in figs if f.kind == "money"), key=lambda f: f.start)
    respective = alternation(_words()["respective"])
    found: Dict[int, str] = {}
    for at in [at] + [m.end() for m in re.finditer(respective, text) if m.end() > at]:
        after = [f for f in money if f.start >= at]
        if len(after) < 2 or not re.fullmatch(r"\s*(是|为|按)?\s*", text[at : after[0].start]):
            continue
        if not re.fullmatch(r"\s*(和|跟|与|、|,|，|及)?\s*", text[after[0].end : after[1].start]):
            continue
        found.update({after[0].start: order[0], after[1].start: order[1]})
    return found


FROM_TO = re.compile(r"从\s*$")
FROM_TO_BETWEEN = re.compile(
    r"\s*(?:涨到|涨至|增长到|增长至|增加到|增加至|提高到|提升到|升到|升至|上升到|降到|降至|跌到|掉到|减少到|减到|下降到|下滑到|变成|变为|到)\s*"
)


def from_to_years(text: str, figs) -> Dict[int, str]:
    """{start of a money figure: "previous" | "current"} for a change told from one amount to another with no year of
    its own (「国内从500万涨到1200万了」「在岸从3000万降到2800万」): the first is last year's, the second this year's.
    A pair with a year word of its own between them is the other readers' (「从去年500万涨到今年1200万」)."""
    money = sorted((f for f in figs if f.kind == "money" and f.value is not None), key=lambda f: f.start)
    found: Dict[int, str] = {}
    for a, b in zip(money, money[1:]):
        if FROM_TO.search(text[max(0, a.start - 3) : a.start]) and FROM_TO_BETWEEN.fullmatch(text[a.end : b.start]):
            found.update({a.start: "previous", b.start: "current"})
    return found


def years_by_position(text: str, figs) -> Dict[int, str]:
    """{start of a money figure: "previous" | "current"} for two amounts typed side by side whose years are then
    given by their places (「1.75kw 和 1200w 前面那个是今年的 后面那个是去年的」「800万、950万，后者是今年」): the
    words of estimate_words.yml `years_unsaid` (first / second) right before a year word, in the same sentence;
    one place said gives the other the other year. {} when no place is said, or both are said the same year."""
    money = sorted((f for f in figs if f.kind == "money" and f.value is not None), key=lambda f: f.start)
    w = estimate_words()["years_unsaid"]
    years = rf"({YEAR_PREV}|{YEAR_CUR})"
    other = {"previous": "current", "current": "previous"}
    for a, b in zip(money, money[1:]):
        if not re.fullmatch(r"\s*(和|跟|与|、|,|，|及|还有)\s*", text[a.end : b.start]):
            continue
        rest = re.split(r"[。；;！？!?\n]", text[b.end :])[0]
        if re.search(r"\d", rest[:40]):
            rest = rest[: re.search(r"\d", rest).start()]
        said = {}
        for which in ("first", "second"):
            m = re.search(
                rf"({alternation(w[which])})\s*(的|这个|那个)?\s*(数字?|金额|额)?\s*(是|为|算|就是|指|对应)?\s*{years}",
                rest,
            )
            if m:
                said[which] = _relative_year(m.group(m.lastindex))
        if not said or None in said.values():
            continue
        first = said.get("first") or other[said["second"]]
        second = said.get("second") or other[first]
        if first == second:
            continue
        return {a.start: first, b.start: second}
    return {}


def year_roles(text: str, figs) -> Dict[int, str]:
    """{start of each money figure: "previous" | "current"} when its year is said: by a 分别 pair, by two calendar
    years written as numbers (year_label.numbered_year_roles), else by the last year word before it in its sentence
    (「去年离岸80万美元，今年150万美元」); figures with no year said are left out."""
    roles = respective_years(text, figs) or years_by_position(text, figs)
    # 「2025年执行额1800万，2026年2600万」: two calendar years written as numbers, the later the year estimated
    roles = {**numbered_year_roles(text, figs), **roles}
    depth = _depths(text)
    for f in figs:
        if f.kind != "money" or f.start in roles:
            continue
        sentence = _last_outside(text, LIST_ENDS, 0, f.start, depth)
        words = [  # 「今年比去年少了…离岸有200万美元」: a year compared with names no figure
            m
            for m in re.finditer(rf"{YEAR_PREV}|{YEAR_CUR}", text[sentence : f.start])
            if not re.search(r"(比|较|相比|对比|同比)$", text[max(0, sentence + m.start() - 2) : sentence + m.start()])
        ]
        if words:
            role = _relative_year(words[-1].group(0))
            if role:
                roles[f.start] = role
    return roles


def entry_at(lists: List[FigureList], pos: int) -> Optional[Tuple[FigureList, Entry]]:
    """The list and entry whose label covers position `pos` (a word typed as part of an entry), or None."""
    for lst in lists:
        for e in lst.entries:
            if e.start <= pos < e.figure.start:
                return lst, e
    return None


def in_list_about(text: str, pos: int, about: str) -> bool:
    """Whether the word at `pos` labels an entry of a list whose header names `about` (a regex): 「平台 投入：硬件320万
    … 场地房租60万」 — 房租 is one of the platform's costs there, not an item of its own."""
    from bot.estimate.reading import figures

    found = entry_at(figure_lists(text, figures(text)), pos)
    return bool(found) and re.search(about, found[0].header) is not None


# -- pairs said 分别, by name -------------------------------------------------------------------------------


def spell_out_respective(text: str) -> str:
    """「境内展会和境外展会分别花了3万、8万」 → 「境内展会花了3万，境外展会花了8万」: names joined before 分别 (其 and 和/、/与 …)
    given to the figures after it, one each, in order, so that every reader sees each figure with its own name. Only
    when there are as many names as figures, the figures one list; years are paired by `respective_years`."""
    from bot.estimate.reading import figures

    w = _words()
    respective = alternation(w["respective"])
    joins = alternation(w["name_joins"])
    text = _fair_names_to_respective(text, respective, joins)
    out, at = [], 0
    figs = [f for f in figures(text) if f.kind in ("money", "count", "area")]
    for m in re.finditer(rf"(?P<names>[^，。；,;！!？?\n\s:：]+?)(?:{respective})", text):
        names = [n for n in re.split(joins, m.group("names")) if n]
        middle = ""
        if len(names) >= 2 and "的" in names[-1]:  # 「北京展和东京展的展位费」: 的展位费 is said of both
            names[-1], middle = names[-1][: names[-1].rindex("的")], names[-1][names[-1].rindex("的") :]
        after = [f for f in figs if f.start >= m.end()]
        if len(names) < 2 or len(after) < len(names) or m.start() < at:
            continue
        if any(re.search(rf"{YEAR_PREV}|{YEAR_CUR}|\d", n) for n in names):
            continue  # years, counts: read by their own readers
        verb = text[m.end() : after[0].start]
        if not re.fullmatch(r"[^，。；,;！!？?\n\d]{0,4}", verb):
            continue
        listed = after[: len(names)]
        gaps = [text[a.end : b.start] for a, b in zip(listed, listed[1:])]
        if not all(re.fullmatch(rf"\s*(?:[、，,]|{joins})?\s*", g) for g in gaps):
            continue
        if len(after) > len(names) and re.fullmatch(
            rf"\s*(?:[、，,]|{joins})?\s*", text[listed[-1].end : after[len(names)].start]
        ):
            continue  # more figures listed than names: which goes with which is not said
        said = "，".join(_named(f"{n}{middle}{verb}", f.raw) for n, f in zip(names, listed))
        out.append(text[at : m.start("names")] + said)
        at = listed[-1].end
    return "".join(out) + text[at:] if out else text


def _fair_names_to_respective(text: str, respective: str, joins: str) -> str:
    """「日本展和迪拜展都是商务局指定的，分别花了6万和10万」 → 「都是商务局指定的，日本展和迪拜展分别花了6万和10万」: fairs named
    together (each ending in 展/会) at a clause's start, 分别 opening the next clause: the names are put before 分别, the
    clause's other words kept before them."""
    name = r"[^，,。；;！!？?\n\s:：和、与及跟]{1,8}?(?:展会|展|会)"
    pattern = re.compile(
        rf"(?P<names>{name}(?:(?:{joins}){name})+)(?P<rest>[^，,。；;！!？?\n]{{0,16}})[，,]\s*(?P<lead>(?:费用|花费|成本|开销)?)(?P<resp>{respective})"
    )
    m = pattern.search(text)
    if m is None:
        return text
    rest = m.group("rest") + "，" if m.group("rest") else ""
    return text[: m.start()] + rest + m.group("names") + m.group("lead") + m.group("resp") + text[m.end() :]


def _named(words: str, figure: str) -> str:
    """A figure after its name, a space between when both are Latin or digits (「CMMI 18万」: never 「CMMI18万」)."""
    glued = words and figure and words[-1].isascii() and words[-1].isalnum() and figure[0].isascii()
    return f"{words} {figure}" if glued else f"{words}{figure}"
