"""What every action needs from the tracker."""

from typing import Optional

from rasa_sdk import Tracker

from bot.estimate.tables import read_fair_tables, tables_read
from bot.nlu.normalize import hanzi_of_pinyin
from bot.understand.other_company import note as other_company_note
from bot.understand.other_company import without_other_company
from bot.understand.subject import without_speaker

QUESTION_INTENTS = {
    "ask_eligibility",
    "ask_business_scope",
    "ask_catalog",
    "ask_domain_of_business",
    "ask_subsidy",
    "ask_general_rules",
}
MAX_TEXT = 2000
OUT_OF_SCOPE = "抱歉，这个问题超出了我的范围。我只能解答郑州市服务外包支持政策（郑政办〔2020〕58号）的相关问题：申报资格、领域目录、奖补标准、奖励测算和申报预审。您可以问：“离岸奖励怎么算？”或“我们能申报吗？”"
BOT_IDENTITY = "我是郑州市服务外包政策助手，一个自动问答程序，依据郑政办〔2020〕58号文件回答问题。我给出的金额都是预估，最终以市商务局会同市财政局审核认定为准。"
BOT_CAPABILITIES = "我可以帮您：\n1. 申报资格：谁能申报、还缺哪些条件（第二条）\n2. 领域目录：23个重点发展领域（ITO/BPO/KPO）的定义、业务类型、应用行业，以及您的业务属于哪个领域\n3. 奖补标准：第三条（一）至（九）各项的标准、条件、上限\n4. 奖励测算：告诉我执行额、费用等数字，我按条款逐项计算\n5. 申报预审：一步步核对条件，生成带编号的预审报告\n例如可以问：“我们能申报吗？”“离岸执行额150万美元能拿多少？”“游戏美术外包属于哪个领域？”“我想做个预审”。"
REPHRASE = "抱歉，我没有理解您的意思。可以换个说法吗？例如：“谁可以申报？”“展会补贴标准是多少？”“软件测试属于哪个领域？”“离岸执行额150万美元能拿多少？”"


def user_text(tracker: Tracker) -> str:
    """The latest user message, cut to a sane length, without the words that say who is asking
    (「我是…在公司实习的」「领导让我问问」: the speaker's role is context, not the subject; bot/understand/subject.py);
    the policy's words typed in pinyin in 汉字 (synonyms.yml), so every reader reads 「women zai zhengzhou zhuce de
    youxian gongsi」 as 我们在郑州注册的有限公司; a statement about another company (「上海的兄弟公司去年做了3000多万」)
    left out: its figures and facts are not the applicant's (bot/understand/other_company.py); a table of years pasted
    from a spreadsheet as the sentences it stands for (「2022年在岸执行额3200万元，离岸执行额150万美元…」), so a question
    beside it (「…分别多少，合计多少」) is one question about its figures (bot/estimate/tables.py)."""
    said = hanzi_of_pinyin((tracker.latest_message.get("text") or "")[:MAX_TEXT])
    return without_other_company(without_speaker(tables_read(pasted_fairs(said))))


def pasted_fairs(text: str) -> str:
    """A pasted table of fairs (「活动\t境内/境外\t是否商务部门指定\t展位费…」) as the numbered fairs it stands for, so that
    every reader reads its rows, not its header's words (「是否」 asks nothing); left as typed when a figure's unit is
    not said anywhere (the estimate asks it, bot/estimate/tables.py)."""
    read, problems = read_fair_tables(text)
    return text if problems else read


def note_other_company(session, tracker: Tracker) -> None:
    """An estimate's note naming the statements about another company that user_text() left out."""
    said = other_company_note(hanzi_of_pinyin((tracker.latest_message.get("text") or "")[:MAX_TEXT]))
    if said and said not in session.notes:
        session.notes.append(said)


def intent_of(tracker: Tracker) -> Optional[str]:
    """The latest message's intent name."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def entities_of(tracker: Tracker) -> list:
    """The latest message's entities."""
    return tracker.latest_message.get("entities") or []


def message_id(tracker: Tracker) -> str:
    """An id of the latest user message (Rasa's message_id, else its text and time)."""
    msg = tracker.latest_message or {}
    if msg.get("message_id"):
        return str(msg["message_id"])
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return f"{event.get('timestamp')}:{event.get('text')}"
    return ""


def state_of(session, tracker: Tracker) -> dict:
    """A form session's slot state, marked with the message it has read (the form does not read it twice)."""
    state = session.dump()
    state["handled"] = message_id(tracker)
    return state
