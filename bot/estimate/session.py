"""One award estimate in a conversation: which items, the figures gathered, what to ask next.

Plain Python; the Rasa actions keep its state in a slot (`dump()` / `EstimateSession.load`).
A message is read with `understand.read`; what is missing is asked one thing at a time;
what is ambiguous is asked, never guessed; corrections overwrite; 不知道/跳过 leaves an item
uncomputed with the reason; a question in the middle is left to the caller to answer.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import List, Optional

from bot.estimate import (
    clauses,
    corrections,
    count_corrections,
    failing_batch,
    fair_count_check,
    fair_fixes,
    other_year_costs,
    pointed_item,
    previous_total,
    rent_months,
    rent_price,
    restated_figures,
    several_parks,
    supposed_awards,
    tables,
    total_parts,
    unclear_parts,
    year_chain,
    yes_to_number,
    yuan_offshore,
)
from bot.estimate import items as item_words
from bot.estimate.clauses.base import OVERLAP_ASKED, rate_rule
from bot.estimate.clauses.innovation import awards_given
from bot.estimate.parts import without_parts
from bot.estimate.reading import alternation, estimate_words, is_what_if, next_year_supposed, plausible_rate

from bot.estimate.understand import CERT_NAME, Clarification, read, wan
from bot.nlu.normalize import hanzi_of_pinyin, normalize
from knowledge.text import mend_typos_in_place
from calculator.inputs import FIELDS as CONTRACT_FIELDS
from calculator.inputs import field_type

from bot.understand.fresh_group import describes_afresh
from bot.understand.refined_group import refines

LIST_FIELDS = clauses.keys_of_type("list")
THIS_YEAR = ("onshore_cny", "offshore_usd", "usd_cny_rate")  # 三（一）/（二）: the year estimated
PREVIOUS_YEAR = ("previous_onshore_cny", "previous_offshore_usd", "previous_usd_cny_rate")  # and the year before
ADDITIVE_COUNTS = ("institution_trainees", "qualified_interns", "park_top_enterprises")
COUNT_FIELDS = ADDITIVE_COUNTS + ("interns_per_year",)
SET_ASIDE = "按您说的，这一项先不计算"  # the reason of an item the user set aside (items.set_aside)
QUESTION_INTENTS = {
    "ask_eligibility",
    "ask_business_scope",
    "ask_catalog",
    "ask_domain_of_business",
    "ask_subsidy",
    "ask_general_rules",
    "out_of_scope",
    "greet",
    "thank",
    "bot_identity",
    "bot_capabilities",
    "human_contact",
    "goodbye",
    "query_report",
    "prescreen_start",
}
CANCEL = re.compile(r"^(取消|算了|不算了|退出|停止|停|不想算了|先不(算|弄)了|不用了|结束|cancel|quit|stop)")
RESTART = re.compile(r"重新开始|从头(再)?来|清空|重置|restart")
SKIP = re.compile(r"不知道|不清楚|不确定|跳过|略过|不记得|忘了|没有数据|暂时没有|以后再说|skip")
CORRECTION = re.compile(r"不对|错了|说错|更正|改成|改为|应该是|纠正|修改")
# "还有一个ITSS认证花了12万", "再加上技术先进型的奖励，一共多少": the message adds to the running estimate
ADDS_TO_RUNNING = re.compile(
    r"还有|另外|另有|再加|加上|也算|也去|又去|又有|又补|补报|一共|总共|合计|共计|加起来|加一块|总数|合起来|"
    r"一起算|两项|三项|几项|都算上|算上|also|plus|in total|"
    r"又(报|送|派|参加|去|办|招|收|接|签|买|花|投|拿|获|新)|还(买|花|投|派|送|报|签|参加)了?|同一个平台"
)
# a bare yes: to an either-or question it picks neither (an answer that picks one is read before this is looked at)
YES_ONLY = re.compile(r"^(对|是的|是啊|嗯|没错|对的|对啊|好的|yes|ok)")
QUESTION_SHAPE = re.compile(
    r"[吗呢?？]|多少钱?|怎么|什么|哪些|是否|能不能|可不可以|有没有|上限|最多|最高|标准|比例|条件"
)


def question_part(text: str) -> str:
    """The clause of a mixed message that asks about the policy ("…4年了。对了，境外参展每场最多补多少？")."""
    parts = [p for p in re.split(r"[。！!；;\n]|(?<=[?？])", text) if p.strip()]
    if len(parts) < 2:
        return ""
    for part in parts:
        if re.search(r"[?？吗呢]|最多|上限|最高|标准|比例|条件|怎么", part) and not own_figures(part):
            return part
    return ""


def own_figures(text: str) -> list:
    """The user's own figures in a message (a figure bound by 超过/以上/最高 quotes the policy, and so does one
    asked about: bot/estimate/policy_figures.py)."""
    from bot.estimate.understand import figures

    from bot.estimate.policy_figures import is_policy_figure
    from bot.estimate.vague_figures import find, hedged

    from bot.understand.numbered_list import markers

    rough = find(text)  # 「小两百万」 is no 200万 of the user's (bot/estimate/vague_figures.py)
    listed = markers(text)  # 「… 3 引进软件类外资项目…」: the 3 numbers a question, it is no figure
    found = [
        f
        for f in figures(text)
        if (not getattr(f, "bound", None) or hedged(f))  # 「180万美元左右」 is the user's 180万美元
        and f.kind != "year"
        and not any(v.start <= f.start < v.end for v in rough)
        and not any(s <= f.start < e for s, e in listed)
    ]
    return [f for f in found if not is_policy_figure(text, f)]


BASE_ITEMS = ("3.1", "3.2")  # 三（三）'s base: the increment and offshore awards


def innovation_on_running(codes: list, running: Optional[dict], norm: str) -> bool:
    """「那按这个离岸奖算的话创新奖多少」 after an estimate of 三（二）: 三（三） is asked on the running estimate's base
    awards (15% of 三（一）+三（二）), the business amounts told before; not when the message gives a dollar amount or
    names an item outside the base."""
    if "3.3" not in codes or not set(codes) <= set(BASE_ITEMS) | {"3.3"} or not running:
        return False
    if "3.3" in items_for_inputs(running):
        return False  # 三（三） was estimated already: a new fact of it amends the estimate, it adds nothing
    base_fields = {"onshore_cny", "offshore_usd", "previous_onshore_cny", "previous_offshore_usd"}
    if not base_fields & {k for k, v in running.items() if v is not None}:
        return False
    return not any(f.kind == "money" and f.currency == "USD" for f in own_figures(norm))


def to_json(value):
    """Decimals as strings, recursively, so the state fits in a Rasa slot."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def from_json(key, value):
    """Back from a slot by the contract's field type (calculator/inputs.py): money and rates as
    Decimal, counts as int, flags as bool."""
    if value is None:
        return None
    if key.startswith("_"):
        return value
    kind = field_type(key) if key in CONTRACT_FIELDS else None
    if kind == "flag":
        return bool(value)
    if kind in ("count", "year"):
        return int(value)
    if kind == "list":
        return [{k: (Decimal(str(v)) if k == "cost_cny" else v) for k, v in e.items()} for e in value]
    if kind == "choice":
        return value
    return Decimal(str(value))


def calculator_inputs(inputs: dict) -> dict:
    """The contract's fields only (state keys starting with _, also inside list entries, are the dialogue's
    own: a fair's named parts)."""
    out = {
        k: [_contract_entry(e) for e in v] if isinstance(v, list) else v
        for k, v in inputs.items()
        if not k.startswith("_")
    }
    if "onshore_increment_cny" in out and (
        out.get("new_enterprise") or "onshore_cny" in out or "previous_onshore_cny" in out
    ):
        del out["onshore_increment_cny"]  # the years' own amounts (or 新增企业) given later stand for the difference
    if "increment_cny" in out and (
        out.get("new_enterprise")
        or any(
            k in out for k in ("onshore_cny", "previous_onshore_cny", "previous_offshore_usd", "onshore_increment_cny")
        )
    ):
        del out["increment_cny"]  # the years' own amounts given later stand for the increment
    for usd in ("offshore_usd", "previous_offshore_usd"):
        if usd in out:  # the dollars told (with the year's rate) stand for the yuan said before them
            out.pop(usd.replace("_usd", "_cny"), None)
    return out


# a note that asks the count of people meeting every condition (bot/estimate/clauses/base.py, bot/understand/residuals.py)
COUNT_ASKED = re.compile(r"(?:请告诉我|请确认)符合全部条件的")


def running_inputs(inputs: dict) -> dict:
    """What the conversation keeps of an estimate: the contract's fields, their list entries whole (a fair's
    named parts stay for a later correction of one part); the person conditions said of the people counted
    (`_fact_<fact>@<code>` of an item counting people, bot/understand/counted_facts.py) stay for a correction of
    their count (「那62个里面有4个考核没过」: the 58 left are still 大专以上, never asked again)."""
    return {
        k: v for k, v in inputs.items() if not k.startswith("_") or k.startswith("_parts_") or k.endswith(COUNTED_FACTS)
    }


COUNTED_FACTS = ("@3.7.2", "@3.7.4")  # the items whose counted people's facts bot/understand/counted_facts.py sets


def converted_asks(others: list) -> list:
    from bot.estimate.currency_asks import converted_asks as asks

    return asks(others)


def _said_values(data: dict) -> list:
    """The figures a business_kind clarification holds, each with its year."""
    return data.get("values") or [{"value": data["value"], "year": data.get("year")}]


def _contract_entry(entry):
    return {k: v for k, v in entry.items() if not k.startswith("_")} if isinstance(entry, dict) else entry


@dataclass
class Turn:
    """What the session has to say after a message."""

    messages: List[str] = field(default_factory=list)
    interjection: bool = False
    done: bool = False
    cancelled: bool = False
    reset_all: bool = False
    understood: bool = True
    question: str = ""


# The fields whose figures, once given, make an item part of the estimate (each clause's `implies_item`).
FIGURE_ITEMS = clauses.figure_items()


def figures_told(norm: str) -> list:
    """The figures of a correction that are the new values: 「是120万 不是1.2亿」 corrects the one after 不是."""
    from bot.estimate.understand import figures

    return [f for f in figures(norm) if not re.search(r"(不是|而非|并非)\s*$", norm[max(0, f.start - 3) : f.start])]


def topic_items(topic: Optional[str], norm: str, running: Optional[dict]) -> list:
    """The one item of the clause just talked about, for a message that names no item but gives figures
    of its own; [] when there is no such clause or the estimate is already running, unless the figures are
    that item's in the years after it (「那以后每年的维护费大概10万 也能补吗」 after CMMI's 认证费: estimated on
    their own, estimate_words.yml later_years)."""
    if not topic or topic not in item_words.ORDER or not own_figures(norm):
        return []
    if running and not (topic in items_for_inputs(running) and _later_years(norm)):
        return []
    return [topic]


def _items_asked(norm: str) -> list:
    """The items the message names, less those it says were received already (「技先去年领过了 今年离岸200万美元…」
    「离岸奖励去年领过了…增量奖励能拿多少」, bot/understand/received_awards.py) when it asks about another item or gives
    figures of its own outside those words: the received award is context, not an item of this estimate."""
    from bot.understand import received_awards

    named = item_words.detect_items(norm)
    got = [c for c in received_awards.received(norm) if c in named]
    if not got or ("3.3" in named and set(got) <= {"3.1", "3.2"}):
        return named
    others = [c for c in named if c not in got]
    if others or own_figures(received_awards.without_received(norm)):
        return others
    return named


def _later_years(norm: str) -> bool:
    words = estimate_words().get("later_years") or []
    return any(w in norm for w in words)


class EstimateSession:
    """The state of one estimate and the rules for moving it on."""

    def __init__(
        self,
        items=(),
        inputs=None,
        pending=None,
        clarify=None,
        notes=None,
        skipped=None,
        fairs_none=None,
        retries=0,
        status="collecting",
        last_keys=None,
        facts=None,
        extends=False,
        ask_again=None,
        year_focus=None,
    ):
        self.items = item_words.sort_items(items)
        self.inputs = dict(inputs or {})
        self.pending = pending
        self.clarify = clarify
        self.notes = list(notes or [])
        self.skipped = list(skipped or [])
        self.fairs_none = list(fairs_none or [])
        self.retries = retries
        self.status = status
        self.last_keys = list(last_keys or [])
        self.facts = dict(facts or {})  # facts the user stated (JSON form of bot.understand.facts)
        self.extends = bool(extends)  # the first message adds to the conversation's running estimate
        self.ask_again = list(ask_again or [])  # this year's amounts a next-year what-if has not given yet
        self.year_focus = year_focus  # the calendar year estimated when not this one (明年 = 1): year_chain.py
        self.problems = []
        self.rough = []  # rough amounts of this turn's message (bot/estimate/vague_figures.py), asked when needed

    # -- persistence ---------------------------------------------------------------------------
    def dump(self) -> dict:
        return to_json(
            {
                "items": self.items,
                "inputs": self.inputs,
                "pending": self.pending,
                "clarify": self.clarify,
                "notes": self.notes,
                "skipped": self.skipped,
                "fairs_none": self.fairs_none,
                "retries": self.retries,
                "status": self.status,
                "last_keys": self.last_keys,
                "facts": self.facts,
                "extends": self.extends,
                "ask_again": self.ask_again,
                "year_focus": self.year_focus,
            }
        )

    @classmethod
    def load(cls, state: Optional[dict]) -> "EstimateSession":
        state = dict(state or {})
        inputs = {k: from_json(k, v) for k, v in (state.pop("inputs", None) or {}).items()}
        return cls(
            inputs=inputs,
            **{
                k: v
                for k, v in state.items()
                if k
                in (
                    "items",
                    "pending",
                    "clarify",
                    "notes",
                    "skipped",
                    "fairs_none",
                    "retries",
                    "status",
                    "last_keys",
                    "facts",
                    "extends",
                    "ask_again",
                    "year_focus",
                )
            },
        )

    # -- starting --------------------------------------------------------------------------------
    @classmethod
    def start(
        cls,
        text: str,
        known: Optional[dict] = None,
        running: Optional[dict] = None,
        topic: Optional[str] = None,
        year: Optional[int] = None,
    ) -> "EstimateSession":
        """A session from the message that asked for an estimate; `known`: the conversation's facts (JSON);
        `running`: the conversation's estimate so far, which a message that adds to it ("还有…", "再加上…，一共
        多少") extends; `topic`: the clause just talked about, the item of a message that names none but
        gives figures (「硬件设备加正版软件一共买了460万」 after 三（九）); `year`: the calendar year to estimate
        of a message with amounts of several years (year_chain.py; found here when the message asks one)."""
        from bot.estimate.understand import english_to_chinese

        text = hanzi_of_pinyin(text or "")
        norm = english_to_chinese(mend_typos_in_place(normalize(text or "")))
        # 「年度 在岸(万元) … / 2022 3200 … / 2024 …」: the table's years are years of amounts (the year asked is read below)
        read = tables.tables_read(norm)
        if read != norm:
            text = norm = read
        # 「100万美元（系统里填的就是1,000,000.00）」: one figure told twice
        said_once = restated_figures.without_restatements(norm)
        if said_once != norm:
            text = norm = said_once
        focused, park_notes = several_parks.focus(norm)  # 「A园…市级…；B园是区级的」: B's level is B's alone
        if park_notes:
            text = norm = focused
        asked = year_chain.asked_years(norm) if year is None else [year]
        alone = year_chain.each_alone(norm)  # read before focus() blanks the other years (and 「三年」)
        founded = year_chain.founded_year(norm)  # 「2021年新成立的」: that year is the enterprise's first
        if len(asked) == 1:  # 「今年在岸1.2亿…明年如果在岸做到2亿…明年总共能拿多少」: 明年 against 今年
            text = norm = year_chain.focus(norm, asked[0])
        year_notes = []
        if not asked:  # 「前年…认证费15万…今年维护8万」: fairs' and certificates' costs of another year left out
            scoped, year_notes = other_year_costs.scoped(norm)
            if year_notes:
                text = norm = scoped
        codes = _items_asked(norm) or topic_items(topic, norm, running)
        adds = bool(ADDS_TO_RUNNING.search(norm)) and bool(running) and not replaces_a_count(norm, running)
        adds = adds and not describes_afresh(norm, running)  # 「今年培训了40人，其中30个…另外10个…」: a new group
        adds = adds and not refines(norm, running)  # 「60人里…48个，另外12个签的是半年」: the 60 split, no new batch
        adds = adds or innovation_on_running(codes, running, norm)
        if running and running.get("certifications") and not adds:
            # "ITSS是今年新拿的 认证费15万" after CMMI: a certification not yet told is another one
            said = {m.group(0).replace(" ", "").upper()[:4] for m in CERT_NAME.finditer(norm)}
            told = {str(c.get("name", "")).upper()[:4] for c in running["certifications"]}
            adds = bool(said) and not (said & told)
        session = cls(items=codes, facts=known, extends=adds)
        session.notes.extend(park_notes + year_notes)
        received = [c for c in item_words.detect_items(norm) if c not in codes and c not in item_words.set_aside(norm)]
        aside = [c for c in item_words.set_aside(norm) if c not in codes]
        if aside:  # 「离岸10%那个先不用管」: computed with 0 and not shown (compute, actions/estimating.py)
            session.inputs["_set_aside"] = aside
        if len(asked) == 1 and asked[0]:
            session.year_focus = asked[0]
            if alone:
                session.notes.append(year_chain.alone_note(asked[0], "3.2" in codes))
            elif founded == asked[0]:
                session.notes.append(year_chain.first_year_note(asked[0]))
            else:
                session.notes.append(year_chain.basis_note(asked[0]))
        if adds:
            session.inputs = dict(running)
            session.items = item_words.sort_items(codes + items_for_inputs(running))
        facts_before, notes_before = session.facts, list(session.notes)
        session._note_facts(text)
        session.fill_from_facts()
        session._absorb(text, first=True)
        if len(asked) == 1 and asked[0] and founded == asked[0] and not alone:
            # 「公司是2023年6月注册成立的…2023年…」 read for 2023: the year it was set up in is its first (纯增量)
            session.inputs.setdefault("new_enterprise", True)
        if adds:  # 「还有8个项目经理…在读在职MBA学位班…加上一共多少」: that batch out, never the item
            failing_batch.exclude(session, dict(running), facts_before, notes_before)
        session._keeps_counts_told(norm, running)
        session._drop_stale_everyone_notes()
        session._keeps_fairs_told(norm, running, adds)
        session._rates_not_at_hand(norm)
        session._drop_facts_read_again()
        session._previous_is_the_year()
        if topic == "3.3" and awards_given(session.inputs) and set(codes) <= {"3.1", "3.2"}:
            session.items = item_words.sort_items(list(session.items) + ["3.3"])  # the awards are 三（三）'s base
        session.infer_items()
        pointed_item.keep_asked(session, norm)  # 「去年离岸三百万美元 …高级培训… 这个培训补贴能补多少」: the training
        yuan_offshore.drop_unneeded_ask(session)  # 「离岸已折成人民币800万 增量多少」: no dollars needed
        session._onshore_feeds_the_increment(norm)
        session._offshore_feeds_the_increment(codes)
        if codes and not item_words.detect_items(norm) and not session.reads_topic(codes[0]):
            session.items = [c for c in session.items if c != codes[0]]  # the topic's fields got no figure
        session._ask_who_qualifies(norm)
        if not session.items:  # 「今年服务外包业务做了150万 能拿多少」: the item is asked naming the figure told
            from bot.estimate.reading import wan
            from bot.understand.retractions import without_retracted

            # 「80万。。。不对不对，，是85万」: a figure taken back is not named again
            told = [
                wan(f.value) for f in own_figures(without_retracted(norm)) if f.kind == "money" and f.currency != "USD"
            ]
            if told:
                session.inputs["_unplaced"] = told
        session.advance()
        session._ask_exact_amounts()
        received = [c for c in received if c not in session.items]
        if received:  # 「技先去年领过了 今年离岸200万美元…」: the award received is context, said so
            names = "、".join(item_words.NAMES.get(c, c) for c in received)
            session.notes.insert(0, f"您说已经领过的{names}是另一项支持，不在这次测算之内，也不影响下面各项")
        return session

    def _ask_exact_amounts(self) -> None:
        """「硬件设备投了小两百万」: a rough amount is never computed with; while the estimate still lacks a figure,
        the question comes after the words that name each rough amount and ask for the exact one."""
        from bot.estimate.vague_figures import question

        if self.rough and self.status == "collecting":
            self.problems.insert(0, question(self.rough))
        self.rough = []

    def _onshore_feeds_the_increment(self, norm: str) -> None:
        """「今年在岸1.5kw 离岸120万美金 能拿哪些奖励」: this year's onshore amount counts only in 三（一）; unless the
        message names the offshore award alone, 三（一） is estimated too (what it lacks is asked), never dropped."""
        from bot.estimate.reading import estimate_words

        if not self.inputs.get("onshore_cny") or "3.2" not in self.items:
            return
        if set(self.items) & {"3.1", "3.3", "3.8.3"}:
            return
        named = estimate_words()["offshore_award_named"]
        if any(w in norm for w in named) or re.search(r"离岸[^，。,；;\d]{0,8}(奖|能拿|拿多少|多少钱)", norm):
            # 「离岸奖励」「离岸这块能拿多少」 ask about 三（二）; 「离岸120万美金 能拿哪些」 asks about all
            if any(self.inputs.get(k) is not None for k in PREVIOUS_YEAR + ("previous_offshore_cny",)):
                return  # last year's figures told too: the calculator works 三（一） out beside it, nothing to ask
            note = (
                f"今年在岸执行额{wan(self.inputs['onshore_cny'])}只用于业务规模增量奖励（第三条第（一）项），"
                "这里只算了您问的离岸业务奖励；要算增量奖励，请告诉我上一年度的执行额"
            )
            if note not in self.notes:
                self.notes.append(note)
            return
        self.items = item_words.sort_items(list(self.items) + ["3.1"])

    def _offshore_feeds_the_increment(self, codes: list) -> None:
        """「今年离岸150万美元 汇率7.1 能拿多少」: a question naming no award, with this year's offshore amount alone,
        is estimated on 三（二）; this year's amount feeds 三（一） too, which needs last year's: the answer says so and
        what it needs, never assuming last year's amount."""
        inp = self.inputs
        if codes or self.items != ["3.2"] or not inp.get("offshore_usd"):
            return
        if any(k in inp for k in ("onshore_cny", "previous_onshore_cny", "previous_offshore_usd", "new_enterprise")):
            return
        if INCREMENT_NOT_ESTIMATED_NOTE not in self.notes:
            self.notes.append(INCREMENT_NOT_ESTIMATED_NOTE)

    def _keeps_fairs_told(self, norm: str, running: Optional[dict], adds: bool) -> None:
        """「境外那场10万都是展位和特装」 after several fairs: a detail about one fair told (that fair again, 那场)
        keeps the others; the running fairs stay, never replaced by the one named."""
        told, new = (running or {}).get("fairs") or [], self.inputs.get("fairs") or []
        if adds or not told or not new or len(new) >= len(told) or not _restates(told, new):
            return
        if not re.search(r"(那|这|该|此)(一)?(场|个展|次|个活动)", norm):
            return
        self.inputs = {**running, **self.inputs, "fairs": list(told)}
        self.items = item_words.sort_items(list(dict.fromkeys(self.items + items_for_inputs(running))))

    def _rates_not_at_hand(self, norm: str) -> None:
        """「去年的汇率记不清了」: that rate is not asked for; the items that need it wait (rate_waits.py)."""
        from bot.estimate.rate_waits import rates_said_unknown

        for key in rates_said_unknown(norm):
            if key not in self.inputs and key not in self.skipped:
                self.skipped.append(key)

    @classmethod
    def sole_fit(cls, text: str, known: Optional[dict] = None) -> Optional["EstimateSession"]:
        """「那140个人一共能拿多少」 after the facts of one clause were told: the finished session of the only
        clause whose fields the message's figures fill, with the facts told before; None unless exactly one."""
        applicant = (known or {}).get("applicant_type")  # a training institution's figures are its own clause's
        fits = []  # 「派了10个人去培训 花了40万」 fits 三（七）3 (asked per person) as well as a platform: no one clause
        for code in item_words.ORDER:
            if applicant and clauses.BY_CODE[code].applicant != applicant:
                continue
            session = cls.start(text, known=known, topic=code)
            if (session.items == [code] and session.status == "done") or (
                session.clarify and session.items in ([], [code])
            ):
                fits.append(session)
        done = [  # asking who of the people counted qualifies is part of that clause's estimate
            s for s in fits if (s.status == "done" and not s.clarify) or (s.clarify or {}).get("kind") == "qualified"
        ]
        return done[0] if len(fits) == 1 and done else None

    def reads_topic(self, code: str) -> bool:
        """Whether the message's figures filled a field of the clause `code` (the topic it named none of)."""
        from bot.estimate import clauses

        return any(f.key in self.inputs for f in clauses.BY_CODE[code].fields)

    def _previous_is_the_year(self):
        """ "离岸业务去年做了500万美元": with no increment asked, last year is the year rewarded."""
        inp = self.inputs
        current = ("offshore_usd", "onshore_cny")
        if inp.get("new_enterprise") and not any(k in inp for k in current):
            moved = [k for k in ("previous_onshore_cny", "previous_offshore_usd") if k in inp]
            for key in moved:  # 「去年新成立…去年是第一年有业务 执行额800万」: 去年 is the first year
                inp[key[len("previous_") :]] = inp.pop(key)
            if moved and "previous_usd_cny_rate" in inp and "usd_cny_rate" not in inp:
                inp["usd_cny_rate"] = inp.pop("previous_usd_cny_rate")
            if moved:
                self.notes.append("按您说的去年（新增企业首年）的执行额计算纯增量")
            return
        if "3.1" in self.items or "3.3" in self.items:
            return
        if any(k in inp for k in ("offshore_usd", "onshore_cny", "previous_onshore_cny")):
            return
        if "previous_offshore_usd" in inp:
            inp["offshore_usd"] = inp.pop("previous_offshore_usd")
            if "previous_usd_cny_rate" in inp and "usd_cny_rate" not in inp:
                inp["usd_cny_rate"] = inp.pop("previous_usd_cny_rate")
            self.notes.append(PREVIOUS_YEAR_OFFSHORE_NOTE)

    def infer_items(self):
        """Items implied by the figures when the user named none ("离岸执行额150万美元能拿多少")."""
        inp = self.inputs
        codes = set(self.items)
        awards = awards_given(inp)
        for key in [k for k in inp if k.startswith("_award_")] if not awards else []:
            # the user's figure is named as theirs, never beside the award's name as if it were the award
            name = clauses.NAMES.get(key[len("_award_") :], "奖励")
            note = f"{name}：您算出的{wan(inp[key])}未作为依据，已按政策比例和上限重新计算"
            if note not in self.notes:
                self.notes.append(note)
        if awards and not codes:
            codes.add("3.3")
        if "3.3" in codes and awards:
            codes -= {"3.1", "3.2"}
        elif "3.3" in codes and (
            inp.get("innovation_patents_two_years") is False and inp.get("innovation_rd_growth_two_years") is False
        ):
            pass  # 三（三） ruled out by what the user said: its base (三（一）/（二）) is not asked for it
        elif "3.3" in codes:
            # 三（三） is 15% of 三（一） and 三（二）: the items the figures given feed
            if inp.get("offshore_usd"):
                codes.add("3.2")
            if (
                any(k.startswith("previous_") for k in inp)
                or inp.get("new_enterprise")
                or "onshore_cny" in inp
                or not ({"3.1", "3.2"} & codes)
            ):
                codes.add("3.1")
        if not codes:
            if any(k in inp for k in ("previous_onshore_cny", "previous_offshore_usd")) or inp.get("new_enterprise"):
                codes.add("3.1")
            # 「漏算了离岸 还有8万美元 这样合同额够了吧」 with a rent estimate: this year's amounts are the rent's
            # contract amount (三（八）3), as when the rent item is named
            for_rent = "rent_annual_cny" in inp and "3.1" not in codes
            if "offshore_usd" in inp and not for_rent:
                codes.add("3.2")
            if "onshore_cny" in inp and "3.1" not in codes and not for_rent:
                codes.add("3.1")
            if "innovation_patents_two_years" in inp or "innovation_rd_growth_two_years" in inp:
                codes.add("3.3")
            for key, code in FIGURE_ITEMS:
                if key in inp:
                    codes.add(code)
            if self.clarify and self.clarify.get("kind") in ("business_kind", "currency", "executed", "part"):
                codes.add("3.2" if self.clarify.get("data", {}).get("key", "").endswith("offshore_usd") else "3.1")
                if self.clarify.get("data", {}).get("mixed"):
                    codes.add(
                        "3.1"
                    )  # 「业务额1800万 其中一部分是离岸的 能拿多少」: the whole year's business feeds 三（一）
        else:
            codes |= self._implied_items(codes)
        # 「展会补贴10万」 beside 三（三）: an award the user already got, not a cost of its item to estimate
        codes -= {
            c for c in inp.get("_other_awards") or () if not any(k in inp for k, code in FIGURE_ITEMS if code == c)
        }
        self.items = item_words.sort_items(codes)

    def _implied_items(self, codes: set) -> set:
        """Items whose figures the user gave but no item named uses ("今年离岸230万美元，参加了两个展…"):
        every figure typed is used, so its item is added."""
        inp, out = self.inputs, set()
        if any(k.startswith("_award_") for k in inp):
            return out
        business = codes & {"3.1", "3.2", "3.3"} or ("3.8.3" in codes and "rent_contract_amount_cny" not in inp)
        if "offshore_usd" in inp and not business and inp["offshore_usd"]:
            out.add("3.2")
        if (
            not business
            and "3.8.3" not in codes
            and (
                "onshore_cny" in inp
                and "previous_onshore_cny" in inp
                or inp.get("new_enterprise")
                and "onshore_cny" in inp
            )
        ):
            out.add("3.1")
        if not codes & {"3.1", "3.2", "3.3"} and "onshore_cny" in inp and "previous_onshore_cny" in inp:
            out.add("3.1")  # 「今年执行额2400万 去年2000万 年租金96万」: last year's amount is 三（一）'s alone
        if (
            inp.get("new_enterprise") is False
            and "3.8.3" not in codes
            and any(k in inp for k in ("onshore_cny", "offshore_usd"))
        ):
            out.add("3.1")  # 「不是新增企业」 said of this year's business: said for 三（一）, whose last year is asked
        for key, code in FIGURE_ITEMS:
            if inp.get(key):
                out.add(code)
        return out

    # -- reading answers -------------------------------------------------------------------------
    def handle(self, text: str, intent: Optional[str] = None) -> Turn:
        """Move the session on with one user message."""
        text = hanzi_of_pinyin(text or "")  # 「meiyou liean yewu dou shi guonei de」: 没有离岸业务都是国内的
        if not self.year_focus:
            return self._handle(text, intent)
        # 「今年按7.1，明年也先按7.1估」 in an estimate of 明年: 今年 is its previous year, and the replies say 明年
        from bot.estimate.understand import english_to_chinese

        turn = self._handle(year_chain.relabel(english_to_chinese(normalize(text or "")), self.year_focus), intent)
        turn.messages = [year_chain.in_user_words(m, self.year_focus) for m in turn.messages]
        return turn

    def _handle(self, text: str, intent: Optional[str] = None) -> Turn:
        norm = normalize(text or "").strip()
        if not norm:
            return Turn(messages=["我没有收到内容。" + self.question()], understood=False)
        if intent == "start_over" or RESTART.search(norm):
            self.status = "cancelled"
            return Turn(messages=["好的，已清空本次会话中的测算，我们重新开始。"], cancelled=True, reset_all=True)
        if intent == "cancel" or CANCEL.search(norm):
            self.status = "cancelled"
            return Turn(messages=["好的，已取消本次测算。需要时随时再来，比如说“帮我算一下离岸奖励”。"], cancelled=True)
        turn = self._answer_beside_question(text, intent)
        if turn is not None:
            return turn
        asked_parts = self.inputs.get(OVERLAP_ASKED)
        if isinstance(asked_parts, dict) and said_apart(norm) and not people_counted(norm):
            # 「不重叠」 to whether the parts left out are the same people: the message they were told in is read again,
            # with the answer, and each part is subtracted
            del self.inputs[OVERLAP_ASKED]
            self.notes = [n for n in self.notes if asked_parts.get("ask", "-") not in n]  # asked, now answered
            text = norm = normalize(asked_parts["text"] + " " + norm)
            self.pending = None  # the count is read from that message, never a figure of its taken as the answer
        told = unclear_parts.settled(norm, asked_parts) if isinstance(asked_parts, dict) else None
        if told is not None:  # 「这4个也都交满6个月了」 to the question about them: counted with the others
            del self.inputs[OVERLAP_ASKED]
            self.notes.append(told[1])
            text = norm = f"{told[0]}名"
        dropped = self._drop_named_items(norm)
        if dropped:
            self.advance()
            said = "、".join(item_words.NAMES.get(c, c) for c in dropped)
            return Turn(messages=[f"好的，{said}不再计入。"], done=self.status == "done")
        if re.search(alternation(estimate_words()["only_given"]), norm, re.I) and not own_figures(norm):
            return self._only_given()
        if (
            not self.clarify
            and QUESTION_SHAPE.search(norm)
            and not own_figures(norm)
            and intent not in ("inform", "affirm", "deny", "correct_value", "dont_know", "cancel", "start_over")
            and not re.match(r"^(是|否|不是|没有|有)", norm)
        ):
            return Turn(interjection=True, understood=False)
        asked = question_part(norm)
        data_text = norm.replace(asked, "") if asked else norm
        new_items = [c for c in item_words.detect_items(data_text) if c not in self.items]
        if (self.clarify and self.clarify.get("kind") in ("platform_breakdown", "fair_breakdown")) or (
            intent == "correct_value" and getattr(self, "amending", False)
        ):
            new_items = []  # 「其余160万是人工和房租」 corrects the breakdown; 房租 names no item here
        if self.pending == "platforms":
            new_items = [c for c in new_items if c != "3.8.3"]  # 「平台场地租金60万」: a platform cost, no rent item
        is_correction = intent == "correct_value" or bool(CORRECTION.search(norm))
        if intent == "dont_know" or (SKIP.search(norm) and not re.search(r"\d", norm)):
            return self._skip()
        before = dict(self.inputs), self.clarify
        asked_before = (self.pending, (self.clarify or {}).get("question"))
        shifted = self._shift_to_next_year(norm) if is_correction else []
        if new_items and intent not in QUESTION_INTENTS:
            self.items = item_words.sort_items(self.items + new_items)  # read this message for them too
        facts_before = self.facts
        self._note_facts(text)
        self._answer_left = None  # the part of an answer left to read once a correction in it was made
        resolved = self._resolve_clarification(text) if self.clarify else False
        resolved = resolved or self._last_year_said_whole(norm)
        settled = {k: self.inputs[k] for k in LIST_FIELDS if k in self.inputs} if resolved else {}
        paired = {}  # 「1200万是去年的 800万是今年的」 answers which year each is: read once, not again below
        if resolved and (before[1] or {}).get("kind") == "years_of_pair":
            key = before[1]["data"]["key"]
            paired = {k: self.inputs[k] for k in (key, "previous_" + key) if k in self.inputs}
        clarify_now = self.clarify
        had = dict(self.inputs)
        self.entry_dropped = False
        count_asks = [n for n in self.notes if COUNT_ASKED.search(n)]
        notes_before = list(self.notes)
        got = self._absorb(self._answer_left or text, correction=is_correction)
        if not is_correction:  # 「还有8个项目经理…在读在职MBA学位班…加上一共多少」: that batch out, never the item
            failing_batch.exclude(self, had, facts_before, notes_before)
        self._drop_stale_everyone_notes()
        self._drop_answered_count_asks(count_asks, had)
        if self.entry_dropped:
            self.facts = (
                facts_before  # 「1.8万那场是行业协会办的 不是指定的 去掉」: the words are that fair's, now gone
            )
        if is_correction:
            self._correct_one_contract(before[0], norm)
            self._correct_named_entries(before[0])
        if (  # 「CMMI3认证费26万，ITSS三级认证费9万…」 answers the question which certification cost how much
            self.clarify
            and self.clarify.get("kind") == "cert_cost"
            and self.inputs.get("certifications")
            and self.inputs.get("certifications") != before[0].get("certifications")
        ):
            self.clarify = clarify_now = None
        self.inputs.update(settled)  # the answer to a clarification is not read a second time
        if getattr(self, "_fairs_held", False):  # the fairs of an answer whose count is asked again: not yet taken
            self._fairs_held = False
            self.inputs.pop("fairs", None)
            self.inputs.update({"fairs": before[0]["fairs"]} if before[0].get("fairs") else {})
        self.inputs.update(paired)
        if resolved and (before[1] or {}).get("kind") == "usd_cost":
            for key in ("usd_cny_rate", "previous_usd_cny_rate"):  # the rate converted a cost, not the year's parity
                if key not in before[0]:
                    self.inputs.pop(key, None)
        answered = {e.get("cost_cny") for k in settled for e in settled[k] if isinstance(e, dict)}
        for key in [k for k in self.inputs if k not in had and k not in LIST_FIELDS]:
            value = self.inputs[key]  # a batch's counts kept (_parts_institution_batches) are a dict: no cost
            if (
                not isinstance(value, (dict, list)) and value in answered
            ):  # 「成都和杭州两场国内的，各4万」: not 在岸执行额
                self.inputs.pop(key)
        if resolved:
            self.clarify = clarify_now  # the answer was read for the question; not asked about again
        known = len(self.inputs)
        self.fill_from_facts()
        got = got or len(self.inputs) > known
        if new_items and intent in ("estimate_award", "inform", "estimate_total", None):
            self.items = item_words.sort_items(self.items + new_items)
            got = True
        self.facts_changed = bool(
            getattr(self, "amending", False)
            and self.items
            and (is_correction or is_what_if(norm))
            and self._conditions_changed(facts_before)
        )  # 「那如果都签一年的呢」 after an estimate that failed on the contract: the same figures, the conditions met
        got = got or self.facts_changed
        if not (resolved or got):
            if intent in QUESTION_INTENTS or (intent == "estimate_total"):
                return Turn(interjection=True, understood=False)
            self.retries += 1
            hint = "抱歉，我没能从这句话里读出需要的信息。"
            if self._states_facts_only(text):  # 「园区是市级重点园区，我们是外包企业」: a fact again, no figure
                hint = "好的，您说的情况记下了；测算还差下面这个数字。"
                # 「学员是应届大专毕业，考核通过，合同期限正好一年」: the verdict on them, then the figure asked
                met = self.met_conditions()
                if met:
                    hint = (
                        "好的，您说的情况记下了。"
                        + "".join(
                            f"按您说的情况，{item_words.NAMES.get(code, code)}的条件满足：{'、'.join(labels)}。"
                            for code, labels in met.items()
                        )
                        + "测算还差下面这个数字。"
                    )
            if not self.clarify and yes_to_number.hint(self.pending, norm):
                hint = yes_to_number.hint(self.pending, norm)  # 「是的」 to 「年租金是多少元？」: a number is asked
            if self.clarify and "还是" in self.clarify.get("question", "") and YES_ONLY.match(norm):
                # 「对 580万和430万」 to 「…是在岸还是离岸」: a yes picks neither of the two
                hint = "这里需要在两者中选一个，“对”还分不出是哪一种，请直接说出是哪一种。"
            if self.retries >= 3:
                hint += "如果不方便提供，可以回复“跳过”，或回复“取消”结束测算。"
            return Turn(messages=[hint], understood=False)
        self.retries = 0
        self._previous_is_the_year()  # 「去年离岸执行额175万美元」 answering for 三（二） alone: last year is the year
        self.infer_items()
        if "senior_training" not in before[0]:
            self._ask_who_qualifies(norm)
        if self.status == "done" and self.missing():
            self.status = "collecting"  # a correction or a next-year what-if left a figure to ask
        self.advance()
        self._ask_exact_amounts()
        msgs = shifted + list(self.problems)
        msgs += self._read_but_not_answered(before[0], asked_before)
        if asked and self.status == "collecting":
            return Turn(messages=msgs, question=asked)
        if is_correction and self.inputs != before[0]:
            changed = [k for k in self.inputs if before[0].get(k) != self.inputs.get(k) and k in clauses.FIELDS]
            # 「920平…等下我看错了，是1020平」 in the first figures: nothing told before is changed
            if not is_what_if(norm):
                changed = [k for k in changed if k in before[0]]
            if changed:
                said = "按您假设的数字重新测算：" if is_what_if(norm) else "好的，已更正："
                msgs.append(said + "、".join(describe_field(k, self.inputs[k]) for k in changed) + "。")
        return Turn(messages=msgs, done=self.status == "done")

    def _answer_beside_question(self, text: str, intent: Optional[str]) -> Optional[Turn]:
        """「6.9 对了顺便问下 外地公司在郑州的分支机构能报吗」: the answer to the open question is read and the side
        question handed back to be answered (Turn.question); None when the message has no such two parts or the
        answer part gives the session nothing (the message is then read whole, as before)."""
        from bot.estimate import side_questions

        if getattr(self, "_reading_answer", False):
            return None
        found = side_questions.answer_and_question(text, asked=intent in QUESTION_INTENTS)
        if found is None:
            return None
        answer, question = found
        saved = self.dump()
        as_answer = intent if intent in ("affirm", "deny", "correct_value", "dont_know") else "inform"
        self._reading_answer = True
        try:
            turn = self._handle(answer, as_answer)
        finally:
            self._reading_answer = False
        if turn.understood and not turn.interjection and not turn.cancelled:
            turn.question = " ".join(q for q in (turn.question, question) if q)
            return turn
        for key, value in vars(EstimateSession.load(saved)).items():
            setattr(self, key, value)
        return None

    def _conditions_changed(self, facts_before) -> bool:
        """Whether the facts noted from this message change an item's verdict (a person condition supposed or
        corrected), the figures being the same."""
        if self.facts == facts_before:
            return False

        def statuses() -> dict:
            return {(code, c.id): c.status for code, v in self.verdicts().items() for c in v.checks}

        now = self.facts
        self.facts = facts_before
        try:
            before = statuses()
        finally:
            self.facts = now
        return before != statuses()

    def _read_but_not_answered(self, had: dict, asked_before) -> list:
        """「汇率按7.0」 to a question about last year's amounts: the figures read are said, and that the question is
        still open, so the same question never comes back as if nothing had been read."""
        if self.status != "collecting" or not asked_before[0] or getattr(self, "amending", False):
            return []
        if (self.pending, (self.clarify or {}).get("question")) != asked_before:
            return []
        changed = [k for k in self.inputs if had.get(k) != self.inputs.get(k) and k in clauses.FIELDS]
        if not changed:
            return []
        said = "、".join(describe_field(k, self.inputs[k]) for k in changed)
        return [f"已记下：{said}。下面这个问题的答案还没有读到，请再说一下："]

    def _only_given(self) -> Turn:
        """「其他都先不算，只算我列的这几项」 with a question open: the items still missing a figure (or waiting for one
        to be made clear) are left out and named, the others computed; nothing missing is guessed."""
        self.clarify = None
        self.pending = None
        left = [c for c in self.items if any(k not in self.skipped for k in clauses.missing(self, {c}))]
        kept = [c for c in self.items if c not in left]
        if not kept:
            self.advance()
            return Turn(messages=["您给的数字还不够算出任何一项。" + self.question()], understood=True)
        self.items = kept
        self.advance()
        said = "、".join(item_words.NAMES.get(c, c) for c in left)
        msg = "好的，只算您给了数字的几项。" + (f"{said}还缺数字，先不计入，补充后可以再算。" if left else "")
        return Turn(messages=[msg], done=self.status == "done")

    def _drop_named_items(self, norm: str) -> list:
        """「技术先进型那个是前年拿到的 今年不算了 删掉它」: the items of this estimate the message names with a word
        that takes them out (estimate_words.yml drop_item), taken out with the figures no other item uses; a
        message with an amount of its own names an entry of a list, not an item ([] then)."""
        from bot.estimate.understand import estimate_words, figures

        words = estimate_words()["drop_item"]
        if not any(w in norm for w in words) or any(f.kind == "money" for f in figures(norm)):
            return []
        named = [c for c in item_words.detect_items(norm) if c in self.items]
        if not named or len(named) == len(self.items):
            return []
        self.items = [c for c in self.items if c not in named]
        kept = {f.key for c in self.items for f in clauses.BY_CODE[c].fields}
        for code in named:
            for f in clauses.BY_CODE[code].fields:
                if f.key not in kept:
                    self.inputs.pop(f.key, None)
        if self.pending and self.pending not in kept:
            self.pending = None
        return named

    def _correct_named_entries(self, old: dict) -> None:
        """「不对 CMMI那个认证费是21万」 after CMMI3 18万 + ITSS 5万: each entry the message names by (part of) its
        name takes the new figures, keeping the name told; the entries not named stay. Left as read when a name
        fits no entry or several."""

        def key(entry) -> str:
            return re.sub(r"\s", "", str(entry.get("name") or "")).upper()

        for list_key in ("certifications",):
            told, now = old.get(list_key), self.inputs.get(list_key)
            if not told or not now or now == told or len(now) >= len(told):
                continue
            merged = [dict(e) for e in told]
            for entry in now:
                name = key(entry)
                hits = [
                    i
                    for i, e in enumerate(told)
                    if name and key(e) and (key(e).startswith(name) or name.startswith(key(e)))
                ]
                if not name or len(hits) != 1:
                    break
                merged[hits[0]].update({k: v for k, v in entry.items() if k != "name"})
            else:
                self.inputs[list_key] = merged

    def _correct_one_contract(self, old: dict, norm: str) -> None:
        """「后一笔其实执行了58万美元 不是40万」 after a year's amount added up from several contracts: the contract
        named (by its place, estimate_words.yml contract_parts, or by its old figure after 不是) takes the new
        figure and the amount is added up again; the corrected figure is never the whole year's amount."""
        from bot.estimate.understand import parts_note

        for key in ("onshore_cny", "offshore_usd", "previous_onshore_cny", "previous_offshore_usd"):
            parts = old.get(f"_parts_{key}")
            if not parts or len(parts) < 2 or key not in self.inputs or self.inputs[key] == old.get(key):
                continue
            values = [Decimal(str(p)) for p in parts]
            if sum(values) != old.get(key) or self.inputs.get(f"_parts_{key}") != parts:
                continue  # the amount was replaced since, or this message tells its contracts again
            index = contract_named(norm, values)
            if index is None:
                continue
            values[index] = self.inputs[key]
            self.inputs[key] = sum(values)
            self.inputs[f"_parts_{key}"] = [str(v) for v in values]
            unit = "美元" if key.endswith("_usd") else "元"
            self.notes = [n for n in self.notes if not n.endswith(f"合计{wan(old[key], unit)}")]
            self.notes.append(parts_note(values, unit) + f"（第{index + 1}个合同按更正后的{wan(values[index], unit)}）")

    def _shift_to_next_year(self, norm: str) -> list:
        """「如果明年在岸做到2900万呢」: next year is compared with this year, so this year's amounts and rate become
        the previous year's; this year's are kept only where the message says they stay (「在岸不变」), else the
        message's figures or a question give them. Returns the messages that say so ([] when no shift)."""
        unchanged = next_year_supposed(norm)
        if unchanged is None or not any(k in self.inputs for k in THIS_YEAR):
            return []
        # 「去年600万 今年900万 全是在岸的」 estimated with no offshore business in either year: this year, now the
        # previous one, had none (the estimate shown counted none), said in the reply below
        onshore_only = (
            "onshore_cny" in self.inputs
            and "previous_onshore_cny" in self.inputs
            and not any(k in self.inputs for k in ("offshore_usd", "previous_offshore_usd", "offshore_cny"))
        )
        for now, prev in zip(THIS_YEAR, PREVIOUS_YEAR):
            self.inputs.pop(prev, None)
            if now in self.inputs:
                self.inputs[prev] = self.inputs[now] if unchanged else self.inputs.pop(now)
        if onshore_only:
            self.inputs["previous_offshore_usd"] = Decimal(0)
        # next year's amounts the message does not give are asked (the rate follows the offshore amount)
        self.ask_again = (
            []
            if unchanged
            else [k for k in THIS_YEAR[:2] if k in self.inputs or self.inputs.get(PREVIOUS_YEAR[THIS_YEAR.index(k)])]
        )
        if len(self.ask_again) == 1:
            self.pending = self.ask_again[0]  # 「如果明年做到1.5亿呢」 after an estimate on 在岸 alone: that amount
        self.inputs.pop("new_enterprise", None)
        if self.inputs.get("year"):
            self.inputs["year"] = int(self.inputs["year"]) + 1
        elif not self.year_focus:
            # the replies that follow speak of 明年 and 今年 as the user does (「今年没有离岸业务」 = the previous year's)
            self.year_focus = 1
        said = "按明年与今年相比测算：今年的数字作为上年度，明年的数字作为本年度"
        if onshore_only:
            said += "（今年的测算只有在岸业务，按今年没有离岸业务计；如今年有离岸业务，请告诉我金额）"
        kept = [describe_field(k, self.inputs[k]) for k in THIS_YEAR if k in self.inputs]
        return [said + (f"；您没有另说的按今年不变（{'、'.join(kept)}）。" if kept else "。")]

    def keep_named_items(self, text: str) -> None:
        """「那明年呢…明年租金补贴能有多少」 after an estimate of several items: next year is supposed for the items the
        message names; this year's other items (a platform built, a fair attended this year) are no figures of next
        year, so they are left out of that estimate (the running estimate keeps them)."""
        norm = normalize(text or "")
        if next_year_supposed(norm) is None:
            return
        named = [c for c in item_words.detect_items(norm) if c in self.items]
        business = {"3.1", "3.2", "3.3"}  # next year's business amounts: _shift_to_next_year's (「增量加离岸」)
        if not named or set(named) == set(self.items) or set(named) & business:
            return
        for key in list(self.inputs):
            own = set(items_for_inputs({key: self.inputs[key]}))
            if own and not own & set(named) and not own & business:
                self.inputs.pop(key)
        left = items_for_inputs(self.inputs)
        self.items = [c for c in self.items if c in left] or named

    def _states_facts_only(self, text: str) -> bool:
        """Whether a reply that gave no figure states conditions (facts.yml) and nothing else to read: a fact the
        conversation knows again, or one the estimate does not ask for (「每年租金不变，面积也不变」)."""
        from bot.understand import facts as fact_reader

        # 「30个人都是本科学历，…」: a count naming again the group the people counted were taken from is no new figure
        groups = {
            v for k, said in self.inputs.items() if k.endswith("_groups") and isinstance(said, list) for v in said
        }
        stated = fact_reader.message_facts(text or "")
        # 「合同期限正好一年」「实习期3个月」: a duration that is a stated fact's own value is that fact, no figure asked
        durations = {getattr(v, bound, v) for v in stated.values() for bound in ("lo", "hi")}
        figures = [
            f
            for f in own_figures(normalize(text or ""))
            if not (f.kind == "count" and f.value in groups)
            and not (f.kind.startswith("duration") and f.value in durations)
        ]
        return bool(stated) and not figures

    def _note_facts(self, text: str) -> None:
        """Remember the facts a message states (conditions are checked on them)."""
        from bot.understand import facts as fact_reader

        # "3个人参加了培训" counts people; it does not say the applicant is an individual (个人)
        said = fact_reader.message_facts(re.sub(r"([0-9两一二三四五六七八九十几]+)个人", r"\1名员工", text or ""))
        if corrections.for_another_enterprise(normalize(text or "")):  # 「帮园区里一家企业问下」
            said = dict(said or {}, applicant_also_enterprise=True)
        if said:
            self.facts = fact_reader.to_json(fact_reader.merge(fact_reader.from_json(self.facts), said))

    def _absorb(self, text: str, first: bool = False, correction: bool = False) -> bool:
        """Merge what `text` says; True when anything new was understood."""
        if self.inputs and (correction or first) and CORRECTION.search(normalize(text or "")):
            told = corrections.correct_told_figure(self.inputs, normalize(text or ""))
            if told is not None:  # 「前面那个境外的我说错了 是8万不是6万」: the fair of 6万 corrected
                self.inputs, note, key = told
                was = re.search(r"（原(合计[^）]+)）$", note)  # a summed figure corrected: the old sum's note goes
                self.notes = [n for n in self.notes if not (was and n.startswith("同一") and n.endswith(was.group(1)))]
                self.notes.append(note)
                self.last_keys.append(key)
                return True
        if correction and not first:
            counted = count_corrections.corrected_count(self.inputs, normalize(text or ""), self.items)
            if counted is not None:  # 「不对，满6个月的是27个」: the clause's qualified count
                self.inputs[counted[0]] = counted[1]
                self.last_keys.append(counted[0])
                return True
        if correction and self.inputs.get("fairs"):
            fairs = clauses.market_fairs.correct_part(self.inputs["fairs"], normalize(text or ""))
            if fairs is not None:  # 「布展费其实是2.8万」: one named part of a fair told part by part
                self._restate_parts("同一场活动的", self.inputs["fairs"], fairs)
                self.inputs["fairs"] = fairs
                self.last_keys.append("fairs")
                return True
        if self.inputs.get("fairs") and not first:
            fairs = clauses.market_fairs.drop_by_cost(self.inputs["fairs"], normalize(text or ""))
            if fairs is None and correction:
                fairs = clauses.market_fairs.change_region(self.inputs["fairs"], normalize(text or ""))
            if fairs is not None and len(fairs) < len(self.inputs["fairs"]):
                gone = [e for e in self.inputs["fairs"] if e not in fairs][0]
                self.notes.append(f"已按您说的去掉费用{wan(Decimal(str(gone['cost_cny'])))}的那场活动，不计入补贴")
                self.entry_dropped = True
            if (
                fairs is not None
            ):  # 「1.8万那场…把它去掉」「那个展其实是…境内的」: the fairs told, one taken out or moved
                self.inputs["fairs"] = fairs
                if not fairs:
                    self.inputs.pop("fairs")
                self.last_keys.append("fairs")
                return True
        if correction and self.inputs.get("platforms"):
            platforms = clauses.platforms.correct_part(self.inputs["platforms"], normalize(text or ""))
            if platforms is not None:  # 「软件其实是53万」: one named part of a platform told part by part
                self._restate_parts("同一个平台的", self.inputs["platforms"], platforms)
                self.inputs["platforms"] = platforms
                self.last_keys.append("platforms")
                return True
        if self.inputs.get("fairs") and not first:
            taken = clauses.market_fairs.take_out(self.inputs["fairs"], normalize(text or ""))
            if taken is not None:  # 「那9万里面有2.6万是机票酒店」: the part not covered taken out of that fair
                self.inputs["fairs"], note = taken
                if note not in self.notes:
                    self.notes.append(note)
                self.last_keys.append("fairs")
                return True
        if self.inputs.get("platforms") and (not first or self.extends):
            taken = clauses.platforms.take_out(self.inputs["platforms"], normalize(text or ""))
            if taken is not None:  # 「那380万里有45万其实是员工加班费」: that part is no purchase cost
                self.inputs["platforms"], note = taken
                if note not in self.notes:
                    self.notes.append(note)
                self.last_keys.append("platforms")
                return True
        if self.inputs.get("fairs") and (not first or self.extends):
            fairs = clauses.market_fairs.add_parts(self.inputs["fairs"], normalize(text or ""))
            if fairs is not None:  # 「还有特装费1.4万 都加上」: more named parts of the one fair told
                self.inputs["fairs"] = fairs
                self.last_keys.append("fairs")
                return True
        if self.inputs.get("fairs") and not first:
            fixed = fair_fixes.correct_fairs(self.inputs["fairs"], normalize(text or ""))
            if fixed is not None:  # 「境内B展其实是4.5万；境外那场是12万，里面有3万是机票住宿」: named fairs only
                self.inputs["fairs"], said = fixed
                self.notes += [n for n in said if n not in self.notes]
                self.last_keys.append("fairs")
                return True
            unclear = fair_fixes.unplaced_question(self.inputs["fairs"], normalize(text or ""))
            if unclear is not None:  # 「境内那场其实是4万」 with two fairs there: which one is asked, never guessed
                self.clarify = unclear
                return True
        if correction and self._correct_each(normalize(text or "")):
            return True
        reading = read(text, self.pending, self.items, self.inputs)
        got = False
        fields = dict(reading.fields)
        if "_fairs_none" in fields:
            fields.pop("_fairs_none")
        for region in reading.regions_none:
            if region not in self.fairs_none:
                self.fairs_none.append(region)
                got = True
        if reading.regions_none and "fairs" not in self.inputs and "fairs" not in fields:
            if set(self.fairs_none) >= {"domestic", "overseas"}:
                self.inputs["fairs"] = []
        if "fairs" in fields:
            new = fields.pop("fairs")
            regions = {f["region"] for f in new}
            restated = not _adds(text) and _restates(self.inputs.get("fairs") or [], new)  # told again: not more
            kept = [
                f
                for f in self.inputs.get("fairs", [])
                if f["region"] not in regions or (first and self.extends and not restated)
            ]
            self.inputs["fairs"] = kept + new
            got = True
            self.last_keys.append("fairs")
        if first and self.extends:  # another fair / certification / platform, another batch of trainees
            for key in [k for k in fields if k in LIST_FIELDS]:
                old_list, new_list = list(self.inputs.get(key) or []), list(fields.pop(key))
                told_again = (not _adds(text) and _restates(old_list, new_list)) or fields.pop(f"_whole_{key}", False)
                self.inputs[key] = new_list if told_again else old_list + new_list
                if old_list and new_list and not told_again:
                    self._note_added_part(key, old_list, new_list)
                self.last_keys.append(key)
                got = True
            if re.search(r"又|再|补报|另外|还有|也", normalize(text or "")):
                # a count taken as everyone's from this message's facts is no earlier count: the message's replaces it
                assumed = getattr(self, "assumed_everyone", set())
                whole = {k for k in ADDITIVE_COUNTS if fields.pop(f"_whole_{k}", False)}  # the message's total of all
                for key in [
                    k for k in fields if k in ADDITIVE_COUNTS and k in self.inputs and k not in assumed | whole
                ]:
                    old, new, less = int(self.inputs[key]), int(fields.pop(key)), int(fields.pop(f"_less_{key}", 0))
                    self.inputs[key] = max(old - less, 0) + new
                    if less:  # 「硕士里有1个是往届的… 另外还有5个」: a part of the earlier count out, the new ones in
                        self.notes.append(f"按{old} − {less} + {new} = {self.inputs[key]}名计算")
                    else:  # the reading's own note counts this message's people: the sum is said, never left implied
                        self.notes.append(f"连同此前的{old}名：按{old} + {new} = {self.inputs[key]}名计算")
                    self.last_keys.append(key)
                    got = True
        added = (
            corrections.added_amounts(self.inputs, fields, normalize(text or "")) if not first or self.extends else None
        )
        if added is not None:  # 「那要是年底再多签下来执行6万美元呢」: 95万 + 6万美元, not 6万 in place of 95万
            fields, sums, unclear = added
            self.notes += [n for n in sums if n not in self.notes]
            reading.problems = list(reading.problems) + unclear
        for key in [k for k in fields if k.startswith("_less_")]:
            fields.pop(key)  # a part of an earlier count, taken only when new people are added to it (above)
        for key, value in fields.items():
            if key.startswith("_"):
                self.inputs[key] = value
                got = True
                continue
            self.inputs[key] = value
            self.last_keys.append(key)
            got = True
        if correction and not reading.fields and not reading.clarifications:
            got = self._apply_bare_correction(text) or got
        for note in reading.notes:
            if note not in self.notes:
                self.notes.append(note)
        if reading.clarifications:
            self.clarify = _clar_dict(reading.clarifications[0])
            got = True
        self.problems = list(reading.problems) + self._reject_bad_values()
        self.rough += [v for v in reading.vague if v not in self.rough]
        self.last_keys = self.last_keys[-6:]
        return got or bool(reading.problems) or bool(reading.vague)

    def _note_added_part(self, key: str, old: list, new: list) -> None:
        """「再加上3个高级经理… 每人4.2万 一共多少」: the part added is shown with its own subtotal beside the
        earlier one (the calculator's award for each part alone), when the two add up to the whole."""
        from calculator import calculate

        def award(entries):
            items = calculate(calculator_inputs({key: entries})).get("items") or []
            return Decimal(str(items[0]["amount_cny"])) if len(items) == 1 else None

        before, added, whole = award(old), award(new), award(old + new)
        if None in (before, added, whole) or before + added != whole:
            return
        unit = {"senior_training": "人", "fairs": "场", "platforms": "个"}.get(key, "项")
        self.notes.append(
            f"此前的{len(old)}{unit}补贴{wan(before)}，本次加上的{len(new)}{unit}补贴小计{wan(added)}，合计{wan(whole)}"
        )

    def _restate_parts(self, lead: str, old: list, new: list) -> None:
        """After one named part is corrected, the note that added up the entry's parts is said again with the
        new figures (「同一个平台的85万元、53万元合计138万元」); the old sum is not left standing."""
        for before, after in zip(old, new):
            if before == after or not after.get("_parts"):
                continue
            stale = f"合计{wan(before['cost_cny'])}"
            self.notes = [n for n in self.notes if not (n.startswith(lead) and n.endswith(stale))]
            said = "、".join(wan(v) for v in after["_parts"].values())
            self.notes.append(f"{lead}{said}合计{wan(after['cost_cny'])}")

    def _correct_each(self, norm: str) -> bool:
        """「写错了 是每人7万」 after six people at 5千 each: every entry of the list just told, told alike,
        takes the one new cost; the number of entries stays."""

        figs = figures_told(norm)
        money = [f for f in figs if f.kind == "money"]
        counts = [f for f in figs if f.kind == "count" and re.search(r"人|名|个|位|场|次|项|家", f.unit or f.raw or "")]
        if (
            not money
            and len(counts) == 1
            and 0 < counts[0].value <= 1000
            and not re.search(r"其中|之中|里面|里头|当中", norm)  # 「其中有一个是大专」: a part of them, read elsewhere
            and not re.search(r"有\s*$", norm[: counts[0].start])
        ):
            return self._correct_count(int(counts[0].value))
        if len(money) != 1 or any(f.kind == "count" for f in figs) or money[0].currency not in (None, "CNY"):
            return False
        if not re.search(
            r"(每|各|人均|单)\s*(人|个人|位|场|次|个|项|家)?\s*(都|均)?\s*(是|为)?\s*$", norm[: money[0].start]
        ):
            return False
        for key in reversed(self.last_keys):
            old = self.inputs.get(key)
            if isinstance(old, list) and len(old) >= 2 and all(isinstance(e, dict) and "cost_cny" in e for e in old):
                if len({e["cost_cny"] for e in old}) != 1:
                    return False  # told one by one: which one is meant is not said
                self.inputs[key] = [dict(e, cost_cny=money[0].value) for e in old]
                self.last_keys.append(key)
                return True
        return False

    def _correct_count(self, n: int) -> bool:
        """「更正一下 人数是18个 不是25」: the list just told, its entries alike, now has n of them."""
        for key in reversed(self.last_keys):
            old = self.inputs.get(key)
            if isinstance(old, list) and old and all(isinstance(e, dict) and "cost_cny" in e for e in old):
                if len({e["cost_cny"] for e in old}) != 1 or len(old) == n:
                    return False  # told one by one: which ones go is not said
                self.inputs[key] = [dict(old[0]) for _ in range(n)]
                self.last_keys.append(key)
                return True
            if key in ADDITIVE_COUNTS and isinstance(old, int):
                return False  # a count field: the reader's own words decide which one
        return False

    def _reject_bad_values(self) -> list:
        """Values the calculator would refuse (negative, absurd): dropped and asked again."""
        from calculator import CalculatorError
        from calculator.inputs import validate

        from bot.estimate.explain import error_words

        messages = []
        for _ in range(5):
            try:
                validate(calculator_inputs(self.inputs))
                return messages
            except CalculatorError as err:
                field = (err.field or "").split("[")[0].split(".")[0]
                if field not in self.inputs:
                    return messages
                self.infer_items()
                self.inputs.pop(field)
                messages.append(f"这个数字不能用：{error_words(err)}。请重新告诉我。")
        return messages

    def _apply_bare_correction(self, text: str) -> bool:
        """ "不对，是180万美元": a figure with no role replaces the last figure of its kind."""

        from bot.estimate.understand import foreign_currency

        norm = normalize(text)
        # 「是120万 不是1.2亿」: the figure after 不是 is the one being corrected, not the new one
        figs = figures_told(norm)
        if not figs:
            return False
        f = figs[0]
        ordinal = re.search(r"第\s*([一二三四五六七八九十\d]+)\s*(个|场|项|家|位|人|次)", norm)
        if ordinal and f.kind == "money" and f.currency in (None, "CNY"):
            from calculator.figures_zh import numeral_value

            n = numeral_value(ordinal.group(1))
            for key in reversed(self.last_keys):  # 「不对 第一个是8万」: that entry of the list just told
                old = self.inputs.get(key)
                if isinstance(old, list) and n and 1 <= n <= len(old) and "cost_cny" in old[int(n) - 1]:
                    entries = [dict(e) for e in old]
                    entries[int(n) - 1] = dict(without_parts(entries[int(n) - 1]), cost_cny=f.value)
                    self.inputs[key] = entries
                    return True
        for key in reversed(self.last_keys):
            old = self.inputs.get(key)
            if f.kind == "rate" and key.endswith("rate"):
                self.inputs[key] = f.value
                return True
            if f.kind == "money" and isinstance(old, Decimal) and not key.endswith("rate"):
                if key.endswith("_usd") and f.currency == "CNY":
                    continue
                if f.currency not in (None, "CNY", "USD"):  # 「是130万欧元不是美元」: converted with the user's rate
                    self.inputs.pop(key)
                    self.clarify = _clar_dict(foreign_currency(key, f))
                    return True
                self.inputs[key] = f.value
                return True
            money = [x for x in figs if x.kind == "money"]
            if f.kind == "money" and len(money) == 1 and isinstance(old, list) and len(old) == 1:
                # 「如果追加采购 总额到900万」 after one platform of 120万: that one item's one amount
                fields = [k for k, v in old[0].items() if isinstance(v, Decimal) and k.endswith("_cny")]
                if len(fields) == 1 and f.currency in (None, "CNY"):
                    self.inputs[key] = [dict(without_parts(old[0]), **{fields[0]: f.value})]
                    return True
        return False

    def _resolve_foreign(self, norm: str, data: dict) -> bool:
        """The answer to 「80万欧元折合多少美元」: the amount in the policy's currency, or the user's rate."""
        from bot.estimate.understand import figures

        key, foreign = data["key"], data["foreign"]
        target = "USD" if key.endswith("_usd") else "CNY"
        for f in figures(norm):
            if f.kind == "money" and f.currency in (target, None) and f.value >= 100:
                self.inputs[key] = f.value
                self.last_keys.append(key)
                self.clarify = None
                return True
        m = re.search(r"(?<![\d.])(\d{1,4}(?:\.\d+)?)(?![\d.万千百亿%％年个名人场])", norm)
        if not m or Decimal(m.group(1)) <= 0:
            return False
        rate = Decimal(m.group(1))
        value = (Decimal(foreign["amount"]) * rate).quantize(Decimal("0.01"))
        self.inputs[key] = value
        self.last_keys.append(key)
        unit = "美元" if target == "USD" else "元"
        self.notes.append(
            f"{wan(Decimal(foreign['amount']), '')}{foreign['name']} × {rate}（您给的{foreign['name']}兑"
            f"{'美元' if target == 'USD' else '人民币'}汇率）= {wan(value, unit)}"
        )
        self.clarify = None
        return True

    def _resolve_converted(self, norm: str, data: dict) -> bool:
        """The answer to 「686万元折合多少美元」: the amount in the policy's currency (「折成美元是98万美元」), or the
        year's rate, by which the amount told is converted (686万元 ÷ 7 = 98万美元). Nothing else is guessed."""
        from bot.estimate.understand import figures, plausible_rate

        key, said = data["key"], data.get("said")
        target = "USD" if key.endswith("_usd") else "CNY"
        figs = figures(norm)
        money = [
            f for f in figs if f.kind == "money" and (f.currency == target or (target == "CNY" and not f.currency))
        ]
        then = data.get("then") or []
        if len(money) == 1 and money[0].value >= 100:
            self.inputs[key] = money[0].value
            self.last_keys.append(key)
            self.clarify = dict(then[0], data=dict(then[0]["data"], then=then[1:])) if then else None
            return True
        rates = [f.value for f in figs if f.kind == "rate"]
        if not rates and not money and yuan_offshore.declined(self, norm, data):
            return (
                True  # 「美元金额我手头没有，先只算增量」: the yuan stays in 三（一）, 三（二） named as not computed
            )
        if not rates and not money:  # 「按7.1折算」 answering this question: the one number said is the rate
            bare = re.findall(r"(?<![\d.])\d{1,2}\.\d{1,4}(?![\d.%％万])", norm)
            rates = [Decimal(bare[0])] if len(bare) == 1 and plausible_rate(Decimal(bare[0])) else []
        if money or not said or len(rates) != 1 or rates[0] <= 0:
            return False
        amount, rate = Decimal(said["amount"]), rates[0]
        value = (amount / rate if target == "USD" else amount * rate).quantize(Decimal("0.01"))
        self.inputs[key] = value
        self.last_keys.append(key)
        rate_key = re.sub(r"(offshore_usd|onshore_cny)$", "usd_cny_rate", key)
        self.inputs.setdefault(rate_key, rate)  # the rate the user converted with is that year's
        op, unit = ("÷", "美元") if target == "USD" else ("×", "元")
        self.notes.append(
            f"{wan(amount, '元' if target == 'USD' else '美元')} {op} {rate}（您给的汇率）= {wan(value, unit)}"
        )
        self.clarify = dict(then[0], data=dict(then[0]["data"], then=then[1:])) if then else None
        return True

    def _last_year_said_whole(self, norm: str) -> bool:
        """「是合计」「含离岸」「去年没有离岸」 to the question for last year's offshore amount, beside a last-year yuan
        figure read before: that figure is last year's whole business, its offshore 0 (bot/estimate/previous_total.py)."""
        if self.clarify or self.pending != "previous_offshore_usd" or "previous_onshore_cny" not in self.inputs:
            return False
        read = previous_total.answer_reads(norm)
        if not read or own_figures(norm) or previous_total.names_a_kind(norm):
            return False
        self.inputs["previous_offshore_usd"] = Decimal(0)
        self.last_keys.append("previous_offshore_usd")
        self.notes.append(previous_total.note(self.inputs["previous_onshore_cny"], read))
        return True

    def _resolve_whole_total(self, norm: str, data: dict) -> bool:
        """The figures asked 在岸 or 离岸 answered as the year's whole business (bot/estimate/previous_total.py): last
        year's is its converted total (previous onshore = it, previous offshore 0); this year's, holding this year's
        dollars, is onshore = it − dollars × rate. An answer with a kind word of its own is read as before."""
        read = previous_total.answer_reads(norm)
        if previous_total.names_a_kind(norm):
            return False
        values = _said_values(data)
        for said in values:
            value = Decimal(said["value"])
            if said.get("year") == "previous":
                self.inputs["previous_onshore_cny"] = value
                self.inputs["previous_offshore_usd"] = Decimal(0)
                self.last_keys += ["previous_onshore_cny", "previous_offshore_usd"]
                self.notes.append(previous_total.note(value, read))
                continue
            usd, rate = self.inputs.get("offshore_usd"), self.inputs.get("usd_cny_rate")
            if read == "onshore" or not usd:
                self.inputs["onshore_cny"] = value
                self.last_keys.append("onshore_cny")
                continue
            if not rate or usd * rate > value:
                return False  # the rate is not known, or the dollars cannot be inside it: asked again
            self.inputs["onshore_cny"] = value - usd * rate
            self.last_keys.append("onshore_cny")
            self.notes.append(
                f"您说今年{wan(value)}是含离岸的全年合计：其中离岸{wan(usd, '美元')} × {rate} = {wan(usd * rate)}，"
                f"计算中今年在岸 = {wan(value)} − {wan(usd * rate)} = {wan(value - usd * rate)}，离岸部分不重复计入"
            )
        self.clarify = None
        return True

    def _resolve_clarification(self, text: str) -> bool:
        c = self.clarify
        norm = normalize(text)
        kind, data = c["kind"], c.get("data", {})
        usd = re.search(r"美元|美金|刀|usd|\$", norm)
        cny = re.search(r"人民币|元|rmb|块|¥|￥", norm) and not usd
        if kind == "currency" and data.get("foreign"):
            return self._resolve_foreign(norm, data)
        if kind == "currency":
            if data.get("value") is None:
                return self._resolve_converted(norm, data)
            if usd:
                for said in [data, *data.get("others", [])]:  # 「离岸那一列是美元」: every amount asked about
                    self.inputs[said["key"]] = Decimal(said["value"])
                    self.last_keys.append(said["key"])
            elif cny:
                for said in [data, *data.get("others", [])]:  # counted as said in 三（一） (yuan_offshore.py)
                    if said["key"].endswith("offshore_usd"):
                        self.inputs.setdefault(said["key"].replace("_usd", "_cny"), Decimal(said["value"]))
                # 「是人民币」 of last year's offshore: counted in 三（一） in yuan, its dollars never asked (yuan_offshore.py)
                data = yuan_offshore.without_yuan_only(self, data)
                if data is None:
                    self.clarify = None
                    return True
                question = (
                    f"离岸执行额按美元计算（第三条第（二）项）。{wan(Decimal(data['value']))}折合多少美元？"
                    "也可以告诉我当年的美元兑人民币年平均中间价（汇率），我按它折算。"
                )
                if not data["key"].endswith("offshore_usd"):  # 「外资1.5亿是美元吗」「是人民币」: that clause's dollars
                    label = clauses.FIELDS[data["key"]].label if data["key"] in clauses.FIELDS else "该项"
                    question = (
                        f"{label}按美元计算。{wan(Decimal(data['value']))}折合多少美元？也可以告诉我按多少汇率折算。"
                    )
                self.clarify = {
                    "kind": "currency",
                    "question": question,
                    "data": {
                        "key": data["key"],
                        "value": None,
                        "said": {"amount": data["value"], "currency": "CNY"},
                        "then": converted_asks(data.get("others", [])),
                    },
                }
                # 「是人民币，汇率按7.1算」: the rate said with the answer converts it at once (else asked)
                self._resolve_converted(norm, self.clarify["data"])
                return True
            else:
                return False
        elif kind in ("executed", "part"):  # 「…今年实际的离岸合同执行额是多少？」「其中离岸部分是多少？」
            moneys = [f for f in own_figures(norm) if f.kind == "money"]
            dollars = [f for f in moneys if f.currency == "USD"]
            if kind == "part" and len(moneys) == 2 and len(dollars) == 1:
                # 「在岸190万 离岸4万美元」: the part asked, and the part of the other kind beside it
                yuan = next(f for f in moneys if f is not dollars[0])
                if yuan.currency not in (None, "CNY"):
                    return False
                onshore = data["key"].replace("offshore_usd", "onshore_cny")
                offshore = onshore.replace("onshore_cny", "offshore_usd")
                self.inputs[onshore], self.inputs[offshore] = yuan.value, dollars[0].value
                self.last_keys += [onshore, offshore]
                self.clarify = None
                return True
            if (
                not moneys
                and kind == "executed"
                and re.fullmatch(r"\d+(?:\.\d+)?", str(data.get("said") or ""))
                and re.fullmatch(r"(对|是的?|没错|嗯|对的|是这样|没问题)[。！!，,]?", norm.strip())
            ):
                # 「180是180万美元吗？」「是的」: the number the user typed, in the unit the question named; a 「是的」 to
                # 「其中在岸部分是多少？」 names no amount (the whole is never taken for its part)
                self.inputs[data["key"]] = Decimal(data["said"]) * 10000
                self.last_keys.append(data["key"])
                self.clarify = None
                return True
            if len(moneys) != 1:
                return False
            f, key = moneys[0], data["key"]
            if key.endswith("offshore_usd") and f.currency != "USD":
                self.clarify = {
                    "kind": "currency",
                    "question": f"离岸执行额{wan(f.value, '')}是美元还是人民币（元）？",
                    "data": {"key": key, "value": str(f.value)},
                }
                return True
            if key.endswith("onshore_cny") and f.currency not in (None, "CNY"):
                return False
            self.inputs[key] = f.value
            self.last_keys.append(key)
        elif kind == "total_part":  # 「今年2000万（含离岸420万）」: the part's currency or the rate; the total is split
            return total_parts.resolve(self, norm, data, own_figures)
        elif (
            kind == "business_kind"
            and not data.get("increment")
            and previous_total.answer_reads(norm)
            and not previous_total.names_a_kind(norm)
        ):
            # 「去年的1.5kw是全部执行额，去年没有离岸」「2.6kw是含离岸折算后的总数」: the year's whole business
            return self._resolve_whole_total(norm, data)
        elif kind == "business_kind":
            key = None
            said = re.sub(r"(没有|没|无|不是|非)[^，,。；;]{0,2}(离岸|境外|国际|在岸|境内|国内)(业务)?", "", norm)
            if re.search(r"离岸|境外|国际|美元|美金|刀", said):
                key = "offshore_usd"
            elif re.search(r"在岸|境内|国内|人民币|元", said):
                key = "onshore_cny"
            if not key:
                return False
            if data.get("increment"):  # 「今年比去年多了300万」「是在岸的」: the onshore difference, as said
                if key != "onshore_cny" or usd:
                    return False
                self.inputs["onshore_increment_cny"] = Decimal(data["value"])
                self.last_keys.append("onshore_increment_cny")
            for said in [] if data.get("increment") else _said_values(data):
                field_key = ("previous_" if said.get("year") == "previous" else "") + key
                if key == "offshore_usd" and cny and not usd:
                    continue
                self.inputs[field_key] = Decimal(said["value"])
                self.last_keys.append(field_key)
        elif kind == "years_of_pair":  # 「2360万、1940万分别是哪一年的？」
            roles = years_of_pair(norm, data)
            if roles is None:
                return False
            for value, role in zip(data["values"], roles):
                key = ("previous_" if role == "previous" else "") + data["key"]
                self.inputs[key] = Decimal(value)
                self.last_keys.append(key)
        elif kind == "business_year":  # 「离岸120万美元是今年的还是上一年度的？」
            from bot.estimate.understand import YEAR_CUR, YEAR_PREV

            prev, cur = re.search(YEAR_PREV, norm), re.search(YEAR_CUR, norm)
            both = re.search(r"两年|都|均", norm)
            keys = [data["key"], "previous_" + data["key"]] if both or (prev and cur) else []
            keys = keys or (["previous_" + data["key"]] if prev else [data["key"]] if cur else [])
            if not keys:
                return False
            for key in keys:
                # 「是今年的另一笔」: this year's second amount is added to the first (data["add"])
                added = Decimal(data["add"]) if data.get("add") and key == data["key"] else 0
                self.inputs[key] = Decimal(data["value"]) + added
                self.last_keys.append(key)
                if data.get("rate") and key.endswith("offshore_usd"):  # the rate said with it, for that year
                    self.inputs[key.replace("offshore_usd", "usd_cny_rate")] = Decimal(data["rate"])
            if data.get("feeds_increment") and any(k.startswith("previous_") for k in keys) and "3.1" not in self.items:
                # 「今年离岸130万美元…还有个120万美元的」「去年的」 with no item named: 三（一） too, as 「去年120万美元」 gives it
                self.items = item_words.sort_items(list(self.items) + ["3.1"])
        elif kind == "per_or_total":
            each = re.search(r"每|单|各|分别|一场|一人|一个", norm)
            total = re.search(r"合计|总|一共|全部|加起来|共", norm)
            if not (each or total) or (each and total and each.start() < total.start() and "不是每" in norm):
                return False
            per = "total" if (total and not each) or (total and each and total.start() < each.start()) else "each"
            if re.search(r"不是每", norm):
                per = "total"
            count, value = int(data["count"]), Decimal(data["value"])
            listed = [f.value for f in own_figures(norm) if f.kind == "money"]
            if len(listed) >= 2:
                per, values = "list", listed
            if per == "list":
                pass
            elif per == "each":
                values = [value] * count
            else:
                from bot.estimate.understand import each_cost_question

                unit, what = {
                    "fair": ("场", "活动"),
                    "senior": ("人", "培训"),
                    "cert": ("项", "资质认证"),
                    "platform": ("个", "平台建设"),
                }[data["kind"]]
                self.clarify = _clar_dict(
                    each_cost_question(data["kind"], count, value, unit, what, data.get("region"))
                )
                return True
            return self._apply_values(data, values)
        elif (
            kind == "each_cost"
            and data.get("kind") == "fair"
            and (clauses.market_fairs.names_costs(norm) or fair_count_check.places_itself(norm))
        ):
            # 「第一场展位费2万 特装1万；第二场…」: each fair told cost by cost is read as fairs, not as a list of costs;
            # 「两场在国内（上海、深圳），每场3万；两场在国外…」: the places said decide the regions (fair_count_check.py)
            groups = [{"region": data.get("region"), "count": int(data["count"]), "total": data.get("total")}]
            self.clarify = {"kind": "fair_cost", "question": c.get("question", ""), "data": {"groups": groups}}
            return self._resolve_clarification(text)
        elif kind == "each_cost" and data.get("kind") == "senior" and data.get("known") is None and people_groups(norm):
            return self._apply_people_groups(text, data)
        elif kind == "each_cost":
            values = [f.value for f in own_figures(norm) if f.kind == "money"]
            if not values:
                return False
            told = int(data.get("count") or 0) if data.get("kind") == "senior" and data.get("known") is None else 0
            if told > 1 and len(values) == 1 and re.search(r"每人|每个人|每位|每名|人均|都是|各", norm):
                values = values * told  # 「每人3万」: the cost of each of the people asked about
            elif told > 1 and len(values) != told:
                return self._ask_people_again(data, told, len(values))
            return self._apply_values(data, values)
        elif kind == "fair_cost":
            groups = data.get("groups") or [data]
            prefix = ""
            from bot.estimate.clauses.market_fairs import named_places

            counted = re.search(r"(?<![第0-9一二两三四五六七八九十])[0-9一二两三四五六七八九十]+\s*(场|次)", norm)
            counted = counted or named_places(norm) >= 2
            if len(groups) == 1 and not counted:  # an answer that counts its own fairs is read as it is
                g = groups[0]
                prefix = {"domestic": "境内", "overseas": "境外"}.get(g.get("region"), "") + f"{g['count']}场活动："
            elif len(groups) == 1 and clauses.market_fairs.region_of(None, norm) is None:
                prefix = {"domestic": "境内 ", "overseas": "境外 "}.get(groups[0].get("region"), "")
            again = fair_count_check.confirmed(groups, norm)
            if again is not None:  # 「是5场」 to the count question: the fairs read with it, taken as read
                self._merge_fairs(again)
                self.clarify = None
                return True
            named = all(g.get("place") for g in groups)  # 「…还有深圳一场」 asked by name: added to the fairs told
            said = clauses.market_fairs.answer_about_named(text or "", groups) if named else (text or "")
            reading = read(prefix + said, "fairs", self.items, self.inputs)
            if not reading.fields.get("fairs") and not reading.clarifications:
                return False
            told = reading.fields.get("fairs") or []
            recount = None if named or reading.clarifications else fair_count_check.disagreement(groups, told)
            if recount:  # 「4场」 said before, 5 fairs read now: asked, naming both, never one guessed or dropped
                self.clarify = recount
                self._fairs_held = True  # nor read from the same answer afterwards (handle)
                return True
            said_total = fair_count_check.total_note(groups[0].get("total"), told) if len(groups) == 1 else None
            if said_total and said_total not in self.notes:
                self.notes.append(said_total)
            self.clarify = _clar_dict(reading.clarifications[0]) if reading.clarifications else None
            if reading.fields.get("fairs") and named:
                fairs = self.inputs.get("fairs", []) + reading.fields["fairs"]
                rest = (text or "").replace(said, "") if said != (text or "") else ""
                # 「…等下 刚才说错了，越南那场特装是2万不是1万」: a part of a fair told, corrected in the same answer
                self.inputs["fairs"] = (rest and clauses.market_fairs.correct_part(fairs, normalize(rest))) or fairs
                self.last_keys.append("fairs")
            elif reading.fields.get("fairs"):
                self._merge_fairs(reading.fields["fairs"])
            self.notes += [n for n in reading.notes if n not in self.notes]
            return True
        elif kind == "region":
            return self._resolve_regions(norm, [Decimal(v) for v in data["entries"]])
        elif kind == "usd_cost":
            return self._resolve_usd_cost(norm, data)
        elif kind == "rent_period":  # 「每平方米45元的租金是每月、每天还是每年的？」: 「每月」「按天」「年租金48.6万」
            if own_figures(norm) and rent_price.PER_AREA.search(norm):
                self.clarify = None
                return False  # 「每平米每月45块」: the price told again with its period, read whole below
            said = rent_price.answer_period(norm, data, self.inputs.get("rent_area_m2"))
            if said is None:
                return False
            worked, period = said
            if worked is None:  # the area still unknown: the price kept with its period, the area asked
                self.inputs[rent_price.KEPT] = {"price": data["price"], "period": period}
            else:
                self.inputs["rent_annual_cny"], note = worked
                self.last_keys.append("rent_annual_cny")
                if note not in self.notes:
                    self.notes.append(note)
        elif kind == "rent_paid":  # 「年租金…是实际交的还是合同全年的？」: 「合同全年的」「实际交的」「实际交了40万」
            said = rent_months.answer_paid(norm, data)
            if said is None:
                return False
            self.inputs["rent_annual_cny"], note = said
            self.last_keys.append("rent_annual_cny")
            if note not in self.notes:
                self.notes.append(note)
        elif kind == "qualified":  # 「这24人里本科以上学历、项目经理以上职位的有几人？」
            return self._resolve_qualified(norm, [Decimal(v) for v in data["entries"]])
        elif kind == "platform_breakdown":
            answer = clauses.platforms.without_restated_total(normalize(text or ""), data.get("total"))
            # 「其余230万是工资和房租」 after 「其中硬件300万 软件120万」: the parts told with the total read with the answer
            told = clauses.platforms.told_with_rest(data, answer, own_figures)
            reading = read(f"平台 {told} {answer}" if told else "平台 " + answer, "platforms", self.items, self.inputs)
            if not reading.fields.get("platforms"):
                return False
            self.inputs["platforms"] = reading.fields["platforms"]
            self.last_keys.append("platforms")
            self.notes += [n for n in reading.notes if n not in self.notes]
        elif kind == "fair_breakdown" and "separate" in data and not any(f.kind == "money" for f in own_figures(norm)):
            # 「参展费是否已包含展位费？」 answered 「不包含 分开交的」 or 「包含了」: the fair's cost either way
            said = clauses.market_fairs.fee_held(norm)
            if said is None or not data.get("region"):
                return False
            cost = Decimal(data["separate" if said == "separate" else "included"])
            self.inputs["fairs"] = self.inputs.get("fairs", []) + [{"region": data["region"], "cost_cny": cost}]
            self.last_keys.append("fairs")
        elif kind == "fair_breakdown":
            prefix = {"domestic": "境内 ", "overseas": "境外 "}.get(data.get("region"), "")
            reading = read(prefix + (text or ""), "fairs", self.items, self.inputs)
            if not reading.fields.get("fairs"):
                return False
            self.inputs["fairs"] = self.inputs.get("fairs", []) + reading.fields["fairs"]
            self.last_keys.append("fairs")
            self.notes += [n for n in reading.notes if n not in self.notes]
        else:
            return False
        self.clarify = None
        return True

    def _resolve_usd_cost(self, norm: str, data: dict) -> bool:
        """The answer to 「…是美元金额：折合人民币多少元，或您采用的汇率」: the message asked about read again, with
        the user's rate (「按7.1」), or with the one dollar cost it held replaced by the yuan amount now given;
        False when the answer gives neither (nothing is assumed)."""
        from bot.estimate import foreign_costs
        from bot.estimate.understand import figures

        said, rest = foreign_costs.corrected_in_answer(
            data["text"], norm
        )  # 「…是68万日元不是80万」: in the message asked
        if rest != norm:
            self._answer_left = norm = rest  # the correction is made in the message read again, not read a second time
        figs = figures(norm)
        yuan = [f for f in figs if f.kind == "money" and f.currency in (None, "CNY") and f.value >= 1]
        rates = [f for f in figs if f.kind == "rate"]
        bare = re.fullmatch(r"\D{0,6}?(\d{1,2}(?:\.\d+)?)\D{0,6}", norm)
        currency, name = data.get("currency") or "USD", data.get("name") or ""  # 「…是日元金额」: its own rate
        fits = (lambda v: Decimal(v) > 0) if name else plausible_rate
        tied = foreign_costs.tied_rates(norm, figs).get(currency) if name else None  # 「1日元=0.048元」
        from bot.estimate import cross_rates

        if name and any(x == currency for x, _ in cross_rates.stated(norm)):
            again = f"{said}（{norm}）"  # 「1欧=1.08美元、1美元=7.1」: its rates read with the message, in a chain
        elif tied or rates or (bare and not yuan and fits(bare.group(1))):
            rate = tied[0] if tied else rates[0].value if rates else Decimal(bare.group(1))
            again = f"{said}（{name}汇率{rate}）"
        else:
            dollars = [f for f in figures(said) if f.kind == "money" and f.currency == currency]
            if len(yuan) != 1 or len(dollars) != 1:
                return False
            d = dollars[0]
            again = f"{said[: d.start]}{yuan[0].value}元{said[d.end :]}"
        reading = read(again, data.get("pending"), self.items, self.inputs)
        if any(c.kind == "usd_cost" for c in reading.clarifications):
            return False
        self.clarify = _clar_dict(reading.clarifications[0]) if reading.clarifications else None
        for key, value in reading.fields.items():
            if key == "fairs":
                self._merge_fairs(value)
            elif not key.startswith("_") and key not in self.inputs:
                self.inputs[key] = value
                self.last_keys.append(key)
        self.notes += [n for n in reading.notes if n not in self.notes]
        return True

    def _ask_who_qualifies(self, norm: str) -> None:
        """「公司28名员工参加了涉外培训 每人学费4万」: nothing said of the people's 学历 or 职位 (三（七）3 counts only
        本科以上、项目经理以上, at most 20 a year): how many of them qualify is asked, naming the group, before any
        figure; a correction of the estimate just made (amending) is not asked again."""
        entries = self.inputs.get("senior_training")
        if not entries or self.clarify or "3.7.3" not in self.items or getattr(self, "amending", False):
            return
        if "_senior_qualified" in self.inputs or "_senior_count" in self.inputs:
            return  # asked and answered
        if clauses.senior_training.levels_said(norm):
            return  # 「2个本科项目经理…1个专科的测试人员」: the groups' levels are read with them
        verdict = self.verdicts().get("3.7.3")
        unknown = {c.id for c in verdict.checks if c.status == "unknown"} if verdict else set()
        if not {"education", "position"} <= unknown:
            return
        self.inputs.pop("senior_training")
        from knowledge.figures import figure

        n, most = len(entries), int(figure("3.7.3", "max_people"))
        costs = sorted({e["cost_cny"] for e in entries})
        paid = f"每人培训费{wan(costs[0])}" if len(costs) == 1 else "培训费" + "、".join(wan(c) for c in costs)
        self.clarify = {
            "kind": "qualified",
            "question": f"您说的{n}人（{paid}），政策只补贴本科以上学历、项目经理以上职位的人员（每个企业每年最多{most}人）。"
            f"这{n}人是否都是本科以上学历、项目经理以上职位？不全是的话，符合这两条的有几人？",
            "data": {"entries": [str(e["cost_cny"]) for e in entries]},
        }

    def _resolve_qualified(self, norm: str, entries: list) -> bool:
        """The answer to who of the group qualifies: a count (their costs alike, else asked), all of them (「都是」,
        or their 学历/职位 said), or none."""
        counts = [f for f in own_figures(norm) if f.kind == "count"]
        verdict = self.verdicts().get("3.7.3")
        settled = verdict is not None and not (
            {"education", "position"} <= {c.id for c in verdict.checks if c.status == "unknown"}
        )
        qualified = clauses.senior_training.qualified_of(norm, len(entries))
        if qualified is not None or (counts and int(counts[0].value) < len(entries)):
            # 「其中2个是大专 其他10个是本科以上的项目经理」: the 10 named, never the first count said (2)
            n = qualified if qualified is not None else int(counts[0].value)
            self.inputs["_senior_qualified"] = n
            if len(set(entries)) != 1:
                self.inputs["_senior_count"] = n  # which people's costs is not said: asked, never guessed
                self.clarify = None
                return True
            values = entries[:n]
            self.notes.append(f"{len(entries)}人中符合本科以上学历、项目经理以上职位的{n}人，按{n}人计算")
        elif re.search(r"(都|全|均)(不是|不符合|不满足|没有)|一个都没有|没有符合", norm):
            values = []
            self.notes.append("这些人员都不符合本科以上学历、项目经理以上职位，不予补贴")
        elif counts or settled or re.search(r"^(是|是的|对|对的|都是|全是|都符合|都满足|全部|都)", norm):
            values = entries
        else:
            return False
        self.inputs["senior_training"] = [{"cost_cny": v} for v in values]
        self.inputs["_senior_qualified"] = len(values)
        self.last_keys.append("senior_training")
        self.clarify = None
        return True

    def _ask_people_again(self, data: dict, told: int, listed: int) -> bool:
        """The costs answered are for another number of people than the one asked about: asked again, naming both
        (never a person added or dropped, never an average)."""
        self.clarify = {
            "kind": "each_cost",
            "question": f"前面说的是{told}人，这次说的培训费对应{listed}人。每人的补贴单独计算、各有上限，"
            f"请核对后分别告诉我这{told}人每人的培训费（例如“X人每人X万，另外X人每人X万”）。",
            "data": data,
        }
        return True

    def _apply_people_groups(self, text: str, data: dict) -> bool:
        """「20个人每人2.5万 另外2个人每人8万」 answering each person's cost: each group's count of people at its own cost
        (22 people, never 2 costs for 2 people), read as the clause reads a message; a count that is not the one
        asked is asked again, naming both."""
        reading = read("中高级人才培训 " + (text or ""), "senior_training", self.items, {})
        entries = reading.fields.get("senior_training") or []
        if reading.clarifications or not entries:
            self.clarify = _clar_dict(reading.clarifications[0]) if reading.clarifications else self.clarify
            return bool(reading.clarifications)
        told = int(data.get("count") or 0)
        if told and len(entries) != told:
            return self._ask_people_again(data, told, len(entries))
        self.inputs["senior_training"] = entries
        self.last_keys.append("senior_training")
        self.notes += [n for n in reading.notes if n not in self.notes]
        self.clarify = None
        return True

    def _apply_values(self, data: dict, values: list) -> bool:
        """Each event's/person's/platform's own cost, as the user listed them."""
        if data["kind"] == "fair":
            if data.get("region"):
                self._merge_fairs([{"region": data["region"], "cost_cny": v} for v in values])
            else:
                self.clarify = {
                    "kind": "region",
                    "question": "这些活动是境内的还是境外的？" + item_words.fair_caps_note(),
                    "data": {"entries": [str(v) for v in values]},
                }
                return True
        elif data["kind"] == "senior":
            # the costs already placed for the other people asked with the question (bot/estimate/degree_costs.py)
            known = [Decimal(v) for v in data.get("known") or []]
            if data.get("known") is not None and len(values) == 1 and int(data.get("count") or 0) > 1:
                values = values * int(data["count"])  # 「每人5万」 for the group asked about
            self.inputs["senior_training"] = [{"cost_cny": v} for v in known + values]
        elif data["kind"] == "cert":
            self.inputs["certifications"] = [{"name": f"资质{i + 1}", "cost_cny": v} for i, v in enumerate(values)]
        elif data["kind"] == "platform":
            self.inputs["platforms"] = [{"cost_cny": v} for v in values]
        self.clarify = None
        return True

    def _resolve_regions(self, norm: str, entries: list) -> bool:
        """The fairs asked about placed 境内/境外 by the answer, with any correction it makes (region_answers.py)."""
        from bot.estimate import region_answers

        reading = read(norm, "fairs", self.items, self.inputs)
        again = fair_count_check.restated(entries, reading.fields.get("fairs"), reading.clarifications)
        if again:  # the fairs told whole again, placed by their own words: they stand for the costs asked
            self.notes += [n for n in reading.notes if n not in self.notes]
            self.inputs["fairs"] = self.inputs.get("fairs", []) + again
            self.last_keys.append("fairs")
            self.clarify = None
            return True
        found = region_answers.placed(norm, entries)
        if found is None:
            return False
        fairs, notes = found
        self.notes += [n for n in notes if n not in self.notes]
        self.inputs["fairs"] = self.inputs.get("fairs", []) + fairs
        self.last_keys.append("fairs")
        self.clarify = None
        return True

    def _merge_fairs(self, new):
        regions = {f["region"] for f in new}
        self.inputs["fairs"] = [f for f in self.inputs.get("fairs", []) if f["region"] not in regions] + new
        self.last_keys.append("fairs")

    def _skip(self) -> Turn:
        key = self.pending
        if self.clarify and yuan_offshore.keep_yuan(self, self.clarify.get("data") or {}):
            msg = "好的，离岸美元金额先不填。"  # the yuan stays in 三（一） (yuan_offshore.py)
        elif self.clarify:
            self.clarify = None
            msg = "好的，这一项先不计算。"
        else:
            if key and key not in self.skipped:
                self.skipped.append(key)
            msg = (
                (
                    "好的，先跳过。" + rate_rule() + "没有这一年的汇率，我不会替您假设，相关金额先不折算；"
                    "查到后告诉我即可。"
                )
                if key and key.endswith("rate")
                else "好的，这一项先跳过，相关金额暂不计算。"
            )
        self.advance()
        return Turn(messages=[msg], done=self.status == "done")

    # -- what next -------------------------------------------------------------------------------
    def missing(self) -> list:
        """The keys still to ask, in order (skipped ones left out): each clause's, from the registry."""
        items = set(self.items) - set(self.failed())
        again = [k for k in self.ask_again if k not in self.inputs and k not in self.skipped]
        return again + [k for k in clauses.missing(self, items) if k not in self.skipped and k not in again]

    FACT_INPUTS = clauses.fact_fields()

    def fill_from_facts(self) -> None:
        """Inputs the user already stated as facts (「每年收30个实习生」 earlier) are not asked again."""
        from bot.understand.facts import from_json as facts_from_json
        from knowledge.conditions import Span

        taken = set(used_figures(self.inputs))
        for key, value in facts_from_json(self.facts).items():
            if key not in self.FACT_INPUTS or key in self.inputs:
                continue
            if key == "rent_contract_amount_cny" and ("onshore_cny" in self.inputs or "offshore_usd" in self.inputs):
                continue  # the calculator takes the contract amount from the business amounts read with their roles
            if isinstance(value, Span):
                value = value.exact()
                if value is None:
                    continue
                if value in taken and value >= 10000:
                    continue  # a figure this estimate already gave another role ("在岸300万" is not the contract total)
            self.inputs[key] = value
            self.filled_from_facts = getattr(self, "filled_from_facts", set()) | {key}
        self._everyone_qualifies()

    def _drop_facts_read_again(self) -> None:
        """A figure filled from the fact reader that this message's reading gave another role is dropped."""
        inp = self.inputs
        for key in list(getattr(self, "filled_from_facts", ())):
            if key == "rent_contract_amount_cny" and ("onshore_cny" in inp or "offshore_usd" in inp):
                inp.pop(key, None)
                self.filled_from_facts.discard(key)

    def _everyone_qualifies(self) -> None:
        """Each clause's person conditions (clauses/<x>.py): when every one is stated met for the whole
        group the user counted, that count is the qualifying count."""
        from knowledge import conditions

        for clause in clauses.clauses_for(self.items):
            if not clause.person_conditions:
                continue
            count_key, group_key, ids = clause.person_conditions
            if count_key in self.inputs or not group_key or group_key not in self.inputs:
                continue
            if self.inputs.get(OVERLAP_ASKED):  # parts left out that may overlap: their count is asked
                continue
            verdict = conditions.evaluate(clause.condition_code, self.condition_facts())
            checks = {c.id: c.status for c in verdict.checks}
            if all(checks.get(i) == "met" for i in ids):
                self.inputs[count_key] = int(Decimal(str(self.inputs[group_key])))
                self.assumed_everyone = getattr(self, "assumed_everyone", set()) | {count_key}
                self.notes.append(f"按您说的{self.inputs[count_key]}名均符合条件计算")

    def _keeps_counts_told(self, norm: str, running: Optional[dict]) -> None:
        """「所有算进去的学生都实习满3个月…」 after an estimate that counted 22 qualified graduates of 30 interns: a
        message that states the person conditions met and gives no count of its own speaks of the people counted;
        the qualifying count told stays, never replaced by the group's figure (a different role's count)."""
        assumed = getattr(self, "assumed_everyone", set())
        if not running or not assumed or any(f.kind == "count" for f in own_figures(norm)):
            return
        for clause in clauses.clauses_for(self.items):
            count_key = (clause.person_conditions or (None,))[0]
            if count_key in assumed and running.get(count_key) is not None:
                self.inputs[count_key] = int(Decimal(str(running[count_key])))
                assumed.discard(count_key)

    def _drop_answered_count_asks(self, asked: list, had: dict) -> None:
        """「一百来号人 有几个退学了」 asked how many meet every condition; once a later message gives that count, the
        question said before goes from the notes."""
        keys = {c.person_conditions[0] for c in clauses.clauses_for(self.items) if c.person_conditions}
        if any(k in self.inputs and self.inputs.get(k) != had.get(k) for k in keys):
            self.notes = [n for n in self.notes if n not in asked]

    def _drop_stale_everyone_notes(self) -> None:
        """「每年收25个实习生… 符合这些条件的有8个」: the whole group was taken as qualifying from the facts before
        the message's own count was read; once that count replaces it, the note saying all 25 count goes."""
        if self.inputs.get(OVERLAP_ASKED):  # parts left out that may overlap: the count assumed before is dropped
            for key in getattr(self, "assumed_everyone", set()) & set(self.inputs):
                del self.inputs[key]
            self.assumed_everyone = set()
            asked = self.inputs[OVERLAP_ASKED]
            keys = [c.person_conditions[0] for c in clauses.clauses_for(self.items) if c.person_conditions]
            if isinstance(asked, dict) and keys and all(k in self.inputs for k in keys):  # the count told: answered
                del self.inputs[OVERLAP_ASKED]
                self.notes = [n for n in self.notes if asked.get("ask", "-") not in n]
        counts = {
            self.inputs.get(c.person_conditions[0]) for c in clauses.clauses_for(self.items) if c.person_conditions
        }
        for note in list(self.notes):
            m = re.fullmatch(r"按您说的(\d+)名均符合条件计算", note)
            if m and int(m.group(1)) not in counts:
                self.notes.remove(note)

    def condition_facts(self) -> dict:
        """What the conditions read: the facts stated in the conversation and this estimate's inputs."""
        from bot.understand.facts import from_json as facts_from_json

        facts = facts_from_json(self.facts)
        if "rent_contract_amount_cny" not in self.inputs and (
            "onshore_cny" in self.inputs or "offshore_usd" in self.inputs
        ):
            facts.pop(
                "rent_contract_amount_cny", None
            )  # the calculator sums the business amounts read with their roles
        calc = calculator_inputs(self.inputs)
        from knowledge import conditions

        for code in conditions.clause_codes():
            for leaf in conditions.leaves(code):
                if conditions.decided_by_calculator(leaf, calc):
                    facts.pop(leaf["fact"], None)  # the calculator decides it from the figures
        for key, value in calc.items():
            if not isinstance(value, (list, dict)):
                facts[key] = value
        for key, value in self.inputs.items():
            # a fact the clause's reading established (「20个大专」: 大专); one of an item's own people: item_read_facts
            if key.startswith("_fact_") and "@" not in key:
                facts[key[len("_fact_") :]] = value
        return facts

    def item_read_facts(self, code: str) -> dict:
        """The facts one item's reading established for its own people (`_fact_<fact>@<code>`: the people it counted,
        「研发部2个项目经理 本科」 beside 「1个普通工程师 大专」 left out): {fact: value}, None for not known."""
        tail = f"@{code}"
        return {
            k[len("_fact_") : -len(tail)]: v
            for k, v in self.inputs.items()
            if k.startswith("_fact_") and k.endswith(tail)
        }

    def verdicts(self) -> dict:
        """The conditions' verdict on each item of this estimate (knowledge/conditions.py)."""
        from knowledge import conditions

        from bot.understand.scoped_facts import for_item

        facts = self.condition_facts()
        shared: dict = {}
        for clause in clauses.clauses_for(self.items):
            if clause.condition_code in conditions.clause_codes():  # each item its own people's 学历
                own = for_item(facts, clause.condition_code)
                for fact, value in self.item_read_facts(clause.condition_code).items():
                    own.pop(fact, None) if value is None else own.__setitem__(fact, value)
                conditions.evaluate(clause.condition_code, own, shared)
        return shared

    def failed(self) -> dict:
        """Items that a stated condition rules out, with the reason: no need to ask the rest."""
        from bot.answers.qualify import reasons

        verdicts = self.verdicts()
        out = {}
        for clause in clauses.clauses_for(self.items):
            verdict = verdicts.get(clause.condition_code)
            if verdict is not None and verdict.status == "not_met":
                out[clause.code] = reasons(verdict, verdicts)
        return out

    def ineligible(self) -> bool:
        """第二条 stated failed (「分公司 税在上海交」): no item can be paid, whatever its figures."""
        verdict = self.verdicts().get("2")
        return verdict is not None and verdict.status == "not_met"

    def unsure_conditions(self) -> dict:
        """Conditions of the estimated items that nobody has stated yet: {code: [labels]}."""
        calc = set(calculator_inputs(self.inputs))
        verdicts = self.verdicts()
        out = {}
        for code in self.items:
            verdict = verdicts.get(code)
            if verdict is None or verdict.status != "unknown":
                continue
            labels = [
                c.label for c in verdict.unknown if c.fact not in calc and c.fact != "base_award" and not c.assumed
            ]
            if labels:
                out[code] = labels
        return out

    def met_conditions(self) -> dict:
        """Items whose conditions the user's own statements all meet (「都是本科以上的项目经理 培训的是涉外
        业务」): {code: [labels]}; none while 第二条 is stated failed (that verdict comes first)."""
        calc = set(calculator_inputs(self.inputs))
        verdicts = self.verdicts()
        if verdicts.get("2") is not None and verdicts["2"].status == "not_met":
            return {}
        out = {}
        for code in self.items:
            verdict = verdicts.get(code)
            if verdict is None or verdict.status != "met":
                continue
            labels = [c.label for c in verdict.met if c.fact not in calc and not c.assumed and c.fact != "base_award"]
            if labels:
                out[code] = labels
        return out

    def ruled_out(self) -> dict:
        """Failed items whose deciding condition the calculator cannot see: {code: explanation}."""
        calc = set(calculator_inputs(self.inputs))
        out = {}
        verdicts = self.verdicts()
        for code in self.items:
            verdict = verdicts.get(code)
            if verdict is None or verdict.status != "not_met":
                continue
            outside = [c for c in verdict.unmet if c.fact not in calc] or (["第二条"] if verdict.blocked_by else [])
            if outside:
                out[code] = "不符合条件：" + self.failed()[code] + "。" + self._once_met(code, verdict)
        return out

    def _once_met(self, code: str, verdict) -> str:
        """「入园正常运营8个月…能给多少」: an item failed only by gaps the user can make up (every unmet condition has
        a shortfall in time or people, 「还差4个月」, conditions.GAP_UNITS) is also given as the policy computes it on the
        user's figures once met (「待满足这一条件后…每个奖励10—30万元…」); "" for any other failure (学历、园区级别)."""
        from calculator import calculate
        from bot.estimate.rate_waits import without_waiting

        if verdict.blocked_by or not verdict.unmet or not all(c.short_by for c in verdict.unmet):
            return ""
        try:
            items = calculate(without_waiting(calculator_inputs(self.inputs))[0])["items"]
        except Exception:  # the figures do not compute on their own: the failure alone is said
            return ""
        item = next((i for i in items if i["code"] == code and i["qualified"] and i["amount_cny"] > 0), None)
        return f"待满足这一条件后，按政策：{item['explanation']}" if item else ""

    def rates_needed(self) -> list:
        """The exchange rates the calculator needs for the figures given (their field names); last year's only for
        the items that compare two years (三（一）, and 三（三） on its base): 「去年和今年离岸分别是80万美元、150万美元…
        离岸奖励有多少」 asks 三（二） alone, which needs this year's rate only (三（一） then waits, rate_waits.py)."""
        from calculator import required_rates

        try:
            needed = [r["field"] for r in required_rates(calculator_inputs(self.inputs))]
        except Exception:  # malformed partial inputs: let compute() report it
            return []
        if not {"3.1", "3.3"} & set(self.items):
            needed = [f for f in needed if f != "previous_usd_cny_rate"]
        return needed

    def advance(self):
        if self.status != "collecting":
            return
        if self.clarify:
            self.pending = "clarify"
            return
        if not self.items:
            self.pending = "items"
            return
        todo = self.missing()
        self.pending = todo[0] if todo else None
        if not todo:
            self.status = "done"
            if "3.8.3" in self.items and "rent_years_subsidized" not in self.inputs and "3.8.3" not in self.failed():
                note = clauses.rent.unasked_note()
                if note not in self.notes:
                    self.notes.append(note)

    def question(self) -> str:
        """The next thing to ask, in Chinese."""
        asked = self.clarify["question"] if self.clarify else question_for(self.pending, self)
        return year_chain.in_user_words(asked, self.year_focus) if self.year_focus else asked

    # -- result ----------------------------------------------------------------------------------
    def compute(self) -> dict:
        """The calculator's result for this estimate's inputs."""
        from calculator import calculate, innovation_from_awards

        from bot.estimate.rate_waits import without_waiting

        inp = self.inputs
        if awards_given(inp) and "3.3" in self.items:
            said_met = inp.get("_innovation_met") and not any(
                k in inp for k in ("innovation_patents_two_years", "innovation_rd_growth_two_years")
            )
            result = innovation_from_awards(
                inp.get("_award_3.1"),
                inp.get("_award_3.2"),
                patents_two_years=True if said_met else inp.get("innovation_patents_two_years"),
                rd_growth_two_years=inp.get("innovation_rd_growth_two_years"),
            )
            if said_met:  # 「三（三）条件也满足」: which condition is unsaid, neither is named
                result = supposed_awards.condition_said(result)
            return supposed_awards.with_stated(self._with_other_items(result), inp)
        inputs, waiting = without_waiting(calculator_inputs(self.inputs))
        inputs = self._without_incomplete_failed(inputs)
        ruled_out = self.ruled_out()
        aside = [c for c in self.inputs.get("_set_aside") or () if c not in self.items]
        for code in aside:  # left out as the user asked: 0 in the total and in 三（三）'s base, not shown
            ruled_out.setdefault(code, SET_ASIDE)
        result = calculate(inputs, ruled_out=ruled_out)
        if aside:
            result = dict(result, items=[i for i in result["items"] if i["code"] not in aside], set_aside=aside)
        if self.inputs.get("_other_award_amounts"):  # 「展会补贴已按上限30万核定」: counted in the year's 500万 too
            result = supposed_awards.with_stated(result, self.inputs)
        return dict(result, waiting=waiting) if waiting else result

    def _without_incomplete_failed(self, inputs: dict) -> dict:
        """An item the stated facts rule out is not asked its other figures (missing() leaves it out): when the
        calculator would refuse the figures it does have (「入驻才半年，年租金60万」 without the area), that item's own
        figures are left out of the calculation and its verdict is said in a note; the other items are estimated."""
        from calculator import CalculatorError
        from calculator.inputs import validate

        failed = self.failed()
        if not failed:
            return inputs
        kept = set(clauses.missing(self, set(self.items) - set(failed)))
        for _ in range(len(failed)):
            try:
                validate(inputs)
                return inputs
            except CalculatorError as err:
                field_name = (err.field or "").split("[")[0]
                codes = [c.code for c in clauses.clauses_for(failed) if field_name in {f.key for f in c.fields}]
                if not codes:
                    return inputs
                others = {f.key for c in clauses.clauses_for(set(self.items) - set(failed)) for f in c.fields}
                for code in codes:
                    own = {f.key for f in clauses.BY_CODE[code].fields} - others - kept
                    inputs = {k: v for k, v in inputs.items() if k not in own}
                    note = f"{item_words.NAMES.get(code, code)}不符合条件：{failed[code]}，未计入测算"
                    if note not in self.notes:
                        self.notes.append(note)
        return inputs

    def _with_other_items(self, result: dict) -> dict:
        """「今年新拿到技先资格 增量奖励40万 离岸奖励60万…技先奖和创新奖分别多少」: 三（三） on the awards the user
        gave, and beside it every other item asked whose inputs were given (三（四）), one result."""
        from calculator import calculate

        others = [c for c in self.items if c not in BASE_ITEMS + ("3.3",)]
        inputs = {
            k: v
            for k, v in calculator_inputs(self.inputs).items()
            if k not in ("innovation_patents_two_years", "innovation_rd_growth_two_years")
        }
        if not others or not inputs:
            return result
        extra = calculate(inputs, ruled_out=self.ruled_out())
        items = result["items"] + [i for i in extra["items"] if i["code"] in others]
        if len(items) == len(result["items"]):
            return result
        from knowledge.figures import figure

        cap = float(figure("4.3", "annual_total_cap_cny"))  # 第四条第（三）项
        total = sum(i["amount_cny"] for i in items)
        return dict(
            result,
            items=items,
            total_cny=min(total, cap),
            total_cny_max=min(sum(i.get("amount_cny_max", i["amount_cny"]) for i in items), cap),
            total_capped=total > cap,
        )


def people_groups(norm: str) -> bool:
    """Whether an answer counts people before a cost (「20个人每人2.5万」「其中20人 2.5万一个」): groups, not one cost each."""
    return bool(
        re.search(r"[0-9一二两三四五六七八九十]+\s*(?:个人|人|名|位)[^0-9，,；;。]{0,8}?[0-9.]+\s*(?:万|千|元)", norm)
    )


def contract_named(norm: str, values: list) -> Optional[int]:
    """Which of a year's contracts (their figures `values`, in the order told) a correction names: 「第二个」「后一笔」
    (estimate_words.yml contract_parts), or the old figure after 不是 when it is exactly one of them; None when
    neither says."""
    from bot.estimate.understand import estimate_words, figures

    words = estimate_words()["contract_parts"]
    numerals = {w: i for i, w in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
    index = None
    m = re.search(r"第\s*([一二两三四五六七八九十]|\d)\s*(个|笔|份|单|项)", norm)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else numerals[m.group(1)]
        index = n - 1 if 1 <= n <= len(values) else None
    elif re.search("|".join(map(re.escape, words["first"])), norm):
        index = 0
    elif re.search("|".join(map(re.escape, words["last"])), norm):
        index = len(values) - 1
    olds = [
        f.value
        for f in figures(norm)
        if f.kind == "money" and re.search(r"(不是|而非|并非)\s*$", norm[max(0, f.start - 3) : f.start])
    ]
    matching = [i for i, v in enumerate(values) if olds and v == olds[0]]
    if index is None and len(matching) == 1:
        return matching[0]
    if index is not None and olds and values[index] != olds[0]:
        return None  # the place and the old figure disagree: not guessed
    return index


def restated_fields(text: str, running: dict, items) -> list:
    """The fields a message gives with the values the running estimate already has (「今年第一次认定」 after an
    estimate on 新认定), when it gives nothing else and no figure of its own; [] otherwise."""
    if any(f.kind != "rate" for f in own_figures(normalize(text or ""))):
        return []  # 「汇率按7.0」 said again after the estimate used 7.0: acknowledged, not 'not understood'
    reading = read(text, None, items, running)
    fields = {k: v for k, v in reading.fields.items() if not k.startswith("_")}
    if not fields or reading.clarifications or any(running.get(k) != v for k, v in fields.items()):
        return []
    return list(fields)


REST_OPENING = re.compile(r"^\s*(?:剩下|其余|其他|其它|余下|另外的|除此之外的?)")


def restates_the_rest(text: str, running: Optional[dict]) -> list:
    """「剩下的人去的都是服务外包企业，合同都是一年以上」 after an estimate that left some people out: the message speaks
    of the others, the people counted, and says nothing failing a person condition of the running items, nor a count
    other than theirs — it restates what the estimate used. [(item name, count)] of the items whose people it is;
    [] for a question, a condition failed, or another count (a correction, read as such)."""
    from bot.understand.facts import read_facts
    from knowledge import conditions

    from bot.understand.segment import asks_something

    norm = normalize(text or "")
    if not running or asks_something(norm) or not REST_OPENING.match(norm):
        return []
    counted = [
        c
        for c in clauses.clauses_for(items_for_inputs(running))
        if c.person_conditions and isinstance(running.get(c.person_conditions[0]), (int, Decimal))
    ]
    if not counted:
        return []
    told = {int(f.value) for f in own_figures(norm) if f.kind == "count" and f.value is not None}
    if told - {int(running[c.person_conditions[0]]) for c in counted}:
        return []
    facts = read_facts(norm)
    for c in counted:
        ids = c.person_conditions[2]
        if any(x.id in ids and x.status == "not_met" for x in conditions.evaluate(c.condition_code, facts).checks):
            return []
    return [(c.name, int(running[c.person_conditions[0]])) for c in counted]


def changes_a_status(text: str, running: Optional[dict]) -> bool:
    """「等下 其实我们上年就注册了…」 after an estimate made for a 新增企业: the message says otherwise of a yes/no
    status the running estimate was computed with, so it corrects that estimate (its figures are read again with
    their own year words), never starts another one on the facts said before."""
    if not running:
        return False
    said = read(text, None, items_for_inputs(running)).fields
    return any(
        isinstance(value, bool) and isinstance(running.get(key), bool) and running[key] != value
        for key, value in said.items()
    )


def replaces_a_count(text: str, running: Optional[dict]) -> bool:
    """「抱歉 刚才120个是总培训人数… 其实只有97个」 after an estimate with 120: a count the running estimate holds,
    said again with a word that points back at it (estimate_words.yml refers_back), and another count: the message
    corrects that count (the new one replaces it), never adds to it, even with 又/还有 in its words."""
    from bot.estimate.reading import alternation, estimate_words

    if not running:
        return False
    norm = normalize(text or "")
    if refines(norm, running):  # 「60人里…的有48个，另外12个签的是半年」: the count held split, its part counted
        return True
    told = {int(v) for k, v in running.items() if k in COUNT_FIELDS and isinstance(v, (int, Decimal))}
    if not told:
        return False
    back = alternation(estimate_words()["refers_back"])
    counts = [f for f in own_figures(norm) if f.kind == "count"]
    restated = [
        f for f in counts if int(f.value) in told and re.search(rf"({back})[^，。；,;0-9]{{0,4}}$", norm[: f.start])
    ]
    return bool(restated) and any(int(f.value) not in told for f in counts)


def removes_a_part(text: str, running: Optional[dict]) -> bool:
    """「有4个人社保只交了4个月 这4个得去掉吧」 after an estimate that counts people: the user takes a part out of a
    count the running estimate holds, or says a part of it fails a person condition, a correction of that estimate
    (bot/understand/subgroups.py removed, excluded)."""
    from bot.understand.subgroups import removed

    from bot.understand.subgroups import excluded

    if not running or describes_afresh(text, running):  # 「今年培训了40个学员，其中…剩下10个考核没过」: a new group
        return False
    norm = normalize(text or "")
    if refines(norm, running):  # 「他们当中有4个是高中毕业的，还有26个是本科」: the people counted split
        return True
    if running.get("senior_training") and excluded(norm, "3.7.3", clauses.senior_training.PERSON_CONDITIONS)[0]:
        return True  # 「其中3个其实只是大专学历」 after people whose training costs were counted
    if not any(isinstance(running.get(k), (int, Decimal)) for k in COUNT_FIELDS):
        return False
    held = [c for c in clauses.CLAUSES if c.person_conditions and isinstance(running.get(c.person_conditions[0]), int)]
    # 「第三期里有两个是中专学历的」: a part of the people counted fails one of the item's person conditions
    return bool(removed(norm)) or any(excluded(norm, c.code, c.person_conditions[2])[0] for c in held)


def changes_an_entry(text: str, running: Optional[dict]) -> bool:
    """「1.8万那场…把它去掉」「那个展其实是…境内的」「技术先进型那个…删掉它」 after an estimate: the message takes a fair
    or an item out of that estimate, or moves its fair to the other region, so it corrects that estimate."""
    if not running:
        return False
    norm = normalize(text or "")
    fairs = running.get("fairs") or []
    if fairs and clauses.market_fairs.drop_by_cost(fairs, norm) is not None:
        return True
    if fairs and CORRECTION.search(norm) and clauses.market_fairs.change_region(fairs, norm) is not None:
        return True
    probe = EstimateSession(items=items_for_inputs(running), inputs=dict(running))
    return bool(probe._drop_named_items(norm))


def _adds(text: str) -> bool:
    """The message says it adds (「那再加上…」「还有…」「又去了…」), whatever its figures."""
    return bool(
        re.search(
            r"^(那|那么)?\s*(再|又|还有|另外|加上|追加)|再加上|又(去|参加|买|花|拿|招|收)|追加", normalize(text or "")
        )
    )


def _restates(old: list, new: list) -> bool:
    """Every entry of `new` is already in `old` (same costs, same places): the list told again. Figures compare by
    value, however kept (a platform's `_parts` come back from the conversation's slot as text: 「1200000」 is
    Decimal 1200000, so a message sent again is not one more platform)."""
    from collections import Counter

    def plain(v):
        if isinstance(v, dict):
            return tuple(sorted((str(k), plain(x)) for k, x in v.items()))
        if isinstance(v, (list, tuple)):
            return tuple(plain(x) for x in v)
        if isinstance(v, (Decimal, int, float, str)) and not isinstance(v, bool):
            try:
                return str(Decimal(str(v)).normalize())
            except ArithmeticError:
                return str(v)
        return str(v)

    return bool(new) and not Counter(plain(e) for e in new) - Counter(plain(e) for e in old)


def used_figures(inputs: dict) -> list:
    """Every amount an estimate's inputs hold (list entries' costs included)."""
    out = []
    for key, value in inputs.items():
        if isinstance(value, list):
            out += [Decimal(str(e.get("cost_cny"))) for e in value if isinstance(e, dict) and "cost_cny" in e]
        elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            out.append(Decimal(value))
    return out


def years_of_pair(norm: str, data: dict) -> Optional[tuple]:
    """The years of the two amounts asked about (data values, raws) from the answer: a year word beside one of them
    (「2360万是今年的」「去年1940万」), or beside 前一个/后一个 (estimate_words.yml years_unsaid); the other is the
    other year. None when the answer names no year for either."""
    from bot.estimate.reading import alternation, estimate_words
    from bot.estimate.understand import YEAR_CUR, YEAR_PREV

    def year_of(word: str) -> str:
        return "previous" if re.fullmatch(YEAR_PREV, word) else "current"

    other = {"previous": "current", "current": "previous"}
    years = rf"({YEAR_PREV}|{YEAR_CUR})"
    for i, raw in enumerate(data.get("raws") or []):  # 「1200万是去年的 800万是今年的」: 是 ties a year to its figure
        number = re.escape(re.sub(r"(万|亿|元)+$", "", raw))
        m = re.search(rf"(?<![\d.]){number}(万|亿)?(元)?\s*(是|为|算)\s*{years}", norm)
        if m:
            mine = year_of(m.group(m.lastindex))
            return (mine, other[mine]) if i == 0 else (other[mine], mine)
    for i, raw in enumerate(data.get("raws") or []):
        number = re.escape(re.sub(r"(万|亿|元)+$", "", raw))
        m = re.search(rf"(?<![\d.]){number}(万|亿)?(元)?\s*(的)?\s*(是|为|算)?\s*{years}", norm) or re.search(
            rf"{years}\s*(的)?\s*(是|为)?\s*(?<![\d.]){number}(?![\d.])", norm
        )
        if m:
            said = next(g for g in m.groups()[::-1] if g and re.fullmatch(rf"{YEAR_PREV}|{YEAR_CUR}", g))
            mine = year_of(said)
            return (mine, other[mine]) if i == 0 else (other[mine], mine)
    w = estimate_words()["years_unsaid"]
    for i, which in enumerate(("first", "second")):
        m = re.search(rf"({alternation(w[which])})\s*(的)?\s*(是|为|算)?\s*{years}", norm)
        if m:
            mine = year_of(m.group(m.lastindex))
            return (mine, other[mine]) if i == 0 else (other[mine], mine)
    return None


def items_for_inputs(inputs: dict) -> list:
    """The items a set of calculator inputs computes."""
    probe = EstimateSession(items=[], inputs=dict(inputs))
    probe.infer_items()
    return probe.items


def added_items(session: "EstimateSession", text: str, running: Optional[dict]) -> list:
    """「那再加上CMMI认证的 一共多少」 after an estimate: the items the message names that the running estimate does
    not compute yet, which the extending `session` now asks about before the whole is summed; [] when the session
    does not extend the running estimate or names nothing new."""
    from bot.estimate.understand import english_to_chinese

    if not running or not session.extends:
        return []
    said = normalize(text or "")
    if not any(str(w).lower() in said.lower() for w in estimate_words()["added_item"]):
        return []  # 「另外问一下 技术先进型服务企业认定奖励是多少钱」: a question about the item, answered, not added
    named = item_words.detect_items(english_to_chinese(said))
    computed = set(items_for_inputs(running))
    return [c for c in session.items if c in named and c not in computed]


def merge_running(previous: dict, new: dict) -> dict:
    """The conversation's running estimate with a message that adds to it: lists are extended
    (another fair, another certification), other figures replaced by the newer ones."""
    merged = dict(previous)
    for key, value in new.items():
        if key in LIST_FIELDS and isinstance(value, list):
            merged[key] = list(previous.get(key) or []) + [v for v in value]
        else:
            merged[key] = value
    return merged


def _clar_dict(c: Clarification) -> dict:
    return {"kind": c.kind, "question": c.question, "data": c.data}


ITEMS_QUESTION = (
    "您想测算哪一项？例如：离岸业务奖励、业务规模增量奖励、创新发展奖励、技术先进型企业奖励、展会补贴、"
    "资质认证补贴、中高级人才培训补贴、实习实训补贴、培训机构培训支持、租金补贴、公共服务平台补贴、"
    "示范园区认定奖励、园区引进重点企业或吸引外资奖励。也可以直接告诉我数字，比如“去年在岸执行额2000万元，今年2600万元”。"
)


def people_counted(norm: str) -> list:
    """The user's figures less the words that count groups, not people (「两拨」「不是同一批」)."""
    return [
        f
        for f in own_figures(norm)
        if not re.match(r"\s*(?:拨|批|部分|类|组|种|波)", norm[f.end :]) and not re.search(r"(?:拨|批)$", f.raw or "")
    ]


def said_apart(norm: str) -> bool:
    """Whether the message says the parts left out are different people (estimate_words.yml subgroups disjoint)."""
    from bot.estimate.reading import alternation, estimate_words

    words = estimate_words()["subgroups"]
    apart = re.compile(alternation(words["disjoint"]))
    return bool(apart.search(norm)) and not re.search(alternation(words["overlapping"]), apart.sub(" ", norm))


def question_for(key: Optional[str], session: EstimateSession) -> str:
    """The question that asks for `key`: the clause that owns it asks (bot/estimate/clauses/); whether parts left out
    overlap first, when that is what the count waits for."""
    asked_parts = session.inputs.get(OVERLAP_ASKED)
    if isinstance(asked_parts, dict) and asked_parts.get("ask") and key and not key.startswith("_"):
        return asked_parts["ask"]
    if key == "items":
        told = session.inputs.get("_unplaced") or []
        if told:  # the figure the user gave, named: which item (and for 执行额, 在岸 or 离岸) it belongs to
            return f"您说的{'、'.join(told)}是哪一项的数字（执行额请说明是在岸还是离岸）？" + ITEMS_QUESTION
        return ITEMS_QUESTION
    return (key and clauses.question(key, session)) or "还需要什么信息，请直接告诉我。"


INCREMENT_NOT_ESTIMATED_NOTE = (
    "业务规模增量奖励（第三条第（一）项）按本年度比上一年度执行额的增量计算，这里没有算；如需一并测算，"
    "请告诉我上一年度的在岸、离岸执行额（及上一年度汇率），或说明是否为今年新设立的企业"
)
ASKS_MORE_NOTES = (INCREMENT_NOT_ESTIMATED_NOTE,)
"""Notes that ask for more figures: left out when 第二条 has failed (no figure can change the 0)."""

PREVIOUS_YEAR_OFFSHORE_NOTE = "按您说的去年（业务执行年度）的离岸执行额计算"
"""The note of an offshore-only estimate whose one offshore figure was said of 去年: its read-back names 去年 too."""


def describe_field(key: str, value) -> str:
    """One input as the user would say it: 今年离岸执行额150万美元, 汇率7.05."""
    f = clauses.FIELDS.get(key)
    if f is None:
        return f"{key}{value}"
    if f.describe:
        return f.describe(value)
    if f.type == "flag":
        return f.label + ("：是" if value else "：否")
    if f.type == "rate":
        return f"{f.label}{value}"
    if f.unit in ("元", "美元"):
        return f"{f.label}{wan(Decimal(value), f.unit)}"
    return f"{f.label}{value}{f.unit}"


def restate(inputs: dict) -> str:
    """What the estimate rests on, in the user's units: 离岸执行额150万美元、汇率7.05 (each clause's fields,
    in the registry's read-back order). The previous year's rate is named only beside a previous-year offshore
    amount it converts: 「汇率都按7.2」 of two applicants' 今年离岸 says no 上年汇率 the estimate rests on."""
    unused = set() if inputs.get("previous_offshore_usd") else {"previous_usd_cny_rate"}
    return "、".join(describe_field(k, inputs[k]) for k in clauses.FIELDS if k in inputs and k not in unused)
