"""Measuring tools: `python -m tests.tools.bench` (latency, memory, training time) and
`python tests/tools/nlu_report.py DIR` (cross-validation report)."""
