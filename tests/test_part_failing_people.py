"""Some of a group meet a clause's person conditions, others do not (三（七）2 trainees, 三（七）3 project managers,
三（七）4 interns): only the qualifying people are counted, the others named as left out with the condition they miss;
one failing part never rules the whole item out, and the failing part's count is never the qualifying count. A total
cost for N people is a total: split only when the user says each one's cost is the same. Wording is our own."""

from decimal import Decimal

import pytest

from bot.estimate.clauses import institution_training, internships, senior_training
from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts
from bot.understand.person_checks import checks, failed, says_fails_all
from bot.understand.subgroups import failing_additions

D = Decimal


def _session(text: str) -> EstimateSession:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    return session


def _item(session: EstimateSession, code: str) -> dict:
    return next(i for i in session.compute()["items"] if i["code"] == code)


# --- one reader of what is said of a part: 「另外7名不满足这些条件」 fails every person condition ---------------------


@pytest.mark.parametrize(
    "words",
    ["另外9名不符合上述条件", "剩下6个都不符合要求", "其余5个人条件不满足", "另外3位不达标"],
)
def test_words_saying_a_part_meets_none_fail_every_person_condition(words):
    assert says_fails_all(words)
    for code, ids in (
        (internships.CODE, internships.PERSON_CONDITIONS),
        (institution_training.CODE, institution_training.PERSON_CONDITIONS),
        ("3.7.3", senior_training.PERSON_CONDITIONS),
    ):
        assert {c.status for c in checks(words, code, ids)} == {"not_met"}
        assert len(failed(words, code, ids)) == len(ids)


@pytest.mark.parametrize("words", ["另外9名符不符合条件", "剩下6个满足条件吗", "其余5个都符合条件"])
def test_a_question_or_a_met_condition_fails_nothing(words):
    assert not failed(words, internships.CODE, internships.PERSON_CONDITIONS)


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "和本地两所大学签了4年实训协议，今年收了30个服务外包实习生。其中22个是应届本科，实习4个月，留用后社保"
            "连续交了7个月；其余8个不符合上述条件。能补多少",
            22,
        ),
        (
            "我们跟学院签了三年实习生实训协议 今年接收实习生26名 里面18名是应届大专生 实习5个月 在职社保交满8个月 "
            "剩下8名都不满足这些要求 补贴多少",
            18,
        ),
    ],
)
def test_the_part_said_to_fail_every_condition_is_never_the_qualifying_count(text, counted):
    session = _session("我们是服务外包企业，" + text)
    assert session.inputs["qualified_interns"] == counted
    item = _item(session, internships.CODE)
    assert item["qualified"] and D(str(item["amount_cny"])) == D(5000) * counted


# --- parts told one after another across a semicolon, each opened by its own word -----------------------------------


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "和两所高校签了3年实训协议，今年招了24个服务外包实习生。其中16个应届毕业生（大专或本科），实习都满4个月，"
            "毕业后留用，社保连续交了8个月；另外5个应届生社保只交了4个月；还有3个是大二学生还没毕业。实习补贴多少？",
            16,
        ),
        (
            "签了两年实训协议，今年接收实习生21人，其中15人是应届本科，实习3个多月，在职社保交满6个月；"
            "另外4人实习才2个月；还有2人是往届生。能拿多少",
            15,
        ),
    ],
)
def test_a_part_after_a_semicolon_is_one_more_part_left_out_not_the_whole_groups_fact(text, counted):
    session = _session("我们是服务外包企业，" + text)
    assert session.inputs["qualified_interns"] == counted
    item = _item(session, internships.CODE)
    assert item["qualified"] and D(str(item["amount_cny"])) == D(5000) * counted
    assert read_facts("我们是服务外包企业，" + text).get("fresh_graduate") is not False


# --- 三（七）3: another person said beside the group, with no numeral --------------------------------------------------


@pytest.mark.parametrize(
    "text, beside",
    [
        (
            "我们是服务外包企业，派了22个本科以上的项目经理去做涉外业务培训，每人培训费6万。另外有位专科学历的主管也去了。"
            "能补多少",
            ["学员本科以上学历"],
        ),
        (
            "我们是服务外包企业，24个项目经理都是本科以上，参加涉外业务培训每人7万；还有一个在读在职EMBA的，还有个大专的组长"
            "也跟着去了。能补多少",
            ["业务培训，不包括学历教育", "学员本科以上学历"],
        ),
    ],
)
def test_one_more_person_failing_a_condition_is_left_out_and_named_not_fatal(text, beside):
    session = _session(text)
    item = _item(session, "3.7.3")
    assert item["qualified"]
    assert D(str(item["amount_cny"])) == D(600000)  # 20 people at most × 3万 each
    notes = session.notes
    for label in beside:
        assert any("不计入" in n and label in n for n in notes), notes


def test_another_person_with_nothing_failing_is_not_named():
    assert (
        failing_additions("派了10个本科项目经理去培训 每人3万 另外有个硕士的项目总监也去了", "3.7.3", ("education",))
        == []
    )


# --- 三（七）2: people narrowed step by step: the verdict reads only the people counted ----------------------------------


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "我们是已认定的本市服务外包培训机构 今年培训了100人 其中10个是高中学历 剩下90个大专以上的里面有5个考核没过 "
            "通过考核的85个里面有5个只签了半年合同 其他的都跟外包企业签了一年以上 能拿多少",
            80,
        ),
        (
            "认定的服务外包培训机构，今年学员60个，有4个是中专的，剩下56个大专以上的有6个考试没通过，过了的50个里面 "
            "44个跟服务外包企业签了两年合同 另外6个签的是10个月的 培训支持多少",
            44,
        ),
    ],
)
def test_a_chain_of_parts_counts_the_rest_and_no_part_rules_the_item_out(text, counted):
    session = _session(text)
    assert session.inputs["institution_trainees"] == counted
    item = _item(session, institution_training.CODE)
    assert item["qualified"] and D(str(item["amount_cny"])) == D(500) * counted
    assert read_facts(text).get("trainee_passed_exam") is not False


# --- a total for N people is a total -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, each",
    [
        ("我们是服务外包企业，8个本科以上的项目经理参加涉外业务培训，总共花了24万，每人费用相同。能补多少", D(30000)),
        (
            "我们是服务外包企业，5名项目经理（都是本科）去新加坡做涉外业务培训，一共花了12万5，每个人一样。补多少",
            D(25000),
        ),
    ],
)
def test_a_total_split_only_because_the_user_says_each_paid_the_same(text, each):
    session = _session(text)
    costs = [e["cost_cny"] for e in session.inputs["senior_training"]]
    assert costs and all(c == each for c in costs)
    assert D(str(_item(session, "3.7.3")["amount_cny"])) == min(each / 2, D(30000)) * len(costs)


@pytest.mark.parametrize(
    "text",
    [
        "我们是服务外包企业，8个本科以上的项目经理参加涉外业务培训，总共花了24万。能补多少",
        "我们是服务外包企业，3个本科项目经理参加涉外业务培训，一共花了10万，每人费用一样。能补多少",  # not to the fen
    ],
)
def test_a_total_is_never_one_persons_cost_nor_averaged_unasked(text):
    session = EstimateSession.start(text)
    assert session.status != "done"
    assert "合计" in session.question()
    assert not session.inputs.get("senior_training")


# --- 三（七）3: people listed one by one, one below the degree said after the others' level -------------------------------


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "我们是服务外包企业 派了5个人参加涉外项目管理培训 甲培训费3万 乙6万 丙2万 这三位都是本科以上的项目经理 "
            "另外丁是专科学历的项目总监 培训费5万 戊是副总 在读在职EMBA学费4万 一共能补多少",
            [D(30000), D(60000), D(20000)],
        ),
        (
            "我们是服务外包企业 张工培训费2万 李工4万 他们是硕士项目经理 还有王工是大专学历的项目经理 培训费3万 能补多少",
            [D(20000), D(40000)],
        ),
    ],
)
def test_a_person_below_the_degree_in_a_list_is_left_out_not_the_others(text, counted):
    session = _session(text)
    assert [e["cost_cny"] for e in session.inputs["senior_training"]] == counted
    item = _item(session, "3.7.3")
    assert item["qualified"]
    assert D(str(item["amount_cny"])) == sum(min(c / 2, D(30000)) for c in counted)
    assert any("不计入" in n and "本科以上学历" in n for n in session.notes)
