"""An onshore increment the user states (「在岸比去年多了300万」「今年执行额较上年增加500万 都是境内的」).

The difference is the user's own figure, so it is used as said (calculator input `onshore_increment_cny`),
never turned into either year's amount: 三（一）'s increment is then that difference + this year's offshore × rate
− last year's offshore × last year's rate, which the session asks for when a year's offshore is not said
(bot/estimate/clauses/business_growth.py). The figure is the onshore difference when the words before it name
在岸/境内, or name no kind and the message says the business is all onshore / has no offshore; a difference of
no kind beside offshore business is asked about, naming it. A difference in dollars, of offshore business, or a
fall is left to the reader's `_difference_of_years`.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import (
    NONE_WORDS,
    OFFSHORE,
    ONSHORE,
    YEAR_CUR,
    YEAR_PREV,
    Clarification,
    estimate_words,
    segment_of,
    wan,
)

KEY = "onshore_increment_cny"
# 「比去年多了」「较上年增加了」「同比增长」「和去年比多出」: this year over the previous one, upward
RISE = r"(?:多了|多出了?|多(?:做|执行|完成|接)了?|多|增加了?|增长了?|增多了?|高出了?|高了|涨了)"
OFFSHORE_NONE = r"离岸|(?:境外|海外|国外|国际)的?(?:业务|客户|单子|订单|执行额|收入)"
ALL_ONSHORE = r"(?:都|全|全部|均|只有|只做|只是|纯)(?:是|为|属于|做)?的?(?:境内|国内|在岸)"


def _approx() -> str:
    return "|".join(re.escape(w) for w in estimate_words()["relative"]["approx_before"])


def rise_before(clause: str) -> bool:
    """Whether `clause` (the words before a figure in its part) ends saying this year rose over the previous one
    by the figure: 「今年在岸比去年多了」「执行额较上年增加了约」「同比增长了」; never a fall, never a comparison
    with another figure (「比100万多了」)."""
    tail = rf"{RISE}\s*(?:{_approx()}|有)?\s*$"
    return bool(
        re.search(rf"(?:比|较|相比|和|跟|与)\s*(?:{YEAR_PREV})(?:度|的)?[^，。；,;\d]{{0,10}}?{tail}", clause)
        or re.search(rf"同比[^，。；,;\d]{{0,6}}?{tail}", clause)
    )


def kind_of_difference(text: str, clause: str, sentence: str) -> Optional[str]:
    """onshore / offshore / None: the business the difference is of, from the words of its clause (「在岸比去年多了」),
    else from its sentence when that names onshore business only (「两年在岸的具体数我没带，就是今年比去年多」), else
    from a message that says all its business is onshore."""
    if re.search(OFFSHORE + r"|美元|美金", clause):
        return "offshore"
    if re.search(ONSHORE, clause):
        return "onshore"
    if re.search(ONSHORE, sentence) and not re.search(OFFSHORE, sentence):
        return "onshore"
    if re.search(ALL_ONSHORE, text) or no_offshore_at_all(text):
        return "onshore"
    return None


def no_offshore_at_all(text: str) -> bool:
    """「没有离岸的」「离岸业务没有」「都是国内客户」 said with no year before it: neither year had offshore business."""
    for m in re.finditer(
        rf"(?:{NONE_WORDS})[^，。；,;\d]{{0,4}}(?:{OFFSHORE_NONE})|(?:{OFFSHORE_NONE})(?:业务)?(?:是|为|也)?(?:{NONE_WORDS})"
        rf"(?:有|做|做过|开展)?|{ALL_ONSHORE}"
        rf"|(?:{OFFSHORE_NONE})(?:业务)?(?:两年|这两年|去年今年|今年去年)(?:都|均)(?:是|为)?(?:0|零)(?![\d.万千百亿w])",
        text,
    ):
        if not re.search(rf"({YEAR_PREV}|{YEAR_CUR})[^，。；,;\d]{{0,4}}$", text[max(0, m.start() - 8) : m.start()]):
            if not re.search(r"\d", text[m.end() : m.end() + 3]):  # 「没有离岸 300万」 is no none
                return True
    return False


def take(reader, f) -> bool:
    """Read money figure `f` as a stated onshore increment if its words say so; True when it was taken (set,
    or asked about naming it)."""
    if f.value is None or f.value <= 0 or f.currency not in (None, "CNY"):
        return False
    seg_start = segment_of(reader.spans, f.start)[0]
    sentence = max(reader.text.rfind(c, 0, f.start) for c in "。；;\n！？!?")
    clause = reader.text[max(seg_start, sentence + 1) : f.start]
    whole = reader.text[sentence + 1 : f.start]
    if not rise_before(clause):
        return False
    # 「今年在岸1500万 比去年多了300万」: a year's amount said beside it is read as that year's; the increment is
    # then not needed (relative_figures restates such pairs)
    kind = kind_of_difference(reader.text, clause, whole)
    if kind == "offshore":
        return False
    reader.use(f)
    if kind is None:
        reader.out.clarifications.append(
            Clarification(
                "business_kind",
                f"您说今年比上年度多了{f.raw}（两年之差，我按您给的差额算）。这{f.raw}是在岸（人民币）执行额的差额吗？"
                "离岸业务按美元、按各年汇率折算：两年有离岸业务的话，请分别告诉我两年的离岸执行额（美元）；没有请说“没有离岸”。",
                {"key": "onshore_cny", "value": str(f.value), "increment": True},
            )
        )
        return True
    reader.out.fields[KEY] = f.value
    reader.out.notes.append(f"按您说的在岸执行额比上年度增加{wan(f.value)}计算（两年之差，按您给的差额）")
    if no_offshore_at_all(reader.text):
        reader.out.fields.setdefault("previous_offshore_usd", Decimal(0))
        if "3.2" in reader.items:  # this year's 0 matters to 三（二） only; to 三（一） an absent amount counts 0
            reader.out.fields.setdefault("offshore_usd", Decimal(0))
    return True
