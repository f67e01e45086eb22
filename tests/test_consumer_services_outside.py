"""A service sold to individuals is no service outsourcing (catalog.yml not_service_outsourcing: consumer_education,
consumer_service, leasing, real_estate …): 「中小学生课外辅导 学费家长直接交」 is said to be outside the 23 domains, and a
message with such a business beside one the catalog places answers both. Training or leasing done as an IT service
for a client (软件培训 for an enterprise's staff, rented servers) stays inside."""

import pytest

from bot.answers import catalog
from bot.answers.general import cannot_serve
from bot.nlu.normalize import normalize, understand
from knowledge import query


def kinds(text):
    return [k["key"] for k in query.not_service_outsourcing(normalize(text))]


def classify(text):
    return catalog.classify_answer(normalize(text)).text


class TestConsumerBusinessesOutside:
    @pytest.mark.parametrize(
        "text, kind",
        [
            ("我们是做中小学生课外辅导的", "consumer_education"),
            ("开了三家少儿英语辅导班", "consumer_education"),
            ("我们做一对一家教 上门给孩子补课", "consumer_education"),
            ("主要做早教和托管班", "consumer_education"),
            ("我们做高考艺考培训", "consumer_education"),
            ("公司主业是家政保洁 给小区住户上门服务", "consumer_service"),
            ("我们是美容美发连锁", "consumer_service"),
            ("开了两家宠物医院", "consumer_service"),
            ("我们出租挖掘机给工地", "leasing"),
            ("公司做工程机械租赁 吊车按台班租", "leasing"),
            ("我们是物业公司 管集团自持物业", "real_estate"),
        ],
    )
    def test_named_outside(self, text, kind):
        """The consumer-facing or leasing business is a kind outside all 23 domains."""
        assert kind in kinds(text)

    @pytest.mark.parametrize(
        "text",
        [
            "给服务外包企业员工做软件培训",
            "给银行员工做安全培训",
            "给企业做内训课程开发系统",
            "给客户提供云服务器租用和机柜租用",
            "给工地的挖掘机做维修保养",
            "我们给中小学开发智慧校园app",
        ],
    )
    def test_services_to_clients_stay_inside(self, text):
        """Training for a client's staff, servers rented, machines repaired, software built: not a consumer kind."""
        assert not {"consumer_education", "consumer_service", "leasing"} & set(kinds(text))


class TestOneOutsideOneInside:
    @pytest.mark.parametrize(
        "text, domain",
        [
            ("我们开了几家少儿英语辅导班，收的是家长的钱，另外还给外企做软件测试，这俩算服务外包吗", "软件研发服务"),
            ("公司主业是家政保洁，给小区住户上门服务，另外帮一家银行做电话回访，哪个算服务外包", "呼叫中心服务"),
            ("我们做高考艺考培训，学生直接交钱，也给出版社做动画，分别算不算服务外包", "文化创意服务"),
            ("我们是美容美发连锁，另外也给品牌方做抖音代运营，这两块能算服务外包吗", "互联网营销推广服务"),
            ("我们出租挖掘机给工地，也给工程机械厂做挖掘机的维修保养，算服务外包吗", "维修维护服务"),
            ("我们有个驾校，另外给驾培机构开发约车小程序，这两个算服务外包吗", "软件研发服务"),
        ],
    )
    def test_both_answered(self, text, domain):
        """The outside business is said to be no service outsourcing, the other is placed, in one reply."""
        reply = classify(text)
        assert "不属于服务外包" in reply and domain in reply

    def test_tutoring_alone(self):
        """Tutoring asked alone: not service outsourcing, and why (no client enterprise)."""
        reply = classify("我们是做家教的，一对一上门给孩子补课，算服务外包吗")
        assert "不属于服务外包" in reply and "个人" in reply


class TestGamingWordNotInAnExamName:
    @pytest.mark.parametrize("text", ["我们做高考艺考培训 算服务外包吗", "我们做高端软件定制 算哪个领域"])
    def test_not_declined_as_gaming(self, text):
        """「做高考」「做高端」 are no request to inflate figures (document.yml cannot_serve gaming: 做高)."""
        declined = cannot_serve(understand(text))
        assert declined is None or "如实填报" not in declined.text

    def test_inflating_still_declined(self):
        """「把执行额做高一点」 is still declined."""
        assert "如实填报" in cannot_serve(understand("能不能帮我们把执行额做高一点")).text
