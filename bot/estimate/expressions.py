"""An arithmetic expression of the user's own figures (「全年实付租金就是1.6×450×365」「租金2.2元×1500平×365天」):
its exact value. Only products of numbers the user typed; a percentage in it (「×30%」) is a subsidy worked out by
the user (a claim, bot/estimate/claims.py), not a figure, so such an expression is no product here."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import List

_NUMBER = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_UNIT = r"(?:\s*(?:万元|万|元|块钱|块|平方米|平米|㎡|m2|平|天|日|个月|月|年))?"
_TIMES = r"\s*(?:×|✕|x|\*|乘以|乘上|乘)\s*"
PRODUCT = re.compile(
    rf"(?<![0-9.,])({_NUMBER}{_UNIT})((?:{_TIMES}{_NUMBER}{_UNIT})+)(?!{_TIMES}|\s*[0-9.%％]|\s*(?:个)?百分)",
    re.I,
)


@dataclass(frozen=True)
class Product:
    start: int
    end: int
    value: Decimal
    said: str  # the expression as typed


def products(text: str) -> List[Product]:
    """Every product of two or more numbers in `text`, with its value (万 read as × 10,000)."""
    out = []
    for m in PRODUCT.finditer(text or ""):
        value = Decimal(1)
        try:
            for operand in re.split(_TIMES, m.group(0), flags=re.I):
                n = re.match(_NUMBER, operand.strip())
                value *= Decimal(n.group(0).replace(",", "")) * (10000 if "万" in operand else 1)
        except (InvalidOperation, AttributeError):
            continue
        out.append(Product(m.start(), m.end(), value, m.group(0).strip()))
    return out
