"""The policy's conditions (knowledge/data/conditions.yml) checked against known facts.

One evaluator for answers, estimates and pre-screening: each condition is met, not met or
unknown; a clause is not met when any condition (or a clause it requires) is not met, met when
all are met, unknown otherwise. Thresholds are read from figures.yml with their bound words
(「超过」 excludes the number, 「以上」「不低于」 include it). Plain Python, no Rasa.

A numeric fact is a number (Decimal, int, float or str) or a `Span` — what the user said may
be a bound rather than a value: 「不到一年」 is Span(hi=1, hi_open=True), 「一年多」 Span(lo=1, lo_open=True).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from knowledge.figures import figures

CONDITIONS_FILE = Path(__file__).parent / "data" / "conditions.yml"
MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
APPLICANT_TYPES = {"enterprise": "企业", "park_operator": "园区管理和运营企业", "training_institution": "培训机构"}
OPS_FOR_BOUND = {
    "超过": "gt",
    "以上": "ge",
    "不低于": "ge",
    "不少于": "ge",
    "最多": ("le", "lt"),
    "每": "ge",
    "自": "ge",
}


@dataclass(frozen=True)
class Span:
    """A number known only within bounds: lo..hi, each end open (excluded) or closed."""

    lo: Optional[Decimal] = None
    hi: Optional[Decimal] = None
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def of(cls, value) -> "Span":
        """A number as a span, or the span itself."""
        if isinstance(value, Span):
            return value
        if isinstance(value, dict):
            return cls(**{k: (Decimal(str(v)) if k in ("lo", "hi") and v is not None else v) for k, v in value.items()})
        d = Decimal(str(value))
        if not d.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return cls(d, d)

    def to_json(self) -> dict:
        return {
            "lo": None if self.lo is None else str(self.lo),
            "hi": None if self.hi is None else str(self.hi),
            "lo_open": self.lo_open,
            "hi_open": self.hi_open,
        }

    def exact(self) -> Optional[Decimal]:
        """The value when the span is one number."""
        return self.lo if self.lo is not None and self.lo == self.hi and not (self.lo_open or self.hi_open) else None


@dataclass
class Check:
    """One condition's outcome for the facts given."""

    clause: str
    id: str
    label: str
    quote: str
    status: str
    fact: Optional[str] = None
    stated: Optional[str] = None  # what the user said, in words, when known
    assumed: bool = False  # the user did not say: the leaf's `assume` value was taken
    at_bound: Optional[str] = None  # the figure said is exactly the threshold, whose bound word (以上) includes it
    excluded_bound: Optional[str] = (
        None  # the figure said is exactly the threshold, whose bound word (超过) excludes it
    )
    short_by: Optional[str] = None  # 「还差1个月」: how far an exact figure below an inclusive threshold falls short

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Verdict:
    """A clause's verdict: its status, and the conditions behind it."""

    clause: str
    status: str
    checks: List[Check]
    blocked_by: Optional[str] = None  # a required clause (第二条) that is not met
    premises: List[str] = field(default_factory=list)  # required clauses still unknown

    @property
    def unmet(self) -> List[Check]:
        return [c for c in self.checks if c.status == NOT_MET]

    @property
    def unknown(self) -> List[Check]:
        return [c for c in self.checks if c.status == UNKNOWN]

    @property
    def met(self) -> List[Check]:
        return [c for c in self.checks if c.status == MET]


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(CONDITIONS_FILE.read_text(encoding="utf-8"))


def clause_codes() -> List[str]:
    """Every clause that has conditions, in the policy's order."""
    return [k for k, v in _data().items() if isinstance(v, dict) and "conditions" in v]


def unstated_topics() -> dict:
    """conditions.yml `unstated_topics`: requirements users ask about and the facts that state them where a clause does."""
    return _data().get("unstated_topics") or {"asks": "(?!)", "topics": {}}


def spec(code: str) -> dict:
    """One clause's entry of conditions.yml."""
    return _data()[code]


def is_enterprise_form(entity_type) -> bool:
    """Whether an entity_type is one of 第二条's enterprise forms (独立法人企业, 法人企业分支机构)."""
    return any(entity_type in leaf.get("values", ()) for leaf in leaves("2") if leaf["fact"] == "entity_type")


def left_open(applicant: str, entity_type=None) -> Dict[str, str]:
    """{fact: note} of 第二条's conditions the policy leaves open for this applicant (code or label): those of
    conditions.yml `open_unless_enterprise`, only while the applicant has not said it is an enterprise
    (「有限公司」「独立法人」: then 第二条 applies in full and an unmet condition is 不符合)."""
    label = APPLICANT_TYPES.get(applicant, applicant)
    entry = (spec("2").get("open_unless_enterprise") or {}).get(label)
    if not entry or is_enterprise_form(entity_type):
        return {}
    return {fact: entry["note"] for fact in entry["facts"]}


def scales() -> dict:
    """The ordered scales (education, position, park level) and unsettled words."""
    return _data()["scales"]


def leaves(code: str) -> List[dict]:
    """Every leaf condition of a clause, `any` groups flattened."""
    out = []
    for cond in spec(code)["conditions"]:
        out.extend(cond["any"] if "any" in cond else [cond])
    return out


def facts_of(code: str) -> List[str]:
    """The facts a clause's conditions read."""
    return [leaf["fact"] for leaf in leaves(code)]


def threshold(leaf: dict) -> Decimal:
    """A numeric leaf's threshold, from figures.yml."""
    code, key = leaf["figure"].split("/")
    return next(f["value"] for f in figures(code) if f["key"] == key)


def at_bound(leaf: dict, facts: dict) -> Optional[str]:
    """The bound word (以上, 不低于 …) when the fact is exactly the leaf's threshold and that word includes it
    (conditions.yml `bound_words`): 「正好两年」 against 「两年以上」 meets it, and the answer says why."""
    word = _exactly_at(leaf, facts)
    return word if word in _data()["bound_words"]["inclusive"] else None


def at_excluded_bound(leaf: dict, facts: dict) -> Optional[str]:
    """The bound word (超过, 低于 …) when the fact is exactly the leaf's threshold and that word excludes it
    (conditions.yml `bound_words`: exclusive): 「正好100万美元」 against 「超过100万美元」 fails it, and the answer
    says why."""
    word = _exactly_at(leaf, facts)
    return word if word in _data()["bound_words"].get("exclusive", []) else None


GAP_UNITS = ("年", "个月", "名", "人")  # counts and durations a user can make up (not years of the calendar, not money)


def shortfall(leaf: dict, facts: dict) -> Optional[str]:
    """「还差1个月」: the threshold minus an exact figure that falls short of a 以上/不低于 bound (社保5个月 against
    不低于6个月), in the leaf's unit; None for another op, a minor leaf, a range said or a unit that is no count."""
    if leaf.get("op") != "ge" or leaf.get("minor") or leaf.get("unit") not in GAP_UNITS:
        return None
    try:
        exact = Span.of(facts.get(leaf.get("fact"))).exact() if facts.get(leaf.get("fact")) is not None else None
        gap = threshold(leaf) - exact if exact is not None else None
    except (ArithmeticError, TypeError, ValueError, StopIteration):
        return None
    if gap is None or gap <= 0:
        return None
    return _gap_words(gap, leaf["unit"])


def _gap_words(gap: Decimal, unit: str) -> str:
    """A shortfall as a person says it: 「1年」「2个月」; a part of a year read from months (1 − 8/12) in whole
    months (「4个月」), anything else to at most two decimals (never 0.3333333333333333333333333333年)."""
    if unit == "年" and gap != gap.to_integral_value():
        months = gap * 12
        if abs(months - months.to_integral_value()) < Decimal("0.0001"):
            return f"{months.to_integral_value():f}个月"
    return f"{_plain(gap)}{unit}"


def _exactly_at(leaf: dict, facts: dict) -> Optional[str]:
    if leaf.get("op") not in ("ge", "le", "gt", "lt") or facts.get(leaf.get("fact")) is None:
        return None
    try:
        exact = Span.of(facts[leaf["fact"]]).exact()
        word = bound_word(leaf)
        hit = exact is not None and exact == threshold(leaf)
    except (ArithmeticError, TypeError, ValueError, StopIteration):
        return None
    return word if hit else None


def at_bound_note(check: "Check") -> str:
    """「“以上”包含本数，您说的正好是2年，也算达到」 for a condition met exactly at its threshold, else ""."""
    if not check.at_bound or check.status != MET or not check.stated:
        return ""
    return _data()["bound_words"]["at_bound_note"].format(bound=check.at_bound, value=check.stated)


def excluded_bound_note(check: "Check") -> str:
    """「“超过”不包含本数，您说的正好是100万美元，不算超过」 for a condition failed exactly at its threshold, else ""."""
    if not check.excluded_bound or check.status != NOT_MET or not check.stated:
        return ""
    return _data()["bound_words"]["excluded_bound_note"].format(bound=check.excluded_bound, value=check.stated)


def bound_word(leaf: dict) -> Optional[str]:
    """The policy's word bounding a numeric leaf's threshold (超过, 以上, 不低于, 最多 …)."""
    code, key = leaf["figure"].split("/")
    return next(f.get("bound") for f in figures(code) if f["key"] == key)


def rank(scale: str, word) -> Optional[int]:
    """A word's place on an ordered scale (0 = lowest), or None when it is not on it."""
    if word is None:
        return None
    w = str(word).lower()
    for i, words in enumerate(scales()[scale]):
        if w in [str(x).lower() for x in words]:
            return i
    return None


def _compare(op: str, value, limit: Decimal) -> str:
    s = Span.of(value)
    lo_ok = s.lo is not None
    hi_ok = s.hi is not None
    if op == "ge":
        if lo_ok and s.lo >= limit:
            return MET
        if hi_ok and (s.hi < limit or (s.hi == limit and s.hi_open)):
            return NOT_MET
    elif op == "gt":
        if lo_ok and (s.lo > limit or (s.lo == limit and s.lo_open)):
            return MET
        if hi_ok and s.hi <= limit:
            return NOT_MET
    elif op == "le":
        if hi_ok and s.hi <= limit:
            return MET
        if lo_ok and (s.lo > limit or (s.lo == limit and s.lo_open)):
            return NOT_MET
    elif op == "lt":
        if hi_ok and (s.hi < limit or (s.hi == limit and s.hi_open)):
            return MET
        if lo_ok and s.lo >= limit:
            return NOT_MET
    else:
        raise ValueError(f"unknown numeric op {op!r}")
    return UNKNOWN


def check_leaf(leaf: dict, facts: dict, verdicts: Optional[Dict[str, "Verdict"]] = None) -> str:
    """One leaf's status for the facts."""
    op = leaf["op"]
    if op == "clauses_any":
        if isinstance(facts.get(leaf["fact"]), bool):  # 「既没拿增量奖励也没拿离岸奖励」: said outright
            return MET if facts[leaf["fact"]] else NOT_MET
        states = [(verdicts or {}).get(c) for c in leaf["clauses"]]
        states = [v.status if v else UNKNOWN for v in states]
        if MET in states:
            return MET
        return NOT_MET if all(s == NOT_MET for s in states) else UNKNOWN
    value = facts.get(leaf["fact"])
    if value is None and leaf.get("zero_unless") and facts.get(leaf["zero_unless"]) is False:
        value = 0  # 「也没做离岸」: no such business at all is an amount of 0
    if value is None:
        return UNKNOWN
    if op in ("true", "false"):
        if not isinstance(value, bool):
            return UNKNOWN
        return MET if value == (op == "true") else NOT_MET
    if op == "in":
        return MET if value in leaf["values"] else NOT_MET
    if op == "rank_ge":
        got, need = rank(leaf["scale"], value), rank(leaf["scale"], leaf["at_least"])
        if got is None:
            return UNKNOWN
        return MET if got >= need else NOT_MET
    try:
        return _compare(op, Span.of(value), threshold(leaf))
    except (ArithmeticError, TypeError, ValueError):  # 「很多」, NaN: not a number the policy can compare
        return UNKNOWN


def _applies(leaf: dict, facts: dict) -> Optional[bool]:
    """Whether a `when` leaf applies: True, False, or None while the guarding fact is unknown."""
    for fact, want in (leaf.get("when") or {}).items():
        got = facts.get(fact)
        if got is None:
            # 新增企业 unknown: the increment condition still applies unless the user says so
            return True if want is False else None
        if got != want:
            return False
    return True


def _describe(leaf: dict, facts: dict) -> Optional[str]:
    value = facts.get(leaf.get("fact"))
    if value is None:
        return None
    try:
        return _words(leaf, value)
    except (ArithmeticError, TypeError, ValueError):  # NaN, Infinity: say it as given
        return str(value)


def _words(leaf: dict, value) -> Optional[str]:
    if isinstance(value, str) and value in (leaf.get("value_words") or {}):
        return leaf["value_words"][value]
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (Span, dict)):
        s = Span.of(value)
        unit = leaf.get("unit", "")
        if s.exact() is not None:
            return _in_months(s.exact(), unit) or f"{_plain(s.exact())}{unit}"
        if s.lo is not None and s.hi is None:
            return f"{_plain(s.lo)}{unit}{'多' if s.lo_open else '以上'}"
        if s.hi is not None and s.lo is None:
            return f"{'不到' if s.hi_open else '最多'}{_plain(s.hi)}{unit}"
        if s.lo_open and s.hi_open and s.hi - s.lo == 1:  # 「两年多」: above 2, short of 3
            return f"{_plain(s.lo)}{unit}多（不到{_plain(s.hi)}{unit}）"
        return f"{_plain(s.lo)}—{_plain(s.hi)}{unit}"
    if isinstance(value, (int, float, Decimal)) or (isinstance(value, str) and _is_number(value)):
        exact = Decimal(str(value))
        return _in_months(exact, leaf.get("unit", "")) or f"{_plain(exact)}{leaf.get('unit', '')}"
    return str(value)


def _in_months(value: Decimal, unit: str) -> Optional[str]:
    """「入园刚满8个月」 read as 0.666…年 is said back as 8个月, not 0.67年; a year or more stays in years (两年半 2.5年)."""
    if unit != "年" or not 0 < value < 1:
        return None
    months = value * 12
    if abs(months - months.to_integral_value()) > Decimal("0.02"):
        return None
    return f"{int(months.to_integral_value())}个月"


def _is_number(s: str) -> bool:
    try:
        Decimal(s)
        return True
    except Exception:
        return False


def _plain(d: Decimal) -> str:
    """500万, 1,000,001, 0.83 — a number as a person writes it (at most two decimals)."""
    d = Decimal(str(d))
    if d >= 10000 and d % 10000 == 0:
        return _trim(d / 10000) + "万"
    if d == d.to_integral():
        return f"{d.to_integral():,}" if d >= 10000 else _trim(d)
    return _trim(d.quantize(Decimal("0.01")))


def _trim(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def enterprise_clause_label(who: str, code: str) -> Optional[str]:
    """For an applicant type whose name alone does not settle an enterprise clause (conditions.yml
    `enterprise_clauses`: 培训机构, and a park operator, an enterprise too, for every one but its own rent in a park), the
    condition that clause `code` sets it, in words; None for any other type or clause."""
    entry = (_data().get("enterprise_clauses") or {}).get(who) or {}
    if not entry or ("clauses" in entry and code not in entry["clauses"]) or code in entry.get("except", ()):
        return None
    return entry["label"]


def _applicant_check(code: str, entry: dict, who: str, facts: dict) -> Check:
    """The 「applicant」 condition of a 第三条 clause whose applicants do not include `who` (a label): not met, except
    for an enterprise clause that a type's name does not settle (培训机构), which is left to confirm unless the
    applicant said it is no enterprise (entity_type other)."""
    label = enterprise_clause_label(who, code)
    if label and APPLICANT_TYPES["enterprise"] in entry["applicants"]:
        if facts.get("entity_type") != "other":
            return Check(code, "applicant", label, "", UNKNOWN, "applicant_type")
        entity = next(leaf for leaf in leaves("2") if leaf["fact"] == "entity_type")
        return Check(code, "applicant", label, "", NOT_MET, "entity_type", _describe(entity, facts))
    return Check(code, "applicant", f"申报主体须为{'或'.join(entry['applicants'])}", "", NOT_MET, "applicant_type", who)


def evaluate(code: str, facts: dict, verdicts: Optional[Dict[str, Verdict]] = None) -> Verdict:
    """One clause's verdict for the facts (required clauses evaluated too)."""
    verdicts = {} if verdicts is None else verdicts
    if code in verdicts:
        return verdicts[code]
    entry = spec(code)
    for req in entry.get("requires", []):
        evaluate(req, facts, verdicts)
    for cond in entry["conditions"]:
        for leaf in cond.get("any", [cond]):
            if leaf.get("op") == "clauses_any":
                for c in leaf["clauses"]:
                    evaluate(c, facts, verdicts)
    checks = []
    who = APPLICANT_TYPES.get(facts.get("applicant_type") or "")
    also = facts.get("applicant_also_enterprise") or facts.get("applicant_itself_enterprise")
    if also and APPLICANT_TYPES["enterprise"] in entry["applicants"]:
        # 「帮园区里一家企业问下」: the asker speaks for that enterprise too; its clauses are its own.
        # 「我们机构本身也是服务外包企业」: the one applicant is an enterprise as well
        who = None
    if who and code.startswith("3") and who in entry.get("units_too", []):
        unit = facts.get("outsourcing_unit")  # 「我们自己也做外包项目 是服务外包单位」
        status = UNKNOWN if unit is None else MET if unit else NOT_MET
        checks.append(
            Check(
                code,
                "applicant",
                f"{who}本身是服务外包企业（单位）",
                "服务外包企业（单位）",
                status,
                "outsourcing_unit",
            )
        )
    elif who and code.startswith("3") and who not in entry["applicants"]:
        checks.append(_applicant_check(code, entry, who, facts))
    for cond in entry["conditions"]:
        if "any" in cond:
            states = [check_leaf(leaf, facts, verdicts) for leaf in cond["any"]]
            status = MET if MET in states else NOT_MET if all(s == NOT_MET for s in states) else UNKNOWN
            stated = (
                "；".join(
                    f"{leaf['label']}：{_describe(leaf, facts)}"
                    for leaf in cond["any"]
                    if _describe(leaf, facts) is not None
                )
                or None
            )
            checks.append(Check(code, cond["id"], cond["label"], cond["any"][0]["quote"], status, None, stated))
            continue
        applies = _applies(cond, facts)
        if applies is False:
            continue
        assumed = "assume" in cond and facts.get(cond.get("fact")) is None
        seen = dict(facts, **{cond["fact"]: cond["assume"]}) if assumed else facts
        status = check_leaf(cond, seen, verdicts) if applies else UNKNOWN
        checks.append(
            Check(
                code,
                cond["id"],
                cond["label"],
                cond.get("quote", ""),
                status,
                cond.get("fact"),
                _describe(cond, facts),
                assumed,
                at_bound(cond, facts) if not assumed else None,
                at_excluded_bound(cond, facts) if not assumed else None,
                shortfall(cond, facts) if not assumed and status == NOT_MET else None,
            )
        )
    requires = entry.get("requires", [])
    blocked = next((r for r in requires if verdicts[r].status == NOT_MET), None)
    if blocked or any(c.status == NOT_MET for c in checks):
        status = NOT_MET
    elif all(c.status == MET for c in checks):
        status = MET
    else:
        status = UNKNOWN
    premises = [r for r in requires if verdicts[r].status == UNKNOWN] if not blocked else []
    verdict = Verdict(code, status, checks, blocked, premises)
    verdicts[code] = verdict
    return verdict


def evaluate_all(facts: dict, codes=None) -> Dict[str, Verdict]:
    """Verdicts for every clause (or those named), sharing the required ones."""
    verdicts: Dict[str, Verdict] = {}
    for code in codes or clause_codes():
        evaluate(code, facts, verdicts)
    return verdicts


def applicant_clauses(applicant: Optional[str]) -> List[str]:
    """The support clauses open to an applicant type (enterprise, park_operator, training_institution)."""
    label = APPLICANT_TYPES.get(applicant or "enterprise")
    return [c for c in clause_codes() if c.startswith("3") and label in spec(c)["applicants"]]


def computed_unmet(code: str, leaf_id: str, how: str) -> str:
    """The calculator's words for a condition its figures fail (conditions.yml computed_unmet; how: lower / same)."""
    for leaf in leaves(code):
        if leaf.get("id") == leaf_id:
            return leaf["computed_unmet"][how]
    raise KeyError(f"no condition {leaf_id!r} in clause {code}")


def decided_by_calculator(leaf: dict, inputs) -> bool:
    """Whether the calculator decides `leaf` from the inputs given (names): computed_by is a list of inputs
    (any one decides) or of groups of them (one of every group needed: both years' amounts for growth)."""
    need = leaf.get("computed_by") or []
    groups = [g if isinstance(g, list) else [g] for g in need]
    if need and all(isinstance(g, list) for g in need):
        return all(set(g) & set(inputs) for g in groups)
    return bool(set(x for g in groups for x in g) & set(inputs))


def computed_facts(inputs=None) -> set:
    """Facts the calculator decides itself from figures (a leaf's computed_by): all of them, or those
    that the calculator inputs given (names) let it decide."""
    return {
        leaf["fact"]
        for code in clause_codes()
        for leaf in leaves(code)
        if leaf.get("computed_by") and (inputs is None or decided_by_calculator(leaf, inputs))
    }
