"""Command line for the report store: ``show REF`` prints a report's Markdown, ``list`` the recent ones.

Exit status: 0 done; 1 no such report, or the store cannot be read; 2 malformed reference
number or bad arguments.
"""

import argparse
import sqlite3
import sys
import unicodedata
from datetime import datetime

from bot.reports.render import render_markdown
from bot.reports.store import REF_FORMAT_HINT, db_path, get_report, list_reports, normalize_ref
from bot.reports.verdict import APPLICANT_LABELS

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def _width(text: str) -> int:
    """Columns the text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _table(rows: list) -> str:
    """Rows of strings as an aligned plain-text table; the first row is the header."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows)


def _time(created_at: str) -> str:
    try:
        return datetime.fromisoformat(created_at).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(created_at)


def show(ref: str) -> int:
    """Print one report as Markdown."""
    key = normalize_ref(ref)
    if key is None:
        print(f"预审报告编号格式不正确：{ref}（应为 {REF_FORMAT_HINT}）", file=sys.stderr)
        return EXIT_USAGE
    report = get_report(key)
    if report is None:
        print(f"未找到预审报告 {key}", file=sys.stderr)
        return EXIT_NOT_FOUND
    sys.stdout.write(render_markdown(report))
    return EXIT_OK


def list_recent(limit: int) -> int:
    """Print the most recent reports as a small table."""
    reports = list_reports(limit=limit)
    if not reports:
        print("暂无预审报告")
        return EXIT_OK
    rows = [["编号", "生成时间", "申报主体", "结论"]]
    for report in reports:
        rows.append(
            [
                report["ref"],
                _time(report["created_at"]),
                APPLICANT_LABELS.get(report["applicant"], report["applicant"]),
                report["verdict_status"],
            ]
        )
    print(_table(rows))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m bot.reports``."""
    parser = argparse.ArgumentParser(prog="python -m bot.reports", description="服务外包政策申报预审报告")
    commands = parser.add_subparsers(dest="command", metavar="{show,list}")
    commands.required = True
    show_parser = commands.add_parser("show", help="按编号显示一份预审报告（Markdown）")
    show_parser.add_argument("ref", help=f"预审报告编号，{REF_FORMAT_HINT}")
    list_parser = commands.add_parser("list", help="列出最近的预审报告")
    list_parser.add_argument("--limit", type=_positive_int, default=20, help="最多列出几份（默认20）")
    return parser


def main(argv=None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "show":
            return show(args.ref)
        return list_recent(args.limit)
    except sqlite3.Error as error:
        print(f"无法读取预审报告库 {db_path()}：{error}", file=sys.stderr)
        return EXIT_NOT_FOUND
