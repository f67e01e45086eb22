"""People counted in groups (期/班/批): the count is the sum of the groups the user typed, less the parts said to
fail a person condition, each named; a part said after the count (a later message) is subtracted from it. Also the
interns' 学历 said in a message about interns is theirs, not the project managers'. New wording, not the cases'."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate.session import EstimateSession, removes_a_part
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from bot.understand.groups import read as read_groups
from bot.understand.scoped_facts import for_item
from tests.test_estimate_corrections_r13 import amend

ZH = "零一二三四五六七八九十"
TRAINING = ["3.7.2"]
PASSED = " 全部大专以上 都通过考核并和外包企业签了两年劳动合同"


def total(session) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


class TestGroupTotals:
    def test_each_phrasing_sums_the_typed_counts(self):
        cases = {
            "两个班 分别是25和30个学员": 55,
            "分了三批 每批12人": 36,
            "第1期22人 第2期19人": 41,
            "第一批16人，第二批14人": 30,
            "三个班各18个学员": 54,
            "开了4期 分别为10、12、9、11人": 42,
            "上半年一个班30人 下半年一个班26人": 56,
            "A班22人，B班19人": 41,
        }
        for text, expected in cases.items():
            groups = read_groups(normalize(text))
            assert groups is not None and expected == groups.total, text

    def test_groups_that_do_not_match_the_number_said_are_no_total(self):
        assert read_groups(normalize("四个班 30人、28人、26人")) is None  # four groups said, three counts
        assert read_groups(normalize("第二、三期28人")) is None  # both together or each: not said
        assert read_groups(normalize("培训了40个学员")) is None

    def test_a_group_said_again_is_a_part_not_another_group(self):
        groups = read_groups(normalize("第一期20人 第二期24人 第二期有3个是高中学历"))
        assert (20, 24) == groups.counts


class TestInstitutionReadsGroups:
    def test_groups_summed_and_the_sum_named(self):
        out = read("认定的培训机构 办了两期 分别26 31个人" + PASSED, items=TRAINING)
        assert 57 == out.fields["institution_trainees"]
        assert any("26 + 31 = 57" in n for n in out.notes)

    def test_a_failing_part_of_one_group_is_subtracted(self):
        text = "认定的培训机构 第一期25人 第二期30人 第二期里有4个是高中学历 其他都是大专以上 考核都过了 都签了两年合同"
        out = read(text, items=TRAINING)
        assert 51 == out.fields["institution_trainees"]
        # batch by batch (bot/understand/batches.py): the part is taken from the batch it was said of
        assert any("30 − 4 = 26" in n and "25 + 26 = 51" in n for n in out.notes)

    def test_every_failing_part_is_subtracted_not_only_one_counted(self):
        text = "认定的培训机构 培训了50个学员 都考核通过 不过有5个是中专 另外3个大专的没签劳动合同 其余都签了两年合同"
        out = read(text, items=TRAINING)
        assert 42 == out.fields["institution_trainees"]
        note = " ".join(out.notes)
        assert "这5名不计入" in note and "这3名不计入" in note

    def test_a_batch_named_is_no_trainee(self):
        out = read("认定的培训机构 又开了一个班 有18个人考核通过签了两年合同", items=TRAINING)
        assert 18 == out.fields["institution_trainees"]


class TestPartsSaidLater:
    FIRST = "我们是认定的培训机构 今年三期 分别12 14 16个人" + PASSED

    def test_a_failing_part_said_after_the_estimate_is_subtracted(self):
        first = EstimateSession.start(self.FIRST)
        assert 42 == first.inputs["institution_trainees"]
        text = "补充一下 第二期里有3个是中专毕业的 其余的都是大专以上"
        assert removes_a_part(text, first.inputs)
        amended, _ = amend(first, text)
        assert 39 == amended.inputs["institution_trainees"]
        assert {} == amended.failed()
        assert Decimal("19500") == total(amended)

    def test_a_part_of_people_trained_at_cost_is_left_out(self):
        first = EstimateSession.start("6个本科学历的项目经理参加涉外业务培训 每人培训费5万")
        assert 6 == len(first.inputs["senior_training"])
        text = "不好意思 其中2个其实是大专"
        assert removes_a_part(text, first.inputs)
        amended, _ = amend(first, text)
        assert 4 == len(amended.inputs["senior_training"])
        assert {} == amended.failed()
        assert Decimal("100000") == total(amended)  # 4 × (5万 × 50% = 2.5万)


class TestInterns:
    def test_the_group_before_among_words_is_per_year(self):
        out = read("要是明年每年接24个 里面应届大专以上 实习满三个月 社保6个月的有16个", items=["3.7.4"])
        assert 24 == out.fields["interns_per_year"] and 16 == out.fields["qualified_interns"]

    def test_items_counted_are_no_people(self):
        text = "签了3年实训协议 今年收了26个实习生 其中14个应届的条件都满足 两项一起算"
        out = read(text, items=["3.7.4"])
        assert 14 == out.fields["qualified_interns"]

    def test_interns_education_is_not_the_managers(self):
        first = EstimateSession.start("4个本科以上的项目经理参加涉外业务培训 每人培训费2万")
        text = "再加上实习实训 跟学院签了两年协议 每年收22个实习生 符合条件的应届生9个（大专以上 实习4个月 社保7个月）"
        first.handle(text, "estimate")
        assert 4 == len(first.inputs["senior_training"]) and 9 == first.inputs["qualified_interns"]
        assert {} == first.failed()
        assert Decimal("85000") == total(first)  # 4 × 1万 + 9 × 5000

    def test_a_later_word_of_everyone_still_corrects(self):
        facts = {"education_level": "中专", "education_level@3.7.4": "大专", "education_level@*": "中专"}
        assert "中专" == for_item(facts, "3.7.4")["education_level"]
        facts = {"education_level": "大专", "education_level@3.7.4": "大专", "education_level@3.7.3": "本科"}
        assert "本科" == for_item(facts, "3.7.3")["education_level"]


@st.composite
def grouped(draw):
    """A message counting people in groups (one of the phrasings), and maybe a part of one group that fails."""
    counts = draw(st.lists(st.integers(min_value=5, max_value=60), min_size=2, max_size=5))
    k = len(counts)
    style = draw(st.sampled_from(["respective", "respective_units", "plain", "ordinal"]))
    word = draw(st.sampled_from(["期", "批"]))
    if style == "respective":
        text = f"办了{ZH[k]}{word} 分别{' '.join(map(str, counts))}个人"
    elif style == "respective_units":
        text = f"共{ZH[k]}{word} 分别是{'、'.join(f'{c}人' for c in counts)}"
    elif style == "plain":
        text = f"今年{ZH[k]}个班 {'、'.join(f'{c}人' for c in counts)}"
        word = "班"
    else:
        text = " ".join(f"第{ZH[i + 1]}{word}{c}人" for i, c in enumerate(counts))
    failing = 0
    if draw(st.booleans()):
        which = draw(st.integers(min_value=0, max_value=k - 1))
        failing = draw(st.integers(min_value=1, max_value=counts[which] - 1))
        text += f" 第{ZH[which + 1]}{word}里有{failing}个是高中学历"
    return text, sum(counts) - failing


@settings(max_examples=60, deadline=None)
@given(grouped())
def test_the_count_is_the_typed_groups_less_the_failing_parts(case):
    text, expected = case
    out = read("认定的培训机构 " + text + " 其他都是大专以上 考核都通过 都签了两年合同", items=TRAINING)
    assert expected == out.fields["institution_trainees"], text


class TestSeniorCostForEachWithoutACount:
    def test_the_number_is_asked_then_the_others_named_are_counted(self):
        s = EstimateSession.start("中高级人才培训 涉外业务的")
        s.handle("培训费每人2.4万", "estimate")
        assert "senior_training" not in s.inputs  # several people, how many not said: never one person's cost
        assert "有几名" in clauses_question(s)
        s.handle("里面有3个是专科 其他7个都是本科以上的项目经理", "estimate")
        assert 7 == len(s.inputs["senior_training"])
        assert Decimal("84000") == total(s)  # 7 × (2.4万 × 50% = 1.2万)


def clauses_question(session) -> str:
    from bot.estimate.clauses import senior_training

    return senior_training.question(session)


class TestWhoQualifiesAnsweredWithParts:
    def test_the_others_named_are_counted_not_the_first_count(self):
        s = EstimateSession.start("公司14名员工参加了涉外业务培训 每人学费2万")
        assert s.clarify and s.clarify["kind"] == "qualified"
        s.handle("里面有4个是专科 其他10个是本科以上的项目经理", "inform")
        assert 10 == len(s.inputs["senior_training"])
        assert Decimal("100000") == total(s)  # 10 × (2万 × 50% = 1万)

    def test_the_group_less_the_failing_part(self):
        s = EstimateSession.start("公司9名员工参加了涉外业务培训 每人学费2万")
        s.handle("其中3个只是大专", "inform")
        assert 6 == len(s.inputs["senior_training"])
