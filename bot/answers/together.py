"""「增量奖励跟离岸奖励是不是只能二选一」「有增量奖励 创新奖励还能叠加吗」: items of this policy asked whether they can
be had together. Each item of 第三条 is its own direction: 第四条第（三）项's 不得重复申报 is about this policy and the
city's other policies, so with no other source named (routes.yml `other_source`) the question is a combination of
this policy's own items (answered by bot/answers/general.together_answer), never that clause alone."""

from knowledge import shapes


def asks_together(t: str) -> bool:
    """Whether the message asks if support items can be had together (or only one of them), naming no other policy."""
    return bool(shapes.search("together", t)) and not (
        shapes.search("other_source", t) or shapes.search("other_policy_context", t)
    )


def own_items(t: str) -> list:
    """The items of 第三条 the message asks to have together (two or more), or []."""
    from bot.answers.router import items_named

    if not asks_together(t):
        return []
    named = items_named(t)
    return named if len(named) >= 2 else []
