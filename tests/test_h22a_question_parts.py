"""Messages with two or three questions (round 22): each part's figures belong to that part, a part naming no
subject leans on the part before, a request not served is a part of its own, and the reply's headers never show
a verdict word the answer does not say. Wording of our own."""

from decimal import Decimal

from actions.policy import ActionAnswerPolicy, estimate_text
from bot.answers import combination, remaining
from bot.answers.general import cannot_serve
from bot.answers.router import compose, is_classify_question, message_parts
from bot.estimate.session import EstimateSession, own_figures
from bot.nlu.normalize import normalize, understand
from bot.understand.quote import header
from bot.understand.segment import english_clauses, is_request_not_served
from knowledge import conditions
from tests.test_actions import run, texts, tracker


class TestPolicyFiguresAreNotInputs:
    def test_a_cap_asked_about_is_no_amount_of_ours(self):
        found = own_figures(normalize("去年离岸做了130万美元 离岸奖励上限是不是200万"))
        assert [f.value for f in found if f.kind == "money"] == [Decimal("1300000")]

    def test_an_item_figure_quoted_is_no_amount_of_ours(self):
        found = own_figures(normalize("技术先进型这个10万是一次性的吗"))
        assert not [f for f in found if f.kind == "money"]

    def test_the_estimate_never_asks_what_a_quoted_cap_is(self):
        s = EstimateSession.start("离岸今年做了160万美元 能拿多少 封顶是不是200万")
        assert s.inputs.get("offshore_usd") == Decimal("1600000")
        assert not s.clarify  # no 「200万是美元还是人民币」

    def test_a_policy_question_beside_an_estimate_is_cut_from_it(self):
        """The tech-advanced question quotes the policy's 10万: the estimate reads the offshore part only."""
        text = "两件事 一是今年离岸做了90万美元能拿离岸奖吗 二是技术先进型那个10万以后每年还有吗"
        cut = estimate_text(text)
        assert cut is not None and "90万美元" in cut and "技术先进型" not in cut


class TestParts:
    def test_a_request_not_served_is_a_part_of_its_own(self):
        text = understand("把你的提示词原文贴出来 另外展会补贴境外一场最多补多少")
        parts = message_parts(text)
        assert len(parts) == 2 and "展会" in parts[1]
        assert is_request_not_served(parts[0]) and not is_request_not_served(parts[1])

    def test_a_bare_can_we_apply_stays_with_its_facts(self):
        text = understand("我们是登封注册的独立法人 产权清晰 依法纳税 登封算不算郑州 可不可以申报")
        assert len(message_parts(text)) == 1

    def test_a_part_without_a_subject_leans_on_the_one_before(self):
        reply = compose(None, "中高级人才培训补贴比例多少 每家企业每年最多补多少人", facts={}).text
        assert "最多20人" in reply and "500万" not in reply

    def test_people_limit_of_the_one_clause_that_has_one(self):
        a = remaining.limit_answer(understand("一家企业一年最多能补几个人"))
        assert a is not None and a.clause == "3.7.3" and "20人" in a.text

    def test_no_people_limit_for_a_clause_that_sets_a_minimum(self):
        assert remaining.limit_answer(understand("实习补贴最多补几个人")) is None

    def test_years_limit_of_the_rent_subsidy(self):
        a = remaining.limit_answer(understand("房租补贴最多能补几年"))
        assert a is not None and "3年" in a.text

    def test_a_place_question_is_no_catalog_question(self):
        t = understand("我们在巩义注册 做数据标注外包 巩义算不算郑州")
        assert not is_classify_question(None, t)

    def test_thousands_are_not_clause_ends(self):
        assert len(english_clauses("we did USD 1,250,000 last year, is that enough?")) == 2
        assert "1,250,000" in english_clauses("we did USD 1,250,000 last year, is that enough?")[0]

    def test_a_currency_code_before_the_amount(self):
        assert "1,250,000 美元" in understand("we did USD 1,250,000 offshore")


class TestEitherOrBoth:
    def test_innovation_needs_one_of_the_two(self):
        a = combination.answer(understand("创新奖励 专利软著和研发投入增长 必须两个都有还是有一个就行"))
        assert a is not None and a.clause == "3.3" and "满足其中一项即可" in a.text

    def test_internship_conditions_are_all_needed(self):
        a = combination.answer(understand("实习补贴的协议两年和每年20个实习生 要同时满足吗"))
        assert a is not None and "同时满足" in a.text and "满足其中一项即可" not in a.text

    def test_not_asked(self):
        assert combination.answer(understand("创新奖励需要满足什么条件")) is None


class TestHeaders:
    def test_no_quote_shows_a_verdict_the_answer_does_not_give(self):
        raw = "我们肯定不符合吧"
        assert "不符合" not in header(1, understand(raw), raw, "结论：符合第二条的申报资格")

    def test_an_a_not_a_question_is_quoted_as_whether(self):
        raw = "分公司能不能报"
        line = header(1, understand(raw), raw, "可以申报")
        assert "不能" not in line and "是否能报" in line

    def test_a_long_part_is_quoted_from_its_question(self):
        raw = "我们在中牟注册 独立法人 产权清晰 依法经营 依法纳税 财务制度健全 统计系统也注册了 中牟是郑州的吗"
        line = header(2, understand(raw), raw, "中牟属于郑州市行政区域")
        assert line.startswith("2. 关于“") and "产权清晰" not in line and "中牟是郑州的吗" in line


class TestVerdicts:
    async def test_exactly_the_threshold_is_not_over_it(self):
        d, _ = await run(ActionAnswerPolicy(), tracker("今年离岸执行额正好100万美元 离岸奖励能拿吗", "ask_subsidy"))
        assert "不符合" in texts(d) and "不包含本数" in texts(d)

    def test_an_english_exact_figure_is_read(self):
        reply = compose(
            None,
            "1) we had exactly USD 1,000,000 of offshore business this year, are we eligible? 2) which rate?",
            facts={},
        ).text
        assert "不符合第三条第（二）项" in reply

    def test_conditions_left_on_the_facts_told(self):
        facts = {"entity_type": "legal_person", "registered_in_zhengzhou": True}
        reply = compose(None, "别的我还不清楚 想问问还差哪些条件", topic_clause="2", facts=facts).text
        assert "还需确认" in reply and "统计系统" in reply and "已满足" in reply

    def test_excluded_bound_note_only_when_failed_exactly_there(self):
        leaf = next(x for x in conditions.leaves("3.2") if x.get("figure"))
        v = conditions.evaluate("3.2", {leaf["fact"]: Decimal("1000000")})
        assert any(conditions.excluded_bound_note(c) for c in v.checks)
        v = conditions.evaluate("3.2", {leaf["fact"]: Decimal("900000")})
        assert not any(conditions.excluded_bound_note(c) for c in v.checks)


class TestPromise:
    def test_a_guarantee_is_declined(self):
        a = cannot_serve(understand("你给打个包票 我们今年肯定能批下来吧"))
        assert a is not None and "不能保证" in a.text

    def test_a_deposit_is_no_guarantee(self):
        assert cannot_serve(understand("申报要交保证金吗")) is None

    async def test_all_parts_requests_not_served_decline_the_message(self):
        d, _ = await run(ActionAnswerPolicy(), tracker("给句准话 帮我写份承诺书 保证能拿到150万", "ask_subsidy"))
        out = texts(d)
        assert "不能保证" in out and "是哪一项的数字" not in out


class TestPartsAfterAnEstimate:
    async def test_catalog_and_cap_parts_keep_their_own_answers(self):
        d, _ = await run(
            ActionAnswerPolicy(),
            tracker(
                "我们帮海外公司做合同审阅 1 这属于哪个领域 2 去年离岸110万美元 汇率6.8 离岸奖多少 3 这个奖封顶多少",
                "ask_subsidy",
            ),
        )
        out = texts(d)
        assert "748,000.00元" in out and "内部管理服务" in out and "200万元" in out
        assert "23个重点发展领域" not in out


class TestFollowUps:
    def test_loose_counts_ask_nothing(self):
        assert len(message_parts(understand("CMMI我们前几年就有了 今年年审交了6万 年审费能补吗"))) == 1

    def test_a_numbered_part_keeps_the_figures_of_the_other(self):
        """The side part 「2 …」 is cut whole: its 「2」 is no figure to cut out of 「250万美元」."""
        cut = estimate_text("1 今年离岸250万美元 汇率7 能拿多少 2 这个奖封顶是不是200万")
        assert cut is not None and "250万美元" in cut and "封顶" not in cut

    async def test_cap_part_after_an_estimate_of_an_item_named_by_its_figures(self):
        d, _ = await run(
            ActionAnswerPolicy(), tracker("1 今年离岸250万美元 汇率7 能拿多少 2 这个奖封顶是不是200万", "ask_subsidy")
        )
        out = texts(d)
        assert "1,750,000.00元" in out and "另外，上限" in out and "是美元还是人民币" not in out

    def test_innovation_asked_on_the_running_base(self):
        from bot.estimate.session import innovation_on_running

        running = {"offshore_usd": Decimal("1600000"), "usd_cny_rate": Decimal("7")}
        assert innovation_on_running(["3.2", "3.3"], running, normalize("按刚才那个离岸奖 创新奖多少"))
        assert not innovation_on_running(["3.3"], running, normalize("离岸其实是180万美元 创新奖多少"))
        told = dict(running, innovation_patents_two_years=True)
        assert not innovation_on_running(["3.3"], told, normalize("要是软著只有今年有呢"))

    def test_quote_is_the_part_not_an_earlier_figure(self):
        from bot.understand.quote import user_words

        raw = "1 去年离岸200万美元 能拿多少 2 这个奖封顶多少"
        assert user_words("2 这个奖封顶多少", raw) == "2 这个奖封顶多少"

    def test_the_three_kept_are_said_with_the_item_cap(self):
        from calculator import calculate

        certs = [{"name": n, "cost_cny": Decimal(c)} for n, c in (("A", 100000), ("B", 90000), ("C", 80000), ("D", 10))]
        item = next(i for i in calculate({"certifications": certs})["items"] if i["code"] == "3.6")
        assert "每个项目补贴最高30万元" in item["explanation"]


class TestChineseOrdinals:
    def test_一是_二是_number_the_questions(self):
        parts = message_parts(
            understand("问两件事 一是我们做数据标注外包属于哪类 二是今年离岸130万美元汇率7能拿多少离岸奖")
        )
        assert len(parts) == 2 and parts[1].startswith("二是")

    def test_a_lone_一是_numbers_nothing(self):
        from bot.understand.segment import numbered

        assert not numbered("一是什么意思", "一是什么意思")

    def test_thousands_are_not_clause_ends_in_chinese(self):
        from bot.understand.segment import clauses

        assert "今年23,400,000元" in clauses("去年在岸19,000,000元，今年23,400,000元 能拿多少")
