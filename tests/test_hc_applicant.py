"""Who the applicant is, in estimates: an enterprise located in a park is no park operator; a training institution
(or a park operator, for fairs and platforms) is not refused an enterprise clause for its name; the speaker's own
role is no item; a company's divisions are the company's; a group's consolidated figure is not its subsidiary's.
New wording, not the case files'."""

from decimal import Decimal as D

import pytest

from bot.answers import eligibility
from bot.estimate.applicants import group_figures
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts
from bot.understand.subject import without_speaker
from calculator.figures_zh import parse_figures
from knowledge.conditions import NOT_MET, UNKNOWN, evaluate


def amounts(session) -> dict:
    return {i["code"]: D(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestEnterpriseInAPark:
    @pytest.mark.parametrize(
        "text",
        [
            "我司是经开区软件园里面的一家企业",
            "我们是入驻了科技园的公司",
            "我们是园区内的企业 想算租金",
            "我们是产业园企业",
        ],
    )
    def test_an_enterprise_located_in_a_park_is_an_enterprise(self, text):
        assert "enterprise" == read_facts(normalize(text)).get("applicant_type")

    @pytest.mark.parametrize("text", ["我们是园区运营企业", "我们是软件园的管理方", "我们是园区 想问认定奖"])
    def test_the_parks_operator_is_still_one(self, text):
        assert "park_operator" == read_facts(normalize(text)).get("applicant_type")

    def test_its_rent_and_platform_are_computed(self):
        s = EstimateSession.start(
            "我们是园区里面的一家企业 在市级重点园区已经入驻5年 今年合同执行额900万 办公室800平 年租金40万 没领过租金补贴；"
            "另外建了个公共信息服务平台 硬件软件一共买了200万 各能补多少"
        )
        assert {} == s.failed()
        got = amounts(s)
        assert D("120000") == got["3.8.3"] and D("600000") == got["3.9"]


class TestTrainingInstitutionOnEnterpriseClauses:
    TEXT = "我们是经过认定的服务外包培训机构 去年参加了一次商务部门指定的境外展会 特装费4万 注册费1万 能补多少"

    def test_the_fair_is_computed_with_the_applicant_left_to_confirm(self):
        s = EstimateSession.start(self.TEXT)
        assert {} == s.failed()
        assert D("35000") == amounts(s)["3.5"]
        assert any("法人企业" in label for label in s.unsure_conditions()["3.5"])

    def test_said_to_be_no_enterprise_it_is_refused(self):
        facts = {"applicant_type": "training_institution", "entity_type": "other"}
        verdict = evaluate("3.5", dict(facts, fair_designated=True))
        assert NOT_MET == verdict.status and "applicant" in [c.id for c in verdict.unmet]

    def test_a_park_operator_building_a_platform_is_to_confirm_but_its_own_rent_is_refused(self):
        facts = {"applicant_type": "park_operator", "platform_public": True}
        assert UNKNOWN == evaluate("3.9", facts).status
        assert NOT_MET == evaluate("3.8.3", facts).status


class TestSpeakerRole:
    @pytest.mark.parametrize(
        "text, kept",
        [
            ("实习生又来啦 帮我看看CMMI维护费30万能补多少", "帮我看看cmmi维护费30万能补多少"),
            ("又是我 小实习生，展会补贴怎么算", "展会补贴怎么算"),
            ("财务又来了 离岸的奖励怎么算", "离岸的奖励怎么算"),
        ],
    )
    def test_the_speakers_role_is_dropped(self, text, kept):
        assert kept == without_speaker(normalize(text))

    @pytest.mark.parametrize("text", ["今年实习生又来了22个 能补多少", "实习生来了3个月了"])
    def test_interns_counted_stay(self, text):
        assert normalize(text) == without_speaker(normalize(text))

    def test_no_internship_item_from_the_speakers_role(self):
        s = EstimateSession.start(without_speaker(normalize("实习生又来了 去新加坡参加服务外包展会 展位费6万")))
        assert ["3.5"] == s.items and "done" == s.status


class TestDivisionsAreTheCompanys:
    def test_a_division_in_a_list_is_no_applicant(self):
        text = normalize("中高级人才培训 都是本科以上的项目经理 做涉外业务：交付事业部 3人 每人2万；测试部 2人 每人4万")
        assert eligibility.facts_from(text).get("entity_type") != "other"
        s = EstimateSession.start(text)
        assert {} == s.failed() and D("70000") == amounts(s)["3.7.3"]  # 3 × 10,000 + 2 × 20,000

    def test_the_applicant_said_to_be_a_division_is_still_no_enterprise(self):
        assert "other" == eligibility.facts_from(normalize("我们是集团下面的一个事业部 能申报吗")).get("entity_type")


class TestPeopleLeftOut:
    def test_the_counted_peoples_levels_decide(self):
        """The 大专 person left out does not make the item fail for the 本科 project managers counted."""
        s = EstimateSession.start(
            "涉外业务培训：3个项目经理 硕士 每人培训费4万；另外1个普通开发 大专 培训费1万 中高级人才培训补贴多少"
        )
        assert 3 == len(s.inputs["senior_training"])
        assert {} == s.failed()
        assert D("60000") == amounts(s)["3.7.3"]


class TestGroupFigure:
    def test_the_groups_figure_is_not_the_subsidiarys(self):
        text = normalize("集团整体今年离岸执行额3000万美元 我们郑州子公司能拿多少离岸奖励")
        found = group_figures(text, parse_figures(text))
        assert ["3000万美元"] == [f.raw for f, _ in found] and "郑州子公司" == found[0][1]

    def test_the_estimate_asks_for_the_subsidiarys_own_figures(self):
        s = EstimateSession.start("集团合并报表执行额2亿 郑州分公司那块能拿多少增量奖励")
        assert "collecting" == s.status and not s.inputs
        assert any("郑州分公司" in p and "申报主体" in p for p in s.problems)

    def test_a_subsidiarys_own_figure_is_read(self):
        text = normalize("我们是集团的子公司 今年离岸150万美元")
        assert [] == group_figures(text, parse_figures(text))
