"""A catalog question asked in English (「we do penetration testing … host servers … which catalog domains do these
belong to?」) is read through synonyms.yml's glossary — the catalog's business vocabulary and the question's words
(domains, category, belong to, fall under) in the catalog's Chinese — and answered with each business's domain,
never declined as out of scope."""

import re

import pytest

from actions.policy import ActionOutOfScope
from bot.nlu.normalize import understand
from tests.test_actions import run, texts, tracker

DECLINED = re.compile(r"不在我的范围内|超出了我的范围|请咨询相关主管部门")


class TestGlossary:
    @pytest.mark.parametrize(
        "english, chinese",
        [
            ("penetration testing", "渗透测试"),
            ("security audits", "安全审计"),
            ("we host servers", "服务器托管"),
            ("desktop management", "桌面管理"),
            ("answering after-sales calls", "售后电话"),
            ("a call centre", "呼叫中心"),
            ("data annotation", "数据标注"),
            ("clinical trials", "临床试验"),
            ("patient recruitment", "受试者"),
            ("industrial design", "工业设计"),
            ("animation", "动画"),
            ("software development", "软件研发"),
            ("cloud hosting", "云主机"),
            ("management consulting", "管理咨询"),
            ("third-party testing", "第三方检测"),
            ("after-school tutoring", "课外辅导"),
            ("business process outsourcing", "业务流程外包"),
            ("which catalog domains", "领域"),
            ("which category does it belong to", "属于"),
            ("does it fall under", "属于"),
        ],
    )
    def test_read_in_the_catalogs_words(self, english, chinese):
        """The English words come out as the catalog's Chinese."""
        assert chinese in understand(english)


QUESTIONS = [
    (
        "Hi, our company in Zhengzhou does pen testing and security audits for two banks, plus we host servers and do "
        "desktop management for a German client. Which catalog domains do these belong to?",
        ("网络与信息安全服务", "信息技术运营和维护服务"),
    ),
    (
        "We run a call center answering after-sales calls for a Japanese brand, and we also do data annotation for AI "
        "companies. Which domain of the catalog is this?",
        ("呼叫中心服务", "大数据服务"),
    ),
    (
        "Our company does clinical trials and patient recruitment for pharma companies. Is that service outsourcing "
        "and which category does it belong to?",
        ("医药和生物技术研发服务",),
    ),
    (
        "We provide industrial design and animation for overseas clients. Which of the 23 domains do they fall under?",
        ("工业设计服务", "文化创意服务"),
    ),
    (
        "We offer cloud hosting and SaaS subscriptions to foreign customers, which catalog category is that?",
        ("云计算服务",),
    ),
    (
        "Our firm does management consulting and engineering consulting. Which domains in the catalog do these belong to?",
        ("管理咨询服务", "工程技术服务"),
    ),
]


class TestAnsweredNotDeclined:
    @pytest.mark.parametrize("question, domains", QUESTIONS)
    async def test_out_of_scope_guess_still_answered(self, question, domains):
        """Taken for out of scope by the NLU, the question still gets each business's domain."""
        d, _ = await run(ActionOutOfScope(), tracker(question, "out_of_scope"))
        reply = texts(d)
        assert not DECLINED.search(reply), reply
        for domain in domains:
            assert domain in reply, (domain, reply)

    async def test_tutoring_in_english_is_outside(self):
        """After-school tutoring paid by parents, asked in English: not service outsourcing."""
        question = "We do after-school tutoring for kids and parents pay us directly. Is this service outsourcing?"
        d, _ = await run(ActionOutOfScope(), tracker(question, "out_of_scope"))
        assert "不属于服务外包" in texts(d)
