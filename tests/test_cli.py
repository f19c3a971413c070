from django.utils import translation

from loa.cli import setup_django


def test_commands_speak_vietnamese_whatever_was_active_before():
    translation.activate("en")
    try:
        setup_django()
        assert translation.get_language() == "vi"
    finally:
        translation.deactivate()
