"""三（八）3 租金补贴 in conversation (calculator/items/rent.py computes it).

已享受租金补贴年数 is read when said but not asked: the calculator counts it 0 and the answer says so.
"""

import re
from decimal import Decimal
from typing import Optional

from calculator.figures_zh import numeral_value
from calculator.policy import fig as policy_figure
from bot.estimate.reading import TOTAL_WORDS, alternation, estimate_words, segment_of, wan

from bot.estimate import rent_months, rent_price, rent_years
from .base import Clause, Field, figure_in


def missing(session, asked: list) -> list:
    """The contract amount is not asked when the business amounts (read with their roles) give it."""
    inp, out = session.inputs, []
    for key in ("rent_annual_cny", "rent_area_m2", "rent_years_in_park", "rent_contract_amount_cny"):
        if key == "rent_contract_amount_cny" and ("onshore_cny" in inp or "offshore_usd" in inp):
            continue
        if key == "rent_annual_cny" and rent_price.KEPT in inp and "rent_area_m2" not in inp:
            continue  # a price per square metre told: the area is asked, the year's rent worked out from it
        if key not in inp:
            out.append(key)
    return out


def unasked_note() -> str:
    """What the answer says when the years already subsidised were not told."""
    return (
        f"未提到已享受过的租金补贴年数，按尚未享受计算（补贴期限最多{figure_in('3.8.3', 'max_years', '年')}，"
        f"已享受满{figure_in('3.8.3', 'max_years', '年')}的不再补贴）"
    )


def caps_told(inputs: dict) -> list:
    """The policy's area cap when the area told is over it (said beside a verdict that rules the item out: what a
    subsidy would count once the conditions are met)."""
    area, cap = inputs.get("rent_area_m2"), policy_figure("3.8.3", "max_area_m2")
    if area is None or Decimal(str(area)) <= cap:
        return []
    rate = policy_figure("3.8.3", "rate")
    return [
        f"另：租金补贴为年租金的{(rate * 100).normalize():f}%，补贴面积最多{wan(cap, '平方米')}，"
        f"您租的{wan(Decimal(str(area)), '平方米')}符合条件后也按{wan(cap, '平方米')}计。"
    ]


def read(r):
    t = r.text
    rent_price.read_expression(r)
    rent_years.read_entry(r)  # 「2016年入驻」: the years in the park from the entry year
    for f in rent_years.short_calendar_years(t, r.figs):
        r.use(f)  # 「21年和22年」「23年还能不能领」: calendar years, no time in the park or of subsidy
    for f in r.figs:
        if id(f) in r.used:
            continue
        before = rent_price.words_before(t, f.start, 10)
        after = t[f.end : f.end + 6]
        if f.kind == "area":
            r.out.fields["rent_area_m2"] = f.value
            r.use(f)
        elif f.kind == "money" and rent_price.is_price(r, f, before + after, _rent_money(r, f)):
            rent_price.read_per_area(r, f, rent_price.price_words(t, f))  # 「2.2元/平方米/天」
            r.use(f)
        elif f.kind == "money" and _rent_money(r, f) == "rent" and _total_over_years(r, f):
            r.use(f)  # 「租金一共交了90万」 over years in the park: the annual rent is asked, never divided
            r.out.problems.append(
                f"您说租金一共{wan(r.cny(f, '租金'))}：补贴按年租金计算，这是一年的租金，还是入驻以来几年加起来的？"
            )
        elif f.kind == "money" and _rent_money(r, f) == "rent" and _contract_term(r, f):
            r.use(f)  # 「租约签了五年 租金300万」: a year's rent or the whole term's, unsaid; asked, never taken
            years = _contract_term(r, f)
            r.out.problems.append(
                f"您说合同签了{years}年、租金{wan(r.cny(f, '租金'))}：补贴按年租金计算，{wan(r.cny(f, '租金'))}是每年的租金，"
                f"还是{years}年合同的总租金？"
            )
        elif f.kind == "money" and _rent_money(r, f) == "rent":
            value = r.cny(f, "租金")
            if re.search(r"每月|月租|一个月|月", before + after) and not re.search(r"年", before[-3:]):
                months = rent_months.paid_months(t)
                if months is None:
                    r.out.notes.append(f"月租金{wan(value)}，按全年12个月计为{wan(value * 12)}")
                    value = value * 12
                else:  # 「年初有4个月免租期…今年实际交了8个月租金」: the months paid
                    r.out.notes.append(
                        f"月租金{wan(value)} × {months}个月 = 年租金{wan(value * months)}"
                        f"（{rent_months.months_note(t)}）"
                    )
                    value = value * months
                    rent_months.use_months(r)
            elif rent_months.free_months(t) and not rent_months.actual_said(t, f.start):
                r.use(
                    f
                )  # 「年租金72万 有3个月免租期」: the contract's rent or the rent paid, unsaid; asked, never taken
                r.out.clarifications.append(rent_months.paid_clarification(value, rent_months.free_months(t)))
                continue
            r.out.fields["rent_annual_cny"] = value
            r.use(f)
        elif f.kind == "duration_years" and rent_price.same_over_years(t, f):
            r.use(f)  # 「三年都不变」: the rent the same over those years, no time in the park or of subsidy
        elif f.kind == "duration_years" and rent_years.is_until(t, f):
            r.use(f)  # 「再过1年」「两年后」: a time to wait, none of the subsidy's years
        elif f.kind == "duration_years" and rent_years.is_term(t, f):
            r.use(
                f
            )  # 「租期3年」「签了五年的租赁合同」「近三年执行额」: a lease's or the business's years, none of the subsidy's
        elif f.kind == "duration_years" and rent_years.is_period(t, f):
            r.out.fields["_rent_years_asked"] = int(f.value)  # 「连着四年都申请」「四年一共能补多少」: the period asked
            r.use(f)
        elif f.kind == "duration_years" and RESTATED.match(t[f.end : f.end + 8]) and _said_before(r, f):
            r.use(f)  # 「刚好满三年 … 三年整算不算」: the figure said again in a question, no other role
        elif f.kind == "duration_years" and _rent_years(r, f) == "park":
            r.out.fields["rent_years_in_park"] = f.value
            r.use(f)
        elif f.kind == "duration_years" and _rent_years(r, f) == "subsidized":
            r.out.fields["rent_years_subsidized"] = int(f.value)
            r.use(f)
        elif f.kind == "money" and _rent_money(r, f) == "contract":
            if (
                "onshore_cny" not in r.out.fields
                and not re.search(BUSINESS_KIND, before)
                and not _business_told(r)
                and not _year_of_a_pair(r, f)
                and not _two_years_told(r)
            ):
                _contract_amount(r, f)
    # 「执行额800多万」「八百多万」: only its floor is known, enough to check 超过500万 (the amount sets no figure)
    m = re.search(
        r"(?:执行额|合同额|营收|业务额)(?:一年|每年|全年|[^，。；0-9一二两三四五六七八九十百千零]){0,4}"
        r"([0-9]+|[一二两三四五六七八九十百千零]+)多万",
        t,
    )
    floor = m and (Decimal(m.group(1)) if m.group(1).isdigit() else numeral_value(m.group(1)))
    if floor and "rent_contract_amount_cny" not in r.out.fields and "_rent_contract_rough" not in r.out.fields:
        low = floor * 10000
        if low == policy_figure("3.8.3", "contract_threshold_cny"):  # 「五百多万」: above 500万, the amount unknown
            r.out.fields["_rent_contract_rough"] = low
            r.out.problems.append(_rough_at_threshold(f"{m.group(1)}多万", above=True))
            low = None
    if floor and low:
        r.out.fields["rent_contract_amount_cny"] = low
        r.out.notes.append(f"合同执行额{m.group(1)}多万元，按不少于{wan(low)}核对条件")
    if re.search(r"(没有?|未|从未|没)(享受|拿|领)(过)?", t):
        r.out.fields.setdefault("rent_years_subsidized", 0)
    _ordinal_year(r)
    rent_price.priced_later(r)  # 「租了2050平」 after a price per square metre told before it
    pend = {
        "rent_years_in_park": "duration_years",
        "rent_years_subsidized": "duration_years",
        "rent_area_m2": "area",
        "rent_annual_cny": "money",
        "rent_contract_amount_cny": "money",
    }
    if r.pending in pend and r.pending not in r.out.fields:
        for f in r.figs:
            if id(f) in r.used:
                continue
            ok = f.kind == pend[r.pending] or (f.kind == "count" and pend[r.pending] in ("duration_years", "area"))
            if ok:
                v = f.value if f.kind != "money" else r.cny(f, "金额")
                r.out.fields[r.pending] = int(v) if r.pending == "rent_years_subsidized" else v
                r.use(f)
                break
        else:
            if r.pending == "rent_years_subsidized" and r.bool_answer() is False:
                r.out.fields["rent_years_subsidized"] = 0


def _rough_words() -> tuple:
    w = estimate_words()["rent_years"]
    before = re.compile(rf"(?:{alternation(w['hedge_before'])})(?:是|在|有|都|都是|都在)*\s*$")
    after = re.compile(rf"\s*(?:{alternation(w['hedge_after'])})")
    return before, after


def _rough_said(r, f) -> Optional[str]:
    """The words of a contract amount said roughly (「800万左右」「差不多500万」「500万上下」), or None."""
    from bot.estimate.vague_figures import hedged

    before, after = _rough_words()
    b = before.search(r.text[max(0, f.start - 6) : f.start])
    a = after.match(r.text, f.end)
    if not (b or a or hedged(f)):
        return None
    start = f.start - (min(6, f.start) - b.start()) if b else f.start
    end = a.end() if a else f.end + (2 if r.text[f.end : f.end + 2] in ("左右", "上下") else 0)
    return r.text[start:end].strip()


def _rough_at_threshold(said: str, above: bool = False) -> str:
    """What is said of a contract amount told roughly at the threshold itself: the verdict turns on it, so it is asked."""
    threshold = wan(policy_figure("3.8.3", "contract_threshold_cny"))
    head = f"您说合同执行额“{said}”：租金补贴要求合同执行额超过{threshold}（“超过”不包含本数，正好{threshold}不算）"
    if above:
        return head + "，听起来是超过了，但测算要按确切金额，请告诉我具体的合同执行额（以审计或统计数为准）。"
    return head + f"，约数看不出是否超过{threshold}，请告诉我具体的合同执行额（以审计或统计数为准）。"


def _contract_amount(r, f) -> None:
    """The contract amount: as told; one told roughly (「800万左右」) is used and the answer says it is rough; one told
    roughly at the threshold itself (「500万左右」「差不多500万」) decides nothing and is asked, never read as 500万."""
    value = r.cny(f, "合同执行额")
    said = _rough_said(r, f)
    r.use(f)
    threshold = policy_figure("3.8.3", "contract_threshold_cny")
    if said and value == threshold:
        r.out.fields["_rent_contract_rough"] = value  # the fact reader's 500万 is not filled in for it either
        r.out.problems.append(_rough_at_threshold(said))
        return
    r.out.fields["rent_contract_amount_cny"] = value
    if said:
        r.out.notes.append(
            f"您说的合同执行额“{said}”是约数，按{wan(value)}核对“超过{wan(threshold)}”的条件；"
            "是否符合以审计认定的执行额为准"
        )


ORDINAL_YEAR = re.compile(
    r"(入驻|入园|进驻|在园|园区|园里)[^，。；;\d]{0,14}?第\s*([0-9]+|[一二两三四五六七八九十]+)\s*(个)?年(头)?"
    r"(?![^，。；;]{0,3}(起|开始|才|就|享受|拿|领|申请|补))"  # 「入驻后第4年起享受补贴」: when the subsidy began
)


def _ordinal_year(r) -> None:
    """「入驻园区已经第5年」「进驻第四个年头」: in the Nth year, N − 1 full years. From the 4th year on that is ≥ 3 full
    years (the rule's 三年以上), counted as N − 1; an earlier year is left to be asked (full years or not is unsaid)."""
    if "rent_years_in_park" in r.out.fields:
        return
    m = ORDINAL_YEAR.search(r.text)
    n = m and (int(m.group(2)) if m.group(2).isdigit() else numeral_value(m.group(2)))
    if n and n >= 4:
        r.out.fields["rent_years_in_park"] = Decimal(int(n) - 1)
        r.out.notes.append(f"入驻园区已是第{int(n)}年，按已满{int(n) - 1}年计")


def _contract_term(r, f) -> int:
    """The years of a lease said just before a rent not marked as a year's (「合同签了三年 租金…」), or 0."""
    near = r.text[max(0, f.start - 8) : f.end + 2]  # not 「…一年给补多少」, the question after it
    if YEARLY.search(near) or MONTHLY.search(near):
        return 0
    for g in r.figs:
        if (
            g.kind == "duration_years"
            and g.value > 1
            and g.end <= f.start
            and f.start - g.end <= 14
            and re.search(r"合同|租期|租约|签", r.text[max(0, g.start - 8) : f.start])
            and not YEARLY.search(r.text[g.end : f.start])
        ):
            return int(g.value)
    return 0


MONTHLY = re.compile(r"每月|月租|一个月|/月|每个月")
YEARLY = re.compile(r"每年|年租|一年|/年")


ASKED_PERIOD = re.compile(
    r"\s*(的话)?\s*(能|可以|可|最多|大概|大约|一共|总共|共)?\s*(?:(补|拿|领|给|享受)|(?=多少))(多少|几|了?多少)"
)  # 「租金补贴一年多少」 too: the amount asked right after the year
ASKED_AMOUNT_OF_YEAR = re.compile(
    r"\s*的?\s*(租金补贴|房租补贴|租补|房补|补贴)(金额|的钱)?\s*(是|有|能|可以|大概|大约|一共)?\s*(补|拿|领|给)?\s*(多少|几)"
)  # 「一年租金补贴多少」: the year of the amount asked, not a year of subsidy already had
RESTATED = re.compile(r"\s*(整|整的|整整)?\s*(算不算|算吗|能不能算|可以算吗|够不够|够吗|行不行|行吗)")


def _said_before(r, f) -> bool:
    """The same number of years was said earlier in the message."""
    return any(g.kind == f.kind and g.value == f.value and g.end <= f.start for g in r.figs if g is not f)


def _rent_years(r, f) -> Optional[str]:
    """Whether "N年" counts years in the park or years of rent subsidy: the nearer word decides."""
    before = r.text[max(0, f.start - 10) : f.start]
    after = r.text[f.end : f.end + 8]
    park = r"入驻|入园|进驻|在园|搬进|园区|园里|住了|住进|待了|呆了|搬来"  # 「住了四年了」 in the park of the message
    subsidy = r"享受|补贴|房补|租补|补过|(拿|领)(过|了)[^，。；0-9]{0,4}(补|房补|租)|(拿|领)过"
    if re.search(r"专利|软著|著作权|研发|增长|资格|认定", before[-6:] + after[:6]):
        return None  # 「连续两年拿了新发明专利」: not the park or the rent subsidy
    if per_year(r, f):
        return None  # 「房租一年60万」「一年房租48万」: the rent's period, not years in the park
    if ASKED_PERIOD.match(r.text[f.end : f.end + 6]) or ASKED_AMOUNT_OF_YEAR.match(r.text[f.end : f.end + 14]):
        return None  # 「租金补贴一年能补多少」: the period of the amount asked, not years already subsidised
    p = [m.end() for m in re.finditer(park, before)]
    q = [m.end() for m in re.finditer(subsidy, before)]
    own = re.split(r"[，。；,;！!？?\s]", before)[-1]  # 「入驻园区4年了 已经领了1年房补」: a space ends a clause too
    later = re.split(r"[，。；,;！!？?\s]", after)[0]
    if re.search(r"(拿|领|享受|申请|申报|获得)(了|过)\s*$", own) and re.search(r"补|租", later):
        return "subsidized"  # 「领了1年房补」: the verb of having it before, the subsidy after
    if (p or q) and not re.search(park + "|" + subsidy, own) and re.search(park + "|" + subsidy, later):
        p = q = []  # 「…重点园区，21年和22年两年的租金补贴已经领过了」: the words of its own clause, after it, decide
    if p or q:
        return "park" if max(p or [-1]) > max(q or [-1]) else "subsidized"
    p, q = re.search(park, after), re.search(subsidy, after)
    if p or q:
        return "park" if p and (not q or p.start() < q.start()) else "subsidized"
    if re.search(r"(满|够)\s*$", before) and "3.8.3" in r.items:
        return "park"  # 「明年就满三年了」 about the rent subsidy: the years in the park it requires
    return None


BUSINESS_KIND = r"离岸|在岸|境内|境外|国内|国外"


def _business_told(r) -> bool:
    """「今年境内合同执行额900万 去年700万」: amounts told as 境内/离岸 business with their years are the business
    figures (三（一）'s years, and the contract amount the calculator takes from them), not a bare contract total."""
    return bool(re.search(r"(境内|在岸|国内)[^，。；0-9]{0,8}(执行额|合同额|业务额|营收)", r.text)) and bool(
        re.search(r"今年|去年|上年|本年|20[0-9]{2}年", r.text)
    )


def _year_of_a_pair(r, f) -> bool:
    """「2023年合同执行额760万元（全部在岸），2022年610万元」: a contract amount said for this year beside an amount
    of the year before is that year's business amount (三（一） compares the two; the rent subsidy's contract
    amount is that year's total, which the calculator takes from it), not a bare contract total."""
    if r._year(f.start) != "current":
        return False
    return any(
        g.kind == "money" and g is not f and id(g) not in r.used and r._year(g.start) == "previous" for g in r.figs
    )


def _two_years_told(r) -> bool:
    """「今年执行额2400万 去年2000万 全是在岸」: the amounts of two years, each with its year (bot/estimate/lists.py), are
    the business figures of 三（一）; the contract amount of 三（八）3 is this year's, which the calculator takes from
    them. Neither is read as a bare contract total (the last one said would be last year's)."""
    from bot.estimate import lists

    roles = lists.year_roles(r.text, [f for f in r.figs if id(f) not in r.used])
    return {"previous", "current"} <= set(roles.values()) and any(
        re.search(r"执行额|合同额|业务额|营收|业务", r.text[max(0, start - 10) : start]) for start in roles
    )


def per_year(r, f) -> bool:
    """「房租一年60万」「租了1600平 一年房租48万」: 「一年」 that states the period of the rent beside it, not a time
    in the park (「入驻一年 房租60万」 keeps its own verb and stays a duration)."""
    if f.value != 1:
        return False
    before = r.text[max(0, f.start - 3) : f.start]
    if re.search(r"入驻|入园|进驻|搬进|搬来|满|有|了|已经|才|刚", before):
        return False
    if re.search(r"(房租|租金|租费|年租)\s*$", before):
        return True
    return any(
        g.kind == "money"
        and 0 <= g.start - f.end <= 8
        and re.fullmatch(r"\s*(的)?(房租|租金|租费)\s*(是|要|交|付|花|大概|约|了)*\s*", r.text[f.end : g.start])
        for g in r.figs
    )


def _total_over_years(r, f) -> bool:
    """A rent said as a total (一共/合计 …) with no year of its own: it may be several years' rent."""
    s, e = segment_of(r.spans, f.start)
    around = r.text[s:e]
    return bool(
        re.search(TOTAL_WORDS + r"|累计", r.text[s : f.start])
        and not re.search(r"每年|一年|全年|年租|/年|每月|月租", around)
        and not re.search(r"(今年|去年|上年|本年)", around)
    )


def _rent_money(r, f) -> Optional[str]:
    """Whether a money figure in a rent message is the rent or the contract amount."""
    s, _ = segment_of(r.spans, f.start)
    before = r.text[s : f.start]
    rent = [m.end() for m in re.finditer(r"租金|房租|租赁|租", before)]
    contract = [m.end() for m in re.finditer(r"执行额|合同额|营收|业务额", before)]
    if rent or contract:
        return "rent" if (max(rent) if rent else -1) > (max(contract) if contract else -1) else "contract"
    after = r.text[f.end : f.end + 6]
    # 「…60万的租金」; never 「2023年在岸980万元。请测算租金补贴」: the item named after a business amount
    if re.search(r"^[^，。；,;!?！？]{0,3}(租金|房租)(?!补)", after) and not re.search(BUSINESS_KIND, before):
        return "rent"
    return None


def _platform_rent(r) -> bool:
    """「场地租金 60」 in a platform's list of costs, the park rent subsidy not named: the platform's cost (named as not
    covered by 三（九）), never the rent of 三（八）3."""
    from bot.estimate import items

    return "3.9" in r.items and items.rent_of_platform(r.text)


CLAUSES = (
    Clause(
        code="3.8.3",
        name="租金补贴",
        # 「租了1000平」: an area rented names the rent too
        triggers=r"租金|房租|租赁|办公用房|房补|租补|(?<![出转])租(了|的|用)?\s*[0-9一二两三四五六七八九十百千]+(\.[0-9]+)?\s*(个)?(平|㎡)",
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
                other_ways="也可以告诉我月租金，或租赁面积和每平方米每月（每天、每年）的租金，我来算全年租金。",
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
        read=read,
        reads_when=lambda reader: (
            reader.pending in ("rent",)
            or "3.8.3" in reader.items
            or (reader.has(r"租金|房租") and not _platform_rent(reader))
        ),
    ),
)
