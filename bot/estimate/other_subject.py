"""Question parts about another entity than the one estimated (knowledge/data/estimate_words.yml `other_subject`).

「我们是市里认定过的培训机构 今年培训了40个学员…能拿多少？另外我们还有个分校区…没经过认定 它培训的学员也能按人头拿吗」:
the second part's 没经过认定 is the branch campus's, not the institution's; the estimate reads the parts before it and
the part is answered on its own after the estimate. A part that gives figures of its own is never set aside here.
"""

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["other_subject"]
    pointers, entities, own, one, persons = (
        alternation(w[k]) for k in ("pointers", "entities", "own", "one_person", "persons")
    )
    return re.compile(
        rf"(?:{pointers})[^，。；？?\s问事题]{{0,4}}?(?:{entities})|{own}|(?:^|\s|另外|还有|不过|但是|然后|also)\s*(?:{one})(?:{persons})"
    )


def names_another(part: str) -> bool:
    """Whether a question part (normalised) speaks of another entity than the message's first subject."""
    return bool(_pattern().search(part or ""))


def set_aside(parts: list, asked: list) -> list:
    """The parts after the first that speak of another entity, ask no amount of their own and give no money
    figure: their facts are not the estimate's."""
    from bot.estimate.session import own_figures
    from bot.nlu.normalize import normalize

    return [
        p
        for i, p in enumerate(parts)
        if i > 0
        and p not in asked
        and names_another(normalize(p))
        and not [f for f in own_figures(normalize(p)) if f.kind == "money"]
    ]
