"""A small table pasted from a spreadsheet, read as the sentences it stands for.

Finance staff paste 「年度 在岸(万元) 离岸(万美元) 汇率 / 2023 1800 120 7.0467 / 2024 2300 260 7.1217」: a header
row names each column, its words and its unit in brackets; each row below gives a year and one cell per column. A
cell has the role its column gives it, in the year of its row: 「2023年在岸1800万元，离岸120万美元，汇率7.0467；…」 is
what the table says, and that is what the reader reads (so 2023 is a year, never a rate or an amount). A table
turned round (「项目 2023 2024 / 在岸(万元) 1320 1850 / 汇率 6.9 7.1」) is read the same way.

Declarative: the header's words and units are in knowledge/data/pasted_tables.yml. When a cell's role is unclear
nothing is guessed: a table whose rows do not fit its header (a row one cell short) is left out of the reading and
the user is told so, naming the header and how to say the figures; a column with no unit is named and asked again
with its unit.
"""

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from dataclasses import dataclass
from typing import List, Optional, Tuple

import yaml

WORDS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "pasted_tables.yml"

_TOKEN = re.compile(r"[^\s|｜]+")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?:年度?)?")
_CELL = re.compile(
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?P<mult>(?i:mn|m|k|w))?"
    r"(?P<unit>万元|万美元|美元|元|万|亿元|亿)?"
)
_LABEL = re.compile(
    r"(?P<name>[^\s()（）\[\]【】0-9][^\s()（）\[\]【】]{0,15}?)\s*(?:[(（\[【]\s*(?P<unit>[^()（）\[\]【】]{1,6})\s*[)）\]】])?"
)
_BRACKET = re.compile(r"[(（\[【]\s*[^()（）\[\]【】]{1,6}\s*[)）\]】]")


@lru_cache(maxsize=1)
def table_words() -> dict:
    """knowledge/data/pasted_tables.yml: the header words of a year column, units, rate words, empty cells."""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["tables"]


def _tokens(text: str) -> List[Tuple[int, int, str]]:
    """Cells of the pasted text, split at spaces, tabs, line breaks and | — a bracketed unit typed apart from its
    label (「在岸 (万元)」) joins the label."""
    out: List[Tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text):
        if re.fullmatch(r"(?::?-{2,}:?\|?)+", m.group()):
            continue  # 「|---|---|」: a markdown table's rule, no cell
        if out and _BRACKET.fullmatch(m.group()) and not _is_cell(out[-1][2]):
            s, _, t = out[-1]
            out[-1] = (s, m.end(), t + m.group())
        else:
            out.append((m.start(), m.end(), m.group()))
    return out


def _is_year(token: str) -> bool:
    """「2023」「2023年度」, or a year said as a word (「去年」「今年」, pasted_tables.yml year_words)."""
    return _YEAR.fullmatch(token) is not None or token in table_words()["year_words"]


def _year_words(year: str) -> str:
    """The row's year as the reader reads it: 「2023」 → 「2023年」, 「去年」 as said."""
    return f"{year[:4]}年" if year[:1].isdigit() else year


def _is_cell(token: str) -> bool:
    return _CELL.fullmatch(token) is not None or token in table_words()["empty"] or _hedged(token) is not None


def _hedged(token: str) -> Optional[Tuple[str, str, str]]:
    """「2900左右」「约3260」「2900多」 → (hedge before, the figure's cell, hedge after); None for any other token."""
    h = table_words().get("hedges") or {}
    before = "|".join(map(re.escape, sorted(h.get("before", []), key=len, reverse=True))) or "(?!)"
    after = "|".join(map(re.escape, sorted(h.get("after_unit", []) + h.get("after_number", []), key=len, reverse=True)))
    m = re.fullmatch(rf"(?P<pre>{before})?(?P<cell>.+?)(?P<post>{after or '(?!)'})?", token)
    if m is None or not (m.group("pre") or m.group("post")) or _CELL.fullmatch(m.group("cell")) is None:
        return None
    return m.group("pre") or "", m.group("cell"), m.group("post") or ""


def _label(token: str) -> Optional[Tuple[str, str, bool]]:
    """A header label: its words, the unit its cells are written with, and whether it names a rate; None when
    the token is no label (a number, a sentence)."""
    if _is_cell(token) or _is_year(token):
        return None
    m = _LABEL.fullmatch(token)
    if m is None:
        return None
    words = table_words()
    name, unit = m.group("name").rstrip(":："), m.group("unit")
    rate = any(w in name for w in words["rate_words"])
    if unit is not None:
        if rate:
            unit = ""  # 「汇率(美元兑人民币)」: the bracket says what the rate converts, not a unit of its cells
        elif (key := _unit_key(unit)) is not None:
            unit = words["units"][key]
        else:
            return None
    return name, unit or "", rate


def _unit_key(unit: str) -> Optional[str]:
    """The units entry a bracket names, in any letter case (the reader's text is lower case: 「离岸(usd)」)."""
    units = table_words()["units"]
    return next((k for k in units if k.casefold() == unit.strip().casefold()), None)


def _rate_word(name: str) -> str:
    """The rate word a rate column's label holds: 「当年中间价均值」「美元中间价(年均)」 → 「中间价」. The cell is the rate of
    its row's year, so the label's other words (当年 read as this year, 均 as 'both years') are not repeated."""
    words = table_words()
    word = next(w for w in words["rate_words"] if w in name)
    if word.isascii():  # 「rate」「fx rate」: the column's rate said in Chinese, the way the reader knows it
        return words["rate_words"][0]
    head = name[: name.index(word)]
    drop = "|".join(map(re.escape, sorted(words["rate_label_drop"], key=len, reverse=True)))
    return re.sub(rf"(?<![0-9])(?:{drop})", "", head) + word  # 「2025年度…中间价」 keeps its year


def _cell_words(label: Tuple[str, str, bool], cell: str) -> str:
    """「在岸」「万元」 and 「1320」 → 「在岸1320万元」; an empty cell says nothing."""
    if cell in table_words()["empty"]:
        return ""
    hedged = _hedged(cell)
    if hedged is not None:  # 「2900左右」: the figure's words with the hedge where Chinese says it
        pre, figure, post = hedged
        said = _cell_words(label, figure)
        if post in (table_words()["hedges"].get("after_number") or []):
            at = re.search(r"[0-9.,]+", said).end()
            return said[:at] + post + said[at:]
        return said.replace(figure, pre + figure, 1) + post
    name, unit, rate = label
    if name[-1:].isascii() and name[-1:].isalpha():
        name += " "  # 「offshore 1,900K美元」: an English label stays a word of its own (the glossary reads it)
    m = _CELL.fullmatch(cell)
    if rate:
        return f"{_rate_word(name)}{cell}"
    if m.group("mult") and unit.startswith("万"):  # 「1.2M」 under 离岸(万美元): the cell's own magnitude counts
        unit = unit[1:]
    if m.group("unit") in ("万", "亿") and unit in ("元", "美元"):  # 「120万」 under 离岸(美元): 120万美元
        return f"{name}{cell}{unit}"
    return f"{name}{cell}" if m.group("unit") else f"{name}{cell}{unit}"


def _unitless(rows, k: int) -> bool:
    """Some cell of column k has no unit of its own (「在岸 / 2023 1800」; 「1800万」 has one)."""
    return any(
        (m := _CELL.fullmatch(cells[k])) is not None and not m.group("unit") for _, cells in rows if k < len(cells)
    )


def _derived_totals(labels) -> List[int]:
    """The columns of each year's total (pasted_tables.yml total_column: 「合计(万元)」), and of the offshore dollars
    converted (「离岸折人民币(万元)」 beside 「离岸(万美元)」), in a table that has an onshore and an offshore column too:
    they are what those give (onshore + offshore × the year's rate), worked out and shown by the estimate; these
    columns are left out of the reading, never read as an amount of their own (with no rate column, each year's rate
    is asked)."""
    from bot.estimate.reading import OFFSHORE, ONSHORE

    totals = [k for k, (name, _, rate) in enumerate(labels) if not rate and _names_total(name)]
    dollars = [k for k, (name, unit, _) in enumerate(labels) if re.search(OFFSHORE, name) and "美元" in unit]
    if dollars:  # 「离岸(万美元) 离岸折人民币(万元)」: the offshore dollars converted at the row's rate
        totals += [
            k
            for k, (name, unit, rate) in enumerate(labels)
            if not rate and k not in totals and re.search(OFFSHORE, name) and unit.endswith("元") and "美元" not in unit
        ]
    names = [name for k, (name, _, _) in enumerate(labels) if k not in totals]
    has = any(re.search(ONSHORE, n) for n in names) and any(re.search(OFFSHORE, n) for n in names)
    return totals if has else []


def _names_total(name: str) -> bool:
    words = table_words()["total_column"]
    return any(w in name.casefold() for w in words)


def _sentences(rows: List[Tuple[str, List[str]]], labels) -> str:
    drop = _derived_totals(labels)
    if drop:
        labels = [lab for k, lab in enumerate(labels) if k not in drop]
        rows = [(y, [c for k, c in enumerate(cells) if k not in drop]) for y, cells in rows]
    said = []
    for year, cells in rows:
        parts = [w for w in (_cell_words(lab, c) for lab, c in zip(labels, cells)) if w]
        if parts:
            said.append(_year_words(year) + "，".join(parts))
    return "；".join(said) + "。" if said else ""


def _by_rows(tokens, i) -> Optional[Tuple[int, Optional[str], list, list]]:
    """「年度 在岸(万元) 离岸(万美元) 汇率 2023 1800 120 7.0467 2024 …」 from token i: (last token, sentences,
    labels); sentences None when the rows do not fit the header."""
    labels, j = [], i + 1
    while j < len(tokens) and (lab := _label(tokens[j][2])) is not None:
        labels.append(lab)
        j += 1
    run = j
    while run < len(tokens) and (_is_cell(tokens[run][2]) or _is_year(tokens[run][2])):
        run += 1
    width = len(labels) + 1
    cells = [t[2] for t in tokens[j:run]]
    if not labels or not cells or not _is_year(cells[0]):
        return None
    rows = [(cells[k], cells[k + 1 : k + width]) for k in range(0, len(cells), width)]
    years = [y for y, _ in rows]
    fits = (
        len(cells) % width == 0
        and all(_is_year(y) for y in years)
        and len(set(years)) == len(years)
        and not any(_is_year(c) and not _CELL.fullmatch(c) for _, row in rows for c in row)
    )
    return run - 1, (_sentences(rows, labels) if fits else None), labels, rows


def _line_cells(line: str) -> List[str]:
    """A line's cells: split at tabs and | when it has them (an empty cell kept, 「2024\t1,580\t」 has an empty last
    cell; a markdown row's outer | dropped), else at spaces."""
    if re.search(r"[\t|｜]", line):
        cells = [c.strip() for c in re.split(r"[\t|｜]", line.strip().strip("|｜"))]
        return cells
    return line.split()


def _remark_column(label, cells: List[str]) -> bool:
    """A column that holds no figure: headed by a remark word (备注, 说明…, pasted_tables.yml remark), or any header
    whose cells are all words with no digit (「已填报」「预计」) or empty."""
    if label[1] or label[2]:
        return False  # a unit or a rate: a figure's column
    if any(w in label[0] for w in table_words()["remark"]):
        return True
    return all(not _is_cell(c) and not re.search(r"[0-9]", c) for c in cells if c) and any(cells)


def _by_lines(text: str, tokens, i) -> Optional[Tuple[int, Optional[str], list, list]]:
    """「年度\t在岸(万元)\t备注 / 2023\t1,236.50\t已填报」 from token i, one row a line: a remark column (_remark_column)
    holds no figure and is left out, its cell may be empty; the other columns are read as by rows. None unless the
    header and every row are whole lines, each row a year and one cell per column (a remark cell left empty at the
    line's end may be missing), and every cell of the other columns a figure or an empty mark."""
    start = text.rfind("\n", 0, tokens[i][0]) + 1
    header = _line_cells(text[start : text.find("\n", start) if "\n" in text[start:] else len(text)])
    if not header or header[0] != tokens[i][2]:
        return None
    labels = [_label(c) for c in header[1:]]
    if not labels or None in labels:
        return None
    rows, end = [], text.find("\n", start)
    while end != -1:
        nxt = text.find("\n", end + 1)
        line = text[end + 1 : nxt if nxt != -1 else len(text)]
        cells = _line_cells(line)
        if re.fullmatch(r"[\s|｜:-]*-[\s|｜:-]*", line):
            end = nxt  # 「|---|---|」: a markdown table's rule
            continue
        if not cells or not _is_year(cells[0]):
            break
        rows.append((cells[0], cells[1:] + [""] * (len(labels) - len(cells) + 1)))
        if len(cells) > len(labels) + 1:
            return None
        last_end = end + 1 + len(line.rstrip())
        end = nxt
    if not rows:
        return None
    remarks = [c for c, lab in enumerate(labels) if _remark_column(lab, [r[c] for _, r in rows])]
    keep = [c for c in range(len(labels)) if c not in remarks]
    if not remarks or not keep:
        return None
    if any(r[c] and not _is_cell(r[c]) for _, r in rows for c in keep):
        return None  # a word under a figure's column: the row does not fit
    rows = [(y, [c or "-" for c in r]) for y, r in rows]  # 「2023\t1200\t\t无离岸」: a cell left empty, no figure
    years = [y for y, _ in rows]
    if len(set(years)) < len(years):
        return None
    labels = [labels[c] for c in keep]
    rows = [(y, [r[c] for c in keep]) for y, r in rows]
    last = max(k for k, t in enumerate(tokens) if t[0] < last_end)
    return last, _sentences(rows, labels), labels, rows


def _turned(tokens, i, corner: bool = True) -> Optional[Tuple[int, Optional[str], list, list]]:
    """「项目 2023 2024 在岸(万元) 1320 1850 汇率 6.9 7.1」 from token i: (last token, sentences). With no corner cell
    (the spreadsheet's corner left empty: a line of two years or more, then the rows) the years start at token i."""
    years, j = [], i + 1 if corner else i
    while j < len(tokens) and _is_year(tokens[j][2]):
        years.append(tokens[j][2])
        j += 1
    if not years or len(set(years)) < len(years) or (not corner and len(years) < 2):
        return None
    labels, columns, last = [], [], None
    while j < len(tokens) and (lab := _label(tokens[j][2])) is not None:
        row = [t[2] for t in tokens[j + 1 : j + 1 + len(years)]]
        if len(row) < len(years) or not all(_is_cell(c) for c in row):
            break
        labels.append(lab)
        columns.append(row)
        last = j + len(years)
        j = last + 1
    if not labels or (j < len(tokens) and _is_cell(tokens[j][2])):
        return None
    rows = [(y, [col[k] for col in columns]) for k, y in enumerate(years)]
    return last, _sentences(rows, labels), labels, rows


def _starts_line(text: str, start: int) -> bool:
    """Only spaces or tabs stand between the line's start and this cell (「\t2024年\t2025年」)."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _in_prose(text: str, tokens, i: int) -> bool:
    """「I want to check 离岸奖励 for three years 2021年…」: an English head word (years, fy) after another English word
    on its line is part of a sentence, no table's header."""
    head = tokens[i][2]
    if not re.fullmatch(r"[A-Za-z]+", head) or i == 0:
        return False
    before = tokens[i - 1]
    same_line = "\n" not in text[before[1] : tokens[i][0]]
    return same_line and re.fullmatch(r"[A-Za-z]+", before[2]) is not None


def _header(labels) -> str:
    return "、".join(name + (f"({unit})" if unit else "") for name, unit, _ in labels)


def drop_bullets(text: str) -> str:
    """「- 2022年 在岸执行额：1,500万\n- 2023年 …」: a list's bullet mark at a line's start is no figure's sign or range
    (「1,500万\n- 2023年」 is no span from 1,500万 to 2023年); the mark is dropped, the line kept."""
    return re.sub(r"(?m)^([ \t]*)[-*•·][ \t]+(?=\S)", r"\1", text)


def read_tables(text: str) -> Tuple[str, List[str]]:
    """The text with each pasted table rewritten as the sentences it stands for, and what to tell the user about
    the tables whose cells' roles are unclear (rows that do not fit the header: left out, never guessed; a column
    with no unit: its figures named and asked again with their unit)."""
    words = table_words()
    tokens = _tokens(text)
    out, problems, pos, i = [], [], 0, 0
    while i < len(tokens):
        head = tokens[i][2].rstrip(":：")
        read = None
        if head in words["year_column"] and not _in_prose(text, tokens, i):
            read = _by_rows(tokens, i)
        if read is not None and read[1] is None:
            read = _by_lines(text, tokens, i) or read
        if (read is None or read[1] is None) and head in words["corner"]:
            read = _turned(tokens, i) or read
        if read is None and _is_year(head) and _starts_line(text, tokens[i][0]):
            read = _turned(tokens, i, corner=False)
        if read is None or read[1] == "":
            i += 1
            continue
        last, said, labels, rows = read
        if said is None:
            problems.append(
                f"您贴的表格表头是“{head}、{_header(labels)}”，但下面各行的数字个数和表头对不上"
                f"（每行应是1个年份加{len(labels)}个数），我不猜每个数属于哪一列，这张表里的数字先不计入。"
                f"请逐年告诉我，例如“2024年 {_example(labels)}”。"
            )
            said = ""
        else:
            bare = [name for k, (name, unit, rate) in enumerate(labels) if not (unit or rate) and _unitless(rows, k)]
            if bare:
                problems.append(
                    f"表格里“{'”“'.join(bare)}”一列没有写单位（元、万元还是美元），这一列的数字先不计入。"
                    f"请带上单位再说一遍，例如“2024年 {_example(labels)}”。"
                )
        out.append(text[pos : tokens[i][0]])
        out.append(said)
        pos = tokens[last][1]
        i = last + 1
    out.append(text[pos:])
    return "".join(out), problems


def tables_read(text: str) -> str:
    """The text with each pasted table of years said as its sentences, for every reader of the message (the router's
    question parts, the verdicts, the estimate): 「…分别多少，合计多少\n年度 在岸(万元) …\n2022 3200 …」 is a question
    beside the figures, not a question whose words are the table. Unchanged when a table's cells' roles are unclear
    (read_tables' problems): the estimate reads the table itself and tells the user."""
    read, problems = read_tables(text or "")
    return text if problems else read


def _example(labels) -> str:
    return " ".join(f"{name}…" + (unit or ("" if rate else "万元")) for name, unit, rate in labels)


@lru_cache(maxsize=1)
def _column_marks() -> list:
    """knowledge/data/estimate_words.yml table_column_marks: what splits a pasted table's cells."""
    path = WORDS_FILE.parent / "estimate_words.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["table_column_marks"]


def read_labelled_rows(text: str) -> str:
    """「展会 | 地点 | 展位费 | 特装/宣传 | 差旅」 over 「服贸会 | 北京 | 3.5万 | 特装1万 | 0.8万」: each bare figure
    of a row is written after its column's name (「展位费3.5万 特装1万 差旅0.8万」), so each figure has the role
    its column gives it (差旅 is named as not covered, never added to the fair's cost); cells with words of their
    own keep them. Rows whose cell count differs from the header's are left as they are."""
    marks = _column_marks()
    split = re.compile("|".join(re.escape(m) for m in marks))
    lines = text.split("\n")
    out, labels, item_rows = [], None, None
    for line in lines:
        if not split.search(line):
            labels, item_rows = None, None
            out.append(line)
            continue
        cells = [c.strip() for c in split.split(line.strip().strip("|｜").strip())]
        if all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
            out.append(line)  # 「|---|---|」: a markdown table's rule under its header, no cells and no header
            continue
        if labels is None and item_rows is None and (item_rows := _item_columns(cells)) is not None:
            out.append(line)
            continue
        if labels is None and item_rows is None:
            labels = _header_of(cells)
            out.append(line)
            continue
        if item_rows is not None:
            out.append(_item_row(item_rows, cells) or line)
            continue
        if cells and cells[0].replace(" ", "") in _TOTAL_ROWS:
            continue  # 「合计 | | 55000 | 12000」: the rows' sums, no item of its own (each row is read)
        notes = table_words()["item_table"]["note"]
        if len(labels) - len(cells) == 1 and labels[-1][0] in notes:
            cells = cells + [""]  # 「服贸会 北京 30000 10000 6000」 under 「… 备注」: the empty remark the paste lost
        if len(cells) != len(labels):
            header = _header_of(cells)
            if header is not None:
                labels = header  # 「说明文字 从台账拷的：」 over 「项目 类型 费用(元)」: the row that fits no header is the header
            out.append(line)
            continue
        out.append(_labelled_row(labels, cells))
    return "\n".join(out)


_TOTAL_ROWS = ("合计", "总计", "小计", "共计", "合共", "总额", "汇总", "total", "sum")


def _header_of(cells: List[str]) -> Optional[list]:
    """The labels of a header row (two or more cells, each a label with no figure), or None."""
    header = [_label(c.replace(" ", "")) if c and not re.search(r"\d", c) else None for c in cells]
    if len(cells) >= 2 and all(header) and cells[0] not in table_words()["year_column"]:
        return header
    return None


def _labelled_row(labels, cells: List[str]) -> str:
    """One row of a labelled table as words: each bare figure after its column's name (a count column's as that many
    people or fairs: 「人数 5」 → 「5人」; a cost column's name without words that only say it is claimed: 「可补贴费用」 →
    「费用」), and the cells of words that describe the row's first cell (「境内」「资质(新获得)」「本科」) in brackets after
    it, so that 「法兰克福服务贸易展（境外） 费用96,000元」 is a fair's cost, not an offshore amount."""
    words = table_words()
    first, aside, rest = cells[0], [], []
    for k, (lab, c) in enumerate(zip(labels, cells)):
        if k == 0:
            continue
        if not _is_cell(c):
            (aside if first and not _is_cell(first) and not re.search(r"[0-9]", c) else rest).append(c)
        elif lab[0] in words["count_columns"] and c not in words["empty"] and not _CELL.fullmatch(c).group("unit"):
            rest.append(f"{c}{words['count_columns'][lab[0]]}")
        else:
            name = re.sub("|".join(map(re.escape, words["claimed_words"])), "", lab[0]) or lab[0]
            rest.append(_cell_words((name, lab[1], lab[2]), c))
    if _is_cell(first):
        return " ".join(w for w in [_cell_words(labels[0], first)] + rest if w)
    head = first + (f"（{' '.join(aside)}）" if aside else "")
    return " ".join(w for w in [head] + rest if w)


def _item_columns(cells: List[str]) -> Optional[dict]:
    """「项目 | 金额 | 单位」: a header whose rows each name their own figure — where the item, its figure and its unit
    (if any) stand; None for any other header."""
    words = table_words()["item_table"]
    where, unit = {}, None
    for k, cell in enumerate(cells):
        name = _BRACKET.sub("", cell).strip()  # 「金额(元)」: the value column, its unit in the bracket
        for role in ("item", "value", "unit", "note"):
            if name in words[role] and role not in where:
                where[role] = k
                if role == "value" and name != cell:
                    unit = (_label(cell.replace(" ", "")) or (None, None, False))[1]
    if len(where) != len(cells) or "item" not in where or "value" not in where:
        return None
    return dict(where, heading_unit=unit) if unit else where


def _item_row(where: dict, cells: List[str]) -> Optional[str]:
    """「2025年离岸合同执行额 | 2,350,000.00 | 美元」 → 「2025年离岸合同执行额2,350,000.00美元；」; a rate row
    「2025年度美元兑人民币中间价(年均) | 7.1884」 → 「2025年度美元兑人民币中间价7.1884；」 (the bracket's words dropped, so
    the rate stands right after its name). None when the row does not give an item and a figure where the header says."""
    words = table_words()
    get = {role: cells[k] if k < len(cells) else "" for role, k in where.items() if role != "heading_unit"}
    item, value, unit = get["item"], get["value"], get.get("unit", "") or where.get("heading_unit") or ""
    if not item or _is_cell(item) or _CELL.fullmatch(value) is None or value in words["empty"]:
        return None
    item = re.sub(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])", "", item)  # 「ITSS 运维二级 年度维护费」: one name
    if any(w in item for w in words["rate_words"]):
        return f"{_rate_word(_BRACKET.sub('', item))}{value}；"
    unit = words["units"].get(unit, unit) if not _CELL.fullmatch(value).group("unit") else ""
    note = get.get("note", "").strip()
    return f"{item}{value}{unit}；" + (f"{note}；" if note else "")


def _heading_units() -> dict:
    """{unit said in a heading: unit written after each figure} (pasted_tables.yml `units` and `unit_heading`)."""
    words = table_words()
    return {**words["units"], **words["unit_heading"]["units"]}


def _heading_unit(line: str) -> Optional[str]:
    """The unit a heading line gives the bare figures below it (「投入表（单位w）：」「单位：万元」「投入明细（万元）」),
    written as it goes after a figure; None for any other line (one with a figure of its own is no heading)."""
    units = _heading_units()
    alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    opener = "|".join(re.escape(w) for w in table_words()["unit_heading"]["words"])
    m = re.search(rf"(?:{opener})\s*[:：]?\s*(?P<unit>{alt})(?![A-Za-z])", line, re.I) or re.search(
        rf"[(（]\s*(?P<unit>{alt})\s*[)）]\s*[:：]?\s*$", line, re.I
    )
    if not m or re.search(r"[0-9]", line.replace(m.group(0), "")):
        return None
    said = m.group("unit")
    return next((v for k, v in units.items() if k.lower() == said.lower()), None)


_BARE_LINE = re.compile(
    r"^(?P<label>.*[^\s0-9.,])\s*(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s*$"
)


def read_unit_heading(text: str) -> str:
    """「公共技术服务平台建设投入表（单位w）：/ 服务器/存储/网络设备 380 / 机房配套设施（UPS…）95」: each line under a
    heading that gives a unit and ends in a bare number is written with that unit (「380万」), up to the first line that
    does not end so; a line with a unit of its own is left as it is."""
    lines, unit = text.split("\n"), None
    for i, line in enumerate(lines):
        heading = _heading_unit(line)
        if heading:
            unit = heading
            continue
        m = _BARE_LINE.match(line) if unit else None
        if not m or re.search(r"[0-9]", m.group("label")[-1:]):
            unit = None
            continue
        lines[i] = line.rstrip() + unit
    return "\n".join(lines)


@lru_cache(maxsize=1)
def people_words() -> dict:
    """knowledge/data/pasted_tables.yml people_table: the header words of a list of people and how each cell is said."""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["people_table"]


@dataclass(frozen=True)
class Column:
    """A people table's column: its header as typed, its kind (name, count, cost, condition, other) and how a cell is
    said."""

    header: str
    kind: str
    say: str = "{cell}"
    yes: str = ""
    no: str = ""
    unit: str = ""


@dataclass(frozen=True)
class PersonRow:
    """One row of a people table: where it is (its line), its cells, its count of people (1 without a count column)."""

    number: int  # 1 for the first row under the header
    start: int
    end: int
    cells: Tuple[str, ...]
    count: Optional[int]  # None: the count cell is blank or no whole number

    def name(self, columns) -> str:
        """The row as said back: its name cell (「张三」), else 「第3行（中专 通过 签3年）」."""
        named = [c for col, c in zip(columns, self.cells) if col.kind == "name" and c]
        if named:
            return named[0]
        said = " ".join(
            c
            for col, c in zip(columns, self.cells)
            if col.kind != "count" and c and not (blank(c) or yes_no_mark(c, "yes") or yes_no_mark(c, "no"))
        )
        return f"第{self.number}行（{said}）" if said else f"第{self.number}行"


@dataclass(frozen=True)
class PeopleTable:
    columns: Tuple[Column, ...]
    rows: Tuple[PersonRow, ...]
    start: int  # the header line's start
    end: int  # the last row's end
    header: str  # the header line as typed
    funnel: Tuple[str, ...] = ()  # the condition columns whose cells count the row's people meeting them

    @property
    def counted(self) -> bool:
        """Whether a column gives each row's count of people (「人数」, or counts under condition columns)."""
        return bool(self.funnel) or any(c.kind == "count" for c in self.columns)

    def said(self, row: PersonRow, k: int) -> str:
        """Cell k of `row` in its column's words (「实习期(月)」 over 「2」 → 「实习期2个月」); "" when blank."""
        return cell_words(self.columns[k], row.cells[k])


def _split_row(line: str) -> List[str]:
    """A line's cells: at tabs or | (empty cells kept, a markdown row's outer | dropped), else at runs of two or more
    spaces, else at single spaces."""
    line = line.rstrip("\r")
    if re.search(r"[\t|｜]", line):
        body = line.strip(" ")
        if body[:1] in "|｜" and body[-1:] in "|｜":
            body = body[1:-1]
        return [c.strip() for c in re.split(r"[\t|｜]", body)]
    if re.search(r"\S {2,}\S", line):
        return [c.strip() for c in re.split(r" {2,}", line.strip())]
    return line.split()


def _people_column(cell: str) -> Optional[Column]:
    """The column a header cell names, or None when it names no column of a people table (a figure, a year)."""
    words = people_words()
    cell = cell.strip().rstrip(":：")
    if not cell or _is_cell(cell) or _is_year(cell):
        return None
    name = re.sub(r"\s+", "", cell)
    bare = _BRACKET.sub("", name) or name
    unit = ""
    for said, written in sorted(words["units"].items(), key=lambda x: -len(x[0])):
        bracket = re.search(rf"[(（\[【]\s*{re.escape(said)}\s*[)）\]】]", name)
        if bracket or bare.endswith(said) or f"{said}数" in bare:
            unit = written
            break
    if bare in words["name"]:
        return Column(cell, "name")
    if bare in words["count"] or name in words["count"]:
        return Column(cell, "count")
    if any(w in bare for w in words["cost"]):
        return Column(cell, "cost")  # 「培训费(万元)」「每人培训费」: a figure of money, no condition
    for col in words["columns"]:
        if any(w in bare for w in col["words"]):
            yes = col.get("yes", "")
            # 「实习满3个月」「社保是否满6个月」 over 是/否: the header says what 是 means
            if re.search(r"[0-9]", bare):
                yes = re.sub(r"是否|有没有|是不是", "", bare)
            kind = "counting" if col.get("people") else "condition"
            return Column(cell, kind, col.get("say", "{cell}"), yes, col.get("no", ""), unit)
    if len(bare) > 12 or re.search(r"[0-9]", bare):
        return None
    return Column(cell, "other")


def yes_no_mark(cell: str, which: str) -> bool:
    return cell.strip().lower() in [str(w).lower() for w in people_words()[which]]


def blank(cell: str) -> bool:
    """A cell that says nothing (left empty, 「-」「待定」)."""
    return yes_no_mark(cell, "blank")


def cell_words(column: Column, cell: str) -> str:
    """A cell in its column's words: a yes / no mark as the column's yes / no words, a bare number with the header's
    unit (「2」 under 「实习期(月)」 → 「实习期2个月」), any other cell in the column's `say`; "" for a blank cell."""
    cell = cell.strip()
    if blank(cell) or column.kind in ("name", "count", "cost"):
        return ""
    if column.kind == "other":
        return cell
    if yes_no_mark(cell, "yes") and column.yes:
        return column.yes
    if yes_no_mark(cell, "no") and column.no:
        return column.no
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", cell):
        if not column.unit:
            return ""  # 「实习期 / 4」: four what? the cell is read as saying nothing (asked)
        cell += column.unit
    return column.say.replace("{cell}", cell)


def _row_count(cell: str) -> Optional[int]:
    m = re.fullmatch(r"\s*([0-9]+)\s*(?:人|名|个|位)?\s*", cell)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


@lru_cache(maxsize=256)
def people_table(text: str) -> Optional[PeopleTable]:
    """The first list of people pasted as a table in `text` (normalised): a header line whose cells name a row's
    person or count and at least one person condition (pasted_tables.yml people_table), then the lines below with as
    many cells (a blank cell kept; a 合计 row skipped), one person or group each. None when there is no such table."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    for i, (start, end, line) in enumerate(lines):
        cells = _split_row(line)
        if len(cells) < 2 or (len(cells) == 2 and not re.search(r"[\t|｜]", line)):
            continue
        if any(len(c) > 10 for c in cells):
            continue  # a sentence split at its spaces, no header of short column names
        columns = [_people_column(c) for c in cells]
        if None in columns or cells[0] in table_words()["year_column"]:
            continue
        kinds = [c.kind for c in columns]
        if (
            not {"condition", "counting"} & set(kinds)
            or sum(k != "other" for k in kinds) < 2
            or kinds.count("count") > 1
        ):
            continue
        rows, last = [], end
        for start2, end2, line2 in lines[i + 1 :]:
            if not line2.strip():
                if rows:
                    break
                continue
            if bool(re.search(r"[\t|｜]", line2)) != bool(re.search(r"[\t|｜]", line)):
                break  # the rows are split as the header is (tabs under tabs, spaces under spaces)
            row = _split_row(line2)
            if re.search(r"[\t|｜]", line2) and len(row) < len(cells):
                row += [""] * (len(cells) - len(row))  # the blank cells at the line's end a paste drops
            if len(row) != len(cells):
                break
            if re.fullmatch(r"[\s|｜:-]*-[\s|｜:-]*", line2):
                continue  # 「|---|---|」: a markdown table's rule
            if row[0].replace(" ", "") in _TOTAL_ROWS:
                last = end2
                continue
            count = next((_row_count(c) for col, c in zip(columns, row) if col.kind == "count"), 1)
            rows.append(PersonRow(len(rows) + 1, start2, end2, tuple(row), count))
            last = end2
        if len(rows) >= 1:
            return _counted_columns(PeopleTable(tuple(columns), tuple(rows), start, last, line))
    return None


def _whole(cell: str) -> Optional[int]:
    m = re.fullmatch(r"\s*([0-9]+)\s*(?:人|名|个|位)?\s*", cell)
    return int(m.group(1)) if m else None


def _counted_columns(table: PeopleTable) -> PeopleTable:
    """「学历 培训人数 考核通过 已签1年以上劳动合同 / 本科 40 38 35 / 中专 16 16 16」: condition columns that may count
    people (pasted_tables.yml `people`) whose every cell is a whole number, none above the row's 人数, count the row's
    people meeting them, each column inside the one before it: the row's people meeting them all are its smallest
    count, and those cells are the condition met. The table as it is otherwise."""
    counting = [k for k, col in enumerate(table.columns) if col.kind == "counting"]
    numeric = [
        k for k in counting if not table.columns[k].unit and all(_whole(row.cells[k]) is not None for row in table.rows)
    ]
    said = next((k for k, col in enumerate(table.columns) if col.kind == "count"), None)
    if numeric and said is not None:  # 「培训人数 40 / 考核通过 41」: no count of the row's people
        numeric = [k for k in numeric if all(_whole(r.cells[k]) <= (r.count or 0) for r in table.rows)]
    columns = tuple(
        Column(col.header, "condition", col.say, col.yes, col.no, col.unit) if col.kind == "counting" else col
        for col in table.columns
    )
    if not numeric or set(counting) - set(numeric):
        return PeopleTable(columns, table.rows, table.start, table.end, table.header)
    yes = people_words()["yes"][0]
    rows = tuple(
        PersonRow(
            row.number,
            row.start,
            row.end,
            tuple(yes if k in numeric else c for k, c in enumerate(row.cells)),
            min(_whole(row.cells[k]) for k in numeric),
        )
        for row in table.rows
    )
    funnel = tuple(table.columns[k].header for k in numeric)
    return PeopleTable(columns, rows, table.start, table.end, table.header, funnel)


def row_cost(header: str, cell: str):
    """A cost cell in yuan (Decimal) as its column says it: its own unit (「4万」), else the header's (「费用(元)」 over
    「40000」, 「培训费(万元)」 over 「4」); None for a blank cell, a bare number with no unit anywhere, or no figure."""
    from calculator.figures_zh import parse_figures

    cell = cell.strip().replace(",", "")
    if blank(cell) or _CELL.fullmatch(cell) is None:
        return None
    m = _CELL.fullmatch(cell)
    if not (m.group("unit") or m.group("mult")):
        label = _label(re.sub(r"\s+", "", header))
        if label is None or not label[1]:
            return None
        cell += label[1]
    found = [f for f in parse_figures(f"费用{cell}") if f.kind == "money" and f.currency in (None, "CNY")]
    return found[0].value if len(found) == 1 else None


# ---- a table of fairs: the header row gives each column its role (pasted_tables.yml fair_table) -------------------


def _fair_words() -> dict:
    return table_words()["fair_table"]


def _cells_of(line: str, marked: bool) -> List[str]:
    """A line's cells: split at tabs and | (a markdown row's outer | dropped) when the table is marked so, else at
    spaces."""
    if marked:
        return [c.strip() for c in re.split(r"[\t|｜]", line.strip().strip("|｜"))]
    return line.split()


_COMPOUND = re.compile(r"(?P<name>[^()（）\[\]【】]*?)\s*[(（\[【](?P<inner>[^()（）\[\]【】]{2,40})[)）\]】]\s*")
_KINDS_SPLIT = re.compile(r"[，,;；、+＋/／\s]|及|和|与|加")


def plain_header_cell(cell: str) -> str:
    """A header cell naming in its bracket the cost kinds its figures hold and their unit (「费用(注册费+展位费+特装费，
    元)」「金额（含展位、特装；单位：万元）」) written as the kinds with the unit (「注册费+展位费+特装费(元)」): each row's
    figure is the sum of those kinds, in that unit, read as one fair's cost (a kind 三（五） does not cover, 差旅, stays
    named, so the figure's parts are asked). Any other cell unchanged."""
    from bot.estimate.reading import word_patterns

    m = _COMPOUND.fullmatch(cell.strip())
    if m is None:
        return cell
    p = word_patterns()
    kinds, unit = [], None
    for piece in _KINDS_SPLIT.split(m.group("inner")):
        piece = re.sub(r"^(?:单位|金额单位|计量单位)[:：]?|^(?:含|包含|包括|即)", "", piece.strip())
        if not piece:
            continue
        if _unit_key(piece) is not None and unit is None:
            unit = piece
        elif any(p[k].search(piece) or p[k].search(piece + "费") for k in ("eligible", "not_covered")):
            kinds.append(piece)
        else:
            return cell  # a bracket of other words: the cell as typed
    if not kinds:
        return cell
    return "+".join(kinds) + (f"({unit})" if unit else "")


def _header_cells(line: str, marked: bool) -> List[str]:
    """A header line's cells; split at spaces, a bracket typed with spaces inside (「费用(注册费 + 展位费, 元)」) stays
    one cell."""
    cells = _cells_of(line, marked)
    if marked:
        return cells
    out: List[str] = []
    for c in cells:
        if out and out[-1].count("(") + out[-1].count("（") > out[-1].count(")") + out[-1].count("）"):
            out[-1] += c
        else:
            out.append(c)
    return out


def _fair_role(label: str) -> str:
    """The role a header cell gives its column: name, sequence, place, date, region, designated, total, cost,
    remark or other."""
    from bot.estimate.reading import word_patterns

    w = _fair_words()
    bare = _BRACKET.sub("", label).strip().rstrip(":：").casefold()
    for role in ("name", "sequence", "place", "date"):
        if bare in (str(x).casefold() for x in w[role]):
            return role
    if any(x in bare for x in w["designated"]):
        return "designated"
    if bare in w["region"]:
        return "region"
    if bare in w["total"]:
        return "total"
    p = word_patterns()
    if p["eligible"].search(bare) or p["not_covered"].search(bare):
        return "cost"
    if any(x in bare for x in table_words()["remark"]):
        return "remark"
    return "other"


def _cell_is(cell: str, key: str) -> bool:
    """Whether a cell says `key`'s word (a region also with a word after it: 「国内展」「境外活动」)."""
    said = cell.strip().casefold()
    words = [str(x).casefold() for x in _fair_words()[key]]
    if key in ("domestic", "overseas"):
        return any(said == w or (said.startswith(w) and len(said) <= len(w) + 2) for w in words)
    return said in words


def _fair_header(cells: List[str]) -> Optional[List[str]]:
    """Each column's role when `cells` head a table of fairs (a cost column of 三（五）'s words or a total, beside a
    name, region or designation column), else None."""
    if len(cells) < 3 or any(not c or re.search(r"\d", c) or _label(c.replace(" ", "")) is None for c in cells):
        return None  # (「活动 展位费3万 特装1万」 tells figures: no header)
    roles = [_fair_role(c) for c in cells]
    from bot.estimate.reading import word_patterns

    eligible = any(r == "cost" and word_patterns()["eligible"].search(c) for r, c in zip(roles, cells))
    if not (eligible or "total" in roles) or not {"name", "region", "designated"} & set(roles):
        return None
    return roles


def _fit_row(cells: List[str], roles: List[str], marked: bool) -> Optional[List[str]]:
    """The row's cells, one per column, or None: a markdown row's empty tail padded; a name typed with spaces in a
    table split at spaces (「迪拜 GITEX 境外 是 3.0」) joined back."""
    n = len(roles)
    if len(cells) == n:
        return cells
    if marked and len(cells) < n and len(cells) >= n - 1:
        return cells + [""] * (n - len(cells))
    if not marked and len(cells) > n and roles[0] == "name":
        extra = len(cells) - n
        head = cells[: extra + 1]
        if not any(_is_cell(c) or _cell_is(c, "domestic") or _cell_is(c, "overseas") for c in head[1:]):
            return [" ".join(head)] + cells[extra + 1 :]
    return None


def _table_unit(lines: List[str], header_at: int) -> Optional[str]:
    """The unit a line above the table (or the header itself) gives its bare figures (「单位万元」「（单位：元）」)."""
    for line in reversed(lines[: header_at + 1]):
        unit = _heading_unit(line) or _heading_unit(line.split("，")[-1].split(",")[-1])
        if unit:
            return unit
    return None


def _money_words(label: str, cell: str, unit: Optional[str]) -> Optional[str]:
    """「展位费」「2.0」 with the unit 万元 → 「展位费2.0万元」; None for an empty or zero cell."""
    from bot.estimate.reading import word_patterns

    if not cell or cell in table_words()["empty"] or not _CELL.fullmatch(cell):
        return None
    m = _CELL.fullmatch(cell)
    if Decimal(m.group("num").replace(",", "")) == 0:
        return None
    name, col_unit, _ = _label(label.replace(" ", "")) or (label, "", False)
    name = re.sub("|".join(map(re.escape, table_words()["claimed_words"])), "", name) or name
    said = f"{name}{cell}" if m.group("unit") or m.group("mult") else f"{name}{cell}{col_unit or unit or ''}"
    kinds = name.split("+")
    p = word_patterns()
    if (
        len(kinds) > 1
        and any(p["not_covered"].search(k) for k in kinds)
        and any(p["eligible"].search(k) for k in kinds)
    ):
        # 「费用(展位费+差旅，元)」: covered and not covered costs in one figure, its covered part asked
        return f"费用合计{said[len(name) :]}（含{'、'.join(kinds)}）"
    return said


def _fair_row(
    k: Optional[int], roles: List[str], header: List[str], cells: List[str], unit, said_for_all: bool = True
) -> Tuple[str, bool]:
    """One row as the numbered fair it stands for; and whether a figure in it is left without a unit. A row marked
    designated says so only when every row's mark is said (`said_for_all`): beside a 「待确认」 the condition stays open
    for the estimate to name, never met on the other rows' word."""
    name = next((c for r, c in zip(roles, cells) if r == "name" and c), "")
    place = next((c for r, c in zip(roles, cells) if r == "place" and c), "")
    region, designated, aside, costs, totals, unitless = [], [], [], [], [], False
    for role, label, cell in zip(roles, header, cells):
        if role in ("region", "other", "remark") and (_cell_is(cell, "domestic") or _cell_is(cell, "overseas")):
            region.append("境内" if _cell_is(cell, "domestic") else "境外")
        elif role == "designated" and _cell_is(cell, "said_yes") and said_for_all:
            designated.append("商务部门指定")
        elif role == "designated" and _cell_is(cell, "said_no"):
            designated.append("不是商务部门指定的")
        elif role in ("cost", "total", "other") and _CELL.fullmatch(cell or ""):
            said = _money_words(label, cell, unit)
            if said:
                (totals if role == "total" else costs).append(said)
                m = _CELL.fullmatch(cell)
                unitless = unitless or not (
                    m.group("unit") or m.group("mult") or _label(label.replace(" ", ""))[1] or unit
                )
        elif role in ("cost", "total") and re.search(r"\d", cell or "") and not _is_cell(cell):
            costs.append(cell)  # 「特装1万」 under 「特装/宣传」: the cell names its own cost
        elif role in ("remark", "other") and cell and cell not in table_words()["empty"] and not _is_cell(cell):
            aside.append(cell)
    aside = ([place] if place and name else []) + region[:1] + designated[:1] + aside
    if not costs and totals:
        costs = [re.sub(r"^[^\d]*", "费用", t) for t in totals]  # only a total: the fair's cost
    head = f"「{name}」" if name else (place or "活动")  # the name quoted: its words state nothing (without_tables)
    said = head + (f"（{'，'.join(aside)}）" if aside else "") + " " + " ".join(costs)
    return (f"{k}. {said}" if k else said), unitless


def _fair_blocks(text: str) -> list:
    """(first line, last line, roles, header cells, rows, marked) of each table of fairs in `text`."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        marked = bool(re.search(r"[\t|｜]", lines[i]))
        header = [plain_header_cell(c) for c in _header_cells(lines[i], marked)]
        roles = _fair_header(header)
        if roles is None:
            i += 1
            continue
        rows, j = [], i + 1
        while j < len(lines):
            line = lines[j]
            if re.fullmatch(r"[\s|｜:：-]*-[\s|｜:：-]*", line):
                j += 1
                continue
            cells = _fit_row(_cells_of(line, marked), roles, marked) if line.strip() else None
            if cells is None:
                break
            rows.append(cells)
            j += 1
        roles = _checked_roles(roles, header, rows)
        if rows and roles:
            out.append((i, j - 1, roles, header, rows, marked))
        i = j if rows else i + 1
    return out


def _small_figure(roles, rows) -> bool:
    """Whether a cost cell of the rows is a figure below 100 with no unit of its own (「2」「0.6」: 元 or 万元 unclear;
    「15000」 can only be yuan)."""
    for cells in rows:
        for role, cell in zip(roles, cells):
            m = _CELL.fullmatch(cell or "") if role in ("cost", "total", "other") else None
            if m and not (m.group("unit") or m.group("mult")) and 0 < Decimal(m.group("num").replace(",", "")) < 100:
                return True
    return False


def _checked_roles(roles: List[str], header: List[str], rows: list) -> Optional[List[str]]:
    """The roles, once the rows are seen: a region column whose cells are no 境内/境外 words (「类型」 over 「新获得认证」)
    is a column of words; None unless the rows are events (an events' name column, a designation column, 境内/境外
    cells, or places beside a cost 三（五） lists)."""
    from bot.estimate.reading import word_patterns

    def regional(k: int) -> bool:
        said = [r[k] for r in rows if r[k] and r[k] not in table_words()["empty"]]
        return bool(said) and all(_cell_is(c, "domestic") or _cell_is(c, "overseas") for c in said)

    roles = [("region" if regional(k) else "other") if r == "region" else r for k, r in enumerate(roles)]
    events = {_BRACKET.sub("", h).strip().casefold() for h in _fair_words()["event_names"]}
    eligible = any(r == "cost" and word_patterns()["eligible"].search(h) for r, h in zip(roles, header))
    named = any(r == "name" and _BRACKET.sub("", h).strip().casefold() in events for r, h in zip(roles, header))
    if "designated" in roles or "region" in roles or named or (eligible and "place" in roles):
        return roles
    return None


def _all_marked(roles, rows) -> bool:
    """Whether every row's designation cell says yes or no (none is empty or 「待确认」)."""
    return all(
        _cell_is(c, "said_yes") or _cell_is(c, "said_no")
        for cells in rows
        for r, c in zip(roles, cells)
        if r == "designated"
    )


def _total_row(roles, cells) -> bool:
    first = next((c for r, c in zip(roles, cells) if r in ("name", "sequence") and c), cells[0])
    return first.replace(" ", "").rstrip(":：").casefold() in _TOTAL_ROWS


def read_fair_tables(text: str) -> Tuple[str, List[str]]:
    """read_fair_tables() of a text (below), remembered: every reader of a turn asks it of the same text."""
    if "\n" not in text:
        return text, []  # a header and a row at least: two lines
    said, problems = _read_fair_tables(text)
    return said, list(problems)


@lru_cache(maxsize=512)
def _read_fair_tables(text: str) -> Tuple[str, tuple]:
    said, problems = _fair_tables_read(text)
    return said, tuple(problems)


# full-width digits and figure marks as typed by a Chinese input method (same length: places are kept)
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _fair_tables_read(text: str) -> Tuple[str, List[str]]:
    """The text with each table of fairs (pasted_tables.yml fair_table) written as numbered fairs, one per row (「1.
    服贸会(北京)（境内，商务部门指定） 展位费2.0万元 特装费0.6万元 差旅费0.8万元」), and what to tell the user (figures with
    no unit anywhere: asked, never guessed)."""
    half = text.translate(_HALF_WIDTH)  # 「２５０００」 pasted from a spreadsheet in full-width digits: 25000
    blocks = _fair_blocks(half)
    if not blocks:
        return text, []
    lines, problems = half.split("\n"), []
    for first, last, roles, header, rows, _ in reversed(blocks):
        unit = _table_unit(lines, first)
        rows = [r for r in rows if not _total_row(roles, r)]  # 「合计 | | 5.2 | 1.6」: the rows' sums, no event
        said, bare = [], False
        for k, cells in enumerate(rows, 1):
            row, unitless = _fair_row(
                k if len(rows) > 1 else None, roles, header, cells, unit, _all_marked(roles, rows)
            )
            said.append(row)
            bare = bare or unitless
        if bare and _small_figure(roles, rows):
            # 「展位费 2」 with no unit anywhere: 2元 or 2万元 is not guessed; the fairs are kept, their costs asked
            problems.append(
                "您贴的展会表格没有写金额单位（元还是万元），我不猜，表里的费用先不计入。"
                "请告诉我单位（例如“单位万元”）后再发一次表格，或逐场说明费用并带上单位。"
            )
            said = [re.sub(r"\s+\S*?\d[\d.,]*\S*", "", row) for row in said]
        lines[first : last + 1] = said
    return "\n".join(lines), problems


def without_tables(text: str) -> str:
    """without_tables() of a text (below), remembered: facts_from asks it thousands of times a turn."""
    return text if "\n" not in text else _without_tables(text)


@lru_cache(maxsize=2048)
def _without_tables(text: str) -> str:
    """`text` with every pasted table of figures blanked (a table of fairs, or two lines and more split into three
    cells or more by tabs or |, one of them holding a figure): its cells (an event 「某行业协会年会」, a 是/否) state
    nothing about the applicant, so no fact of 第二条 is read from them. A two-column table (「注册地 | 郑州」) is the
    applicant's own facts, kept; so are the fairs' rows once written as sentences, but for their quoted names."""
    lines = text.split("\n")
    blank = set()
    for first, last, *_ in _fair_blocks(text):
        blank.update(range(first, last + 1))
    run: List[int] = []
    for i, line in enumerate(lines + [""]):
        if re.search(r"[\t|｜]", line) and len([c for c in _cells_of(line, True) if c]) >= 3:
            run.append(i)
            continue
        if len(run) >= 2 and any(re.search(r"\d", lines[k]) for k in run):
            blank.update(run)
        run = []
    lines = [" " * len(line) if i in blank else line for i, line in enumerate(lines)]
    return FAIR_ROW_NAME.sub(lambda m: " " * len(m.group(0)), "\n".join(lines))


# the quoted name of a fair a table's row was written as (read_fair_tables): 「1 「某行业协会年会」（境内…」
FAIR_ROW_NAME = re.compile(r"(?m)^[ \t]*(?:\d{1,2}\.[ \t]+)?「[^」\n]{1,60}」(?=[（(]| )")


# ---- a 合计 line under a list of fairs (「服贸会 境内 2.8万\n新加坡展 境外 7万\n合计 9.8万」) ---------------------------
_TOTAL_LINE = re.compile(
    r"(?m)^[ \t]*(?:合计|总计|共计|小计|汇总|总共|一共|累计)[ \t:：]*(?:费用|金额|花费)?[ \t:：]*(?P<fig>[^\n]*)$"
)


def fair_total_lines(text: str) -> Tuple[str, List[str]]:
    """The text with the 合计 line that ends a list of fairs blanked (its figure is the list's sum, never one more fair's
    cost), and the notes to say: when the sum said is not the sum of the figures listed above it, the fairs are
    computed from their own figures and the difference is named."""
    from bot.estimate.clauses.market_fairs import CLAUSES
    from calculator.figures_zh import parse_figures

    if "\n" not in text or not re.search(CLAUSES[0].triggers, text):
        return text, []
    notes: List[str] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _TOTAL_LINE.fullmatch(line)
        if m is None or i < 2:
            continue
        said = [f for f in parse_figures(m.group("fig")) if f.kind == "money" and f.value]
        if len(said) != 1 or m.group("fig").strip() != said[0].raw.strip():
            continue
        above, k = [], i - 1
        while k >= 0 and lines[k].strip():
            item = re.sub(
                r"^[ \t]*[(（]?\d{1,2}(?:[.．、)）][ \t]*|[ \t]+)(?=\D)", "", lines[k]
            )  # 「1 服贸会…」: its number
            figs = [f for f in parse_figures(item) if f.kind == "money" and f.value]
            if not figs:
                break
            above = figs + above
            k -= 1
        if len(above) < 2:
            continue
        listed = sum((Decimal(str(f.value)) for f in above), Decimal(0))
        total = Decimal(str(said[0].value))
        if total != listed:
            from bot.estimate.reading import wan

            notes.append(f"您写的合计{wan(total)}与上面逐项列出的费用之和{wan(listed)}不一致，按逐项列出的费用计算")
        lines[i] = " " * len(line)
    return "\n".join(lines), notes
