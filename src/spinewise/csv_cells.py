"""CSV cells that a spreadsheet cannot run: text starting like a formula is quoted.

OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): a cell whose
text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by
spreadsheet programs; prefixing a single quote makes it text. Numbers are left as they are (a
negative number is a number, not a formula). Every CSV file spinewise writes goes through
:func:`csv_cell`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMULA_START", "csv_cell"]

#: First characters that make a spreadsheet treat a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: empty for ``None``, text neutralised against formulas.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("-2+3"), csv_cell(-2.5), csv_cell(None)
    ("'=HYPERLINK(1)", "'-2+3", -2.5, '')
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
