"""三（八）1 示范园区认定奖励 in conversation (calculator/items/park_recognition.py computes it).

The park reading (recognition, operation, enterprises brought in, foreign investment) is one pass
of the message, made here for all three park items (三（八）1 and 2).
"""

import re
from decimal import Decimal

from bot.estimate import yuan_to_dollars
from bot.estimate.rent_price import words_before
from bot.estimate.reading import Clarification, alternation, estimate_words, wan
from bot.understand.durations import joined

from knowledge.figures import figure

from .base import Clause, Field, figure_count, figure_in

PARK_CODES = {"3.8.1", "3.8.2a", "3.8.2b"}


def reads_when(reader) -> bool:
    return bool(reader.pending and reader.pending.startswith("park") or reader.items & PARK_CODES)


def read(r):
    t = r.text
    newly = re.search(
        r"((新|刚)(被|获得|通过)?(认定|评为|评上|批准)|新通过|今年(被)?认定|(今年)?(第一次|首次)(被)?(认定|评为|评上|获批)|"
        r"(新|刚)(被)?(通过|获得|拿到|评上)[^，。；]{0,14}(认定|评定|称号))(?![^，。；;]{0,4}(技先|技术先进|高新))",
        t,
    )
    if newly and not re.search(r"(不是|并非|没有|不算|并不是)(今年)?$", t[max(0, newly.start() - 5) : newly.start()]):
        r.out.fields["park_newly_recognized"] = True
    elif re.search(
        r"(前年|去年|上年|早就|之前就|以前就|几年前|多年前|20\d\d年)(就)?(被|已经|已)?(认定|评上|评为|获批)|"
        r"(认定|评上)(了)?(好几年|多年|几年了)|不是(今年)?新(认定|评)",
        t,
    ):
        r.out.fields["park_newly_recognized"] = False  # 「市级示范园区（前年认定的）」: not newly recognised
    if re.search(
        r"企业(统一)?(管理|运营)|公司(统一)?(管理|运营)|(企业|公司)化(运营|管理|运作)|运营公司|(我们|我司|本公司)(负责)?(统一)?(管理|运营)的[^，。；]{0,4}园区",
        t,
    ) and not _affirmed(r"管委会|政府|事业单位", t):
        r.out.fields["park_enterprise_operated"] = True
    if _affirmed(r"(政府|管委会)(直接)?(管理|运营)", t):
        r.out.fields["park_enterprise_operated"] = False
    firms, investments = [], []
    for f in r.figs:
        if id(f) in r.used:
            continue
        before = words_before(
            t, f.start, 12
        )  # 「外资大概2000万美元——不对，我看错了，是3500万美元」: the blanked claim left out
        after = t[f.end : f.end + 12]
        if f.kind == "count" and re.search(r"500强|五百强|100强|领军|重点企业|重点项目", before + after):
            firms.append(f)
            r.use(f)
        elif f.kind == "money" and (
            re.search(r"外资|外商|投资", before + after) or r.pending == "park_foreign_investment_usd"
        ):  # (「3500万美元」 as the answer to the investment asked)
            step = f"每{figure_in('3.8.2', 'investment_step_usd', '美元')}"
            if f.currency == "USD":
                investments.append(f)
            elif yuan_to_dollars.is_yuan(t, f) and yuan_to_dollars.stated_rate(r.figs):
                # 「折合人民币2.84个亿，按7.1的汇率折成美元」: ÷ the user's rate
                usd, note = yuan_to_dollars.in_dollars(f, yuan_to_dollars.stated_rate(r.figs))
                investments.append(usd)
                r.out.notes.append("吸引外商投资" + note)
                if not r.items & {"3.1", "3.2", "3.3"}:  # the rate converted the investment; no year's parity
                    r.out.fields.pop("usd_cny_rate", None)
            elif yuan_to_dollars.is_yuan(t, f):  # 「外资1.5亿元」 and no rate: the dollars (or the rate) asked
                counted = step + "奖励" + figure_in("3.8.2", "investment_step_award_cny", "元")
                r.out.clarifications.append(
                    yuan_to_dollars.ask("park_foreign_investment_usd", "吸引外商投资", f, counted)
                )
            else:
                r.out.clarifications.append(
                    Clarification(
                        "currency",
                        f"吸引外商投资{wan(f.value, '')}是美元吗？（该项按{step}计）",
                        {"key": "park_foreign_investment_usd", "value": str(f.value)},
                    )
                )
            r.use(f)
    # 「外商投资一个2500万美元一个1500万美元」: dollar amounts listed on after an investment are its list's
    if investments:
        for f in sorted(r.figs, key=lambda g: g.start):
            if f.kind != "money" or f.currency != "USD" or id(f) in r.used or f.start < investments[-1].end:
                continue
            if not LISTED_ON.fullmatch(t[investments[-1].end : f.start]):
                break
            investments.append(f)
            r.use(f)
    if len(investments) > 1:  # 「一个是数据中心信息服务 $11M」 between two projects' investments: one of the list
        first, last = investments[0].start, investments[-1].end
        for f in r.figs:
            if f.kind == "money" and f.currency == "USD" and id(f) not in r.used and first < f.start < last:
                investments.append(f)
                r.use(f)
        investments.sort(key=lambda f: f.start)
    if investments:
        _foreign_investment(r, investments)
    if firms:
        for f in _named_in_turn(r, firms):
            firms.append(f)
            r.use(f)
        firms.sort(key=lambda f: f.start)
        r.out.fields["park_top_enterprises"] = _firm_count(firms, r.text)
        short = _not_a_year_yet(r, firms)
        if short and r.out.fields["park_top_enterprises"] > len(short):
            total = r.out.fields["park_top_enterprises"]
            r.out.fields["park_top_enterprises"] = total - len(short)
            need = figure_count("3.8.2", "operating_years")
            said = "；".join(f"“{words}”入园未满{need}年" for words in short)
            r.out.notes.append(
                f"{said}，不符合“入园正常运营{need}年以上”，不计入：按{total} − {len(short)} = {total - len(short)}家计算"
            )
            long = _years_run(r, firms[0].end, Decimal(str(figure("3.8.2", "operating_years"))))
            if long:  # the firms counted are those that ran long enough: the short one's months are not theirs
                r.out.fields["_fact_top_operating_years"] = min(long)
    elif re.search(r"(没有|没|未|无)(引进|引入|招到|进来)?[^，。；\d]{0,4}(500强|五百强|100强|领军)", t):
        r.out.fields["park_top_enterprises"] = 0  # 「没有引进500强之类的」: none, never asked again
    elif re.search(f"({alternation(estimate_words()['one_implied'])})[^，。；]{{0,4}}(500强|五百强|100强|领军)", t):
        r.out.fields["park_top_enterprises"] = 1  # 「有家国内500强入园」: one enterprise
    if r.pending in ("park_newly_recognized", "park_enterprise_operated"):
        b = r.bool_answer()
        if b is not None:
            r.out.fields.setdefault(r.pending, b)
    if r.pending == "park_top_enterprises":
        for f in r.unused("count"):
            r.out.fields["park_top_enterprises"] = int(f.value)
            r.use(f)
            break
        else:
            if r.bool_answer() is False:
                r.out.fields["park_top_enterprises"] = 0


# what may stand between two listed amounts of one kind: 「、」「和」「一个…一个…」「另一个项目是」
LISTED_ON = re.compile(
    r"[\s，,、；;和及与跟]*(还有|另外|另|再)?(一个|一家|一笔|另一个|另一家|另一笔|第[一二三四五六七八九十\d]+个)?(项目)?(是|为|投了|投资)?\s*"
)


def _foreign_investment(r, amounts: list) -> None:
    """三（八）2's foreign investment from the dollar amounts said beside 外资/外商/投资. One amount is the figure. Several
    (「一个是软件开发 外资1,200万美元 一个是数据中心信息服务 $11M 还有一个是汽车零部件制造厂 外资3000万美元」) are
    several projects' investments: each is judged by the words of its own project (facts.yml project_it_industry):
    a project said to be outside 信息传输、软件和信息服务业 is left out and named, the others are added — never one
    amount kept silently in place of the others. 「其中」「到位」 between them (a part of the same investment) sets none."""
    from bot.understand.facts import bool_fact, fact_specs

    t = r.text
    restated = re.compile(r"\s*[（(]\s*(?:约|即|合)?\s*$")  # 「2,500万美元（USD 25,000,000）」: the same amount again
    amounts = [
        f
        for i, f in enumerate(amounts)
        if not (i and f.value == amounts[i - 1].value and restated.match(t[amounts[i - 1].end : f.start]))
    ]
    if len(amounts) == 1:
        r.out.fields["park_foreign_investment_usd"] = amounts[0].value
        return
    if any(
        re.search(r"其中|到位|实际|实缴|累计|合计|一共|总共", t[a.end : b.start]) for a, b in zip(amounts, amounts[1:])
    ):
        r.out.problems.append(
            "您说了几笔外商投资金额（"
            + "、".join(f.raw for f in amounts)
            + "），我分不清它们是不同项目各自的金额，还是同一笔投资的总额和其中一部分；请告诉我引进的信息传输、软件和信息服务业项目吸引外商投资的合计金额（美元）。"
        )
        return
    spec = fact_specs()["project_it_industry"]
    other = re.compile(alternation(estimate_words()["park_non_it_projects"]))
    kept, left = [], []
    for f in amounts:
        start = max([0] + [g.end for g in r.figs if g.kind == "money" and g.end <= f.start])
        words = t[start : f.end]  # the project's own words: back to the amount before it, from its opener on
        opener = list(re.finditer(r"(还有|另外|另)?(一个|一家|另一个|第[一二三四五六七八九十\d]+个)(是|为)?", words))
        if opener:
            words = words[opener[-1].start() :]
        it = bool_fact(spec, words)
        (left if it is False or (it is None and other.search(words)) else kept).append((f, words))
    if not kept:
        r.out.fields["park_foreign_investment_usd"] = sum((f.value for f in amounts), Decimal(0))
        return  # every project said outside the industry: the item's own condition fails it whole
    total = sum((f.value for f, _ in kept), Decimal(0))
    r.out.fields["park_foreign_investment_usd"] = total
    if left:
        r.out.fields["_fact_project_it_industry@3.8.2b"] = True  # the projects counted are the industry's
        named = "、".join(f"“{w.strip(' ，,、；;')}”" for _, w in left)
        r.out.notes.append(
            f"{named}不是信息传输、软件和信息服务业项目，不计入吸引外资金额（依据第三条第（八）项第2点）"
        )
    if len(kept) > 1:
        r.out.notes.append(
            "吸引外商投资按各项目相加：" + " + ".join(wan(f.value, "") for f, _ in kept) + f" = {wan(total, '')}美元"
        )


def _affirmed(pattern: str, t: str) -> bool:
    """Whether `pattern` is said of the park in `t`, not denied right before it (「不是管委会管的」「并非政府运营」:
    another subject denied, bot/understand/facts.py OTHER_DENIED)."""
    from bot.understand.facts import OTHER_DENIED

    return any(not OTHER_DENIED.search(t[max(0, m.start() - 6) : m.start()]) for m in re.finditer(pattern, t))


SHORT_OF_A_YEAR = re.compile(
    r"(不满|不到|不足|未满|没满|没到)\s*(一|1)\s*年|刚(来|入园|进来|引进)|才(来|入园|进来)(?!\s*[\d一二两三四五六七八九十]+\s*年)"
)


def _not_a_year_yet(r, firms) -> list:
    """「还有一家国内500强才来8个月」: the words of each firm (one firm said by itself) whose own phrase gives it less
    than the policy's years of operation in the park (a month count below them, 不满一年, 刚来)."""
    months = figure("3.8.2", "operating_years") * 12
    t, out = r.text, []
    for i, f in enumerate(firms):
        end = firms[i + 1].start if i + 1 < len(firms) else len(t)
        end = min([end] + [m.start() for m in re.finditer(r"[。；;？?]", t) if m.start() > f.end])
        span = t[f.end : end]
        month = [
            g
            for g in joined(r.figs, t)  # 「入园1年3个月」: 15 months, not 3
            if f.end <= g.start < end
            and g.value is not None
            and (
                (g.kind == "duration_months" and g.value < months)
                or (g.kind == "duration_years" and g.value * 12 < months)  # 「才来半年」
            )
        ]
        word = SHORT_OF_A_YEAR.search(span)
        if f.value == 1 and (month or word):
            out.append(t[f.start : month[0].end if month else f.end + word.end()].strip())
    return out


def _named_in_turn(r, firms) -> list:
    """「引进了两家领军企业 一家入园一年半 另一家才8个月」: the firm named after another one in turn (另一家, 另外一家,
    其中一家), when a count of several firms comes before it: one of those, not one more."""
    if not any(f.value > 1 for f in firms):
        return []
    first = min(f.start for f in firms if f.value > 1)
    return [
        f
        for f in r.unused("count")
        if f.start > first and f.value == 1 and _PART_OF.search(r.text[max(0, f.start - 4) : f.start])
    ]


def _years_run(r, after: int, need) -> list:
    """The years in the park said after `after` that reach the policy's `need` (「一家入园运营了一年半」: 1.5)."""
    out = []
    for g in joined(r.figs, r.text):
        if g.start < after or g.value is None:
            continue
        years = g.value if g.kind == "duration_years" else g.value / 12 if g.kind == "duration_months" else None
        if years is not None and years >= need:
            out.append(years)
    return out


_PART_OF = re.compile(r"(其中|另外|另|其余|剩下的?|剩余的?|余下的?)\s*$")


def _firm_count(firms, text: str = "") -> int:
    """The enterprises brought in: 「引进了两家 一家世界500强… 一家是…领军企业」 names the two one by one (2,
    not 4); 「三家500强，其中两家…，另一家…」 splits the three (3, not 6); counts said of different firms
    (「3家500强 2家领军企业」) add up."""
    total = 0
    i = 0
    while i < len(firms):
        n = int(firms[i].value)
        if n > 1 and _restates(firms, i, text):
            i += 1  # 「一家500强 和一家领军企业 两家都入园一年多了」: the two already counted, said again
            continue
        ones = 0
        while i + 1 + ones < len(firms) and firms[i + 1 + ones].value == 1:
            ones += 1
        parts, j = 0, i + 1
        while j < len(firms) and _PART_OF.search(text[max(0, firms[j].start - 4) : firms[j].start]):
            parts += int(firms[j].value)
            j += 1
        if n > 1 and 0 < parts <= n and j > i + 1:
            total += n  # the whole, then its parts (其中…另一家…)
            i = j
        elif n > 1 and ones == n:
            total += n  # the total, then each of its firms
            i += 1 + ones
        else:
            total += n
            i += 1
    return total


_RESTATED_AFTER = re.compile(r"^\s*(企业|公司|单位|项目)?\s*(都|均|全都|全部|皆)")
_RESTATED_BEFORE = re.compile(r"(这|那|上述|以上|上面|前面|前述|共|一共|总共|合计|共计)\s*$")
_MORE = re.compile(r"(另外|另|还有|还|又|再|此外|以及|和|及|加上)\s*$")


def _restates(firms, i: int, text: str) -> bool:
    """Whether the count `firms[i]` (several) sums up the firms named just before it: 「一家500强 和一家领军企业
    两家都入园一年多了」「…这两家…」「…一共两家」 (2, not 4). A count said as more firms (「另外两家都是100强」
    「还有两家」) or of another number than the single firms before it is not a restatement."""
    n, said, j = int(firms[i].value), 0, i - 1
    while j >= 0 and said < n:  # 「一家500强 两家领军企业 三家都…」: the counts just before it add up to it
        said, j = said + int(firms[j].value), j - 1
    if i == 0 or said != n:
        return False
    f = firms[i]
    before = text[max(0, f.start - 4) : f.start]
    if _MORE.search(before):
        return False
    return bool(_RESTATED_AFTER.search(text[f.end : f.end + 6]) or _RESTATED_BEFORE.search(before))


CLAUSES = (
    Clause(
        code="3.8.1",
        name="示范园区认定奖励",
        triggers=r"示范园区.{0,4}认定|(新|刚)被?认定[^，。；;]{0,12}园区|认定[为成][^，。；;]{0,12}示范园区|园区认定|"
        r"(评为|评上|获评)[^，。；;]{0,10}示范园区|园区[^，。；;]{0,6}(今年|刚|新)+被?(通过)?认定",
        fields=(
            Field(
                "park_newly_recognized",
                "新通过认定的示范园区",
                question="园区是新通过认定的市级或市级以上服务外包示范园区吗？（是/否）",
                recognised_by="新/刚 被认定/评为/通过, or 是/否 to its question",
                from_facts=True,
            ),
            Field(
                "park_enterprise_operated",
                "由企业统一管理和运营",
                question="园区是由企业统一管理和运营的吗？（是/否）",
                recognised_by="企业/公司 (统一)管理、运营 (政府/管委会 运营: no)",
                from_facts=True,
            ),
        ),
        applicant="park_operator",
        checklist="示范园区认定奖励",
        read=read,
        reads_when=reads_when,
    ),
)
