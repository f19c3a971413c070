"""Vietnamese text handling for Loa. Pure Python (standard library only, no web framework), no I/O.

Every piece of Vietnamese text that is stored, compared or searched goes through here.
"""

from loa.text.folding import compact_key, fold, search_key, strip_diacritics, syllables
from loa.text.legacy import (
    LegacyEncoding,
    convert_legacy,
    detect_legacy_encoding,
    encode_legacy,
    repair_encoding,
)
from loa.text.letters import VIETNAMESE_LETTERS
from loa.text.normalization import normalize, normalize_line

__all__ = [
    "VIETNAMESE_LETTERS",
    "LegacyEncoding",
    "compact_key",
    "convert_legacy",
    "detect_legacy_encoding",
    "encode_legacy",
    "fold",
    "normalize",
    "normalize_line",
    "repair_encoding",
    "search_key",
    "strip_diacritics",
    "syllables",
]
