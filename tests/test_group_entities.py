"""Each entity of a group is judged against 第二条 on its own statements (a company set up outside Zhengzhou cannot
apply; one in Zhengzhou, and a branch paying tax in Zhengzhou, can if the rest holds), 第四条第（三）项's 500万 is
said to be one enterprise's, and a cap named in the question is no figure of the entities'."""

from bot.answers import group_entities, router
from bot.estimate.applicants import combined_figures
from bot.nlu.normalize import understand

GROUP = (
    "我们集团 母公司在郑州 独立法人 子公司在洛阳 然后洛阳子公司又在郑州设了一个分公司 分公司在郑州纳税 "
    "哪几个主体能报 还有那个500万上限是每家都有还是集团合起来500万"
)


def lines(text):
    return group_entities.answer(understand(text)).text.split("\n")


class TestEachEntity:
    def test_parent_subsidiary_branch(self):
        got = lines(GROUP)
        assert "可以作为申报主体" in got[1] and got[1].startswith("1. 母公司")
        assert "不能申报" in got[2] and "洛阳不在郑州市行政区域内" in got[2]
        assert "可以作为申报主体" in got[3] and "在郑纳税" in got[3]

    def test_set_up_place_is_the_new_entitys(self):
        assert "在郑州设立" in group_entities.pieces(understand(GROUP))["分公司"]
        assert "郑州" not in group_entities.pieces(understand(GROUP))["子公司"]

    def test_other_phrasing(self):
        got = lines("母公司在上海 子公司在郑州高新区 哪个能报")
        assert "不能申报" in got[1] and "上海不在郑州市行政区域内" in got[1]
        assert "可以作为申报主体" in got[2]

    def test_branch_paying_tax_elsewhere_cannot(self):
        got = lines("总公司在北京 分公司在郑州 税在北京交 哪家能报")
        assert all("不能申报" in line for line in got[1:3])

    def test_one_entity_is_no_group(self):
        assert group_entities.answer(understand("我们公司在郑州 独立法人 哪些公司可以申报")) is None


class TestCapPerEnterprise:
    def test_said_with_the_group(self):
        assert "按单个企业计" in group_entities.answer(understand(GROUP)).text

    def test_asked_alone(self):
        a = router.compose(None, "集团几家公司加起来是不是只有五百万的上限")
        assert "500万" in a.text and "单个企业" in a.text

    def test_cap_named_is_no_combined_figure(self):
        assert [] == combined_figures(understand(GROUP))
        assert ["合计5000万", "合计4000万"] == combined_figures(
            understand("两个子公司今年执行额合计5000万 去年合计4000万 每家能拿多少")
        )


class TestPairedWithTheItemBefore:
    def test_this_with_offshore(self):
        a = router.compose(None, "我们今年第一次被认定为技术先进型服务企业 奖励多少 这个能和离岸奖励一起拿吗")
        assert "可以同时申报" in a.text and "500万" in a.text
