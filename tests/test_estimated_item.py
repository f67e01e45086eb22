def test_a_part_failing_the_estimated_item_is_that_parts_verdict():
    """R62Q018: beside the 三（七）3 estimate, 「MBA能不能算」 failing 「不包括学历教育」 is the MBA part's verdict, never
    「不能申报」 for the enterprise; another clause's verdict keeps its words."""
    from bot.answers.estimated_item import part_verdict

    said = "结论：不符合第三条第（七）项第3点（鼓励企业开展中、高级专业人才培养）的条件，不能申报。不满足：业务培训，不包括学历教育。"
    out = part_verdict(said, "3.7.3")
    assert out.startswith("您问的这部分不符合第三条第（七）项第3点") and "不能申报" not in out
    assert said == part_verdict(said, "3.6") == part_verdict(said, None)
