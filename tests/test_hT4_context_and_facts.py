"""Round 24 (hT4): another policy named beside this policy's own items is context, not the subject; another
policy's rate is not this policy's; 第二条 facts read from a licence's place and a negated MOFCOM-system
registration; a request to promise the award beside stated facts gets the verdict too."""

from bot.answers import eligibility, general, same_rate
from bot.nlu.normalize import understand
from knowledge import other_policies


def _subject(text):
    return other_policies.subject(understand(text))


def test_english_item_name_keeps_a_tax_mention_as_context():
    asked = "For the senior talent training subsidy, does it matter that our engineers pay 个税 here? What is the cap?"
    assert _subject(asked) is None
    assert "人才培训" in understand("the mid/senior talent training subsidy")


def test_item_words_parted_by_spaces_still_name_this_policy():
    assert other_policies.names_this_policy("the 人才培训 补贴 for pms")
    assert other_policies.names_this_policy("talent 培训 补贴")


def test_tax_question_alone_is_still_declined():
    assert _subject("我们员工的个税专项附加扣除怎么填") == "个人所得税"
    assert _subject("增值税留抵退税怎么办理") is not None


def test_your_policy_reference_makes_a_tax_mention_context():
    assert _subject("我们增值税是1%交的 跟你们政策的奖励有没有关系") is None


def test_a_tax_rate_is_not_the_award_rate():
    reply = same_rate.answer(understand("小规模纳税人增值税3%，和你们政策里那个3%的奖励是同一个吗"))
    assert reply is not None and reply.clause == "3.1"
    assert reply.text.startswith("不是一回事") and "增量" in reply.text


def test_same_rate_needs_another_policy_and_one_of_its_rates():
    assert same_rate.answer(understand("增量奖励的3%和离岸的10%是一回事吗")) is None  # no other policy named
    assert same_rate.answer(understand("增值税7%跟政策里的奖励是一回事吗")) is None  # 7% is no rate of this policy


def test_licence_issued_elsewhere_fails_the_zhengzhou_condition():
    facts = eligibility.facts_from(understand("我们营业执照在安阳，员工的社保和个税在郑州交，能申报吗"))
    assert facts.get("registered_in_zhengzhou") is False
    assert "pays_tax_in_zhengzhou" not in facts  # the staff's taxes are not the company's


def test_not_yet_registered_in_the_quoted_system_name_fails():
    said = "我们还没有在商务部的「服务外包业务管理和统计系统」注册，财务都没问题，能申报吗"
    assert eligibility.facts_from(understand(said)).get("mofcom_registered") is False


def test_promise_request_beside_facts_gets_decline_and_verdict():
    said = (
        "我们是郑州金水区注册的独立法人，依法经营，纳税正常，财务制度健全，产权清晰，统计系统注册按时填报。"
        "你敢保证我们一定能拿到吗"
    )
    reply = general.promise_beside_facts(understand(said))
    assert reply is not None and reply.clause == "2"
    assert "不能保证" in reply.text and "符合第二条" in reply.text and "不符合" not in reply.text
    assert reply.verdict == "met"


def test_promise_request_alone_is_only_declined():
    assert general.promise_beside_facts(understand("你保证我们能拿到200万吗")) is None
