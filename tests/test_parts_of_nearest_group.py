"""A part opened by an inside word (其中/里面) is of the people counted just before it (「每年接收25名…今年13名应届
毕业生… 但其中有一位社保只交了5个月」 → 13 − 1 = 12, never 13 and never 25 − 1). New wording, not the case files'."""

from bot.estimate.understand import read


def field(text, key, items):
    return read(text, items=items).fields.get(key)


class TestInternsPartOfTheGraduates:
    def test_part_after_the_graduates_not_the_yearly_interns(self):
        text = "协议三年 每年接收实习生30个 今年留下来的应届生有15个 都是本科 不过里面有2个实习才2个月"
        assert 13 == field(text, "qualified_interns", ["3.7.4"])

    def test_one_person_said_with_wei(self):
        text = "实训协议签了两年，每年来实习生24名，应届大专毕业生留了9名，其中一位社保只缴了3个月，别的都满半年了"
        assert 8 == field(text, "qualified_interns", ["3.7.4"])


class TestNotAPart:
    def test_all_meeting_keeps_the_count(self):
        text = "协议三年 每年接收实习生25名 今年13名应届毕业生 都是大专以上 社保都交满6个月了"
        assert 13 == field(text, "qualified_interns", ["3.7.4"])

    def test_months_are_no_part(self):
        text = "协议三年 每年接收实习生25名 今年13名应届大专毕业生 其中6个月以上社保的都有"
        assert 13 == field(text, "qualified_interns", ["3.7.4"])
