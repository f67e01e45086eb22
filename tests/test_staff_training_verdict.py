"""「员工…参加培训能补吗」 is about 三（七）3 (the enterprise's own staff trained), and a fact several clauses share
(学历) stated with it decides that clause's verdict: 大专 fails 本科以上学历, named with the clause's conditions."""

from bot.answers import qualify
from bot.estimate.items import detect_items
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts


def verdict(text):
    t = normalize(text)
    facts = read_facts(t)
    return qualify.answer(t, facts, facts)


class TestStaffTrainingTopic:
    def test_staff_sent_to_training_names_senior_training(self):
        """The enterprise's own staff trained is 三（七）3, in several wordings."""
        for text in ("我们职工去参加培训有补贴吗", "公司骨干参加了外部培训 能报吗", "给同事安排了培训 能补不"):
            assert "3.7.3" in detect_items(normalize(text)), text

    def test_a_training_institution_is_not_staff_training(self):
        """A recognised institution training its trainees stays 三（七）2."""
        assert "3.7.3" not in detect_items(normalize("我们是已认定的培训机构 培训了50个学员"))


class TestSharedFactDecides:
    def test_junior_college_staff_fail_the_degree_condition(self):
        """大专 against 本科以上学历: 不符合, with 本科 and 项目经理 named."""
        for text in ("我们员工多数是大专学历 参加培训能补吗", "同事都是专科的 去参加培训可以补贴吗"):
            a = verdict(text)
            assert a is not None and "不符合" in a.text and "本科" in a.text and "项目经理" in a.text, text

    def test_bachelor_staff_are_not_refused(self):
        """本科 meets the degree condition: no 不符合 on it."""
        a = verdict("我们员工都是本科 参加培训能补吗")
        assert a is None or "不符合" not in a.text
