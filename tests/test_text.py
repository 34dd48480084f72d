from decimal import Decimal

import pytest

from budget_portal.text import clean_label, label_key, parse_amount, strip_numbering


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        ("普惠金融 发展支出", "普惠金融发展支出"),  # PDF wrap space between CJK (c.5)
        ("二、政府性基金预 算拨款收入", "二、政府性基金预算拨款收入"),  # a space inside a word
        ("其中：教学 科研人员因公 出国(境)费", "其中：教学科研人员因公出国(境)费"),
        ("一、因公出国 (境)费", "一、因公出国(境)费"),
        ("上解上级     支出", "上解上级支出"),  # DOCX run of spaces
        ("          其他因公出国（境）费", "其他因公出国（境）费"),  # DOCX indentation
        ("流动人员档案管理服务 and 职业介绍", "流动人员档案管理服务 and 职业介绍"),  # c.20
        (" [bookmark: _Toc_2_2_0000000001]部门预算收支总表", "部门预算收支总表"),  # c.9
        ("冀南技师学院(锁定)", "冀南技师学院(锁定)"),  # kept as printed
    ],
)
def test_clean_label_removes_only_wrap_spaces(printed, clean):
    assert clean_label(printed) == clean


def test_label_key_folds_width_forms_and_quotes():
    assert label_key("出国（境）费") == label_key("出国(境)费")
    assert label_key("合　计") == "合计"  # U+3000 inside a label (c.11)
    assert label_key("部门预算财政拨款“三公”经费支出表") == "部门预算财政拨款三公经费支出表"


def test_strip_numbering():
    assert strip_numbering("二十二、国有资本经营预算支出") == "国有资本经营预算支出"
    assert strip_numbering("其中：公务用车购置费") == "公务用车购置费"
    assert strip_numbering("（二十二）国有资本经营预算支出") == "国有资本经营预算支出"


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("36697.83", "36697.83"),
        ("124.4", "124.4"),  # one decimal kept (c.12)
        ("6228.00", "6228.00"),
        ("0", "0"),
        ("３０５８", "3058"),  # full-width digits
        ("1,234.50", "1234.50"),
        (" 0.055 ", "0.055"),
    ],
)
def test_parse_amount_keeps_printed_precision(cell, amount):
    assert str(parse_amount(cell)) == amount
    assert parse_amount(cell) == Decimal(amount)


def test_parse_amount_blank_is_none_and_text_is_an_error():
    assert parse_amount("") is None
    assert parse_amount("  ") is None
    with pytest.raises(ValueError, match="not a number"):
        parse_amount("约5万")
