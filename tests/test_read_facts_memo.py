"""read_facts remembers a part's reading for the length of one message's reading, keyed by the text and the
re-entry flags of the readers that read parts again (bot/understand/facts.py REENTRY_FLAGS): the same facts, far
fewer readings (a batch of 60 trainees in 5 parts was read 259 times, 2 s of CPU, busy under load)."""

import re
from pathlib import Path

import pytest

import bot.understand.facts as facts

ROOT = Path(__file__).resolve().parent.parent
HEAVY = [
    "您好我们培训学校是已认定的本市服务外包培训机构 这期60个学员全部大专以上 考核都过了 其中5个人最后去了火锅店上班"
    " 其他55个进了外包公司 这55个里面20个合同刚好签一年 35个签了三年 签一年的算不算 总共能拿多少培训支持",
    "我们是培训机构，今年培训了85个人，其中62人是大专以上学历、考核通过、并且跟外包企业签了1年的劳动合同；"
    "另外23个人里10个是高中学历，13个只签了半年合同。能拿多少？",
    "实习生30个，其中20个应届大专以上实习满3个月，剩下10个里6个是中专、4个只实习了2个月，社保都交满半年了",
]


def test_every_reentry_flag_is_in_the_key():
    """A module-level flag a reader sets while it reads parts again changes what a part reads as: each must be in
    the memo's key, or a part read under one flag would be reused under another."""
    found = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for m in re.finditer(r"^(_\w+) = \[False\]", path.read_text(encoding="utf-8"), re.M):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found.add(f"{module}.{m.group(1)}")
    assert found == set(facts.REENTRY_FLAGS)


@pytest.mark.parametrize("text", HEAVY)
def test_same_facts_as_reading_every_part_afresh(text, monkeypatch):
    remembered = facts.read_facts(text)
    monkeypatch.setattr(facts, "read_facts", facts._read_facts)
    assert facts.read_facts(text) == remembered


def test_a_part_is_read_once_per_flags(monkeypatch):
    calls = []
    plain = facts._read_facts

    def counted(text):
        calls.append(text)
        return plain(text)

    monkeypatch.setattr(facts, "_read_facts", counted)
    facts.read_facts(HEAVY[0])
    assert 1 < len(calls) <= 80


def test_nothing_remembered_between_messages():
    facts.read_facts(HEAVY[1])
    assert facts._outer_memo == []
