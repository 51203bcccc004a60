"""The note for blank rows between a table's rows: they are skipped, and said, so that the rows
in a file are always the rows read plus the rows a note names."""

from collections.abc import Iterable


def note(where: str, word: str, blank: Iterable[int], last_row: int | None) -> list[str]:
    """One note naming the blank rows (or lines) before the last row that holds values.

    Blank ones after it are the end of the file or sheet, as spreadsheets save it, not rows.
    """
    inside = sorted(number for number in blank if last_row is not None and number < last_row)
    if not inside:
        return []
    plural = len(inside) > 1
    return [
        f"{where}: {word}{'s' if plural else ''} {spans(inside)} "
        f"{'are' if plural else 'is'} blank and {'were' if plural else 'was'} skipped"
    ]


def spans(numbers: list[int]) -> str:
    """Sorted numbers as runs: 4, 9-12, 20."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
