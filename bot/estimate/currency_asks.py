"""Several offshore amounts of one message told with no currency (「离岸(万)」 column of a pasted table:
「2023 | 860 | 45 / 2024 | 1240 | 60」, or 「今年离岸60万 去年离岸45万」): one question names them all
(「离岸执行额45万（上一年度）、60万（今年）是美元还是人民币（元）？」) and the one answer settles each of them;
asking for the first alone would leave the others unread and asked again as if never said."""

from decimal import Decimal

from bot.estimate.reading import Clarification, wan

YEAR_NAMES = {True: "上一年度", False: "今年"}


def _open_currency(c) -> bool:
    data = c.data or {}
    return (
        c.kind == "currency"
        and data.get("value") is not None
        and not data.get("foreign")
        and str(data.get("key", "")).endswith("offshore_usd")
    )


def merge(clarifications: list) -> list:
    """The clarifications with every open offshore-currency question of distinct years put into the first."""
    asks = [c for c in clarifications if _open_currency(c)]
    if len(asks) < 2 or len({c.data["key"] for c in asks}) != len(asks):
        return clarifications
    asks.sort(key=lambda c: not c.data["key"].startswith("previous_"))  # last year's first, as years run
    named = "、".join(
        f"{wan(Decimal(c.data['value']), '')}（{YEAR_NAMES[c.data['key'].startswith('previous_')]}）" for c in asks
    )
    first = asks[0]
    merged = Clarification(
        "currency",
        f"离岸执行额{named}是美元还是人民币（元）？",
        dict(first.data, others=[{"key": c.data["key"], "value": c.data["value"]} for c in asks[1:]]),
    )
    out, placed = [], False
    for c in clarifications:
        if c in asks:
            if not placed:
                out.append(merged)
                placed = True
            continue
        out.append(c)
    return out


def converted_asks(others: list) -> list:
    """The 「…折合多少美元？」 questions still to ask, one per other amount said to be in yuan."""
    return [
        {
            "kind": "currency",
            "question": f"离岸执行额按美元计算（第三条第（二）项）。{wan(Decimal(o['value']))}"
            f"（{YEAR_NAMES[o['key'].startswith('previous_')]}）折合多少美元？"
            "也可以告诉我那一年的美元兑人民币年平均中间价（汇率），我按它折算。",
            "data": {"key": o["key"], "value": None, "said": {"amount": o["value"], "currency": "CNY"}},
        }
        for o in others
    ]
