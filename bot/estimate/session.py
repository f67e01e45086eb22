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

from bot.estimate import items as item_words
from bot.estimate.understand import CERT_NAME, Clarification, read, wan
from bot.nlu.normalize import normalize

LIST_FIELDS = ("fairs", "certifications", "senior_training", "platforms")
ADDITIVE_COUNTS = ("institution_trainees", "qualified_interns", "park_top_enterprises")
INT_FIELDS = (
    "institution_trainees",
    "interns_per_year",
    "qualified_interns",
    "park_top_enterprises",
    "rent_years_subsidized",
    "year",
)
BOOL_FIELDS = (
    "new_enterprise",
    "innovation_patents_two_years",
    "innovation_rd_growth_two_years",
    "tech_advanced_new",
    "institution_recognized",
    "park_newly_recognized",
    "park_enterprise_operated",
)
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
    r"还有|另外|另有|再加|加上|也算|也去|又去|又有|又补|补报|一共|总共|合计|共计|加起来|加一块|"
    r"一起算|两项|三项|几项|都算上|算上|also|plus|in total"
)
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
    """The user's own figures in a message (a figure bound by 超过/以上/最高 quotes the policy)."""
    from bot.estimate.understand import figures

    return [f for f in figures(text) if not getattr(f, "bound", None) and f.kind != "year"]


def rate_rule() -> str:
    """The policy's exchange-rate rule, quoted from knowledge/, with what it means."""
    from knowledge import query

    rule = query.document()["exchange_rate"]
    return (
        f"{rule['text'].split('，')[-1]}（{query.clause(rule['clause'])['label']}）："
        "离岸金额按业务执行那一年的美元兑人民币年平均中间价折算。"
    )


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
    """Back from a slot: money and rates as Decimal, counts as int."""
    if value is None:
        return None
    if key in BOOL_FIELDS:
        return bool(value)
    if key in INT_FIELDS:
        return int(value)
    if key in LIST_FIELDS:
        return [{k: (Decimal(str(v)) if k == "cost_cny" else v) for k, v in e.items()} for e in value]
    if key.startswith("_"):
        return value
    return Decimal(str(value))


def calculator_inputs(inputs: dict) -> dict:
    """The contract's fields only (state keys starting with _ are the dialogue's own)."""
    return {k: v for k, v in inputs.items() if not k.startswith("_")}


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


# The field whose figures, once given, make an item part of the estimate.
FIGURE_ITEMS = (
    ("fairs", "3.5"),
    ("certifications", "3.6"),
    ("senior_training", "3.7.3"),
    ("platforms", "3.9"),
    ("rent_annual_cny", "3.8.3"),
    ("qualified_interns", "3.7.4"),
    ("institution_trainees", "3.7.2"),
    ("park_top_enterprises", "3.8.2a"),
    ("park_foreign_investment_usd", "3.8.2b"),
)


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
        self.problems = []

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
                )
            },
        )

    # -- starting --------------------------------------------------------------------------------
    @classmethod
    def start(cls, text: str, known: Optional[dict] = None, running: Optional[dict] = None) -> "EstimateSession":
        """A session from the message that asked for an estimate; `known`: the conversation's facts (JSON);
        `running`: the conversation's estimate so far, which a message that adds to it ("还有…", "再加上…，一共
        多少") extends."""
        from bot.estimate.understand import english_to_chinese

        norm = english_to_chinese(normalize(text or ""))
        codes = item_words.detect_items(norm)
        adds = bool(ADDS_TO_RUNNING.search(norm)) and bool(running)
        if running and running.get("certifications") and not adds:
            # "ITSS是今年新拿的 认证费15万" after CMMI: a certification not yet told is another one
            said = {m.group(0).replace(" ", "").upper()[:4] for m in CERT_NAME.finditer(norm)}
            told = {str(c.get("name", "")).upper()[:4] for c in running["certifications"]}
            adds = bool(said) and not (said & told)
        session = cls(items=codes, facts=known, extends=adds)
        if adds:
            session.inputs = dict(running)
            session.items = item_words.sort_items(codes + _items_for_inputs(running))
        session._note_facts(text)
        session.fill_from_facts()
        session._absorb(text, first=True)
        session._drop_facts_read_again()
        session._previous_is_the_year()
        session._infer_items()
        session._advance()
        return session

    def _previous_is_the_year(self):
        """ "离岸业务去年做了500万美元": with no increment asked, last year is the year rewarded."""
        inp = self.inputs
        if "3.1" in self.items or "3.3" in self.items:
            return
        if any(k in inp for k in ("offshore_usd", "onshore_cny", "previous_onshore_cny")):
            return
        if "previous_offshore_usd" in inp:
            inp["offshore_usd"] = inp.pop("previous_offshore_usd")
            if "previous_usd_cny_rate" in inp and "usd_cny_rate" not in inp:
                inp["usd_cny_rate"] = inp.pop("previous_usd_cny_rate")
            self.notes.append("按您说的去年（业务执行年度）的离岸执行额计算")

    def _infer_items(self):
        """Items implied by the figures when the user named none ("离岸执行额150万美元能拿多少")."""
        inp = self.inputs
        codes = set(self.items)
        awards = any(k.startswith("_award_") for k in inp)
        if awards and not codes:
            codes.add("3.3")
        if "3.3" in codes and awards:
            codes -= {"3.1", "3.2"}
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
            if "offshore_usd" in inp:
                codes.add("3.2")
            if "onshore_cny" in inp and "3.1" not in codes:
                codes.add("3.1")
            if "innovation_patents_two_years" in inp or "innovation_rd_growth_two_years" in inp:
                codes.add("3.3")
            for key, code in FIGURE_ITEMS + (("tech_advanced_new", "3.4"),):
                if key in inp:
                    codes.add(code)
            if self.clarify and self.clarify.get("kind") in ("business_kind", "currency"):
                codes.add("3.2" if self.clarify.get("data", {}).get("key", "").endswith("offshore_usd") else "3.1")
        else:
            codes |= self._implied_items(codes)
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
        for key, code in FIGURE_ITEMS:
            if inp.get(key):
                out.add(code)
        if inp.get("tech_advanced_new"):
            out.add("3.4")
        return out

    # -- reading answers -------------------------------------------------------------------------
    def handle(self, text: str, intent: Optional[str] = None) -> Turn:
        """Move the session on with one user message."""
        norm = normalize(text or "").strip()
        if not norm:
            return Turn(messages=["我没有收到内容。" + self.question()], understood=False)
        if intent == "start_over" or RESTART.search(norm):
            self.status = "cancelled"
            return Turn(messages=["好的，已清空本次会话中的测算，我们重新开始。"], cancelled=True, reset_all=True)
        if intent == "cancel" or CANCEL.search(norm):
            self.status = "cancelled"
            return Turn(messages=["好的，已取消本次测算。需要时随时再来，比如说“帮我算一下离岸奖励”。"], cancelled=True)
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
        is_correction = intent == "correct_value" or bool(CORRECTION.search(norm))
        if intent == "dont_know" or (SKIP.search(norm) and not re.search(r"\d", norm)):
            return self._skip()
        before = dict(self.inputs), self.clarify
        if new_items and intent not in QUESTION_INTENTS:
            self.items = item_words.sort_items(self.items + new_items)  # read this message for them too
        self._note_facts(text)
        resolved = self._resolve_clarification(text) if self.clarify else False
        settled = {k: self.inputs[k] for k in LIST_FIELDS if k in self.inputs} if resolved else {}
        clarify_now = self.clarify
        got = self._absorb(text, correction=is_correction)
        self.inputs.update(settled)  # the answer to a clarification is not read a second time
        if resolved:
            self.clarify = clarify_now  # the answer was read for the question; not asked about again
        known = len(self.inputs)
        self.fill_from_facts()
        got = got or len(self.inputs) > known
        if new_items and intent in ("estimate_award", "inform", "estimate_total", None):
            self.items = item_words.sort_items(self.items + new_items)
            got = True
        if not (resolved or got):
            if intent in QUESTION_INTENTS or (intent == "estimate_total"):
                return Turn(interjection=True, understood=False)
            self.retries += 1
            hint = "抱歉，我没能从这句话里读出需要的信息。"
            if self.retries >= 3:
                hint += "如果不方便提供，可以回复“跳过”，或回复“取消”结束测算。"
            return Turn(messages=[hint], understood=False)
        self.retries = 0
        self._infer_items()
        self._advance()
        msgs = list(self.problems)
        if asked and self.status == "collecting":
            return Turn(messages=msgs, question=asked)
        if is_correction and self.inputs != before[0]:
            changed = [k for k in self.inputs if before[0].get(k) != self.inputs.get(k) and not k.startswith("_")]
            if changed:
                msgs.append("好的，已更正：" + "、".join(describe_field(k, self.inputs[k]) for k in changed) + "。")
        return Turn(messages=msgs, done=self.status == "done")

    def _note_facts(self, text: str) -> None:
        """Remember the facts a message states (conditions are checked on them)."""
        from bot.understand import facts as fact_reader

        # "3个人参加了培训" counts people; it does not say the applicant is an individual (个人)
        said = fact_reader.read_facts(re.sub(r"([0-9两一二三四五六七八九十几]+)个人", r"\1名员工", text or ""))
        if said:
            self.facts = fact_reader.to_json(fact_reader.merge(fact_reader.from_json(self.facts), said))

    def _absorb(self, text: str, first: bool = False, correction: bool = False) -> bool:
        """Merge what `text` says; True when anything new was understood."""
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
            kept = [f for f in self.inputs.get("fairs", []) if f["region"] not in regions or (first and self.extends)]
            self.inputs["fairs"] = kept + new
            got = True
            self.last_keys.append("fairs")
        if first and self.extends:  # another fair / certification / platform, another batch of trainees
            for key in [k for k in fields if k in LIST_FIELDS]:
                self.inputs[key] = list(self.inputs.get(key) or []) + list(fields.pop(key))
                self.last_keys.append(key)
                got = True
            if re.search(r"又|再|补报|另外|还有|也", normalize(text or "")):
                for key in [k for k in fields if k in ADDITIVE_COUNTS and k in self.inputs]:
                    self.inputs[key] = int(self.inputs[key]) + int(fields.pop(key))
                    self.last_keys.append(key)
                    got = True
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
        self.last_keys = self.last_keys[-6:]
        return got or bool(reading.problems)

    def _reject_bad_values(self) -> list:
        """Values the calculator would refuse (negative, absurd): dropped and asked again."""
        from calculator import CalculatorError
        from calculator.inputs import validate

        messages = []
        for _ in range(5):
            try:
                validate(calculator_inputs(self.inputs))
                return messages
            except CalculatorError as err:
                field = (err.field or "").split("[")[0].split(".")[0]
                if field not in self.inputs:
                    return messages
                self._infer_items()
                self.inputs.pop(field)
                messages.append(f"这个数字不能用：{err}。请重新告诉我。")
        return messages

    def _apply_bare_correction(self, text: str) -> bool:
        """ "不对，是180万美元": a figure with no role replaces the last figure of its kind."""
        from bot.estimate.understand import figures

        figs = figures(normalize(text))
        if not figs:
            return False
        f = figs[0]
        for key in reversed(self.last_keys):
            old = self.inputs.get(key)
            if f.kind == "rate" and key.endswith("rate"):
                self.inputs[key] = f.value
                return True
            if f.kind == "money" and isinstance(old, Decimal) and not key.endswith("rate"):
                if key.endswith("_usd") and f.currency == "CNY":
                    continue
                self.inputs[key] = f.value
                return True
        return False

    def _resolve_clarification(self, text: str) -> bool:
        c = self.clarify
        norm = normalize(text)
        kind, data = c["kind"], c.get("data", {})
        usd = re.search(r"美元|美金|刀|usd|\$", norm)
        cny = re.search(r"人民币|元|rmb|块|¥|￥", norm) and not usd
        if kind == "currency":
            if data.get("value") is None:
                return False
            if usd:
                self.inputs[data["key"]] = Decimal(data["value"])
                self.last_keys.append(data["key"])
            elif cny:
                self.clarify = {
                    "kind": "currency",
                    "question": f"离岸执行额按美元计算（第三条第（二）项）。{wan(Decimal(data['value']))}折合多少美元？",
                    "data": {"key": data["key"], "value": None},
                }
                return True
            else:
                return False
        elif kind == "business_kind":
            key = None
            said = re.sub(r"(没有|没|无|不是|非)[^，,。；;]{0,2}(离岸|境外|国际|在岸|境内|国内)(业务)?", "", norm)
            if re.search(r"离岸|境外|国际|美元|美金|刀", said):
                key = "offshore_usd"
            elif re.search(r"在岸|境内|国内|人民币|元", said):
                key = "onshore_cny"
            if not key:
                return False
            for said in data.get("values") or [{"value": data["value"], "year": data.get("year")}]:
                field_key = ("previous_" if said.get("year") == "previous" else "") + key
                if key == "offshore_usd" and cny and not usd:
                    continue
                self.inputs[field_key] = Decimal(said["value"])
                self.last_keys.append(field_key)
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
                self.clarify = _clar_dict(each_cost_question(data["kind"], count, value, unit, what))
                return True
            return self._apply_values(data, values)
        elif kind == "each_cost":
            values = [f.value for f in own_figures(norm) if f.kind == "money"]
            if not values:
                return False
            return self._apply_values(data, values)
        elif kind == "fair_cost":
            groups = data.get("groups") or [data]
            prefix = ""
            if len(groups) == 1:
                g = groups[0]
                prefix = {"domestic": "境内", "overseas": "境外"}.get(g.get("region"), "") + f"{g['count']}场活动，"
            reading = read(prefix + (text or ""), "fairs", self.items, self.inputs)
            if not reading.fields.get("fairs") and not reading.clarifications:
                return False
            self.clarify = _clar_dict(reading.clarifications[0]) if reading.clarifications else None
            if reading.fields.get("fairs"):
                self._merge_fairs(reading.fields["fairs"])
            self.notes += [n for n in reading.notes if n not in self.notes]
            return True
        elif kind == "region":
            return self._resolve_regions(norm, [Decimal(v) for v in data["entries"]])
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
            self.inputs["senior_training"] = [{"cost_cny": v} for v in values]
        elif data["kind"] == "cert":
            self.inputs["certifications"] = [{"name": f"资质{i + 1}", "cost_cny": v} for i, v in enumerate(values)]
        elif data["kind"] == "platform":
            self.inputs["platforms"] = [{"cost_cny": v} for v in values]
        self.clarify = None
        return True

    def _resolve_regions(self, norm: str, entries: list) -> bool:
        """ "6万那个是在郑州办的，9万那个在迪拜": each named cost takes the place said after it."""
        from bot.estimate.understand import figures, region_mentions

        places = region_mentions(norm)
        if not places:
            return False
        named = [f for f in figures(norm) if f.kind == "money" and f.value in entries]
        left = list(entries)
        fairs = []
        for f in named:
            after = [p for p in places if p[0] >= f.end]
            before = [p for p in places if p[1] <= f.start]
            region = (after[0] if after else before[-1])[2]
            if f.value in left:
                left.remove(f.value)
                fairs.append({"region": region, "cost_cny": f.value})
        if left:
            regions = {p[2] for p in places}
            if len(regions) != 1:
                return False
            region = regions.pop()
            fairs += [{"region": region, "cost_cny": v} for v in left]
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
        if self.clarify:
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
        self._advance()
        return Turn(messages=[msg], done=self.status == "done")

    # -- what next -------------------------------------------------------------------------------
    def missing(self) -> list:
        """The keys still to ask, in order (skipped ones left out)."""
        inp, items, out = self.inputs, set(self.items) - set(self.failed()), []
        if "3.3" in items and "innovation_patents_two_years" not in inp and "innovation_rd_growth_two_years" not in inp:
            out.append("innovation")
        if any(k.startswith("_award_") for k in inp):
            return [k for k in out if k not in self.skipped]
        if "3.1" in items:
            # "没有离岸业务" alone does not tell a year's total: its onshore amount is still needed
            if "onshore_cny" not in inp and not inp.get("offshore_usd"):
                out.append("business_current")
            if (
                not inp.get("new_enterprise")
                and "previous_onshore_cny" not in inp
                and not inp.get("previous_offshore_usd")
            ):
                out.append("business_previous")
        if "3.2" in items and "offshore_usd" not in inp and "business_current" not in out:
            out.append("offshore_usd")
        if items & {"3.1", "3.2", "3.3"} and not out:
            out += self._rates_needed()
        if "3.4" in items and "tech_advanced_new" not in inp:
            out.append("tech_advanced_new")
        if "3.5" in items and "fairs" not in inp:
            out.append("fairs")
        if "3.6" in items and "certifications" not in inp:
            out.append("certifications")
        if "3.7.2" in items:
            out += [k for k in ("institution_recognized", "institution_trainees") if k not in inp]
        if "3.7.3" in items and "senior_training" not in inp:
            out.append("senior_training")
        if "3.7.4" in items:
            out += [k for k in ("internship_agreement_years", "interns_per_year", "qualified_interns") if k not in inp]
        if "3.8.1" in items:
            out += [k for k in ("park_newly_recognized", "park_enterprise_operated") if k not in inp]
        if "3.8.2a" in items and "park_top_enterprises" not in inp:
            out.append("park_top_enterprises")
        if "3.8.2b" in items and "park_foreign_investment_usd" not in inp:
            out.append("park_foreign_investment_usd")
        if "3.8.3" in items:
            # 已享受租金补贴年数 is not asked: the calculator counts it 0 and the answer says so
            for k in ("rent_annual_cny", "rent_area_m2", "rent_years_in_park", "rent_contract_amount_cny"):
                if k == "rent_contract_amount_cny" and ("onshore_cny" in inp or "offshore_usd" in inp):
                    continue
                if k not in inp:
                    out.append(k)
        if "3.9" in items and "platforms" not in inp:
            out.append("platforms")
        return [k for k in out if k not in self.skipped]

    FACT_INPUTS = (
        "new_enterprise",
        "tech_advanced_new",
        "institution_recognized",
        "park_newly_recognized",
        "park_enterprise_operated",
        "innovation_patents_two_years",
        "innovation_rd_growth_two_years",
        "internship_agreement_years",
        "interns_per_year",
        "rent_years_in_park",
        "rent_contract_amount_cny",
        "rent_years_subsidized",
        "park_foreign_investment_usd",
    )

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

    # the conditions each counted person must meet, per item: when every one is stated met for
    # the whole group the user counted, that count is the qualifying count
    PERSON_CONDITIONS = {
        "3.7.4": ("qualified_interns", "interns_per_year", ("graduate", "education", "months", "insurance")),
        "3.7.2": ("institution_trainees", None, ("education", "exam", "contract")),
    }

    def _everyone_qualifies(self) -> None:
        from knowledge import conditions

        for code, (count_key, group_key, ids) in self.PERSON_CONDITIONS.items():
            if code not in self.items or count_key in self.inputs or not group_key or group_key not in self.inputs:
                continue
            verdict = conditions.evaluate(code, self.condition_facts())
            checks = {c.id: c.status for c in verdict.checks}
            if all(checks.get(i) == "met" for i in ids):
                self.inputs[count_key] = int(Decimal(str(self.inputs[group_key])))
                self.notes.append(f"按您说的{self.inputs[count_key]}名均符合条件计算")

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
        for key, value in calculator_inputs(self.inputs).items():
            if not isinstance(value, (list, dict)):
                facts[key] = value
        return facts

    def verdicts(self) -> dict:
        """The conditions' verdict on each item of this estimate (knowledge/conditions.py)."""
        from knowledge import conditions

        facts = self.condition_facts()
        shared: dict = {}
        for code in self.items:
            if code in conditions.clause_codes():
                conditions.evaluate(code, facts, shared)
        return shared

    def failed(self) -> dict:
        """Items that a stated condition rules out, with the reason: no need to ask the rest."""
        from bot.answers.qualify import reasons

        verdicts = self.verdicts()
        return {
            code: reasons(verdicts[code], verdicts)
            for code in self.items
            if code in verdicts and verdicts[code].status == "not_met"
        }

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
                out[code] = "不符合条件：" + self.failed()[code] + "。"
        return out

    def _rates_needed(self) -> list:
        from calculator import required_rates

        try:
            return [r["field"] for r in required_rates(calculator_inputs(self.inputs))]
        except Exception:  # malformed partial inputs: let compute() report it
            return []

    def _advance(self):
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
            if "3.8.3" in self.items and "rent_years_subsidized" not in self.inputs:
                note = "未提到已享受过的租金补贴年数，按尚未享受计算（补贴期限最多3年，已享受满3年的不再补贴）"
                if note not in self.notes:
                    self.notes.append(note)

    def question(self) -> str:
        """The next thing to ask, in Chinese."""
        if self.clarify:
            return self.clarify["question"]
        return question_for(self.pending, self)

    # -- result ----------------------------------------------------------------------------------
    def compute(self) -> dict:
        """The calculator's result for this estimate's inputs."""
        from calculator import calculate, innovation_from_awards

        inp = self.inputs
        if any(k.startswith("_award_") for k in inp) and "3.3" in self.items:
            return innovation_from_awards(
                inp.get("_award_3.1"),
                inp.get("_award_3.2"),
                patents_two_years=inp.get("innovation_patents_two_years"),
                rd_growth_two_years=inp.get("innovation_rd_growth_two_years"),
            )
        return calculate(calculator_inputs(self.inputs), ruled_out=self.ruled_out())


def used_figures(inputs: dict) -> list:
    """Every amount an estimate's inputs hold (list entries' costs included)."""
    out = []
    for key, value in inputs.items():
        if isinstance(value, list):
            out += [Decimal(str(e.get("cost_cny"))) for e in value if isinstance(e, dict) and "cost_cny" in e]
        elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            out.append(Decimal(value))
    return out


def _items_for_inputs(inputs: dict) -> list:
    """The items a set of calculator inputs computes."""
    probe = EstimateSession(items=[], inputs=dict(inputs))
    probe._infer_items()
    return probe.items


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


def year_word(session, previous=False) -> str:
    year = session.inputs.get("year")
    if year:
        return f"{int(year) - 1 if previous else int(year)}年"
    return "上一年度" if previous else "今年（业务执行年度）"


def question_for(key: Optional[str], session: EstimateSession) -> str:
    """The question that asks for `key`."""
    fairs_none = session.fairs_none
    q = {
        "items": "您想测算哪一项？例如：离岸业务奖励、业务规模增量奖励、创新发展奖励、技术先进型企业奖励、展会补贴、"
        "资质认证补贴、中高级人才培训补贴、实习实训补贴、培训机构培训支持、租金补贴、公共服务平台补贴、"
        "示范园区认定奖励、园区引进重点企业或吸引外资奖励。也可以直接告诉我数字，比如“离岸执行额150万美元，汇率7.05”。",
        "innovation": "创新发展奖励的条件：连续两年取得新的发明专利、软件著作权，或研发投入持续两年保持增长。"
        "贵企业满足吗？（是/否）",
        "business_current": "今年的服务外包合同执行额是多少？请分别说明在岸（人民币元）和离岸（美元），没有的可以说“没有”。",
        "business_previous": "上一年度的服务外包合同执行额是多少（在岸按元、离岸按美元）？如果是今年新设立的企业（首年），请回复“新增企业”。",
        "offshore_usd": "今年的离岸服务外包合同执行额是多少美元？",
        "usd_cny_rate": rate_rule() + f"请告诉我{year_word(session)}的美元兑人民币年平均中间价（汇率），例如7.05。"
        "我不会替您假设汇率；不清楚可以回复“跳过”。",
        "previous_usd_cny_rate": f"上一年度的离岸金额要按上一年度的汇率折算。请告诉我{year_word(session, True)}"
        "的美元兑人民币年平均中间价（汇率）。",
        "tech_advanced_new": "贵企业是新获得技术先进型服务企业资格的吗？（是/否）",
        "fairs": (
            "境外活动参加了几场？每场的费用是多少？"
            if "domestic" in fairs_none
            else "境内活动参加了几场？每场的费用是多少？"
            if "overseas" in fairs_none
            else "请告诉我参加的境内、境外展会等活动各几场，以及每场的费用（注册费、展位费、布展费、特装费、宣传推广费）。"
        ),
        "certifications": "获得或维护了哪些资质认证（如CMMI、ITSS、PCMM），每项的认证或维护费用是多少元？",
        "institution_recognized": "贵机构是已获得认定的本市服务外包培训机构吗？（是/否）",
        "institution_trainees": "符合条件的学员有多少名？（大专以上学历、通过考核、并与服务外包企业签订1年以上劳动合同）",
        "senior_training": (
            f"这{session.inputs['_senior_count']}人每人的培训费用是多少元？（或告诉我合计费用）"
            if session.inputs.get("_senior_count")
            else "有几名中、高级人才（本科以上学历、项目经理以上职位）参加了涉外业务培训？每人的培训费用是多少元？"
        ),
        "internship_agreement_years": "与高校签订的实习生实训协议是几年的？",
        "interns_per_year": "每年接受服务外包实习生多少名？",
        "qualified_interns": "其中符合条件的应届毕业生有多少名？（大专以上学历、实习期3个月以上、在职并连续交纳社保不低于6个月）",
        "park_newly_recognized": "园区是新通过认定的市级或市级以上服务外包示范园区吗？（是/否）",
        "park_enterprise_operated": "园区是由企业统一管理和运营的吗？（是/否）",
        "park_top_enterprises": "引进的世界500强、国内500强、IAOP全球外包100强或中国服务外包十大领军企业（入园正常运营一年以上）有几家？",
        "park_foreign_investment_usd": "引进的信息传输、软件和信息服务业项目吸引外商投资多少美元？",
        "rent_annual_cny": "租赁办公用房的年租金是多少元？",
        "rent_area_m2": "租赁的办公面积是多少平方米？",
        "rent_years_in_park": "在市级或市级以上服务外包重点园区入驻几年了？",
        "rent_contract_amount_cny": "企业的服务外包合同执行额是多少元？",
        "rent_years_subsidized": "已经享受过几年租金补贴？没有的话回复“0”。",
        "platforms": "建设了几个公共服务平台？每个平台的信息化硬件设备、配套设施和正版软件购置费用是多少元？",
    }
    return q.get(key, "还需要什么信息，请直接告诉我。")


FIELD_LABELS = {
    "offshore_usd": ("今年离岸执行额", "美元"),
    "previous_offshore_usd": ("上年离岸执行额", "美元"),
    "onshore_cny": ("今年在岸执行额", "元"),
    "previous_onshore_cny": ("上年在岸执行额", "元"),
    "usd_cny_rate": ("今年汇率", ""),
    "previous_usd_cny_rate": ("上年汇率", ""),
    "rent_annual_cny": ("年租金", "元"),
    "rent_area_m2": ("面积", "平方米"),
    "rent_years_in_park": ("入驻园区", "年"),
    "rent_contract_amount_cny": ("合同执行额", "元"),
    "rent_years_subsidized": ("已享受租金补贴", "年"),
    "institution_trainees": ("合格学员", "名"),
    "internship_agreement_years": ("实训协议", "年"),
    "interns_per_year": ("每年接受实习生", "名"),
    "qualified_interns": ("符合条件的应届毕业生", "名"),
    "park_top_enterprises": ("引进重点企业", "家"),
    "park_foreign_investment_usd": ("吸引外商投资", "美元"),
}
FLAG_LABELS = {
    "new_enterprise": "新增企业（首年）",
    "innovation_patents_two_years": "连续两年取得新的发明专利、软件著作权",
    "innovation_rd_growth_two_years": "研发投入持续两年保持增长",
    "tech_advanced_new": "新获得技术先进型服务企业资格",
    "institution_recognized": "已获认定的本市服务外包培训机构",
    "park_newly_recognized": "新通过认定的示范园区",
    "park_enterprise_operated": "由企业统一管理和运营",
}


def describe_field(key: str, value) -> str:
    """One input as the user would say it: 今年离岸执行额150万美元, 汇率7.05."""
    if key in FLAG_LABELS:
        return FLAG_LABELS[key] + ("：是" if value else "：否")
    if key == "fairs":
        parts = []
        for region, name in (("domestic", "境内"), ("overseas", "境外")):
            costs = [f["cost_cny"] for f in value if f["region"] == region]
            if costs:
                parts.append(f"{name}活动{len(costs)}场（" + "、".join(wan(c) for c in costs) + "）")
        return "，".join(parts) or "未参加展会等活动"
    if key == "certifications":
        return "资质认证" + "、".join(f"{c['name']} {wan(c['cost_cny'])}" for c in value)
    if key == "senior_training":
        return (
            f"中高级人才培训{len(value)}人（"
            + "、".join(wan(c["cost_cny"]) for c in value[:5])
            + ("等" if len(value) > 5 else "")
            + "）"
        )
    if key == "platforms":
        return f"公共服务平台{len(value)}个（" + "、".join(wan(c["cost_cny"]) for c in value) + "）"
    label, unit = FIELD_LABELS.get(key, (key, ""))
    if key.endswith("rate"):
        return f"{label}{value}"
    if unit in ("元", "美元"):
        return f"{label}{wan(Decimal(value), unit)}"
    return f"{label}{value}{unit}"


def restate(inputs: dict) -> str:
    """What the estimate rests on, in the user's units: 离岸执行额150万美元、汇率7.05."""
    order = [
        "previous_onshore_cny",
        "previous_offshore_usd",
        "onshore_cny",
        "offshore_usd",
        "previous_usd_cny_rate",
        "usd_cny_rate",
        "new_enterprise",
        "innovation_patents_two_years",
        "innovation_rd_growth_two_years",
        "tech_advanced_new",
        "fairs",
        "certifications",
        "institution_recognized",
        "institution_trainees",
        "senior_training",
        "internship_agreement_years",
        "interns_per_year",
        "qualified_interns",
        "park_newly_recognized",
        "park_enterprise_operated",
        "park_top_enterprises",
        "park_foreign_investment_usd",
        "rent_years_in_park",
        "rent_contract_amount_cny",
        "rent_annual_cny",
        "rent_area_m2",
        "rent_years_subsidized",
        "platforms",
    ]
    return "、".join(describe_field(k, inputs[k]) for k in order if k in inputs)
