"""Failing statuses of the people counted (own wording): no certificate, an exam failed, dropping out, a contract not
long enough, social insurance or an internship falling short — each leaves its part out of the count, never the whole
group's; a residual count the user gives is taken when it agrees with the other figures and asked when it does not;
a part said without a count is asked; a batch's failing part corrected later is counted again from the batch's size."""

import pytest

from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts
from bot.understand.residuals import check
from knowledge import conditions


def _status(text: str, code: str, check_id: str) -> str:
    verdict = conditions.evaluate(code, read_facts(text))
    return next(c.status for c in verdict.checks if c.id == check_id)


def _fields(text: str, items=None):
    r = read(text, items=items or detect_items(normalize(text)))
    return r.fields, r.notes


# ---- the vocabulary of failing statuses (knowledge/data/facts.yml) ----


@pytest.mark.parametrize(
    "text",
    [
        "有两名学员结业证书没拿到",
        "这几个人最后没考过",
        "去年那期有个学生考试挂了",
        "其中一人考核不及格",
        "有人半路退学了",
        "两个学员培训没学完就走了",
    ],
)
def test_a_trainee_without_the_assessment_fails_the_exam_condition(text):
    assert _status(text, "3.7.2", "exam") == "not_met"


@pytest.mark.parametrize("text", ["学员都拿到了结业证书", "全班都考取了证书"])
def test_a_certificate_obtained_meets_the_exam_condition(text):
    assert _status(text, "3.7.2", "exam") == "met"


@pytest.mark.parametrize(
    "text, code, check_id",
    [
        ("合同都没签满一年", "3.7.2", "contract"),
        ("劳动合同期限不够", "3.7.2", "contract"),
        ("社保还没交满6个月", "3.7.4", "insurance"),
        ("他们五险交得不够", "3.7.4", "insurance"),
        ("社保没缴满", "3.7.4", "insurance"),
        ("实习时间还不够", "3.7.4", "months"),
    ],
)
def test_falling_short_of_a_duration_fails_it(text, code, check_id):
    assert _status(text, code, check_id) == "not_met"


def test_not_full_is_below_the_figure_not_the_figure():
    """「社保没交满6个月」 is under 6, never exactly 6 (which would meet 不低于6个月)."""
    span = read_facts("这位同学社保没交满6个月")["social_insurance_months"]
    assert span.hi == 6 and span.hi_open


# ---- parts with a failing status leave the batch or the group ----


@pytest.mark.parametrize(
    "text, total",
    [
        ("认定的培训机构 一班30人 其中4个没拿到证 二班25人 其中1个中途退学 其余都符合条件", 50),
        ("我们是认定过的培训机构 A班44人 里面有3个考试挂了 B班20人 其中2个辍学了 其他都达标", 59),
        ("认定培训机构 三班36人其中6个没考过 四班18人全部符合", 48),
    ],
)
def test_batches_leave_out_parts_that_failed_or_dropped_out(text, total):
    assert _fields(text)[0]["institution_trainees"] == total


def test_a_group_leaves_out_a_part_that_dropped_out():
    fields, notes = _fields(
        "我们是认定的培训机构 今年培训了52人 其中5个中途退学了 其他47个都是大专以上 考核通过 签了两年合同"
    )
    assert fields["institution_trainees"] == 47


def test_interns_short_of_their_internship_leave_the_count():
    text = "我们跟两所高校签了三年实训协议 今年接收了26个应届实习生 都是大专以上 不过有4个实习期还没满 剩下22个社保都交了半年以上"
    assert _fields(text)[0]["qualified_interns"] == 22


# ---- the residual count ----


def test_residual_agreeing_with_the_arithmetic_is_taken():
    found = check(60, [3, 5], 52)
    assert found.counted == 52 and "60 − 3 − 5 = 52" in found.said


def test_residual_disagreeing_is_asked_naming_the_figures():
    found = check(60, [3, 5], 50, named="剩下50个都符合")
    assert found.counted is None and "60 − 3 − 5 = 52" in found.ask and "剩下50个都符合" in found.ask


@pytest.mark.parametrize(
    "text, expected",
    [
        ("认定的培训机构 今年一共80人，退学3个，没考过5个，剩下72个都符合条件", 72),
        ("认定的培训机构 今年一共80人，退学3个，没考过5个，余下的72人都是大专以上、考核通过、签了一年以上合同", 72),
    ],
)
def test_a_residual_said_after_the_parts_is_the_count(text, expected):
    assert _fields(text)[0]["institution_trainees"] == expected


@pytest.mark.parametrize(
    "text, key",
    [
        ("认定的培训机构 今年一共80人，退学3个，没考过5个，剩下70个都符合条件", "institution_trainees"),
        ("我们是认定的培训机构 周末班24人，其中2个挂科，其余20个都符合条件", "institution_trainees"),
        (
            "跟高校签了三年实训协议 今年接收了40个应届实习生 都是大专以上 其中6个社保没交满 其余33个都符合条件",
            "qualified_interns",
        ),
    ],
)
def test_a_residual_that_does_not_add_up_is_asked(text, key):
    fields, notes = _fields(text)
    assert key not in fields
    assert any("对不上" in n for n in notes)


# ---- a part said without a count ----


@pytest.mark.parametrize(
    "text",
    [
        "我们是认定的培训机构 今年培训了60人 有几个没拿到证 能拿多少",
        "认定的培训机构 今年两个班八十来号人 个别学员中途退学了 培训支持多少",
        "认定的培训机构 培训了45个学员 有一些考核没通过 能补多少",
    ],
)
def test_a_part_without_a_count_asks_the_count_never_takes_the_group(text):
    fields, notes = _fields(text)
    assert "institution_trainees" not in fields
    assert any("有多少名" in n for n in notes)
    assert read_facts(text).get("trainee_passed_exam") is not False  # the part's status is not everyone's


def test_a_part_asked_about_itself_keeps_its_status():
    """「有几个学员没拿到证 这几个能算吗」 (no group counted): the question is about those few."""
    assert read_facts("有几个学员没拿到证 但是企业签了他们 这几个能算吗")["trainee_passed_exam"] is False


# ---- a batch's failing part corrected later ----

FIRST = (
    "已认定的培训机构 一班50人 其中4个没拿到证 二班30人 其中1个退学 其余都是大专以上、考核通过、签了一年以上劳动合同"
)


@pytest.mark.parametrize(
    "correction, total",
    [
        ("更正一下：一班是其中6个没拿到证，不是4个", 44 + 29),
        ("说错了 一班没拿到证的是2个 不是4个 二班不变", 48 + 29),
        ("纠正：二班退学的其实是3个", 46 + 27),
    ],
)
def test_a_corrected_part_is_counted_again_from_the_batch(correction, total):
    s = EstimateSession.start(FIRST)
    assert s.inputs["institution_trainees"] == 46 + 29
    s.handle(correction)
    assert s.inputs["institution_trainees"] == total
