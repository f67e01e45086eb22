"""「是不是专利和研发投入两个条件必须都满足」: the yes/no asked before the two conditions named is the both-or-either
question (三（三）'s 「或」: one is enough). New wording, not the case files'."""

import pytest

from bot.answers.combination import answer
from bot.nlu.normalize import understand


@pytest.mark.parametrize(
    "text",
    [
        "创新发展奖励 是不是软著和研发投入两个条件都要满足",
        "创新发展奖励那两个条件是不是都得满足",
        "创新奖的这两个条件缺一不可吗",
    ],
)
def test_one_is_enough(text):
    a = answer(understand(text))
    assert a is not None and "其一" in a.text, text


@pytest.mark.parametrize("text", ["是不是两个平台都能补", "是否两个人都符合条件", "创新发展奖励的两个条件分别是什么"])
def test_other_questions_are_not_it(text):
    assert answer(understand(text)) is None
