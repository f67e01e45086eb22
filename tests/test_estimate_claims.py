"""Awards the user worked out and asks to have checked (bot/estimate/claims.py): the estimate is made from the
business figures, the user's results are compared with it, never read as amounts; awards given alone stay
the user's. The wording here is the team's own, not the outside cases'."""

from decimal import Decimal

from rasa_sdk import Tracker

from actions.estimate import ActionEstimateStart
from bot.estimate import claims, stated_awards
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts


def done(text):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    return session


def checked(text):
    """The estimate's result and the lines that set the user's results beside it."""
    session = done(text)
    result = session.compute()
    return session, result, claims.compare(session.inputs.get("_claims") or [], result)


def test_results_after_an_opener_are_compared_not_read_as_platform_costs():
    """8,000,000 × 30% = 2,400,000 → 2,000,000 (each platform's ceiling); 3,000,000 × 30% = 900,000."""
    session, result, lines = checked(
        "公司两个公共技术平台分别买了800万和300万的设备；我算的平台补贴240+90万，一共330万，有问题吗"
    )
    assert [Decimal(8000000), Decimal(3000000)] == [p["cost_cny"] for p in session.inputs["platforms"]]
    assert Decimal(2900000) == Decimal(str(result["total_cny"]))
    assert "您算的是330万元，按政策测算应为2,900,000.00元" in lines
    assert "与您的数字不同" in lines


def test_a_bracketed_basis_is_the_cost_and_a_matching_result_is_confirmed():
    """400,000 × 70% = 280,000; 200,000 × 70% = 140,000; the user's 42万 is right."""
    session, result, lines = checked("我自己算的认证补贴：CMMI 28万(认证费40万)、ITSS 14万(20万)，共42万 对吗")
    assert [Decimal(400000), Decimal(200000)] == [c["cost_cny"] for c in session.inputs["certifications"]]
    assert "您算的42万元与测算一致" in lines
    assert "不同" not in lines


def test_spent_is_the_cost_and_subsidised_is_the_claim():
    """Overseas 80,000 × 70% = 56,000 → 50,000; domestic 2 × (40,000 × 70% = 28,000 → 20,000); total 90,000."""
    session, result, lines = checked(
        "我算的展会补贴：新加坡展花了8万补5.6万，境内两场每场4万每场补2.8万，一共11.2万，对吗"
    )
    assert sorted([Decimal(80000), Decimal(40000), Decimal(40000)]) == sorted(
        f["cost_cny"] for f in session.inputs["fairs"]
    )
    assert "您算的是11.2万元，按政策测算应为90,000.00元" in lines


def test_the_claims_are_named_by_clause_and_total():
    text = normalize("去年在岸3000万今年4000万。我算增量奖30万、合计30万左右 帮我核一下")
    from bot.estimate.reading import figures

    found = claims.checked(text, figures(text))
    assert [("3.1", Decimal(300000), False), (None, Decimal(300000), True)] == [
        (c.code, c.value, c.total) for c in found
    ]


def test_awards_given_alone_stay_the_users():
    """No business figures: the two awards are the base of 三（三）, not claims to check."""
    session = EstimateSession.start("我算的增量奖励60万 离岸奖励80万 创新奖能拿多少")
    assert Decimal(600000) == session.inputs["_award_3.1"]
    assert "_claims" not in session.inputs


def test_a_limit_said_back_is_no_business_figure():
    reply = stated_awards.answer(normalize("我们自己算的离岸奖励120万 资质补贴20万 合计140万 会不会碰到500万的上限"))
    assert reply is not None and "合计1,400,000.00元" in reply


def test_a_short_name_in_a_list_of_awards_is_an_award():
    reply = stated_awards.answer(normalize("今年增量奖励50万 离岸70万 技先10万 一共多少"))
    assert "离岸业务奖励：700,000.00元" in reply
    assert "合计1,300,000.00元" in reply


def test_each_platform_of_a_respectively_list_is_its_own():
    session = done("两个平台分别投入600万和200万 能补多少")
    assert [Decimal(6000000), Decimal(2000000)] == [p["cost_cny"] for p in session.inputs["platforms"]]


async def test_supposed_awards_recompute_the_innovation_award():
    """15% × (1,500,000 + 1,500,000) = 450,000, from the awards supposed, not a business figure."""
    earlier = "增量奖励算下来80万 离岸奖励100万 连续两年都有新的发明专利 创新奖励多少"
    latest = "那要是增量跟离岸两项都拿到150万呢"
    events = [{"event": "user", "text": t, "timestamp": i} for i, t in enumerate([earlier, latest])]
    msg = {"text": latest, "intent": {"name": "estimate_award", "confidence": 0.99}, "entities": [], "message_id": "m"}
    slots = {"estimate_inputs": {"innovation_patents_two_years": True}, "topic_clause": "3.3"}
    d, _ = await run(ActionEstimateStart(), Tracker("u1", slots, msg, events, False, None, {}, "action_listen"))
    assert "450,000.00元" in texts(d)
    assert "美元还是人民币" not in texts(d)


def _claims_of(text):
    from bot.estimate.reading import figures

    text = normalize(text)
    return claims.find(text, figures(text))


def test_every_opener_starts_the_users_results():
    """After each opener a short name names a result (「租金12万」), before it the same words are business."""
    for opener in claims.estimate_words()["claims"]["openers"]:
        found = _claims_of(f"年租金40万，面积300平。{opener}租金12万")
        assert [("3.8.3", Decimal(120000))] == [(c.code, c.value) for c in found], opener


def test_every_check_word_makes_an_award_verb_a_claim():
    for ask in claims.estimate_words()["claims"]["check_asks"]:
        found = _claims_of(f"展位费6万补4.2万，{ask}")
        assert [Decimal(42000)] == [c.value for c in found], ask


def test_every_rule_word_leaves_the_limit_out():
    """A limit said back is no business figure: awards alone stay the user's (nothing to check them against)."""
    from bot.estimate.reading import figures

    words = claims.estimate_words()["claims"]["rule_words"]
    said = [f"我算的技先10万 离岸奖励20万，{w}300万" for w in words["before"]]
    said += [f"我算的技先10万 离岸奖励20万，300万{w}" for w in words["after"]]
    for text in said:
        text = normalize(text)
        assert [] == claims.checked(text, figures(text)), text
    text = normalize("我算的技先10万 离岸奖励20万，平台花了300万")
    assert 2 == len(claims.checked(text, figures(text)))  # a cost is a business figure
