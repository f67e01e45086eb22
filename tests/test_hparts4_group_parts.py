"""Groups of people where some fail a person condition (三（七）2 trainees, 三（七）3 senior training, 三（七）4 interns):
the failing parts reduce the count, never fail the item; a part's words run on over the phrases after it that state a
person fact of its people; 「里面12个」 opens a part; 「还有5个」 after the others is one more part; the others counted
agree with the people counted just before the parts; a part beside a group described by the condition it fails is no
part of it; a part of another item's people is not this item's; a cap asked 「每年还是总共」 is answered from its own
words. New wording, not the case files'."""

from bot.estimate.understand import read
from bot.understand.facts import read_facts


def fields(text, items):
    return read(text, items=items).fields


def interns(text):
    return fields(text, ["3.7.4"]).get("qualified_interns")


def trainees(text):
    return fields(text, ["3.7.2"]).get("institution_trainees")


class TestPartsReduceTheInterns:
    def test_meeting_part_then_failing_parts(self):
        text = (
            "协议签了两年 今年来了30个实习生 都是应届本科 实习都满3个月 其中24个留下了 社保交满半年以上 "
            "5个社保只交了3个月 还有1个实习结束就走了没入职 能补多少"
        )
        assert interns(text) == 24
        facts = read_facts(text)
        assert facts["social_insurance_months"].lo >= 6  # the 24's, never the 5's 3 months

    def test_part_opened_by_limian_and_one_more_after_the_others(self):
        text = "实训协议三年 一共接了22个实习生 里面15个是应届大专 另外4个应届的社保只交了4个月 还有3个是大二的"
        assert interns(text) == 15
        assert read_facts(text).get("fresh_graduate") is not False

    def test_others_agree_with_the_graduates_counted_before_the_part(self):
        text = (
            "跟学院签了3年协议 今年接收了30个实习生 其中应届毕业的20个 都是大专 实习5个月 "
            "但是有4个人社保才交了3个月 其他16个交满半年了 一共能补多少"
        )
        assert interns(text) == 16

    def test_others_that_add_up_to_nothing_said_are_asked(self):
        text = (
            "跟学院签了3年协议 今年接收了30个实习生 其中应届毕业的20个 都是大专 实习5个月 "
            "但是有4个人社保才交了3个月 其他15个交满半年了 一共能补多少"
        )
        assert interns(text) is None  # 30 − 4 = 26, 20 − 4 = 16: neither is 15, never a guess


class TestPartWordsRunOn:
    def test_phrase_after_a_part_is_the_parts(self):
        text = "今年接收了26个实习生 其中3个是大三的 不是应届 剩下23个应届生都是本科 实习都满3个月"
        assert read_facts(text).get("fresh_graduate") is not False

    def test_phrase_said_of_everyone_stays_everyones(self):
        text = "今年接收了26个实习生 其中3个是大三的 都签了三年协议"
        assert "不是应届" not in text and read_facts(text).get("internship_agreement_years") is not None

    def test_second_or_third_year_students_are_not_graduates(self):
        assert read_facts("4个是大二的").get("fresh_graduate") is False
        assert read_facts("有两个是大三的学生").get("fresh_graduate") is False
        assert read_facts("最大三个人一组").get("fresh_graduate") is None

    def test_never_employed_pays_no_insurance_there(self):
        assert read_facts("有2个实习完就走了").get("social_insurance_months").hi == 0
        assert read_facts("有1个没入职").get("social_insurance_months").hi == 0
        assert read_facts("有1个还没转正").get("social_insurance_months") is None


class TestTrainees:
    def test_part_beside_a_group_described_by_the_condition_it_fails(self):
        text = (
            "我们是认定的培训机构 培训了100个学员 都通过考核 其中10个是中专 签了一年以上劳动合同的有80个 "
            "这80个里有4个是中专的 另外有6个大专的只签了半年合同 能拿多少"
        )
        assert trainees(text) == 76

    def test_parts_inside_the_group_are_all_taken_out(self):
        text = "我们是认定的培训机构 签了一年以上劳动合同的学员有80个 这80个里有4个是中专的 还有3个考核没通过 能拿多少"
        assert trainees(text) == 73

    def test_two_applicants_keep_their_own_counts(self):
        text = (
            "我们有一家认定的培训机构和一家外包公司 培训机构培训了50个大专以上学员 考核都过了 都签了一年以上劳动合同；"
            "外包公司跟高校签了两年协议 今年收了25个实习生 其中20个是应届本科 实习3个月以上 社保交满6个月 "
            "剩下5个不是应届 两家一共多少"
        )
        out = fields(text, ["3.7.2", "3.7.4"])
        assert out["institution_trainees"] == 50
        assert out["qualified_interns"] == 20


class TestSeniorTraining:
    def test_parts_failing_degree_and_course_are_left_out(self):
        text = "派了12个人参加涉外业务培训 每人3万 都是项目经理 其中2个是大专 其他10个本科以上 这10个里面有1个读的是在职EMBA"
        assert len(fields(text, ["3.7.3"])["senior_training"]) == 9

    def test_no_parts_counts_everyone(self):
        text = "派了12个本科项目经理参加涉外业务培训 每人3万"
        assert len(fields(text, ["3.7.3"])["senior_training"]) == 12


class TestCapPeriod:
    def test_total_cap_of_the_item(self):
        from bot.answers.router import compose_one

        text = compose_one(None, "实习补贴那个50万封顶是一年的还是累计的").text
        assert "补贴总额最高为50万元" in text and "没有写“每年”" in text

    def test_yearly_cap_of_the_item(self):
        from bot.answers.router import compose_one

        text = compose_one(None, "离岸奖励200万上限是每年还是总共").text
        assert "年度上限" in text and "第三条第（二）项" in text and "第三条第（九）项" not in text

    def test_not_asked(self):
        from bot.answers import cap_period

        assert cap_period.answer("每年最多能拿多少") is None
        assert cap_period.answer("那个上限是每年还是总共") is None  # no figure named: another answer takes it


class TestMostOfFiguresBefore:
    def test_the_most_for_figures_told_before(self):
        from actions.policy import estimate_parts

        parts = ["送了8个本科项目经理去参加涉外业务培训 每人2万", "这个补贴最多能拿多少"]
        assert estimate_parts(parts) == ["这个补贴最多能拿多少"]

    def test_a_cap_asked_without_pointing_back(self):
        from actions.policy import estimate_parts

        assert estimate_parts(["离岸执行额150万美元", "离岸奖励上限多少"]) == []
        assert estimate_parts(["这个补贴最多能拿多少"]) == []


class TestNegatives:
    def test_a_question_after_a_part_is_not_the_parts(self):
        from bot.understand.subgroups import parts

        text = "培训了50个学员 其中40个签了一年以上合同 另外10个只签了半年 想问签半年的算不算"
        assert all("算不算" not in p.text for p in parts(text))

    def test_innermost_part_meeting_every_condition_is_the_count(self):
        text = (
            "我们是认定的培训机构 今年培训了90个学员 其中10个是高中 剩下都是大专以上 大专以上的里面有5个考核没过 "
            "考核通过的里面60个跟外包企业签了一年以上合同 15个签的半年 能拿多少"
        )
        assert trainees(text) == 60

    def test_degree_course_beside_the_training_is_not_subtracted(self):
        text = "派了6个本科项目经理参加涉外业务培训 每人3万 其中1个同时在读EMBA"
        assert len(fields(text, ["3.7.3"])["senior_training"]) == 6
