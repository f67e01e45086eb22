"""「人工智能服务的应用行业跟软件研发服务一样吗 差哪个」: two named catalog domains compared on an aspect — each one's
count, what one has that the other has not, a count the user states checked (bot/answers/catalog.compared_answer)."""

from bot.answers import catalog
from bot.nlu.normalize import normalize


def _compared(message: str):
    return catalog.compared_answer(normalize(message))


class TestDomainsCompared:
    def test_industries_differ_by_one(self):
        """软件研发服务 has 教育, 人工智能服务 has not; 18 against 17."""
        a = _compared("听说软件研发服务和人工智能服务面向的行业完全相同？有没有区别")
        assert a is not None
        assert "不一样" in a.text and "17个" in a.text and "18个" in a.text
        assert "软件研发服务有、人工智能服务没有的：「教育」" in a.text

    def test_a_count_stated_wrongly_is_corrected(self):
        """「都是18个吧」: not both 18."""
        a = _compared("人工智能服务跟软件研发服务的应用行业都是18个吧")
        assert a.text.startswith("不是")

    def test_business_types_compared(self):
        """Types asked: each domain's own types, not their industries."""
        a = _compared("信息技术运营和维护服务与信息技术解决方案服务的业务类型有什么不同")
        assert "业务类型" in a.text and "托管服务" in a.text and "国民经济行业" not in a.text

    def test_which_domain_a_business_is_is_no_comparison(self):
        """「算A还是B」 asks where a business belongs (a classification), not a comparison."""
        assert _compared("我们做智能客服 算人工智能服务还是呼叫中心服务 有什么不同") is None

    def test_one_domain_is_no_comparison(self):
        assert _compared("云计算服务的应用行业有什么不同") is None
