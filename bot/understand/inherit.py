"""What a question part takes from the parts before it in the same message.

「…境外展每场最高补多少 一年最多补多少 另外机票酒店能算进去吗」: a part opened by a connective (另外、还有、然后…)
is a question the user adds, a part of its own, even when it names no subject; it is answered about the subject
of the part before it (bot/answers/router.compose_parts). 「给海外品牌做电商平台代运维…能拿离岸奖励吗？这个业务
属于哪个领域？」: a catalog question that describes no business of its own asks about the business the message
described before it; it is answered with those statements. Plain Python, no Rasa.
"""

import re
from typing import List

from knowledge import shapes

from bot.understand.segment import clauses, is_question


def opens_new_question(part: str) -> bool:
    """Whether a question part begins with a word that adds a question (「另外…吗」「还有就是…多少」「also …?」)."""
    return (
        bool(shapes.search("new_question_opener", part.strip()))
        and is_question(part)
        and not shapes.search("asks_of_each", part)  # 「然后分别有什么上限」: of the subjects named before, together
    )


def asks_where_it_belongs(part: str) -> bool:
    """Whether a part asks outright where a business belongs in the catalog (「这个业务属于哪个领域」)."""
    return bool(shapes.search("domain_asked", part))


def names_no_business(part: str) -> bool:
    """Whether a catalog question names no business of its own: once the question's words are dropped, only
    words that point back (「这个业务」「我们」「这块」) are left."""
    rest = shapes.pattern("domain_asked").sub("", part)
    rest = re.sub(r"[?？。，,!！\s]|^(另外|还有|然后|那|那么|also|and)", "", rest, flags=re.I)
    return bool(shapes.search("points_back_business", part)) or not rest or len(rest) <= 3


def statements_before(part: str, parts: List[str]) -> str:
    """The clauses of the parts before `part` that ask nothing (what the user said about itself)."""
    before = parts[: parts.index(part)] if part in parts else []
    return " ".join(c for p in before for c in clauses(p) if not is_question(c))


def with_context(part: str, parts: List[str]) -> str:
    """The part as answered: a catalog question naming no business carries the statements said before it."""
    if not asks_where_it_belongs(part) or not names_no_business(part):
        return part
    said = statements_before(part, parts)
    return f"{said} {part}" if said and said not in part else part
