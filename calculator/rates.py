"""USD→CNY exchange rates: which the arithmetic needs, and where each one comes from.

A rate given by the caller (`usd_cny_rate`, `previous_usd_cny_rate`) always wins. When a
needed rate is missing and the year is known, the operator-maintained table
calculator/rates.yml (or the file named by CALCULATOR_RATES_FILE) is consulted; every entry
there names its published source, and a rate taken from it is reported in `rates_used` and
in the notes. With no rate at all, a CalculatorError names the missing field.

`rates_used` is keyed by the year ("2023") when `year` is given, else by the field name.
Only rates the arithmetic actually multiplied a non-zero dollar amount by are listed.
"""

import os
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .errors import CalculatorError
from .text import plain

RATES_FILE = Path(__file__).parent / "rates.yml"
OFFSET = {"usd_cny_rate": 0, "previous_usd_cny_rate": -1}
_cache = {}


def rate_year(data: dict, field: str):
    """The calendar year a rate field stands for, or None when `year` is not given."""
    year = data.get("year")
    return None if year is None else year + OFFSET[field]


def missing_message(data: dict, field: str) -> str:
    """「缺少2023年的美元兑人民币年平均中间价（usd_cny_rate）」."""
    year = rate_year(data, field)
    when = f"{year}年" if year is not None else ("上年度" if OFFSET[field] else "本年度")
    return f"缺少{when}的美元兑人民币年平均中间价（{field}）"


def _table_error(where, message):
    raise CalculatorError(f"汇率表{where}格式有误：{message}", None)


def parse_table(entries, where="") -> dict:
    """Check a table's entries ({year, rate, source}); return {year: (Decimal rate, source)}."""
    if entries is None:
        return {}
    if not isinstance(entries, (list, tuple)):
        _table_error(where, "rates 应为列表")
    table = {}
    for i, entry in enumerate(entries):
        at = f"第{i + 1}条"
        if not isinstance(entry, dict) or set(entry) - {"year", "rate", "source"}:
            _table_error(where, f"{at}应为只含 year、rate、source 的对象")
        year, rate, source = entry.get("year"), entry.get("rate"), entry.get("source")
        if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
            _table_error(where, f"{at}的 year 应为2000到2100之间的整数")
        if year in table:
            _table_error(where, f"{year}年重复出现")
        if isinstance(rate, bool) or not isinstance(rate, (int, float, str, Decimal)):
            _table_error(where, f'{at}的 rate 应为数字（建议写成字符串，如 "7.0467"）')
        try:
            value = Decimal(str(rate))
        except InvalidOperation:
            _table_error(where, f"{at}的 rate 不是数字")
        if not value.is_finite() or value <= 0:
            _table_error(where, f"{at}的 rate 必须大于0")
        if not isinstance(source, str) or not source.strip():
            _table_error(where, f"{at}缺少 source（须写明公布来源）")
        table[year] = (value, source.strip())
    return table


def load_table(path=None) -> dict:
    """The operator's table as {year: (rate, source)}; empty when the file has no entries."""
    path = Path(path or os.environ.get("CALCULATOR_RATES_FILE") or RATES_FILE)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return {}
    key = str(path)
    if key in _cache and _cache[key][0] == stamp:
        return _cache[key][1]
    import yaml  # only when a rate is missing: keeps the package quick to import

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CalculatorError(f"汇率表 {path.name} 无法读取：{type(exc).__name__}", None)
    if raw is None:
        table = {}
    elif isinstance(raw, dict) and set(raw) <= {"rates"}:
        table = parse_table(raw.get("rates"), f" {path.name} ")
    else:
        _table_error(f" {path.name} ", "顶层应为 rates: [...]")
    _cache[key] = (stamp, table)
    return table


def _table(rate_table):
    if rate_table is None or isinstance(rate_table, (str, os.PathLike)):
        return load_table(rate_table)
    return parse_table(rate_table)


def missing_rates(data: dict, needed: list, rate_table=None) -> list:
    """Needed rate fields neither the caller nor the table supplies, with Chinese messages."""
    out = []
    for field in needed:
        if field in data:
            continue
        year = rate_year(data, field)
        if year is not None and year in _table(rate_table):
            continue
        out.append({"field": field, "year": year, "message": missing_message(data, field)})
    return out


def resolve(data: dict, needed: list, rate_table=None):
    """({field: rate}, rates_used, notes) for the needed fields, or CalculatorError."""
    rates, used, notes = {}, {}, []
    for field in needed:
        year = rate_year(data, field)
        key = str(year) if year is not None else field
        if field in data:
            rates[field] = data[field]
        elif year is not None and year in _table(rate_table):
            rates[field], source = _table(rate_table)[year]
            notes.append(f"{year}年美元兑人民币年平均中间价未提供，按汇率表取{plain(rates[field])}（来源：{source}）。")
        else:
            raise CalculatorError(missing_message(data, field) + "，无法将离岸美元金额折合为人民币。", field)
        used[key] = rates[field]
    return rates, used, notes
