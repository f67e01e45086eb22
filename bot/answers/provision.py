"""Whether this policy provides for something (「企业所得税按15%交这个事，58号文里有规定吗」): when the subject asked
about is one the policy has no provision on (document.yml `not_provided`), the answer says so in the user's words,
never quotes an unrelated clause as if it answered; then what the policy does provide.

The question's shape is routes.yml `asks_provision`; its subject is what the part says before that shape (or after
「有没有关于」). A subject naming this policy's own content (展会补贴, 离岸奖励) is left to the usual answer.
Plain Python, no Rasa.
"""

import re
from typing import Optional

from knowledge import query, shapes

from bot.answers.model import Answer

# words that only point at the subject (「…这个事」「…这一块」): left out of its quoted name
POINTERS = re.compile(r"(这个事情?|这件事|这事儿?|这一?块|这方面|的问题|这个问题|这种情况|的事情?|这个|这些|之类的?)$")
ABOUT = re.compile(r"关于([^，。？?；;]{2,24}?)的?(规定|条款|内容|说法|要求|支持|政策)")
ITEMS = ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9"]  # 第三条's items, as the overview names them
LEADS = re.compile(r"^(那|那么|另外|还有|再问一下|请问|还想问|顺便问一下?|对了|我想问|想问一下?)[，,\s]*")


def _covered() -> str:
    """What the policy provides, named by its parts and 第三条's items (summaries.yml short names)."""
    from knowledge.summaries import summary

    items = [summary(code)["short"] for code in ITEMS if summary(code)]
    return (
        "本政策规定的是：申报资格（第二条）、服务外包业务范围和领域目录（第一条、附件）、第三条的各项奖补（"
        + "、".join(items)
        + "）和第四条的保障措施（实施细则、有效期、年度支持总额上限）。"
    )


def subject(text: str) -> Optional[str]:
    """The subject a provision question asks about, in the user's words, or None when it asks none."""
    m = shapes.search("asks_provision", text)
    if not m:
        return None
    about = ABOUT.search(text[m.start() :])
    if about:
        said = about.group(1)
    else:
        said = text[: m.start()]
        said = re.split(r"[。？?；;！!]", said)[-1]
    said = LEADS.sub("", said.strip(" ，,、：:")).strip(" ，,、：:")
    for _ in range(2):
        said = POINTERS.sub("", said).strip(" ，,、")
    return said or None


def _entry(words: str) -> Optional[dict]:
    for entry in query.document().get("not_provided") or []:
        if re.search(entry["words"], words):
            return entry
    return None


def answer(text: str) -> Optional[Answer]:
    """「本政策没有关于“X”的规定」 for a provision question whose subject the policy does not cover, else None."""
    said = subject(text)
    if not said:
        return None
    entry = _entry(said)
    if entry is None:
        return None
    doc = query.document()
    line = f"{doc.get('doc_no', '58号文')}（本政策）没有关于“{said}”的规定，也没有提到这件事。{entry['note']}。"
    return Answer(line + "\n" + _covered(), confident=True)
