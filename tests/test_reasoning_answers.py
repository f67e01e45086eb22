"""One step of reasoning from 第三条第（一）项 (bot/answers/reasoning.py): the rule and the conclusion."""

from bot.answers.router import compose_one
from bot.nlu.normalize import understand


def ask(text: str) -> str:
    return compose_one("ask_subsidy", understand(text)).text


def test_the_increment_of_a_year_is_compared_with_the_year_before():
    reply = ask("增量奖说是从2020年开始 那2020年那一年的增量是跟哪一年比的")
    assert "2019年（上年度）" in reply and "第三条第（一）项" in reply


def test_pure_increment_is_the_first_year_only():
    reply = ask("我们前年新成立 第一年按纯增量拿了奖 今年是第二年 还能按纯增量算吗")
    assert reply.startswith("不能") and "首年" in reply and "对比上年度" in reply


def test_offshore_is_converted_at_the_execution_years_rate():
    reply = ask("离岸业务是2023年执行的 2024年才申报 折算人民币用哪一年的汇率")
    assert reply.startswith("按2023年（业务执行年度）") and "上年度（2022年）" in reply
    assert "2024年的" not in reply
