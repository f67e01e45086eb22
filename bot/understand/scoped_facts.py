"""Facts of people said of one item's people (knowledge/data/estimate_words.yml `person_scopes`).

「5个本科项目经理…培训」 then 「实习生… 应届生10个（大专以上…）」: each message's 学历 is also kept under the item whose
people it names (education_level@3.7.3 = 本科, education_level@3.7.4 = 大专), and a message naming no one item's
people keeps it under @* (all of them). An item's value is the latest one said, unless that one was said of another
item's people: then its own, else the last said of everyone (`for_item`).
"""

import re
from functools import lru_cache
from typing import Optional

ALL = "*"


@lru_cache(maxsize=1)
def person_scopes() -> tuple:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["person_scopes"]
    return tuple(w["facts"]), {code: re.compile(alternation(words)) for code, words in w["items"].items()}


def item_of(text: str) -> Optional[str]:
    """The one item whose people the normalised `text` names, "*" when it names none or several."""
    _, items = person_scopes()
    named = [code for code, pattern in items.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else ALL


def own_sentences(text: str, code: str) -> str:
    """`text` with each sentence (cut at 。；！？) that names only another item's people blanked, same length: 「培训机构
    培训了50个大专以上学员…；外包公司…收了25个实习生 其中20个是应届本科」 read for 三（七）2 keeps the trainees' alone."""
    out = text
    for m in re.finditer(r"[^。；;！!？?\n]+", text):
        if item_of(m.group(0)) not in (ALL, code):
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


def scoped(text: str, facts: dict) -> dict:
    """The person facts of `facts` (read from normalised `text`) under the item whose people the text names."""
    names, _ = person_scopes()
    scope = item_of(text)
    return {f"{name}@{scope}": facts[name] for name in names if name in facts}


def for_item(facts: dict, code: str) -> dict:
    """`facts` as item `code` reads them: every scoped key resolved (see the module's words), none left."""
    names, items = person_scopes()
    out = {k: v for k, v in facts.items() if "@" not in k}
    for name in names:
        latest, own, everyone = facts.get(name), facts.get(f"{name}@{code}"), facts.get(f"{name}@{ALL}")
        others = [facts[f"{name}@{c}"] for c in items if c != code and f"{name}@{c}" in facts]
        if latest is not None and latest in others and latest != everyone and latest != own:
            value = own if own is not None else everyone
            if value is None:
                out.pop(name, None)
            else:
                out[name] = value
    return out
