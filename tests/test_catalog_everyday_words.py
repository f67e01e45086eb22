"""A business told in a manager's everyday words reaches its catalog domain (catalog.yml business_type_examples and
business_type_together): 「替日本公司接听中国用户的售后电话」 is 呼叫中心服务, 「做监查、招受试者」 医药和生物技术研发服务, for each
of the 23 domains; several businesses in one message each get their line, and a question's words (「吗 分别」「这两块」
「ito还」) are never quoted as the business."""

import re

import pytest

from bot.answers import catalog
from bot.nlu.normalize import normalize
from knowledge import query, sources

# one everyday phrasing per domain, none of them the catalog's own business-type name
EVERYDAY = {
    "软件研发服务": "给物流公司写代码 做他们的管理后台",
    "集成电路和电子电路设计服务": "帮几家硬件厂家画板子",
    "电子商务平台服务": "帮一家超市做商城 上线后负责商城运维",
    "信息技术解决方案服务": "给医院做信息化改造的整体方案",
    "信息技术运营和维护服务": "在自己的机房给客户做主机托管",
    "网络与信息安全服务": "给城商行做渗透和攻防演练",
    "云计算服务": "对外做算力租赁 按小时出GPU算力",
    "人工智能服务": "给工厂做行为识别和目标检测",
    "内部管理服务": "帮外企代发薪 代办社保手续",
    "互联网营销推广服务": "帮品牌找达人投放 做种草内容",
    "呼叫中心服务": "替几家日本公司接听中国用户的售后电话",
    "供应链管理服务": "给连锁零售企业做配送路线规划",
    "金融后台服务": "给保险公司做车险查勘和核保",
    "维修维护服务": "给铁路局做机车检修",
    "大数据服务": "给车企做点云的标注和数据整理",
    "管理咨询服务": "给制造企业做管理诊断 出绩效考核方案",
    "检验检测服务": "给电子厂做电磁兼容和可靠性测试",
    "工业设计服务": "帮车企做CAE仿真分析",
    "工程技术服务": "给开发商做环评和可研",
    "服务设计服务": "给连锁品牌画服务蓝图 梳理客户旅程",
    "文化创意服务": "给出版社画插画",
    "医药和生物技术研发服务": "给药企做监查 招受试者",
    "新能源技术研发服务": "给风电场做风资源评估",
}


def top(text):
    hits = query.classify_business(normalize(text), limit=1)
    return hits[0] if hits else {}


def classify(text):
    return catalog.classify_answer(normalize(text)).text


class TestEveryDomainInEverydayWords:
    def test_every_domain_has_a_phrasing(self):
        """Each of the 23 domains has an everyday phrasing below."""
        names = [d["name"] for d in sources.load("catalog")["domains"]]
        assert sorted(names) == sorted(EVERYDAY)

    @pytest.mark.parametrize("domain, text", sorted(EVERYDAY.items()))
    def test_placed(self, domain, text):
        """The everyday phrasing is placed, confidently, in its domain."""
        hit = top(text)
        assert (domain, True) == (hit.get("domain"), hit.get("confident")), text


class TestWordsApart:
    @pytest.mark.parametrize(
        "text",
        ["帮他们接听中国区用户的咨询电话", "替车企拨打客户回访电话", "给银行代接信用卡用户的来电"],
    )
    def test_answering_calls_is_a_call_centre(self, text):
        """Answering or making the calls, named apart from 电话/来电, is 呼叫中心服务's voice service."""
        hit = top(text)
        assert ("呼叫中心服务", "语音服务") == (hit["domain"], hit["business_type"])

    @pytest.mark.parametrize("text", ["给客户的办公电脑做运维", "帮企业维护员工的电脑和打印机", "在客户那驻场维护终端"])
    def test_office_machines_upkeep_is_desktop_management(self, text):
        """Office computers and their upkeep named apart are 桌面管理与维护."""
        hit = top(text)
        assert ("信息技术运营和维护服务", "桌面管理与维护") == (hit["domain"], hit["business_type"])

    def test_consumer_repair_stays_excluded(self):
        """A consumer's computer repaired is still 维修维护服务's exclusion, not desktop management."""
        assert top("给个人修电脑 换屏幕")["domain"] != "信息技术运营和维护服务"


class TestSeveralBusinessesAnswered:
    @pytest.mark.parametrize(
        "text, domains",
        [
            (
                "我们主要帮药企做新药的临床试验，就是招受试者、做监查，还有一块是替几家韩国公司接听他们国内用户的售后电话，"
                "这两块算服务外包吗 分别归哪个领域",
                ("医药和生物技术研发服务", "呼叫中心服务"),
            ),
            (
                "我们给跨境卖家做多语种客服，另外帮外资企业代发工资，分别属于哪个领域",
                ("呼叫中心服务", "内部管理服务"),
            ),
            (
                "帮银行做渗透测试和等保测评，另外给企业做桌面运维，这两块分别归哪个领域",
                ("网络与信息安全服务", "信息技术运营和维护服务"),
            ),
            ("我们帮车企做CAE仿真，另外给药企做受试者招募，算啥", ("工业设计服务", "医药和生物技术研发服务")),
            (
                "公司一块是给风电场做风资源评估，一块是给开发商做环评，分别是什么领域",
                ("新能源技术研发服务", "工程技术服务"),
            ),
        ],
    )
    def test_each_business_gets_its_line(self, text, domains):
        """Every business is named with its domain, in one reply."""
        reply = classify(text)
        assert "分别看" in reply
        for d in domains:
            assert d in reply, d

    def test_category_of_each_said(self):
        """「ITO BPO还是KPO」: each business's category comes with it."""
        reply = classify("我们给药企做临床监查，还替日本公司接听售后电话，分别是ITO BPO还是KPO")
        assert "知识流程外包（KPO）" in reply and "业务流程外包（BPO）" in reply

    def test_domain_named_whole_beside_its_type_is_one_line(self):
        """「呼叫中心 … 售后电话」: the domain and one of its business types are one business, said once."""
        reply = classify("我们是呼叫中心，替家电品牌接听售后电话，另外给车企做数据标注，分别属于哪个领域")
        assert 1 == reply.count("呼叫中心服务（业务类型")
        assert "大数据服务" in reply


QUESTION_QUOTED = re.compile(r"“[^”]*(吗|呢|分别|哪|ito|bpo|kpo|还$)[^”]*”")


class TestSubjectNeverAQuestion:
    @pytest.mark.parametrize(
        "text",
        [
            "我们是做临床试验的，这两块算服务外包吗 分别归哪个领域",
            "我们做点云标注 这个算吗 分别归哪个领域",
            "我们给跨境电商卖家做多语种客服，这属于哪个领域？ITO还是BPO",
            "帮药企招受试者 这些算不算 分别属于什么",
            "给外企做薪酬核算 那这个呢 算哪个领域",
        ],
    )
    def test_no_question_words_quoted(self, text):
        """The reply quotes no piece of the question as the business."""
        reply = classify(text)
        assert not QUESTION_QUOTED.search(reply), reply
        assert not catalog._subject(normalize(text)) or not re.search(
            r"吗|分别|哪|这", catalog._subject(normalize(text))
        )

    @pytest.mark.parametrize(
        "text, subject",
        [
            ("我们做游戏美术外包算哪个领域", "游戏美术外包"),
            ("公司做数据标注业务算哪个领域", "数据标注"),
            ("我们是做工资核算的，算什么领域", "工资核算"),
        ],
    )
    def test_business_before_the_question_quoted(self, text, subject):
        """A business said right before 「算哪个领域」 is still the subject."""
        assert subject == catalog._subject(normalize(text))

    @pytest.mark.parametrize("text", ["这两块算服务外包吗", "上面这些算哪个领域", "它属于哪类"])
    def test_pointer_is_no_subject(self, text):
        """「这两块」「上面这些」 point back; they name no business."""
        assert "" == catalog._subject(normalize(text))

    @pytest.mark.parametrize(
        "text",
        [
            "我们是做机动车安全技术检验的 就是车管所认可的那种年检站 算不算目录里的检验检测服务",
            "我们给超市做商品陈列 是不是目录里的供应链管理服务",
            "公司做代理记账 属不属于目录里的内部管理服务",
        ],
    )
    def test_the_first_half_of_an_a_not_a_question_is_no_subject(self, text):
        """R60Q013: 「…年检站 算不算目录里的…」 had quoted 「算不」 as the business."""
        assert catalog._subject(normalize(text)) not in {"算不", "是不", "属不"}


@pytest.mark.parametrize(
    "text, joined",
    [
        ("一块是给医院做CT 核磁这些医疗设备的维修保养 另一块是给药企做临床试验外包", "核磁这些医疗设备的维修保养"),
        ("给工地的挖掘机 起重机这类工程机械做维修 算哪个领域", "起重机这类工程机械做维修"),
        ("我们给航空公司做飞机 高铁这些交通工具的维修", "高铁这些交通工具的维修"),
    ],
)
def test_a_space_before_a_list_closed_by_zhexie_joins_one_business(text, joined):
    """R60Q011: 「给医院做CT 核磁这些医疗设备的维修保养」 is one business; the space had cut 「给医院做ct」 off."""
    parts = catalog.business_parts(normalize(text))
    assert any(joined in p and len(p) > len(joined) for p in parts)
