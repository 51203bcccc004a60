"""The synthetic SSDA903 generator: deterministic, shaped like each year's schema, coherent."""

import datetime as dt
import itertools
from functools import cache

import polars as pl
import pytest
import typer
from typer.testing import CliRunner

from csc_validate import schemas
from csc_validate.cli.example_data import example_data
from csc_validate.collections.ssda903.synthetic.returns import (
    FILE_NAMES,
    SyntheticReturn,
    generate,
    write,
)
from csc_validate.periods import parse_year, previous_year
from csc_validate.schemas import ColumnType

YEARS = ("2023-24", "2024-25", "2025-26", "2026-27")


@cache
def clean(year: str, seed: int = 3, children: int = 150) -> SyntheticReturn:
    return generate(children, seed, year, error_rate=0)


def both_years(result: SyntheticReturn) -> list[tuple[str, dict[str, pl.DataFrame]]]:
    return [(result.year, result.current), (previous_year(result.year), result.previous)]


def schema_tables(year: str) -> dict[str, schemas.TableSchema]:
    if year in schemas.available_years("ssda903"):
        return schemas.load("ssda903", year).tables
    # 2022-23 has no schema of its own: the oldest year's tables, before social workers came in.
    oldest = schemas.load("ssda903", schemas.available_years("ssda903")[0]).tables
    return {name: table for name, table in oldest.items() if name != "SWEpisodes"}


def test_the_same_seed_gives_the_same_frames_and_another_seed_does_not():
    first, again = generate(120, 7, "2025-26", 0.1), generate(120, 7, "2025-26", 0.1)
    other = generate(120, 8, "2025-26", 0.1)
    for name, frame in first.current.items():
        assert frame.equals(again.current[name])
        assert first.previous[name].equals(again.previous[name])
    assert first.mistakes == again.mistakes
    assert not first.current["Episodes"].equals(other.current["Episodes"])


@pytest.mark.parametrize("year", YEARS)
def test_tables_and_columns_are_the_schemas_in_order(year):
    result = clean(year)
    for folder, tables in both_years(result):
        expected = schema_tables(folder)
        assert list(tables) == list(expected)
        for name, frame in tables.items():
            assert tuple(frame.columns) == expected[name].file_columns
            assert all(dtype == pl.String for dtype in frame.dtypes)


@pytest.mark.parametrize("year", YEARS)
def test_every_coded_column_holds_codes_from_that_years_lists(year):
    known = schemas.available_years("ssda903")
    for folder, tables in both_years(clean(year)):
        codes = schemas.load("ssda903", folder if folder in known else known[0]).codes
        for name, frame in tables.items():
            for column in schema_tables(folder)[name].columns:
                if column.codes and not column.derived:
                    values = set(frame[column.name].drop_nulls())
                    assert values <= set(codes[column.codes]), (folder, name, column.name)
        assert set(tables["Header"]["SEX"]) <= set(codes["SEX_MALE"] + codes["SEX_FEMALE"])


def test_upns_have_dfe_check_letters_and_are_unique():
    upns = clean("2025-26").current["Header"]["UPN"]
    real = [upn for upn in upns if not upn.startswith("UN")]
    assert real and len(set(real)) == len(real)
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    for upn in real:
        weighted = sum(int(c) * w for w, c in zip(range(2, 14), upn[1:], strict=True))
        assert upn[0] == letters[weighted % 23]
    assert set(upns) - set(real) <= {"UN1", "UN2", "UN3", "UN4", "UN5"}


def test_dolo_is_written_from_2026_27_only():
    assert "DoLo" in clean("2026-27").current
    assert "DoLo" not in clean("2026-27").previous
    for year in YEARS[:-1]:
        assert "DoLo" not in clean(year).current
    assert clean("2026-27", seed=4, children=400).current["DoLo"].height > 0


def test_the_header_has_each_child_once_and_as_many_as_asked():
    header = clean("2025-26").current["Header"]
    assert header.height == 150
    assert header["CHILD"].n_unique() == 150


@pytest.mark.parametrize("year", YEARS)
def test_clean_episodes_chain_within_a_period_and_never_overlap(year):
    for _, tables in both_years(clean(year)):
        episodes = (
            tables["Episodes"]
            .with_columns(pl.col("DECOM", "DEC").str.strptime(pl.Date, "%d/%m/%Y"))
            .sort("CHILD", "DECOM")
        )
        for _, rows in episodes.group_by("CHILD", maintain_order=True):
            chain = rows.to_dicts()
            assert all(e["DEC"] is not None for e in chain[:-1])
            for before, after in itertools.pairwise(chain):
                assert before["DECOM"] < before["DEC"]
                if after["RNE"] == "S":
                    assert before["REC"] != "X1" and before["DEC"] < after["DECOM"]
                else:
                    assert before["REC"] == "X1" and before["DEC"] == after["DECOM"]


@pytest.mark.parametrize("year", YEARS)
def test_every_clean_date_reads_as_dd_mm_yyyy(year):
    for folder, tables in both_years(clean(year)):
        for name, frame in tables.items():
            for column in schema_tables(folder)[name].columns:
                if column.derived:
                    continue
                values = frame[column.name].drop_nulls()
                if column.type is ColumnType.DATE:
                    parsed = values.str.strptime(pl.Date, "%d/%m/%Y", strict=False)
                    assert parsed.null_count() == 0, (folder, name, column.name)
                    assert values.str.contains(r"^\d{2}/\d{2}/\d{4}$").all()
                elif column.type is ColumnType.PARTIAL_DATE:
                    assert values.str.contains(r"^(\d{2}|ZZ)/(\d{2}|ZZ)/\d{4}$").all()


def test_clean_episodes_fall_inside_their_year_and_last_year_ends_open_where_this_continues():
    result = clean("2025-26")
    period = parse_year("2025-26")
    episodes = result.current["Episodes"].with_columns(
        pl.col("DECOM", "DEC").str.strptime(pl.Date, "%d/%m/%Y")
    )
    assert episodes["DECOM"].max() <= period.end
    assert episodes["DEC"].drop_nulls().max() <= period.end
    first = episodes.sort("DECOM").group_by("CHILD").first()
    last_year = result.previous["Episodes"].filter(pl.col("DEC").is_null())
    carried = first.filter(pl.col("DECOM") < period.start).select(
        "CHILD",
        pl.col("DECOM").dt.strftime("%d/%m/%Y"),
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "URN",
    )
    assert carried.height > 0
    assert carried.sort("CHILD").equals(
        last_year.select(carried.columns)
        .filter(pl.col("CHILD").is_in(carried["CHILD"].implode()))
        .sort("CHILD")
    )


def test_children_keep_their_details_from_one_year_to_the_next():
    result = clean("2025-26")
    joined = result.current["Header"].join(result.previous["Header"], on="CHILD", suffix="_last")
    assert joined.height > 0
    for field in ("SEX", "DOB", "ETHNIC"):
        assert (joined[field] == joined[f"{field}_last"]).all()


def test_no_mistakes_at_error_rate_zero_and_some_for_every_child_at_one():
    assert clean("2025-26").mistakes == []
    dirty = generate(150, 3, "2025-26", error_rate=1)
    children = set(clean("2025-26").current["Header"]["CHILD"])
    assert {m.child for m in dirty.mistakes} == children
    assert all(m.table in dirty.current and m.detail for m in dirty.mistakes)


def test_children_without_mistakes_are_left_as_they_were():
    dirty = generate(150, 3, "2025-26", error_rate=0.3)
    touched = {m.child for m in dirty.mistakes}
    assert 30 <= len(touched) <= 60
    for name, frame in clean("2025-26").current.items():
        untouched = pl.col("CHILD").is_in(list(touched)).not_()
        assert frame.filter(untouched).equals(dirty.current[name].filter(untouched))


def test_recorded_mistakes_change_the_value_they_describe():
    dirty = generate(150, 3, "2025-26", error_rate=1)
    before = clean("2025-26").current
    for mistake in dirty.mistakes:
        if mistake.kind == "duplicate_header":
            assert dirty.current["Header"].filter(pl.col("CHILD") == mistake.child).height == 2
            continue
        mine = pl.col("CHILD") == mistake.child
        assert (
            not dirty.current[mistake.table].filter(mine).equals(before[mistake.table].filter(mine))
        ), mistake


def test_write_puts_one_csv_per_table_in_each_years_folder(tmp_path):
    result = clean("2026-27")
    written = write(result, tmp_path, "2026-27")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        [f"2026-27/{FILE_NAMES[name]}" for name in result.current]
        + [f"2025-26/{FILE_NAMES[name]}" for name in result.previous]
    )
    episodes = (tmp_path / "2026-27" / "episodes.csv").read_bytes()
    assert not episodes.startswith(b"\xef\xbb\xbf") and b"\r\n" not in episodes
    assert pl.read_csv(tmp_path / "2026-27" / "episodes.csv", infer_schema=False).equals(
        result.current["Episodes"]
    )
    assert write(result, tmp_path, "2026-27") == written  # rewriting gives the same files
    with pytest.raises(ValueError, match="2026-27"):
        write(result, tmp_path, "2025-26")


def test_generate_refuses_impossible_arguments():
    with pytest.raises(ValueError, match="error_rate"):
        generate(10, 1, "2025-26", error_rate=1.5)
    with pytest.raises(LookupError):
        generate(10, 1, "2019-20")


def test_the_command_writes_both_years_and_refuses_unknown_collections(tmp_path):
    app = typer.Typer()
    app.command()(example_data)
    runner = CliRunner()
    arguments = ["ssda903", "--children", "40", "--error-rate", "0", "--out", str(tmp_path)]
    done = runner.invoke(app, arguments)
    assert done.exit_code == 0, done.output
    assert pl.read_csv(tmp_path / "2025-26" / "header.csv").height == 40
    assert (tmp_path / "2024-25" / "sw_episodes.csv").is_file()
    assert "header.csv: Header, 40 rows" in done.output
    refused = runner.invoke(app, ["lac", "--out", str(tmp_path)])
    assert refused.exit_code == 2 and "ssda903" in refused.output


def test_ages_look_like_real_data():
    header = clean("2025-26", seed=5, children=600).current["Header"]
    ages = header.select(
        (
            (
                pl.lit(dt.date(2026, 3, 31)) - pl.col("DOB").str.strptime(pl.Date, "%d/%m/%Y")
            ).dt.total_days()
            / 365.25
        ).alias("age")
    )["age"]
    assert ages.min() >= 0 and ages.max() < 21
    assert 0.3 < (ages >= 10).mean() < 0.8  # many teenagers
    assert (ages < 1).sum() > 0  # and some babies
