"""People groups in 第三条第（七）项 estimates (trainees 三（七）2, mid/senior training 三（七）3, interns 三（七）4): a group
is a count with its own qualifiers; only the groups that qualify are counted, the others named; one failing group
never rules the whole item out; a figure the user states as a guess at the award is never read as a cost.
Wording is our own, not the case files'."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.contract_groups import groups as contract_groups
from bot.understand.facts import read_facts

D = Decimal


def _session(text: str) -> EstimateSession:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    return session


def _amount(session: EstimateSession, code: str) -> Decimal:
    item = next(i for i in session.compute()["items"] if i["code"] == code)
    return D(str(item["amount_cny"])) if item["qualified"] else D(0)


# --- 三（七）2: groups told with the length of their 劳动合同 -----------------------------------------------------


@pytest.mark.parametrize(
    "text, counted",
    [
        # 15 (3年) + 6 (1年) count; 10 with an 8-month contract do not
        (
            "我们是认定的培训机构，学员都大专以上考核通过。甲企业招了15人，合同签3年；乙企业10人，合同签了8个月；"
            "丙企业6人，签的1年。培训支持多少",
            21,
        ),
        # the length said before its count: 9 (两年) + 7 (一年) count, 4 (半年) do not
        (
            "认定培训机构 今年结业学员全是大专以上且考核合格：跟腾讯签了两年合同的9个人，跟本地企业签半年合同的4个人，"
            "还有7个人签的一年期劳动合同。能拿多少",
            16,
        ),
        # 一年半 is 1.5 years: it counts
        ("认定的培训机构，学员大专以上都考核通过，签3年合同的20人，签半年的6人，签一年半的4人，培训支持多少", 24),
    ],
)
def test_only_the_groups_with_a_long_enough_contract_count(text, counted):
    session = _session(text)
    assert session.inputs["institution_trainees"] == counted
    assert _amount(session, "3.7.2") == D(500) * counted


def test_a_group_left_out_is_named_with_its_length():
    r = read(
        "已认定机构，学员大专以上均考核通过，其中20人劳动合同3年、6人劳动合同10个月、4人劳动合同1年，定额培训支持多少",
        items=["3.7.2"],
    )
    assert r.fields["institution_trainees"] == 24
    assert any("6名" in n and "10个月" in n and "不计入" in n for n in r.notes)


def test_a_length_with_no_count_of_its_own_is_no_list():
    """Two lengths but the second has no count beside it: no list (never a group dropped)."""
    assert contract_groups("学员20人合同签2年，另外几个人合同签了半年") is None


# --- 三（七）2: batches named by their month or label -------------------------------------------------------------


def test_batches_named_by_month_each_count_their_own_qualified():
    """5月 40 all meet; 9月: 35 → 30 passed → 28 signed ≥ 1 year: 68."""
    session = _session(
        "已认定的培训机构：5月那期40人 全部大专以上考核通过签了一年以上合同；9月那期35人 考核通过30人 "
        "其中28人签了1年以上劳动合同。能拿多少"
    )
    assert session.inputs["institution_trainees"] == 68


def test_batches_named_by_season_with_a_part_below_the_degree():
    """春季班 25 all meet; 秋季班 32 → 29 passed → 27 signed, of whom 2 are 中专: 25."""
    session = _session(
        "认定机构 春季班25人都符合条件；秋季班32人 通过考核29人 签了1年以上合同的27人 其中2个人是中专学历。定额培训支持多少"
    )
    assert session.inputs["institution_trainees"] == 50


def test_a_signed_part_then_a_short_contract_inside_it():
    """11月班: 20 all passed, 16 signed, of whom 4 only signed 5 months: 12; 6月班 all 18 meet: 30."""
    session = _session(
        "我们是认定过的培训机构 学历都是大专以上：6月班18人全部符合；11月班20人都通过了考核 签合同16人 其中4个人合同只签了5个月。"
        "培训支持多少"
    )
    assert session.inputs["institution_trainees"] == 30


# --- 三（七）4: degree groups, one below the floor, one failing its own condition ------------------------------------


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "实训协议签了4年 每年来实习生30个 今年应届生里实习满3个月 社保都交够6个月的：硕士2个 本科15个 专科7个，"
            "另外高中毕业的1个。实训补贴能拿多少",
            24,
        ),
        ("跟学院签了3年实训协议，每年接收实习生22名，符合条件的应届生 大专8名 本科9名 中专2名 补贴多少", 17),
    ],
)
def test_a_group_below_the_degree_is_left_out_not_fatal(text, counted):
    session = _session(text)
    assert session.inputs["qualified_interns"] == counted
    assert _amount(session, "3.7.4") == D(5000) * counted


def test_groups_on_both_sides_of_the_floor_state_no_one_degree():
    """The 中专 group is not everyone's degree (no 不符合 for the whole item); all groups above every floor still
    state one."""
    assert "education_level" not in read_facts("今年应届生 本科6人 大专4人 另外中专2人 实训补贴多少")
    assert read_facts("今年应届生 本科6人 硕士4人 实训补贴多少").get("education_level") is not None


def test_a_group_added_with_its_own_failing_condition_is_left_out_whole():
    """本科8 + 大专6 = 14; the 3 硕士 added with only 2 months of internship are named, not subtracted."""
    session = _session(
        "协议3年 每年接收实习生26名 应届生实习3个月以上在职社保满6个月的：本科8人 大专6人；另外还有3个硕士实习才2个月。"
        "实训补贴多少"
    )
    assert session.inputs["qualified_interns"] == 14
    assert _amount(session, "3.7.4") == D(70000)


def test_interns_and_project_managers_in_one_message_each_go_to_their_own_clause():
    """Interns: 研究生3 + 本科7 + 专科4 = 14 (中专2 out; 1 本科 added whose 社保 is 3 months, out); project managers:
    2 硕士 each 4万 → 2 × 2万."""
    session = _session(
        "跟两所学院签了4年实训协议 每年接实习生25个。应届生里实习3个月以上 在职 社保交满6个月的有 研究生3人、本科7人、"
        "专科4人；另外中专2人，还有1个本科社保才交了3个月。再加上3个硕士学历的项目经理去参加了涉外业务培训 每人培训费4万。"
        "两项各多少"
    )
    assert session.inputs["qualified_interns"] == 14
    assert [e["cost_cny"] for e in session.inputs["senior_training"]] == [D(40000)] * 3
    assert _amount(session, "3.7.3") == D(60000)
    assert _amount(session, "3.7.4") == D(70000)


# --- 三（七）3: each cost with its own person's degree ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, senior",
    [
        # the interns' 大专 said before is not the project managers' degree
        (
            "实训协议3年 每年收实习生22名 应届生大专以上的10个 另外本科学历的项目经理培训费4万 硕士的技术总监培训费8万 "
            "专科的项目经理培训费2万 一共能拿多少",
            D(50000),
        ),
        (
            "实习协议签了两年 每年实习生21个 合格应届生6个（大专以上 实习满3个月）。涉外培训这块：博士的高级项目经理学费9万，"
            "大专的项目经理学费2万，本科的项目总监学费3万。合计多少",
            D(45000),
        ),
    ],
)
def test_each_cost_keeps_the_degree_said_with_it(text, senior):
    session = _session(text)
    assert _amount(session, "3.7.3") == senior


# --- the user's own guess at the award is no cost ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, people, claimed, amount",
    [
        ("10个本科项目经理参加涉外培训 每人学费4万 补贴应该是10×2万吧", 10, "200000", D(200000)),
        # 22 people: 3万 each (capped), 20 at most
        ("派了22个硕士项目经理去做涉外业务培训 每人6万 能补的是不是22×3万", 22, "660000", D(600000)),
        ("30个项目经理（都是本科以上）参加了涉外业务培训 每人学费8万 补贴是不是30 × 4万", 30, "1200000", D(600000)),
        # the user's result after 「=」 is the same guess, never one more cost
        ("12个本科项目经理参加了涉外业务培训 每人学费5万 补贴应该是12个人×2.5万=30万吧", 12, "300000", D(300000)),
        ("8个硕士项目经理涉外培训 每人学费6万 我估计补贴有8×3万=24万", 8, "240000", D(240000)),
    ],
)
def test_a_guess_at_the_award_is_a_claim_and_the_people_each_keep_their_cost(text, people, claimed, amount):
    session = _session(text)
    entries = session.inputs["senior_training"]
    assert len(entries) == people and len({e["cost_cny"] for e in entries}) == 1
    assert [c["value"] for c in session.inputs["_claims"]] == [claimed]
    assert _amount(session, "3.7.3") == amount


def test_an_award_received_before_is_no_guess():
    from bot.estimate.claims import find
    from bot.estimate.reading import figures

    text = "去年补贴就是20万 今年5个本科项目经理涉外培训每人3万 能补多少"
    assert find(text, figures(text)) == []


# --- groups told one per phrase, each with its own conditions --------------------------------------------------------


@pytest.mark.parametrize(
    "text, key, counted",
    [
        # 12 + 5 count; the 7 whose 社保 is 4 months are named
        (
            "实训协议3年 每年接收实习生30名 今年的应届生都是大专以上 实习都超过3个月：郑大来的12人 社保交满8个月；"
            "河大7人 社保只交了4个月；工学院5人 社保交满6个月。实训补贴多少",
            "qualified_interns",
            17,
        ),
        # 9 + 3 count; the 6 with 2 months of internship do not
        (
            "两年实训协议 每年实习生20个 今年符合学历和社保的应届生分三块：一组9人实习4个月，二组6人实习2个月，"
            "三组3人实习3个月。补贴多少",
            "qualified_interns",
            12,
        ),
        # trainees: 20 + 6 passed the exam; 8 did not
        (
            "我们是认定的培训机构，学员都签了两年劳动合同也都是大专以上：计算机班20人考核通过；会计班8人考核没通过；"
            "设计班6人考核通过。定额支持多少",
            "institution_trainees",
            26,
        ),
        # 签约 says the contract too
        (
            "认定机构 学员大专以上考核都过了 A公司签约3年的10人 B公司签约半年的5人 培训支持多少",
            "institution_trainees",
            10,
        ),
    ],
)
def test_groups_each_with_their_own_condition(text, key, counted):
    session = _session(text)
    assert session.inputs[key] == counted
    code = "3.7.4" if key == "qualified_interns" else "3.7.2"
    assert _amount(session, code) > 0  # one failing group never rules the whole item out


def test_a_count_beside_the_list_with_nothing_said_of_it_is_never_dropped():
    """The 6 of 丙 say nothing the conditions read: no list is read by halves (None)."""
    from bot.understand.condition_groups import groups

    text = "甲校10人社保满8个月；乙校4人社保只交了3个月；丙校6人；丁校5人社保满7个月"
    assert groups(text, "3.7.4", ("graduate", "education", "months", "insurance")) is None


def test_a_part_inside_a_counted_contract_group_comes_out_of_that_group():
    """A: 12 with 2 years, of whom 3 are 中专 → 9; B's 8 with 6 months out; C: 9 → 18."""
    r = read(
        "认定培训机构 学员考核都通过了：A公司12人合同2年 其中3个人是中专学历；B公司8人合同6个月；C公司9人合同3年。培训支持多少",
        items=["3.7.2"],
    )
    assert r.fields["institution_trainees"] == 18
    assert any("12 + 9 − 3 = 18" in n for n in r.notes)
