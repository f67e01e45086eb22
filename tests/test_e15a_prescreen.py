"""Pre-screening (e15a): a 第二条 condition volunteered as unmet before the applicant type is told settles the
verdict; facts stated instead of the type are kept, never answered with 「没有理解」."""

from bot.prescreen.session import PrescreenSession


def test_volunteered_unmet_condition_in_the_opening_ends_with_the_verdict():
    s = PrescreenSession.start("帮我们预审一下 我们还没在商务部的服务外包统计系统注册")
    assert "done" == s.step
    assert "enterprise" == s.applicant
    assert ["mofcom_registered"] == s.failing()


def test_facts_instead_of_the_type_are_kept():
    s = PrescreenSession.start("我想做个预审")
    turn = s.handle("我们郑州注册的 商务部统计系统也注册了")
    assert turn.understood and "没有理解" not in "".join(turn.messages)
    assert s.facts.get("mofcom_registered") is True
    assert "applicant" == s.step


def test_unmet_condition_instead_of_the_type_settles_it():
    s = PrescreenSession.start("我想做个预审")
    turn = s.handle("除了商务部系统没注册 其他都没问题")
    assert turn.done and "done" == s.step
    assert "mofcom_registered" in s.failing()
