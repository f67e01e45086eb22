"""Details the policy leaves open (「执行额按含税还是不含税算」「房租发票里的增值税能不能算进去」).

A tax word beside one of this policy's own amounts is no question about tax law: the policy does not say,
so the answer says so, gives what the policy does say about that amount (its clause, with the figures)
and who settles the rest (第四条第（一）项). The kinds, their words and replies: document.yml `not_specified`.
"""

import re
from typing import Optional

from knowledge import query
from knowledge.text import widen_punctuation

from bot.answers.model import Answer


def _subjects(kind: dict, t: str) -> list:
    return [s for s in kind.get("subjects") or [] if re.search(widen_punctuation(s["words"]), t, re.I)]


def asked(t: str) -> Optional[dict]:
    """The kind of open detail a normalised message asks about, when it names an amount of this policy; else None."""
    for kind in query.document().get("not_specified") or []:
        if re.search(widen_punctuation(kind["pattern"]), t, re.I) and _subjects(kind, t):
            return kind
    return None


def _policy_words(subject: dict) -> str:
    d = query.document()
    if subject.get("field"):
        part = d[subject["field"]]
        c = query.clause(part["clause"])
        return f"{c['label']}：{part['text']}"
    c = query.clause(subject["clause"])
    return f"{c['label']}（{c['title']}）：{c['text']}"


def _settled_by(kind: dict) -> str:
    d = query.document()
    rules = d["implementation_rules"]
    return kind["settled_by"].format(
        drafted_by=rules["drafted_by"], authority=d["interpretation"]["authority"], sponsor=d["sponsor"]
    )


def beside_estimate(t: str) -> Optional[str]:
    """「展位费发票是含增值税的 一共3万 能按3万算吗 补多少」: the open detail asked beside the user's own figures is said
    first (the policy does not say, who settles it), then the estimate follows on the amount as given; None when
    the message asks no open detail."""
    kind = asked(t)
    if kind is None or not kind.get("beside_estimate"):
        return None  # 「合同是欧元结算的」: no amount to take as given (the estimate asks for dollars)
    what = "、".join(s["what"] for s in _subjects(kind, t))
    return f"{kind['reply'].format(what=what)}{_settled_by(kind)}{kind['beside_estimate']}"


def answer(t: str) -> Optional[Answer]:
    """「政策没有明确…」, the policy's words on each amount named, and who settles it; None when not asked."""
    kind = asked(t)
    if kind is None:
        return None
    d = query.document()
    subjects = _subjects(kind, t)
    what = "、".join(s["what"] for s in subjects)
    lines = [kind["reply"].format(what=what)]
    lines += ["文件对此的规定是——" + _policy_words(s) for s in subjects]
    lines.append(_settled_by(kind))
    last = subjects[-1]
    return Answer("\n".join(lines), clause=last.get("clause") or d[last["field"]]["clause"])


def beside_verdict(code: str, t: str) -> Optional[str]:
    """「CMMI3去年补过 今年升CMMI5了能补吗」: under a verdict on `code`, the detail of it the policy leaves open (a kind
    marked `beside_verdict`), with who settles it; None when the message asks none."""
    if re.search(r"[A-Za-z]{3,}", t):
        from bot.nlu.normalize import understand

        t = understand(t)  # 「upgraded to CMMI 5」: the English words in the policy's
    kind = asked(t)
    if kind is None or not kind.get("beside_verdict"):
        return None
    subjects = [s for s in _subjects(kind, t) if s.get("clause") == code]
    if not subjects:
        return None
    return kind["reply"].format(what="、".join(s["what"] for s in subjects)) + _settled_by(kind)
