from __future__ import annotations

from loa.plans.targets import Target, is_training, parse_target


def test_class_targets_are_read():
    assert parse_target("Hằng năm (dự kiến tổ chức 01 lớp/năm)") == Target(1, "lớp", "năm")
    assert str(parse_target("02 lớp tập huấn / năm")) == "02 lớp tập huấn/năm"
    assert parse_target("Thường xuyên") is None
    assert parse_target(None) is None


def test_training_tasks_are_recognised_with_or_without_diacritics():
    assert is_training("Công tác bồi dưỡng, tập huấn", "Tổ chức tập huấn kỹ năng")
    assert is_training(None, "to chuc tap huan cho phong vien")
    assert is_training("Nâng cao năng lực", "…", target="01 lớp/năm")
    assert not is_training(
        "Công khai thông tin", "Thực hiện tốt việc công khai thông tin", target="12 số/năm"
    )
