"""A correction inside a message (不对 / 说错了 / 更正一下 / sorry 是 / 哦不… / 我再核一下 是…) replaces the figure of the
same role said before it — counts meeting a condition, headcounts, months, dollars, fair costs, areas, certification
costs — so the corrected figure is never computed; and a count corrected after the estimate (「不对，满6个月的是27个」)
is the clause's qualified count. Known answers from the policy text; wordings our own, not the case files'."""

from decimal import Decimal

import pytest

from bot.estimate.count_corrections import corrected_count
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.figure_corrections import placed
from bot.understand.retractions import without_retracted


class TestPlaced:
    def test_two_counts_take_the_old_places(self):
        """「25人…满6个月，另外5个…哦不对，…是22个满6个月，8个没满」: 25 → 22 and 5 → 8, the 社保 words kept."""
        text = normalize(
            "其中25人社保交满6个月了，另外5个社保才交了3个月，哦不对，我翻了下台账，是22个满6个月，8个没满。多少"
        )
        out = without_retracted(text)
        assert len(text) == len(out)
        assert "其中22人社保交满6个月了" in out and "另外8个社保才交了3个月" in out
        assert "25人" not in out and "没满" not in out

    def test_one_count_goes_to_the_figure_its_words_name(self):
        """「…不对，满6个月的是19个」: the count said with 满6个月, not the last count."""
        out = without_retracted(normalize("留用24人，其中20人社保满6个月，4个没满，不对，满6个月的是19个。能补多少"))
        assert "其中19人社保满6个月" in out and "4个没满" in out

    def test_a_bare_count_replaces_the_last(self):
        out = without_retracted(normalize("签了一年以上劳动合同的有30个…sorry，是28个。培训补贴多少"))
        assert "有28个" in out and "30" not in out

    def test_months_replace_months(self):
        out = without_retracted(normalize("社保都满6个月，实习期4个月，不对，是2个月。能拿多少"))
        assert "实习期2个月" in out and "社保都满6个月" in out

    def test_a_longer_count_borrows_the_blanked_room(self):
        text = normalize("考核通过9人，更正一下，是12人。能补多少")
        out = without_retracted(text)
        assert len(text) == len(out) and "考核通过12人" in out

    def test_money_is_left_to_the_money_readers(self):
        assert placed("展位费3万，不对，是2万", 5, 8) is None


@pytest.mark.parametrize(
    "text, total",
    [
        # 三（七）4: 22 × 5000 (after 。, an aside naming the ledger)
        (
            "和河南大学签了3年实训协议，每年接收实习生40名，今年应届生留用30人，都是本科、实习期5个月，其中25人社保交满6"
            "个月了，另外5个社保才交了3个月。哦不对，我翻了下社保台账，是22个满6个月，8个没满。实训补贴多少",
            110000,
        ),
        # 三（七）4: the role word repeated: 24 × 5000
        (
            "跟郑州轻工业大学签了两年的实训协议，每年收实习生30名，应届生留用了26个，大专以上，实习4个月，社保都交满6个月"
            "了，更正一下，留用的是24个。实训补贴能拿多少",
            120000,
        ),
        # 三（七）4: 实习期 corrected to 2个月: not met
        (
            "跟高校签了3年实训协议，每年接收实习生50人，应届毕业生留用了30个，都本科，社保都满6个月，实习期4个月，不对，是"
            "2个月。实训补贴能拿多少",
            0,
        ),
        # 三（七）2: 28 × 500; 43 × 500
        (
            "我们是已认定的服务外包培训机构，今年培训了40个大专以上学员，考核通过且签了一年以上劳动合同的有30个…sorry，是"
            "28个。培训补贴多少",
            14000,
        ),
        (
            "我们是认定的服务外包培训机构，今年培训了50个大专学员，考核都通过了，签了1年以上劳动合同的有45人，哦不…是43人"
            "。能拿多少培训补贴",
            21500,
        ),
        # 三（二）: 210万美元 × 10% × 6.9; 哦不… 120万美元 × 10% × 7.1
        ("去年离岸做了230万美元，汇率按6.9，更正一下，我刚问了财务，是210万美元。离岸奖励多少", 1449000),
        ("离岸150万美元，汇率7.1，哦不… 是120万美元，离岸奖励多少", 852000),
        # 三（五）: 7万 × 70%; 三（八）3: 800 × 40 × 12 × 30%; 三（六）: 30万 × 70%, 18万 × 70%
        ("去了一个商务部门指定的境外展会，展位费加布展一共9万，sorry，是7万，能补多少", 49000),
        ("我们在市级服务外包示范园区入驻4年，执行额600万，面积850平，哦不…是800平，每平每月40元，租金补贴多少", 115200),
        ("今年新拿了CMMI5，认证费用40万，等下我再核一下，是30万，能补多少", 210000),
        ("今年新拿了ITSS认证，认证费20万，sorry，是18万，能补多少", 126000),
    ],
)
def test_the_corrected_figure_is_computed(text, total):
    assert Decimal(total) == Decimal(str(EstimateSession.start(text).compute()["total_cny"]))


INTERNS = {"interns_per_year": 35, "internship_agreement_years": Decimal(3), "qualified_interns": 28}
TRAINEES = {"institution_recognized": True, "institution_trainees": 30}


class TestCorrectedCount:
    @pytest.mark.parametrize(
        "text, n",
        [("不对，满6个月的是27个", 27), ("不对，社保满6个月的是25个", 25), ("说错了 社保交满的只有26个人", 26)],
    )
    def test_a_count_meeting_a_condition_is_the_qualified_count(self, text, n):
        assert ("qualified_interns", n) == corrected_count(INTERNS, normalize(text), ["3.7.4"])

    def test_a_count_failing_is_no_qualified_count(self):
        assert corrected_count(INTERNS, normalize("不对，不满6个月的是5个"), ["3.7.4"]) is None

    def test_a_bare_count_with_two_counts_held_names_none(self):
        assert corrected_count(INTERNS, normalize("不对，是27个"), ["3.7.4"]) is None

    @pytest.mark.parametrize("text, n", [("不对，是28个", 28), ("sorry，考核通过的是27个", 27)])
    def test_the_one_count_held(self, text, n):
        assert ("institution_trainees", n) == corrected_count(TRAINEES, normalize(text), ["3.7.2"])


def test_after_the_estimate_the_qualified_count_is_corrected():
    first = EstimateSession.start(
        "跟郑州大学签了3年的实训协议，今年接收了35名实习生，应届毕业后留用的有32人，都是大专以上、实习期4个月，其中28人在职"
        "交社保满6个月了，另外4个人社保才交了5个月。实训补贴能拿多少"
    )
    assert Decimal(140000) == Decimal(str(first.compute()["total_cny"]))
    from bot.estimate.session import items_for_inputs

    s = EstimateSession(items=items_for_inputs(first.inputs), inputs=dict(first.inputs))
    s.last_keys, s.amending = list(first.inputs), True
    turn = s.handle("不对，满6个月的是27个", "correct_value")
    assert turn.understood and 27 == s.inputs["qualified_interns"]
    assert Decimal(135000) == Decimal(str(s.compute()["total_cny"]))
