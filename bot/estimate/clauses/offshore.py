"""三（二） 离岸业务奖励 in conversation (calculator/items/offshore.py computes it).

The year's offshore amount in US dollars and the exchange rates it is converted with; 三（一）
reads the same fields (its increment counts offshore business too).
"""

from .base import Clause, Field, figure_in, rate_rule, year_word

OFFSHORE_USD = Field(
    "offshore_usd",
    "今年离岸执行额",
    "美元",
    "今年的离岸服务外包合同执行额是多少美元？",
    recognised_by="a money figure after 离岸/境外业务/国际业务 (or with 美元 in a business message), "
    "in the year said before it (今年/去年/2023年)",
)
USD_CNY_RATE = Field(
    "usd_cny_rate",
    "今年汇率",
    "",
    lambda session: (
        rate_rule() + "我不会替您假设汇率（不清楚可以回复“跳过”）。"
        f"请问{year_word(session)}的美元兑人民币年平均中间价（汇率，1美元折合多少元人民币）是多少？"
    ),
    recognised_by="a rate figure (汇率/中间价/兑, 0.5–20) in the year said before it; 「两年都按7算」 gives both years",
)


def missing(session, asked: list) -> list:
    """The year's offshore amount, unless the business question (三（一）) already asks for it."""
    if "offshore_usd" in session.inputs or "business_current" in asked:
        return []
    return ["offshore_usd"]


CLAUSES = (
    Clause(
        code="3.2",
        name="离岸业务奖励",
        # 「帮我算增量和离岸两项」: items named in a row
        triggers=r"离岸奖|离岸业务奖|国际服务外包|离岸[^，。,；;]{0,8}(奖|能拿|拿多少|多少钱)|境外业务"
        r"|(增量|规模)[和及与、]离岸(这|那)?[一两三几]?项"
        r"|(增量|在岸)(和|跟|与|、)离岸(分别|各自?|各是|都)?(能)?(是|拿|有)?多少",  # 「增量和离岸分别多少」
        fields=(OFFSHORE_USD, USD_CNY_RATE),
        checklist=f"离岸业务奖励（离岸执行额超过{figure_in('3.2', 'threshold_usd', '美元')}）",
        asks=("offshore_usd",),
        missing=missing,
    ),
)
