"""A message stating 第二条's facts after a pre-screening report was saved (「财务制度健全规范」): each fact is
compared with what the saved report recorded, so the user hears that the report stands (or how to redo it)
instead of a request to rephrase."""

from typing import Optional

from bot.answers.eligibility import CONDITION_NAMES, facts_from
from bot.nlu.normalize import normalize
from bot.reports.verdict import ANSWER_WORDS, ENTITY_TYPE_LABELS, applicant_basis, condition_name


def _said(field: str, value) -> str:
    if field == "entity_type":
        return ENTITY_TYPE_LABELS.get(value, str(value))
    return f"{condition_name(field).split('（')[0]}：{ANSWER_WORDS.get(value, '未说明')}"


def stated_facts(text: str) -> dict:
    """第二条's facts a message states (eligibility.facts_from), only those."""
    return {k: v for k, v in facts_from(normalize(text or "")).items() if k in CONDITION_NAMES}


def reply(text: str, report: Optional[dict]) -> Optional[str]:
    """The reply to a statement of 第二条's facts after the report `report` (store.get_report) was saved;
    None when the message states none of them or there is no report."""
    facts = stated_facts(text)
    if not facts or not report:
        return None
    ref = report.get("ref", "")
    recorded = report.get("inputs") or {}
    same = [f for f, v in facts.items() if recorded.get(f) == v]
    changed = [f for f, v in facts.items() if f in recorded and recorded.get(f) != v]
    new = [f for f in facts if f not in recorded]
    lines = []
    if same:
        lines.append(
            "好的，您说的（" + "；".join(_said(f, facts[f]) for f in same) + f"）与预审报告 {ref} 中记录的一致，"
            f"报告已保存，结论不变：{(report.get('verdict') or {}).get('status', '')}。"
        )
    if changed or new:
        told = "；".join(_said(f, facts[f]) for f in changed + new)
        was = "；".join(_said(f, recorded.get(f)) for f in changed)
        lines.append(
            f"您这次说的（{told}）"
            + (f"与预审报告 {ref} 中记录的（{was}）不同" if changed else f"预审报告 {ref} 中没有记录")
            + "。已保存的报告不会自动修改；如需按新的情况判断，请说“重新预审”，我按最新说法重新过一遍第二条。"
        )
        if any(facts[f] is False or facts[f] == "other" for f in changed + new):
            failing = [condition_name(f).split("（")[0] for f in changed + new if facts[f] is False]
            lines.append(
                "按这一说法，不符合第二条的申报资格"
                + (f"，不满足：{'；'.join(failing)}" if failing else "（申报主体须为企业）")
                + "。"
            )
    lines.append(f"报告中第二条按：申报主体：{applicant_basis(recorded)}。可回复“查询预审 {ref}”查看全文。")
    return "\n".join(lines)
