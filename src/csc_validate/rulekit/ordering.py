"""Orders a child's records so that the order of rows in a file never decides a finding."""

import polars as pl

# Columns the engine adds (position, line, file, element) and the ones a rule derives from them
# (`prev__row`, `usual_row`): they change when the same records are written in another order.
_POSITIONAL = ("^_.*$", "^.*_row$")


def by_content() -> pl.Expr:
    """A sort key made of every value the row holds, for the last tie-break when rows are ordered.

    Rows that tie on every field DfE's wording orders by are then ordered by what they hold, never
    by where they stand in the file, so a re-extract in another row order gives the same findings.
    Rows that tie on this key too hold the same values, so either may be taken.
    """
    values = pl.all().exclude(*_POSITIONAL).cast(pl.String).fill_null("\x00")
    return pl.concat_str(values, separator="\x1f")
