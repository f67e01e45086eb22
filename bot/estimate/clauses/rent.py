"""三（八）3 租金补贴 in conversation (calculator/items/rent.py computes it).

已享受租金补贴年数 is read when said but not asked: the calculator counts it 0 and the answer says so.
"""

from .base import Clause, Field, figure_in


def missing(session, asked: list) -> list:
    """The contract amount is not asked when the business amounts (read with their roles) give it."""
    inp, out = session.inputs, []
    for key in ("rent_annual_cny", "rent_area_m2", "rent_years_in_park", "rent_contract_amount_cny"):
        if key == "rent_contract_amount_cny" and ("onshore_cny" in inp or "offshore_usd" in inp):
            continue
        if key not in inp:
            out.append(key)
    return out


def unasked_note() -> str:
    """What the answer says when the years already subsidised were not told."""
    return (
        f"未提到已享受过的租金补贴年数，按尚未享受计算（补贴期限最多{figure_in('3.8.3', 'max_years', '年')}，"
        f"已享受满{figure_in('3.8.3', 'max_years', '年')}的不再补贴）"
    )


CLAUSES = (
    Clause(
        code="3.8.3",
        name="租金补贴",
        triggers=r"租金|房租|租赁|办公用房",
        fields=(
            Field(
                "rent_years_in_park",
                "入驻园区",
                "年",
                question="在市级或市级以上服务外包重点园区入驻几年了？",
                recognised_by="a number of years nearer to 入驻/入园/园区 than to 享受/补贴",
                from_facts=True,
            ),
            Field(
                "rent_contract_amount_cny",
                "合同执行额",
                "元",
                question="企业的服务外包合同执行额是多少元？",
                recognised_by="a money figure after 执行额/合同额/营收 in a rent message (not 在岸/离岸)",
                from_facts=True,
            ),
            Field(
                "rent_annual_cny",
                "年租金",
                "元",
                question="租赁办公用房的年租金是多少元？",
                recognised_by="a money figure after 租金/房租/租赁 (每月/月租: times 12, said so)",
                implies_item=True,
            ),
            Field(
                "rent_area_m2",
                "面积",
                "平方米",
                question="租赁的办公面积是多少平方米？",
                recognised_by="an area figure (平方米/平米/㎡)",
            ),
            Field(
                "rent_years_subsidized",
                "已享受租金补贴",
                "年",
                question="已经享受过几年租金补贴？没有的话回复“0”。",
                recognised_by="a number of years nearer to 享受/补贴/拿过; 没有享受过 is 0",
                from_facts=True,
            ),
        ),
        checklist="园区租金补贴",
        asks=("rent_annual_cny", "rent_area_m2", "rent_years_in_park", "rent_contract_amount_cny"),
        missing=missing,
        read=lambda reader: reader.read_rent(),
        reads_when=lambda reader: reader.pending in ("rent",) or "3.8.3" in reader.items or reader.has(r"租金|房租"),
    ),
)
