"""The knowledge base says what the policy text says: checked against the seed text itself."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from knowledge import query
from knowledge.build import build

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "knowledge" / "data"
SEED = DATA / "policy_text.md"
SHARED_SEED = Path("/work/shared/seeds/000_d68624f843cbab38.txt")
HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})
CN_NUMERALS = (
    "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三".split()
)


def norm(s: str) -> str:
    """Whitespace, page breaks and markdown removed; half-width brackets and commas made full-width."""
    return re.sub(r"[\s*#]+", "", s).translate(HALF_TO_FULL)


def load(name: str):
    """One YAML file of knowledge/data."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_NORM = norm(SEED_TEXT)
CATALOG = load("catalog.yml")
CLAUSES = load("clauses.yml")
DOCUMENT = load("document.yml")
DISCREPANCIES = load("discrepancies.yml")
FIGURES = {str(k): v for k, v in load("figures.yml").items()}


def cleaned(segment: str, domain_no: int, field: str) -> str:
    """A normalised seed segment with the recorded, applied clean readings of one domain field."""
    for d in DISCREPANCIES:
        where = d.get("where") or {}
        if d.get("applied") and where.get("domain") == domain_no and where.get("field") == field:
            segment = segment.replace(norm(str(d["literal"])), norm(str(d["clean"])))
    return segment


def seed_domains() -> dict:
    """The annex of the seed split into its 23 domain sections: {no: (name, normalised text)}."""
    annex = SEED_TEXT.split("## 附 件", 1)[1]
    heading = re.compile(r"^#+\s*\**([一二三四五六七八九十]+)、(.+?)\**\s*$", re.M)
    marks = list(heading.finditer(annex))
    sections = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else annex.index("主办：")
        no = CN_NUMERALS.index(m.group(1)) + 1
        sections[no] = (m.group(2).strip(), norm(annex[m.end() : end]))
    return sections


SEED_DOMAINS = seed_domains()


def seed_definition(no: int) -> str:
    """A domain's 定义和范围 as the seed gives it, clean readings applied."""
    body = SEED_DOMAINS[no][1]
    return cleaned(body.split("定义和范围：", 1)[1].split("主要业务类型：", 1)[0], no, "definition")


def seed_business_types(no: int) -> tuple:
    """(types, stated count) parsed from a domain's 主要业务类型 line, clean readings applied."""
    line = cleaned(
        SEED_DOMAINS[no][1].split("主要业务类型：", 1)[1].split("主要应用领域：", 1)[0], no, "business_types"
    )
    m = re.match(r"主要包括(.+?)(?:等)?(?:(\d+)个)?业务类型", line)
    items = [p for part in m.group(1).split("、") for q in part.split("以及") for p in q.split("和") if p]
    return items, int(m.group(2)) if m.group(2) else None


def seed_industries(no: int) -> tuple:
    """(industries, stated count) parsed from a domain's 主要应用领域 line, clean readings applied."""
    line = cleaned(SEED_DOMAINS[no][1].split("主要应用领域：", 1)[1], no, "industries")
    m = re.match(r"重点(?:应用于|应用在|面向)(.+?)(?:等)?(?:(\d+)个国民经济行业)?。", line)
    return m.group(1).split("，"), int(m.group(2)) if m.group(2) else None


def domain_param(no: int):
    """A pytest param named after the domain."""
    return pytest.param(no, id=f"{no:02d}")


DOMAIN_NOS = [domain_param(no) for no in range(1, 24)]
LEAF_CLAUSES = [c for c in CLAUSES if c.get("text")]


@pytest.fixture(scope="session")
def db(tmp_path_factory):
    """A knowledge database built from the sources into a temporary directory."""
    return build(tmp_path_factory.mktemp("kb-fidelity") / "knowledge.db")


class TestSeed:
    def test_copy_matches_shared_seed(self):
        """knowledge/data/policy_text.md is the shared seed text, unchanged."""
        if not SHARED_SEED.exists():
            pytest.skip("shared seed not mounted")
        assert SHARED_SEED.read_text(encoding="utf-8") == SEED_TEXT

    def test_annex_has_23_sections(self):
        """The annex parses into 23 numbered domain sections."""
        assert list(range(1, 24)) == sorted(SEED_DOMAINS)


class TestCatalog:
    def test_counts(self, db):
        """23 domains: 8 ITO, 6 BPO, 9 KPO, as the catalog's introduction states."""
        assert {"total": 23, "ITO": 8, "BPO": 6, "KPO": 9} == query.catalog_summary(db_path=db)
        assert DOCUMENT["catalog"]["domains_stated"] == query.catalog_summary(db_path=db)
        assert norm(DOCUMENT["catalog"]["text"]) in SEED_NORM

    def test_categories_in_order(self):
        """Domains 1–8 are ITO, 9–14 BPO, 15–23 KPO."""
        expected = ["ITO"] * 8 + ["BPO"] * 6 + ["KPO"] * 9
        assert expected == [d["category"] for d in CATALOG["domains"]]

    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_name_and_number(self, no):
        """Each domain's name and Chinese numeral are the seed's heading."""
        d = CATALOG["domains"][no - 1]
        assert (SEED_DOMAINS[no][0], CN_NUMERALS[no - 1], no) == (d["name"], d["number"], d["no"])

    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_definition(self, no):
        """Each definition is the seed's 定义和范围, word for word after the recorded clean readings."""
        assert seed_definition(no) == norm(CATALOG["domains"][no - 1]["definition"])

    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_category_stated_in_definition(self, no):
        """Each definition ends by naming the domain's category, which matches the data."""
        d = CATALOG["domains"][no - 1]
        expected = f"属于{CATALOG['categories'][d['category']]}（{d['category']}）"
        assert expected in seed_definition(no)

    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_business_types(self, no):
        """Each domain's business types are the seed's 主要业务类型 list, in order."""
        expected, stated = seed_business_types(no)
        d = CATALOG["domains"][no - 1]
        assert ([norm(t) for t in expected], stated) == (
            [norm(t) for t in d["business_types"]],
            d["business_type_count"],
        )

    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_industries(self, no):
        """Each domain's industries are the seed's 主要应用领域 list, in order, with the stated count."""
        expected, stated = seed_industries(no)
        d = CATALOG["domains"][no - 1]
        assert (expected, stated) == ([norm(i) for i in d["industries"]], d["industry_count"])

    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_database_matches_yaml(self, db, no):
        """query.domain() returns the YAML's lists and both counts."""
        d = CATALOG["domains"][no - 1]
        got = query.domain(no, db_path=db)
        expected = (d["name"], d["business_types"], d["industries"], d["industry_count"], len(d["industries"]))
        actual = (
            got["name"],
            got["business_types"],
            got["industries"],
            got["industry_count_stated"],
            got["industry_count_listed"],
        )
        assert expected == actual

    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_exclusions_quote_the_definition(self, no):
        """Every 「不包括…」 recorded is in the definition, and every one in the definition is recorded."""
        d = CATALOG["domains"][no - 1]
        in_text = re.findall(r"不包括[^，。]+?(?:等)?服务|不包括[^，。]+", seed_definition(no))
        assert [norm(t) for t in in_text] == [norm(e["text"]) for e in d["exclusions"]]


class TestCountsRecorded:
    @pytest.mark.parametrize("no", DOMAIN_NOS)
    def test_stated_counts_match_or_are_recorded(self, no):
        """A stated count that differs from the list (or is missing) has a count_mismatch entry."""
        d = CATALOG["domains"][no - 1]
        recorded = {
            x["where"]["field"]
            for x in DISCREPANCIES
            if x["kind"] == "count_mismatch" and x["where"].get("domain") == no
        }
        raw_types, _ = seed_business_types_raw(no)
        expected = set()
        if d["business_type_count"] != len(d["business_types"]):
            expected.add("business_type_count")
        if len(raw_types) != len(d["business_types"]):
            expected.add("business_types")
        if d["industry_count"] != len(d["industries"]):
            expected.add("industry_count")
        assert expected == recorded

    def test_required_entries(self):
        """The known artefacts are all recorded with their clean reading."""
        pairs = {(x["where"].get("domain"), x.get("literal"), x.get("clean")) for x in DISCREPANCIES}
        for expected in [
            (5, "建建筑业", "建筑业"),
            (11, "管理 and 调度", "管理和调度"),
            (2, "信息技服务业", "信息技术服务业"),
            (3, "信息技服务业", "信息技术服务业"),
            (23, "燃气和水生产和供应业", "燃气及水生产和供应业"),
            (23, "科学研究与技术服务业", "科学研究和技术服务业"),
            (7, "所需资源，和服务", "所需资源和服务"),
        ]:
            assert expected in pairs

    def test_literals_occur_in_the_seed(self):
        """Every recorded literal of a domain or clause occurs in the seed text."""
        missing = []
        for x in DISCREPANCIES:
            where = x["where"]
            literal = x.get("literal")
            if literal is None or "scope" in where or "document" in where:
                continue
            haystack = SEED_DOMAINS[where["domain"]][1] if "domain" in where else SEED_NORM
            if norm(str(literal)) not in haystack:
                missing.append(x["id"])
        assert [] == missing

    def test_database_has_every_entry(self, db):
        """The discrepancies table holds every entry of the YAML, in order."""
        import sqlite_utils

        rows = list(sqlite_utils.Database(db)["discrepancies"].rows_where(order_by="position"))
        assert [x["id"] for x in DISCREPANCIES] == [r["id"] for r in rows]


def seed_business_types_raw(no: int) -> tuple:
    """The 主要业务类型 list split as the seed writes it, before any clean reading."""
    line = SEED_DOMAINS[no][1].split("主要业务类型：", 1)[1].split("主要应用领域：", 1)[0]
    m = re.match(r"主要包括(.+?)(?:等)?(?:(\d+)个)?业务类型", line)
    items = [p for part in m.group(1).split("、") for q in part.split("以及") for p in q.split("和") if p]
    return items, m.group(2)


def clause_marker(c: dict) -> str:
    """How the seed numbers a clause: 一、 / （二） / 3."""
    code = c["code"]
    parts = code.split(".")
    if len(parts) == 1:
        return CN_NUMERALS[int(code) - 1] + "、"
    if len(parts) == 2:
        return "（" + CN_NUMERALS[int(parts[1]) - 1] + "）"
    return parts[2] + "."


class TestClauses:
    def test_codes(self):
        """Every clause of the policy, in the order of the text."""
        expected = ["1", "2", "3"] + [f"3.{i}" for i in range(1, 10)]
        expected[expected.index("3.7") + 1 : expected.index("3.7") + 1] = [f"3.7.{i}" for i in range(1, 5)]
        expected[expected.index("3.8") + 1 : expected.index("3.8") + 1] = [f"3.8.{i}" for i in range(1, 4)]
        expected += ["4", "4.1", "4.2", "4.3"]
        assert expected == [c["code"] for c in CLAUSES]

    @pytest.mark.parametrize("c", CLAUSES, ids=lambda c: c["code"])
    def test_heading_in_seed(self, c):
        """Each clause's number and title read as in the seed."""
        sep = "。" if c["code"].count(".") == 2 else ""
        assert norm(clause_marker(c) + c["title"] + sep) in SEED_NORM

    @pytest.mark.parametrize("c", LEAF_CLAUSES, ids=lambda c: c["code"])
    def test_text_in_seed(self, c):
        """Each clause's text follows its heading in the seed, word for word modulo layout."""
        sep = "。" if c["code"].count(".") == 2 else ""
        assert norm(clause_marker(c) + c["title"] + sep + c["text"]) in SEED_NORM

    @pytest.mark.parametrize("c", CLAUSES, ids=lambda c: c["code"])
    def test_figure_keys(self, c):
        """Each clause lists exactly the figures.yml keys of its code."""
        assert [f["key"] for f in FIGURES.get(c["code"], [])] == c["figures"]

    def test_sub_item_labels(self):
        """Labels follow 第三条第（七）项第2点 / 第四条第（三）项."""
        labels = {c["code"]: c["label"] for c in CLAUSES}
        expected = {
            "1": "第一条",
            "3.2": "第三条第（二）项",
            "3.7.2": "第三条第（七）项第2点",
            "4.3": "第四条第（三）项",
        }
        assert expected == {k: labels[k] for k in expected}

    def test_certifications(self):
        """三（六）'s certifications are named as the text names them."""
        certs = next(c for c in CLAUSES if c["code"] == "3.6")["certifications"]
        assert ["CMMI", "ITSS", "PCMM", "SAS70", "CCRC"] == [x["code"] for x in certs]
        for x in certs:
            assert f"{x['name']}（{x['code']}）" in SEED_NORM

    def test_exhibition_costs(self):
        """三（五）'s eligible costs are the five the text lists."""
        costs = next(c for c in CLAUSES if c["code"] == "3.5")["eligible_costs"]
        assert "包括" + "、".join(costs) + "等" in SEED_NORM


class TestFigures:
    @pytest.mark.parametrize(
        "code,f",
        [(code, f) for code, items in FIGURES.items() for f in items],
        ids=lambda x: x if isinstance(x, str) else x["key"],
    )
    def test_text_in_seed_and_clause(self, code, f):
        """Each figure's text occurs in the seed and in its own clause."""
        text = next(c for c in CLAUSES if c["code"] == code)["text"]
        assert (True, True) == (norm(f["text"]) in SEED_NORM, norm(f["text"]) in norm(text))

    @pytest.mark.parametrize(
        "code,f",
        [(code, f) for code, items in FIGURES.items() for f in items],
        ids=lambda x: x if isinstance(x, str) else x["key"],
    )
    def test_value_in_text(self, code, f):
        """Each figure's number appears in its text (yuan as 万元, rates as %)."""
        value = Decimal(str(f["value"]))
        forms = {str(value.normalize()), format(value.normalize(), "f")}
        if f["key"].endswith(("_cny", "_usd")) and value >= 10000:
            wan = format((value / 10000).normalize(), "f")
            forms.update({wan + "万", wan + "—"})
        if value < 1 and f["key"] == "rate":
            forms.add(format((value * 100).normalize(), "f") + "%")
        cn = {"1": "一", "2": "两", "3": "三"}
        forms.add(cn.get(str(value), "\0") + "年")
        assert any(form in norm(f["text"]) for form in forms), forms

    def test_clause_api_uses_figures(self, db):
        """query.clause() returns figures.yml's figures as Decimals."""
        got = query.clause("3.2", db_path=db)["figures"]
        assert [(f["key"], Decimal(str(f["value"]))) for f in FIGURES["3.2"]] == [(f["key"], f["value"]) for f in got]


class TestDocument:
    def test_facts_in_seed(self):
        """Number, titles, offices, dates and implemented documents are in the seed."""
        d = DOCUMENT
        for fact in [
            d["doc_no"],
            d["title"],
            "《" + d["policy_title"] + "》",
            "主办：" + d["sponsor"],
            "督办：" + d["supervisor"],
            "2020年12月26日",
            "2020年12月28日印发",
            d["addressees"],
            d["notice_text"],
            d["purpose"],
        ]:
            assert norm(fact) in SEED_NORM
        for doc in d["implements"]:
            assert norm(f"《{doc['title']}》（{doc['doc_no']}）") in SEED_NORM

    def test_rules_in_seed(self):
        """Validity, interpretation, rules, no double claims, annual total, catalog rule, exchange rate."""
        keys = [
            "scope",
            "statistics_system",
            "validity",
            "interpretation",
            "implementation_rules",
            "no_double_claim",
            "annual_total_cap",
            "catalog_adjustment",
            "exchange_rate",
        ]
        missing = [k for k in keys if norm(DOCUMENT[k]["text"]) not in SEED_NORM]
        assert [] == missing

    def test_rules_point_to_their_clause(self):
        """Each rule's text is in the clause it names."""
        texts = {c["code"]: c["text"] for c in CLAUSES}
        keys = [k for k, v in DOCUMENT.items() if isinstance(v, dict) and "clause" in v]
        wrong = [k for k in keys if norm(DOCUMENT[k]["text"]) not in norm(texts[DOCUMENT[k]["clause"]])]
        assert [] == wrong

    def test_dates(self, db):
        """Published 2020-12-26, printed 2020-12-28, sponsored by 市商务局."""
        d = query.document(db_path=db)
        expected = ("郑政办〔2020〕58号", "2020-12-26", "2020-12-28", "市商务局", "市政府办公厅六处")
        assert expected == (d["doc_no"], d["published"], d["printed"], d["sponsor"], d["supervisor"])

    def test_annual_cap_resolves_to_figure(self, db):
        """document()'s annual total cap is the figure of 四（三）."""
        cap = query.document(db_path=db)["annual_total_cap"]
        assert FIGURES["4.3"][0]["value"] == str(cap["value"])
