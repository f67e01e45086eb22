"""「签了实训协议，签的是一年期的…够条件不」: the agreement's length said in the phrase after the agreement is read, and
the spoken yes/no 「够条件不」 asks for the verdict (三（七）4 needs an agreement of two years or more)."""

from decimal import Decimal

from bot.answers import qualify
from bot.nlu.normalize import normalize
from bot.understand.facts import message_facts


def _verdict(said: str):
    facts = message_facts(said)
    return qualify.answer(normalize(said), facts, facts)


def test_length_in_the_next_phrase_is_the_agreements():
    facts = message_facts("跟一所职业学院签了实习实训协议，签的是一年的")
    assert Decimal(1) == facts["internship_agreement_years"].lo


def test_spoken_yes_no_gets_the_verdict():
    answer = _verdict("我们和两所大专签了实训协议，期限是一年，每年接收22个实习生，实习生补贴我们符合条件没")
    assert answer is not None and answer.verdict == "not_met" and "两年以上" in answer.text


def test_gou_tiaojian_bu():
    answer = _verdict("跟高校签了实训协议，签了一年半，每年来25个实习生，那个每人5000的补贴够条件不")
    assert answer is not None and answer.text.startswith("结论：不符合")


def test_shape_reads_the_spoken_question():
    assert qualify.is_shape("qualify", normalize("这样我们达到要求不"))
    assert not qualify.is_shape("qualify", normalize("条件满足不了就算了"))
