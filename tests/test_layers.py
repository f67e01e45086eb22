"""Layered answers (issue 18): short first, every clause one request away, within a phone's budget."""

import re
from decimal import Decimal

import pytest

from bot.answers import compose, layers
from bot.answers.qualify import is_shape
from bot.answers.subsidies import clause_answer
from bot.channels.wechat import PASSIVE_LIMIT_BYTES, render_bot_messages, utf8_len
from knowledge import query
from knowledge.figures import figures
from knowledge.summaries import all_summaries

SUPPORT_CODES = [c["code"] for c in query.clauses() if c["code"][0] in "34" and c["code"] != "3"]
LEAVES = [code for code in SUPPORT_CODES if not query.clause(code)["children"]]
FIRST_ANSWER_CHARS = 650  # the issue aims at about 600 characters
FIGURE = re.compile(r"(\d+(?:\.\d+)?)(?:[—-](\d+(?:\.\d+)?))?(万美元|万元|美元|元|%|年|个|项|人|名|平方米)")
UNIT = {"万美元": 10000, "万元": 10000, "美元": 1, "元": 1, "%": Decimal("0.01")}


def wechat_text(answer) -> str:
    """The answer as the WeChat channel sends it (buttons as numbered choices)."""
    return render_bot_messages([{"text": answer.text, "buttons": answer.buttons}])[0]


def clause_figures(code: str) -> set:
    """Every figure value of a clause and of its sub-items (第四条's total for 第四条)."""
    codes = [code] + list(query.clause(code)["children"] or [])
    return {f["value"] for c in codes for f in figures(c)}


def headings_without_content(text: str) -> list:
    """Lines that end in a colon with nothing under them (「第三条第（七）项 支持…：」 and then the next item)."""
    lines = text.split("\n")
    bare = []
    for i, line in enumerate(lines):
        if line.rstrip().endswith("："):
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if not following.startswith(" ") and not re.match(r"^\d+\. \S", following):
                bare.append(line)
    return bare


class TestSummaries:
    def test_every_clause_and_sub_item_has_a_summary(self):
        """Every clause and sub-item of 第三条 and 第四条 has a short name and a summary line."""
        missing = [code for code in SUPPORT_CODES + ["4"] if code not in all_summaries()]
        assert [] == missing
        assert all(s["short"] and s["summary"] for s in all_summaries().values())
        assert set(all_summaries()) <= {c["code"] for c in query.clauses()}

    def test_every_figure_of_a_summary_is_a_figure_of_its_clause(self):
        """A summary's amounts, rates and counts are figures of figures.yml for that clause (or its sub-items)."""
        wrong = []
        for code, s in all_summaries().items():
            allowed = clause_figures(code) | (clause_figures("4.3") if code == "4" else set())
            for m in FIGURE.finditer(s["summary"]):
                scale = UNIT.get(m.group(3), 1)
                for number in filter(None, m.groups()[:2]):
                    if Decimal(number) * scale not in allowed:
                        wrong.append(f"{code}: {m.group(0)}")
        assert [] == wrong

    def test_the_figure_check_is_not_blind(self):
        """A figure the clause does not have is caught."""
        assert Decimal("0.2") not in clause_figures("3.2")
        assert [m.group(0) for m in FIGURE.finditer("按执行额20%奖励，最高200万元")] == ["20%", "200万元"]


class TestOverview:
    def test_lists_every_direction_and_every_sub_item_with_its_summary(self):
        """The overview has a line for 三（一）–（九), each sub-item of （七）（八） and 第四条, with its figure."""
        text = layers.overview().text
        for code in SUPPORT_CODES:
            if code.count(".") <= 2 and query.clause(code)["parent"] in ("3", "3.7", "3.8", None, ""):
                assert all_summaries()[code]["short"] in text, code
        for code in ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7.1", "3.7.2", "3.7.3", "3.7.4"]:
            assert all_summaries()[code]["summary"] in text, code
        for code in ["3.8.1", "3.8.2", "3.8.3", "3.9", "4"]:
            assert all_summaries()[code]["summary"] in text, code
        assert "离岸超过100万美元的企业按执行额10%，最高200万元（三（二））" in text

    def test_fits_one_wechat_reply_without_repeating_its_choices(self):
        """Within one passive reply and the character aim; the numbered lines are the choices."""
        answer = layers.overview()
        sent = wechat_text(answer)
        assert utf8_len(sent) <= PASSIVE_LIMIT_BYTES
        assert len(answer.text) <= FIRST_ANSWER_CHARS
        assert "回复数字选择" not in sent  # the choices are the overview's own numbered lines
        assert [b["title"] for b in answer.buttons] == [all_summaries()[c]["short"] for c in layers.OVERVIEW_CODES]

    def test_other_buttons_are_still_listed_on_wechat(self):
        """A message whose text does not list its buttons gets them as numbered choices."""
        sent = wechat_text(layers.detail("3.7"))
        assert "回复数字选择：\n1. 政府购买培训\n2. 培训机构育才" in sent

    def test_question_for_all_supports_gets_the_overview(self):
        """「有哪些奖励和补贴」: every direction, no heading without content, buttons to each clause."""
        answer = compose("ask_subsidy", "有哪些奖励和补贴")
        assert answer.text == layers.overview().text and answer.buttons
        assert [] == headings_without_content(answer.text)

    @pytest.mark.parametrize("topic", ["3.7.1", "3.5", "3.2"])
    def test_asked_again_after_a_clause_it_is_no_follow_up(self, topic):
        """「有哪些奖励和补贴」 after talking about one clause is the overview again, not that clause."""
        assert layers.overview().text == compose("ask_subsidy", "有哪些奖励和补贴", topic_clause=topic).text


class TestDetail:
    @pytest.mark.parametrize("code", LEAVES)
    def test_a_clause_in_full(self, code):
        """The full text, its conditions, eligible costs and exclusions, under its label."""
        c = query.clause(code)
        text = layers.detail(code).text
        assert c["label"] in text and c["text"] in text
        for part in (c["conditions"] or []) + (c["eligible_costs"] or []) + (c["exclusions"] or []):
            assert part in text, part

    @pytest.mark.parametrize("code", ["3.7", "3.8", "4"])
    def test_a_parent_lists_every_sub_item_in_full_with_a_button_each(self, code):
        """三（七）: the text of each of its four points, and a button to each point's conditions."""
        answer = layers.detail(code)
        children = query.clause(code)["children"]
        assert all(query.clause(child)["text"] in answer.text for child in children)
        assert [b["payload"] for b in answer.buttons] == [layers.detail_payload(child) for child in children]
        assert utf8_len(wechat_text(answer)) <= PASSIVE_LIMIT_BYTES

    def test_the_whole_article_when_asked(self):
        """「展开」 after the overview: every clause of 第三条 in full (paged on WeChat)."""
        text = layers.detail("3").text
        assert all(query.clause(code)["text"] in text for code in LEAVES if code.startswith("3"))


class TestRequests:
    OFFERED = layers.overview().buttons

    @pytest.mark.parametrize(
        "text, topic, offered, expected",
        [
            ("5", "3", OFFERED, "3.5"),
            ("第5个", "3", OFFERED, "3.5"),
            ("５", "3", OFFERED, "3.5"),  # full-width digits, as a phone keyboard may send them
            ("7", "3", OFFERED, "3.7"),
            ("10", "3", OFFERED, "4"),
            ("第十个", "3", OFFERED, "4"),
            ("详细说说第五项", "3", None, "3.5"),
            ("详细说说第五项", None, None, "3.5"),
            ("展开", "3.5", None, "3.5"),
            ("详细点", "3.2", None, "3.2"),
            ("具体说说", "4.3", None, "4.3"),
            ("展开", None, None, None),
            ("第三条第（七）项第2点具体是什么", None, None, "3.7.2"),
            ("第三条第七项第二点详细内容", None, None, "3.7.2"),
            ("三（八）3详细说说", None, None, "3.8.3"),
            ("详细说说第四条", None, None, "4"),
            ("详细说说第四条", "3", OFFERED, "4"),  # an article, not the fourth choice
            ("第二项具体是什么", "4.1", None, "4.2"),
            ("5", "3", None, None),  # nothing offered: a number is an answer to something else
            ("12", "3", OFFERED, None),  # beyond the choices
            ("第五项的上限具体是多少", None, None, None),  # an aspect question, answered as such
            ("具体怎么申报", "3.5", None, None),
            ("详细说说离岸奖励", None, None, None),  # no clause named: the ordinary answer
        ],
    )
    def test_request(self, text, topic, offered, expected):
        assert expected == layers.requested(text, topic, offered)

    def test_shapes(self):
        """The detail and expand words of question_shapes.yml."""
        assert is_shape("detail", "第三条第（七）项第2点具体是什么")
        assert not is_shape("detail", "离岸奖励怎么算")
        assert any(p.fullmatch("展开") for p in layers._shape("expand"))
        assert not any(p.fullmatch("展会补贴标准") for p in layers._shape("expand"))


QUESTION_TYPES = [
    ("ask_eligibility", "我们能申报吗？"),
    ("ask_eligibility", "外地企业在郑州的分公司能申报吗？"),
    ("ask_business_scope", "服务外包业务范围是什么"),
    ("ask_catalog", "一共多少个领域？"),
    ("ask_catalog", "云计算服务有哪些业务类型？"),
    ("ask_domain_of_business", "我们做游戏美术外包算哪个领域？"),
    ("ask_domain_of_business", "手机维修算吗？"),
    ("ask_subsidy", "有哪些奖励和补贴"),
    ("ask_subsidy", "离岸奖励怎么算？"),
    ("ask_subsidy", "展会补贴标准？"),
    ("ask_subsidy", "CMMI认证能补多少比例？"),
    ("ask_subsidy", "园区有什么支持政策"),
    ("ask_general_rules", "一年最多拿多少？"),
    ("ask_general_rules", "能重复申报吗？"),
    ("ask_general_rules", "政策有效期？"),
    ("ask_general_rules", "谁负责解释？"),
    ("ask_general_rules", "文号是什么？"),
]
ASPECTS = ["", "上限是多少", "比例是多少", "需要什么条件"]


def names_a_clause(answer) -> bool:
    """The text names the clause (第N条, 三（二）, 附件 or the 文号) it rests on."""
    return bool(re.search(r"第[一二三四]条|[三四]（[一二三四五六七八九]）|附件|郑政办", answer.text))


def assert_first_answer(answer):
    assert answer.text
    assert utf8_len(wechat_text(answer)) <= PASSIVE_LIMIT_BYTES, answer.text
    assert len(answer.text) <= FIRST_ANSWER_CHARS, answer.text
    assert names_a_clause(answer), answer.text
    assert [] == headings_without_content(answer.text)


class TestFirstAnswerBudget:
    @pytest.mark.parametrize("intent, text", QUESTION_TYPES)
    def test_every_question_type(self, intent, text):
        """Every question type: within one WeChat reply, names its clause, no bare heading."""
        assert_first_answer(compose(intent, text))

    @pytest.mark.parametrize("code", SUPPORT_CODES)
    @pytest.mark.parametrize("aspect", ASPECTS)
    def test_every_clause(self, code, aspect):
        """Every clause of 第三条 and 第四条, asked as a whole or for one aspect."""
        if code.startswith("3"):
            answer = clause_answer(code, aspect)
        else:
            answer = compose("ask_general_rules", query.clause(code)["label"] + (aspect or "是什么"))
        assert_first_answer(answer)

    @pytest.mark.parametrize("code", SUPPORT_CODES)
    def test_every_detail_but_the_whole_article_fits_too(self, code):
        """The second layer of a clause also fits one reply (only 「展开」 of all of 第三条 is paged)."""
        assert utf8_len(wechat_text(layers.detail(code))) <= PASSIVE_LIMIT_BYTES

    def test_the_budget_check_is_not_blind(self):
        """The old overview (2,506 bytes, bare headings) fails the check."""
        old = "第三条第（七）项 支持服务外包人才培训和就业：\n第三条第（八）项 支持服务外包示范园区建设："
        assert headings_without_content(old) == old.split("\n")
        with pytest.raises(AssertionError):
            assert_first_answer(layers.detail("3"))
