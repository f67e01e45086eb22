"""Each of several applicants refused by 第二条 is told why in full (actions/estimating._one_applicant): an office of
an enterprise registered outside Zhengzhou fails 在郑州市行政区域内依法设立, and the other kind of applicant, 在郑纳税的
法人企业分支机构, is said too, never dropped because the place line was already said."""

from actions.estimate import ActionEstimateStart
from tests.test_actions import run, texts, tracker


async def reply(text: str) -> str:
    d, _ = await run(ActionEstimateStart(), tracker(text, intent="ask_eligibility"))
    return texts(d)


class TestRefusedApplicantSaysWhy:
    async def test_office_of_an_outside_company_names_the_branch_that_pays_tax_here(self):
        """The branch path (在郑纳税) is named beside the place outside Zhengzhou."""
        text = await reply(
            "帮看两家：A是郑州金水区注册的独立法人 B是杭州公司在郑州的办事处 没有营业执照 税在杭州交 哪家能报"
        )
        b = text.split("【B】", 1)[1]
        assert "杭州不在郑州市行政区域内" in b and "在郑纳税" in b

    async def test_the_place_line_is_said_once(self):
        """The place line and the explanation are not repeated."""
        text = await reply("甲：洛阳注册的公司在郑州的联络处，税在洛阳交；乙：郑州注册的独立法人。两家哪家能申报")
        a = text.split("【甲】", 1)[1].split("【乙】")[0]
        assert 1 == a.count("洛阳不在郑州市行政区域内") and "在郑纳税" in a

    async def test_registered_outside_without_office(self):
        """An enterprise registered outside Zhengzhou: what would let it apply (a branch paying tax here) is said."""
        text = await reply("一家是广州注册的公司 一家是郑州高新区注册的独立法人 这两家分别能不能申报")
        assert "在郑纳税" in text
