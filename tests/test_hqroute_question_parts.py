"""Messages with several questions, or a question beside the user's own figures (round 31/32 class): a part that asks
to compute with figures of its own is estimated even inside a compound question, a part naming no subject of its own
leans on the part before it, a question on the caps of everything names 第四条第（三）项, and a question about the
catalog does not swallow the questions beside it. Wording of our own."""

import pytest

from actions.estimate import ActionEstimateStart
from actions.policy import ActionAnswerPolicy
from bot.answers.not_outsourcing import rejected_kind
from bot.answers.router import compose, message_parts
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from bot.understand.facts import read_facts
from tests.test_actions import run, texts, tracker


async def reply(text: str, intent: str = "ask_subsidy") -> str:
    d, _ = await run(ActionAnswerPolicy(), tracker(text, intent))
    return texts(d)


class TestCapsAskedWithFigures:
    """「每项按上限算最多多少 会不会超过500万」 with the user's own costs: the estimate held to each cap and the total."""

    @pytest.mark.parametrize(
        "text, total",
        [
            ("两个认证各花了40万 平台软硬件一共600万 按顶格算最多能拿多少 会超过500万吗", "2,360,000"),
            ("假设境内展会5场每场4万 资质认证2个每个60万 最高能拿多少 会不会碰到500万总上限", "700,000"),
            ("境外展会6场每场展位费8万 公共服务平台投入900万 每项都封顶的话最多多少 会不会超出500万上限", "2,300,000"),
        ],
    )
    async def test_the_sum_is_computed_and_held_to_the_total(self, text, total):
        said = await reply(text)
        assert f"合计：{total}" in said and "未超过单个企业年度总额上限500万元" in said

    @pytest.mark.parametrize(
        "text", ["平台买设备花了300万 最多补多少 会不会超过500万", "认证费60万 按上限最多补多少 会碰到500万的总上限吗"]
    )
    def test_the_total_cap_asked_about_is_no_cost(self, text):
        inputs = EstimateSession.start(text).inputs
        costs = [e["cost_cny"] for k in ("platforms", "certifications", "fairs") for e in inputs.get(k) or []]
        assert costs and 5_000_000 not in costs


class TestCapsOfEverything:
    @pytest.mark.parametrize(
        "text",
        [
            "请问增量奖励和离岸奖励，每家企业一年各自最高多少？所有政策资金一年加起来最多多少？",
            "展会补贴境外一场最多补多少？全部支持资金合计上限是多少？",
            "离岸奖励比例多少？各类奖补资金一年总共最高能拿多少？",
        ],
    )
    def test_the_total_names_article_four(self, text):
        said = compose(None, text, facts={}).text
        assert "第四条第（三）项" in said and "500万" in said

    def test_two_items_asked_each_with_words_between(self):
        said = compose(None, "请问增量奖励和离岸奖励，每家企业一年各自最高多少？", facts={}).text
        assert "第三条第（一）项" in said and "第三条第（二）项" in said


class TestPartInheritsSubject:
    """A part with no subject of its own (「这算新获得吗」) is asked of the item the part before asked about."""

    @pytest.mark.parametrize(
        "text",
        [
            "技术先进型企业认定奖励是多少？我们资格是2018年拿的 去年复核通过了 这个算新获得吗",
            "BPO和ITO啥区别？技先资格奖励怎么给？我们资格前年就有了 今年续期了 也算新获得吗",
            "技术先进型服务企业奖励一次给多少 我们2021年认定 今年重新认定通过 能算新获得不",
        ],
    )
    async def test_a_renewal_is_not_newly_gained(self, text):
        said = await reply(text)
        assert "不符合第三条第（四）项" in said and "第三条第（八）项" not in said

    def test_the_category_question_is_answered_too(self):
        said = compose(None, "BPO和ITO啥区别？技先资格奖励怎么给？", facts={}).text
        assert "业务流程外包" in said and "10万元" in said


class TestSupposedCaseAfterVerdict:
    """「刚好100万美元 能拿吗？要是做到120万美元 汇率7.0 能拿多少」: the verdict, then the supposed case computed."""

    @pytest.mark.parametrize(
        "text, amount",
        [
            (
                "离岸要超过100万美元才有奖吧？我们今年离岸正好100万美元 能拿吗？如果做到120万美元 汇率按7.0算 能拿多少？",
                "840,000",
            ),
            ("我们今年离岸刚好一百万美元 离岸奖励有份吗？假如做到150万美元 汇率7.2 能拿多少钱？", "1,080,000"),
        ],
    )
    @pytest.mark.parametrize(
        "action, intent", [(ActionAnswerPolicy, "ask_subsidy"), (ActionEstimateStart, "estimate_award")]
    )
    async def test_both_answers(self, text, amount, action, intent):
        d, _ = await run(action(), tracker(text, intent))
        said = texts(d)
        assert "不符合第三条第（二）项" in said and f"{amount}.00元" in said
        assert said.index("不符合") < said.index(amount)


class TestOpenDetailBesideFigures:
    """「含增值税的 一共3万 能按3万算吗 补多少」: the policy does not say, and the amount as given is estimated."""

    @pytest.mark.parametrize(
        "text, award",
        [
            ("境外参展的展位费发票是含税的 总共4万 能按4万算补贴吗 补多少", "28,000"),
            ("国内展会的展位费是含税价 2万 能按2万算吗 能补多少", "14,000"),
            ("CMMI认证费发票含增值税一共20万 按20万算补贴能补多少", "140,000"),
        ],
    )
    async def test_says_open_then_estimates_once(self, text, award):
        said = await reply(text)
        assert "政策文件没有明确规定" in said and f"{award}.00元" in said

    def test_an_amount_restated_as_the_basis_is_not_a_second_one(self):
        inputs = EstimateSession.start("境外展的展位费一共5万 这个能按5万来算吗 能补多少").inputs
        assert [f["cost_cny"] for f in inputs["fairs"]] == [50000]


class TestOwnGoodsAreNotOutsourcing:
    @pytest.mark.parametrize(
        "text",
        [
            "我们做外贸 自己在速卖通上卖自家工厂的服装 一年出口800万美元 这算离岸服务外包吗",
            "我们公司做跨境电商的 在亚马逊开店卖自己采购的小家电 年出口300万美元 能算离岸业务拿奖励吗",
            "我们做跨境电商 在独立站卖自己进的户外用品 一年出口200万美金 这部分能算离岸外包吗",
        ],
    )
    async def test_selling_goods_is_said_so_not_estimated(self, text):
        said = await reply(text)
        assert "不属于服务外包" in said and "测算" not in said

    def test_general_words_beside_selling_place_no_domain(self):
        assert (
            rejected_kind(understand("我们做跨境电商 自己在亚马逊上卖自己采购的家居用品 出口一年500万美金"))["key"]
            == "trade"
        )

    def test_a_service_for_clients_still_counts(self):
        assert rejected_kind(understand("我们做跨境电商 帮海外品牌搭独立站做代运营 一年收服务费200万美元")) is None


class TestPerHeadIsNoCount:
    @pytest.mark.parametrize("text", ["实习生一个人补多少", "每年收几个实习生 一人给多少", "实习生一名能拿多少"])
    def test_one_head_asked_counts_no_interns(self, text):
        assert "interns_per_year" not in read_facts(understand(text))

    def test_one_intern_told_is_a_count(self):
        assert "interns_per_year" in read_facts(understand("今年只收了一个实习生 能补多少"))


class TestCatalogBesideOtherQuestions:
    @pytest.mark.parametrize(
        "text, other",
        [
            (
                "我们做仓储配送 另外也给客户做供应链方案 这部分属于哪个领域？还有想跟职业学院签实训协议 要签几年 每人补多少",
                "5000元",
            ),
            ("我们开了个货运公司 也有团队帮客户做物流规划 这算啥领域？顺便问下中高级人才培训补贴比例多少", "50%"),
            ("我们是快递公司 有个部门帮企业设计供应链方案 归哪类？另外境外展会一场最多补多少", "5万元"),
        ],
    )
    async def test_each_question_is_answered(self, text, other):
        said = await reply(text)
        assert "供应链管理服务" in said and other in said
        assert len(message_parts(understand(text))) >= 2


class TestEnglishYearsInPark:
    @pytest.mark.parametrize(
        "text",
        [
            "we moved into 市级重点园区 5 years ago，contract执行额 900w，office 1200平 年租金48w，没拿过租金补贴，rent subsidy多少",
            "we moved in 市级服务外包重点园区 3 years ago 合同执行额600万 年租金50万 面积800平 没领过租金补贴 能补多少",
        ],
    )
    def test_years_in_the_park_are_read(self, text):
        inputs = EstimateSession.start(text).inputs
        assert inputs.get("rent_years_in_park") in (5, 3)
