"""「没有在岸 连续两年有新发明专利」: a negation's object ends at a space, so 没有 denies 在岸, not the patents that
follow (bot/understand/facts.NEGATION); a negation followed only by a space still denies what follows."""

from bot.nlu.normalize import understand
from bot.understand.facts import read_facts_cached


def _facts(message: str) -> dict:
    return read_facts_cached(understand(message))


class TestNegationStopsAtSpace:
    def test_negated_word_before_a_space_leaves_the_fact(self):
        assert _facts("没有在岸 连续两年有新发明专利")["innovation_patents_two_years"] is True

    def test_other_phrasings(self):
        assert _facts("没离岸 研发投入连续两年增长")["innovation_rd_growth_two_years"] is True
        assert _facts("不做在岸 连续两年都拿了软著")["innovation_patents_two_years"] is True

    def test_a_negation_before_the_space_itself_still_denies(self):
        assert _facts("并没有 连续两年拿到软著")["innovation_patents_two_years"] is False
