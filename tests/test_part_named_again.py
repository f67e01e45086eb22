"""A part of a counted group named again later by its count (「那5个」) is about that part, not the whole group."""

from bot.understand.facts import read_facts
from bot.understand.subgroups import named_again, parts, without_parts


def test_part_named_again_is_not_the_groups_fact():
    t = "我们是认定的培训机构，培训了30个学员，全部考核通过并签了两年合同，但是其中5个是中专学历。请问中专这5个能不能算？"
    facts = read_facts(without_parts(t))
    assert "education_level" not in facts
    assert facts["trainee_passed_exam"] is True


def test_named_again_needs_the_same_count_said_before():
    t = "培训了30个学员，但是其中5个是中专学历。那3个呢？"
    assert named_again(t, parts(t)) == []
    t2 = "培训了30个学员，但是其中5个是中专学历。那5个呢？"
    ((start, end),) = named_again(t2, parts(t2))
    assert t2[start:end] == "那5个呢"


def test_a_month_count_is_no_part_named_again():
    t = "实习生20个，不过其中4个是高中学历。这4个月社保都交了"
    assert named_again(t, parts(t)) == []
