"""第一条: the business scope and how the contract execution amount is determined."""

from knowledge import query

from bot.answers.model import Answer


def answer(text: str) -> Answer:
    """What counts as service outsourcing here and how 合同执行额 is determined."""
    c = query.clause("1")
    return Answer(
        f"依据{c['label']}（{c['title']}）：{c['text']}\n"
        "想知道某项业务属于哪个领域，可以直接描述业务，例如“数据标注属于哪个领域？”",
        clause="1",
    )
