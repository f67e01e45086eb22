"""knowledge.conditions: every condition of conditions.yml at, below and above its threshold, in the policy's words."""

import re
from decimal import Decimal
from functools import lru_cache
from typing import Dict, Optional, Tuple

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.conditions import (
    APPLICANT_TYPES,
    CONDITIONS_FILE,
    MET,
    NOT_MET,
    UNKNOWN,
    Span,
    Verdict,
    applicant_clauses,
    bound_word,
    check_leaf,
    clause_codes,
    evaluate,
    evaluate_all,
    leaves,
    rank,
    scales,
    spec,
    threshold,
)
from knowledge.figures import FIGURES_FILE

D = Decimal
ROOT = CONDITIONS_FILE.parents[2]
CLAUSES_FILE = ROOT / "knowledge" / "data" / "clauses.yml"
FACTS_FILE = ROOT / "knowledge" / "data" / "facts.yml"

# 第二条 for a legal person registered in Zhengzhou that meets every condition
ELIGIBLE = {
    "entity_type": "legal_person",
    "registered_in_zhengzhou": True,
    "clear_property_rights": True,
    "lawful_operation": True,
    "lawful_tax": True,
    "sound_finance": True,
    "mofcom_registered": True,
}
SECOND_ARTICLE_FACTS = {
    "entity_type",
    "registered_in_zhengzhou",
    "pays_tax_in_zhengzhou",
    "clear_property_rights",
    "lawful_operation",
    "lawful_tax",
    "sound_finance",
    "mofcom_registered",
}
# base_award is 3.1's and 3.2's verdicts, not a statement; new_enterprise guards 3.1's increment
DERIVED_FACTS = {"base_award", "new_enterprise"}
# a 最多 fact that counts an allowance already used (met while some is left), not a count asked for
ALLOWANCES_USED = {"rent_years_subsidized"}
NUMERIC_OPS = {"gt", "ge", "lt", "le"}


@lru_cache(maxsize=1)
def raw_conditions() -> dict:
    """conditions.yml as written, without the evaluator."""
    return yaml.safe_load(CONDITIONS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def raw_figures() -> dict:
    """figures.yml as written."""
    return yaml.safe_load(FIGURES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def raw_clauses() -> Dict[str, dict]:
    """clauses.yml by code."""
    return {c["code"]: c for c in yaml.safe_load(CLAUSES_FILE.read_text(encoding="utf-8"))}


@lru_cache(maxsize=1)
def raw_facts() -> dict:
    """facts.yml as written."""
    return yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))


def policy_clause(code: str) -> str:
    """The clause of clauses.yml a conditions.yml entry belongs to (3.8.2a and 3.8.2b are 3.8.2)."""
    return re.sub(r"[a-z]$", "", code)


def leaf(code: str, leaf_id: str) -> dict:
    """One leaf condition of a clause."""
    return next(x for x in leaves(code) if x["id"] == leaf_id)


def all_leaves():
    """(clause, leaf) for every leaf of conditions.yml, `any` groups flattened."""
    data = raw_conditions()
    for code, entry in data.items():
        if "conditions" not in entry:  # scales, bound_words
            continue
        for cond in entry["conditions"]:
            for item in cond.get("any", [cond]):
                yield code, item


def leaves_with(ops) -> list:
    """pytest params (clause, leaf) for the leaves whose op is in `ops`."""
    return [pytest.param(code, item, id=f"{code}-{item['id']}") for code, item in all_leaves() if item["op"] in ops]


def verdict_stub(code: str, status: str) -> Verdict:
    """A verdict with no checks, standing for a clause already evaluated."""
    return Verdict(code, status, [])


def statuses(verdict: Verdict) -> Dict[str, str]:
    """{condition id: status} of a verdict."""
    return {c.id: c.status for c in verdict.checks}


# --- the policy's wording: what 超过 / 以上 / 不低于 / 每 / 最多 mean at, just below and just above ---

# at: the figure itself; below/above: one unit and one hundredth either side
WORDING = {
    "超过": {"at": NOT_MET, "below": NOT_MET, "above": MET},  # excludes the number
    "以上": {"at": MET, "below": NOT_MET, "above": MET},  # includes it
    "不低于": {"at": MET, "below": NOT_MET, "above": MET},
    "每": {"at": MET, "below": NOT_MET, "above": MET},  # one whole step is the least
    "自": {"at": MET, "below": NOT_MET, "above": MET},  # 自2020年开始: that year and after
    "最多": {"at": MET, "below": MET, "above": NOT_MET},  # a cap on what is asked for
    "最多(已用)": {"at": NOT_MET, "below": MET, "above": NOT_MET},  # an allowance already used up
}
# a bound the user states instead of a number: 「超过N」「N多」, 「N以上」, 「不到N」, 「最多N」
STATED = {
    "lo_open": lambda t: Span(lo=t, lo_open=True),
    "lo_closed": lambda t: Span(lo=t),
    "hi_open": lambda t: Span(hi=t, hi_open=True),
    "hi_closed": lambda t: Span(hi=t),
}
WORDING_STATED = {
    "超过": {"lo_open": MET, "lo_closed": UNKNOWN, "hi_open": NOT_MET, "hi_closed": NOT_MET},
    "以上": {"lo_open": MET, "lo_closed": MET, "hi_open": NOT_MET, "hi_closed": UNKNOWN},
    "不低于": {"lo_open": MET, "lo_closed": MET, "hi_open": NOT_MET, "hi_closed": UNKNOWN},
    "每": {"lo_open": MET, "lo_closed": MET, "hi_open": NOT_MET, "hi_closed": UNKNOWN},
    "自": {"lo_open": MET, "lo_closed": MET, "hi_open": NOT_MET, "hi_closed": UNKNOWN},
    "最多": {"lo_open": NOT_MET, "lo_closed": UNKNOWN, "hi_open": MET, "hi_closed": MET},
    "最多(已用)": {"lo_open": NOT_MET, "lo_closed": NOT_MET, "hi_open": MET, "hi_closed": UNKNOWN},
}


def wording(item: dict) -> str:
    """The policy's bound word for a numeric leaf, 最多 split by what the fact counts."""
    word = bound_word(item)
    return "最多(已用)" if word == "最多" and item["fact"] in ALLOWANCES_USED else word


def numeric_rows():
    """(clause, leaf, value, expected) at, just below and just above every numeric threshold."""
    rows = []
    for code, item in all_leaves():
        if item["op"] not in NUMERIC_OPS:
            continue
        t, meaning = threshold(item), wording(item)
        points = {"at": [t], "below": [t - 1, t - D("0.01")], "above": [t + 1, t + D("0.01")]}
        for where, values in points.items():
            for value in values:
                rows.append(
                    pytest.param(code, item, value, WORDING[meaning][where], id=f"{code}-{item['id']}-{where}-{value}")
                )
        for form, make in STATED.items():
            rows.append(
                pytest.param(code, item, make(t), WORDING_STATED[meaning][form], id=f"{code}-{item['id']}-{form}-{t}")
            )
    return rows


# every numeric condition: (clause, id) -> (threshold, bound word); literal, from the policy text
THRESHOLDS = {
    ("3.1", "since"): (D("2020"), "自"),
    ("3.2", "offshore"): (D("1000000"), "超过"),
    ("3.7.2", "contract"): (D("1"), "以上"),
    ("3.7.4", "agreement"): (D("2"), "以上"),
    ("3.7.4", "interns"): (D("20"), "以上"),
    ("3.7.4", "months"): (D("3"), "以上"),
    ("3.7.4", "insurance"): (D("6"), "不低于"),
    ("3.8.2a", "running"): (D("1"), "以上"),
    ("3.8.2b", "investment"): (D("10000000"), "每"),
    ("3.8.3", "years"): (D("3"), "以上"),
    ("3.8.3", "contract"): (D("5000000"), "超过"),
    ("3.8.3", "subsidy_years"): (D("3"), "最多"),
}

# the key thresholds with literal answers, as a user would state them
KNOWN_NUMBERS = [
    # 3.1 自2020年开始: 2020 itself counts, 2019 does not
    ("3.1", "since", 2020, MET),
    ("3.1", "since", 2019, NOT_MET),
    ("3.1", "since", 2021, MET),
    ("3.1", "since", "2023", MET),
    ("3.1", "since", Span(hi=D("2020"), hi_open=True), NOT_MET),  # 2020年以前
    ("3.1", "since", Span(lo=D("2019")), UNKNOWN),  # 2019年以后
    # 3.2 年度离岸服务外包业务超过100万美元: 100万 itself is not enough
    ("3.2", "offshore", 1000000, NOT_MET),
    ("3.2", "offshore", 1000001, MET),
    ("3.2", "offshore", 999999, NOT_MET),
    ("3.2", "offshore", "1000001", MET),
    ("3.2", "offshore", 1000000.5, MET),
    ("3.2", "offshore", {"lo": "1000001", "hi": "1000001", "lo_open": False, "hi_open": False}, MET),
    ("3.2", "offshore", Span(lo=D("1000000")), UNKNOWN),  # 100万美元以上
    ("3.2", "offshore", Span(lo=D("1000000"), lo_open=True), MET),  # 超过100万美元
    ("3.2", "offshore", Span(hi=D("1000000")), NOT_MET),  # 最多100万美元
    ("3.2", "offshore", Span(D("800000"), D("1200000")), UNKNOWN),  # 80万到120万之间
    # 3.7.4 签订两年以上实习生实训协议
    ("3.7.4", "agreement", 2, MET),
    ("3.7.4", "agreement", D("1.99"), NOT_MET),
    ("3.7.4", "agreement", 1, NOT_MET),
    ("3.7.4", "agreement", 3, MET),
    ("3.7.4", "agreement", Span(lo=D("2"), lo_open=True), MET),  # 两年多
    ("3.7.4", "agreement", Span(hi=D("2"), hi_open=True), NOT_MET),  # 不到两年
    # 每年接受服务外包实习生20名以上
    ("3.7.4", "interns", 20, MET),
    ("3.7.4", "interns", 19, NOT_MET),
    ("3.7.4", "interns", 21, MET),
    # 实习期3个月以上
    ("3.7.4", "months", 3, MET),
    ("3.7.4", "months", D("2.9"), NOT_MET),
    ("3.7.4", "months", Span(hi=D("3"), hi_open=True), NOT_MET),  # 不到3个月
    # 在职并连续交纳社保不低于6个月
    ("3.7.4", "insurance", 6, MET),
    ("3.7.4", "insurance", 5, NOT_MET),
    ("3.7.4", "insurance", 12, MET),
    # 3.7.2 签订1年以上《劳动合同》
    ("3.7.2", "contract", 1, MET),
    ("3.7.2", "contract", 0.83, NOT_MET),
    ("3.7.2", "contract", D(10) / D(12), NOT_MET),  # 10个月
    ("3.7.2", "contract", Span(lo=D("1"), lo_open=True), MET),  # 一年多
    # 3.8.3 合同执行额超过500万元, 入驻三年以上, 补贴期限最多3年
    ("3.8.3", "contract", 5000000, NOT_MET),
    ("3.8.3", "contract", 5000001, MET),
    ("3.8.3", "contract", Span(lo=D("5000000"), lo_open=True), MET),
    ("3.8.3", "years", 3, MET),
    ("3.8.3", "years", D("2.5"), NOT_MET),
    ("3.8.3", "years", Span(lo=D("3"), lo_open=True), MET),  # 三年多
    ("3.8.3", "subsidy_years", 3, NOT_MET),
    ("3.8.3", "subsidy_years", 2, MET),
    ("3.8.3", "subsidy_years", 0, MET),
    ("3.8.3", "subsidy_years", Span(hi=D("3"), hi_open=True), MET),  # 还不到3年
    # 3.8.2 上述企业或项目入园正常运营一年以上
    ("3.8.2a", "running", 1, MET),
    ("3.8.2a", "running", Span(hi=D("1"), hi_open=True), NOT_MET),  # 不到一年
    ("3.8.2a", "running", Span(lo=D("1"), lo_open=True), MET),  # 一年多
    ("3.8.2a", "running", D(8) / D(12), NOT_MET),  # 8个月
    # 3.8.2 吸引外商投资金额每1000万美元
    ("3.8.2b", "investment", 10000000, MET),
    ("3.8.2b", "investment", 9999999, NOT_MET),
    ("3.8.2b", "investment", 25000000, MET),
    # a value that is not a number leaves the condition unknown (「很多」 is no figure)
    ("3.2", "offshore", "很多", UNKNOWN),
    ("3.8.3", "contract", "很多", UNKNOWN),
    ("3.7.2", "contract", "一年多", UNKNOWN),
    ("3.8.3", "subsidy_years", "", UNKNOWN),
    ("3.8.2b", "investment", True, UNKNOWN),
    ("3.2", "offshore", {"lo": "很多"}, UNKNOWN),
]

KNOWN_RANKS = [
    # 3.7.2 学员大专以上学历
    ("3.7.2", "education", "中专", NOT_MET),
    ("3.7.2", "education", "高中", NOT_MET),
    ("3.7.2", "education", "大专", MET),
    ("3.7.2", "education", "专科", MET),
    ("3.7.2", "education", "本科", MET),
    ("3.7.2", "education", "某某学历", UNKNOWN),
    # 3.7.3 本科以上学历、项目经理以上职位
    ("3.7.3", "education", "中专", NOT_MET),
    ("3.7.3", "education", "大专", NOT_MET),
    ("3.7.3", "education", "本科", MET),
    ("3.7.3", "education", "硕士", MET),
    ("3.7.3", "position", "普通员工", NOT_MET),
    ("3.7.3", "position", "程序员", NOT_MET),
    ("3.7.3", "position", "项目经理", MET),
    ("3.7.3", "position", "总监", MET),
    ("3.7.3", "position", "CTO", MET),
    ("3.7.3", "position", "主管", UNKNOWN),
    ("3.7.3", "position", "架构师", UNKNOWN),
    # 3.7.4 大专以上学历
    ("3.7.4", "education", "中专", NOT_MET),
    ("3.7.4", "education", "大专", MET),
    ("3.7.4", "education", "本科", MET),
    # 市级及市级以上园区
    ("3.8.1", "level", "区级", NOT_MET),
    ("3.8.1", "level", "市级", MET),
    ("3.8.1", "level", "省级", MET),
    ("3.8.1", "level", "国家级", MET),
    ("3.8.2a", "level", "区级", NOT_MET),
    ("3.8.2a", "level", "市级", MET),
    ("3.8.2a", "level", "省级", MET),
    ("3.8.2b", "level", "县级", NOT_MET),
    ("3.8.2b", "level", "市级", MET),
    ("3.8.2b", "level", "省级", MET),
    ("3.8.3", "level", "区级", NOT_MET),
    ("3.8.3", "level", "市级", MET),
    ("3.8.3", "level", "省级", MET),
]


def rank_rows():
    """(clause, leaf, word, expected) for every word of every rank leaf's scale (and the unsettled titles)."""
    data = raw_conditions()["scales"]
    rows = []
    for code, item in all_leaves():
        if item["op"] != "rank_ge":
            continue
        levels = data[item["scale"]]
        need = next(i for i, words in enumerate(levels) if item["at_least"] in words)
        for i, words in enumerate(levels):
            for word in words:
                rows.append(
                    pytest.param(code, item, word, MET if i >= need else NOT_MET, id=f"{code}-{item['id']}-{word}")
                )
        for word in data.get(f"{item['scale']}_unsettled", []):
            rows.append(pytest.param(code, item, word, UNKNOWN, id=f"{code}-{item['id']}-{word}-unsettled"))
    return rows


def bool_rows():
    """(clause, leaf, value, expected) for every yes/no leaf: true, false and missing."""
    rows = []
    for code, item in all_leaves():
        if item["op"] not in ("true", "false"):
            continue
        wants = item["op"] == "true"
        for value in (True, False):
            rows.append(
                pytest.param(code, item, value, MET if value == wants else NOT_MET, id=f"{code}-{item['id']}-{value}")
            )
        rows.append(pytest.param(code, item, None, UNKNOWN, id=f"{code}-{item['id']}-missing"))
    return rows


def bad_value_rows():
    """(clause, leaf, value) for every yes/no leaf given a non-bool and every numeric leaf a non-number."""
    rows = []
    for code, item in all_leaves():
        if item["op"] in ("true", "false"):
            values = ["true", "false", "是", 0, 1]
        elif item["op"] in NUMERIC_OPS:
            values = ["很多", "", "一百万", True, {"lo": "x"}]
        else:
            continue
        rows += [pytest.param(code, item, value, id=f"{code}-{item['id']}-{value!r}") for value in values]
    return rows


def in_rows():
    """(clause, leaf, value, expected) for every `in` leaf: each listed value, another one, and missing."""
    rows = []
    for code, item in all_leaves():
        if item["op"] != "in":
            continue
        for value in item["values"]:
            rows.append(pytest.param(code, item, value, MET, id=f"{code}-{item['id']}-{value}"))
        rows.append(pytest.param(code, item, "other", NOT_MET, id=f"{code}-{item['id']}-other"))
        rows.append(pytest.param(code, item, None, UNKNOWN, id=f"{code}-{item['id']}-missing"))
    return rows


class TestThreshold:
    @pytest.mark.parametrize("key", sorted(THRESHOLDS), ids=lambda k: "-".join(k))
    def test_known_thresholds(self, key):
        """Each numeric condition's threshold is the policy's figure."""
        assert THRESHOLDS[key][0] == threshold(leaf(*key))

    def test_every_numeric_condition_has_a_known_answer(self):
        """The literal table lists every numeric condition of conditions.yml, so a new one needs a row."""
        assert set(THRESHOLDS) == {(code, item["id"]) for code, item in all_leaves() if item["op"] in NUMERIC_OPS}

    @pytest.mark.parametrize("code, item", leaves_with(NUMERIC_OPS))
    def test_threshold_is_the_figure(self, code, item):
        """A threshold is read from figures.yml, as a Decimal."""
        ref_code, key = item["figure"].split("/")
        expected = D(str(next(f["value"] for f in raw_figures()[ref_code] if f["key"] == key)))
        assert (expected, Decimal) == (threshold(item), type(threshold(item)))


class TestBoundWord:
    @pytest.mark.parametrize("key", sorted(THRESHOLDS), ids=lambda k: "-".join(k))
    def test_known_bound_words(self, key):
        """Each numeric condition's bound word is the policy's."""
        assert THRESHOLDS[key][1] == bound_word(leaf(*key))


class TestRank:
    @pytest.mark.parametrize(
        "scale, word, expected",
        [
            ("education", "小学", 0),
            ("education", "中专", 1),
            ("education", "职高", 1),
            ("education", "大专", 2),
            ("education", "高职", 2),
            ("education", "本科", 3),
            ("education", "研究生", 4),
            ("education", "博士", 5),
            ("position", "普通员工", 0),
            ("position", "项目经理", 1),
            ("position", "总监", 2),
            ("position", "CTO", 2),
            ("position", "cto", 2),
            ("park_level", "区级", 0),
            ("park_level", "市级", 1),
            ("park_level", "省级", 2),
            ("park_level", "国家级", 3),
        ],
    )
    def test_known_places(self, scale, word, expected):
        """A word's place on its scale, lowest 0, Latin letters in any case."""
        assert expected == rank(scale, word)

    @pytest.mark.parametrize(
        "scale, word",
        [
            ("position", "主管"),
            ("position", "组长"),
            ("education", "某某学历"),
            ("education", None),
            ("park_level", "本科"),
        ],
    )
    def test_not_on_scale(self, scale, word):
        """A word not on the scale (an unsettled title, another scale's word, nothing) has no place."""
        assert None is rank(scale, word)


class TestSpan:
    @pytest.mark.parametrize(
        "value, expected",
        [
            (3, Span(D(3), D(3))),
            ("0.5", Span(D("0.5"), D("0.5"))),
            (D("2"), Span(D(2), D(2))),
            ({"lo": "1", "lo_open": True}, Span(lo=D(1), lo_open=True)),
            ({"lo": None, "hi": "6", "lo_open": False, "hi_open": True}, Span(hi=D(6), hi_open=True)),
            (Span(hi=D(1)), Span(hi=D(1))),
        ],
    )
    def test_of(self, value, expected):
        """A number, a span dict or a span becomes the span it stands for."""
        assert expected == Span.of(value)

    @pytest.mark.parametrize(
        "span, expected",
        [
            (Span(D(3), D(3)), D(3)),
            (Span(lo=D(1), lo_open=True), None),
            (Span(D(3), D(3), lo_open=True), None),
            (Span(D(1), D(2)), None),
        ],
    )
    def test_exact(self, span, expected):
        """Only a closed one-number span has an exact value."""
        assert expected == span.exact()

    @pytest.mark.parametrize("span", [Span(D(3), D(3)), Span(lo=D(1), lo_open=True), Span(hi=D("0.5"), hi_open=True)])
    def test_json_round_trip(self, span):
        """to_json and Span.of are inverses."""
        assert span == Span.of(span.to_json())


class TestCheckLeaf:
    @pytest.mark.parametrize("code, item, value, expected", numeric_rows())
    def test_numbers_from_the_yaml(self, code, item, value, expected):
        """Every numeric condition at, just below, just above and bounded by its threshold, as its bound word says."""
        assert expected == check_leaf(item, {item["fact"]: value})

    @pytest.mark.parametrize(
        "code, leaf_id, value, expected", KNOWN_NUMBERS, ids=[f"{c}-{i}-{v}" for c, i, v, _ in KNOWN_NUMBERS]
    )
    def test_known_numbers(self, code, leaf_id, value, expected):
        """The key thresholds, with literal answers."""
        item = leaf(code, leaf_id)
        assert expected == check_leaf(item, {item["fact"]: value})

    @pytest.mark.parametrize("value", ["NaN", float("nan"), "sNaN", Span(lo=D("NaN")), {"lo": "NaN", "hi": "NaN"}])
    @pytest.mark.parametrize("code, item", leaves_with(NUMERIC_OPS))
    def test_not_a_number_unknown(self, code, item, value):
        """「NaN」 is not a number either: every numeric condition is unknown, not an error."""
        assert UNKNOWN == check_leaf(item, {item["fact"]: value})

    @pytest.mark.parametrize("code, item", leaves_with(NUMERIC_OPS))
    def test_number_missing(self, code, item):
        """A number not stated leaves its condition unknown."""
        assert UNKNOWN == check_leaf(item, {})

    @pytest.mark.parametrize("code, item, word, expected", rank_rows())
    def test_ranks_from_the_yaml(self, code, item, word, expected):
        """Every word of every rank condition's scale, against the condition's least rank."""
        assert expected == check_leaf(item, {item["fact"]: word})

    @pytest.mark.parametrize(
        "code, leaf_id, word, expected", KNOWN_RANKS, ids=[f"{c}-{i}-{w}" for c, i, w, _ in KNOWN_RANKS]
    )
    def test_known_ranks(self, code, leaf_id, word, expected):
        """Education, position and park level, with literal answers (an unsettled title stays unknown)."""
        item = leaf(code, leaf_id)
        assert expected == check_leaf(item, {item["fact"]: word})

    @pytest.mark.parametrize("code, item", leaves_with({"rank_ge"}))
    def test_rank_missing(self, code, item):
        """A rank not stated leaves its condition unknown."""
        assert UNKNOWN == check_leaf(item, {})

    @pytest.mark.parametrize("code, item, value, expected", bool_rows())
    def test_yes_no(self, code, item, value, expected):
        """Every yes/no condition: stated true, stated false, not stated."""
        facts = {} if value is None else {item["fact"]: value}
        assert expected == check_leaf(item, facts)

    @pytest.mark.parametrize("code, item, value", bad_value_rows())
    def test_bad_value_unknown(self, code, item, value):
        """A yes/no condition given anything but a bool, or a numeric one given no number, is unknown."""
        assert UNKNOWN == check_leaf(item, {item["fact"]: value})

    @pytest.mark.parametrize(
        "code, leaf_id, value, expected",
        [
            ("3.7.3", "not_degree", True, NOT_MET),  # 学历教育 is excluded
            ("3.7.3", "not_degree", False, MET),
            ("3.8.1", "operated", False, NOT_MET),  # 管委会直接管理, no operating company
            ("3.4", "new_status", False, NOT_MET),  # 复审 is not 新获得
            ("3.5", "designated", False, NOT_MET),
            ("3.9", "public", False, NOT_MET),  # a system for the company's own use
            ("4.3", "no_double", True, NOT_MET),  # 不得重复申报: already claimed under another policy
            ("4.3", "no_double", False, MET),
            ("4.3", "no_double", None, UNKNOWN),  # not said
            ("4.3", "no_double", "false", UNKNOWN),  # the word, not the bool
            ("3.7.3", "not_degree", "false", UNKNOWN),
            ("3.5", "designated", "true", UNKNOWN),
        ],
    )
    def test_known_yes_no(self, code, leaf_id, value, expected):
        """Yes/no conditions the issue names, with literal answers (a value not a bool is unknown)."""
        item = leaf(code, leaf_id)
        assert expected == check_leaf(item, {} if value is None else {item["fact"]: value})

    @pytest.mark.parametrize("code, item, value, expected", in_rows())
    def test_one_of(self, code, item, value, expected):
        """Every `in` condition: each listed value, another value, not stated."""
        facts = {} if value is None else {item["fact"]: value}
        assert expected == check_leaf(item, facts)

    @pytest.mark.parametrize(
        "increment, offshore, expected",
        [
            (MET, NOT_MET, MET),
            (NOT_MET, MET, MET),
            (MET, MET, MET),
            (MET, UNKNOWN, MET),
            (NOT_MET, NOT_MET, NOT_MET),
            (NOT_MET, UNKNOWN, UNKNOWN),
            (UNKNOWN, UNKNOWN, UNKNOWN),
        ],
    )
    def test_clauses_any(self, increment, offshore, expected):
        """3.3's base is met when 3.1 or 3.2 is met, not met when both are not met."""
        verdicts = {"3.1": verdict_stub("3.1", increment), "3.2": verdict_stub("3.2", offshore)}
        assert expected == check_leaf(leaf("3.3", "base"), {}, verdicts)

    @pytest.mark.parametrize("verdicts", [None, {}, {"3.1": verdict_stub("3.1", NOT_MET)}])
    def test_clauses_any_not_evaluated(self, verdicts):
        """A clause not evaluated counts as unknown for 3.3's base."""
        assert UNKNOWN == check_leaf(leaf("3.3", "base"), {}, verdicts)


# each support clause: facts that meet every condition (with 第二条 where it is required) ...
MEETS = {
    "3.1": {"business_year": 2023, "business_grew": True},
    "3.2": {"offshore_usd": 1500000},
    "3.3": {"innovation_patents_two_years": True, "offshore_usd": 1500000},
    "3.4": {"tech_advanced_new": True, "tech_award_received": False},
    "3.5": {"fair_designated": True},
    "3.6": {"certification_related": True, "certification_cost_kind": "new"},
    "3.7.1": {"runs_outsourcing_training": True},
    "3.7.2": {
        "institution_recognized": True,
        "education_level": "大专",
        "trainee_passed_exam": True,
        "labor_contract_years": 1,
    },
    "3.7.3": {
        "training_foreign_related": True,
        "education_level": "本科",
        "position_level": "项目经理",
        "degree_education": False,
    },
    "3.7.4": {
        "internship_agreement_years": 2,
        "interns_per_year": 20,
        "fresh_graduate": True,
        "education_level": "大专",
        "internship_months": 3,
        "social_insurance_months": 6,
    },
    "3.8.1": {"park_newly_recognized": True, "park_enterprise_operated": True, "park_level": "市级"},
    "3.8.2a": {"park_level": "省级", "top_enterprise_introduced": True, "top_operating_years": 1},
    "3.8.2b": {"park_level": "市级", "project_it_industry": True, "park_foreign_investment_usd": 10000000},
    "3.8.3": {
        "park_level": "市级",
        "rent_years_in_park": 3,
        "rent_contract_amount_cny": 5000001,
        "office_rented": True,
        "rent_years_subsidized": 2,
    },
    "3.9": {"platform_public": True},
    "4.3": {"claimed_elsewhere": False},
}
# ... and, for each condition, facts that fail it: (clause, facts, the condition they fail)
FAILS = [
    ("3.1", {"business_year": 2019}, "since"),
    ("3.1", {"business_grew": False}, "increment"),
    ("3.2", {"offshore_usd": 1000000}, "offshore"),
    ("3.3", {"innovation_patents_two_years": False, "innovation_rd_growth_two_years": False}, "innovation"),
    ("3.3", {"offshore_usd": 1000000, "business_grew": False}, "base"),
    ("3.4", {"tech_advanced_new": False}, "new_status"),
    ("3.4", {"tech_award_received": True}, "once"),
    ("3.5", {"fair_designated": False}, "designated"),
    ("3.6", {"certification_related": False}, "related"),
    ("3.6", {"certification_cost_kind": "other"}, "cost_kind"),
    ("3.7.1", {"runs_outsourcing_training": False}, "training"),
    ("3.7.2", {"institution_recognized": False}, "recognised"),
    ("3.7.2", {"education_level": "中专"}, "education"),
    ("3.7.2", {"trainee_passed_exam": False}, "exam"),
    ("3.7.2", {"labor_contract_years": D("0.83")}, "contract"),
    ("3.7.3", {"training_foreign_related": False}, "foreign"),
    ("3.7.3", {"education_level": "大专"}, "education"),
    ("3.7.3", {"position_level": "普通员工"}, "position"),
    ("3.7.3", {"degree_education": True}, "not_degree"),
    ("3.7.4", {"internship_agreement_years": 1}, "agreement"),
    ("3.7.4", {"interns_per_year": 19}, "interns"),
    ("3.7.4", {"fresh_graduate": False}, "graduate"),
    ("3.7.4", {"education_level": "中专"}, "education"),
    ("3.7.4", {"internship_months": 2}, "months"),
    ("3.7.4", {"social_insurance_months": 5}, "insurance"),
    ("3.8.1", {"park_newly_recognized": False}, "new"),
    ("3.8.1", {"park_enterprise_operated": False}, "operated"),
    ("3.8.1", {"park_level": "区级"}, "level"),
    ("3.8.2a", {"park_level": "区级"}, "level"),
    ("3.8.2a", {"top_enterprise_introduced": False}, "top"),
    ("3.8.2a", {"top_operating_years": Span(hi=D(1), hi_open=True)}, "running"),
    ("3.8.2b", {"park_level": "区级"}, "level"),
    ("3.8.2b", {"project_it_industry": False}, "industry"),
    ("3.8.2b", {"park_foreign_investment_usd": 9999999}, "investment"),
    ("3.8.3", {"park_level": "区级"}, "level"),
    ("3.8.3", {"rent_years_in_park": 2}, "years"),
    ("3.8.3", {"rent_contract_amount_cny": 5000000}, "contract"),
    ("3.8.3", {"office_rented": False}, "rented"),
    ("3.8.3", {"rent_years_subsidized": 3}, "subsidy_years"),
    ("3.9", {"platform_public": False}, "public"),
    ("4.3", {"claimed_elsewhere": True}, "no_double"),
]
# clauses 第二条 does not gate: the training institutions' and 四（三）'s 不得重复申报 (open to every applicant)
UNGATED_CLAUSES = ["3.7.1", "3.7.2", "4.3"]
# conditions taken as met while the user has not said (`assume`): (clause, id) -> the value assumed; literal
ASSUMED = {
    ("3.4", "once"): False,  # 一次性奖励: not received yet
    ("3.7.3", "not_degree"): False,  # 业务培训, not 学历教育
    ("3.8.3", "subsidy_years"): 0,  # 已享受租金补贴年数 counts 0
    ("4.3", "no_double"): False,  # 不得重复申报: not claimed elsewhere
}
ASSUMED_FACTS = {leaf(code, leaf_id)["fact"] for code, leaf_id in ASSUMED}
# the applicant types and the words conditions.yml names them by; literal
APPLICANT_LABELS = {"enterprise": "企业", "park_operator": "园区管理和运营企业", "training_institution": "培训机构"}
# applicant types an enterprise clause leaves to confirm rather than refuses: every such clause but those named
# (a park operator is an enterprise: only its own rent in a park, 三（八）3, is refused)
OPEN_TO_CONFIRM = {"培训机构": (), "园区管理和运营企业": ("3.8.3",)}


def left_to_confirm(who, code) -> bool:
    """Whether enterprise clause `code` is left to confirm for applicant type `who` (a label), not refused."""
    return who in OPEN_TO_CONFIRM and code not in OPEN_TO_CONFIRM[who]


def with_second_article(code: str, facts: dict) -> dict:
    """`facts` plus a met 第二条 for the clauses that require it."""
    return dict(ELIGIBLE, **facts) if spec(code).get("requires") else dict(facts)


class TestEvaluate:
    @pytest.mark.parametrize("code", sorted(MEETS))
    def test_all_met(self, code):
        """Facts meeting every condition (and 第二条 where required) make the clause met."""
        verdict = evaluate(code, with_second_article(code, MEETS[code]))
        assert (MET, [], []) == (verdict.status, verdict.unmet, verdict.unknown)

    def test_every_clause_has_known_answers(self):
        """MEETS covers every support clause and FAILS every one of their conditions."""
        expected = {(code, c["id"]) for code in clause_codes() if code != "2" for c in spec(code)["conditions"]}
        assert (set(clause_codes()) - {"2"}, expected) == (set(MEETS), {(code, cond) for code, _, cond in FAILS})

    @pytest.mark.parametrize(
        "code, facts, cond", FAILS, ids=[f"{c}-" + "-".join(f"{k}={v}" for k, v in f.items()) for c, f, _ in FAILS]
    )
    def test_one_condition_fails(self, code, facts, cond):
        """One condition failing makes the clause not met, naming that condition."""
        verdict = evaluate(code, with_second_article(code, dict(MEETS[code], **facts)))
        assert (NOT_MET, [cond]) == (verdict.status, [c.id for c in verdict.unmet])

    @pytest.mark.parametrize("code", sorted(MEETS))
    def test_each_fact_missing(self, code):
        """Leaving out any one fact of a met clause makes it unknown, never met or not met — but a fact with
        an `assume` value, which is taken instead (the clause stays met, its check marked assumed)."""
        facts = with_second_article(code, MEETS[code])
        actual = {}
        for fact in MEETS[code]:
            verdict = evaluate(code, {k: v for k, v in facts.items() if k != fact})
            actual[fact] = (verdict.status, [c.id for c in verdict.checks if c.assumed])
        expected = {
            fact: (MET, [i for (c, i) in ASSUMED if c == code and leaf(c, i)["fact"] == fact])
            if fact in ASSUMED_FACTS
            else (UNKNOWN, [])
            for fact in MEETS[code]
        }
        assert expected == actual

    def test_assumed_leaves(self):
        """The `assume` values of conditions.yml are the literal table's."""
        found = {(code, item["id"]): item["assume"] for code, item in all_leaves() if "assume" in item}
        assert ASSUMED == found

    @pytest.mark.parametrize(
        "code, leaf_id, value, expected",
        [
            # (value None: not said, so the assumed value decides and the check says so)
            ("3.8.3", "subsidy_years", None, (MET, True, None)),
            ("3.8.3", "subsidy_years", 0, (MET, False, "0年")),
            ("3.8.3", "subsidy_years", 2, (MET, False, "2年")),
            ("3.8.3", "subsidy_years", 3, (NOT_MET, False, "3年")),
            ("3.8.3", "subsidy_years", 4, (NOT_MET, False, "4年")),
            ("3.4", "once", None, (MET, True, None)),
            ("3.4", "once", True, (NOT_MET, False, "是")),
            ("3.4", "once", False, (MET, False, "否")),
            ("3.7.3", "not_degree", None, (MET, True, None)),
            ("3.7.3", "not_degree", True, (NOT_MET, False, "是")),
            ("3.7.3", "not_degree", False, (MET, False, "否")),
            ("4.3", "no_double", None, (MET, True, None)),
            ("4.3", "no_double", True, (NOT_MET, False, "是")),
            ("4.3", "no_double", False, (MET, False, "否")),
            ("4.3", "no_double", "true", (UNKNOWN, False, "true")),  # a word, not the bool: not assumed either
        ],
    )
    def test_assume(self, code, leaf_id, value, expected):
        """A leaf with `assume` uses that value while the fact is missing (Check.assumed), the stated one otherwise."""
        fact = leaf(code, leaf_id)["fact"]
        facts = with_second_article(code, dict(MEETS[code]))
        facts.pop(fact, None)
        if value is not None:
            facts[fact] = value
        verdict = evaluate(code, facts)
        check = {c.id: c for c in verdict.checks}[leaf_id]
        assert (expected, expected[0]) == ((check.status, check.assumed, check.stated), verdict.status)

    def test_no_double_claim_alone(self):
        """4.3 with nothing said is met (assumed); said claimed elsewhere, not met; said not, met."""
        got = [
            evaluate("4.3", facts).status for facts in ({}, {"claimed_elsewhere": True}, {"claimed_elsewhere": False})
        ]
        assert [MET, NOT_MET, MET] == got

    @pytest.mark.parametrize(
        "facts, expected_status, expected_checks",
        [
            (
                dict(ELIGIBLE),
                MET,
                {
                    "entity": MET,
                    "registered": MET,
                    "property": MET,
                    "lawful": MET,
                    "tax": MET,
                    "finance": MET,
                    "mofcom": MET,
                },
            ),
            (dict(ELIGIBLE, registered_in_zhengzhou=False), NOT_MET, None),
            (dict(ELIGIBLE, registered_in_zhengzhou=None), UNKNOWN, None),
            # a legal person's tax place does not matter; its registration does
            (dict(ELIGIBLE, pays_tax_in_zhengzhou=False), MET, None),
            # a branch needs to pay tax in Zhengzhou; where it is registered does not matter
            (
                dict(ELIGIBLE, entity_type="branch", registered_in_zhengzhou=None, pays_tax_in_zhengzhou=True),
                MET,
                {
                    "entity": MET,
                    "tax_here": MET,
                    "property": MET,
                    "lawful": MET,
                    "tax": MET,
                    "finance": MET,
                    "mofcom": MET,
                },
            ),
            (
                dict(ELIGIBLE, entity_type="branch", registered_in_zhengzhou=False, pays_tax_in_zhengzhou=True),
                MET,
                None,
            ),
            (dict(ELIGIBLE, entity_type="branch", pays_tax_in_zhengzhou=False), NOT_MET, None),
            (dict(ELIGIBLE, entity_type="branch", registered_in_zhengzhou=True), UNKNOWN, None),
            # not a legal person nor a branch: neither place condition applies, the entity fails
            (
                dict(ELIGIBLE, entity_type="other"),
                NOT_MET,
                {"entity": NOT_MET, "property": MET, "lawful": MET, "tax": MET, "finance": MET, "mofcom": MET},
            ),
            # entity type unknown: both place conditions wait for it
            (
                dict(ELIGIBLE, entity_type=None),
                UNKNOWN,
                {
                    "entity": UNKNOWN,
                    "registered": UNKNOWN,
                    "tax_here": UNKNOWN,
                    "property": MET,
                    "lawful": MET,
                    "tax": MET,
                    "finance": MET,
                    "mofcom": MET,
                },
            ),
            (dict(ELIGIBLE, lawful_tax=False), NOT_MET, None),
            (dict(ELIGIBLE, mofcom_registered=False), NOT_MET, None),
            (dict(ELIGIBLE, sound_finance=None), UNKNOWN, None),
            ({}, UNKNOWN, None),
        ],
    )
    def test_second_article_when(self, facts, expected_status, expected_checks):
        """第二条: a legal person must be registered in Zhengzhou, a branch must pay tax there."""
        facts = {k: v for k, v in facts.items() if v is not None}
        verdict = evaluate("2", facts)
        assert expected_status == verdict.status
        if expected_checks is not None:
            assert expected_checks == statuses(verdict)

    @pytest.mark.parametrize(
        "facts, expected_status, expected_checks",
        [
            ({"new_enterprise": True}, MET, {"since": MET}),  # 首年计算纯增量
            ({"new_enterprise": True, "business_grew": False}, MET, {"since": MET}),
            ({"new_enterprise": False, "business_grew": True}, MET, {"since": MET, "increment": MET}),
            ({"new_enterprise": False, "business_grew": False}, NOT_MET, {"since": MET, "increment": NOT_MET}),
            ({"business_grew": True}, MET, {"since": MET, "increment": MET}),  # 新增企业 not said: compare
            ({"business_grew": False}, NOT_MET, {"since": MET, "increment": NOT_MET}),
            ({}, UNKNOWN, {"since": MET, "increment": UNKNOWN}),
        ],
    )
    def test_new_enterprise_when(self, facts, expected_status, expected_checks):
        """3.1: a new enterprise's first year counts in full; otherwise the business must have grown."""
        verdict = evaluate("3.1", dict(ELIGIBLE, business_year=2023, **facts))
        assert (expected_status, expected_checks) == (verdict.status, statuses(verdict))

    @pytest.mark.parametrize(
        "year, grew, expected_status, expected_checks",
        [
            (2020, True, MET, {"since": MET, "increment": MET}),  # 自2020年开始: 2020 counts
            (2019, True, NOT_MET, {"since": NOT_MET, "increment": MET}),  # before the policy
            (2021, True, MET, {"since": MET, "increment": MET}),
            (Span(lo=D(2020)), True, MET, {"since": MET, "increment": MET}),  # 2020年以后
            (Span(hi=D(2020), hi_open=True), None, NOT_MET, {"since": NOT_MET, "increment": UNKNOWN}),
            (None, True, UNKNOWN, {"since": UNKNOWN, "increment": MET}),  # the year not said
            (2019, None, NOT_MET, {"since": NOT_MET, "increment": UNKNOWN}),
        ],
    )
    def test_business_year_since(self, year, grew, expected_status, expected_checks):
        """3.1 counts business from 2020 on (「自2020年开始」: 自 → ge), at, below and above 2020."""
        facts = {k: v for k, v in {"business_year": year, "business_grew": grew}.items() if v is not None}
        verdict = evaluate("3.1", dict(ELIGIBLE, **facts))
        assert (expected_status, expected_checks) == (verdict.status, statuses(verdict))

    @pytest.mark.parametrize(
        "facts, expected_status, expected_checks",
        [
            ({"tech_advanced_new": True}, MET, {"new_status": MET, "once": MET}),  # 领过 not said
            ({"tech_advanced_new": True, "tech_award_received": False}, MET, {"new_status": MET, "once": MET}),
            ({"tech_advanced_new": True, "tech_award_received": True}, NOT_MET, {"new_status": MET, "once": NOT_MET}),
            ({"tech_award_received": True}, NOT_MET, {"new_status": UNKNOWN, "once": NOT_MET}),
            ({}, UNKNOWN, {"new_status": UNKNOWN, "once": MET}),
        ],
    )
    def test_tech_award_once(self, facts, expected_status, expected_checks):
        """3.4 一次性给予10万元: an award already received is not given again; not said, it is assumed not."""
        verdict = evaluate("3.4", dict(ELIGIBLE, **facts))
        assert (expected_status, expected_checks) == (verdict.status, statuses(verdict))

    @pytest.mark.parametrize(
        "patents, rd_growth, expected",
        [
            (True, False, MET),
            (False, True, MET),
            (True, True, MET),
            (True, None, MET),
            (None, True, MET),
            (False, False, NOT_MET),
            (False, None, UNKNOWN),
            (None, False, UNKNOWN),
            (None, None, UNKNOWN),
        ],
    )
    def test_any_group(self, patents, rd_growth, expected):
        """3.3: patents two years running or R&D growing two years; one is enough."""
        facts = {"innovation_patents_two_years": patents, "innovation_rd_growth_two_years": rd_growth}
        facts = {k: v for k, v in facts.items() if v is not None}
        verdict = evaluate("3.3", dict(ELIGIBLE, offshore_usd=1500000, **facts))
        assert (expected, expected) == (statuses(verdict)["innovation"], verdict.status)

    @pytest.mark.parametrize(
        "facts, expected_base, expected_status",
        [
            ({"offshore_usd": 1500000}, MET, MET),  # 离岸奖励
            ({"business_grew": True, "business_year": 2023}, MET, MET),  # 增量奖励
            ({"new_enterprise": True, "business_year": 2023}, MET, MET),
            ({"business_grew": True}, UNKNOWN, UNKNOWN),  # 业务年度 not said
            ({"business_grew": True, "business_year": 2019, "offshore_usd": 1000000}, NOT_MET, NOT_MET),
            ({"business_grew": False, "offshore_usd": 1000000}, NOT_MET, NOT_MET),  # neither award
            ({"business_grew": False}, UNKNOWN, UNKNOWN),  # 离岸 not said
            ({"offshore_usd": 900000}, UNKNOWN, UNKNOWN),  # 增量 not said
            ({}, UNKNOWN, UNKNOWN),
        ],
    )
    def test_clauses_any_base(self, facts, expected_base, expected_status):
        """3.3 needs an increment or offshore award (3.1 or 3.2 met) to take 15% of."""
        verdict = evaluate("3.3", dict(ELIGIBLE, innovation_rd_growth_two_years=True, **facts))
        assert (expected_base, expected_status) == (statuses(verdict)["base"], verdict.status)

    @pytest.mark.parametrize("code", sorted(MEETS))
    def test_second_article_not_met_blocks(self, code):
        """第二条 not met blocks every enterprise and park clause; training institutions' clauses and 4.3 stand alone."""
        verdict = evaluate(code, dict(MEETS[code], **dict(ELIGIBLE, lawful_tax=False)))
        expected = (MET, None) if code in UNGATED_CLAUSES else (NOT_MET, "2")
        assert expected == (verdict.status, verdict.blocked_by)

    @pytest.mark.parametrize("code", sorted(MEETS))
    def test_second_article_unknown(self, code):
        """第二条 unknown no longer makes a clause unknown: its own conditions decide (met here), and the
        verdict names 第二条 as a premise (clauses 第二条 does not gate have none)."""
        verdict = evaluate(code, MEETS[code])
        expected = (MET, None, [] if code in UNGATED_CLAUSES else ["2"])
        assert expected == (verdict.status, verdict.blocked_by, verdict.premises)

    @pytest.mark.parametrize(
        "second, own, expected",
        [
            # 第二条's facts, the clause's own (3.2), (status, blocked_by, premises)
            (dict(ELIGIBLE), {"offshore_usd": 1500000}, (MET, None, [])),
            ({}, {"offshore_usd": 1500000}, (MET, None, ["2"])),  # premise only
            ({}, {"offshore_usd": 1000000}, (NOT_MET, None, ["2"])),  # own condition fails
            ({}, {}, (UNKNOWN, None, ["2"])),  # own condition unknown
            (dict(ELIGIBLE, sound_finance=None), {"offshore_usd": 1500000}, (MET, None, ["2"])),
            (dict(ELIGIBLE, lawful_tax=False), {"offshore_usd": 1500000}, (NOT_MET, "2", [])),  # blocked
            (dict(ELIGIBLE, lawful_tax=False), {}, (NOT_MET, "2", [])),
            (dict(ELIGIBLE, lawful_tax=False), {"offshore_usd": 1000000}, (NOT_MET, "2", [])),
        ],
    )
    def test_requires(self, second, own, expected):
        """requires (第二条): not met blocks the clause; unknown leaves the clause's own verdict, as a premise."""
        facts = {k: v for k, v in dict(second, **own).items() if v is not None}
        verdict = evaluate("3.2", facts)
        assert expected == (verdict.status, verdict.blocked_by, verdict.premises)

    @pytest.mark.parametrize("applicant", sorted(APPLICANT_LABELS) + ["individual", ""])
    @pytest.mark.parametrize("code", sorted(MEETS))
    def test_applicant(self, code, applicant):
        """A stated applicant type not among a 第三条 clause's applicants adds a not-met 「applicant」 check;
        its own type, an unknown type, 4.3 (open to all) change nothing."""
        facts = with_second_article(code, MEETS[code])
        verdict = evaluate(code, dict(facts, applicant_type=applicant))
        label = APPLICANT_LABELS.get(applicant)
        if code.startswith("3") and label in spec(code).get("units_too", []):
            # 三（七）3、4 name 服务外包企业（单位）: whether the institution is one is asked, never failed
            expected = (UNKNOWN, [], ("applicant", UNKNOWN, "outsourcing_unit", None))
        elif code.startswith("3") and "企业" in spec(code)["applicants"] and left_to_confirm(label, code):
            # a training institution may well be a company, a park operator attends fairs and builds platforms as one:
            # an enterprise clause is left to confirm, never refused for the name
            expected = (UNKNOWN, [], ("applicant", UNKNOWN, "applicant_type", None))
        elif code.startswith("3") and label and label not in spec(code)["applicants"]:
            # 3.3's base (3.1 or 3.2 met) fails with them: they are the enterprise's clauses too
            unmet = ["applicant", "base"] if code == "3.3" else ["applicant"]
            expected = (NOT_MET, unmet, ("applicant", NOT_MET, "applicant_type", label))
        else:
            expected = (MET, [], None)
        first = verdict.checks[0]
        actual_first = (first.id, first.status, first.fact, first.stated) if first.id == "applicant" else None
        assert expected == (verdict.status, [c.id for c in verdict.unmet], actual_first)

    @pytest.mark.parametrize(
        "code, applicant, expected",
        [
            ("3.7.2", "enterprise", NOT_MET),  # an enterprise asking about a training institution's clause
            ("3.7.2", "training_institution", MET),
            ("3.8.1", "enterprise", NOT_MET),
            ("3.8.1", "park_operator", MET),
            ("3.2", "training_institution", UNKNOWN),  # an institution may be a company: to confirm
            ("3.2", "park_operator", UNKNOWN),  # an enterprise: its own offshore business, to confirm, never refused
            ("3.6", "park_operator", UNKNOWN),  # its own certificates (CMMI 复评): to confirm, never refused
            ("3.8.3", "park_operator", NOT_MET),  # its own rent in a park: refused
            ("3.9", "park_operator", UNKNOWN),  # a platform it builds: to confirm
            ("3.5", "park_operator", UNKNOWN),  # 招商引资 events it attends: to confirm
            ("3.8.3", "training_institution", UNKNOWN),
            ("3.2", "enterprise", MET),
            ("4.3", "training_institution", MET),
            ("4.3", "park_operator", MET),
        ],
    )
    def test_known_applicants(self, code, applicant, expected):
        """Applicant types against clauses, with literal answers."""
        facts = with_second_article(code, MEETS[code])
        assert expected == evaluate(code, dict(facts, applicant_type=applicant)).status

    def test_applicant_with_unknown_conditions(self):
        """The wrong applicant makes a clause not met even with nothing else said (and 第二条 is untouched); a
        training institution's own clause stays open, and an enterprise clause is only to confirm for it."""
        park = evaluate_all({"applicant_type": "park_operator"})
        school = evaluate_all({"applicant_type": "training_institution"})
        assert (NOT_MET, ["applicant"], UNKNOWN, MET) == (
            park["3.8.3"].status,
            [c.id for c in park["3.8.3"].unmet],
            park["2"].status,
            park["4.3"].status,
        )
        assert (UNKNOWN, UNKNOWN, [], MET) == (
            school["3.7.1"].status,
            school["3.2"].status,
            school["3.2"].unmet,
            school["4.3"].status,
        )

    @pytest.mark.parametrize("value", ["NaN", float("nan"), "sNaN", "Infinity", float("inf")])
    def test_not_a_number_verdict_unknown(self, value):
        """A clause given 「NaN」 for its number is unknown, not an error."""
        verdict = evaluate("3.2", dict(ELIGIBLE, offshore_usd=value))
        assert (UNKNOWN, {"offshore": UNKNOWN}) == (verdict.status, statuses(verdict))

    @pytest.mark.parametrize(
        "facts, expected",
        [
            (
                {
                    "institution_recognized": True,
                    "education_level": "大专",
                    "trainee_passed_exam": True,
                    "labor_contract_years": 1,
                },
                MET,
            ),
            ({"institution_recognized": True, "education_level": "大专", "trainee_passed_exam": True}, UNKNOWN),
            (
                {
                    "institution_recognized": True,
                    "education_level": "某某学历",
                    "trainee_passed_exam": True,
                    "labor_contract_years": 1,
                },
                UNKNOWN,
            ),
            ({"education_level": "中专"}, NOT_MET),
            (
                {
                    "institution_recognized": True,
                    "education_level": "大专",
                    "trainee_passed_exam": True,
                    "labor_contract_years": 0,
                },
                NOT_MET,
            ),
            ({"institution_recognized": False, "labor_contract_years": 0}, NOT_MET),
            ({}, UNKNOWN),
        ],
    )
    def test_aggregation(self, facts, expected):
        """Any condition not met → not met; all met → met; otherwise unknown."""
        assert expected == evaluate("3.7.2", facts).status

    def test_park_without_operating_company(self):
        """The issue's park run by its 管委会 with no operating company gets no 20万: 3.8.1 not met on 统一管理和运营."""
        facts = dict(ELIGIBLE, park_newly_recognized=True, park_enterprise_operated=False, park_level="市级")
        verdict = evaluate("3.8.1", facts)
        assert (NOT_MET, ["operated"]) == (verdict.status, [c.id for c in verdict.unmet])

    def test_issue_trainee_and_interns(self):
        """The issue's cases: 中专 fails 大专以上; a 1-year agreement fails 两年以上; exactly 1 year, 3 and 6 months meet 以上."""
        trainee = evaluate("3.7.2", {"education_level": "中专", "labor_contract_years": 1})
        interns = evaluate(
            "3.7.4", dict(ELIGIBLE, internship_agreement_years=1, internship_months=3, social_insurance_months=6)
        )
        assert ({"education": NOT_MET, "contract": MET}, NOT_MET) == (
            {k: v for k, v in statuses(trainee).items() if k in ("education", "contract")},
            trainee.status,
        )
        assert ({"agreement": NOT_MET, "months": MET, "insurance": MET}, NOT_MET) == (
            {k: v for k, v in statuses(interns).items() if k in ("agreement", "months", "insurance")},
            interns.status,
        )

    @pytest.mark.parametrize(
        "code, facts, leaf_id, expected",
        [
            ("3.7.4", {"internship_agreement_years": 1}, "agreement", "1年"),
            ("3.7.2", {"labor_contract_years": Span(lo=D(1), lo_open=True)}, "contract", "1年多"),
            ("3.8.2a", {"top_operating_years": Span(hi=D(1), hi_open=True)}, "running", "不到1年"),
            ("3.8.3", {"rent_contract_amount_cny": 120000}, "contract", "12万元"),
            ("3.2", {"offshore_usd": 1500000}, "offshore", "150万美元"),
            ("3.2", {"offshore_usd": 1000001}, "offshore", "1,000,001美元"),
            ("3.8.3", {"rent_contract_amount_cny": 5000000}, "contract", "500万元"),
            ("3.2", {"offshore_usd": 1000000}, "offshore", "100万美元"),
            ("3.8.2b", {"park_foreign_investment_usd": 10000000}, "investment", "1000万美元"),
            ("3.8.2b", {"park_foreign_investment_usd": 25000000}, "investment", "2500万美元"),
            ("3.7.2", {"labor_contract_years": D(10) / D(12)}, "contract", "10个月"),  # under a year: in months
            ("3.8.2a", {"top_operating_years": D(14) / D(12)}, "running", "1.17年"),  # 14个月
            ("3.7.2", {"labor_contract_years": Span(hi=D(10) / D(12), hi_open=True)}, "contract", "不到0.83年"),
            ("3.7.4", {"interns_per_year": "很多"}, "interns", "很多"),
            ("3.8.1", {"park_enterprise_operated": False}, "operated", "否"),
            ("3.7.2", {"education_level": "中专"}, "education", "中专"),
        ],
    )
    def test_stated(self, code, facts, leaf_id, expected):
        """A check says what the user stated, in words (「您的是1年」)."""
        checks = {c.id: c for c in evaluate(code, facts).checks}
        assert expected == checks[leaf_id].stated

    def test_stated_repeating_decimal(self):
        """A duration read in months (劳动合同10个月 = 10/12 年) is stated in months, never as a repeating decimal."""
        checks = {c.id: c for c in evaluate("3.7.2", {"labor_contract_years": D(10) / D(12)}).checks}
        assert ("10个月", None) == (checks["contract"].stated, re.search(r"\d\.\d{3,}", checks["contract"].stated))

    def test_shared_verdicts(self):
        """A verdict already in `verdicts` is returned as is, and required clauses are stored there too."""
        verdicts = {}
        first = evaluate("3.3", dict(ELIGIBLE, offshore_usd=1500000), verdicts)
        assert ({"2", "3.1", "3.2", "3.3"}, first) == (set(verdicts), evaluate("3.3", {}, verdicts))


# --- an independent direct reading of conditions.yml, for the property test ---


def _interval(value) -> Tuple[Optional[Decimal], bool, Optional[Decimal], bool]:
    """(lo, lo_closed, hi, hi_closed) of what the user stated; None is unbounded."""
    if isinstance(value, Span):
        return value.lo, not value.lo_open, value.hi, not value.hi_open
    if isinstance(value, dict):
        lo, hi = value.get("lo"), value.get("hi")
        return (
            None if lo is None else D(str(lo)),
            not value.get("lo_open", False),
            None if hi is None else D(str(hi)),
            not value.get("hi_open", False),
        )
    d = D(str(value))
    return d, True, d, True


def _accepted(op: str, t: Decimal) -> Tuple[Optional[Decimal], bool, Optional[Decimal], bool]:
    """The numbers a numeric condition accepts, as an interval."""
    return {
        "gt": (t, False, None, False),
        "ge": (t, True, None, False),
        "lt": (None, False, t, False),
        "le": (None, False, t, True),
    }[op]


def _inside(x, y) -> bool:
    """Interval x lies within interval y."""
    xlo, xlc, xhi, xhc = x
    ylo, ylc, yhi, yhc = y
    low_ok = ylo is None or (xlo is not None and (xlo > ylo or (xlo == ylo and (ylc or not xlc))))
    high_ok = yhi is None or (xhi is not None and (xhi < yhi or (xhi == yhi and (yhc or not xhc))))
    return low_ok and high_ok


def _apart(x, y) -> bool:
    """Intervals x and y share no number."""
    (xlo, xlc, xhi, xhc), (ylo, ylc, yhi, yhc) = x, y
    lows = [(v, c) for v, c in ((xlo, xlc), (ylo, ylc)) if v is not None]
    highs = [(v, c) for v, c in ((xhi, xhc), (yhi, yhc)) if v is not None]
    if not lows or not highs:
        return False
    lo = max(v for v, _ in lows)
    lo_closed = all(c for v, c in lows if v == lo)
    hi = min(v for v, _ in highs)
    hi_closed = all(c for v, c in highs if v == hi)
    return lo > hi or (lo == hi and not (lo_closed and hi_closed))


class DirectReading:
    """conditions.yml and figures.yml read straight from the files, with the policy's rules written out."""

    def __init__(self, facts: dict):
        self.data = raw_conditions()
        self.figures = raw_figures()
        self.facts = facts
        self.clauses: Dict[str, tuple] = {}

    def figure(self, ref: str) -> Decimal:
        code, key = ref.split("/")
        return D(str(next(f["value"] for f in self.figures[code] if f["key"] == key)))

    def place(self, scale: str, word) -> Optional[int]:
        for i, words in enumerate(self.data["scales"][scale]):
            if str(word).lower() in {str(w).lower() for w in words}:
                return i
        return None

    def leaf(self, item: dict, assume: bool = False) -> str:
        """A leaf's status; with `assume`, a missing fact takes the leaf's `assume` value."""
        op = item["op"]
        if op == "clauses_any":
            found = [self.clause(c)[0] for c in item["clauses"]]
            return MET if MET in found else NOT_MET if set(found) == {NOT_MET} else UNKNOWN
        value = self.facts.get(item["fact"])
        if value is None and assume and "assume" in item:
            value = item["assume"]
        if value is None:
            return UNKNOWN
        if op in ("true", "false"):
            if not isinstance(value, bool):
                return UNKNOWN
            return MET if value is (op == "true") else NOT_MET
        if op == "in":
            return MET if value in item["values"] else NOT_MET
        if op == "rank_ge":
            got = self.place(item["scale"], value)
            if got is None:
                return UNKNOWN
            return MET if got >= self.place(item["scale"], item["at_least"]) else NOT_MET
        try:
            stated = _interval(value)
        except (ArithmeticError, TypeError, ValueError):
            return UNKNOWN  # not a number
        if any(end is not None and end.is_nan() for end in (stated[0], stated[2])):
            return UNKNOWN  # NaN is no number either
        accepted = _accepted(op, self.figure(item["figure"]))
        return MET if _inside(stated, accepted) else NOT_MET if _apart(stated, accepted) else UNKNOWN

    def guard(self, item: dict) -> Optional[bool]:
        """Whether a `when` applies: yes, no, or unknown (a guard expecting False applies until said)."""
        for fact, want in (item.get("when") or {}).items():
            got = self.facts.get(fact)
            if got is None:
                if want is False:
                    continue
                return None
            if got != want:
                return False
        return True

    def clause(self, code: str) -> tuple:
        """(status, {condition id: status}, blocked_by, premises, [assumed condition ids]) of a clause.

        A required clause not met blocks it; one still unknown is a premise and does not decide it. A stated
        applicant type (enterprise, park operator, training institution) not among a 第三条 clause's
        applicants is a condition not met, 「applicant」, listed first."""
        if code not in self.clauses:
            entry = self.data[code]
            required = [(r, self.clause(r)[0]) for r in entry.get("requires", [])]
            blocked = next((r for r, status in required if status == NOT_MET), None)
            premises = [] if blocked else [r for r, status in required if status == UNKNOWN]
            conditions, assumed = {}, []
            who = APPLICANT_LABELS.get(self.facts.get("applicant_type"))
            if code.startswith("3") and who and who in entry.get("units_too", []):
                unit = self.facts.get("outsourcing_unit")  # 服务外包企业（单位）: unknown until said
                conditions["applicant"] = UNKNOWN if unit is None else MET if unit else NOT_MET
            elif code.startswith("3") and "企业" in entry["applicants"] and left_to_confirm(who, code):
                # an institution may be a company: to confirm, unless it said it is no enterprise
                conditions["applicant"] = NOT_MET if self.facts.get("entity_type") == "other" else UNKNOWN
            elif code.startswith("3") and who and who not in entry["applicants"]:
                conditions["applicant"] = NOT_MET
            for cond in entry["conditions"]:
                if "any" in cond:
                    found = [self.leaf(item) for item in cond["any"]]
                    conditions[cond["id"]] = MET if MET in found else NOT_MET if set(found) == {NOT_MET} else UNKNOWN
                    continue
                applies = self.guard(cond)
                if applies is False:
                    continue
                if "assume" in cond and self.facts.get(cond["fact"]) is None:
                    assumed.append(cond["id"])
                conditions[cond["id"]] = self.leaf(cond, assume=True) if applies else UNKNOWN
            found = list(conditions.values())
            status = NOT_MET if blocked or NOT_MET in found else MET if set(found) <= {MET} else UNKNOWN
            self.clauses[code] = (status, conditions, blocked, premises, assumed)
        return self.clauses[code]


# --- hypothesis strategies for facts (kept here: tests/strategies.py holds the calculator's) ---


def _numbers_near(thresholds) -> st.SearchStrategy:
    """Numbers at, around and between thresholds, in every form a fact may take (and spans)."""
    points = set()
    for t in thresholds:
        points |= {t, t - 1, t + 1, t - D("0.01"), t + D("0.01"), D(0), t * 2}
    points = sorted(p for p in points if p >= 0)
    point = st.sampled_from(points)
    forms = st.one_of(
        point,
        point.map(str),
        point.map(lambda d: int(d) if d == d.to_integral() else float(d)),
        point.map(lambda d: Span(d, d)),
        point.map(lambda d: Span(d, d).to_json()),
        st.builds(lambda d, o: Span(lo=d, lo_open=o), point, st.booleans()),
        st.builds(lambda d, o: Span(hi=d, hi_open=o), point, st.booleans()),
        st.builds(
            lambda a, b, lo, hi: Span(min(a, b), max(a, b), lo, hi), point, point, st.booleans(), st.booleans()
        ).filter(lambda s: s.lo < s.hi),
        st.decimals(min_value=0, max_value=max(points), places=2),
        st.sampled_from(["很多", "", "一百万"]),
    )
    return forms


def _fact_strategies() -> Dict[str, st.SearchStrategy]:
    data = raw_conditions()
    words = {
        name: [w for level in levels for w in level]
        for name, levels in data["scales"].items()
        if not name.endswith("_unsettled")
    }
    unsettled = {name[: -len("_unsettled")]: ws for name, ws in data["scales"].items() if name.endswith("_unsettled")}
    out: Dict[str, st.SearchStrategy] = {}
    numeric: Dict[str, list] = {}
    for code, item in all_leaves():
        op, fact = item["op"], item["fact"]
        for guard_fact, want in (item.get("when") or {}).items():
            out.setdefault(
                guard_fact,
                st.booleans() if isinstance(want, bool) else st.sampled_from(["legal_person", "branch", "other"]),
            )
        if op in ("true", "false"):
            out[fact] = st.one_of(st.booleans(), st.sampled_from(["true", "false", 0, 1]))
        elif op == "in":
            out[fact] = st.sampled_from(list(item["values"]) + ["other"])
        elif op == "rank_ge":
            scale = item["scale"]
            out[fact] = st.sampled_from(words[scale] + unsettled.get(scale, []) + ["CTO", "某某"])
        elif op in NUMERIC_OPS:
            ref_code, key = item["figure"].split("/")
            numeric.setdefault(fact, []).append(
                D(str(next(f["value"] for f in raw_figures()[ref_code] if f["key"] == key)))
            )
    for fact, thresholds in numeric.items():
        out[fact] = _numbers_near(thresholds)
    # who applies (a 第三条 clause for another type is not met); a type the policy does not name changes nothing
    out["applicant_type"] = st.sampled_from(sorted(APPLICANT_LABELS) + ["individual"])
    return out


FACT_STRATEGIES = _fact_strategies()


@st.composite
def near_met(draw):
    """A clause's facts that meet it (with 第二条), up to two of them (or the applicant type) then dropped or redrawn."""
    code = draw(st.sampled_from(sorted(MEETS)))
    facts = with_second_article(code, MEETS[code])
    for fact in draw(st.lists(st.sampled_from(sorted(FACT_STRATEGIES)), max_size=2, unique=True)):
        if draw(st.booleans()):
            facts.pop(fact, None)
        else:
            facts[fact] = draw(FACT_STRATEGIES[fact])
    return facts


# any subset of the facts with any values, or facts close to meeting a clause (so met verdicts occur too)
facts_strategy = st.one_of(st.fixed_dictionaries({}, optional=FACT_STRATEGIES), near_met(), near_met())
PROPERTY_SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestEvaluateAll:
    @PROPERTY_SETTINGS
    @given(facts_strategy)
    def test_matches_direct_reading(self, facts):
        """For any facts, every clause's verdict, its conditions' statuses, what blocks it, its premises and the
        conditions assumed equal a direct reading of the YAML."""
        reading = DirectReading(facts)
        expected = {code: reading.clause(code) for code in clause_codes()}
        actual = {
            code: (v.status, statuses(v), v.blocked_by, v.premises, [c.id for c in v.checks if c.assumed])
            for code, v in evaluate_all(facts).items()
        }
        assert expected == actual

    @PROPERTY_SETTINGS
    @given(facts_strategy)
    def test_alone_equals_together(self, facts):
        """A clause evaluated alone has the verdict it has among all clauses."""
        together = evaluate_all(facts)
        assert {c: together[c].status for c in clause_codes()} == {c: evaluate(c, facts).status for c in clause_codes()}

    @PROPERTY_SETTINGS
    @given(facts_strategy)
    def test_not_met_is_explained(self, facts):
        """A clause is not met only with a condition not met or 第二条 blocking it."""
        unexplained = [
            code
            for code, v in evaluate_all(facts).items()
            if v.status == NOT_MET and not v.unmet and v.blocked_by is None
        ]
        assert [] == unexplained

    def test_every_clause_unknown_without_facts(self):
        """No facts: every clause is unknown, but 4.3, whose one condition is assumed (not claimed elsewhere)."""
        expected = dict({code: UNKNOWN for code in clause_codes()}, **{"4.3": MET})
        assert expected == {c: v.status for c, v in evaluate_all({}).items()}

    def test_codes(self):
        """Named clauses come with the clauses they require or build on."""
        assert {"2", "3.1", "3.2", "3.3", "3.7.1"} == set(evaluate_all({}, ["3.3", "3.7.1"]))


class TestApplicantClauses:
    @pytest.mark.parametrize(
        "applicant, expected",
        [
            ("enterprise", ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7.3", "3.7.4", "3.8.3", "3.9"]),
            (None, ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7.3", "3.7.4", "3.8.3", "3.9"]),
            ("park_operator", ["3.8.1", "3.8.2a", "3.8.2b"]),
            ("training_institution", ["3.7.1", "3.7.2"]),
            ("individual", []),
        ],
    )
    def test_known_lists(self, applicant, expected):
        """The support clauses open to each applicant type, in the policy's order (enterprise by default)."""
        assert expected == applicant_clauses(applicant)

    def test_each_clause_one_applicant(self):
        """Every support clause (第三条) is open to exactly one applicant type; 第二条 and 4.3 are listed for none."""
        lists = [applicant_clauses(a) for a in APPLICANT_TYPES]
        assert sorted(c for c in clause_codes() if c.startswith("3")) == sorted(c for codes in lists for c in codes)

    def test_no_double_claim_for_every_applicant(self):
        """4.3 (不得重复申报) binds all three applicant types, yet is no support clause to list."""
        lists = [applicant_clauses(a) for a in APPLICANT_TYPES]
        assert (sorted(APPLICANT_TYPES.values()), []) == (
            sorted(spec("4.3")["applicants"]),
            [a for a in lists if "4.3" in a],
        )


# --- the data: conditions.yml against the policy text, figures.yml and facts.yml ---

CHINESE_DIGITS = {
    1: {"一"},
    2: {"两", "二"},
    3: {"三"},
    4: {"四"},
    5: {"五"},
    6: {"六"},
    7: {"七"},
    8: {"八"},
    9: {"九"},
    10: {"十"},
}
OPS_FOR_WORD = {"超过": {"gt"}, "以上": {"ge"}, "不低于": {"ge"}, "每": {"ge"}, "自": {"ge"}, "最多": {"le", "lt"}}


def spellings(value: Decimal) -> set:
    """How the policy may write a threshold: 100万, 1000000, 两, 3."""
    n = int(value)
    out = {str(n)} | CHINESE_DIGITS.get(n, set())
    if n >= 10000 and n % 10000 == 0:
        out.add(f"{n // 10000}万")
    return out


class TestConditionsData:
    def test_every_clause_covered(self):
        """第二条, every support clause of 第三条 and 4.3 (不得重复申报) have conditions, in the policy's order."""
        expected = [
            "2",
            "3.1",
            "3.2",
            "3.3",
            "3.4",
            "3.5",
            "3.6",
            "3.7.1",
            "3.7.2",
            "3.7.3",
            "3.7.4",
            "3.8.1",
            "3.8.2a",
            "3.8.2b",
            "3.8.3",
            "3.9",
            "4.3",
        ]
        assert expected == clause_codes()

    @pytest.mark.parametrize("code, item", [pytest.param(c, x, id=f"{c}-{x['id']}") for c, x in all_leaves()])
    def test_quote_in_policy_text(self, code, item):
        """Every condition quotes words that are in its clause's text (spaces removed)."""
        text = raw_clauses()[policy_clause(code)]["text"].replace(" ", "")
        assert item["quote"].replace(" ", "") in text

    @pytest.mark.parametrize("code, item", leaves_with(NUMERIC_OPS))
    def test_figure_exists(self, code, item):
        """Every numeric condition's figure is a key of figures.yml."""
        ref_code, key = item["figure"].split("/")
        assert key in [f["key"] for f in raw_figures().get(ref_code, [])]

    @pytest.mark.parametrize("code, item", leaves_with(NUMERIC_OPS))
    def test_op_agrees_with_bound_word(self, code, item):
        """超过 → gt, 以上/不低于 → ge, 最多 → le (lt for an allowance already used)."""
        word = bound_word(item)
        expected = ({"lt"} if item["fact"] in ALLOWANCES_USED else {"le"}) if word == "最多" else OPS_FOR_WORD[word]
        assert item["op"] in expected

    @pytest.mark.parametrize("code, item", leaves_with(NUMERIC_OPS))
    def test_threshold_in_policy_text(self, code, item):
        """The figure's text is in the clause, and the quote puts the bound word next to the threshold."""
        ref_code, key = item["figure"].split("/")
        fig = next(f for f in raw_figures()[ref_code] if f["key"] == key)
        text = raw_clauses()[policy_clause(code)]["text"].replace(" ", "")
        word, quote = fig["bound"], item["quote"].replace(" ", "")
        near = [
            s
            for s in spellings(threshold(item))
            if re.search(rf"{re.escape(word)}{re.escape(s)}|{re.escape(s)}[年个月名]{{0,2}}{re.escape(word)}", quote)
        ]
        assert (True, True) == (fig["text"].replace(" ", "") in text, bool(near))

    @pytest.mark.parametrize("fact", sorted({item["fact"] for _, item in all_leaves()}))
    def test_fact_is_read(self, fact):
        """Every fact a condition reads is recognised by facts.yml, or is 第二条's, or is derived."""
        assert fact in set(raw_facts()) | SECOND_ARTICLE_FACTS | DERIVED_FACTS

    @pytest.mark.parametrize(
        "code, item", [pytest.param(c, x, id=f"{c}-{x['id']}") for c, x in all_leaves() if x["fact"] in raw_facts()]
    )
    def test_fact_kind_agrees(self, code, item):
        """facts.yml reads a fact as the kind its condition compares (bool, enum values, scale, number and unit)."""
        described, op = raw_facts()[item["fact"]], item["op"]
        if op in ("true", "false", "clauses_any"):  # clauses_any: the other clauses decide, or the fact said outright
            assert "bool" == described["kind"]
        elif op == "in":
            assert ("enum", set(item["values"])) == (described["kind"], set(described["values"]))
        elif op == "rank_ge":
            assert ("rank", item["scale"]) == (described["kind"], described["scale"])
        else:
            assert ("number", item.get("unit")) == (described["kind"], described.get("unit"))

    @pytest.mark.parametrize("code, item", leaves_with({"rank_ge"}))
    def test_rank_threshold_on_scale(self, code, item):
        """A rank condition's least rank is a word of its scale."""
        assert rank(item["scale"], item["at_least"]) is not None

    def test_scale_words_unique(self):
        """No word sits on two levels of a scale, nor on the position scale and among the unsettled titles."""
        data = scales()
        repeated = {}
        for name, levels in data.items():
            if name.endswith("_unsettled"):
                continue
            seen = [str(w).lower() for level in levels for w in level] + [
                str(w).lower() for w in data.get(f"{name}_unsettled", [])
            ]
            repeated[name] = sorted({w for w in seen if seen.count(w) > 1})
        assert {name: [] for name in repeated} == repeated

    @pytest.mark.parametrize("code", clause_codes())
    def test_leaves_complete(self, code):
        """Every condition has a unique id, a label, and every leaf a quote."""
        conds = spec(code)["conditions"]
        ids = [c["id"] for c in conds]
        incomplete = (
            [c["id"] for c in conds if not c.get("label")]
            + [x["id"] for c in conds for x in c.get("any", []) if not (x.get("label") and x.get("quote"))]
            + [c["id"] for c in conds if "any" not in c and not c.get("quote")]
        )
        assert (len(ids), []) == (len(set(ids)), incomplete)

    @pytest.mark.parametrize("code", clause_codes())
    def test_applicants_and_requires(self, code):
        """Applicants are known types; enterprise and park clauses require 第二条, training institutions' and 4.3 do not."""
        entry = spec(code)
        expected = [] if code in ("2", "4.3") or entry["applicants"] == ["培训机构"] else ["2"]
        assert (True, expected) == (
            set(entry["applicants"]) <= set(APPLICANT_TYPES.values()),
            entry.get("requires", []),
        )

    @pytest.mark.parametrize(
        "code, item",
        [pytest.param(c, x, id=f"{c}-{x['id']}") for c, x in all_leaves() if x["op"] == "clauses_any" or x.get("when")],
    )
    def test_references(self, code, item):
        """clauses_any names clauses with conditions; a `when` reads a fact some clause states or 第二条's."""
        if item["op"] == "clauses_any":
            assert set(item["clauses"]) <= set(clause_codes())
        for fact in item.get("when") or {}:
            assert fact in set(raw_facts()) | SECOND_ARTICLE_FACTS | DERIVED_FACTS
