"""One module per clause of 第三条 in conversation, mirroring calculator/items/ (same module names).

    3.1     三（一）   business_growth.py        业务规模增量奖励
    3.2     三（二）   offshore.py               离岸业务奖励
    3.3     三（三）   innovation.py             创新发展奖励
    3.4     三（四）   tech_advanced.py          技术先进型服务企业认定奖励
    3.5     三（五）   market_fairs.py           开拓市场补贴
    3.6     三（六）   certifications.py         资质认证补贴
    3.7.2   三（七）2  institution_training.py   培训机构定额培训支持
    3.7.3   三（七）3  senior_training.py        中高级人才培训补贴
    3.7.4   三（七）4  internships.py            实习实训补贴
    3.8.1   三（八）1  park_recognition.py       示范园区认定奖励
    3.8.2a  三（八）2  park_attraction.py        园区引进重点企业奖励
    3.8.2b  三（八）2  park_attraction.py        园区吸引外资奖励
    3.8.3   三（八）3  rent.py                   租金补贴
    3.9     三（九）   platforms.py              公共服务平台补贴

Each module declares `CLAUSES`: its Clause objects (code, name, trigger words, fields with their
label, unit, question and how a figure of that role is recognised, failure checks, reading hook).
The estimate session's `missing`, `failed`, `question_for` and read-back and the pre-screening
checklist loop over this registry. Adding a clause: its figures and conditions in knowledge/data/,
its arithmetic in calculator/items/<x>.py, its conversation in bot/estimate/clauses/<x>.py
(tests/test_clause_registry.py lists what is checked).
"""

import re

from . import (
    business_growth,
    certifications,
    innovation,
    institution_training,
    internships,
    market_fairs,
    offshore,
    park_attraction,
    park_recognition,
    platforms,
    rent,
    senior_training,
    tech_advanced,
)
from .base import Clause, Field

MODULES = (
    business_growth,
    offshore,
    innovation,
    tech_advanced,
    market_fairs,
    certifications,
    institution_training,
    senior_training,
    internships,
    park_recognition,
    park_attraction,
    rent,
    platforms,
)
CLAUSES = tuple(c for m in MODULES for c in m.CLAUSES)  # the policy's order
BY_CODE = {c.code: c for c in CLAUSES}
ORDER = [c.code for c in CLAUSES]
NAMES = {c.code: c.name for c in CLAUSES}

# Asking order: 三（三）'s yes/no first (when the 三（一）/三（二） awards are given, nothing else is asked),
# then the business amounts, the exchange rates they need (RATES_AFTER), then the policy's order.
ASKING_ORDER = (BY_CODE["3.3"], BY_CODE["3.1"], BY_CODE["3.2"]) + tuple(
    c for c in CLAUSES if c.code not in ("3.1", "3.2", "3.3")
)
RATES_AFTER = "3.2"
BUSINESS = frozenset({"3.1", "3.2", "3.3"})

# Reading order: each item's own figures are taken before the business amounts, which read what is left;
# 中高级人才培训 before 培训机构 (a count of people with costs is the training's).
READ_ORDER = tuple(BY_CODE[code] for code in ("3.5", "3.6", "3.7.3", "3.7.2", "3.7.4", "3.9", "3.8.3", "3.8.1", "3.3"))


def _fields() -> dict:
    out = {}
    for clause in CLAUSES:
        for f in clause.fields:
            out.setdefault(f.key, f)
    return out


FIELDS = _fields()  # key → Field, in read-back order (a field two clauses share is one Field)
QUESTIONS = {k: q for c in CLAUSES for k, q in c.questions.items()}


def clauses_for(codes) -> list:
    """The clauses of `codes`, in the policy's order."""
    codes = set(codes)
    return [c for c in CLAUSES if c.code in codes]


def keys_of_type(*types) -> tuple:
    """The conversation's fields of the contract's `types` (flag, count, list …)."""
    return tuple(k for k, f in FIELDS.items() if f.type in types)


def fact_fields() -> tuple:
    """Fields a fact stated earlier in the conversation may fill."""
    return tuple(k for k, f in FIELDS.items() if f.from_facts)


def figure_items() -> tuple:
    """(field, item code): the fields whose figures, once given, make an item part of the estimate."""
    return tuple((f.key, c.code) for c in CLAUSES for f in c.fields if f.implies_item)


def question(key: str, session) -> str:
    """The question that asks for `key` (a field or a clause's group question), or ""."""
    if key in QUESTIONS:
        q = QUESTIONS[key]
        return as_question(q(session) if callable(q) else q)
    f = FIELDS.get(key)
    return as_question(f.ask(session)) if f else ""


def as_question(text: str) -> str:
    """An ask reads as a question: one said only as 「请告诉我…。」 asks 「请告知…」 (a request the user answers)."""
    if not text or re.search(r"[?？]|请问|请提供|请告知", text):
        return text
    return text.replace("请告诉我", "请告知", 1)


def checklist(applicant: str) -> list:
    """The pre-screening checklist of an applicant type: [(code, line)]."""
    return [(c.code, c.checklist) for c in CLAUSES if c.applicant == applicant and c.checklist]


def missing(session, items) -> list:
    """The keys still to ask for `items`, in asking order."""
    out: list = []
    for clause in ASKING_ORDER:
        if clause.code in items:
            out += clause.keys_missing(session, out)
        if clause.final_when and clause.final_when(session.inputs):
            break
        if clause.code == RATES_AFTER and items & BUSINESS and not out:
            out += session.rates_needed()
    return out


__all__ = ["Clause", "Field", "CLAUSES", "BY_CODE", "ORDER", "NAMES", "FIELDS", "MODULES"]
