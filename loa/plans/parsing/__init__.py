"""Pure parser for plans, decisions, directives and official letters (no Django).

from loa.plans.parsing import parse_file, DocumentError
document = parse_file("ke-hoach.docx")   # raises DocumentError with a Vietnamese message
document.to_contract()                   # the JSON shape of `loa plans parse`
"""

from loa.plans.parsing.document import parse_bytes, parse_file
from loa.plans.parsing.errors import DocumentError
from loa.plans.parsing.model import DocumentHeader, ParsedDocument, ParsedTask

__all__ = ["DocumentError", "DocumentHeader", "ParsedDocument", "ParsedTask", "parse_bytes", "parse_file"]
