"""「X，58号文里有规定吗」 for an X the policy does not cover (document.yml not_provided): the answer says the policy has no
provision on X and names what it covers, never quotes an unrelated clause as if it answered."""

import pytest

from bot.answers import provision, router


class TestSubject:
    @pytest.mark.parametrize(
        "text, said",
        [
            ("企业所得税按15%交这个事，58号文里有规定吗", "企业所得税按15%交"),
            ("研发费用加计扣除，58号文里有没有规定", "研发费用加计扣除"),
            ("政策里有没有关于人才落户的规定", "人才落户"),
            ("技先企业减按15%征收所得税，本政策提到了吗", "技先企业减按15%征收所得税"),
        ],
    )
    def test_subject_in_the_users_words(self, text, said):
        assert said == provision.subject(text)

    def test_no_provision_question(self):
        assert provision.subject("离岸奖励最高多少") is None


class TestAnswer:
    @pytest.mark.parametrize(
        "text",
        [
            "企业所得税按15%交，这个政策里有规定吗",
            "研发费用加计扣除，58号文里有没有规定",
            "技先企业减按15%征收所得税，本政策提到了吗",
            "高新技术企业认定的奖励，这个文件里有规定吗",
            "政策里有没有关于人才落户的规定",
            "增值税即征即退这个事，政策里有说吗",
            "贷款贴息 58号文有涉及吗",
        ],
    )
    def test_says_the_policy_has_no_provision(self, text):
        answer = router.compose(None, text, facts={})
        assert "没有关于" in answer.text
        assert "本政策规定的是" in answer.text
        assert "第四条第（三）项：" not in answer.text

    def test_beside_a_question_about_this_policy(self):
        """The award is answered, the tax part said to be outside the policy."""
        answer = router.compose(
            None,
            "技术先进型服务企业认定下来以后，这个58号文给多少奖励？企业所得税按15%交这个事，58号文里有规定吗",
            facts={},
        )
        assert "10万元" in answer.text
        assert "没有关于“企业所得税按15%交”的规定" in answer.text

    def test_this_policys_own_item_is_answered(self):
        """「展会补贴，58号文里有规定吗」: the policy has it; no 「没有关于」."""
        answer = router.compose(None, "展会补贴，58号文里有规定吗", facts={})
        assert "没有关于" not in answer.text
