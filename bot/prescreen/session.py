"""A guided pre-screening: applicant type, each 第二条 condition, a checklist of items, figures.

Plain Python; the Rasa actions keep the state in a slot. Conditions already stated in the
opening message are not asked again; each remaining one is asked plainly, one at a time
(是/否/不确定). The figures for the chosen items reuse the estimate dialogue.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.answers.eligibility import BOOL_FACTS, CONDITION_NAMES, facts_from
from bot.estimate import clauses
from bot.estimate.session import EstimateSession, Turn, calculator_inputs
from bot.nlu.normalize import normalize
from bot.prescreen import other_kinds
from bot.prescreen.replies import UNSURE, answer_to

# the dollar figure each exchange rate converts (calculator/items/): left out when its rate is not known
USD_FIGURE_OF_RATE = {"usd_cny_rate": "offshore_usd", "previous_usd_cny_rate": "previous_offshore_usd"}
APPLICANTS = {"enterprise": "企业", "park_operator": "园区管理和运营企业", "training_institution": "培训机构"}

CONDITION_QUESTIONS = {
    "entity_type": "贵单位是在郑州市依法设立的独立法人企业，还是外地法人企业在郑州的分支机构？"
    "（回复“独立法人”“分支机构”，或说明其他情况，如个体户、事业单位）",
    "registered_in_zhengzhou": "企业是在郑州市行政区域内依法设立（注册）的吗？（是/否）",
    "pays_tax_in_zhengzhou": "分支机构在郑州纳税吗？（是/否）",
    "clear_property_rights": "企业产权清晰吗？（是/否/不确定）",
    "lawful_operation": "企业依法经营吗？近期有无违法经营的情况？（是/否/不确定）",
    "lawful_tax": "企业依法纳税吗？（是/否/不确定）",
    "sound_finance": "企业具备健全的财务管理制度、财务管理规范吗？（是/否/不确定）",
    "mofcom_registered": "企业是否已在商务部“服务外包业务管理和统计系统”中注册，并及时填报合同签约及执行信息？（是/否/不确定）",
}

# the items each applicant type is offered, with their lines: each clause's (bot/estimate/clauses/)
CHECKLIST = {applicant: clauses.checklist(applicant) for applicant in APPLICANTS}
NONE_ANSWER = re.compile(
    r"^(都没有|都不|没有|无|不需要|没|都不适用|不适用|没有了|暂无)"
    r"|^(我们?)?(只|就|先)(是)?(想)?(看|要|需要|知道|问)(一下|下)?(资格|结论|能不能申报|符不符合)|^不用(测算|算)"
)
NO_PROBLEM = re.compile(r"^(都)?(没(啥|什么|有)?问题|没毛病|不成问题)")  # a yes, though it starts with 没
NEGATED_PIECE = re.compile(r"没|未|不是|不|尚未|还没|无")  # a piece restating one fact says it fails


def read_in_order(reader, t: str) -> dict:
    """The facts `reader` finds in a message, read piece by piece where the message corrects itself (routes.yml
    restated_after: 「统计系统还没注册 哦不对 上个月已经注册了」): the last statement of a fact wins."""
    from knowledge import shapes

    pieces = [p for p in shapes.pattern("restated_after").split(t) if p and p.strip()]
    if len(pieces) <= 1:
        return dict(reader(t))
    out, before = {}, ""
    for piece in pieces:
        read = dict(reader(piece))
        if not read and before:  # 「…统计系统还没注册 哦不对 上个月已经注册了」: the fact said just before, again
            phrases = [p for p in re.split(r"[，,。；;！!\s]+", before) if p]
            said = [k for k, v in reader(phrases[-1]).items() if isinstance(v, bool)] if phrases else []
            if len(said) == 1:
                read = {said[0]: not NEGATED_PIECE.search(piece)}
        out.update(read)
        before = piece
    return out


def once_each(messages: list) -> str:
    """The messages told, joined with each sentence said once (R61E027: 「…外商投资共2000万美元；引进一家国内500强」
    sent again in the next reply had been read as 2000万 + 2000万 and two firms): a fact restated is no new fact."""
    seen, out = set(), []
    for m in messages:
        for piece in re.split(r"(?<=[。；;！!？?\n])", m or ""):
            key = re.sub(r"\s+", "", piece).strip("。；;！!？?，, ")
            if key and key not in seen:
                seen.add(key)
                out.append(piece)
            elif not key:
                out.append(piece)
        out.append(" ")
    return "".join(out).strip()


def corrects_itself(t: str) -> bool:
    """The message opens or goes on with a correction (「不对 产权其实有纠纷」)."""
    from knowledge import shapes

    return bool(shapes.search("restated_after", t))


def conditions_for(facts: dict, applicant: str) -> list:
    """The 第二条 conditions to settle, in order, given what is known."""
    out = ["entity_type"]
    etype = facts.get("entity_type")
    if etype == "branch":
        out.append("pays_tax_in_zhengzhou")
    elif etype != "other":
        out.append("registered_in_zhengzhou")
    return out + ["clear_property_rights", "lawful_operation", "lawful_tax", "sound_finance", "mofcom_registered"]


def items_of_figures(text: str, facts: dict) -> list:
    """The items a message's figures are about (「去年境内2800万 今年3600万」 → 三（一）); an item whose figures
    are all nought (「没有离岸」) is not one the user came for."""
    est = EstimateSession.start(text, known=facts)
    inputs = calculator_inputs(est.inputs)

    def given(code):
        values = (
            [inputs[f.key] for f in clauses.BY_CODE[code].fields if f.key in inputs] if code in clauses.BY_CODE else []
        )
        return any(not (isinstance(v, (int, Decimal)) and not isinstance(v, bool) and v == 0) for v in values)

    return [c for c in est.items if given(c)]


class PrescreenSession:
    """Where the pre-screening stands and how an answer moves it on."""

    def __init__(
        self,
        step="applicant",
        applicant=None,
        facts=None,
        unsure=None,
        items=None,
        estimate=None,
        pending=None,
        retries=0,
        hint=None,
        said=None,
        business=None,
        for_money=False,
    ):
        self.step = step
        self.for_money = for_money  # the opening asked what can be had or how much, or gave figures (other_kinds)
        self.business = business  # the catalog domain of the business the user described (replies.business_line)
        self.applicant = applicant
        self.facts = dict(facts or {})
        self.unsure = list(unsure or [])
        self.items = list(items or [])
        self.estimate = estimate
        self.pending = pending
        self.retries = retries
        self.hint = list(hint or [])
        self.said = list(
            said or []
        )  # messages that gave figures before they were asked for  # items the user named before the checklist (「租金补贴的条件帮我对一下」)

    def dump(self) -> dict:
        return {
            "step": self.step,
            "applicant": self.applicant,
            "facts": self.facts,
            "unsure": self.unsure,
            "items": self.items,
            "estimate": self.estimate,
            "pending": self.pending,
            "retries": self.retries,
            "hint": self.hint,
            "said": self.said,
            "business": self.business,
            "for_money": self.for_money,
        }

    @classmethod
    def load(cls, state: Optional[dict]) -> "PrescreenSession":
        return cls(
            **{
                k: v
                for k, v in (state or {}).items()
                if k
                in (
                    "step",
                    "applicant",
                    "facts",
                    "unsure",
                    "items",
                    "estimate",
                    "pending",
                    "retries",
                    "hint",
                    "said",
                    "business",
                    "for_money",
                )
            }
        )

    # -- starting ------------------------------------------------------------------------------
    @classmethod
    def start(cls, text: str) -> "PrescreenSession":
        s = cls()
        from bot.estimate.items import detect_items

        t = normalize(text or "")
        s.hint = detect_items(t)
        s._read_business(t)
        s.facts.update(read_in_order(facts_from, t))
        s._note({k: v for k, v in s._volunteered(t).items() if k not in CONDITION_NAMES})  # the items' facts
        s._keep_opening_figures(text or "")
        s._read_applicant(t)
        from bot.estimate.session import own_figures

        s.for_money = other_kinds.comes_for_money(t, bool(own_figures(t)))
        s.hint += [
            c for c in other_kinds.items_asked(s.applicant, t, CHECKLIST.get(s.applicant, [])) if c not in s.hint
        ]
        if s.hint and t not in s.said:
            s.said.append(t)  # (the opening's facts are read again by the figures step)
        s._applicant_of_failing()
        s.advance()
        s._stop_if_ineligible()
        return s

    def _read_business(self, t: str) -> None:
        """The catalog domain of the business described (the first one told is kept)."""
        from bot.prescreen.replies import business_line

        if not self.business:
            self.business = business_line(t)

    def _keep_opening_figures(self, text: str) -> None:
        """The items the opening message's figures are about (「今年离岸大概200万美元」 → 三（二）) join the
        named ones, and a message that names items or gives figures is kept, so that the figures step reads
        its figures and the items' facts (「已认定的培训机构」「今年新通过的认定」) instead of asking them again."""
        from bot.estimate.session import own_figures

        if own_figures(normalize(text)):
            self.hint = list(dict.fromkeys(self.hint + items_of_figures(text, self.facts)))
        if self.hint:
            self.said.append(normalize(text))

    def _read_applicant(self, t: str, by_items: bool = True) -> bool:
        from bot.estimate.corrections import for_another_enterprise
        from bot.understand.facts import read_facts

        said = read_facts(t).get(
            "applicant_type"
        )  # the words of knowledge/data/facts.yml (「我们是园区的运营管理公司」)
        if for_another_enterprise(t):  # 「我们是园区运营方 帮园区里一家企业预审」: that enterprise applies
            self.applicant = "enterprise"
        elif re.search(r"园区(管理|运营)|运营园区|园区方|园区运营方|管委会", t) or (
            "园区" in t and re.search(r"(企业|公司)统一(管理)?运营", t)  # 「园区…由我们公司统一运营」
        ):
            self.applicant = "park_operator"
        elif re.search(r"培训机构|培训学校|培训中心|培训公司", t):
            self.applicant = "training_institution"
        elif said == "park_operator":  # 「我们是软件园的运营公司」
            self.applicant = said
        elif re.search(r"企业|公司|^1$|分公司|分支机构|独立法人|法人|个体|事业单位|办事处", t) and not re.search(
            r"园区|培训机构", t
        ):
            self.applicant = "enterprise"
        elif re.fullmatch(r"\s*2\s*", t):
            self.applicant = "park_operator"
        elif re.fullmatch(r"\s*3\s*", t):
            self.applicant = "training_institution"
        else:
            self.applicant = said or self.applicant
        if self.applicant is None and by_items:
            self.applicant = self._applicant_of_items(t)
        return self.applicant is not None

    def _applicant_of_failing(self) -> bool:
        """A 第二条 condition stated unmet before the type was told (「还没在商务部统计系统注册」): 第二条 speaks of
        企业 (独立法人企业、法人企业分支机构), so the applicant is taken as 企业 and the verdict follows."""
        if self.applicant is None and self.failing():
            self.applicant = "enterprise"
            return True
        return False

    def _applicant_of_items(self, t: str) -> Optional[str]:
        """The applicant type the items named so far all share (租金补贴, 离岸奖励 → 企业), or None."""
        from bot.estimate.items import detect_items
        from knowledge import conditions

        named = list(dict.fromkeys(self.hint + detect_items(t)))
        kinds = {a for code in named if code in conditions.clause_codes() for a in conditions.spec(code)["applicants"]}
        by_label = {label: key for key, label in APPLICANTS.items()}
        if len(kinds) == 1 and next(iter(kinds)) in by_label:
            return by_label[next(iter(kinds))]
        return None

    # -- moving on -----------------------------------------------------------------------------
    def advance(self):
        if self.step in ("applicant",) and self.applicant:
            self.step = "conditions"
        if self.step == "conditions":
            todo = self._todo()
            if todo:
                together = other_kinds.asks_together(self.applicant, self.for_money)
                ask = other_kinds.SECOND_ARTICLE if together else todo[0]
                if self.pending != ask:  # a new question: its own count of answers not understood
                    self.retries = 0
                self.pending = ask
                return
            self.step = "items"
            self.pending = "items"
            self.retries = 0  # the checklist is asked once more at most (handle)
            options = {code for code, _ in CHECKLIST[self.applicant or "enterprise"]}
            if [c for c in self.hint if c in options]:
                self._choose([c for c in self.hint if c in options], "")
            return
        if self.step == "figures":
            est = EstimateSession.load(self.estimate)
            if est.status == "done" or not est.items:
                self.step = "done"
                self.pending = None

    def _todo(self) -> list:
        """The 第二条 conditions not settled yet, in asking order."""
        return [c for c in conditions_for(self.facts, self.applicant) if c not in self.facts and c not in self.unsure]

    def question(self) -> str:
        """The next question, in Chinese."""
        if self.step == "applicant":
            ask = "申报主体是哪一类？1. 企业  2. 园区管理和运营企业（示范园区）  3. 培训机构（回复编号或名称）"
            if self.retries:
                return ask
            business = (self.business + "\n") if self.business else ""
            return (
                "好的，我们来做一次申报前预审，大约需要回答几个问题，随时可以说“取消”。\n" + business + "首先，" + ask
            )
        if self.step == "conditions" and self.pending == other_kinds.SECOND_ARTICLE:
            return other_kinds.question(self.applicant, self._todo())
        if self.step == "conditions":
            return CONDITION_QUESTIONS[self.pending]
        if self.step == "items":
            options = CHECKLIST[self.applicant or "enterprise"]
            lines = [self.eligibility_line()] if self.eligibility_line() else []
            lines += ["以下哪些支持项目与您有关？回复编号，可多选（如“1 2 5”），都没有请回复“无”："]
            lines += [f"{i}. {name}" for i, (_, name) in enumerate(options, 1)]
            return "\n".join(lines)
        if self.step == "figures":
            return EstimateSession.load(self.estimate).question()
        return ""

    def handle(self, text: str, intent: Optional[str] = None) -> Turn:
        """Move on with one user message."""
        t = normalize(text or "").strip()
        if not t:
            return Turn(messages=["我没有收到内容。"], understood=False)
        if intent == "cancel" or re.match(r"^(取消|算了|不做了|退出|停止|不预审了|结束)", t):
            self.step = "cancelled"
            return Turn(messages=["好的，已取消本次预审。需要时说“我想做个预审”即可重新开始。"], cancelled=True)
        volunteered = self._volunteered(t)
        self._read_business(t)
        if self.step in ("applicant", "conditions"):
            return self._with_second_article_verdict(self._before_items(text, t, intent, volunteered))
        if self.step == "items":
            self._note(volunteered)
            stop = self._stop_if_ineligible()
            if stop:
                return stop
            restated = any(k in CONDITION_NAMES for k in volunteered)
            turn = self._items_answer(t, intent, restated)
            if turn.understood or (turn.interjection and not restated):
                return turn
            self.retries += 1 if turn.interjection else 0  # (a question intent is not counted there)
            if self.retries >= 2:  # no choice again (第二条 restated, 「不知道」…): the report on 第二条 alone
                self.items, self.step, self.pending = [], "done", None
                return Turn(done=True)
            if restated:  # facts about 第二条 were kept; the checklist (with 第二条's verdict) is asked again
                return Turn(messages=["好的，这些情况已记下。"])
            return turn
        return self._figures_answer(text, intent, volunteered)

    def _with_second_article_verdict(self, turn: Turn) -> Turn:
        """Once every 第二条 condition is settled as met and the checklist comes next, the user hears so first:
        a pre-screening 「一项一项帮我过一下申报资格」 where all is met says 符合 before the items."""
        if self.step == "figures" and not turn.done:  # (the checklist question says it itself)
            line = self.eligibility_line()
            if line:
                turn.messages = list(turn.messages or []) + [line]
        return turn

    def _before_items(self, text: str, t: str, intent, volunteered: dict) -> Turn:
        """The applicant type and the 第二条 conditions."""
        if self.step == "applicant":
            from bot.estimate.session import QUESTION_INTENTS
            from bot.understand.segment import is_question

            # an item named in a question mid-way (「离岸奖励怎么算」) is answered, not taken as the type
            if self._read_applicant(t, by_items=intent not in QUESTION_INTENTS and not is_question(t)):
                self.facts.update(facts_from(t))
                self._note(volunteered)
                # 「我们是郑州注册的独立法人…去年执行额1800万，今年2500万…」: the figures told with the type are kept too
                self._keep_opening_figures(text)
                self.advance()
                return self._stop_if_ineligible() or Turn()
            if volunteered and intent not in QUESTION_INTENTS:
                self._note(volunteered)  # 「除了商务部系统没注册 其他都没问题」: facts kept, the type asked once more
                if self._applicant_of_failing():
                    self.advance()
                    return self._stop_if_ineligible() or Turn()
                self.retries += 1
                return Turn(messages=["好的，这些情况已记下。"])
            return self._not_understood(intent)
        if self.step == "conditions":
            before = set(self.ruled_out())
            hint = list(self.hint)
            self._keep_opening_figures(text)  # 「…统计系统已注册。今年在岸1000万，离岸110万美元」: the items too
            turn = self._condition_answer(t, intent)
            if not turn.understood:
                self.hint = hint  # kept only with an answer understood (the message is read again otherwise)
            if turn.understood:
                self._note(volunteered)
                self.advance()
                if set(self.ruled_out()) - before:  # 「管委会直接管，没有运营企业」 while asked about 第二条
                    said = list(turn.messages or []) or ["好的。"]
                    turn = Turn(messages=said[:-1] + [said[-1] + self._hinted_verdicts()])
            elif volunteered and not turn.interjection:
                # figures or facts for later (入驻年限、面积、租金…): kept, and the question asked again
                self._note(volunteered)
                if t not in self.said:
                    self.said.append(t)
                if self.retries >= 2 and self.pending:
                    # asked twice, told other things twice (R61E028): left 需确认, the next question follows — no loop
                    key, self.retries = self.pending, 0
                    self.unsure.append(key)
                    self.advance()
                    name = CONDITION_NAMES.get(key, "申报主体类型").split("（")[0]
                    turn = Turn(
                        messages=[
                            f"好的，这些情况已记下。「{name}」您还没有说到，先记为需确认（报告里会列出，可以随时补充）。"
                        ]
                    )
                else:
                    turn = Turn(messages=["好的，这些情况已记下。" + self._hinted_verdicts()])
            return self._stop_if_ineligible() or turn
        return Turn()

    def _figures_answer(self, text: str, intent, volunteered: dict) -> Turn:
        """The chosen items' figures, through the estimate dialogue."""
        if self.step == "figures":
            self._note({k: v for k, v in volunteered.items() if k in CONDITION_NAMES})
            stop = self._stop_if_ineligible()
            if stop:
                return stop
            est = EstimateSession.load(self.estimate)
            turn = est.handle(text, intent)
            if not turn.understood and not turn.interjection and any(k in CONDITION_NAMES for k in volunteered):
                if est.retries >= 2:  # 第二条 restated again instead of the figure asked: the verdict, that figure
                    est.skipped.append(est.pending)  # left out (a figure is never assumed)
                    est.status = "done"
                    turn = Turn()
                else:
                    turn = Turn(messages=["好的，这些情况已记下。"])
            self.estimate = est.dump()
            if turn.cancelled:
                self.step = "cancelled"
                turn.messages = ["好的，已取消本次预审。"]
                return turn
            self.advance()
            turn.done = self.step == "done"
            return turn
        return Turn()

    def eligibility_line(self) -> str:
        """第二条's verdict once every condition is met (said before the checklist, so that a user who came only for
        it has it at once); "" otherwise (an unmet one ends the pre-screening with its report; an unknown one is
        named in the report)."""
        from calculator.eligibility import eligibility

        status = eligibility({k: v for k, v in self.facts.items() if k in CONDITION_NAMES})["status"]
        if status != "eligible" or self.unsure:
            return ""
        who = self.applicant_label()
        if self.facts.get("entity_type") == "branch" and self.facts.get("pays_tax_in_zhengzhou") is True:
            who = "在郑州纳税的法人企业分支机构"  # 「郑州分公司…在郑州纳税」: the branch form 第二条 admits, named
        return (
            f"第二条项目申报资格：您说的情况满足各项条件（{self.stated_basis()}），"
            f"结论：符合第二条的申报资格（申报主体：{who}；最终以市商务局审核为准）。"
        )

    def stated_basis(self) -> str:
        """What 第二条 was judged on: the applicant basis and each condition's answer (bot/reports/verdict.py)."""
        from bot.reports.verdict import basis_line

        return basis_line({k: v for k, v in self.facts.items() if k in CONDITION_NAMES})

    def failing(self) -> list:
        """第二条 conditions the facts so far fail (those the policy leaves open for this applicant excluded)."""
        from knowledge import conditions

        v = conditions.evaluate("2", {k: v for k, v in self.facts.items() if k in CONDITION_NAMES})
        open_ = conditions.left_open(self.applicant or "enterprise", self.facts.get("entity_type"))
        return [c.fact for c in v.unmet if c.fact not in open_]

    def ruled_out(self) -> dict:
        """{item code: verdict} for the items named at the start that the facts told so far already fail
        (「管委会直接管，不是企业运营」 → 三（八）1); the other named items are not in it."""
        from bot.understand.facts import from_json
        from knowledge import conditions

        options = {code for code, _ in CHECKLIST[self.applicant or "enterprise"]}
        codes = [c for c in self.hint if c in conditions.clause_codes() and c in options]
        verdicts = conditions.evaluate_all(from_json(self.facts), codes)
        return {c: verdicts[c] for c in codes if verdicts[c].status == conditions.NOT_MET}

    def _stop_if_ineligible(self) -> Optional[Turn]:
        """A stated unmet condition ends the pre-screening: its report says 不符合 and names it."""
        if self.step in ("done", "cancelled", "applicant") or not self.failing():
            return None
        self.step = "done"
        self.pending = None
        return Turn(done=True)

    def opening_verdicts(self) -> str:
        """What the opening message's facts already settle about the items it names (「区级园区」 → 不符合
        三（八）1), to say before the first question; "" when nothing."""
        if self.step in ("items", "figures"):
            line = self.eligibility_line()  # 第二条 settled by the opening message itself
            return "\n" + line if line else ""
        return self._hinted_verdicts() if self.step == "conditions" else ""

    def _hinted_verdicts(self) -> str:
        """For the items named at the start, the verdict the facts given so far already settle (「入驻两年」 →
        不符合 三（八）3), so the user learns it before the remaining questions."""
        from bot.answers.qualify import verdict_text
        from bot.understand.facts import from_json
        from knowledge import conditions

        facts = from_json(self.facts)
        codes = [c for c in self.hint if c in conditions.clause_codes()]
        verdicts = conditions.evaluate_all(facts, codes)
        lines = [verdict_text(verdicts[c], verdicts) for c in codes if verdicts[c].status == conditions.NOT_MET]
        going_on = "" if self.step == "done" else "\n预审继续："
        return ("\n" + "\n".join(lines) + going_on) if lines else ""

    def _volunteered(self, t: str) -> dict:
        """Facts a message states beyond the question asked (read with knowledge/data/facts.yml)."""
        from bot.understand.facts import read_facts, to_json

        if self.step == "conditions" and re.fullmatch(r"\s*(是|否|是的|不是|对|有|没有|不确定|不知道)\s*[。！!]?", t):
            return {}
        return read_in_order(lambda piece: to_json(read_facts(piece)), t)

    def _note(self, facts: dict) -> None:
        """Keep volunteered facts; a later statement replaces an earlier one."""
        for key, value in facts.items():
            if key == "entity_type" and self.facts.get("entity_type") and value == "legal_person":
                continue  # 「公司」 in passing does not undo 「分支机构」
            if key == "applicant_type" and other_kinds.other_kind(self.applicant) and value == "enterprise":
                continue  # 「我们是有限公司」 from a training institution or a park operator: its form, not another kind
            self.facts[key] = value
            if key in self.unsure:
                self.unsure.remove(key)

    def _not_understood(self, intent) -> Turn:
        from bot.estimate.session import QUESTION_INTENTS

        if intent in QUESTION_INTENTS:
            return Turn(interjection=True, understood=False)
        self.retries += 1
        return Turn(messages=["抱歉，我没有理解。"], understood=False)

    def _condition_answer(self, t: str, intent) -> Turn:
        key = self.pending
        stated = read_in_order(facts_from, t)
        # 「不对 产权其实有纠纷」 while asked another condition: the correction is kept, the question asked again
        corrects_another = corrects_itself(t) and key not in stated and any(k in CONDITION_NAMES for k in stated)
        if key == other_kinds.SECOND_ARTICLE:
            return self._together_answer(t, intent, stated)
        if self._dumps_figures(t):  # figures told to one condition's question: the rest of 第二条 in one go (R62E030)
            self.for_money = True
            return self._together_answer(t, intent, stated)
        if corrects_another:
            pass
        elif key == "entity_type":
            if "entity_type" in stated:
                self.facts.update(stated)
            elif re.search(r"独立法人|法人|公司", t):
                self.facts["entity_type"] = "legal_person"
            elif re.search(r"其他|个体|个人|事业单位|政府", t):
                self.facts["entity_type"] = "other"
            elif UNSURE.search(t):
                self.unsure.append(key)
            else:
                return self._not_understood(intent)
        else:
            says_more = self._says_more(t, stated, key)
            answer = None if key in stated and len(t) > 4 else answer_to(key, t, intent, says_more)
            if key in stated and len(t) > 4:
                self.facts[key] = stated[key]
            elif answer == "unsure":
                self.unsure.append(key)
            elif answer in ("yes", "no"):
                self.facts[key] = answer == "yes"
            elif key in stated:
                self.facts[key] = stated[key]
            elif key == "lawful_tax" and stated.get("pays_tax_in_zhengzhou") is True:
                self.facts[key] = True  # 「依法纳税吗」→「在郑州金水区独立纳税」: the taxes are paid, a yes
            elif says_more and (self._tells_new(t, stated) or self.retries >= 1):
                # other facts or figures, the question not answered (「不是新成立企业，财务制度健全」 to 「产权清晰吗」):
                # they are kept and said back, the condition stays to be confirmed, and the next one is asked
                return self._left_open(key, t, stated)
            elif says_more:  # only what was known already (「独立法人」 again): asked once more, then left open
                self.retries += 1
                return Turn(messages=["好的，这些情况已记下。"])
            elif self.retries >= 1:  # not understood twice: left to be confirmed, never asked in a loop
                self.unsure.append(key)
                self.retries = 0
                self.advance()
                return Turn(messages=[f"好的，「{CONDITION_NAMES[key]}」先记为需确认，可以随时补充。"])
            else:
                return self._not_understood(intent)
        for k, v in stated.items():  # anything else the answer settles
            if k == "entity_type" and self.facts.get(k) and v == "legal_person":
                continue
            self.facts[k] = v
        self.retries = 0
        self.advance()
        return Turn()

    def _dumps_figures(self, t: str) -> bool:
        """An enterprise's reply to one 第二条 condition that tells money figures (「都符合；今年在岸1000万…」), not only a
        rate or a year count (「成立五年」「汇率按7.0」)."""
        from bot.estimate.reading import figures

        if self.applicant != "enterprise" or self.pending not in BOOL_FACTS:
            return False
        return any(f.kind == "money" and f.value for f in figures(t))

    def _together_answer(self, t: str, intent, stated: dict) -> Turn:
        """The reply to 第二条 asked as one question (bot/prescreen/other_kinds.py): 「都符合」 settles every open
        condition, the conditions it names are settled as said, and the others are left 需确认 — never asked again
        (an enterprise that settled some and told no figures is asked the rest: _asks_the_rest)."""
        from bot.estimate.session import own_figures
        from bot.prescreen.replies import reading

        before = list(self._todo())
        others = self._volunteered(t)
        says_more = bool(stated or others or own_figures(t))
        whole = answer_to(other_kinds.SECOND_ARTICLE, t, intent, says_more) if says_more else reading(t, intent)
        if whole is None and not says_more and self.retries < 1:
            return self._not_understood(intent)
        for k, v in stated.items():
            if k == "entity_type" and self.facts.get(k) and v == "legal_person":
                continue
            self.facts[k] = v
        self._note(others)
        if says_more and t not in self.said:
            self.said.append(t)  # figures and the items' facts: read again by the figures step
        if whole == "yes":
            self.facts.setdefault("entity_type", "legal_person")
            for key in self._todo():
                self.facts[key] = True
        open_ = self._todo()
        if self._asks_the_rest(open_, before, t):  # 「产权清晰，没有纠纷」: settled some, no figures — the rest asked
            self.retries = 0
            return Turn(messages=["好的，已记下。"])
        self.unsure += open_
        self.retries = 0
        self.advance()
        if not open_ or self.failing():
            return Turn()  # (第二条's verdict is said next: the report, or the line before the items)
        said_in_entity = "entity_type" in open_  # (申报主体类型 names where it is set up)
        names = "、".join(
            f"「{CONDITION_NAMES[k].split('（')[0]}」"
            for k in open_
            if not (said_in_entity and k == "registered_in_zhengzhou")
        )
        why = "您没有说明是哪一条，" if whole == "no" else "您还没有说到，" if whole is None else ""
        kept = "您说的情况已记下。" if says_more else ""
        return Turn(messages=[f"好的，{kept}第二条的{names}{why}先记为需确认（报告里会列出，可以随时补充）。"])

    def _asks_the_rest(self, open_: list, before: list, t: str) -> bool:
        """An enterprise that answered some of 第二条's conditions and told no money figures is asked the rest, in one
        question again, while each reply settles more; a dump of figures, or a reply settling nothing new, moves on
        with the rest 需确认 (parks and training institutions are asked once)."""
        from bot.estimate.reading import figures

        if self.applicant != "enterprise" or not open_ or self.failing() or len(open_) >= len(before):
            return False
        return not any(f.kind == "money" and f.value for f in figures(t))

    def _says_more(self, t: str, stated: dict, key: str) -> bool:
        """Whether a reply states facts or figures beyond the condition asked (then its yes/no must be its own)."""
        from bot.estimate.session import own_figures

        return bool([k for k in stated if k != key] or self._volunteered(t) or own_figures(t))

    def _tells_new(self, t: str, stated: dict) -> bool:
        """Whether a reply tells a fact not known yet (or known otherwise) or figures of its own."""
        from bot.estimate.session import own_figures

        told = {**self._volunteered(t), **stated}
        return bool(own_figures(t)) or any(self.facts.get(k) != v for k, v in told.items())

    def _left_open(self, key: str, t: str, stated: dict) -> Turn:
        """A reply that tells other things than the condition asked: they are kept (read again by the figures step),
        said back, and the condition is left 需确认 (the report names it) while the pre-screening moves on."""
        for k, v in stated.items():
            if k == "entity_type" and self.facts.get(k) and v == "legal_person":
                continue
            self.facts[k] = v
        self._note(self._volunteered(t))
        if t not in self.said:
            self.said.append(t)
        self.unsure.append(key)
        self.retries = 0
        told = [
            f"{CONDITION_NAMES[k].split('（')[0]}：{'是' if v else '否'}" for k, v in stated.items() if k in BOOL_FACTS
        ]
        kept = f"（{'；'.join(told)}）" if told else ""
        self.advance()
        return Turn(
            messages=[
                f"好的，您说的情况已记下{kept}。「{CONDITION_NAMES[key]}」您还没有说到，先记为需确认"
                "（报告里会列出，可以随时补充）。"
            ]
        )

    def _items_answer(self, t: str, intent, restated: bool = False) -> Turn:
        """The items chosen from the checklist; a message restating 第二条's facts (「没有违法 产权清晰…」) is no
        answer of 无, whatever word it starts with."""
        options = CHECKLIST[self.applicant or "enterprise"]
        chosen = []
        for n in re.findall(r"\d+", t):
            i = int(n)
            if 1 <= i <= len(options):
                chosen.append(options[i - 1][0])
        if not chosen:
            from bot.estimate.items import detect_items
            from bot.estimate.session import own_figures

            chosen = [c for c in detect_items(t) if c in {code for code, _ in options}]
            if own_figures(t):  # figures instead of a choice (「去年境内2800万 今年3600万 没有离岸」): their items
                chosen += [c for c in items_of_figures(t, self.facts) if c in {code for code, _ in options}]
        if not chosen and not restated and not NO_PROBLEM.match(t) and (NONE_ANSWER.match(t) or intent == "deny"):
            self.items = []
            self.step = "done"
            self.pending = None
            return Turn(done=True)
        if not chosen:
            return self._not_understood(intent)
        return self._choose(chosen, t)

    def _choose(self, chosen: list, t: str) -> Turn:
        """Go on with the chosen items: their figures are asked next (those already given are read)."""
        options = CHECKLIST[self.applicant or "enterprise"]
        from bot.estimate.session import own_figures

        self.items = sorted(set(chosen), key=[c for c, _ in options].index)
        est = EstimateSession(items=self.items, facts=self.facts)
        numbers_only = re.fullmatch(r"[\d\s,，、和及]+", t)  # 「2 5」 picks items by number
        told = once_each([m for m in self.said if m != t] + ([] if numbers_only else [t]))
        if not told.strip() or not (own_figures(normalize(told)) or self.said):
            est.advance()
        else:  # the items named with their figures (now or earlier): read those too
            est = EstimateSession.start(told, known=self.facts)
            est.items = sorted(set(self.items), key=[c for c, _ in options].index)  # the chosen ones, no others
            if other_kinds.other_kind(self.applicant) and est.status == "done" and est.missing():
                est.status = "collecting"  # (「…能拿啥」: the kind's items the opening gave no figure for are asked)
            est.advance()
        self.estimate = est.dump()
        self.step = "figures"
        self.advance()
        return Turn(done=self.step == "done")

    # -- the end -------------------------------------------------------------------------------
    def calculator_input(self) -> dict:
        """Conditions and figures, as the calculator's input."""
        from calculator import required_rates

        inputs = {k: v for k, v in self.facts.items() if k in CONDITION_NAMES}
        if self.estimate:
            inputs.update(calculator_inputs(EstimateSession.load(self.estimate).inputs))
        for missing in required_rates(inputs):  # a rate not given: the dollar figure it converts is left out
            inputs.pop(USD_FIGURE_OF_RATE.get(missing["field"], ""), None)
        return inputs

    def estimate_ruled_out(self) -> dict:
        """{item code: why} for the chosen items a stated fact fails that the calculator's inputs do not carry (R61E027:
        三（八）2's 入园正常运营一年以上 said as 6个月), as the estimate outside pre-screening says them."""
        return EstimateSession.load(self.estimate).ruled_out() if self.estimate else {}

    def applicant_label(self) -> str:
        return APPLICANTS.get(self.applicant or "enterprise", "企业")
