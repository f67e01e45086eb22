"""The speed-ups of the readers give the answers of the plain code: remembered parses hand out new objects, and
the one-pass term lookup of knowledge search finds exactly the terms a substring search finds."""

from calculator.figures_zh import parse_figures
from knowledge import query, text


def test_term_index_agrees_with_contains():
    terms = ["离岸", "离岸执行额", "执行", "ai", "bpo", "软件测试", "测", "x+y", "展会", "会展"]
    index = text.TermIndex(terms)
    questions = ["离岸执行额250万", "做软件测试和ai的", "mainly bpo work", "展会会展", "", "测算", "X+Y"]
    for q in questions:
        has = index.matcher(text.normalize(q))
        for term in terms + ["没有的词", "a"]:
            assert has(term) == text.contains(text.normalize(q), term), (q, term)


def test_keyword_score_with_matcher_equals_plain():
    k = query._open()
    for q in ["离岸执行额超过100万美元能拿多少", "软件研发 ito 展会补贴", "培训补贴 实习 人员", "hello"]:
        nq = text.normalize_question(q)
        has = k.term_index.matcher(nq)
        for c in k.clauses.values():
            assert query._keyword_score(k, c["_keywords"], nq, has) == query._keyword_score(k, c["_keywords"], nq)
        for d in k.domains.values():
            assert query._domain_matches(k, d, nq, has) == query._domain_matches(k, d, nq)


def test_parsed_figures_are_new_objects_each_call():
    first = parse_figures("今年离岸执行额250万美元，汇率6.8")
    first.append("not a figure")
    again = parse_figures("今年离岸执行额250万美元，汇率6.8")
    assert len(again) == 3 and again == first[:3]
    assert all(a is not b for a, b in zip(first, again))


def test_reading_figures_are_new_objects_each_call():
    from bot.estimate.reading import figures

    one, two = figures("宣传册2500 交通800"), figures("宣传册2500 交通800")
    assert [f.value for f in one] == [2500, 800]
    assert one == two and all(a is not b for a, b in zip(one, two))
