"""What a message is about, before any topic is decided: the speaker's own role is context, not the subject.

「我是…大四在公司实习的 领导让我问问 我们公司…是不是够条件」 asks about the company (第二条), not about
interns (三（七）4); 「我是公司财务」 asks nothing about 财务管理制度. The words that state the speaker's role
and a question passed on for someone else (「领导让我问问」) are routes.yml's `speaker_role`: each match (or its
`role` group, when the rest names the organisation, 「我是一家培训机构的负责人」 → 「我是一家培训机构的」) is
dropped from the message every action reads (actions/common.user_text). Plain Python, no Rasa.
"""

import re

from knowledge import shapes

SPACES = re.compile(r"[ \t]{2,}")


def without_speaker(text: str) -> str:
    """The message without the words that state who is asking (their role, or whose question it passes on)."""
    if not text or not shapes.search("speaker_role", text):
        return text

    def drop(m: re.Match) -> str:
        role = m.groupdict().get("role")
        return m.group(0).replace(role, "", 1) if role else " "

    out = shapes.pattern("speaker_role").sub(drop, text)
    out = SPACES.sub(" ", out).strip(" ，,")
    return out or text
