"""Child ids spelt another way than the children's table spells them: named once per column.

Ids are compared exactly (a rule may never guess that 0107840 is 107840), so a table exported
with ids as numbers (`107840.0`), padded (`0107840`) or through Excel (`1.0784E+11`) leaves rows
that belong to no child. The integrity rules flag the rows; this says why, once per column.
"""

import polars as pl

from csc_validate import subject
from csc_validate.schemas import YearSchema
from csc_validate.tables import PREVIOUS_SUFFIX, LoadedTable

TRAILING_ZERO_FRACTION = r"^\d+\.0+$"
SCIENTIFIC = r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$"
EXAMPLES = 3


def notes(loaded: dict[str, LoadedTable], schema: YearSchema) -> list[str]:
    """One note per table column whose ids differ from the children's only in spelling, or are
    in scientific notation; this year's tables against this year's children, last year's
    against last year's."""
    column = schema.child_column
    children = _children_table(schema)
    who = subject.of(schema.collection).one
    if children is None:
        return []
    found = []
    for suffix in ("", PREVIOUS_SUFFIX):
        reference = loaded.get(children + suffix)
        known = _ids(reference, column) if reference is not None else None
        for name in schema.tables:
            table = loaded.get(name + suffix)
            if table is None or column not in table.typed.columns:
                continue
            ids = _ids(table, column)
            problems = _scientific(ids, column)
            if known is not None and name != children:
                problems = _respelt(ids, known, column, children + suffix, who) + problems
            if problems:
                found.append(f"{table.file}, {column}: " + "; ".join(problems))
    return found


def _children_table(schema: YearSchema) -> str | None:
    """The first table with one row per child (SSDA903's Header): every child's id is there."""
    for name, table in schema.tables.items():
        if tuple(table.key) == (schema.child_column,):
            return name
    return None


def _ids(table: LoadedTable, column: str) -> pl.DataFrame:
    return table.typed.select(pl.col(column)).drop_nulls().unique().sort(column)


def _canonical(column: str) -> pl.Expr:
    """The id as a number would be: no .0 fraction, no leading zeros."""
    text = pl.col(column)
    whole = pl.when(text.str.contains(TRAILING_ZERO_FRACTION))
    whole = whole.then(text.str.replace(r"\.0+$", "")).otherwise(text)
    return (
        pl.when(whole.str.contains(r"^\d+$"))
        .then(whole.str.strip_chars_start("0"))
        .otherwise(whole)
        .alias("canonical")
    )


def _respelt(
    ids: pl.DataFrame, known: pl.DataFrame, column: str, children: str, who: str
) -> list[str]:
    """Ids no child has that equal a child's id but for a .0 or leading zeros."""
    unknown = ids.join(known, on=column, how="anti").with_columns(_canonical(column))
    pairs = unknown.join(
        known.with_columns(_canonical(column)).rename({column: "child"}),
        on="canonical",
        how="inner",
    ).sort(column, "child")
    if pairs.is_empty():
        return []
    fraction = pl.col(column).str.contains(r"\.0+$") | pl.col("child").str.contains(r"\.0+$")
    pairs = pairs.with_columns(
        pl.when(fraction)
        .then(pl.lit("a trailing .0"))
        .otherwise(pl.lit("leading zeros"))
        .alias("spelling")
    )
    by_kind = []
    for (kind,), group in pairs.group_by("spelling", maintain_order=False):
        examples = group.sort(column).head(EXAMPLES).select(column, "child").iter_rows()
        shown = ", ".join(f"{spelt} for {child}" for spelt, child in examples)
        more = ", ..." if group.height > EXAMPLES else ""
        by_kind.append(f"by {kind} ({shown}{more})")
    count = pairs.get_column(column).n_unique()
    return [
        f"{count} {'id differs' if count == 1 else 'ids differ'} from a {children} {who}'s only "
        f"{' or '.join(sorted(by_kind))}; ids are compared exactly, so "
        f"{'its rows belong' if count == 1 else 'their rows belong'} to no {who}"
    ]


def _scientific(ids: pl.DataFrame, column: str) -> list[str]:
    written = ids.filter(pl.col(column).str.contains(SCIENTIFIC)).get_column(column)
    if written.is_empty():
        return []
    shown = ", ".join(written.head(EXAMPLES).to_list()) + (
        ", ..." if written.len() > EXAMPLES else ""
    )
    return [
        f"{written.len()} {'id is' if written.len() == 1 else 'ids are'} in Excel's scientific "
        f"notation ({shown}), which loses the id's digits; export the column as text"
    ]
