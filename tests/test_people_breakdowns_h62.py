"""Headcounts broken down by conditions (R62Q006, R62Q014, R62E013, R62E012): a total and sub-groups meeting or failing a
clause's person conditions; the award is for the qualifying sub-group only. Wording of our own beside the cases'."""

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.people_chain import read as read_chain
from bot.understand.person_checks import person_clauses
from bot.understand.whole_split import read as read_split


def _start(text: str) -> EstimateSession:
    return EstimateSession.start(text)


class TestPartsAddingUpToTheGroup:
    """Parts naming only a length take the condition word said last since the group; 不低于6个月 includes 6."""

    @pytest.mark.parametrize(
        "text, expected",
        [
            (
                "我们公司跟郑州大学签了两年的实习生实训协议 今年一共接了22个实习生 都是今年应届毕业的本科和大专 实习都超过3个月了 "
                "现在都留下来在职 社保情况是15个人连续交了8个月 3个人刚好交满6个月 还有4个人只交了5个月 这个实训补贴能拿多少钱啊",
                18,
            ),
            (
                "实训协议跟河南工业大学签了3年。今年收了30名实习生，全是应届本科，实习期都4个月以上，现在都在职。"
                "社保：20人交了7个月，6人正好交满6个月，4人只交了4个月。实训补贴多少？",
                26,
            ),
            (
                "internship agreement 签了2年, 今年接收interns 25名, 都是应届大专 fresh graduates, 实习超过3个月, 都在职. "
                "social insurance: 10个人交了9个月, 8个人交满6个月, 7个人才交了3个月. 能拿多少?",
                18,
            ),
        ],
    )
    def test_the_qualified_interns(self, text, expected):
        s = _start(text)
        assert expected == s.inputs["qualified_interns"]
        assert s.pending is None

    def test_a_failing_part_of_the_interns(self):
        """The split names the failing part and keeps the 6-month one."""
        t = normalize("今年接了22个实习生 社保情况是15个人连续交了8个月 3个人刚好交满6个月 还有4个人只交了5个月")
        split = read_split(t, "3.7.4", person_clauses()["3.7.4"])
        assert [4] == [p.count for p in split.failing]
        assert 18 == split.counted


class TestNestedBreakdowns:
    """Each failing part of a nested breakdown comes out of what is left before it."""

    @pytest.mark.parametrize(
        "text, expected",
        [
            (
                "我们是已经认定的郑州市服务外包培训机构 今年一共培训了120个学员 其中15个是中专高中学历 剩下105个大专及以上里面8个"
                "没通过考核 通过的97个人里 和服务外包企业签了一年以上劳动合同的有78个 另外6个签的是半年的合同 其余13个还没就业 按500一个人能拿多少",
                78,
            ),
            (
                "我们是市里认定的服务外包培训机构 这期结业46人 考核都过了 也都跟外包企业签了劳动合同 学历是40个大专及以上 6个高中 "
                "大专以上这40个里头34个签的一年 6个签的半年 那6个高中的签的两年 培训支持一共能拿多少",
                34,
            ),
            (
                "我们是认定的服务外包培训机构 这一期结业50人 都考核通过 都和外包企业签了劳动合同 其中本科及大专42人 中专8人 "
                "42人里面30人签的是1年 12人签的8个月 那8个中专的签的3年 培训支持多少",
                30,
            ),
            (
                "认定的培训机构，一共培训了80名学员：12名中专，其余68名大专及以上；68名中有4名考试不及格；及格的64名里，"
                "60名与服务外包企业签了2年劳动合同，4名没就业。每人500，一共多少？",
                60,
            ),
            (
                "我们是认定的培训机构 今年结业150人 中专高中20人 大专以上130人 这130人里有10人没通过考核 剩下120人里 "
                "签一年以上劳动合同的100人 其余20人没签合同 培训支持多少",
                100,
            ),
        ],
    )
    def test_the_trainees_counted(self, text, expected):
        assert expected == _start(text).inputs["institution_trainees"]

    def test_the_failing_parts_are_not_everyones_facts(self):
        """「8个没通过考核」 is those 8's: the message says nothing failing of the trainees counted."""
        from bot.understand.facts import message_facts

        facts = message_facts(
            normalize(
                "我们是已经认定的培训机构 今年一共培训了120个学员 其中15个是中专高中学历 剩下105个大专及以上里面8个没通过考核 "
                "通过的97个人里 和服务外包企业签了一年以上劳动合同的有78个 另外6个签的是半年的合同 其余13个还没就业"
            )
        )
        assert "trainee_passed_exam" not in facts

    def test_the_people_counted_meet_what_the_chain_says_of_them(self):
        s = _start(
            "我们是已经认定的培训机构 今年一共培训了120个学员 其中15个是中专高中学历 剩下105个大专及以上里面8个没通过考核 "
            "通过的97个人里 和服务外包企业签了一年以上劳动合同的有78个 另外6个签的是半年的合同 其余13个还没就业 能拿多少"
        )
        assert s.inputs["_fact_trainee_passed_exam@3.7.2"] is True
        assert "大专" == s.inputs["_fact_education_level@3.7.2"]


class TestUnclearParts:
    """A part whose conditions are not known is asked, naming it; never counted, never assumed."""

    @pytest.mark.parametrize(
        "text, key, named",
        [
            (
                "我们是认定的培训机构 今年培训了60个学员 其中10个中专 剩下50个大专以上里面5个没通过考核 "
                "通过的45个里签了一年以上劳动合同的30个 其余15个还不确定 能拿多少",
                "institution_trainees",
                "这15名",
            ),
            (
                "实训协议两年 今年接了22个应届本科实习生 实习都超过3个月 都在职 社保15个人交了8个月 3个人交满6个月 "
                "另外4个人社保情况还不清楚 能拿多少",
                "qualified_interns",
                "这4名",
            ),
        ],
    )
    def test_asked(self, text, key, named):
        s = _start(text)
        assert key not in s.inputs
        assert named in s.question()

    @pytest.mark.parametrize("answer, expected", [("这4个也都交满6个月了", 22), ("这4个只交了3个月", 18)])
    def test_the_answer_about_them(self, answer, expected):
        s = _start(
            "实训协议两年 今年接了22个应届本科实习生 实习都超过3个月 都在职 社保15个人交了8个月 3个人交满6个月 "
            "另外4个人社保情况还不清楚 能拿多少"
        )
        s.handle(answer)
        assert expected == s.inputs["qualified_interns"]

    def test_the_chain_keeps_them_apart(self):
        t = normalize(
            "今年培训了60个学员 其中10个中专 剩下50个大专以上里面5个没通过考核 通过的45个里签了一年以上劳动合同的30个 其余15个还不确定"
        )
        found = read_chain(t, "3.7.2", person_clauses()["3.7.2"])
        assert [15] == [s.count for s in found.unclear]
        assert 30 == found.counted


class TestPointedItem:
    """A question pointing at one item estimates it alone: another item's figure is background, asking nothing."""

    @pytest.mark.parametrize(
        "text, people",
        [
            (
                "我们是做离岸外包的 去年离岸三百万美元 今年送了28个人去参加涉外项目管理的高级培训(不是学历教育) 每人培训费5万 "
                "其中有5个是大专学历 其他都是本科以上 28个人都是项目经理或以上职位 这个培训补贴能补多少钱",
                23,
            ),
            (
                "公司离岸业务每年两百万美元左右。今年安排30名部门经理以上、本科以上学历的员工参加涉外高级管理培训，不是学历教育，"
                "每人费用8万元。这项补贴能补多少？",
                30,
            ),
            (
                "我们是技术先进型服务企业 前年就认定了 今年送了22个项目经理参加涉外项目管理高级培训 非学历 每人3万 都是本科以上 "
                "这笔培训补贴能拿多少",
                22,
            ),
        ],
    )
    def test_the_training_alone(self, text, people):
        s = _start(text)
        assert ["3.7.3"] == list(s.items)
        assert people == len(s.inputs["senior_training"])
        assert s.pending is None
        assert "offshore_usd" not in s.inputs

    def test_a_total_asked_keeps_every_item(self):
        """「一共能拿多少」 asks for more than the item pointed at."""
        from bot.estimate.pointed_item import asked

        t = normalize("今年离岸三百万美元 送了5个项目经理参加涉外高级培训 每人2万 这个培训补贴和离岸奖励一共能拿多少")
        assert asked(t, ["3.2", "3.7.3"]) is None


@pytest.mark.parametrize(
    "opening, answer, people",
    [
        (
            "公司派了15个人去新加坡参加涉外项目管理培训 每人学费4.8万 这个中高级人才培训补贴能补多少",
            "15个人里12个是本科以上并且是项目经理以上职位，另外3个是普通开发工程师、大专学历。这次是业务培训，不是学历教育",
            12,
        ),
        (
            "我们送了20个人参加涉外业务高级培训 每人3万 中高级人才培训补贴多少",
            "20人里16个是本科以上的项目经理，其余4个是大专的普通员工，不是学历教育",
            16,
        ),
    ],
)
def test_counted_part_named_with_its_complement_is_not_cut_twice(opening, answer, people):
    """R62E026: 「15个人里12个是…，另外3个是…大专」 answering who qualifies: the 12 counted already leave the 3 out; no
    note 「按12 − 3 = 9名计算」 beside the 12."""
    s = EstimateSession.start(opening)
    s.handle(answer)
    assert people == len(s.inputs["senior_training"]) and not any("− " in n for n in s.notes)
