"""A pasted 「项目 | 金额(元) | 备注」 table: the value column's bracket gives the unit of its cells, and each row's item
cell names its figure (「CMMI3 认证费 180000」 is CMMI3's fee, never a certificate called 「金额」). No server."""

from decimal import Decimal as D

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import Reader


def read(text):
    return Reader(text, items=detect_items(text)).read().fields


@pytest.mark.parametrize(
    "text, certs",
    [
        (
            "帮我们看下这几项能补多少\n项目\t金额(元)\t备注\nCMMI3 认证费\t180000\t新获得\nITSS 运维二级 年度维护费\t50000\t已有资质的维护",
            [("CMMI3", D("180000")), ("ITSS", D("50000"))],
        ),
        (
            "资质补贴算一下\n名称\t金额（万元）\nCMMI5认证费\t40\nPCMM认证费\t12",
            [("CMMI5", D("400000")), ("PCMM", D("120000"))],
        ),
        (
            "新认证的 能补多少\n项目 | 数额(元)\nCCRC 认证费 | 90000\nISO27001 认证费 | 60000",
            [("CCRC", D("90000")), ("ISO27001", D("60000"))],
        ),
    ],
)
def test_each_row_names_its_certificate(text, certs):
    """Name and yuan figure of each row, the bracket's unit applied."""
    assert certs == [(c["name"], D(str(c["cost_cny"]))) for c in read(text)["certifications"]]
