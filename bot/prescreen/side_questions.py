"""Questions asked beside a pre-screening, answered with it instead of dropped.

A pre-screening message often carries a question about another item: whether a support meant for someone else can be
paid to the applicant (a park operator: 「入驻企业的房租补贴能不能直接给我们园区」, R62E028), or what an item with no
figure in the policy pays (a training institution: 「政府购买培训服务 这个标准是多少钱一个人」, R62E029). Each is
answered in one line from knowledge/ (who the clause supports, quoted; that the policy states no amount and the
实施细则 of 第四条第（一）项 decide), whatever the pre-screening asks next.
"""

import re

from knowledge import query

# 「能不能直接给我们园区」「可以发给我们吗」「我们园区能不能申请」: asks whether the applicant itself gets an item
TO_US = re.compile(
    r"(能不能|能否|可不可以|可以|能|是否)(直接|也)?(给|发给|补给|拨给|打给|补贴给|算给|归)(到)?(我们|咱们|园区|我方|我公司|本公司|我们园区|我们机构|我们学校)"
    r"|(我们|咱们|园区|我方|机构|学校)(这边)?(能不能|能否|可不可以|可以|能)(也)?(来|直接)?(申请|申报|领|拿|享受)"
)
# 「这个标准是多少钱一个人」「按什么标准」「给多少」: asks an item's amount
HOW_MUCH = re.compile(r"标准|多少钱|多少|几块|几千|金额|怎么(算|补|给)|补(贴)?多少|给多少")
# 「入驻企业的房租补贴」「园区里企业的展会补贴」: the support asked about is another party's
OTHERS = re.compile(r"入驻(的)?(企业|公司)|园区(里|内)?(的)?(企业|公司)|(企业|公司|学员|学生)(的|们的)")
# the words only an item with no figure is named by (三（七）1: 政府购买服务、政府买单), never another item's 培训
OWN_WORDS = r"购买|政府|买单|埋单"
PIECE = re.compile(r"[，。；;！!？?\n]|\s+(?=另外|还有|再|以及|顺便|同时)")
APPLICANT_LABEL = {"enterprise": "企业", "park_operator": "园区管理和运营企业", "training_institution": "培训机构"}


def _pieces(text: str) -> list:
    return [p for p in PIECE.split(text or "") if p and p.strip()]


def _items(piece: str) -> list:
    from bot.estimate.items import detect_items

    return detect_items(piece)


def _applicants(code: str) -> list:
    from knowledge import conditions

    return list(conditions.spec(code).get("applicants") or []) if code in conditions.clause_codes() else []


def recipient_lines(applicant: str, text: str) -> list:
    """For an item asked to be paid to the applicant that supports another kind: who it supports, quoted."""
    who = APPLICANT_LABEL.get(applicant or "")
    if not who:
        return []
    out = []
    for piece in _pieces(text):
        if not TO_US.search(piece) or not OTHERS.search(piece):
            continue
        for code in _items(piece):
            kinds = _applicants(code)
            if not kinds or who in kinds:
                continue
            c = query.clause(code.rstrip("ab"))
            out.append(
                f"另外，您问的{c['label']}（{c['title']}）：这项补贴不能发给{who}代领。支持对象是{c['applicant_detail']}"
                f"{'' if c['applicant_detail'] in kinds else '（' + '、'.join(kinds) + '）'}，由符合条件的{'、'.join(kinds)}以自己的名义申请、补贴给申请的{'、'.join(kinds)}本身（{c['label']}：{c['text']}）"
            )
    return list(dict.fromkeys(out))


def no_amount_lines(text: str) -> list:
    """For an item asked its amount whose clause names no figure: the policy states none; the 实施细则 decide."""
    out = []
    for piece in _pieces(text):
        if not HOW_MUCH.search(piece):
            continue
        for c in _no_figure_clauses():
            own = [kw for kw in c.get("keywords") or [] if re.search(OWN_WORDS, kw)]  # (not 服务贸易+培训 alone)
            if not any(all(w in piece for w in kw.split("+")) for kw in own):
                continue
            rules = query.clause("4.1")
            out.append(
                f"另外，您问的{c['label']}（{c['title']}）：政策原文是「{c['text']}」，没有规定按人数或金额的标准，"
                f"政策里没有这个金额；具体支持标准以{rules['label']}（{rules['title']}）为准：{rules['text']}"
            )
    return list(dict.fromkeys(out))


def _no_figure_clauses() -> list:
    """The support items (第三条's points) whose text names no figure (三（七）1: 政府购买服务)."""
    return [c for c in query.clauses() if c["code"].startswith("3.") and not c.get("figures") and not c.get("children")]


def side_lines(applicant: str, text: str) -> list:
    """Every side question's answer line in a message (none: [])."""
    return recipient_lines(applicant, text) + no_amount_lines(text)
