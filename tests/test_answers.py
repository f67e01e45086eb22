"""Policy answers (bot/answers): right facts, the clause named, phone-sized, nothing invented."""

import re

import pytest

from bot.answers import compose

CASES = [
    # (intent, question, groups of alternatives that must all appear)
    ("ask_eligibility", "外地企业在郑州设的分支机构能不能申报？", [["分支机构"], ["在郑纳税"], ["第二条"]]),
    ("ask_eligibility", "个体户可以申报吗", [["个体工商户"], ["不符合"]]),
    ("ask_eligibility", "事业单位能申报吗", [["不属于企业"]]),
    ("ask_eligibility", "注册在上海的公司能申报吗", [["不符合"], ["分支机构"]]),
    (
        "ask_eligibility",
        "我们是郑州注册的独立法人，产权清晰，依法经营，依法纳税，财务制度健全，也在统计系统注册了，能申报吗",
        [["都已满足", "可以申报"]],
    ),
    ("ask_eligibility", "我们是郑州的公司，但是没有在统计系统注册，能申报吗", [["不符合"], ["统计系统"]]),
    ("ask_business_scope", "合同执行额怎么认定", [["专家组评审"], ["第三方财务审计"], ["第一条"]]),
    ("ask_catalog", "目录一共多少个领域", [["23"], ["ITO 8"], ["BPO 6"], ["KPO 9"]]),
    ("ask_catalog", "KPO包括哪些领域", [["大数据服务"], ["新能源技术研发服务"], ["9"]]),
    ("ask_catalog", "BPO有哪些", [["呼叫中心服务"], ["维修维护服务"]]),
    ("ask_catalog", "检验检测服务属于ITO、BPO还是KPO？", [["KPO", "知识流程外包"]]),
    ("ask_catalog", "云计算服务包括哪些业务类型", [["SaaS", "软件即服务"], ["IaaS", "基础设施即服务"]]),
    ("ask_catalog", "金融后台服务应用在哪些行业", [["金融业"]]),
    ("ask_catalog", "维修维护服务不包括什么", [["手机"]]),
    ("ask_catalog", "呼叫中心服务是什么", [["定义"], ["BPO"]]),
    ("ask_domain_of_business", "软件测试外包属于哪个领域？", [["软件研发服务"], ["ITO", "信息技术外包"]]),
    ("ask_domain_of_business", "我们做游戏美术外包算哪个领域？", [["文化创意服务"], ["KPO"]]),
    ("ask_domain_of_business", "做智能客服的算哪个领域", [["呼叫中心服务"]]),
    ("ask_domain_of_business", "手机维修算服务外包吗", [["不包括"], ["手机"]]),
    ("ask_domain_of_business", "数据标注属于什么外包", [["大数据服务"]]),
    ("ask_domain_of_business", "我们公司是做芯片设计的，属于哪一类", [["集成电路和电子电路设计服务"]]),
    ("ask_domain_of_business", "建筑施工能算吗", [["不包括", "施工"]]),
    ("ask_subsidy", "技术先进型服务企业认定有什么奖励", [["10万"], ["第三条第（四）项"]]),
    ("ask_subsidy", "资质认证补贴比例是多少", [["70%"], ["30万"]]),
    ("ask_subsidy", "离岸奖励怎么算", [["100万美元"], ["10%"], ["200万"]]),
    ("ask_subsidy", "增量奖励的比例", [["3%"], ["200万"]]),
    ("ask_subsidy", "展会补贴标准是多少", [["2万"], ["5万"], ["20万"], ["30万"], ["70%"]]),
    ("ask_subsidy", "招实习生有补贴吗", [["5000"], ["50万"], ["20名"]]),
    ("ask_subsidy", "培训机构每培训一个人给多少钱", [["500"]]),
    ("ask_subsidy", "项目经理培训补贴", [["50%"], ["3万"], ["20人"]]),
    ("ask_subsidy", "租金补贴条件", [["三年以上", "3年"], ["500万"], ["1000平方米"]]),
    ("ask_subsidy", "园区引进500强有奖励吗", [["10—30万", "10-30万", "10万"]]),
    ("ask_subsidy", "示范园区认定奖励多少", [["20万"]]),
    ("ask_subsidy", "公共服务平台补贴", [["30%"], ["200万"]]),
    ("ask_subsidy", "连续两年拿到专利有什么奖励", [["15%"]]),
    ("ask_general_rules", "一年最多能拿多少", [["500万"], ["第四条第（三）项"]]),
    ("ask_general_rules", "能不能和其他政策重复申报", [["不得重复申报"]]),
    ("ask_general_rules", "政策什么时候开始执行", [["自发布之日起"]]),
    ("ask_general_rules", "政策由谁解释", [["市商务局"]]),
    ("ask_general_rules", "实施细则谁来定", [["市商务局会同市财政局"]]),
    ("ask_general_rules", "文号是多少", [["郑政办〔2020〕58号"]]),
    ("ask_general_rules", "什么时候发布的", [["2020年12月26日"]]),
    ("ask_general_rules", "汇率按什么算", [["中间价"]]),
]


class TestCompose:
    """Each realistic question gets the right facts with its clause."""

    @pytest.mark.parametrize("intent,question,groups", CASES)
    def test_facts(self, intent, question, groups):
        """Every group of alternatives appears in the answer."""
        answer = compose(intent, question)
        for group in groups:
            assert any(alt in answer.text for alt in group), (group, answer.text)

    @pytest.mark.parametrize("intent,question,groups", CASES)
    def test_fits_wechat(self, intent, question, groups):
        """Every answer fits one WeChat passive reply (2048 bytes)."""
        assert len(compose(intent, question).text.encode("utf-8")) <= 2048

    @pytest.mark.parametrize("intent,question,groups", CASES)
    def test_no_phone_numbers(self, intent, question, groups):
        """No answer carries a phone-number-like figure."""
        assert not re.search(r"\d{3,4}-\d{7,8}|1[3-9]\d{9}", compose(intent, question).text)


class TestFollowUps:
    """Follow-ups use the topic of the conversation."""

    def test_overseas_after_fairs(self):
        """ "那境外的呢" after the fairs clause gives the overseas caps."""
        answer = compose("ask_subsidy", "那境外的呢？", topic_clause="3.5")
        assert "5万" in answer.text and "30万" in answer.text and "3.5" == answer.clause

    def test_cap_after_offshore(self):
        """ "上限是多少" after the offshore clause gives 200万."""
        assert "200万" in compose("ask_subsidy", "上限是多少？", topic_clause="3.2").text

    def test_category_of_topic_domain(self):
        """ "它属于ITO吗" after 大数据服务 says no, it is KPO."""
        text = compose("ask_catalog", "它属于ITO吗", topic_domain="大数据服务").text
        assert text.startswith("不是") and "KPO" in text

    def test_unknown_falls_back_unconfident(self):
        """Gibberish with no intent gives no answer."""
        assert "" == compose(None, "啊啊啊啊").text
