"""Question classes of round 38: which system to report in (第二条), a run-on's procedure question as its own part
(第四条第（一）项), a level below 大专 said of part of the trainees, a place outside Zhengzhou named, and a requirement
a clause does not state."""

import pytest

from bot.answers import eligibility, qualify, report_system, router, unstated
from bot.nlu.normalize import normalize, understand
from bot.understand.facts import read_facts


def _compose(text: str, facts=None):
    return router.compose(None, text, facts=facts)


class TestReportSystem:
    @pytest.mark.parametrize(
        "text",
        [
            "我们的合同数据应该在哪个系统填报",
            "签约和执行的信息要报送到什么平台",
            "Which platform do we register on to file our contracts?",
            "where should we report the contract data?",
            "那个统计系统是什么",
        ],
    )
    def test_asks_which_system_gets_the_second_article_system(self, text):
        """Asked in any wording where the business is reported, the answer names the system of 第二条 and cites it."""
        a = _compose(text)
        assert "服务外包业务管理和统计系统" in a.text
        assert "第二条" in a.text
        assert "当年填报" in a.text  # 第一条: the 执行额 is read from that year's filing

    @pytest.mark.parametrize(
        "text",
        [
            "统计系统注册了 按时填",
            "我们自己开发的管理系统能补吗",
            "申报网址发我一下",
            "离岸奖励怎么算",
            "which domain is it in",
        ],
    )
    def test_other_messages_are_not_this_question(self, text):
        """A statement about the system, a system of the user's own, a URL request and other questions are not it."""
        assert not report_system.asked(understand(text))

    def test_one_part_of_a_numbered_english_message(self):
        """「1) … 2) which system … 3) …」: the second part alone gets the system; the others keep their answers."""
        a = _compose("Two things: 1) what's the offshore cap? 2) what system do we file our numbers in?")
        assert "200万" in a.text and "服务外包业务管理和统计系统" in a.text


class TestProcedurePart:
    @pytest.mark.parametrize(
        "text",
        [
            "我们今年刚成立 第一年增量奖励怎么算 申报具体流程找哪个部门",
            "离岸奖励最高多少，材料交给谁",
            "新公司增量怎么算 另外去哪里申报",
            "做管理咨询的 增量奖励怎么算 申报手续找谁办",
        ],
    )
    def test_the_procedure_half_is_answered(self, text):
        """A run-on whose second question asks where or to whom to apply gets 第四条第（一）项 as a part of its own."""
        a = _compose(text)
        assert "市商务局会同市财政局" in a.text
        assert "第三条第" in a.text  # the first question is still answered

    def test_a_fair_designated_by_whom_is_no_procedure(self):
        """「哪个部门指定的展会才算」 asks about 三（五）'s designated fairs, not the procedure."""
        a = _compose("哪个部门指定的展会才算")
        assert "实施细则" not in a.text


class TestLevelOfPartOfTheTrainees:
    def test_an_institution_is_no_group_of_people(self):
        """「我是一个培训学校…学员有一部分是中专」: 一个 counts the school, so the part's level is what is asked about."""
        facts = read_facts("我是一个培训学校管招生的 我们培训出来的学员有一部分是中专学历的 这部分能算吗")
        assert "中专" == facts.get("education_level")

    def test_a_part_of_counted_people_keeps_its_level_to_itself(self):
        """「培训了60人 有一部分是中专」: the 60's level is not 中专."""
        assert "education_level" not in read_facts("培训了60人 有一部分是中专学历的")

    @pytest.mark.parametrize("level", ["中专", "高中", "技校"])
    def test_below_dazhuan_is_not_met(self, level):
        """A level below 大专 said of the trainees asked about gives 不符合 for 三（七）2, naming 大专以上."""
        text = normalize(
            f"我是一个培训学校管招生的 已认定的服务外包培训机构 学员有一些是{level}学历 这些人能算每人500元吗"
        )
        facts = read_facts(text)
        a = qualify.answer(text, facts, facts)  # as actions/policy.py verdict_first asks it
        assert "不符合" in a.text and "大专以上" in a.text

    def test_dazhuan_is_not_refused(self):
        """大专 meets 大专以上: no 不符合 on education."""
        text = normalize("我们是已认定的培训机构 学员都是大专学历 能算每人500元吗")
        facts = read_facts(text)
        a = qualify.answer(text, facts, facts)
        assert "学员大专以上学历（您说的是" not in a.text


class TestPlaceOutside:
    @pytest.mark.parametrize(
        "text,place",
        [
            ("B公司是在洛阳注册的独立法人", "洛阳"),
            ("营业执照是开封的", "开封"),
            ("分公司税在上海交", "上海"),
        ],
    )
    def test_the_place_is_named(self, text, place):
        assert [place] == eligibility.places_outside(text)
        assert f"{place}不在郑州市行政区域内" in eligibility.outside_line(text)

    @pytest.mark.parametrize("text", ["没在开封注册过", "我们在巩义注册的", "公司注册在河南", "在郑州注册 税在郑州交"])
    def test_no_place_outside(self, text):
        """A negated place, a place in Zhengzhou, a region holding it: none named as outside."""
        assert [] == eligibility.places_outside(text)

    def test_verdict_names_the_city(self):
        """A company set up elsewhere is told that place is not in Zhengzhou."""
        a = eligibility.stated_answer("我们公司是在新乡注册的独立法人", {})
        assert "新乡不在郑州市行政区域内" in a.text


class TestUnstatedRequirement:
    @pytest.mark.parametrize(
        "code,text,topic",
        [
            ("3.7.2", "培训机构那500块 政策里有没有要求学员必须交社保", "社保"),
            ("3.7.2", "定额培训支持 学员需不需要是本地户口", "户籍"),
            ("3.7.3", "中高级人才培训 是不是一定要签劳动合同", "劳动合同"),
            ("3.7.4", "实习生补贴有没有个税的要求", "个税"),
        ],
    )
    def test_a_topic_the_clause_does_not_state(self, code, text, topic):
        """The clause's answer says it does not require the topic and lists the clause's own conditions."""
        got = unstated.line(code, understand(text))
        assert f"对{topic}没有要求" in got
        assert "这一项的条件是" in got

    @pytest.mark.parametrize(
        "code,text",
        [
            ("3.7.4", "实习生需要交社保吗"),  # 三（七）4 requires 社保
            ("3.7.2", "学员必须是大专学历吗"),  # 三（七）2 requires 大专以上
            ("3.7.2", "企业还没给学员交社保"),  # a statement, no question of requiring
            ("3.7.2", "社保交了半年了"),
        ],
    )
    def test_no_line_where_stated_or_not_asked(self, code, text):
        assert "" == unstated.line(code, understand(text))

    def test_the_verdict_says_it_too(self):
        """A verdict on 三（七）2 for a message asking whether 社保 is required says it is not required."""
        text = "我们学员签了一年以上劳动合同 但企业还没交社保 500块一个人还能拿吗 政策有没有要求必须交社保"
        a = _compose(text, facts={})
        assert "对社保没有要求" in a.text and "大专" in a.text and "500" in a.text
