"""When one part of a group fails a condition, that part alone is left out and named, never the whole item: people
below 大专 or with short contracts (三（七）2), a level said of one item's people only (三（七）3/4), others on a degree
course (三（七）3), an answer counting groups of people at their own costs, one certificate that is no 服务外包相关
资质 (三（六）), one fair not designated (三（五）). Negatives: a whole group failing still fails the item. Wording is
our own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from bot.understand.degree_course_parts import said as degree_course_said
from bot.understand.degree_groups import bare_list
from bot.understand.facts import read_facts

D = Decimal


def _total(s) -> Decimal:
    return D(str(s.compute()["total_cny"]))


class TestBareDegreeList:
    @pytest.mark.parametrize(
        "text,counts",
        [
            ("培训考核通过80人：本科35、大专30、高中15。", [35, 30, 15]),
            ("一共50名学员，硕士5 本科15 大专30", [5, 15, 30]),
            ("学员60人，其中本科20人、大专30人、中专10人", [20, 30, 10]),
        ],
    )
    def test_counts_that_add_up_to_the_people_said(self, text, counts):
        assert counts == [g.count for g in bare_list(text)]

    @pytest.mark.parametrize("text", ["培训了50人，本科20 大专25 中专6", "80人：2023年35、2024年45", "本科35、大专30"])
    def test_numbers_that_do_not_add_up_are_no_list(self, text):
        assert bare_list(text) is None


class TestInstitutionTrainees:
    @pytest.mark.parametrize(
        "text,total",
        [
            (
                "我们是市商务局认定的服务外包培训机构，今年培训并考核通过80人：本科35、大专30、高中15。大专以上65人里，"
                "和外包企业签2年劳动合同的40人，签1年的18人，签半年的7人。能拿多少",
                D(29000),
            ),
            (
                "认定的培训机构 今年培训考核合格50人：本科20 大专25 中专5。大专以上的45人里 签3年合同的30人 签半年的15人 补多少",
                D(15000),
            ),
        ],
    )
    def test_the_group_below_the_level_is_left_out_not_the_item(self, text, total):
        s = EstimateSession.start(text)
        assert "3.7.2" not in s.failed()
        assert total == _total(s)
        assert any("不计入" in n and ("高中" in n or "中专" in n) for n in s.notes)

    def test_everyone_below_the_level_still_fails(self):
        s = EstimateSession.start("认定的培训机构 今年培训考核合格30人 都是高中学历 签了2年劳动合同 能补多少")
        assert "3.7.2" in s.failed()


class TestLevelOfOneItemsPeople:
    def test_the_interns_level_is_not_the_managers(self):
        s = EstimateSession.start(
            "两件事：1 跟高校签了3年实训协议 今年接收实习生25名 其中符合条件的应届生20名（大专以上 实习4个月 社保交满6个月）；"
            "2 派了10个项目经理参加涉外业务培训 每人培训费2万 能补多少"
        )
        assert "3.7.3" not in s.failed()

    def test_facts_keep_it_under_the_interns(self):
        said = read_facts("一是实习生12名（大专以上）；二是8个项目经理参加涉外培训")
        assert "大专" == said.get("education_level@3.7.4")
        assert "education_level@*" not in said

    def test_a_level_said_for_everyone_stays_everyones(self):
        said = read_facts("实习生12名 项目经理8个 都是大专学历")
        assert "education_level@3.7.4" not in said

    def test_a_degree_count_is_no_interns_count(self):
        said = read_facts("签了3年协议 今年来了26个实习生 本科15个 大专8个 中专3个 都是应届的")
        assert D(26) == said["interns_per_year"].lo


class TestOthersOnDegreeCourses:
    @pytest.mark.parametrize(
        "text",
        [
            "派了25个项目经理（都是本科以上）参加涉外业务培训 每人培训费8万 能补多少？另外还有2个同事在读EMBA 公司出的学费 能算进去吗",
            "12个项目经理参加涉外业务培训 都是本科 每人2万；另外两个同事读在职MBA（学历教育）能一起报吗",
            "we sent 12 project managers (all 本科以上, 项目经理以上职位) to a foreign-business-related training, each costs "
            "2万 RMB. and two colleagues are also doing an EMBA paid by the company, can that be included?",
        ],
    )
    def test_their_course_is_theirs_and_they_are_named(self, text):
        s = EstimateSession.start(understand(text))
        assert "3.7.3" not in s.failed()
        assert any("学历教育" in n and "不计入" in n for n in s.notes)
        assert degree_course_said(understand(text))

    def test_the_group_itself_on_a_degree_course_still_fails(self):
        s = EstimateSession.start("公司让3个项目经理去读MBA，学费每人8万，能按中高级人才培训补吗")
        assert "3.7.3" in s.failed()
        assert not degree_course_said("公司让3个项目经理去读mba,学费每人8万,能按中高级人才培训补吗")


class TestPeopleGroupsAnswer:
    ASK = "给22个项目经理做了涉外业务培训 一共花了66万 都是本科以上 不是学历教育 补多少"

    @pytest.mark.parametrize(
        "answer", ["20个人每人2.5万 另外2个人每人8万", "20人2.5万一个，2人8万一个", "其中20人每人2.5万，剩下2人各8万"]
    )
    def test_each_group_counts_its_people(self, answer):
        s = EstimateSession.start(self.ASK)
        s.handle(answer)
        assert 22 == len(s.inputs["senior_training"])
        assert D(285000) == _total(s)

    @pytest.mark.parametrize("answer", ["18个人每人2.5万 另外2个人每人8万", "2.5万、8万"])
    def test_another_number_of_people_is_asked_again(self, answer):
        s = EstimateSession.start(self.ASK)
        s.handle(answer)
        assert "senior_training" not in s.inputs
        assert "22人" in s.clarify["question"]

    def test_one_cost_for_each(self):
        s = EstimateSession.start("给3个项目经理做了涉外业务培训 一共花了9万 都是本科以上 不是学历教育 补多少")
        s.handle("每人3万")
        assert D(45000) == _total(s)


class TestCertifications:
    @pytest.mark.parametrize(
        "text,total,left",
        [
            (
                "今年拿了CMMI3级认证费20万、ITSS认证费8万、还有ISO9001认证费3万，ISO9001不是服务外包相关的吧 能补多少",
                D(196000),
                "ISO9001",
            ),
            ("去年新拿了CMMI3（费用15万）和一个高新技术企业认定（花了5万）能补多少", D(105000), "高新技术企业"),
            ("PCMM认证费10万 质量管理体系认证费2万 能补多少", D(70000), "质量管理体系"),
        ],
    )
    def test_the_unrelated_one_alone_leaves(self, text, total, left):
        s = EstimateSession.start(text)
        assert "3.6" not in s.failed()
        assert total == _total(s)
        assert any(left.lower() in n.lower() and "不计入" in n for n in s.notes)

    def test_more_than_three_after_one_leaves(self):
        s = EstimateSession.start("CMMI5认证费25万，PCMM认证费12万，ITSS认证费6万，CCRC认证费5万，ISO9001认证费2万")
        assert D(301000) == _total(s)

    def test_every_one_unrelated_still_fails(self):
        assert "3.6" in EstimateSession.start("ISO9001认证费3万 质量管理体系认证费2万 能补多少").failed()

    def test_the_applicants_own_status_drops_nothing(self):
        s = EstimateSession.start("我们是高新技术企业，CMMI3认证费20万，ITSS认证费8万 能补多少")
        assert D(196000) == _total(s)


class TestFairs:
    @pytest.mark.parametrize(
        "text,total",
        [
            ("境内参展：数博会展位费3万（商务局指定的），郑州房车展展位费2万（不是指定展会） 能补多少", D(20000)),
            (
                "今年去了两个境外展，新加坡那个展位费6万是商务局指定的，越南那个展位费4万，这个不是商务部门指定的 能补多少",
                D(42000),
            ),
            ("境内两场展会：A展展位费1万，B展展位费3万（自己找的）", D(7000)),
        ],
    )
    def test_the_fair_not_designated_alone_leaves(self, text, total):
        s = EstimateSession.start(text)
        assert "3.5" not in s.failed()
        assert total == _total(s)
        assert any("不计入" in n and "指定" in n for n in s.notes)

    def test_every_fair_not_designated_still_fails(self):
        assert "3.5" in EstimateSession.start("境内展会两场 展位费各3万 都不是商务部门指定的 能补吗").failed()

    def test_all_designated_keeps_every_fair(self):
        s = EstimateSession.start("参加了境外2个展会 德国展位费10万 日本展位费8万 都是商务局指定的 能补多少")
        assert D(100000) == _total(s)


@pytest.mark.parametrize(
    "text",
    [
        "资质补贴 CMMI5认证费40万 ITSS维护费6万 哦不 ITSS是9万 PCMM认证费20万 能补多少",
        "帮算下资质 CMMI3认证费30万 PCMM维护费5万 不对 PCMM是7万 CCRC认证费10万 不算别的",
    ],
)
def test_a_corrected_certificate_is_never_left_out_as_unrelated(text):
    assert not any("不属于" in n for n in EstimateSession.start(text).notes)
