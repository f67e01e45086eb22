"""knowledge.query answers realistic questions; knowledge.build is fast, idempotent and rasa-free."""

import ast
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from knowledge import build as kbuild
from knowledge import query

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="session")
def db(tmp_path_factory):
    """A knowledge database built from the sources into a temporary directory."""
    return kbuild.build(tmp_path_factory.mktemp("kb-query") / "knowledge.db")


QUESTIONS = [
    ("离岸奖励怎么算", "3.2"),
    ("我们给美国客户做软件开发，一年200万美元，能拿多少奖励", "3.2"),
    ("離岸獎勵怎麼算", "3.2"),
    ("离岸将励", "3.2"),
    ("增量奖励", "3.1"),
    ("今年比去年多了500万执行额，奖励多少", "3.1"),
    ("新成立的公司第一年增量怎么算", "3.1"),
    ("汇率按什么算", "3.1"),
    ("专利 软著 创新奖励", "3.3"),
    ("软件著作权连续两年有奖励吗", "3.3"),
    ("技术先进型", "3.4"),
    ("技先企业认定有奖励吗", "3.4"),
    ("参加展会能补多少", "3.5"),
    ("参加服贸会的展位费能报销吗", "3.5"),
    ("去国外参加展会每场最多补多少", "3.5"),
    ("CMMI认证补贴", "3.6"),
    ("ＣＭＭＩ认证能补多少", "3.6"),
    ("ITSS维护费用有补贴吗", "3.6"),
    ("政府购买服务培训", "3.7.1"),
    ("培训机构每培训一个人给多少钱", "3.7.2"),
    ("我们是培训学校，培训学员就业有补帖吗", "3.7.2"),
    ("项目经理培训补贴", "3.7.3"),
    ("员工考PMP的培训费能补吗", "3.7.3"),
    ("招实习生有补贴吗", "3.7.4"),
    ("跟高校签了实训协议有什么支持", "3.7.4"),
    ("应届毕业生补贴", "3.7.4"),
    ("示范园区认定", "3.8.1"),
    ("示范园区一次性奖励多少", "3.8.1"),
    ("园区引进500强", "3.8.2"),
    ("园区运营方招商引资奖励", "3.8.2"),
    ("租金补贴", "3.8.3"),
    ("在园区租的办公室能补房租吗", "3.8.3"),
    ("公共服务平台", "3.9"),
    ("建设公共技术服务平台买服务器", "3.9"),
    ("谁可以申报", "2"),
    ("申报条件", "2"),
    ("分公司能申保吗", "2"),
    ("合同执行额怎么认定", "1"),
    ("政策有效期", "4.2"),
    ("这个政策哪年到期", "4.2"),
    ("谁解释", "4.1"),
    ("申报材料去哪交", "4.1"),
    ("能不能重复申报", "4.3"),
    ("可以同时享受其他政策吗", "4.3"),
    ("最多拿多少", "4.3"),
    ("一年最多能拿多少补贴", "4.3"),
    ("有哪些补贴政策", "3"),
]

DOCUMENT_QUESTIONS = [
    ("什么时候发布的", "published"),
    ("文号是多少", "doc_no"),
    ("主办单位", "sponsor"),
    ("依据哪些文件", "implements"),
    ("ITO有几个领域", "catalog"),
]

DOMAIN_QUESTIONS = [
    ("软件研发服务包括哪些业务", "软件研发服务"),
    ("電子商務平台服務的應用行業", "电子商务平台服务"),
    ("數據標註屬於哪個領域", "大数据服务"),
]

BUSINESSES = [
    ("游戏美术外包", "文化创意服务", "动漫及网游设计服务"),
    ("动漫制作", "文化创意服务", "动漫及网游设计服务"),
    ("广告设计", "文化创意服务", "广告设计服务"),
    ("智能客服", "呼叫中心服务", "智能客服"),
    ("客服外包", "呼叫中心服务", None),
    ("软件测试", "软件研发服务", "软件测试"),
    ("APP开发外包", "软件研发服务", "定制软件研发"),
    ("数据标注", "大数据服务", "数据采集与录入"),
    ("数据录入", "大数据服务", "数据采集与录入"),
    ("芯片设计", "集成电路和电子电路设计服务", "集成电路产品设计及相关技术支持服务"),
    ("PCB电路板设计", "集成电路和电子电路设计服务", "电子电路产品设计及相关技术支持服务"),
    ("CRO临床试验", "医药和生物技术研发服务", "临床前试验及临床试验"),
    ("医疗器械研发", "医药和生物技术研发服务", None),
    ("光伏电站运维技术研发", "新能源技术研发服务", "产品应用技术研发"),
    ("储能", "新能源技术研发服务", None),
    ("人力资源外包", "内部管理服务", "人力资源管理服务"),
    ("财务外包", "内部管理服务", "财务与会计管理"),
    ("代账", "内部管理服务", "财务与会计管理"),
    ("物流方案设计", "供应链管理服务", "物流方案设计服务"),
    ("银行卡中心", "金融后台服务", "银行卡服务"),
    ("保险理赔", "金融后台服务", "定损理赔服务"),
    ("抖音代运营", "互联网营销推广服务", "传播内容策划及效果监测"),
    ("网络推广", "互联网营销推广服务", None),
    ("天猫店代运营", "电子商务平台服务", "电子商务平台代运维"),
    ("电商平台开发", "电子商务平台服务", "电子商务平台开发"),
    ("等保测评", "网络与信息安全服务", "安全测评"),
    ("渗透测试", "网络与信息安全服务", "安全测评"),
    ("机房托管", "信息技术运营和维护服务", "托管服务"),
    ("IT运维", "信息技术运营和维护服务", None),
    ("ERP实施", "信息技术解决方案服务", "信息化解决方案"),
    ("信息化方案", "信息技术解决方案服务", "信息化解决方案"),
    ("UX", "服务设计服务", "服务模式设计"),
    ("用户体验设计", "服务设计服务", "服务模式设计"),
    ("商业模式设计", "服务设计服务", "商业模式设计"),
    ("外观设计", "工业设计服务", "外观设计"),
    ("产品结构设计", "工业设计服务", "结构设计"),
    ("战略咨询", "管理咨询服务", "战略咨询服务"),
    ("第三方医学检验", "检验检测服务", "第三方医学检验检测服务"),
    ("SaaS", "云计算服务", "软件即服务（Software-as-a-Service，SaaS）"),
    ("人脸识别", "人工智能服务", "自动识别服务"),
    ("图像识别", "人工智能服务", "自动识别服务"),
    ("飞机维修", "维修维护服务", "交通工具维修维护服务"),
    ("施工图设计", "工程技术服务", "规划设计"),
]

EXCLUDED = [
    ("手机维修", "维修维护服务", "不包括手机等消费产品的维修服务"),
    ("强制检测", "检验检测服务", "不包括法律法规规定强制检测的服务"),
    ("施工", "工程技术服务", "不包括具体的施工活动及工程管理"),
]


class TestSearch:
    @pytest.mark.parametrize("question,code", QUESTIONS)
    def test_routes_to_clause(self, db, question, code):
        """A realistic question lands on its clause first."""
        top = query.search(question, db_path=db)[0]
        assert ("clause", code) == (top["kind"], top["key"])

    @pytest.mark.parametrize("question,key", DOCUMENT_QUESTIONS)
    def test_routes_to_document(self, db, question, key):
        """A question about the document itself lands on the document fact."""
        top = query.search(question, db_path=db)[0]
        assert ("document", key) == (top["kind"], top["key"])

    @pytest.mark.parametrize("question,name", DOMAIN_QUESTIONS)
    def test_routes_to_domain(self, db, question, name):
        """A question about a catalog domain lands on the domain."""
        top = query.search(question, db_path=db)[0]
        assert ("domain", name) == (top["kind"], top["key"])

    def test_result_shape(self, db):
        """Results carry kind, key, score and snippet, best first, at most limit of them."""
        results = query.search("离岸奖励和增量奖励", limit=2, db_path=db)
        assert 2 == len(results)
        assert [{"kind", "key", "score", "snippet"}] * 2 == [set(r) for r in results]
        assert sorted((r["score"] for r in results), reverse=True) == [r["score"] for r in results]
        assert "离岸" in results[0]["snippet"] or "离岸" in results[1]["snippet"]

    def test_nothing_for_nothing(self, db):
        """An empty question finds nothing."""
        assert [] == query.search("   ", db_path=db)


class TestClassifyBusiness:
    @pytest.mark.parametrize("description,domain,business_type", BUSINESSES)
    def test_domain_and_type(self, db, description, domain, business_type):
        """A business description lands on its domain and business type, not excluded."""
        top = query.classify_business(description, db_path=db)[0]
        assert (domain, business_type, False) == (top["domain"], top["business_type"], top["excluded"])

    @pytest.mark.parametrize("description,domain,exclusion", EXCLUDED)
    def test_exclusions(self, db, description, domain, exclusion):
        """A business the catalog rules out lands on the domain that rules it out, flagged excluded."""
        top = query.classify_business(description, db_path=db)[0]
        assert (domain, True, exclusion) == (top["domain"], top["excluded"], top["exclusion"])

    def test_intelligent_customer_service_is_not_ai_first(self, db):
        """智能客服 is a call-centre business type, ahead of 人工智能服务."""
        names = [r["domain"] for r in query.classify_business("智能客服", limit=5, db_path=db)]
        assert "呼叫中心服务" == names[0]

    def test_ecommerce_development_flags_marketing_exclusion(self, db):
        """电商平台开发 is 电子商务平台服务, and 互联网营销推广服务 says it excludes it."""
        results = {r["domain"]: r for r in query.classify_business("电商平台开发", db_path=db)}
        assert (False, True) == (results["电子商务平台服务"]["excluded"], results["互联网营销推广服务"]["excluded"])

    def test_result_shape(self, db):
        """Results carry domain, category, business_type(s), score, excluded, exclusion and confident."""
        top = query.classify_business("软件测试", db_path=db)[0]
        assert {
            "domain",
            "category",
            "business_type",
            "business_types",
            "score",
            "excluded",
            "exclusion",
            "confident",
        } == set(top)
        assert ("ITO", None) == (top["category"], top["exclusion"])

    def test_unknown_business(self, db):
        """A description with no catalog words finds nothing."""
        assert [] == query.classify_business("卖煎饼果子", db_path=db)


class TestClause:
    def test_offshore(self, db):
        """clause("3.2") has label, title, applicant, figures as Decimals and its parent."""
        c = query.clause("3.2", db_path=db)
        expected = ("第三条第（二）项", "鼓励企业开展国际服务外包业务", "企业", "3", [])
        assert expected == (c["label"], c["title"], c["applicant"], c["parent"], c["children"])
        assert {"key": "threshold_usd", "value": Decimal("1000000"), "bound": "超过"} == {
            k: c["figures"][0][k] for k in ("key", "value", "bound")
        }

    def test_parent_children(self, db):
        """3.7 and 3.8 list their numbered points; a point names its parent."""
        assert ["3.7.1", "3.7.2", "3.7.3", "3.7.4"] == query.clause("3.7", db_path=db)["children"]
        assert ["3.8.1", "3.8.2", "3.8.3"] == query.clause("3.8", db_path=db)["children"]
        assert "3.8" == query.clause("3.8.3", db_path=db)["parent"]

    def test_by_label(self, db):
        """A clause can be looked up by its label."""
        assert "3.7.2" == query.clause("第三条第（七）项第2点", db_path=db)["code"]

    def test_missing(self, db):
        """An unknown code gives None."""
        assert None is query.clause("9.9", db_path=db)

    def test_applicants(self, db):
        """Applicants as the text names them."""
        got = {c["code"]: c["applicant"] for c in query.clauses(db_path=db)}
        expected = {
            "3.7.1": "培训机构",
            "3.7.2": "培训机构",
            "3.7.4": "服务外包企业（单位）",
            "3.8.2": "园区管理和运营企业",
            "3.9": "企业",
        }
        assert expected == {k: got[k] for k in expected}

    def test_eligible_costs(self, db):
        """三（五）, 三（六）, 三（九） name what costs count; 三（七）3 excludes 学历教育."""
        assert ["注册费", "展位费", "布展费", "特装费", "宣传推广费"] == query.clause("3.5", db_path=db)[
            "eligible_costs"
        ]
        assert 2 == len(query.clause("3.6", db_path=db)["eligible_costs"])
        assert 3 == len(query.clause("3.9", db_path=db)["eligible_costs"])
        assert ["学历教育"] == query.clause("3.7.3", db_path=db)["exclusions"]

    def test_certifications(self, db):
        """certifications() lists 三（六）'s five with their Chinese names and what users type."""
        certs = query.certifications(db_path=db)
        assert ["CMMI", "ITSS", "PCMM", "SAS70", "CCRC"] == [c["code"] for c in certs]
        assert ("开发能力成熟度模型集成", True) == (certs[0]["name"], "sas 70" in certs[3]["aliases"])

    def test_every_clause_reachable_by_search(self, db):
        """Every leaf clause is the top search result for one of its own keywords."""
        unreachable = []
        for c in query.clauses(db_path=db):
            if not c["children"] and not any(
                query.search(kw, limit=1, db_path=db)[0]["key"] == c["code"] for kw in c["keywords"]
            ):
                unreachable.append(c["code"])
        assert [] == unreachable


class TestDomain:
    @pytest.mark.parametrize("key", ["软件研发服务", "软件研发", 1, "1", "一", "第一"])
    def test_lookup(self, db, key):
        """A domain by name, synonym or number."""
        assert "软件研发服务" == query.domain(key, db_path=db)["name"]

    @pytest.mark.parametrize(
        "key,name",
        [
            ("二十三", "新能源技术研发服务"),
            ("芯片设计", "集成电路和电子电路设计服务"),
            ("网络安全", "网络与信息安全服务"),
            ("AI", "人工智能服务"),
        ],
    )
    def test_lookup_synonyms(self, db, key, name):
        """Numerals past ten and users' names for domains resolve."""
        assert name == query.domain(key, db_path=db)["name"]

    def test_missing(self, db):
        """An unknown name or number gives None."""
        assert (None, None) == (query.domain("煎饼", db_path=db), query.domain(24, db_path=db))

    def test_fields(self, db):
        """A domain carries every field the brief names."""
        d = query.domain(6, db_path=db)
        assert (6, "ITO", "信息技术外包", 10, 10, 6, 5) == (
            d["no"],
            d["category"],
            d["category_name"],
            d["business_type_count"],
            len(d["business_types"]),
            d["industry_count_stated"],
            d["industry_count_listed"],
        )
        assert {"definition", "industries", "exclusions", "examples"} <= set(d)

    def test_by_category(self, db):
        """domains(category) filters by ITO/BPO/KPO or the Chinese name."""
        assert [9, 10, 11, 12, 13, 14] == [d["no"] for d in query.domains("BPO", db_path=db)]
        assert 9 == len(query.domains("知识流程外包", db_path=db))
        assert 23 == len(query.domains(db_path=db))


class TestNormalizeQuestion:
    @pytest.mark.parametrize(
        "raw,expected",
        [
            ("離岸獎勵", "离岸奖励"),
            ("ＣＭＭＩ認證", "cmmi认证"),
            ("申保条件", "申报条件"),
            ("补帖多少", "补贴多少"),
            ("增量将励", "增量奖励"),
            ("  SaaS　平台 ", "saas 平台"),
        ],
    )
    def test_examples(self, raw, expected):
        """Traditional → simplified, full-width → half-width, Latin lower-cased, typos fixed."""
        assert expected == query.normalize_question(raw)


class TestBuild:
    def test_tables(self, db):
        """The database has every table, an FTS5 index over segmented text, and the sources' digest."""
        conn = sqlite_utils.Database(db)
        tables = set(conn.table_names())
        expected = {
            "document",
            "clauses",
            "figures",
            "domains",
            "business_types",
            "industries",
            "synonyms",
            "discrepancies",
        }
        assert expected <= tables
        assert {"clauses_fts", "domains_fts"} <= tables
        assert 23 == conn["domains"].count and 23 == conn["clauses"].count
        assert "离岸" in conn["clauses"].get("3.2")["segmented"].split()

    def test_userdict(self, db):
        """The jieba user dictionary sits beside the database and keeps domain names and keywords whole."""
        words = {line.split()[0] for line in query.userdict_path(db_path=db).read_text(encoding="utf-8").splitlines()}
        assert {"软件研发服务", "离岸奖励", "技术先进型服务企业", "开发能力成熟度模型集成"} <= words
        assert db.parent == query.userdict_path(db_path=db).parent

    def test_idempotent_and_fast(self, db, tmp_path):
        """Two builds give the same rows, each well under 5 s of CPU (wall time varies with load)."""
        path = tmp_path / "again.db"
        durations = []
        for _ in range(2):
            started = time.process_time()
            kbuild.build(path)
            durations.append(time.process_time() - started)
        assert max(durations) < 5.0
        rows = lambda p, t: list(sqlite_utils.Database(p)[t].rows)  # noqa: E731
        for table in ("clauses", "domains", "figures", "discrepancies", "synonyms"):
            assert rows(db, table) == rows(path, table)
        assert [] == [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    def test_env_and_auto_build(self, tmp_path, monkeypatch):
        """KNOWLEDGE_DB picks the path; a missing database is built on first query."""
        path = tmp_path / "env" / "kb.db"
        monkeypatch.setenv("KNOWLEDGE_DB", str(path))
        assert "3.2" == query.search("离岸奖励")[0]["key"]
        assert True is path.exists()

    def test_command_line(self, tmp_path):
        """python -m knowledge.build --db PATH builds there."""
        path = tmp_path / "cli.db"
        out = subprocess.run(
            [sys.executable, "-m", "knowledge.build", "--db", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert (True, True) == (path.exists(), str(path) in out.stdout)

    def test_query_latency(self, db):
        """A warm search and classification take a few milliseconds."""
        query.search("离岸奖励怎么算", db_path=db)
        started = time.process_time()
        for question, _ in QUESTIONS:
            query.search(question, db_path=db)
        for description, _, _ in BUSINESSES:
            query.classify_business(description, db_path=db)
        per_call = (time.process_time() - started) / (len(QUESTIONS) + len(BUSINESSES))
        assert per_call < 0.02


class TestNoRasa:
    def test_no_import_statements(self):
        """No module of knowledge/ imports rasa or rasa_sdk."""
        offenders = []
        for path in KNOWLEDGE.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                offenders += [f"{path.name}:{n}" for n in names if n.split(".")[0] in ("rasa", "rasa_sdk")]
        assert [] == offenders

    def test_no_rasa_at_runtime(self, db):
        """Using the query API loads no rasa module."""
        code = (
            "import sys; from knowledge import query; query.search('离岸奖励', db_path=sys.argv[1]); "
            "query.classify_business('软件测试', db_path=sys.argv[1]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(db)], cwd=ROOT, capture_output=True, text=True, check=True
        )
        assert "[]" == out.stdout.strip()


class TestRemembered:
    """Answers remembered per process are shared read-only and equal to a fresh computation."""

    def test_document_is_shared_and_read_only(self):
        d = query.document()
        assert d is query.document()
        with pytest.raises(TypeError):
            d["sponsor"] = "x"
        with pytest.raises((TypeError, AttributeError)):
            d["cannot_serve"].append({})
        assert d["annual_total_cap"]["value"]

    def test_not_service_outsourcing_copies_are_independent(self):
        first = query.not_service_outsourcing("我们自己开饭店 卖火锅")
        assert first, "a restaurant is outside the 23 domains"
        first[0]["label"] = "changed"
        assert query.not_service_outsourcing("我们自己开饭店 卖火锅")[0]["label"] != "changed"

    @pytest.mark.parametrize(
        "question",
        ["上海的离岸奖励政策是怎样的", "我们在郑州交增值税 能申报增量奖励吗", "高新技术企业所得税优惠怎么申请"],
    )
    def test_other_policy_remembered_equals_fresh(self, question):
        remembered = query.other_policy(question)
        query.other_policy.cache_clear()
        assert query.other_policy(question) == remembered
