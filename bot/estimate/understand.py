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
from typing import Dict, List, Optional

from bot.nlu.normalize import normalize

SEGMENT = re.compile(r"[，,。；;！!？?\n]+")
YEAR_PREV = r"去年|上年|上一年|前一年|上个年度|上一个年度"
YEAR_CUR = r"今年|本年|这一年|今年度|本年度"
OFFSHORE = r"离岸|境外业务|国际业务|国际服务外包|境外的?执行|国外的?执行|境外合同|对外"
ONSHORE = r"在岸|境内业务|国内业务|境内的?执行|国内的?执行|境内合同|国内合同"
NONE_WORDS = r"没有|没|无|未|不涉及|零"
PER_WORDS = r"每场|每次|每个|每项|每人|人均|平均每|各|分别|单场|一场"
TOTAL_WORDS = r"合计|总共|一共|共计|总计|共花|总费用|加起来|全部|总额|合起来"
FAIR_WORDS = r"展会|参展|展位|布展|博览会|交易会|广交会|服贸会|进博会|展览|招商|经贸交流|活动"
CERT_NAME = re.compile(r"(cmmi\s*[1-5]?(级)?|itss\s*[一二三四1-4]?(级)?|pcmm\s*[1-5]?(级)?|sas\s*70|ccrc|iso\s*\d{4,5}|"
                       r"信息安全服务资质|能力成熟度|信息技术服务标准)")
RATE_HINT = r"汇率|中间价|兑"


@dataclass
class Clarification:
    """Something the user must settle before the arithmetic: what to ask and what it holds."""
    kind: str              # currency | per_or_total | region | business_kind
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
    m = re.match(rf"[^，。；,;]{{0,2}}({OFFSHORE}|{ONSHORE})", text[end:end + 10])
    if not m:
        return None
    return "offshore" if re.match(OFFSHORE, m.group(1)) else "onshore"


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
        self.text = normalize(self.raw[:2000])
        self.pending = pending
        self.items = set(items)
        self.known = known or {}
        self.figs = figures(self.text)
        self.spans = list(_segments(self.text))
        self.used = set()
        self.out = Reading()

    # -- helpers -----------------------------------------------------------------------
    def _explicit_years(self):
        return [(f.start, int(f.value)) for f in self.figs if f.kind == "year" and f.value is not None
                and 2000 <= int(f.value) <= 2100]

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

    def _has(self, pattern) -> bool:
        return re.search(pattern, self.text) is not None

    def _seg_text(self, f):
        s, e = _segment_of(self.spans, f.start)
        return self.text[s:e]

    def _negative(self, subject: str) -> bool:
        return re.search(rf"({NONE_WORDS})[^，。；]{{0,6}}({subject})|({subject})[^，。；]{{0,6}}({NONE_WORDS})",
                         self.text) is not None

    def _bool_answer(self) -> Optional[bool]:
        t = self.text.strip(" 。.!！~")
        if re.fullmatch(r"(是|是的|对|对的|有|有的|嗯|好|确认|没错|正确|符合|满足|已经?(获得|认定|取得)?|yes|y)(的|了|啊|呀)?", t):
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
        self._rates()
        if self.pending in ("fairs",) or "3.5" in self.items or self._has(FAIR_WORDS):
            self._fairs()
        if self.pending == "certifications" or "3.6" in self.items or CERT_NAME.search(self.text):
            self._certifications()
        if self.pending in ("senior_training",) or "3.7.3" in self.items:
            self._senior_training()
        if self.pending in ("institution_trainees", "institution_recognized") or "3.7.2" in self.items:
            self._institution()
        if self.pending in ("internship",) or "3.7.4" in self.items or self._has(r"实习|应届"):
            self._internship()
        if self.pending in ("rent",) or "3.8.3" in self.items or self._has(r"租金|房租"):
            self._rent()
        if self.pending in ("platforms",) or "3.9" in self.items:
            self._platforms()
        if self.pending and self.pending.startswith("park") or self.items & {"3.8.1", "3.8.2a", "3.8.2b"}:
            self._park()
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
            key = "previous_usd_cny_rate" if year == "previous" else "usd_cny_rate"
            if self.pending == "previous_usd_cny_rate" and year is None:
                key = "previous_usd_cny_rate"
            self._set_rate(key, f.value)
            self._use(f)
        if self.pending in ("usd_cny_rate", "previous_usd_cny_rate") and not self._figs_used("rate"):
            for f in self.figs:
                if f.kind in ("money", "count", "percent") and f.currency is None and id(f) not in self.used \
                        and Decimal("0.5") <= f.value <= Decimal("20"):
                    self._set_rate(self.pending, f.value)
                    self._use(f)
                    break
            else:
                m = re.fullmatch(r"\s*(\d+(\.\d+)?)\s*", self.text)
                if m:
                    self._set_rate(self.pending, Decimal(m.group(1)))

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
        if re.search(rf"({NONE_WORDS})[^，。；]{{0,4}}(离岸|境外业务|国际业务)", t) and \
                not re.search(r"离岸[^，。；]{0,8}\d", t):
            year = _year_of(t, re.search(r"离岸|境外业务|国际业务", t).start())
            keys = {"previous": ["previous_offshore_usd"], "current": ["offshore_usd"]}.get(
                year, ["offshore_usd", "previous_offshore_usd"])
            for k in keys:
                self.out.fields.setdefault(k, Decimal(0))
        if re.search(r"(去年|上年|上一年)[^，。；]{0,4}(没有|无|没)(业务|执行额|收入)?$|(去年|上年)(是)?0", t):
            self.out.fields.setdefault("previous_onshore_cny", Decimal(0))
            self.out.fields.setdefault("previous_offshore_usd", Decimal(0))
        moneys = self._figs("money")
        pending_kind = {"offshore_usd": ("offshore", "current"), "previous_offshore_usd": ("offshore", "previous"),
                        "onshore_cny": ("onshore", "current"), "previous_onshore_cny": ("onshore", "previous"),
                        "rent_contract_amount_cny": ("rent", None)}.get(self.pending)
        for f in moneys:
            if re.search(RATE_HINT + r"[^，,；;]{0,3}$", t[max(0, f.start - 6):f.start]) and f.currency is None:
                continue
            kind = _kind_of(t, f.start) or _kind_after(t, f.end)
            year = self._year(f.start)
            if year == "other":
                continue
            if self._award_figure(f):
                continue
            if pending_kind and kind is None:
                kind = pending_kind[0]
                year = year or pending_kind[1]
            if kind == "rent":
                self.out.fields["rent_contract_amount_cny"] = self._cny(f, "合同执行额")
                self._use(f)
                continue
            if kind is None:
                business = r"执行额|营收|合同额|业务额|业务量|外包业务|离岸|在岸"
                if f.currency == "USD" and (self.items & {"3.1", "3.2", "3.3"} or self._has(business)):
                    kind = "offshore"
                elif f.currency == "CNY" and (self.items & {"3.1", "3.3"} or self._has(business)):
                    kind = "onshore"
                elif self._has(r"执行额|合同额|业务额|业务量|营收") or self.pending in ("business",):
                    self.out.clarifications.append(Clarification(
                        "business_kind",
                        f"{wan(f.value, '')}是在岸（境内，人民币）执行额，还是离岸（境外，美元）执行额？",
                        {"value": str(f.value), "year": year or "current"}))
                    self._use(f)
                    continue
                else:
                    continue
            key = ("previous_" if year == "previous" else "") + ("offshore_usd" if kind == "offshore" else "onshore_cny")
            if kind == "offshore":
                if f.currency is None:
                    self.out.clarifications.append(Clarification(
                        "currency", f"离岸执行额{wan(f.value, '')}是美元还是人民币（元）？",
                        {"key": key, "value": str(f.value)}))
                elif f.currency == "CNY":
                    self.out.clarifications.append(Clarification(
                        "currency", f"离岸执行额按美元计算（第三条第（二）项“以美元计算”）。{wan(f.value)}折合多少美元？",
                        {"key": key, "value": None}))
                else:
                    self.out.fields[key] = f.value
            else:
                if f.currency == "USD":
                    self.out.clarifications.append(Clarification(
                        "currency", f"在岸执行额按人民币计算，{wan(f.value, '美元')}折合多少元？",
                        {"key": key, "value": None}))
                else:
                    self.out.fields[key] = self._cny(f, "在岸执行额")
            self._use(f)

    def _award_figure(self, f) -> bool:
        """A figure that is an award already worked out ("增量奖励是40万元"), not a business amount."""
        before = self.text[max(0, f.start - 10):f.start]
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
        d = re.search(r"境内|国内|省内|市内|国内的", s)
        o = re.search(r"境外|国外|海外|出国|国际|欧洲|美国|日本|德国|香港|东南亚", s)
        if d and not o:
            return "domestic"
        if o and not d:
            return "overseas"
        if d and o:
            return "domestic" if d.start() > o.start() else "overseas"
        return None

    def _fairs(self):
        groups = []
        cur = None
        said_region = None
        for s, e in self.spans:
            seg = self.text[s:e]
            seg_figs = [f for f in self.figs if s <= f.start < e and id(f) not in self.used]
            region = self._region(seg)
            if region and re.search(rf"({NONE_WORDS})[^，。；]{{0,4}}(参加|参展|去|展会|活动)|"
                                    rf"(境内|国内|境外|国外|海外)[^，。；]{{0,3}}({NONE_WORDS})", seg) \
                    and not any(f.kind == "money" for f in seg_figs):
                self.out.regions_none.append(region)
                self.out.fields.setdefault("_fairs_none", [])
                continue
            counts = [f for f in seg_figs if f.kind == "count" and re.search(r"场|次|个(展|活动)?", f.unit or f.raw or "")]
            costs = [f for f in seg_figs if f.kind == "money"]
            fairish = re.search(FAIR_WORDS, seg) or self.pending == "fairs" or (cur is not None and (costs or counts))
            if not fairish or not (costs or counts):
                said_region = region or said_region
                continue
            region = region or (said_region if cur is None or cur["region"] is None else None)
            said_region = None
            one_of = re.match(r"^(其中)?(另)?(一场|一次|还有一场)", seg) and cur is not None and \
                cur["count"] and len(cur["costs"]) < cur["count"] and not region
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
            self.out.clarifications.append(Clarification(
                "fair_cost", f"{said}活动，每场的费用（注册费、展位费、布展费、特装费、宣传推广费）各是多少？",
                {"groups": costless}))
        for g in groups:
            if not g["costs"]:
                continue
            entries = self._spread(g["costs"], g["count"], g["per"], "场", "活动", "fair")
            if entries is None:
                continue
            if g["region"] is None:
                self.out.clarifications.append(Clarification(
                    "region", "这些活动是境内的还是境外的？（境内每场最高补贴2万元，境外每场最高5万元）",
                    {"entries": [str(x) for x in entries]}))
                continue
            fairs += [{"region": g["region"], "cost_cny": x} for x in entries]
        if fairs:
            self.out.fields["fairs"] = fairs

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
            each = (value / count).quantize(Decimal("0.01"))
            self.out.notes.append(f"{count}{unit}{what}合计{wan(value)}，按平均每{unit}{wan(each)}计算"
                                  f"（若各{unit}费用不均，实际补贴可能更低）")
            return [each] * count
        self.out.clarifications.append(Clarification(
            "per_or_total", f"{wan(value)}是每{unit}的费用，还是{count}{unit}合计的费用？",
            {"kind": kind, "count": count, "value": str(value)}))
        return None

    # -- 三.（六） certifications -------------------------------------------------------------
    def _certifications(self):
        names = [m.group(0).replace(" ", "").upper() for m in CERT_NAME.finditer(self.text)]
        costs = self._item_costs("certifications", r"认证|资质|cmmi|itss|pcmm|sas|ccrc|iso|维护费",
                                 FAIR_WORDS + "|租|平台|培训|离岸|在岸|执行额")
        counts = [f for f in self._figs("count") if re.search(r"个|项", f.unit or f.raw or "")
                  and re.search(r"认证|资质", self.text)]
        if not costs:
            if names and self.pending == "certifications":
                self.out.clarifications.append(Clarification(
                    "cert_cost", f"{'、'.join(names)}的认证（或维护）费用各是多少？", {"names": names}))
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
    def _senior_training(self):
        costs = self._item_costs("senior_training", r"培训|项目经理|人才|学费|课程",
                                 FAIR_WORDS + "|租|平台|认证|离岸|在岸|执行额")
        counts = [f for f in self._figs("count") if re.search(r"人|名|个|位", f.unit or f.raw or "")]
        if not costs:
            if counts and self.pending == "senior_training":
                self.out.fields["_senior_count"] = int(counts[0].value)
                self._use(counts[0])
            return
        n = int(counts[0].value) if counts else self.known.get("_senior_count")
        per = "each" if re.search(r"每人|人均|每个人|每位|各", self.text) else \
            "total" if re.search(TOTAL_WORDS, self.text) else None
        for f in costs + counts[:1]:
            self._use(f)
        values = self._spread(costs, n, per, "人", "培训", "senior")
        if values is not None:
            self.out.fields["senior_training"] = [{"cost_cny": v} for v in values]

    def _institution(self):
        if re.search(r"认定的?[^，。；]{0,10}培训机构|认定机构|培训机构[^，。；]{0,6}(已|已经)(获得|通过)?认定", self.text) and \
                not self._negative("认定"):
            self.out.fields["institution_recognized"] = True
        elif self._negative("认定"):
            self.out.fields["institution_recognized"] = False
        elif self.pending == "institution_recognized":
            b = self._bool_answer()
            if b is not None:
                self.out.fields["institution_recognized"] = b
        for f in self._figs("count"):
            if re.search(r"人|名|个", f.unit or f.raw or "") and (self.pending == "institution_trainees"
                                                                 or re.search(r"培训|学员|合格|考核", self.text)):
                self.out.fields["institution_trainees"] = int(f.value)
                self._use(f)
                break

    def _internship(self):
        t = self.text
        for f in self.figs:
            if id(f) in self.used:
                continue
            before = t[max(0, f.start - 12):f.start]
            after = t[f.end:f.end + 8]
            if f.kind == "duration_years" and re.search(r"协议|签|合作", before + after):
                self.out.fields["internship_agreement_years"] = f.value
                self._use(f)
            elif f.kind == "count" and re.search(r"每年|一年|年均", before) and re.search(r"实习", before + after):
                self.out.fields["interns_per_year"] = int(f.value)
                self._use(f)
            elif f.kind == "count" and re.search(r"应届|毕业生|符合条件", before + after):
                self.out.fields["qualified_interns"] = int(f.value)
                self._use(f)
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
    def _rent(self):
        t = self.text
        for f in self.figs:
            if id(f) in self.used:
                continue
            before = t[max(0, f.start - 10):f.start]
            after = t[f.end:f.end + 6]
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
            elif f.kind == "duration_years" and re.search(r"入驻|入园|进驻|在园|搬进|园区", before + after):
                self.out.fields["rent_years_in_park"] = f.value
                self._use(f)
            elif f.kind == "duration_years" and re.search(r"享受|补贴|拿过|领过", before + after):
                self.out.fields["rent_years_subsidized"] = int(f.value)
                self._use(f)
            elif f.kind == "money" and self._rent_money(f) == "contract":
                if "onshore_cny" not in self.out.fields and not re.search(r"离岸|在岸", before):
                    self.out.fields["rent_contract_amount_cny"] = self._cny(f, "合同执行额")
                    self._use(f)
        if re.search(r"(没有?|未|从未|没)(享受|拿|领)(过)?", t):
            self.out.fields.setdefault("rent_years_subsidized", 0)
        pend = {"rent_years_in_park": "duration_years", "rent_years_subsidized": "duration_years",
                "rent_area_m2": "area", "rent_annual_cny": "money", "rent_contract_amount_cny": "money"}
        if self.pending in pend and self.pending not in self.out.fields:
            for f in self.figs:
                if id(f) in self.used:
                    continue
                ok = f.kind == pend[self.pending] or (f.kind == "count" and pend[self.pending] in ("duration_years", "area"))
                if ok:
                    v = f.value if f.kind != "money" else self._cny(f, "金额")
                    self.out.fields[self.pending] = int(v) if self.pending == "rent_years_subsidized" else v
                    self._use(f)
                    break
            else:
                if self.pending == "rent_years_subsidized" and self._bool_answer() is False:
                    self.out.fields["rent_years_subsidized"] = 0

    def _rent_money(self, f) -> Optional[str]:
        """Whether a money figure in a rent message is the rent or the contract amount."""
        s, _ = _segment_of(self.spans, f.start)
        before = self.text[s:f.start]
        rent = [m.end() for m in re.finditer(r"租金|房租|租赁|租", before)]
        contract = [m.end() for m in re.finditer(r"执行额|合同额|营收|业务额", before)]
        if rent or contract:
            return "rent" if (max(rent) if rent else -1) > (max(contract) if contract else -1) else "contract"
        after = self.text[f.end:f.end + 6]
        if re.search(r"租金|房租", after):
            return "rent"
        return None

    def _park(self):
        t = self.text
        if re.search(r"(新|刚)(被|获得|通过)?(认定|评为|评上|批准)|新通过|今年(被)?认定", t):
            self.out.fields["park_newly_recognized"] = True
        if re.search(r"企业(统一)?(管理|运营)|公司(统一)?(管理|运营)|运营公司", t):
            self.out.fields["park_enterprise_operated"] = True
        if re.search(r"(政府|管委会)(管理|运营)", t):
            self.out.fields["park_enterprise_operated"] = False
        for f in self.figs:
            if id(f) in self.used:
                continue
            before = t[max(0, f.start - 12):f.start]
            after = t[f.end:f.end + 12]
            if f.kind == "count" and re.search(r"500强|五百强|100强|领军|重点企业|重点项目", before + after):
                self.out.fields["park_top_enterprises"] = self.out.fields.get("park_top_enterprises", 0) + int(f.value)
                self._use(f)
            elif f.kind == "money" and re.search(r"外资|外商|投资", before + after):
                if f.currency == "USD":
                    self.out.fields["park_foreign_investment_usd"] = f.value
                else:
                    self.out.clarifications.append(Clarification(
                        "currency", f"吸引外商投资{wan(f.value, '')}是美元吗？（该项按每1000万美元计）",
                        {"key": "park_foreign_investment_usd", "value": str(f.value)}))
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
            if self.pending == pending or re.search(words, seg) or \
                    (re.search(words, self.text) and not re.search(avoid, self.text)):
                out.append(f)
        return out

    def _platforms(self):
        costs = self._item_costs("platforms", r"平台|硬件|设备|设施|正版软件|购置",
                                 FAIR_WORDS + "|租|认证|培训|离岸|在岸|执行额")
        if not costs:
            return
        counts = [f for f in self._figs("count") if re.search(r"个", f.unit or f.raw or "")]
        n = int(counts[0].value) if counts else None
        per = "each" if re.search(PER_WORDS, self.text) else "total" if re.search(TOTAL_WORDS, self.text) else None
        for f in costs:
            self._use(f)
        values = self._spread(costs, n, per, "个", "平台建设", "platform")
        if values is not None:
            self.out.fields["platforms"] = [{"cost_cny": v} for v in values]

    # -- yes/no items ------------------------------------------------------------------------
    def _flags(self):
        t = self.text
        if re.search(r"(新|刚|今年)(被)?(获得?|取得|拿到|通过|认定|评为|评上)[^，。；]{0,6}技术先进型|技术先进型[^，。；]{0,10}(新|刚)(获得?|认定|取得|拿到|通过)", t):
            self.out.fields["tech_advanced_new"] = True
        elif re.search(r"技术先进型", t) and self._negative("获得|认定|取得|技术先进型"):
            self.out.fields["tech_advanced_new"] = False
        if re.search(r"(专利|软著|软件著作权)", t):
            self.out.fields["innovation_patents_two_years"] = not self._negative("专利|软著|软件著作权") and \
                bool(re.search(r"连续|两年|2年|每年", t)) or self.pending == "innovation"
        if re.search(r"研发投入", t):
            self.out.fields["innovation_rd_growth_two_years"] = not self._negative("增长|研发") and \
                bool(re.search(r"增长|增加|提高", t))
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


def read(text: str, pending: Optional[str] = None, items=(), known: Optional[dict] = None) -> Reading:
    """Read one message into calculator fields, clarifications and notes."""
    return Reader(text, pending, items, known).read()
