"""Facts volunteered out of turn in the pre-screening (bot/prescreen/replies.py, session.py): a yes/no answers the
condition asked only when bare or about it; other facts and figures are kept, said back, and the pre-screening
moves on (the condition left 需确认, never asked in a loop); the business described is placed in the catalog."""

from decimal import Decimal

import pytest

from bot.prescreen.replies import answer_to, business_line
from bot.prescreen.session import PrescreenSession
from bot.reports import verdict_from
from bot.reports.render import render_chat
from calculator import calculate


def play(first, answers):
    s = PrescreenSession.start(first)
    asked, said = [], []
    for a in answers:
        if s.step in ("done", "cancelled"):
            break
        asked.append(s.question())
        s = PrescreenSession.load(s.dump())
        said += s.handle(a).messages
    return s, asked, said


def result(s):
    return calculate(s.calculator_input())


def verdict(s):
    return verdict_from(result(s)["eligibility"], s.applicant)


def amounts(s) -> dict:
    return {i["code"]: (i["qualified"], Decimal(str(i["amount_cny"]))) for i in result(s)["items"]}


class TestAnswerTo:
    """A reply's yes/no belongs to the condition asked only when bare or said of it."""

    @pytest.mark.parametrize(
        "key, reply, expected",
        [
            ("clear_property_rights", "不是新成立企业，财务制度健全，在郑州依法纳税", None),
            ("clear_property_rights", "不是新企业 成立三年了 税也按时交", None),
            ("clear_property_rights", "不是分支机构，财务规范", None),
            ("clear_property_rights", "没有离岸业务，财务健全", None),
            ("lawful_operation", "否认不了 我们去年在岸600万", None),
            ("clear_property_rights", "没问题，另外财务也健全", "yes"),
            ("clear_property_rights", "都满足；今年离岸200万美元", "yes"),
            ("clear_property_rights", "产权没问题 不过有一笔税还欠着", "yes"),
            ("clear_property_rights", "产权这块都没问题，财务健全", "yes"),
            ("clear_property_rights", "不是，股东之间在打官司 财务倒是健全", "no"),
            ("lawful_operation", "不清楚 财务是健全的", "unsure"),
            ("sound_finance", "财务这方面没问题 税也按时交", "yes"),
        ],
    )
    def test_with_other_facts(self, key, reply, expected):
        """Beside other facts, only a bare opening phrase or a phrase naming the condition answers it."""
        assert expected == answer_to(key, reply, None, says_more=True)

    @pytest.mark.parametrize("reply, expected", [("是", "yes"), ("不是", "no"), ("都满足", "yes"), ("都不满足", "no")])
    def test_bare(self, reply, expected):
        """A reply saying nothing else is read whole."""
        assert expected == answer_to("lawful_operation", reply)


class TestNotHijacked:
    """A leading 不是/没有 about another subject never makes the asked condition 否 (a wrong 不符合)."""

    @pytest.mark.parametrize(
        "reply",
        [
            "不是新成立企业，财务制度健全，在郑州依法纳税",
            "不是新公司了 成立五年 每年都有审计 财务规范",
            "没有离岸业务，税都按时交",
            "不是分支机构，我们是独立法人，财务健全",
        ],
    )
    def test_left_to_confirm(self, reply):
        """The condition asked stays 需确认; the facts told are kept; the next condition is asked."""
        s, asked, said = play("想预审一下 我们是金水区注册的独立法人 统计系统也注册填报了", [reply])
        assert "产权" in asked[0]
        assert "clear_property_rights" not in s.facts and "clear_property_rights" in s.unsure
        assert "lawful_operation" == s.pending
        assert any("需确认" in m and "产权清晰" in m for m in said)
        v = verdict(s)
        assert "不符合" != v["status"] and not v["failing"]


class TestNoLoop:
    """A reply that answers something else does not bring the same question back."""

    def test_same_reply_twice(self):
        """Told twice other things, two different conditions are asked, each left 需确认, then the report."""
        first = "你好 预审一下 我们是郑东新区注册的独立法人 做呼叫中心外包 统计系统每月都填"
        reply = "我们在郑州依法纳税，财务制度健全；汇率按7.0"
        s, asked, _ = play(first, [reply, reply, "无"])
        assert "产权" in asked[0] and "经营" in asked[1]
        assert {"clear_property_rights", "lawful_operation"} <= set(s.unsure)
        v = verdict(s)
        assert "待确认" == v["status"] and "产权清晰" in v["unknown"] and "依法经营" in v["unknown"]

    def test_not_understood_twice(self):
        """Two replies not understood leave the condition 需确认 and move on."""
        s, asked, _ = play("我想做个预审 我们是郑州注册的独立法人", ["呵呵呵", "哈哈哈"])
        assert "产权" in asked[0] and "产权" in asked[1]
        assert "clear_property_rights" in s.unsure and "lawful_operation" == s.pending


class TestUnmetStillFails:
    """A volunteered unmet condition still makes the verdict 不符合, naming it."""

    @pytest.mark.parametrize(
        "reply, condition",
        [
            ("产权没问题 不过有一笔税款逾期没交", "依法纳税"),
            ("都满足，就是统计系统一直没注册", "统计系统"),
            ("不是新企业，财务这块比较乱", "财务"),
        ],
    )
    def test_unmet(self, reply, condition):
        s, _, _ = play("预审一下 我们是郑州高新区注册的独立法人", [reply])
        v = verdict(s)
        assert "不符合" == v["status"] and any(condition in f for f in v["failing"])

    def test_branch_not_paying_tax(self):
        """A branch paying no tax in Zhengzhou is never 符合."""
        s, _, _ = play("预审 我们是杭州总公司在郑州的分公司 税在杭州总部统一交 做数据标注外包", ["都没问题"])
        v = verdict(s)
        assert "不符合" == v["status"] and any("纳税" in f for f in v["failing"])


class TestOpeningFigures:
    """Figures volunteered at the start are estimated once 第二条 is through, whatever the replies said."""

    def test_increment_and_innovation(self):
        """在岸 500万→650万 → 三（一） 150万 × 3%; R&D grown one year only → 创新 不符合."""
        first = (
            "帮我预审 我们是二七区注册的独立法人 主营跨境电商平台代运营 统计系统按时填报 去年在岸500万 今年650万 "
            "没有离岸 研发费用只涨了一年 专利也只有今年拿了一个 能报哪些"
        )
        s, _, _ = play(first, ["不是新成立的，依法纳税，财务规范", "没问题"])
        got = amounts(s)
        assert (True, Decimal("45000")) == got["3.1"]
        assert False is got["3.3"][0]
        assert "电子商务平台服务" in (s.business or "") and "ITO" in s.business

    def test_offshore_rate_told_later(self):
        """离岸 130万美元 at the start, the rate in a reply to another question → 三（二） 130万 × 10% × 7.1."""
        first = "预审一下 郑州金水区独立法人 做动漫设计外包 今年离岸130万美元 统计系统注册了"
        s, _, _ = play(first, ["依法纳税 财务健全 汇率按7.1", "是的"])
        assert (True, Decimal("923000")) == amounts(s)["3.2"]
        assert "KPO" in (s.business or "")


class TestBusinessLine:
    """The business described is placed in the catalog; the applicant's own finance or tax is no business."""

    @pytest.mark.parametrize(
        "text, domain, category",
        [
            ("我们主要给日本客户做软件测试外包", "软件研发服务", "ITO"),
            ("我们是做大数据服务的 数据分析挖掘那种", "大数据服务", "KPO"),
            ("上海总部在郑州开了个分公司 做呼叫中心外包的", "呼叫中心服务", "BPO"),
            ("我们业务主要是跨境电商平台代运营", "电子商务平台服务", "ITO"),
        ],
    )
    def test_placed(self, text, domain, category):
        line = business_line(text)
        assert domain in line and f"（{category}）" in line

    @pytest.mark.parametrize("text", ["账是找代账公司随便做的", "我想做个预审", "财务这块比较乱 税也按时交"])
    def test_none(self, text):
        assert None is business_line(text)

    def test_in_report(self):
        """The chat report names the domain."""
        report = {
            "ref": "YS-20260101-0001",
            "verdict": {"status": "待确认", "unknown": ["产权清晰"], "business": business_line("做呼叫中心外包的")},
            "inputs": {},
            "result": {"items": []},
        }
        assert "呼叫中心服务" in render_chat(report)
