"""A stored pre-screening report as Chinese Markdown, and as a short chat reply.

A report is the dict ``store.get_report`` returns: ``ref``, ``created_at``, ``applicant``,
``inputs`` (the calculator's input), ``result`` (its output, see
shared/spec/calculator-contract.md) and ``verdict`` (``verdict.verdict_from``). The policy's
sentences are quoted from knowledge/ (document.yml, clauses.yml, figures.yml); nothing else
(no contacts, no deadlines, no document lists) is said, because the policy says nothing of them.
"""

from datetime import datetime
from decimal import Decimal

from knowledge.figures import figure
from knowledge.sources import load_cached

from bot.reports.verdict import (
    APPLICANT_LABELS,
    APPLICANT_NOTES,
    ENTITY_TYPE_LABELS,
    NOT_QUALIFIED,
    QUALIFIED,
    TO_CONFIRM,
    applicant_basis,
    basis_line,
    condition_answers,
)

TITLE = "服务外包政策申报预审报告"
DISCLAIMER = "本结果为预估，最终以市商务局会同市财政局审核认定为准。"
CHAT_LIMIT_BYTES = 2048

_TEN_THOUSAND = Decimal(10000)


def _clause_label(code: str) -> str:
    """The clause's Chinese label, e.g. 第四条第（三）项."""
    return next(c["label"] for c in load_cached("clauses") if str(c["code"]) == str(code))


def quote(key: str) -> tuple:
    """(clause label, sentence) of one entry of knowledge/data/document.yml."""
    entry = load_cached("document")[key]
    return _clause_label(entry["clause"]), entry["text"]


def _policy_title() -> str:
    document = load_cached("document")
    return f"《{document['policy_title']}》（{document['doc_no']}）"


def _annual_cap() -> tuple:
    """The 四.三 total cap: (yuan as Decimal, the policy's sentence without its full stop)."""
    return figure("4.3", "annual_total_cap_cny"), quote("annual_total_cap")[1].rstrip("。")


def _decimal(amount) -> Decimal:
    return Decimal(str(amount if amount is not None else 0))


def format_yuan(amount) -> str:
    """Yuan with thousands separators and two decimals, e.g. 1,057,005.00元."""
    return f"{_decimal(amount):,.2f}元"


def format_wan(amount) -> str:
    """Yuan in 万元 without trailing zeros, e.g. 105.7005万元."""
    wan = (_decimal(amount) / _TEN_THOUSAND).quantize(Decimal("0.000001")).normalize()
    return f"{wan:f}万元"


def format_amount(amount) -> str:
    """An amount both ways: 1,057,005.00元（105.7005万元）."""
    return f"{format_yuan(amount)}（{format_wan(amount)}）"


def _chat_yuan(amount) -> str:
    """Yuan for chat: separators, decimals only when there are any."""
    value = _decimal(amount)
    if value == value.to_integral_value():
        return f"{value:,.0f}元"
    return f"{value:,.2f}元"


def _has_range(item: dict) -> bool:
    maximum = item.get("amount_cny_max")
    return maximum is not None and _decimal(maximum) != _decimal(item.get("amount_cny"))


def _item_amount(item: dict) -> str:
    if _has_range(item):
        low, high = item.get("amount_cny"), item["amount_cny_max"]
        wan = f"{format_wan(low)[:-2]}—{format_wan(high)}"
        return f"{format_yuan(low)}—{format_yuan(high)}（{wan}）"
    return format_amount(item.get("amount_cny"))


def _cell(text) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text or "").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _applicant_text(report: dict) -> str:
    applicant = report.get("applicant")
    label = APPLICANT_LABELS.get(applicant, applicant or "未说明")
    entity_type = (report.get("inputs") or {}).get("entity_type")
    if entity_type in ENTITY_TYPE_LABELS:
        return f"{label}（{ENTITY_TYPE_LABELS[entity_type]}）"
    return label


def _created_text(created_at) -> str:
    try:
        return datetime.fromisoformat(created_at).strftime("%Y-%m-%d %H:%M:%S") + "（北京时间）"
    except (TypeError, ValueError):
        return str(created_at or "")


def _reminders(result: dict) -> list:
    """Fixed reminders, then the calculator's own notes not already said."""
    clause, no_double_claim = quote("no_double_claim")
    lines = [f"{clause}：{no_double_claim}", DISCLAIMER]
    said = {line.rstrip("。") for line in (no_double_claim, DISCLAIMER)}
    for note in result.get("notes") or []:
        if str(note).rstrip("。") not in said:
            lines.append(str(note))
            said.add(str(note).rstrip("。"))
    return lines


def _basis_lines(inputs: dict) -> list:
    """The applicant basis 第二条 was judged on and each condition's answer, one per line."""
    lines = [f"- 申报主体类型：{applicant_basis(inputs)}"]
    return lines + [f"- {name}：{word}" for name, word in condition_answers(inputs)]


def _verdict_lines(verdict: dict, applicant, inputs: dict = None) -> list:
    status = verdict.get("status", TO_CONFIRM)
    lines = [f"## 结论：{status}", ""]
    if status == QUALIFIED:
        lines.append("所填信息满足第二条项目申报资格的各项条件。")
    elif status == NOT_QUALIFIED:
        lines.append("未满足第二条项目申报资格的以下条件：")
        lines.append("")
        fixes = list(verdict.get("fixes") or [])
        for index, name in enumerate(verdict.get("failing") or []):
            fix = fixes[index] if index < len(fixes) else ""
            lines.append(f"- **{name}**" + (f"：第二条要求{fix}。" if fix else ""))
    if verdict.get("unknown"):
        if lines[-1] != "":
            lines.append("")
        lines.append("以下条件尚待确认：")
        lines.append("")
        lines.extend(f"- {name}" for name in verdict["unknown"])
    if status != QUALIFIED:
        lines.append("")
        lines.append("以下金额按所填数据测算，以满足第二条项目申报资格为前提。")
    lines += ["", "第二条各项条件（按您所说）：", ""] + _basis_lines(inputs)
    note = APPLICANT_NOTES.get(applicant)
    if note:
        lines.append("")
        lines.append(note)
    return lines


def _items_lines(items: list) -> list:
    lines = ["## 各项预估", ""]
    qualified = [item for item in items if item.get("qualified")]
    unqualified = [item for item in items if not item.get("qualified")]
    if not items:
        lines.append("所填数据不足以测算任何奖补项目，暂无预估金额。")
        return lines
    if qualified:
        lines.append("| 项目 | 依据条款 | 预估金额 | 是否触及上限 | 说明 |")
        lines.append("|---|---|---|---|---|")
        for item in qualified:
            lines.append(
                "| {} | {} | {} | {} | {} |".format(
                    _cell(item.get("name")),
                    _cell(item.get("clause")),
                    _item_amount(item),
                    "是" if item.get("capped") else "否",
                    _cell(item.get("explanation")),
                )
            )
    else:
        lines.append("按所填数据，暂无达到条件的奖补项目。")
    if unqualified:
        lines.append("")
        lines.append("未达到条件的项目（金额为0）：")
        lines.append("")
        for item in unqualified:
            lines.append(f"- {item.get('name')}（{item.get('clause')}）：{item.get('explanation') or ''}")
    return lines


def _total_lines(result: dict) -> list:
    cap, cap_text = _annual_cap()
    items = result.get("items") or []
    total = result.get("total_cny")
    total_max = result.get("total_cny_max")
    lines = ["## 合计", ""]
    if total_max is not None and _decimal(total_max) != _decimal(total):
        lines.append(f"预估合计：{format_amount(total)}，按区间上限计为 {format_amount(total_max)}。")
    else:
        lines.append(f"预估合计：{format_amount(total)}。")
    if result.get("total_capped") or _decimal(total_max) > cap:
        items_sum = sum((_decimal(item.get("amount_cny")) for item in items), Decimal(0))
        lines.append("")
        lines.append(
            f"各项合计 {format_yuan(items_sum)} 超过上限，已按{_clause_label('4.3')}"
            f"“{cap_text}”封顶为 {format_amount(cap)}。"
        )
    rates = result.get("rates_used") or {}
    if rates:
        rate_text = "；".join(f"{_rate_year(key)} {rate}" for key, rate in sorted(rates.items()))
        lines.append("")
        lines.append(f"离岸金额折算所用美元兑人民币中间价（业务执行年度）：{rate_text}。")
    return lines


def render_markdown(report: dict) -> str:
    """The full report in Chinese Markdown."""
    result = report.get("result") or {}
    verdict = report.get("verdict") or {}
    lines = [
        f"# {TITLE}",
        "",
        f"- 编号：{report.get('ref', '')}",
        f"- 生成时间：{_created_text(report.get('created_at'))}",
        f"- 申报主体：{_applicant_text(report)}",
        f"- 政策：{_policy_title()}",
        "",
    ]
    lines += _verdict_lines(verdict, report.get("applicant"), report.get("inputs") or {})
    if verdict.get("business"):
        lines += ["", f"- {verdict['business']}"]
    lines.append("")
    lines += _items_lines(result.get("items") or [])
    lines.append("")
    lines += _total_lines(result)
    lines += [
        "",
        "## 申报依据",
        "",
        "- {}：{}".format(*quote("statistics_system")),
        "- {}：{}".format(*quote("implementation_rules")),
        "",
        "## 提醒",
        "",
    ]
    lines += [f"- {line}" for line in _reminders(result)]
    return "\n".join(lines) + "\n"


def _short(name: str) -> str:
    """A condition's name without its parenthesised explanation."""
    return name.split("（")[0]


def _chat_lines(report: dict, detail: int) -> list:
    """The chat reply's lines; a lower ``detail`` is shorter."""
    result = report.get("result") or {}
    verdict = report.get("verdict") or {}
    status = verdict.get("status", TO_CONFIRM)
    items = result.get("items") or []
    name = (lambda text: text) if detail >= 3 else _short

    head = f"结论：{status}" + ("（具备第二条项目申报资格，满足各项条件）" if status == QUALIFIED else "")
    lines = [f"【{TITLE}】编号 {report.get('ref', '')}", head]
    if verdict.get("failing"):
        lines.append("未满足：" + "；".join(name(n) for n in verdict["failing"]))
    if detail >= 3 and verdict.get("fixes"):
        lines.append("第二条要求：" + "；".join(verdict["fixes"]))
    if verdict.get("unknown"):
        lines.append("需确认：" + "；".join(name(n) for n in verdict["unknown"]))
    if detail >= 1 and verdict.get("business"):  # the business described, placed in the catalog
        lines.append(verdict["business"] if detail >= 2 else verdict["business"].split("，见")[0] + "。")
    if detail >= 2:  # what the verdict was judged on: the applicant basis and each condition's answer
        lines.append("第二条按：" + basis_line(report.get("inputs") or {}))
    elif detail >= 1:
        lines.append("申报主体：" + applicant_basis(report.get("inputs") or {}))

    for item in items:
        if not item.get("qualified"):
            continue
        amount = _chat_yuan(item.get("amount_cny"))
        if _has_range(item):
            amount += "—" + _chat_yuan(item["amount_cny_max"])
        capped = "（已达上限）" if item.get("capped") else ""
        clause = f"（{item.get('clause')}）" if detail >= 1 else ""
        lines.append(f"· {item.get('name')}：{amount}{capped}{clause}")
        if detail >= 3 and (_has_range(item) or report.get("applicant") not in (None, "enterprise")):
            # a park's or a training institution's few items, and a range (三（八）2's 10—30万元): how each was set
            lines.append(f"  符合：{str(item.get('explanation') or '').strip()}")
    unqualified = [item for item in items if not item.get("qualified")]
    if unqualified:
        if detail >= 3:  # the condition each one misses (「合同执行额500万元，未超过500万元」)
            said = [f"{i.get('name')}——{str(i.get('explanation') or '').rstrip('。')}" for i in unqualified]
            lines.append("未达条件（0元）：" + "；".join(said) + "。")
        elif detail >= 2:
            lines.append("未达条件：" + "、".join(i.get("name") for i in unqualified))
        else:
            lines.append(f"另有{len(unqualified)}项未达条件")

    if not items:  # no item chosen or figured: the report is on 第二条 alone, not an award of 0元
        lines.append("未测算奖补金额：本次没有选定支持项目或给出测算所需的数字，本报告只就第二条申报资格作结论。")
    total = f"合计：{_chat_yuan(result.get('total_cny'))}"
    total_max = result.get("total_cny_max")
    if total_max is not None and _decimal(total_max) != _decimal(result.get("total_cny")):
        total += f"（区间上限 {_chat_yuan(total_max)}）"
    if result.get("total_capped"):
        total += f"，已按{_clause_label('4.3')}单个企业年度总额最高{format_wan(_annual_cap()[0])}封顶"
    if items:
        lines.append(total)
    if detail >= 2:
        label, basis = quote("statistics_system")
        lines.append(f"申报依据（{label}）：{basis}")
    lines.append(f"不得重复申报（{quote('no_double_claim')[0]}）。" + DISCLAIMER)
    lines.append(f"可回复“查询预审 {report.get('ref', '')}”再次查看（仅限本对话）。")
    return lines


def render_chat(report: dict) -> str:
    """A short reply for chat, one line per award, kept within WeChat's 2048-byte passive reply when possible.

    When the full reply is too long it drops, in turn: what 第二条 requires (the Markdown
    report keeps it) and the explanations in condition names; the names of items that did
    not qualify; the clause after each award.
    """
    text = ""
    for detail in (3, 2, 1, 0):
        text = "\n".join(_chat_lines(report, detail))
        if len(text.encode("utf-8")) <= CHAT_LIMIT_BYTES:
            break
    return text


def _rate_year(key: str) -> str:
    """`rates_used` is keyed by the year ("2023") when the year is known, else by the field name."""
    if str(key).isdigit():
        return f"{key}年"
    return {"usd_cny_rate": "本年度", "previous_usd_cny_rate": "上年度"}.get(str(key), str(key))
