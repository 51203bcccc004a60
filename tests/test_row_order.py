"""Row order never decides: a return with the rows of every table shuffled gives the same findings.

A re-extract may list the same records in another order, so no rule may let file order break a
tie. Each return below is given extra rows that tie with others on their dates (a copy of a row
with one other value changed), then every table is shuffled with a fixed seed and checked again.
"""

import random
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from csc_validate import collections, engine, packs, schemas
from csc_validate.collections.cin.synthetic import census
from csc_validate.collections.ssda903.synthetic import returns
from csc_validate.locate import locate
from csc_validate.pipeline.load import load
from csc_validate.readers.casting import INTERNAL
from csc_validate.reference import ReferenceRequest, References
from csc_validate.rulekit import Case, table
from csc_validate.tables import PREVIOUS_SUFFIX
from csc_validate.testing import build_tables

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Table name to (columns, rows of text, "" for blank).
TextTables = dict[str, tuple[list[str], list[tuple[str, ...]]]]
Key = tuple[str, str, str | None, tuple[tuple[str, str | None], ...]]


def _as_text(frames: dict[str, pl.DataFrame], suffix: str = "") -> TextTables:
    found: TextTables = {}
    for name, frame in frames.items():
        columns = [c for c in frame.columns if c not in INTERNAL]
        text = frame.select(pl.col(columns).cast(pl.String).fill_null(""))
        found[name + suffix] = (columns, list(text.iter_rows()))
    return found


def _example_903() -> TextTables:
    loaded = load([EXAMPLES / "ssda903" / "2025-26"], previous=[EXAMPLES / "ssda903" / "2024-25"])
    return _as_text({name: table.raw for name, table in loaded.tables.items()})


def _example_cin() -> TextTables:
    loaded = load([EXAMPLES / "cin" / "cin-2025-26.xml"])
    return _as_text({name: table.raw for name, table in loaded.tables.items()})


def _generated_903(year: str) -> TextTables:
    generated = returns.generate(children=30, seed=15, year=year, error_rate=0.3)
    return _as_text(generated.current) | _as_text(generated.previous, PREVIOUS_SUFFIX)


def _generated_cin(year: str, folder: Path) -> TextTables:
    path = folder / "census.xml"
    path.write_bytes(census.generate(children=30, seed=15, year=year, error_rate=0.3).xml)
    loaded = load([path])
    return _as_text({name: table.raw for name, table in loaded.tables.items()})


def _with_ties(tables: TextTables, rng: random.Random) -> TextTables:
    """Each table with about a third of its rows copied, one value (not the key in the first
    column) taken from another row: most copies tie with their original on its dates."""
    tied: TextTables = {}
    for name, (columns, rows) in tables.items():
        copies = []
        for row in rows:
            if len(columns) > 2 and rng.random() < 0.35:
                changed = rng.randrange(1, len(columns))
                copy = list(row)
                copy[changed] = rng.choice(rows)[changed]
                copies.append(tuple(copy))
        tied[name] = (columns, rows + copies)
    return tied


def _shuffled(tables: TextTables, rng: random.Random) -> TextTables:
    return {
        name: (columns, rng.sample(rows, len(rows))) for name, (columns, rows) in tables.items()
    }


def _findings(collection: str, year: str, tables: TextTables) -> Counter[Key]:
    case = Case(
        "shuffled",
        tables={
            name: table(columns, *[list(row) for row in rows])
            for name, (columns, rows) in tables.items()
            # The CSV reader skips a blank line, so a row of blanks cannot be written.
            if rows
        },
    )
    loaded = build_tables(case, collection, year)
    schema = schemas.load(collection, year)
    references = References(
        collections.get(collection).references(ReferenceRequest(la="383"), loaded)
    )
    rules = list(packs.load(collection, year).ordered())
    result = engine.run(rules, loaded, schema, references=references)
    assert result.crashes == []
    return Counter(
        (f.rule, f.table, f.child, tuple(sorted(f.values.items())))
        for f in locate(result.hits, loaded, schema)
    )


RETURNS = ["ssda903 2025-26 example", "ssda903 2026-27", "cin 2025-26 example", "cin 2026-27"]


@pytest.mark.parametrize("source", RETURNS)
def test_the_same_rows_in_another_order_give_the_same_findings(source: str, tmp_path: Path) -> None:
    collection, year = source.split()[:2]
    if source.endswith("example"):
        tables = _example_903() if collection == "ssda903" else _example_cin()
    else:
        tables = _generated_903(year) if collection == "ssda903" else _generated_cin(year, tmp_path)
    tied = _with_ties(tables, random.Random(f"{source}:ties"))
    expected = _findings(collection, year, tied)
    assert expected, "the return should give findings to compare"
    found = _findings(collection, year, _shuffled(tied, random.Random(f"{source}:order")))
    assert found == expected, {
        "only in file order": sorted(expected - found),
        "only shuffled": sorted(found - expected),
    }
