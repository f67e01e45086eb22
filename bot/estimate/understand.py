"""Read a user's message into calculator inputs: each figure with its unit, currency and role.

Plain Python. A figure's role comes from the words before it (去年/今年, 离岸/在岸, 每场/合计,
境内/境外 …), inherited from earlier in the message when the user leaves it out
("去年在岸2000万元，今年2600万元"). What cannot be read safely is not guessed: it becomes a
`Clarification` that the dialogue asks about ("150万" with no currency; "3场展会花了15万":
每场还是合计?). Assumptions that are safe but worth saying (a cost with no currency is in
元; a total spread evenly over events) become `notes` that the answer restates.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from bot.estimate.items import fair_caps_note
from bot.nlu.normalize import normalize
from knowledge.figures import words as figure_words

SEGMENT = re.compile(r"[，,。；;！!？?\n]+")
YEAR_PREV = r"去年|上年|上一年|前一年|上个年度|上一个年度"
YEAR_CUR = r"今年|本年|这一年|今年度|本年度"
OFFSHORE = r"离岸|境外业务|国际业务|国际服务外包|境外的?执行|国外的?执行|境外合同|对外|境外|国外|海外"
ONSHORE = r"在岸|境内业务|国内业务|境内的?执行|国内的?执行|境内合同|国内合同|境内|国内"
NONE_WORDS = r"没有|没|无|未|不涉及|零"
PER_WORDS = r"每场|每次|每个|每项|每人|人均|平均每|各|分别|单场|一场"
TOTAL_WORDS = r"合计|总共|一共|共计|总计|共花|总费用|加起来|全部|总额|合起来"
FAIR_WORDS = (
    r"展会|参展|展位|布展|博览会|交易会|广交会|服贸会|进博会|展览|招商|经贸交流|活动|"
    r"(?<![发拓进扩施])展(?![示开望现期])"
)
CERT_NAME = re.compile(
    r"(cmmi\s*[1-5]?(级)?|itss\s*[一二三四1-4]?(级)?|pcmm\s*[1-5]?(级)?|sas\s*70|ccrc|iso\s*\d{4,5}|"
    r"信息安全服务资质|能力成熟度|信息技术服务标准)"
)
RATE_HINT = r"汇率|中间价|兑"
WORDS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "estimate_words.yml"
# words that give a money figure to an item other than fairs (a fair's cost never follows them)
OTHER_ITEM_WORDS = (
    r"认证|资质|cmmi|itss|pcmm|ccrc|维护费|培训|项目经理|人才|平台|租金|房租|租赁|离岸|在岸|执行额|"
    r"合同额|营收|业务额|实习|外资|外商投资|硬件|软件"
)
FAIR_SEPARATOR = (
    r"另外?一[场个次]|还有一[场个次]|一[场个次](?=在|是|去)|(?<![第\d])一个(?!月|人)|第[一二三四五六七八九十\d]+[场个]"
)


@lru_cache(maxsize=1)
def estimate_words() -> dict:
    """knowledge/data/estimate_words.yml: places (境内/境外) and what fair costs are called."""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


def english_to_chinese(text: str) -> str:
    """English words of an estimate message in the Chinese the reader knows (estimate_words.yml)."""
    if not re.search(r"[A-Za-z]{3,}", text):
        return text
    glossary = estimate_words().get("english") or {}
    pattern = _english_pattern()
    return pattern.sub(lambda m: glossary[m.group(0).lower()], text)


@lru_cache(maxsize=1)
def _english_pattern():
    words = sorted(estimate_words().get("english") or {}, key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z])", re.I)


def _alternation(words) -> str:
    return "|".join(re.escape(str(w).lower()) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def word_patterns() -> dict:
    """Compiled alternations of estimate_words.yml: domestic, overseas, eligible, not_covered."""
    w = estimate_words()
    return {
        "domestic": re.compile(_alternation(w["places"]["domestic"]), re.I),
        "overseas": re.compile(_alternation(w["places"]["overseas"]), re.I),
        "eligible": re.compile(_alternation(w["fair_costs"]["eligible"]), re.I),
        "not_covered": re.compile(_alternation(w["fair_costs"]["not_covered"]), re.I),
    }


@dataclass
class Clarification:
    """Something the user must settle before the arithmetic: what to ask and what it holds."""

    kind: str  # currency | per_or_total | region | business_kind
    question: str
    data: dict = field(default_factory=dict)


@dataclass
class Reading:
    """What one message says: calculator fields, things to ask, assumptions to restate."""

    fields: Dict[str, object] = field(default_factory=dict)
    clarifications: List[Clarification] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    regions_none: List[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.fields or self.clarifications or self.problems or self.regions_none)


def figures(text: str) -> list:
    """The parser's figures of `text` (calculator.figures_zh)."""
    from calculator.figures_zh import parse_figures

    return parse_figures(text)


def wan(d: Decimal, unit: str = "元") -> str:
    """A figure as people say it: 150万美元, 8,000元."""
    from calculator.text import amount

    return amount(Decimal(d), unit)


def _before(text: str, pos: int, words: str, stop_at: int = 0) -> Optional[str]:
    """The last match of `words` in text[stop_at:pos], or None."""
    last = None
    for m in re.finditer(words, text[stop_at:pos]):
        last = m.group(0)
    return last


def _year_of(text: str, pos: int) -> Optional[str]:
    prev = [m.end() for m in re.finditer(YEAR_PREV, text[:pos])]
    cur = [m.end() for m in re.finditer(YEAR_CUR, text[:pos])]
    if not prev and not cur:
        return None
    return "previous" if (max(prev) if prev else -1) > (max(cur) if cur else -1) else "current"


def _kind_of(text: str, pos: int) -> Optional[str]:
    off = [m.end() for m in re.finditer(OFFSHORE, text[:pos])]
    on = [m.end() for m in re.finditer(ONSHORE, text[:pos])]
    if not off and not on:
        return None
    return "offshore" if (max(off) if off else -1) > (max(on) if on else -1) else "onshore"


def _kind_after(text: str, end: int) -> Optional[str]:
    """On/offshore named right after a figure, as in "150万美元离岸"."""
    m = re.match(rf"[^，。；,;]{{0,2}}({OFFSHORE}|{ONSHORE})", text[end : end + 10])
    if not m or re.match(r"[^，。；,;]{0,3}[0-9一二三四五六七八九十两]", text[end + m.end() : end + m.end() + 4]):
        return None  # "3亿+离岸300万美元": that word names the next figure
    return "offshore" if re.match(OFFSHORE, m.group(1)) else "onshore"


def _with_currency(f, currency: str):
    """The same figure with the currency its parallel figure was said in."""
    from dataclasses import replace

    return replace(f, currency=currency)


def _segments(text: str):
    """(start, end) of each clause of the message."""
    start = 0
    for m in SEGMENT.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _segment_of(spans, pos):
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return 0, 0


class Reader:
    """Reads one message, knowing what the dialogue asked (`pending`) and which items are open."""

    def __init__(self, text: str, pending: Optional[str] = None, items=(), known: Optional[dict] = None):
        self.raw = text or ""
        self.text = english_to_chinese(normalize(self.raw[:2000]))
        self.pending = pending
        self.items = set(items)
        self.known = known or {}
        self.figs = figures(self.text)
        self.spans = list(_segments(self.text))
        self.used = set()
        self.out = Reading()
        for f in self.figs:  # "符合条件的是12个 不是18个": the figure said not to be is the old one
            if re.search(r"(不是|并非|而非)\s*$", self.text[max(0, f.start - 4) : f.start]):
                self.used.add(id(f))

    # -- helpers -----------------------------------------------------------------------
    def _explicit_years(self):
        return [
            (f.start, int(f.value))
            for f in self.figs
            if f.kind == "year" and f.value is not None and 2000 <= int(f.value) <= 2100
        ]

    def _year(self, pos: int) -> Optional[str]:
        """previous / current for a figure at `pos`: the nearest 去年/今年 or explicit year before it."""
        years = self._explicit_years()
        distinct = sorted({y for _, y in years})
        relative = _year_of(self.text, pos)
        explicit = [(p, y) for p, y in years if p < pos]
        rel_pos = max([m.end() for m in re.finditer(YEAR_PREV + "|" + YEAR_CUR, self.text[:pos])] or [-1])
        if explicit and explicit[-1][0] > rel_pos:
            y = explicit[-1][1]
            if len(distinct) >= 2:
                return "current" if y == distinct[-1] else "previous" if y == distinct[-1] - 1 else "other"
            return "current"
        return relative

    # -- helpers (figures) ----------------------------------------------------------------
    def _figs(self, kind):
        return [f for f in self.figs if f.kind == kind and id(f) not in self.used]

    def _use(self, f):
        self.used.add(id(f))

    def has(self, pattern) -> bool:
        return re.search(pattern, self.text) is not None

    def _seg_text(self, f):
        s, e = _segment_of(self.spans, f.start)
        return self.text[s:e]

    def _rd_spend(self):
        """ "研发投入2021年200万 2022年260万 2023年320万": R&D figures decide 持续两年增长, never a business amount."""
        m = re.search(r"研发(投入|费用|经费|支出)?", self.text)
        if not m:
            return
        stop = re.search(
            r"[。；;]|执行额|在岸|离岸|业务|专利|软著|平台|展|培训|认证|境内|国内|境外|国外|营收|合同|奖|增量",
            self.text[m.end() :],
        )
        end = m.end() + (stop.start() if stop else len(self.text) - m.end())
        spend = [f for f in self.figs if f.kind == "money" and m.end() <= f.start < end and id(f) not in self.used]
        for f in spend:
            self._use(f)
        if len(spend) >= 3:
            last = [f.value for f in spend[-3:]]
            self.out.fields["innovation_rd_growth_two_years"] = last[0] < last[1] < last[2]
            self._rd_decided = True
        elif spend:
            self.out.notes.append(
                "研发投入"
                + "、".join(wan(f.value) for f in spend)
                + "只用于判断研发投入是否持续两年增长，不计入业务执行额"
            )

    def _clause_with(self, words: str) -> str:
        """The part of the message about `words`: from the word to the next clause break or figure."""
        m = re.search(words, self.text)
        if not m:
            return ""
        start = max(self.text.rfind(c, 0, m.start()) for c in "，。；,;！!？?\n") + 1
        end_m = re.search(r"[，。；,;！!？?\n]|[0-9]{3,}|执行额|在岸|离岸|但|不过|可是|然而", self.text[m.end() :])
        end = m.end() + (end_m.start() if end_m else len(self.text) - m.end())
        return self.text[start:end]

    def _negative(self, subject: str) -> bool:
        return (
            re.search(
                rf"({NONE_WORDS})[^，。；]{{0,6}}({subject})|({subject})[^，。；]{{0,6}}({NONE_WORDS})", self.text
            )
            is not None
        )

    def _bool_answer(self) -> Optional[bool]:
        t = self.text.strip(" 。.!！~")
        if re.fullmatch(
            r"(是|是的|对|对的|有|有的|嗯|好|确认|没错|正确|符合|满足|已经?(获得|认定|取得)?|yes|y)(的|了|啊|呀)?", t
        ):
            return True
        if re.fullmatch(r"(否|不是|不对|没有|没|无|不|不符合|不满足|还没有?|尚未|未|no|n)(的|了|啊|呀)?", t):
            return False
        if re.search(r"^(不是|没有|还没|尚未|未|不符合|不满足|否)", t):
            return False
        if re.search(r"^(是|有|对|已经|已)", t):
            return True
        return None

    # -- main ------------------------------------------------------------------------------
    def read(self) -> Reading:
        from bot.estimate import clauses

        self._rates()
        for clause in clauses.READ_ORDER:  # each clause's own figures, in the registry's reading order
            if clause.reads_when(self):
                clause.read(self)
        self._flags()
        self._business()
        return self.out

    def _rates(self):
        years = sorted({y for _, y in self._explicit_years()})
        if years:
            self.out.fields["year"] = years[-1]
        for f in self._figs("rate"):
            year = self._year(f.start)
            if year == "other":
                continue
            if self._both_years(f.start):
                self._set_rate("usd_cny_rate", f.value)
                self._set_rate("previous_usd_cny_rate", f.value)
                self._use(f)
                continue
            key = "previous_usd_cny_rate" if year == "previous" else "usd_cny_rate"
            if self.pending == "previous_usd_cny_rate" and year is None:
                key = "previous_usd_cny_rate"
            self._set_rate(key, f.value)
            self._use(f)
        said_rate = self.has(r"汇率|中间价") and not self._figs_used("rate")
        if (self.pending in ("usd_cny_rate", "previous_usd_cny_rate") or said_rate) and not self._figs_used("rate"):
            if self.pending not in ("usd_cny_rate", "previous_usd_cny_rate"):
                self.pending = "previous_usd_cny_rate" if self._year(len(self.text)) == "previous" else "usd_cny_rate"
            for f in self.figs:
                if (
                    f.kind in ("money", "count", "percent")
                    and f.currency is None
                    and id(f) not in self.used
                    and Decimal("0.5") <= f.value <= Decimal("20")
                ):
                    self._set_rate(self.pending, f.value)
                    self._use(f)
                    break
            else:
                whole = re.fullmatch(r"\s*(\d+(\.\d+)?)\s*", self.text)
                said = (
                    [whole]
                    if whole
                    else list(
                        re.finditer(
                            r"(?:按|用|取|是|为)\s*(\d{1,2}(?:\.\d+)?)(?![\d.万千百亿%％年个名人场wWkK])", self.text
                        )
                    )
                )
                for m in said:
                    year = self._year(m.start(1))
                    if self._both_years(m.start(1)):
                        keys = ["usd_cny_rate", "previous_usd_cny_rate"]
                    elif year in ("previous", "current") and len(said) > 1:
                        keys = ["previous_usd_cny_rate" if year == "previous" else "usd_cny_rate"]
                    else:
                        keys = [self.pending]
                    for key in keys:
                        self._set_rate(key, Decimal(m.group(1)))

    def _both_years(self, pos: int) -> bool:
        """ "汇率两年都按7算", "汇率都按7.0": one rate said for both years."""
        before = self.text[max(0, pos - 10) : pos]
        return (
            re.search(r"(两年|两个年度|每年|都|均)[^，,。；;]{0,4}$", before) is not None
            and re.search(r"[0-9]{4}年|今年|去年|上年|本年", before[-5:]) is None
        )

    def _figs_used(self, kind):
        return any(f.kind == kind and id(f) in self.used for f in self.figs)

    def _set_rate(self, key, value):
        value = Decimal(value)
        if not (Decimal("0.5") <= value <= Decimal("20")):
            self.out.problems.append(f"汇率{value}看起来不对：请给出1美元折合多少元人民币的年平均中间价，例如7.05。")
            return
        self.out.fields[key] = value

    # -- business amounts (三.（一）、（二）) ---------------------------------------------------
    def _business(self):
        t = self.text
        if re.search(r"(不是|并非|不算|非)(新增|新成立|新)(的)?企业|不是首年|不是第一年|老企业", t):
            self.out.fields["new_enterprise"] = False
        elif re.search(r"新增企业|新成立|新设立|新注册|首年|第一年|刚成立|今年成立", t):
            self.out.fields["new_enterprise"] = True
        if re.search(rf"({NONE_WORDS})[^，。；]{{0,4}}(离岸|境外业务|国际业务)", t) and not re.search(
            r"离岸[^，。；]{0,8}\d", t
        ):
            pos = re.search(r"离岸|境外业务|国际业务", t).start()
            near = re.search(rf"({YEAR_PREV}|{YEAR_CUR})[^，。；0-9]{{0,4}}$", t[max(0, pos - 10) : pos])
            year = _year_of(t, pos) if near else None  # "没有离岸的" said once covers both years
            keys = {"previous": ["previous_offshore_usd"], "current": ["offshore_usd"]}.get(
                year, ["offshore_usd", "previous_offshore_usd"]
            )
            for k in keys:
                if k == "offshore_usd" and "3.2" not in self.items:
                    continue  # 0 this year only matters to 三（二）; to 三（一） an absent amount counts 0
                self.out.fields.setdefault(k, Decimal(0))
        if re.search(r"(去年|上年|上一年)[^，。；]{0,4}(没有|无|没)(业务|执行额|收入)?$|(去年|上年)(是)?0", t):
            self.out.fields.setdefault("previous_onshore_cny", Decimal(0))
            self.out.fields.setdefault("previous_offshore_usd", Decimal(0))
        moneys = self._figs("money")
        pending_kind = {
            "offshore_usd": ("offshore", "current"),
            "previous_offshore_usd": ("offshore", "previous"),
            "onshore_cny": ("onshore", "current"),
            "previous_onshore_cny": ("onshore", "previous"),
            "rent_contract_amount_cny": ("rent", None),
        }.get(self.pending)
        said_kind = None  # "去年在岸2000万元，今年2600万元": a figure with no kind takes the one before it
        if re.search(r"(都|全|全部|均)(是|为|属于)?(境内|国内|在岸|人民币)", t):
            said_kind = ("onshore", "CNY")  # "…都是境内的": said once for every figure
        elif re.search(r"(都|全|全部|均)(是|为|属于)?(境外|国外|离岸|美元)", t):
            said_kind = ("offshore", "USD")
        unclear = []
        for f in moneys:
            if re.search(RATE_HINT + r"[^，,；;]{0,3}$", t[max(0, f.start - 6) : f.start]) and f.currency is None:
                continue
            if re.search(r"(多了|少了|差了|相差|差|多出|高出)\s*$", t[max(0, f.start - 3) : f.start]):
                continue  # "就比100万多了1美元": a difference, not an amount
            if f.bound in (
                "超过",
                "不低于",
                "不少于",
                "不超过",
                "低于",
                "高于",
                "最高",
                "最多",
                "至少",
                "大于",
                "小于",
                "以上",
                "以下",
                "以内",
                "及以上",
                "及以下",
            ):
                continue  # "加一起肯定超过100万美元了": the policy's threshold quoted, not an amount
            kind = _kind_of(t, f.start) or _kind_after(t, f.end)
            if kind is None and said_kind and (f.currency is None or f.currency == said_kind[1]):
                kind = said_kind[0]
                if f.currency is None and said_kind[1] == "USD":
                    self._use(f)
                    f = _with_currency(f, "USD")
            year = self._year(f.start)
            if year == "other":
                continue
            if self._award_figure(f):
                continue
            if pending_kind and kind is None:
                kind = pending_kind[0]
                year = year or pending_kind[1]
            if kind is None and year and self.known:  # "去年是3900万 记错了": the kind that year was told in
                pre = "previous_" if year == "previous" else ""
                on, off = self.known.get(pre + "onshore_cny"), self.known.get(pre + "offshore_usd")
                if on is not None and not off and f.currency != "USD":
                    kind = "onshore"
                elif off and on is None and f.currency == "USD":
                    kind = "offshore"
            if kind == "rent":
                self.out.fields["rent_contract_amount_cny"] = self._cny(f, "合同执行额")
                self._use(f)
                continue
            if kind is None:
                business = r"执行额|营收|合同额|业务额|业务量|外包业务|离岸|在岸"
                if f.currency == "USD" and (self.items & {"3.1", "3.2", "3.3"} or self.has(business)):
                    kind = "offshore"
                elif f.currency == "CNY" and (self.items & {"3.1", "3.3"} or self.has(business)):
                    kind = "onshore"
                elif (
                    self.has(r"执行额|合同额|业务额|业务量|营收")
                    or self.pending in ("business",)
                    or (self.items & {"3.1", "3.2", "3.3"} and (year or self.has(r"业务|做了")))
                ):
                    unclear.append({"value": str(f.value), "year": year or "current"})
                    self._use(f)
                    continue
                else:
                    continue
            key = ("previous_" if year == "previous" else "") + (
                "offshore_usd" if kind == "offshore" else "onshore_cny"
            )
            seg_start = _segment_of(self.spans, f.start)[0]
            if (
                re.search(
                    r"((去年|上年)[^，。；0-9]{0,3}(今年|本年)|(今年|本年)[^，。；0-9]{0,3}(去年|上年)|两年)"
                    r"[^，。；0-9]{0,8}(都|均)",
                    t[seg_start : f.start],
                )
                and f.currency == "USD"
                and kind == "offshore"
            ):
                self.out.fields.setdefault("previous_offshore_usd", f.value)  # "去年今年离岸都是200万美元"
                key = "offshore_usd"
            elif (
                re.search(
                    r"((去年|上年)[^，。；0-9]{0,3}(今年|本年)|(今年|本年)[^，。；0-9]{0,3}(去年|上年)|两年)"
                    r"[^，。；0-9]{0,8}(都|均)",
                    t[seg_start : f.start],
                )
                and kind == "onshore"
            ):
                self.out.fields.setdefault("previous_onshore_cny", self._cny(f, "在岸执行额"))
                key = "onshore_cny"
            if kind == "offshore":
                if f.currency is None:
                    self.out.clarifications.append(
                        Clarification(
                            "currency",
                            f"离岸执行额{wan(f.value, '')}是美元还是人民币（元）？",
                            {"key": key, "value": str(f.value)},
                        )
                    )
                elif f.currency == "CNY":
                    self.out.clarifications.append(
                        Clarification(
                            "currency",
                            f"离岸执行额按美元计算（第三条第（二）项“以美元计算”）。{wan(f.value)}折合多少美元？",
                            {"key": key, "value": None},
                        )
                    )
                else:
                    self.out.fields[key] = f.value
            else:
                if f.currency == "USD":
                    self.out.clarifications.append(
                        Clarification(
                            "currency",
                            f"在岸执行额按人民币计算，{wan(f.value, '美元')}折合多少元？",
                            {"key": key, "value": None},
                        )
                    )
                else:
                    self.out.fields[key] = self._cny(f, "在岸执行额")
            self._use(f)
            if kind in ("onshore", "offshore") and f.currency:
                said_kind = (kind, f.currency)
            elif kind in ("onshore", "offshore"):
                said_kind = (kind, "CNY" if kind == "onshore" else None)
        if unclear:
            said = "、".join(wan(Decimal(u["value"]), "") for u in unclear)
            self.out.clarifications.append(
                Clarification(
                    "business_kind",
                    f"{said}是在岸（境内，人民币）执行额，还是离岸（境外，美元）执行额？",
                    {"values": unclear, "value": unclear[0]["value"], "year": unclear[0]["year"]},
                )
            )

    def _award_figure(self, f) -> bool:
        """A figure that is an award already worked out ("增量奖励是40万元"), not a business amount."""
        before = self.text[max(0, f.start - 10) : f.start]
        m = re.search(r"(增量|离岸(业务)?|规模)奖励[^，。；]{0,6}$", before)
        if not m:
            return False
        key = "_award_3.1" if m.group(1) in ("增量", "规模") else "_award_3.2"
        self.out.fields[key] = f.value
        self._use(f)
        return True

    def _cny(self, f, what: str) -> Decimal:
        """A yuan amount; a figure with no currency is taken as 元 and said so."""
        if f.currency is None:
            note = "未注明币种的金额均按人民币元理解"
            if note not in self.out.notes:
                self.out.notes.append(note)
        return f.value

    # -- 三.（五） fairs --------------------------------------------------------------------
    def _region(self, s: str) -> Optional[str]:
        """境内 / 境外 from the words or places of `s` (the last one said wins), or None."""
        w = word_patterns()
        d = [m.end() for m in re.finditer(r"境内|国内|省内|市内", s)] + [m.end() for m in w["domestic"].finditer(s)]
        o = [m.end() for m in re.finditer(r"境外|国外|海外|出国|国际展", s)] + [
            m.end() for m in w["overseas"].finditer(s)
        ]
        if not d and not o:
            return None
        return "domestic" if max(d or [-1]) > max(o or [-1]) else "overseas"

    def read_fairs(self):
        if self._fairs_itemised():
            return
        groups = []
        cur = None
        said_region = None
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^，,。；;！!？?\n\s]+", self.text)]
        for s, e in spans:
            seg = self.text[s:e]
            seg_figs = [f for f in self.figs if s <= f.start < e and id(f) not in self.used]
            region = self._region(seg)
            if (
                region
                and re.search(
                    rf"({NONE_WORDS})[^，。；]{{0,4}}(参加|参展|去|展会|活动)|"
                    rf"(境内|国内|境外|国外|海外)[^，。；]{{0,3}}({NONE_WORDS})",
                    seg,
                )
                and not any(f.kind == "money" for f in seg_figs)
            ):
                self.out.regions_none.append(region)
                self.out.fields.setdefault("_fairs_none", [])
                continue
            counts = [
                f for f in seg_figs if f.kind == "count" and re.search(r"场|次|个(展|活动)?", f.unit or f.raw or "")
            ]
            costs = [f for f in seg_figs if f.kind == "money"]
            fairish = (
                re.search(FAIR_WORDS, seg)
                or self.pending == "fairs"
                or (cur is not None and (costs or counts))
                or (counts and re.search(FAIR_WORDS, self.text))
            )
            if not fairish or not (costs or counts):
                said_region = region or said_region
                continue
            region = region or (said_region if cur is None or cur["region"] is None else None)
            said_region = None
            one_of = (
                re.match(r"^(其中)?(另)?(一场|一次|还有一场)", seg)
                and cur is not None
                and cur["count"]
                and len(cur["costs"]) < cur["count"]
                and not region
            )
            if one_of:
                for c in counts:
                    self._use(c)
                counts = []
            full = cur is not None and cur["costs"] and (cur["count"] is None or len(cur["costs"]) >= cur["count"])
            if cur is None or (region and cur["region"] and region != cur["region"]) or (counts and full):
                cur = {"region": region, "count": None, "costs": [], "per": None, "text": ""}
                groups.append(cur)
            cur["region"] = cur["region"] or region
            if counts:
                cur["count"] = int(counts[0].value)
                self._use(counts[0])
            for c in costs:
                cur["costs"].append(c)
                self._use(c)
            if re.search(PER_WORDS, seg):
                cur["per"] = "each"
            elif re.search(TOTAL_WORDS, seg):
                cur["per"] = "total"
        fairs = []
        costless = [{"region": g["region"], "count": g["count"]} for g in groups if not g["costs"] and g["count"]]
        if costless:
            names = {"domestic": "境内", "overseas": "境外"}
            said = "、".join(f"{names.get(g['region'], '')}{g['count']}场" for g in costless)
            self.out.clarifications.append(
                Clarification(
                    "fair_cost",
                    f"{said}活动，每场的费用（注册费、展位费、布展费、特装费、宣传推广费）各是多少？",
                    {"groups": costless},
                )
            )
        for g in groups:
            if not g["costs"]:
                continue
            entries = self._spread(g["costs"], g["count"], g["per"], "场", "活动", "fair")
            if entries is None:
                continue
            if g["region"] is None:
                self.out.clarifications.append(
                    Clarification(
                        "region",
                        "这些活动是境内的还是境外的？" + fair_caps_note(),
                        {"entries": [str(x) for x in entries]},
                    )
                )
                continue
            fairs += [{"region": g["region"], "cost_cny": x} for x in entries]
        if fairs:
            self.out.fields["fairs"] = fairs

    def _fairs_itemised(self) -> bool:
        """Fairs told one by one ("成都那场：注册费3000 展位费12000 住宿4000；吉隆坡那场：…").

        A fair starts at a place or 一场/另一个; each cost after it is that fair's. Costs 三（五）
        names are summed per fair; the others (机票、酒店 …) are named as not counted.
        Returns False when the message is not told that way (counts and 每场 are read elsewhere).
        """
        t = self.text
        w = word_patterns()
        moneys = [f for f in self.figs if f.kind == "money" and id(f) not in self.used]
        if not moneys or re.search(r"每场|每次|单场|各场|每个展", t):
            return False
        anchors = []
        for key in ("domestic", "overseas"):
            anchors += [(m.start(), m.end(), key) for m in w[key].finditer(t)]
        if len(anchors) < 2 and any(
            f.kind == "count" and f.value and f.value > 1 and re.search(r"场|次", f.unit or "") for f in self.figs
        ):
            return False
        anchors += [(m.start(), m.end(), "domestic") for m in re.finditer(r"境内|国内|省内", t)]
        anchors += [(m.start(), m.end(), "overseas") for m in re.finditer(r"境外|国外|海外", t)]
        anchors += [(m.start(), m.end(), None) for m in re.finditer(FAIR_SEPARATOR, t)]
        cost_word = re.compile(f"{w['eligible'].pattern}|{w['not_covered'].pattern}", re.I)
        said_cost = any(cost_word.search(t[max(0, f.start - 8) : f.start]) for f in moneys)
        places = any(a[2] for a in anchors if not re.fullmatch(r"境内|国内|省内|境外|国外|海外", t[a[0] : a[1]]))
        if not (said_cost or (places and re.search(FAIR_WORDS, t))):
            return False
        if not said_cost and re.search(r"分别|各(参加|去|办|一)", t):
            return False  # "去新加坡和德国各参加了一次…费用分别8万元、6万元": one cost per fair, in order
        events = sorted(
            [(a[0], "anchor", a) for a in anchors] + [(f.start, "money", f) for f in moneys], key=lambda e: e[0]
        )
        fairs, cur, last = [], None, 0
        for pos, what, item in events:
            if pos < last:
                continue
            if what == "anchor":
                start, end, region = item
                if cur is None or cur["costs"] or cur["excluded"]:
                    cur = {"region": region, "costs": [], "excluded": []}
                    fairs.append(cur)
                elif region:
                    cur["region"] = region
                last = end
                continue
            f = item
            window = t[last : f.start]
            words = list(cost_word.finditer(window))
            other = list(re.finditer(OTHER_ITEM_WORDS, window, re.I))
            last = f.end
            following = re.split(r"[，,；;。]|[0-9]", t[f.end : f.end + 12])[0]
            after_word = w["not_covered"].search(following)
            if words and (not other or words[-1].end() >= other[-1].end()):
                word = words[-1].group(0)
            elif other:
                continue
            elif cur is not None or re.search(FAIR_WORDS, t[: f.start]):
                word = after_word.group(0) if after_word else None  # "剩下4万是机票住宿"
            else:
                continue
            if cur is None:
                cur = {"region": None, "costs": [], "excluded": []}
                fairs.append(cur)
            if word is None and re.search(r"总共|一共|全部|总计|合计|总费用|总花费|共花", window):
                cur.setdefault("lump", []).append(f)  # a total that may hold travel: its parts are asked
            self._use(f)
            if f.currency == "USD":
                self.out.problems.append("活动费用请用人民币（元）告诉我，我不做汇率换算。")
                return True
            if word and w["not_covered"].fullmatch(word.lower()):
                cur["excluded"].append((word, f))
            else:
                cur["costs"].append(self._cny(f, "活动费用"))
        for x in fairs:
            if x.get("lump") and len(x["costs"]) == len(x["lump"]):
                total = x["costs"][0]
                x["costs"] = []
                self.out.clarifications.append(
                    Clarification(
                        "fair_breakdown",
                        f"这场活动合计{wan(total)}里，哪些是注册费、展位费、布展费、特装费、宣传推广费，各多少？"
                        "（第三条第（五）项只补这些费用，机票、酒店等差旅不在其中）",
                        {"region": x["region"], "total": str(total)},
                    )
                )
        fairs = [x for x in fairs if x["costs"] or x["excluded"] or x.get("lump")]
        if not fairs:
            return False
        excluded = [f"{word}{wan(f.value)}" for x in fairs for word, f in x["excluded"]]
        if excluded:
            self.out.notes.append(
                "、".join(excluded) + "不属于第三条第（五）项列明的可补贴费用"
                "（注册费、展位费、布展费、特装费、宣传推广费），不计入补贴基数"
            )
        entries, unknown = [], []
        for x in fairs:
            if not x["costs"]:
                continue
            total = sum(x["costs"], Decimal(0))
            if len(x["costs"]) > 1:
                self.out.notes.append("同一场活动的" + "、".join(wan(c) for c in x["costs"]) + f"合计{wan(total)}")
            if x["region"] is None:
                unknown.append(total)
            else:
                entries.append({"region": x["region"], "cost_cny": total})
        if entries:
            self.out.fields["fairs"] = entries
        if unknown:
            said = "、".join(wan(v) for v in unknown)
            self.out.clarifications.append(
                Clarification(
                    "region",
                    f"费用{said}的活动是在境内还是境外举办的？{fair_caps_note()}"
                    if len(unknown) == 1
                    else f"费用分别为{said}的这几场活动，各是在境内还是境外举办的？{fair_caps_note()}",
                    {"entries": [str(v) for v in unknown]},
                )
            )
        return True

    def _spread(self, costs, count, per, unit, what, kind):
        """Costs of each event/person/item from the figures, or None after asking."""
        values = [self._cny(c, f"{what}费用") for c in costs]
        if any(c.currency == "USD" for c in costs):
            self.out.problems.append(f"{what}费用请用人民币（元）告诉我，我不做汇率换算。")
            return None
        if len(values) > 1:
            return values
        value = values[0]
        if count in (None, 1):
            return [value]
        if per == "each":
            return [value] * count
        if per == "total":
            self.out.clarifications.append(each_cost_question(kind, count, value, unit, what))
            return None
        self.out.clarifications.append(
            Clarification(
                "per_or_total",
                f"{wan(value)}是每{unit}的费用，还是{count}{unit}合计的费用？",
                {"kind": kind, "count": count, "value": str(value)},
            )
        )
        return None

    # -- 三.（六） certifications -------------------------------------------------------------
    def read_certifications(self):
        aliases = {"信息安全服务资质": "CCRC", "能力成熟度": "CMMI", "信息技术服务标准": "ITSS"}
        names = []
        for m in CERT_NAME.finditer(self.text):
            name = m.group(0).replace(" ", "").upper()
            name = aliases.get(name, name)
            if not any(n[:4] == name[:4] for n in names):  # "CCRC信息安全服务资质" is one
                names.append(name)
        costs = self._item_costs(
            "certifications",
            r"认证|资质|cmmi|itss|pcmm|sas|ccrc|iso|维护费",
            FAIR_WORDS + "|租|平台|培训|离岸|在岸|执行额",
        )
        counts = [
            f
            for f in self._figs("count")
            if re.search(r"个|项", f.unit or f.raw or "") and re.search(r"认证|资质", self.text)
        ]
        if not costs:
            if names and self.pending == "certifications":
                self.out.clarifications.append(
                    Clarification("cert_cost", f"{'、'.join(names)}的认证（或维护）费用各是多少？", {"names": names})
                )
            return
        n = len(names) or (int(counts[0].value) if counts else None)
        per = "each" if re.search(PER_WORDS, self.text) else "total" if re.search(TOTAL_WORDS, self.text) else None
        for f in costs:
            self._use(f)
        values = self._spread(costs, n if n and n > 1 else None, per, "项", "资质认证", "cert")
        if values is None:
            return
        certs = []
        for i, v in enumerate(values):
            name = names[i] if i < len(names) else f"资质{i + 1}"
            certs.append({"name": name, "cost_cny": v})
        self.out.fields["certifications"] = certs

    # -- 三.（七） training and internships ----------------------------------------------------
    def read_senior_training(self):
        """Per-person training costs: "10个人每人7万，另外12个人每人1万", "A 培训费10万，B 3万"."""
        costs = self._item_costs(
            "senior_training", r"培训|项目经理|人才|学费|课程", FAIR_WORDS + "|租|平台|认证|离岸|在岸|执行额"
        )
        people = r"人|名|个|位"
        counts = [
            f
            for f in self._figs("count")
            if re.search(people, f.unit or f.raw or "")
            and not re.search(r"实习|学员|应届|毕业", self.text[max(0, f.start - 8) : f.end + 6])
        ]
        if not costs:
            if counts and self.pending == "senior_training":
                self.out.fields["_senior_count"] = int(counts[0].value)
                self._use(counts[0])
            return
        pieces = []
        for c in costs:
            start = max([m.end() for m in re.finditer(r"[，,。；;：:]|另外|还有|其中|另", self.text[: c.start])] or [0])
            mine = [
                n for n in counts if start <= n.start < c.start and not any(n.start < o.start < c.start for o in costs)
            ]  # a count goes with the cost after it
            piece = self.text[start : c.end + 4]
            per = (
                "each"
                if re.search(r"每人|人均|每个人|每位|各|每个", piece)
                else "total"
                if re.search(TOTAL_WORDS, piece)
                else None
            )
            pieces.append((c, mine[-1] if mine else None, per))
        for c in costs:
            self._use(c)
        if len(costs) > 1 and all(n is not None for _, n, _ in pieces):
            values = []
            for c, n, per in pieces:
                self._use(n)
                if per == "total" and int(n.value) > 1:
                    self.out.clarifications.append(each_cost_question("senior", int(n.value), c.value, "人", "培训费"))
                    return
                values += [self._cny(c, "培训")] * int(n.value)
            self.out.fields["senior_training"] = [{"cost_cny": v} for v in values]
            return
        n_fig = pieces[0][1] if len(costs) == 1 and pieces[0][1] is not None else (counts[0] if counts else None)
        n = int(n_fig.value) if n_fig is not None else self.known.get("_senior_count")
        if n_fig is not None:
            self._use(n_fig)
        per = pieces[0][2] if len(costs) == 1 else None
        if per is None:
            per = (
                "each"
                if re.search(r"每人|人均|每个人|每位|各", self.text)
                else "total"
                if re.search(TOTAL_WORDS, self.text)
                else None
            )
        values = self._spread(costs, n, per, "人", "培训", "senior")
        if values is not None:
            self.out.fields["senior_training"] = [{"cost_cny": v} for v in values]

    def read_institution(self):
        if re.search(
            r"认定的?[^，。；]{0,10}培训机构|认定机构|培训机构[^，。；]{0,6}(已|已经)(获得|通过)?认定", self.text
        ) and not self._negative("认定"):
            self.out.fields["institution_recognized"] = True
        elif self._negative("认定"):
            self.out.fields["institution_recognized"] = False
        elif self.pending == "institution_recognized":
            b = self._bool_answer()
            if b is not None:
                self.out.fields["institution_recognized"] = b
        for f in self._figs("count"):
            if re.search(r"人|名|个", f.unit or f.raw or "") and (
                self.pending == "institution_trainees"
                or re.search(r"培训|学员|合格|考核", self.text)
                or ("institution_trainees" in self.known and not re.search(r"实习|应届|项目经理", self.text))
            ):
                self.out.fields["institution_trainees"] = int(f.value)
                self._use(f)
                break

    def read_internship(self):
        t = self.text
        for f in self.figs:
            if id(f) in self.used:
                continue
            before = t[max(0, f.start - 12) : f.start]
            after = t[f.end : f.end + 8]
            if f.kind == "duration_years" and re.search(r"协议|签|合作", before + after):
                self.out.fields["internship_agreement_years"] = f.value
                self._use(f)
            elif (
                f.kind == "count"
                and re.search(r"每年|一年|年均|今年|收了|接收|接受|招了|带了", before)
                and re.search(r"实习", before + after)
                and not re.search(r"应届|毕业|符合|合格", before[-6:])
                and not re.search(r"应届|毕业生", re.split(r"[，,；;。]", after)[0][:6])
                and "interns_per_year" not in self.out.fields
            ):
                self.out.fields["interns_per_year"] = int(f.value)
                self._use(f)
            elif f.kind == "count" and re.search(r"应届|毕业生|符合条件", before + after):
                self.out.fields["qualified_interns"] = int(f.value)
                self._use(f)
        if "interns_per_year" not in self.out.fields:
            m = re.search(
                r"(?:每年|一年|年均)[^，。；]{0,12}?(?:实习生?)[^，。；0-9一二三四五六七八九十两]{0,4}"
                r"([0-9]+|[一二三四五六七八九十两]+)(?:多|来|余)(?:个|名|人)",
                t,
            )
            if m:
                from calculator.figures_zh import parse_number

                low = parse_number(m.group(1))
                if low is not None:
                    self.out.fields["interns_per_year"] = int(low)
                    self.out.notes.append(f"每年接受实习生{m.group(1)}多名，按不少于{int(low)}名核对条件")
        for f in self._figs("count"):
            if self.pending == "interns_per_year":
                self.out.fields["interns_per_year"] = int(f.value)
                self._use(f)
            elif self.pending == "qualified_interns":
                self.out.fields["qualified_interns"] = int(f.value)
                self._use(f)
        if self.pending == "internship_agreement_years":
            for f in self.figs:
                if f.kind in ("duration_years", "count") and id(f) not in self.used:
                    self.out.fields["internship_agreement_years"] = f.value
                    self._use(f)
                    break
            if "internship_agreement_years" not in self.out.fields and self._bool_answer() is False:
                self.out.fields["internship_agreement_years"] = Decimal(0)

    # -- 三.（八） parks and rent ---------------------------------------------------------------
    def read_rent(self):
        t = self.text
        for f in self.figs:
            if id(f) in self.used:
                continue
            before = t[max(0, f.start - 10) : f.start]
            after = t[f.end : f.end + 6]
            if f.kind == "area":
                self.out.fields["rent_area_m2"] = f.value
                self._use(f)
            elif f.kind == "money" and self._rent_money(f) == "rent":
                value = self._cny(f, "租金")
                if re.search(r"每月|月租|一个月|月", before + after) and not re.search(r"年", before[-3:]):
                    self.out.notes.append(f"月租金{wan(value)}，按全年12个月计为{wan(value * 12)}")
                    value = value * 12
                self.out.fields["rent_annual_cny"] = value
                self._use(f)
            elif f.kind == "duration_years" and self._rent_years(f) == "park":
                self.out.fields["rent_years_in_park"] = f.value
                self._use(f)
            elif f.kind == "duration_years" and self._rent_years(f) == "subsidized":
                self.out.fields["rent_years_subsidized"] = int(f.value)
                self._use(f)
            elif f.kind == "money" and self._rent_money(f) == "contract":
                if "onshore_cny" not in self.out.fields and not re.search(r"离岸|在岸", before):
                    self.out.fields["rent_contract_amount_cny"] = self._cny(f, "合同执行额")
                    self._use(f)
        m = re.search(r"(?:执行额|合同额|营收|业务额)[^，。；0-9]{0,4}([0-9]+)多万", t)
        if m and "rent_contract_amount_cny" not in self.out.fields:
            low = Decimal(m.group(1)) * 10000
            self.out.fields["rent_contract_amount_cny"] = low
            self.out.notes.append(f"合同执行额{m.group(1)}多万元，按不少于{wan(low)}核对条件")
        if re.search(r"(没有?|未|从未|没)(享受|拿|领)(过)?", t):
            self.out.fields.setdefault("rent_years_subsidized", 0)
        pend = {
            "rent_years_in_park": "duration_years",
            "rent_years_subsidized": "duration_years",
            "rent_area_m2": "area",
            "rent_annual_cny": "money",
            "rent_contract_amount_cny": "money",
        }
        if self.pending in pend and self.pending not in self.out.fields:
            for f in self.figs:
                if id(f) in self.used:
                    continue
                ok = f.kind == pend[self.pending] or (
                    f.kind == "count" and pend[self.pending] in ("duration_years", "area")
                )
                if ok:
                    v = f.value if f.kind != "money" else self._cny(f, "金额")
                    self.out.fields[self.pending] = int(v) if self.pending == "rent_years_subsidized" else v
                    self._use(f)
                    break
            else:
                if self.pending == "rent_years_subsidized" and self._bool_answer() is False:
                    self.out.fields["rent_years_subsidized"] = 0

    def _rent_years(self, f) -> Optional[str]:
        """Whether "N年" counts years in the park or years of rent subsidy: the nearer word decides."""
        before = self.text[max(0, f.start - 10) : f.start]
        after = self.text[f.end : f.end + 8]
        park, subsidy = r"入驻|入园|进驻|在园|搬进|园区|园里", r"享受|补贴|拿过|领过|补过|拿了|领了"
        p = [m.end() for m in re.finditer(park, before)]
        q = [m.end() for m in re.finditer(subsidy, before)]
        if p or q:
            return "park" if max(p or [-1]) > max(q or [-1]) else "subsidized"
        p, q = re.search(park, after), re.search(subsidy, after)
        if p or q:
            return "park" if p and (not q or p.start() < q.start()) else "subsidized"
        return None

    def _rent_money(self, f) -> Optional[str]:
        """Whether a money figure in a rent message is the rent or the contract amount."""
        s, _ = _segment_of(self.spans, f.start)
        before = self.text[s : f.start]
        rent = [m.end() for m in re.finditer(r"租金|房租|租赁|租", before)]
        contract = [m.end() for m in re.finditer(r"执行额|合同额|营收|业务额", before)]
        if rent or contract:
            return "rent" if (max(rent) if rent else -1) > (max(contract) if contract else -1) else "contract"
        after = self.text[f.end : f.end + 6]
        if re.search(r"租金|房租", after):
            return "rent"
        return None

    def read_park(self):
        t = self.text
        if re.search(
            r"(新|刚)(被|获得|通过)?(认定|评为|评上|批准)|新通过|今年(被)?认定|"
            r"(新|刚)(被)?(通过|获得|拿到|评上)[^，。；]{0,14}(认定|评定|称号)",
            t,
        ):
            self.out.fields["park_newly_recognized"] = True
        if re.search(r"企业(统一)?(管理|运营)|公司(统一)?(管理|运营)|运营公司", t):
            self.out.fields["park_enterprise_operated"] = True
        if re.search(r"(政府|管委会)(管理|运营)", t):
            self.out.fields["park_enterprise_operated"] = False
        for f in self.figs:
            if id(f) in self.used:
                continue
            before = t[max(0, f.start - 12) : f.start]
            after = t[f.end : f.end + 12]
            if f.kind == "count" and re.search(r"500强|五百强|100强|领军|重点企业|重点项目", before + after):
                self.out.fields["park_top_enterprises"] = self.out.fields.get("park_top_enterprises", 0) + int(f.value)
                self._use(f)
            elif f.kind == "money" and re.search(r"外资|外商|投资", before + after):
                if f.currency == "USD":
                    self.out.fields["park_foreign_investment_usd"] = f.value
                else:
                    self.out.clarifications.append(
                        Clarification(
                            "currency",
                            f"吸引外商投资{wan(f.value, '')}是美元吗？（该项按每{figure_words('3.8.2', 'investment_step_usd', '美元')}计）",
                            {"key": "park_foreign_investment_usd", "value": str(f.value)},
                        )
                    )
                self._use(f)
        if self.pending in ("park_newly_recognized", "park_enterprise_operated"):
            b = self._bool_answer()
            if b is not None:
                self.out.fields.setdefault(self.pending, b)
        if self.pending == "park_top_enterprises":
            for f in self._figs("count"):
                self.out.fields["park_top_enterprises"] = int(f.value)
                self._use(f)
                break
            else:
                if self._bool_answer() is False:
                    self.out.fields["park_top_enterprises"] = 0

    # -- 三.（九） platforms ---------------------------------------------------------------
    def _item_costs(self, pending: str, words: str, avoid: str) -> list:
        """Yuan figures that belong to an item: said near its words, or answering its question."""
        out = []
        for f in self._figs("money"):
            seg = self._seg_text(f)
            if f.currency == "USD" or re.search(avoid, seg):
                continue
            if (
                self.pending == pending
                or re.search(words, seg)
                or (re.search(words, self.text) and not re.search(avoid, self.text))
                or (pending in self.known and not re.search(avoid + "|" + OTHER_ITEM_WORDS, self.text, re.I))
            ):
                out.append(f)  # the last one: "还有2个部门总监也去了 每人花了8万" adds to the training told before
        return out

    def read_platforms(self):
        """One entry per platform: each 平台 named starts one; costs after it (硬件、软件 …) are its own."""
        t = self.text
        mine = r"平台|硬件|设备|设施|正版软件|软件|购置|投入|花了|花费"
        others = r"认证|资质|展|租|离岸|在岸|执行额|合同额|项目经理|人才|实习|学费|培训费|美元|汇率"
        groups, last = {}, 0
        for f in self.figs:
            if f.kind != "money" or id(f) in self.used:
                if f.kind == "money":
                    last = f.end
                continue
            window = t[last : f.start]
            last = f.end
            m_mine = [m.end() for m in re.finditer(mine, window)]
            m_other = [m.end() for m in re.finditer(others, window)]
            if f.currency == "USD" or (m_other and max(m_other) > max(m_mine or [-1])):
                continue
            if not m_mine and self.pending != "platforms" and not groups:
                continue
            mention = [m.start() for m in re.finditer(r"平台", t[: f.start])]
            key = mention[-1] if mention else ("figure", f.start)
            if mention and re.search(r"平台", window) is None and key in groups and re.search(r"另|还有|一个", window):
                key = ("figure", f.start)
            groups.setdefault(key, []).append(f)
        if not groups:
            return
        costs = []
        for figs in groups.values():
            for f in figs:
                self._use(f)
            total = sum((self._cny(f, "平台费用") for f in figs), Decimal(0))
            if len(figs) > 1:
                self.out.notes.append("同一个平台的" + "、".join(wan(f.value) for f in figs) + f"合计{wan(total)}")
            costs.append(total)
        counts = [
            f
            for f in self._figs("count")
            if re.search(r"个", f.unit or f.raw or "") and re.search(r"平台", t[f.end : f.end + 8])
        ]
        n = int(counts[0].value) if counts else None
        if len(costs) == 1 and n and n > 1:
            per = "each" if re.search(r"每个|各", t) else "total" if re.search(TOTAL_WORDS, t) else None
            self._use(counts[0])
            if per == "each":
                costs = costs * n
            elif per == "total":
                self.out.clarifications.append(each_cost_question("platform", n, costs[0], "个平台", "建设费用"))
                return
            else:
                self.out.clarifications.append(
                    Clarification(
                        "per_or_total",
                        f"{wan(costs[0])}是每个平台的费用，还是{n}个平台合计的费用？",
                        {"kind": "platform", "count": n, "value": str(costs[0])},
                    )
                )
                return
        self.out.fields["platforms"] = [{"cost_cny": v} for v in costs]

    # -- yes/no items ------------------------------------------------------------------------
    def _flags(self):
        t = self.text
        if re.search(r"技术先进型", t) and re.search(r"复审|重新认定|不是新|并非新|非新|早就|之前就|以前就|多年前", t):
            self.out.fields["tech_advanced_new"] = False  # 复审通过 is keeping the status, not newly gaining it
        elif re.search(
            r"(新|刚|今年)(被)?(获得?|取得|拿到|通过|认定|评为|评上)[^，。；]{0,6}技术先进型|技术先进型[^，。；]{0,10}(新|刚)(获得?|认定|取得|拿到|通过)|"
            r"(新|刚)(获得?|取得|拿到|通过)[^，。；]{0,3}技先",
            t,
        ):
            self.out.fields["tech_advanced_new"] = True
        elif re.search(r"技术先进型", t) and self._negative("获得|认定|取得|技术先进型"):
            self.out.fields["tech_advanced_new"] = False
        patents = self._clause_with(r"专利|软著|软件著作权")
        if patents:
            said_no = re.search(
                rf"({NONE_WORDS}|只有|仅)[^，。；]{{0,4}}(新的?)?(专利|软著|软件著作权)|"
                r"(专利|软著|软件著作权)[^，。；]{0,4}(没有|没|无|断了)|(去年|今年)(没有|没)",
                patents,
            )
            self.out.fields["innovation_patents_two_years"] = (
                not said_no
                and bool(re.search(r"连续|两年|2年|每年|都有|都拿", patents))
                or (self.pending == "innovation" and not said_no)
            )
        self._rd_spend()
        rd = self._clause_with(r"研发")
        if (
            rd
            and not getattr(self, "_rd_decided", False)
            and re.search(r"增长|增加|提高|涨|上升|提升|递增|降|减|持平|没变|下滑", rd)
        ):
            fell = re.search(r"降|减少|下滑|持平|没变|没涨|没有增|没增|未增|不增|没有涨|不涨|只有一年|只涨了一年", rd)
            two = re.search(r"连续|两年|2年|每年|都在|持续|一直", rd)
            self.out.fields["innovation_rd_growth_two_years"] = bool(two) and not fell
        b = self._bool_answer()
        if b is not None:
            if self.pending == "tech_advanced_new":
                self.out.fields.setdefault("tech_advanced_new", b)
            elif self.pending == "innovation":
                self.out.fields.setdefault("innovation_patents_two_years", b)
                if not b:
                    self.out.fields.setdefault("innovation_rd_growth_two_years", False)
            elif self.pending == "new_enterprise":
                self.out.fields.setdefault("new_enterprise", b)


def region_mentions(text: str) -> list:
    """(start, end, region) of every 境内/境外 word or place in `text`, in order."""
    w = word_patterns()
    out = [(m.start(), m.end(), "domestic") for m in re.finditer(r"境内|国内|省内", text)]
    out += [(m.start(), m.end(), "overseas") for m in re.finditer(r"境外|国外|海外", text)]
    out += [(m.start(), m.end(), key) for key in ("domestic", "overseas") for m in w[key].finditer(text)]
    return sorted(out)


def each_cost_question(kind: str, count: int, total: Decimal, unit: str, what: str) -> Clarification:
    """A total over several events/people/platforms: each one's cost is asked, never averaged."""
    return Clarification(
        "each_cost",
        f"{count}{unit}{what}合计{wan(total)}。每{unit}的补贴单独计算、各有上限，不能按平均数估算；"
        f"请分别告诉我每{unit}的费用（例如“{'、'.join(['X万'] * min(count, 3))}”）。",
        {"kind": kind, "count": count, "total": str(total)},
    )


def read(text: str, pending: Optional[str] = None, items=(), known: Optional[dict] = None) -> Reading:
    """Read one message into calculator fields, clarifications and notes."""
    return Reader(text, pending, items, known).read()
