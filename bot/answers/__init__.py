"""Policy answers composed from knowledge/: each names its clause and fits a phone screen.

`compose(intent, text, context)` is the entry point (router.py); one module per family of
questions: eligibility (第二条), scope (第一条), catalog (附件), subsidies (第三条), general (第四条).
"""

from bot.answers.router import Answer, compose  # noqa: F401
