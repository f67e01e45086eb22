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
from functools import lru_cache
from pathlib import Path
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
    where = {}
    for k, cell in enumerate(cells):
        for role in ("item", "value", "unit", "note"):
            if cell in words[role] and role not in where:
                where[role] = k
    if len(where) != len(cells) or "item" not in where or "value" not in where:
        return None
    return where


def _item_row(where: dict, cells: List[str]) -> Optional[str]:
    """「2025年离岸合同执行额 | 2,350,000.00 | 美元」 → 「2025年离岸合同执行额2,350,000.00美元；」; a rate row
    「2025年度美元兑人民币中间价(年均) | 7.1884」 → 「2025年度美元兑人民币中间价7.1884；」 (the bracket's words dropped, so
    the rate stands right after its name). None when the row does not give an item and a figure where the header says."""
    words = table_words()
    get = {role: cells[k] if k < len(cells) else "" for role, k in where.items()}
    item, value, unit = get["item"], get["value"], get.get("unit", "")
    if not item or _is_cell(item) or _CELL.fullmatch(value) is None or value in words["empty"]:
        return None
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
