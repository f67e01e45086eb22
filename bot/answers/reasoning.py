"""Answers that take one step of reasoning from 第三条第（一）项's words, with the rule and the conclusion.

「2020年的增量跟哪一年比」 → 对比上年度, so 2019; 「第二年还能按纯增量算吗」 → only a new
enterprise's first year is pure increment; 「2023年执行的业务 2024年申报 用哪年的汇率」 → the
execution year's rate. The words that recognise the questions are shapes in routes.yml.
"""

import re
from typing import Optional

from bot.answers.model import Answer
from knowledge import query, shapes

CLAUSE = "3.1"


def _label() -> str:
    return query.clause(CLAUSE)["label"]


def _rule() -> str:
    """The clause's own words: 「依据第三条第（一）项：自2020年开始，对比上年度……」."""
    return f"依据{_label()}：{query.clause(CLAUSE)['text']}"


def _years(text: str) -> list:
    return [int(y) for y in re.findall(r"(20\d\d)\s*年", text)]


def answer(text: str) -> Optional[Answer]:
    """The reasoned answer, or None when the question is not one of these."""
    if shapes.search("pure_increment_again", text):
        return Answer(
            "不能。只有新增企业的第一年（首年）按纯增量（当年全部执行额）计算；从第二年起，"
            "和其他企业一样对比上年度，只对比上年度增加的部分给予奖励。\n" + _rule(),
            clause=CLAUSE,
        )
    if shapes.search("new_enterprise_increment", text):
        return Answer(
            "新成立（新增）的企业首年计算纯增量：没有上年度可以对比，当年的全部业务执行额"
            "（离岸业务合同执行额按业务执行年度中间价折合为人民币）都作为增量，按本项的比例给予奖励；"
            "从第二年起和其他企业一样对比上年度，只对增加的部分给予奖励。\n" + _rule(),
            clause=CLAUSE,
        )
    # 「这个增量是跟去年全部业务比吗」: the whole of last year's business
    if shapes.search("compared_with_whole", text):
        scope = query.document()["increment_scope"]
        return Answer(
            f"是，和上年度的服务外包业务执行额整体对比：{scope['text']}。本年度执行额比上年度增加的部分才是增量；"
            "新增企业首年没有上年度，计算纯增量。\n" + _rule(),
            clause=CLAUSE,
        )
    if shapes.search("compared_year", text):
        years = _years(text)
        said = ""
        if years:
            y = max(years)
            said = f"{y}年的增量就是{y}年的执行额与{y - 1}年（上年度）执行额相比增加的部分。"
        from bot.estimate.other_subject import names_another

        if names_another(text):  # 「杭州那家公司的业绩要不要算进上年基数」: another enterprise's figures are its own
            said += "另一家企业的执行额是那家企业自己的，不计入本企业的上年度执行额：每个申报企业按自己的执行额对比。"
        return Answer(
            "对比上年度。" + said + "新增企业首年没有上年度，计算纯增量。\n" + _rule(),
            clause=CLAUSE,
        )
    executed = shapes.search("execution_year", text)
    if executed and shapes.search("rate_question", text):
        y = int(re.search(r"20\d\d", executed.group(0)).group(0))
        return Answer(
            f"按{y}年（业务执行年度）的美元兑人民币年平均中间价折算，不是申报那一年的。依据{_label()}："
            "离岸业务合同执行额折合为人民币计算，人民币汇率以业务执行年度中间价为准。"
            f"计算增量时，上年度（{y - 1}年）的离岸执行额按{y - 1}年的中间价折算。"
            "我不提供汇率数值，测算时请告诉我对应年度的汇率。",
            clause=CLAUSE,
        )
    return None
