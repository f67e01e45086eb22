"""第二条 asked as one numbered question, for every applicant; and the kinds that are not an ordinary enterprise.

A pre-screening that came for the money asks 第二条 once, as one question naming each condition still open (「以上都符合吗」): a reply
saying all hold settles them, one naming some settles those, and whatever it leaves unsaid is 需确认 (named in the
report) — never asked a second time (R62E030: an enterprise asked 产权? 依法经营? … one per turn while the user told
its figures, and ran out of turns before any). A 园区管理和运营企业 or a 培训机构 comes for its own items (三（八）1、2
for a park; 三（七）2 for a training institution); a broad question about what it can get (question_shapes.yml `whatcan`: 「想预审下今年能拿啥」) takes every item of its kind, each judged on the facts
given (conditions.yml) without the checklist being asked.
"""

from bot.answers.eligibility import CONDITION_NAMES

KINDS = ("park_operator", "training_institution")
SECOND_ARTICLE = "second_article"  # the pending step: 第二条's open conditions, asked together
WHO = {"enterprise": "贵单位", "park_operator": "贵公司（园区管理和运营企业）", "training_institution": "贵机构"}
# how the applicant form is asked inside the one question, per kind (entity_type still unknown)
ENTITY_LINE = {
    "enterprise": "在郑州市依法设立的独立法人企业，或在郑纳税的法人企业分支机构",
    "park_operator": "在郑州市依法设立的独立法人企业（或在郑纳税的法人企业分支机构）",
    "training_institution": "以依法设立的法人企业（如培训公司）身份申报，在郑州市设立",
}


def asks_together(applicant, for_money: bool = False) -> bool:
    """Whether 第二条 is asked as one question: always for a park operator or a training institution; for an enterprise
    that came for the money (`for_money`: 「今年能申报哪些 大概能拿多少」, figures told at the start), whose facts come
    as a dump, never one condition per turn. An enterprise that came to check 第二条 is still asked one by one."""
    return applicant in KINDS or (applicant == "enterprise" and for_money)


def comes_for_money(text: str, figures: bool) -> bool:
    """Whether an opening asks what can be had or how much (question_shapes.yml `whatcan`, `amount`) or gives figures."""
    from bot.answers.qualify import is_shape

    return figures or is_shape("whatcan", text) or is_shape("amount", text)


def other_kind(applicant) -> bool:
    """Whether the applicant is a park operator or a training institution (not an ordinary enterprise)."""
    return applicant in KINDS


def question(applicant: str, todo: list) -> str:
    """The one question naming each 第二条 condition still open."""
    lines = []
    for key in todo:
        if key == "entity_type":
            lines.append(ENTITY_LINE[applicant])
        elif key == "registered_in_zhengzhou" and "entity_type" in todo:
            continue  # (said in the entity line)
        else:
            lines.append(CONDITION_NAMES[key].split("（")[0])
    listed = "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))
    return (
        f"第二条项目申报资格：{WHO[applicant]}须符合以下条件——\n{listed}\n"
        "以上都符合吗？（回复“都符合”，或说明哪一条有问题、哪一条不确定）"
    )


def items_asked(applicant: str, text: str, options: list) -> list:
    """Every item of the kind when the message asks what it can get (「今年能拿啥」), else []."""
    from bot.answers.qualify import is_shape

    if applicant not in KINDS or not is_shape("whatcan", text):
        return []
    return [code for code, _ in options]
