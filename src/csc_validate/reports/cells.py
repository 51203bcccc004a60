"""Formula safety: a value a spreadsheet would run as a formula is written as text."""

# Excel, LibreOffice and Google Sheets start a formula at any of these (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def csv_text(value: str) -> str:
    """A CSV cell: a leading apostrophe makes a spreadsheet read a formula-like value as text."""
    return "'" + value if is_formula_like(value) else value
