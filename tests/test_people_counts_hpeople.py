"""Head counts of trainees and interns read from chains, subsets and corrections (bot/understand/people_counts.py,
people_chain.py, batches.py): a correction that takes people out of a batch counted before subtracts them; a follow-up
that adds another item keeps the count told; a part failing a condition is taken out, never failing the item; a count
belongs to the item its own sentence names. The wordings here are the team's own."""

import pytest

from bot.estimate.clauses.internships import PERSON_CONDITIONS as INTERN_IDS
from bot.estimate.understand import Reader
from bot.understand import batches, people_chain
from bot.understand.facts import normalize
from bot.understand.people_counts import PEOPLE, owner, whole
from bot.understand.subgroups import without_parts

TRAINEE_IDS = ("education", "exam", "contract")


def reading(text, items, known=None):
    return Reader(normalize(text), items=items, known=known or {}).read()


def batch_counts(text, known):
    found = batches.read(normalize(text), "3.7.2", TRAINEE_IDS, known)
    assert found is not None, text
    return {b.key: b.counted for b in found.batches}


# --- the shared reader of counts of people -------------------------------------------------------------------------


class TestSharedPeopleCount:
    @pytest.mark.parametrize(
        "text,expected",
        [
            ("招了十二位实习生", [12]),
            ("3个人参加 另外5名没来", [3, 5]),
            ("一百人报名", [100]),
            ("实习了3个月 2个工作日 5人次", []),
            ("人均2.5个岗位", []),
        ],
    )
    def test_counts_of_people_only(self, text, expected):
        assert [whole(m.group("n")) for m in PEOPLE.finditer(text) if whole(m.group("n"))] == expected

    def test_the_three_group_readers_share_it(self):
        from bot.understand import condition_groups, contract_groups

        assert batches.COUNT is PEOPLE and condition_groups.PEOPLE is PEOPLE and contract_groups.PEOPLE is PEOPLE


# --- a correction taking people out of a batch counted in an earlier message ---------------------------------------


class TestBatchCorrectionSubtracts:
    KNOWN = {"第1期": 30, "第2期": 25}

    @pytest.mark.parametrize(
        "text,expected",
        [
            ("不好意思 第二期里其实有3个没通过考核", {"第2期": 22}),
            ("刚发现第一期有5个是高中学历的，重新算一下", {"第1期": 25}),
            ("第二期4个只签了半年合同 得扣掉吧", {"第2期": 21}),
            ("更正 第一期里2个人没签合同 另有1个中专", {"第1期": 27}),
        ],
    )
    def test_the_part_said_to_fail_comes_out_of_the_batch_told_before(self, text, expected):
        assert batch_counts(text, self.KNOWN) == expected

    def test_a_batch_restated_with_its_size_is_that_size(self):
        assert batch_counts("第一期其实是32人", self.KNOWN) == {"第1期": 32}
        assert batch_counts("第二期26人 其中3个中专", self.KNOWN) == {"第2期": 23}

    @pytest.mark.parametrize(
        "text,total",
        [
            ("糟糕 下半年班有7个是中专毕业的 这些要剔除 再算一遍", 33 + 33),
            ("上半年班里有3个考核没过，麻烦扣掉重新算", 30 + 40),
        ],
    )
    def test_reader_total_subtracts_never_adds(self, text, total):
        known = {
            "institution_trainees": 73,
            "institution_recognized": True,
            "_parts_institution_batches": {"上半年班": 33, "下半年班": 40},
        }
        out = reading(text, ("3.7.2",), known)
        assert out.fields["institution_trainees"] == total
        assert out.fields["_whole_institution_trainees"] is True


# --- a follow-up adding another item keeps the trainees told -------------------------------------------------------


class TestFollowUpKeepsTheCount:
    KNOWN = {"institution_trainees": 54, "institution_recognized": True, "_parts_institution_batches": {"A班": 54}}

    @pytest.mark.parametrize(
        "text,field",
        [
            ("噢还有一个，我们去了一个境内的服务外包博览会 展位费3万 也加上", "fairs"),
            ("另外再加一个：境外展会展位费8万 一共多少", "fairs"),
            ("还有个事 CMMI认证花了20万 一起算下", "certifications"),
        ],
    )
    def test_one_more_thing_is_no_trainee(self, text, field):
        out = reading(text, ("3.7.2", "3.5", "3.6"), self.KNOWN)
        assert field in out.fields
        assert "institution_trainees" not in out.fields

    def test_a_count_of_trainees_in_a_follow_up_is_still_read(self):
        out = reading("其实合格的是60个", ("3.7.2",), self.KNOWN)
        assert out.fields["institution_trainees"] == 60


# --- a chain narrowing the interns: the failing parts are taken out ------------------------------------------------

CHAINS = [
    (
        "今年来了30个实习生 其中5个是往届的 剩下25个里有4个学历是高中 其余21个都实习满3个月 社保都交了6个月以上",
        21,
    ),
    (
        "接收了40名实习生，8名不是应届生，其余32名里3名只实习了1个月，剩下29名社保满6个月以上的25名、不满6个月的4名",
        25,
    ),
    (
        "收了35个实习生 有3个还在读大三不是应届 32个应届的里面1个是高中 剩下31个实习都超过半年 这31个人社保交满一年的20个"
        " 刚好6个月的8个 只交了2个月的3个",
        28,
    ),
]


class TestInternChain:
    @pytest.mark.parametrize("text,counted", CHAINS)
    def test_chain_counts_the_people_left(self, text, counted):
        found = people_chain.read(normalize(text), "3.7.4", INTERN_IDS)
        assert found is not None and found.counted == counted

    @pytest.mark.parametrize("text,counted", CHAINS)
    def test_reader_counts_them_and_the_group_stays_the_year_intake(self, text, counted):
        out = reading("和学校签了3年实训协议 " + text + " 补贴多少", ("3.7.4",))
        assert out.fields["qualified_interns"] == counted
        assert out.fields["qualified_interns"] < out.fields["interns_per_year"]

    @pytest.mark.parametrize("text,counted", CHAINS)
    def test_failing_parts_words_are_not_the_groups_facts(self, text, counted):
        from bot.understand.facts import read_facts
        from knowledge import conditions

        verdict = conditions.evaluate("3.7.4", read_facts(without_parts(normalize(text))))
        assert not [c for c in verdict.checks if c.id in INTERN_IDS and c.status == "not_met"]

    @pytest.mark.parametrize(
        "text",
        [
            "收了30个实习生 5个不是应届 剩下24个都符合",  # 30 − 5 is 25, not 24: never a guess
            "收了30个实习生 5个不是应届 剩下25个里社保满6个月的20个 不满的3个",  # 23 of 25 placed
            "收了30个实习生 都是应届 大专以上 20个实习满3个月",  # nothing taken out
        ],
    )
    def test_figures_that_do_not_add_up_make_no_chain(self, text):
        assert people_chain.read(normalize(text), "3.7.4", INTERN_IDS) is None


# --- a count belongs to the item its sentence names ----------------------------------------------------------------


class TestCountBelongsToItsSentence:
    @pytest.mark.parametrize(
        "text,count,code",
        [
            (
                "1. 实习生：协议3年，每年收25个，其中符合条件的18名；2. 中高级人才培训：2名项目经理，培训费3万、5万",
                "18名",
                "3.7.4",
            ),
            (
                "1. 实习生：协议3年，每年收25个，其中符合条件的18名；2. 中高级人才培训：2名项目经理，培训费3万、5万",
                "2名",
                "3.7.3",
            ),
            ("实习生这块 协议2年 收了20个 合格的12个，培训这块3个项目经理 培训费1万、2万、3万", "12个", "3.7.4"),
            ("我们有个实习基地，今年派了8个人去参加中高级人才培训 每人2万", "8个", "3.7.3"),
        ],
    )
    def test_owner(self, text, count, code):
        t = normalize(text)
        assert owner(t, t.index(count)) == code

    @pytest.mark.parametrize(
        "text,costs,qualified",
        [
            (
                "两件事：一是实训协议签了2年，今年实习生22个，条件都满足的有14名；二是高级人才研修，4个人都是硕士项目总监，"
                "费用分别2万、3万、5万、8万",
                [20000, 30000, 50000, 80000],
                14,
            ),
            (
                "实习这边 跟学院签了3年 今年收了24个 合格的9个；另外项目经理培训 2位本科项目经理 学费1.5万和6万",
                [15000, 60000],
                9,
            ),
            (
                "第一项是中高级人才培训，5个本科项目经理培训费各2万；第二项实习生：和高校签了2年协议 今年30个实习生 符合条件的20个",
                [20000] * 5,
                20,
            ),
        ],
    )
    def test_the_trainees_are_the_people_listed_with_their_fees(self, text, costs, qualified):
        out = reading(text, ("3.7.3", "3.7.4"))
        assert [int(e["cost_cny"]) for e in out.fields["senior_training"]] == costs
        assert out.fields["qualified_interns"] == qualified
        assert not out.clarifications
