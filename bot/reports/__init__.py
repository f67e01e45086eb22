"""Pre-screening reports: the verdict, the SQLite store, and the Markdown / chat renderings (no Rasa here)."""

from bot.reports.render import render_chat, render_markdown
from bot.reports.store import get_report, list_reports, save_report
from bot.reports.verdict import verdict_from

__all__ = ["get_report", "list_reports", "render_chat", "render_markdown", "save_report", "verdict_from"]
