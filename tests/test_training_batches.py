"""三（七）2 trainees counted batch by batch (bot/understand/batches.py, institution_training.read_batches)."""

import random

import pytest

from bot.estimate.understand import Reader
from bot.understand import batches
from bot.understand.facts import normalize

IDS = ("education", "exam", "contract")


def said(text, known=None):
    return batches.read(normalize(text), "3.7.2", IDS, known)


def counted(text, known=None):
    found = said(text, known)
    assert found is not None, text
    return {b.key: b.counted for b in found.batches}


def test_excluded_parts_of_several_batches_each_subtracted():
    got = counted("上半年办了两个班：第一班50人 其中7个只有中专文凭；第二班42人 有5个只签了8个月的合同 其余都达标")
    assert got == {"第1班": 43, "第2班": 37}


def test_a_batch_all_meeting_counts_whole_and_a_part_never_fails_the_batch():
    got = counted("第一批22人都符合条件 第二批31人 有2个学历是高中")
    assert got == {"第1批": 22, "第2批": 29}


def test_positive_subset_replaces_batch_and_unfinished_batches_count_zero():
    got = counted("第一期55人 考核通过了48人 这48人学历都是本科 都签了两年劳动合同 第二期26人还没考核 第三期刚开班")
    assert got == {"第1期": 48, "第2期": 0, "第3期": 0}


def test_nested_subsets_take_the_innermost():
    got = counted("第一批44人 41人通过了考核 其中39人签了一年以上劳动合同 第二批20人 18人通过 17人签了一年以上劳动合同")
    assert got == {"第1批": 39, "第2批": 17}


def test_correction_inside_the_message_replaces_the_size():
    got = counted("第一期20人全部符合；第二期29人 不对 是27人 有1个没通过考核 另有2个中专")
    assert got == {"第1期": 20, "第2期": 24}


def test_one_group_with_disjoint_excluded_parts():
    got = counted("这批一共75人 其中6个是中专 4个通过了考核但还没签合同 2个考核没过 这几类人不重叠")
    assert got == {"本批": 63}


def test_overlap_not_said_between_different_conditions_is_asked_naming_both():
    found = said("第一期30人 有4个高中学历 2个没签合同；第二期20人全部符合")
    assert "第一期" in found.ask and "4个高中学历" in found.ask and "2个没签合同" in found.ask


def test_same_condition_parts_never_asked_about():
    found = said("第一期30人 有4个高中学历 2个中专学历；第二期20人全部符合")
    assert not found.ask
    assert {b.key: b.counted for b in found.batches} == {"第1期": 24, "第2期": 20}


def test_one_batch_said_simply_is_left_to_the_other_readers():
    assert said("我们第五期33个人全部考核通过 都是大专 其中30个签了一年的劳动合同 还有3个只签了半年") is None


def test_a_batch_told_again_after_batches_replaces_its_count():
    got = counted(
        "再补充下 第三期上周结业了 25人里23人考核通过 也都签了一年合同", {"第1期": 40, "第2期": 12, "第3期": 0}
    )
    assert got == {"第3期": 23}


def reading(text, known=None):
    return Reader(text, items=("3.7.2",), known=known or {}).read()


def test_reader_totals_the_batches_and_shows_the_arithmetic():
    out = reading("我们是已认定的培训机构 第一期50人 有6个只有高中学历；第二期40人 有3个考核没通过 其余都符合 能拿多少")
    assert out.fields["institution_trainees"] == 81
    assert any("50 − 6 = 44" in n and "40 − 3 = 37" in n and "44 + 37 = 81" in n for n in out.notes)


def test_reader_adds_the_new_batch_to_the_batches_told_before():
    known = {"institution_trainees": 30, "_parts_institution_batches": {"第1批": 30, "第2批": 0}}
    out = reading("补充一下 第二批前天考完了 28人里25人通过 都签了一年的劳动合同", known)
    assert out.fields["institution_trainees"] == 55
    assert out.fields["_whole_institution_trainees"] is True


@pytest.mark.parametrize("seed", range(40))
def test_generated_batches_count_the_arithmetic(seed):
    rnd = random.Random(seed)
    fails = [("个只有高中学历", "education"), ("个是中专学历", "education"), ("个考核没通过", "exam")]
    fails += [("个只签了半年合同", "contract"), ("个还没跟企业签合同", "contract")]
    n_batches = rnd.randint(2, 4)
    text, expected = [], {}
    for i in range(1, n_batches + 1):
        size = rnd.randint(20, 60)
        chosen = rnd.sample(fails, rnd.randint(0, 3))
        parts, left = [], size
        for j, (words, _) in enumerate(chosen):
            k = rnd.randint(1, 5)
            left -= k
            parts.append(("另有" if j else "其中") + f"{k}{words}")
        numeral = "一二三四"[i - 1]
        kind = rnd.choice(["unfinished", "normal"]) if i == n_batches else "normal"
        if kind == "unfinished":
            text.append(f"第{numeral}期{size}人还没结业")
            expected[f"第{i}期"] = 0
        else:
            text.append(f"第{numeral}期{size}人 " + " ".join(parts) + ("" if parts else " 全部符合"))
            expected[f"第{i}期"] = left
    message = "；".join(text) + "；其余都是大专以上、考核通过、签了1年以上合同"
    assert counted(message) == expected, message


def test_institution_then_training_support_asked_is_this_item():
    from bot.estimate.session import EstimateSession

    est = EstimateSession.start(
        "我们机构（已认定）今年开了两期：第一期33人都符合条件；第二期29人 有3个是中专学历 其余都满足 培训支持合计多少"
    )
    assert est.items == ["3.7.2"]
    assert est.inputs["institution_trainees"] == 59


def test_a_batch_named_again_has_its_part_taken_from_it():
    got = counted("第一批18人 第二批26人 第三批21人 第三批里有5个考核没通过 其余都符合")
    assert got == {"第1批": 18, "第2批": 26, "第3批": 16}


def test_one_group_whose_parts_the_shared_reader_reads_is_left_to_it():
    out = reading("认定的培训机构 今年培训了40个学员 不过有4个是高中 另外2个没签劳动合同 其余都签了两年合同")
    assert out.fields["institution_trainees"] == 34
    assert not any("按期/批" in n for n in out.notes)
