"""Exports: the filtered report list as CSV and .xlsx (openpyxl), labelled questions as Rasa NLU YAML.

Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading
apostrophe. The CSV is UTF-8 with a byte-order mark so Excel opens the Chinese correctly.
"""

import csv
import io
from collections import OrderedDict
from datetime import datetime
from decimal import Decimal
from typing import Iterable, List

from openpyxl import Workbook
from openpyxl.styles import Font

from bot.reports.verdict import APPLICANT_LABELS

REPORT_COLUMNS = ["编号", "生成时间", "申报主体", "结论", "适用项目", "预估合计（元）"]
NLU_VERSION = "3.1"


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _time(created_at: str) -> str:
    try:
        return datetime.fromisoformat(created_at).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(created_at)


def report_rows(reports: Iterable[dict]) -> List[list]:
    """The export's rows (without the header): text cells, and the total as a Decimal."""
    return [
        [
            _safe(r["ref"]),
            _time(r["created_at"]),
            _safe(APPLICANT_LABELS.get(r["applicant"], r["applicant"])),
            _safe(r["verdict_status"]),
            _safe("、".join(r["items"])),
            Decimal(r["total_cny"]).quantize(Decimal("0.01")),
        ]
        for r in reports
    ]


def reports_csv(reports: Iterable[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(REPORT_COLUMNS)
    for row in report_rows(reports):
        writer.writerow(row[:-1] + [f"{row[-1]:f}"])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def reports_xlsx(reports: Iterable[dict]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "预审报告"
    sheet.append(REPORT_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in report_rows(reports):
        sheet.append(row[:-1] + [row[-1]])
        sheet.cell(row=sheet.max_row, column=len(REPORT_COLUMNS)).number_format = "#,##0.00"
    for letter, width in zip("ABCDEF", (20, 18, 18, 10, 40, 16)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _example(text: str) -> str:
    """One line of training text; brackets would read as Rasa entity annotations, so they become full-width."""
    line = " ".join((text or "").split())
    return line.replace("[", "［").replace("]", "］").replace("(", "（").replace(")", "）")


def nlu_yaml(labelled: Iterable[dict]) -> str:
    """Rasa NLU YAML (version 3.1) with one block per intent, ready for data/nlu/."""
    by_intent: "OrderedDict[str, List[str]]" = OrderedDict()
    for row in labelled:
        example = _example(row["text"])
        if example and example not in by_intent.setdefault(row["label"], []):
            by_intent[row["label"]].append(example)
    lines = [f'version: "{NLU_VERSION}"', "nlu:"]
    for intent, examples in by_intent.items():
        if not examples:
            continue
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines += [f"    - {e}" for e in examples]
    if len(lines) == 2:
        lines[1] = "nlu: []"
    return "\n".join(lines) + "\n"
