"""Several subjects in one message, a condition met by some and failed by others: a verdict for each, never one 符合
(「汽车用品博览会不是商务部门指定的…另外还去了商务部门指定的服贸会，两个都能补70%吗」)."""

import pytest

from bot.answers import mixed_subjects, qualify
from bot.nlu.normalize import understand
from bot.understand.facts import read_facts


def verdict(text):
    t = understand(text)
    facts = read_facts(t)
    return qualify.answer(t, facts, facts)


class TestEach:
    @pytest.mark.parametrize(
        "text, failing, passing",
        [
            (
                "我们今年自己报名去参加了一个汽车用品博览会，这个不是商务部门指定的展会，另外还去了商务部门指定的服贸会，两个展会的费用都能补70%吗",
                "汽车用品博览会",
                "服贸会",
            ),
            (
                "我们参加了商务局指定的数博会，还去了一个行业协会自己办的交流会，不是商务部门指定的，这两个都能补吗",
                "交流会",
                "数博会",
            ),
            (
                "去年去了两个展，广交会是商务局组团去的，另一个家具展是我们自己找的，都能拿展会补贴吗",
                "家具展",
                "广交会",
            ),
            ("CMMI5的维护费和ISO9001质量管理体系的认证费，都能按资质认证补贴吗", "ISO9001", "CMMI5"),
            (
                "我们建了两个平台，一个是对外开放的公共测试平台，另一个只给自己公司内部用，这两个平台的购置费都能补30%吗",
                "另一个只给自己公司内部用",
                "公共测试平台",
            ),
            (
                "派了两批人去培训，一批是涉外业务培训，另一批是内部管理培训，不是涉外的，培训费都能补50%吗",
                "内部管理培训",
                "涉外业务培训",
            ),
        ],
    )
    def test_each_subject_its_verdict(self, text, failing, passing):
        answer = verdict(text)
        lines = answer.text.splitlines()
        assert any(failing in x and "不符合" in x and "不能" in x for x in lines)
        assert any(passing in x and "可以申报" in x for x in lines)
        assert not answer.text.startswith("结论：符合")


class TestOneSubject:
    def test_single_fair_not_designated(self):
        assert verdict("这个展不是商务部门指定的，能补吗").text.startswith("结论：不符合")

    def test_corrected_is_one_subject(self):
        """「不是…不对，是商务局指定的」: said again of the same fair, not two fairs."""
        assert (
            mixed_subjects.mixed(understand("我们参加的展会不是商务局指定的，不对，是商务局指定的，能补吗"), "3.5")
            is None
        )
