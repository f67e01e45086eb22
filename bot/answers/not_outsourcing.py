"""A support item asked about a business that is not service outsourcing (「做服装代工出口的 能拿离岸奖励吗」).

第一条: the policy's service-outsourcing business is the catalog's 23 domains. A business that catalog.yml's
`not_service_outsourcing` rejects (making goods, selling or exporting goods, carrying goods, serving consumers…),
with no service of the catalog beside it, gets no item that supports service-outsourcing business
(catalog.yml `outsourcing_items`): the answer says so first, from the catalog's definitions, instead of the
item's verdict on the figures given. Plain Python, no Rasa.
"""

import re
from typing import Optional

from knowledge import query, shapes, sources

from bot.answers import catalog
from bot.answers.model import Answer


def outsourcing_items() -> dict:
    """{code: what the item supports} of the items that support service-outsourcing business (catalog.yml)."""
    return dict(sources.load_cached("catalog").get("outsourcing_items") or {})


def items_asked(t: str) -> list:
    """The items of `outsourcing_items` the (normalised) message names, in policy order."""
    from bot.estimate.items import detect_items

    own = outsourcing_items()
    return [c for c in dict.fromkeys(c.rstrip("ab") for c in detect_items(t)) if c in own]


def rejected_kind(t: str) -> Optional[dict]:
    """The not-service-outsourcing kind of business the message describes as its own (a statement that says who it
    is, 「我们是做五金批发的」, names it: not a cost, 「差旅住宿6000」), when nothing in the message is a service the
    catalog places (「给物流公司做软件」, 「开发的SaaS卖给海外客户」 is software); else None."""
    if not re.search(query.business_self_pattern(), t):
        return None
    described = [k for part in catalog.business_parts(t) if _describes(part) for k in catalog.outside_kinds(part)]
    if not described:
        return None
    kinds = catalog.described_kinds(t)
    # a statement naming the business only in general words (「我们做跨境电商」), or selling goods of one's own on a named
    # platform (「在独立站上卖自己采购的家居用品」), places no service of the catalog
    rest = t
    for part in catalog.business_parts(t):
        if catalog.absorbed(part, kinds) or catalog.sells_own_goods(part, kinds):
            rest = rest.replace(part, " ")
    if any(h.get("confident") and not h.get("excluded") for h in query.classify_business(rest, limit=3)):
        return None
    for part in catalog.business_parts(t):
        if catalog.absorbed(part, kinds):
            continue
        verdict = catalog.judge_part(part)
        # a domain that excludes it (维修维护服务 不包括手机等消费产品的维修) places no service
        if verdict is not None and verdict[0] == "domain" and not verdict[1].get("excluded"):
            return None
    return described[0]


def _describes(part: str) -> bool:
    """Whether a statement of the message may describe the business: not a travel cost (「差旅住宿6000」, routes.yml
    travel_costs), unless it says who the company is and names no cost or fair (「我们是开餐厅的」); a cost the user
    bears or leaves unclaimed (「机票住宿我们自己出不申报」, routes.yml cost_payment) is a cost, never the business."""
    if not shapes.search("travel_costs", part):
        return True
    return (
        bool(re.search(query.business_self_pattern(), part))
        and not re.search(r"费|花|展", part)
        and not shapes.search("cost_payment", part)
    )


def answer(t: str) -> Optional[Answer]:
    """The answer to a question on a support item about a business that is not service outsourcing, or None."""
    codes = items_asked(t)
    if not codes:
        return None
    kind = rejected_kind(t)
    if kind is None:
        return None
    clauses = [query.clause(c) for c in codes]
    named = "、".join(f"{c['label']}（{c['title']}）" for c in clauses)
    own = outsourcing_items()
    supports = "；".join(f"{c['label']}支持的是{own[c['code']]}" for c in clauses)
    scope = query.clause("1")
    lines = [
        f"结论：按您的描述，这项业务不能按{named}申报。",
        f"原因：您描述的业务属于{kind['label']}，不属于服务外包，不在目录23个领域内：{kind['why']}",
        f"依据{scope['label']}（{scope['title']}）：本政策所指的服务外包业务范围按照"
        f"{catalog.CATALOG.removeprefix('附件')}执行。{supports}。",
    ]
    if kind.get("decides"):
        lines.append(kind["decides"] + "具体以市商务局认定为准。")
    else:
        lines.append("具体以市商务局认定为准。")
    return Answer("\n".join(lines), clause=codes[0], verdict="not_met")
