"""Questions about the document itself (「这个政策是哪年出的」「哪个部门解释」) get the document's own facts (its date,
the body that interprets it), not a clause that a word search finds (routes.yml document_asked)."""

from bot.answers import router


def reply(text, topic=None):
    return router.compose(None, text, topic_clause=topic).text


class TestDocumentAsked:
    def test_when_it_came_out(self):
        """The date it was issued, with its number."""
        for text in ("这个文件是哪一年下发的", "政策什么时候发的啊"):
            assert "2020年12月26日" in reply(text), text

    def test_who_interprets(self):
        """市商务局 interprets it."""
        assert "市商务局" in reply("最后由哪个部门负责解释")

    def test_after_another_topic(self):
        """After talking about a subsidy, the question is still about the document."""
        text = reply("对了 这政策哪年出的", topic="3.6")
        assert "2020" in text and "资质" not in text
