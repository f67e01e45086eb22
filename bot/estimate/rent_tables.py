"""A rent table pasted for 三（八）3, read as the year's rent and the area it stands for.

「楼层 面积(㎡) 租金(元/㎡/月) / 8F 900 50 / 9F 600 50 / 合计 1500 50」: each row's year's rent is its area × its price
per square metre × the periods of a year (12 months; for a day's price the user's days of a year, else 365, said);
a 月租金 column is the row's month's rent × 12, a 年租金 column the row's year's rent. The rows are added and a total
row is never counted again (its area, when given, must be the rows' sum, else nothing is guessed and the user
is told). The table is replaced by 「租赁面积…平方米，年租金…元」 and a note shows the arithmetic. Words:
knowledge/data/pasted_tables.yml rent_table.
"""

import re
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from typing import List, Optional, Tuple

import yaml

from bot.estimate import rent_price
from bot.estimate.tables import WORDS_FILE

NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
BRACKET = re.compile(r"[(（\[【]([^()（）\[\]【】]*)[)）\]】]")


@lru_cache(maxsize=1)
def _words() -> dict:
    """knowledge/data/pasted_tables.yml rent_table."""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["rent_table"]


def _cells(line: str) -> List[str]:
    """A line's cells, split at tabs, | and spaces; a bracketed unit typed apart from its name (「面积 (㎡)」) joins it."""
    out: List[str] = []
    for cell in re.split(r"[\t|｜]+|\s+", line.strip().strip("|｜")):
        if not cell:
            continue
        if out and BRACKET.fullmatch(cell):
            out[-1] += cell
        else:
            out.append(cell)
    return out


def _has(words, text: str) -> bool:
    return any(w.casefold() in text.casefold() for w in words)


def _money_unit(text: str) -> Optional[Decimal]:
    """The yuan a money unit written in `text` stands for (万元 → 10000), None when no money unit is written."""
    for unit in sorted(_words()["money"], key=len, reverse=True):
        if unit in text:
            return Decimal(_words()["money"][unit])
    return None


class Column:
    """The rent column: per ㎡ or the row's whole rent, its period (day / month / year) and money unit (None: unsaid)."""

    def __init__(self, header: str):
        w = _words()
        self.header = header
        self.per_area = _has(w["area_units"], header) or any(header.startswith(n) for n in w["per_area_names"])
        self.period = rent_price.period(header)
        self.unit = _money_unit(BRACKET.sub(lambda m: m.group(1), header).replace("单价", ""))

    def cell_terms(self, cell: str) -> Tuple[bool, Optional[str], Optional[Decimal]]:
        """(per ㎡, period, yuan per unit) of one cell: its own unit words (「50元/㎡/月」) over the column's."""
        rest = NUMBER.sub("", cell, count=1)
        per_area = self.per_area or _has(_words()["area_units"], rest)
        period = rent_price.period(rest) if rest else None
        return per_area, period or self.period, _money_unit(rest) or self.unit


def _area_column(cells: List[str]) -> Optional[int]:
    w = _words()
    return next((k for k, c in enumerate(cells) if any(c.startswith(n) for n in w["area"])), None)


def _rent_column(cells: List[str]) -> Optional[int]:
    w = _words()
    return next((k for k, c in enumerate(cells) if any(c.startswith(n) for n in w["rent"])), None)


def _number(cell: str) -> Optional[Decimal]:
    m = NUMBER.match(cell.strip())
    if m is None:
        return None
    try:
        return Decimal(m.group().replace(",", ""))
    except InvalidOperation:
        return None


def _plain(d: Decimal) -> str:
    d = d.normalize()
    return f"{d:f}"


PERIOD_WORD = {"day": "天", "month": "月", "year": "年"}


def read_rent_tables(text: str) -> Tuple[str, List[str], List[str]]:
    """(the text with each rent table said as 「租赁面积…平方米，年租金…元」, notes showing the arithmetic, problems
    naming what is unclear). A table whose cells' roles are unclear is left as it was and named in the problems."""
    lines = text.split("\n")
    notes: List[str] = []
    problems: List[str] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        a, r = _area_column(header), _rent_column(header)
        if a is None or r is None or len(header) < 2:
            i += 1
            continue
        rows, j = [], i + 1
        while j < len(lines):
            cells = _cells(lines[j])
            if cells and all(re.fullmatch(r":?-{2,}:?", x) for x in cells):  # 「|---|---|」: a markdown table's rule
                j += 1
                continue
            if len(cells) != len(header) or _number(cells[a]) is None or _number(cells[r]) is None:
                break
            rows.append(cells)
            j += 1
        if not rows:
            i += 1
            continue
        said, note, problem = _read(header, a, r, rows, text)
        if said is None:  # the cells' roles unclear: left out of the reading, never guessed
            problems.append(problem)
            lines[i:j] = [""]
            i += 1
            continue
        lines[i:j] = [said]
        notes.append(note)
        i += 1
    return "\n".join(lines), notes, problems


def _read(header, a: int, r: int, rows, text: str):
    """(sentence, note, None) for a table read; (None, None, problem) when something in it is unclear."""
    totals = [c for c in rows if _has(_words()["total_row"], c[0]) and not NUMBER.fullmatch(c[0])]
    rows = [c for c in rows if c not in totals]
    head = "、".join(header)
    if not rows:
        return None, None, f"您贴的租金表（{head}）只有合计行，请告诉我租赁面积和全年租金。"
    column = Column(header[r])
    area = sum(_number(c[a]) for c in rows)
    if totals and (_number(totals[-1][a]) or area) != area:
        return (
            None,
            None,
            (
                f"您贴的租金表（{head}）各行面积相加是{_plain(area)}平方米，合计行写的是{_plain(_number(totals[-1][a]))}"
                "平方米，两者对不上，我不猜哪个对，表里的数字先不计入。请告诉我租赁面积和全年租金。"
            ),
        )
    annual, parts, calendar = Decimal(0), [], ""
    for c in rows:
        per_area, period, unit = column.cell_terms(c[r])
        if period is None or unit is None and not per_area:
            said = "时间（每月、每天还是每年）" if period is None else "单位（元还是万元）"
            return (
                None,
                None,
                (
                    f"您贴的租金表里“{header[r]}”一列没有写明{said}，我不猜，表里的数字先不计入。"
                    "请告诉我租赁面积和全年租金，或每平方米每月的租金。"
                ),
            )
        times = {"month": Decimal(12), "year": Decimal(1)}.get(period)
        if times is None:  # a day's price: the user's days of a year, else the calendar year's (said in the note)
            days, said = rent_price.days_of_year(text)
            times, calendar = Decimal(days), "" if said else f"（按一年{days}天计）"
        price = _number(c[r]) * (unit or Decimal(1))
        row_area = _number(c[a])
        label = f"{c[0].upper() if re.fullmatch(r'[0-9a-z]+', c[0]) else c[0]} " if c[0] not in (c[a], c[r]) else ""
        if per_area:
            annual += row_area * price * times
            parts.append(
                f"{label}{_plain(row_area)}平方米 × {_plain(price)}元/平方米/{PERIOD_WORD[period]} × {_plain(times)}"
            )
        elif period == "year":
            annual += price
            parts.append(f"{label}{_plain(price)}元")
        else:
            annual += price * times
            parts.append(f"{label}{_plain(price)}元/{PERIOD_WORD[period]} × {_plain(times)}")
    return (
        f"租赁面积{_plain(area)}平方米，年租金{_plain(annual)}元。",
        _shown(parts + [calendar], area, totals, annual),
        None,
    )


def _shown(parts, area: Decimal, totals, annual: Decimal) -> str:
    """The note that shows how the table was read (the rows' arithmetic, a day's price's days of a year when not the
    user's, the area, the total row not counted)."""
    *parts, calendar = parts
    note = (
        "按您贴的租金表：" + " + ".join(parts) + f"{calendar} = 年租金{_plain(annual)}元，租赁面积{_plain(area)}平方米"
    )
    return note + ("（合计行不重复计入）" if totals else "")
