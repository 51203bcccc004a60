"""Year-to-date checks (`--as-at`): the period, each rule's mid-year behaviour on both sides of its
boundary, and the goal that a clean return cut at any day gives no error its full year does not."""

import datetime as dt
import io
from functools import cache
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from csc_validate import as_at, atomic, collections, engine, packs, schemas
from csc_validate.check import check
from csc_validate.cli.app import app
from csc_validate.collections.cin import synthetic as cin_synthetic
from csc_validate.collections.cin.synthetic.cut import cut as cut_census
from csc_validate.collections.ssda903.synthetic import returns
from csc_validate.collections.ssda903.synthetic.cut import cut as cut_return
from csc_validate.errors import RuleDefinitionError, UsageError
from csc_validate.findings import NOT_YET_DUE, Report
from csc_validate.rulekit.cases import Case, table
from csc_validate.rulekit.rule import MidYear
from csc_validate.testing import build_references, build_tables

YEAR = "2025-26"
CUT_DAYS = (dt.date(2025, 6, 30), dt.date(2025, 9, 30), dt.date(2025, 12, 31))

# -- the period ---------------------------------------------------------------------------------


def test_the_period_runs_from_the_collection_years_start_to_the_as_at_day() -> None:
    whole = collections.period("ssda903", YEAR)
    assert (whole.start, whole.end, whole.as_at) == (
        dt.date(2025, 4, 1),
        dt.date(2026, 3, 31),
        None,
    )
    cut = collections.period("cin", YEAR, dt.date(2025, 9, 30))
    assert (cut.start, cut.end, cut.year_end) == (
        dt.date(2025, 4, 1),
        dt.date(2025, 9, 30),
        dt.date(2026, 3, 31),
    )
    assert cut.as_at == dt.date(2025, 9, 30)
    # The year's last day is the whole year; its first day is a one-day check.
    assert collections.period("ssda903", YEAR, dt.date(2026, 3, 31)).as_at is None
    assert collections.period("ssda903", YEAR, dt.date(2025, 4, 1)).as_at == dt.date(2025, 4, 1)


@pytest.mark.parametrize("day", [dt.date(2025, 3, 31), dt.date(2026, 4, 1)])
def test_an_as_at_day_outside_the_year_is_refused(day: dt.date) -> None:
    with pytest.raises(UsageError, match="not in the 2025-26 collection year"):
        collections.period("ssda903", YEAR, day)


def test_the_period_is_the_collections_not_a_global_one(monkeypatch) -> None:
    """A collection whose year ends on 30 September (as the workforce census would) says so."""
    from csc_validate.periods import Period

    def to_september(year: str) -> Period:
        first = int(year[:4])
        return Period(year=year, start=dt.date(first - 1, 10, 1), end=dt.date(first, 9, 30))

    chosen = collections.get("cin")
    monkeypatch.setitem(
        collections.registry(), "cin", type(chosen)(**{**vars(chosen), "period": to_september})
    )
    assert collections.period("cin", YEAR).end == dt.date(2025, 9, 30)
    assert schemas.load("cin", YEAR).period.start == dt.date(2024, 10, 1)
    assert collections.period("cin", YEAR, dt.date(2025, 3, 31)).as_at == dt.date(2025, 3, 31)


@pytest.mark.parametrize("text", ["30/09/2025", "2025-09-30", " 30/09/2025 "])
def test_as_at_takes_both_spellings_through_the_one_date_reader(text: str) -> None:
    assert as_at.read(text) == dt.date(2025, 9, 30)


@pytest.mark.parametrize("text", ["31/09/2025", "30/9/2025", "2025/09/30", "30-09-2025", "", "x"])
def test_as_at_refuses_anything_else(text: str) -> None:
    with pytest.raises(UsageError, match="--as-at"):
        as_at.read(text)


# -- each rule's mid-year behaviour, on both sides of its boundary -----------------------------


def _episodes(*rows: list[str]):
    return table(["CHILD", "DECOM", "DEC", "LS", "PLACE"], *rows)


# (collection, rule code, cases as at a day): a case a day earlier or later flags otherwise.
JUDGED_AS_AT = [
    (
        "ssda903",
        "359",
        [
            Case(
                name,
                period=YEAR,
                as_at=day,
                tables={
                    "Header": table(["CHILD", "DOB"], ["1", "01/10/2007"]),
                    "Episodes": _episodes(["1", "01/01/2024", "", "C2", "U1"]),
                },
                flagged={"Episodes": flagged},
            )
            for name, day, flagged in (
                ("18 on 1 October: not yet 18 as at 30 September", "30/09/2025", []),
                ("turning 18 on the day is not after the birthday", "01/10/2025", []),
                ("as at the day after the 18th birthday", "02/10/2025", [0]),
            )
        ],
    ),
    (
        "ssda903",
        "365",
        [
            Case(
                name,
                period=YEAR,
                as_at=day,
                tables={"Episodes": _episodes(["1", "01/09/2025", "", "V3", "U1"])},
                flagged={"Episodes": flagged},
            )
            for name, day, flagged in (
                ("an open short break runs to the as-at day: 17 days", "18/09/2025", []),
                ("18 days as at the next day", "19/09/2025", [0]),
            )
        ],
    ),
    (
        "ssda903",
        "367",
        [
            Case(
                name,
                period=YEAR,
                as_at=day,
                tables={"Episodes": _episodes(["1", "01/06/2025", "", "V3", "U1"])},
                flagged={"Episodes": flagged},
            )
            for name, day, flagged in (
                ("short breaks counted to the as-at day: 75 days", "15/08/2025", []),
                ("76 days as at the next day", "16/08/2025", [0]),
            )
        ],
    ),
    (
        "ssda903",
        "SW11bSTG2",
        [
            Case(
                name,
                period=YEAR,
                as_at=day,
                tables={
                    "Episodes": table(
                        ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                        ["1", "01/01/2020", "S", "C2", "", ""],
                    ),
                    "SWEpisodes": table(
                        ["CHILD", "SW_DECOM", "SW_DEC"], ["1", "01/05/2025", "20/09/2025"]
                    ),
                },
                flagged={"SWEpisodes": flagged},
            )
            for name, day, flagged in (
                ("a social worker leaving on the as-at day is not yet a gap", "20/09/2025", []),
                ("no social worker the day after", "21/09/2025", [0]),
            )
        ],
    ),
    (
        "ssda903",
        "602",
        [
            Case(
                name,
                period=YEAR,
                as_at=day,
                tables={
                    "Episodes": table(["CHILD", "DEC", "REC"], ["1", "15/10/2025", "E11"]),
                    "AD1": table(["CHILD", "DATE_INT", "NB_ADOPTR"], ["1", "01/01/2025", "1"]),
                },
                flagged={"AD1": flagged},
            )
            for name, day, flagged in (
                ("an adoption after the as-at day is not in the period", "14/10/2025", [0]),
                ("an adoption on the as-at day is", "15/10/2025", []),
            )
        ],
    ),
    (
        "cin",
        "8670Q",
        [
            Case(
                name,
                period=YEAR,
                as_at=day,
                tables={
                    "Assessments": table(
                        ["LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate"],
                        ["A", "1", "1", "2025-07-28"],
                    )
                },
                flagged={"Assessments": flagged},
            )
            for name, day, flagged in (
                ("open for 45 working days as at 30 September 2025", "30/09/2025", []),
                ("open for 46 working days as at 1 October", "01/10/2025", [0]),
            )
        ],
    ),
    (
        "cin",
        "8675Q",
        [
            Case(
                name,
                period=YEAR,
                as_at=day,
                tables={
                    "Section47": table(
                        ["LAchildID", "CINdetailsID", "S47ActualStartDate", "ICPCnotRequired"],
                        ["A", "1", "2025-09-09", "false"],
                    )
                },
                flagged={"Section47": flagged},
            )
            for name, day, flagged in (
                ("no conference 15 working days after the enquiry began", "30/09/2025", []),
                ("no conference 16 working days after", "01/10/2025", [0]),
            )
        ],
    ),
]


def _judged_cases() -> list:
    return [
        pytest.param(collection, code, case, id=f"{collection}/{code}/{case.slug}")
        for collection, code, cases in JUDGED_AS_AT
        for case in cases
    ]


def _run(collection: str, code: str, case: Case) -> engine.RunResult:
    rule = packs.load(collection, YEAR).rules[code]
    schema = schemas.load(collection, YEAR)
    tables = build_tables(case, collection, YEAR)
    references = build_references(case, collection, tables)
    return engine.run([rule], tables, schema, case.period_for(YEAR, collection), references)


@pytest.mark.parametrize(("collection", "code", "case"), _judged_cases())
def test_a_rule_judged_as_at_the_day(collection: str, code: str, case: Case) -> None:
    assert packs.load(collection, YEAR).rules[code].mid_year is MidYear.AS_AT
    result = _run(collection, code, case)
    assert not result.crashes and not result.skipped
    flagged = {hit.table: sorted(hit.rows.to_list()) for hit in result.hits}
    assert flagged == {name: list(rows) for name, rows in case.flagged.items() if rows}


def _not_yet_due() -> list:
    return [
        pytest.param(collection, year, code, id=f"{collection}/{year}/{code}")
        for collection in packs.collections()
        for year in packs.years(collection)
        for code in packs.load(collection, year).not_yet_due
    ]


@pytest.mark.parametrize(("collection", "year", "code"), _not_yet_due())
def test_a_rule_about_the_year_end_tables_is_not_yet_due_until_the_last_day(
    collection: str, year: str, code: str
) -> None:
    rule = packs.load(collection, year).rules[code]
    assert rule.mid_year is MidYear.NOT_YET_DUE and packs.YEAR_END_TAG in rule.tags
    case = rule.cases[0]
    whole = case.period_for(year, collection)
    schema = schemas.load(collection, year)
    tables = build_tables(case, collection, year)
    references = build_references(case, collection, tables)
    day_before = whole.up_to(whole.year_end - dt.timedelta(days=1))
    early = engine.run([rule], tables, schema, day_before, references)
    assert [s.reason for s in early.skipped] == [f"{NOT_YET_DUE} as at {day_before.end:%d/%m/%Y}"]
    assert not early.hits
    on_the_day = engine.run([rule], tables, schema, whole.up_to(whole.year_end), references)
    assert not any(s.reason.startswith(NOT_YET_DUE) for s in on_the_day.skipped)


def test_every_rule_reading_a_year_end_table_declares_its_mid_year_behaviour() -> None:
    for year in packs.years("ssda903"):
        pack = packs.load("ssda903", year)
        assert pack.year_end_tables == ("OC2", "OC3")
        reading = {
            code
            for code, rule in pack.rules.items()
            if {t.removesuffix("_last") for t in rule.tables} & {"OC2", "OC3"}
        }
        assert reading <= set(pack.not_yet_due) | set(pack.judged_as_at)
        assert not set(pack.not_yet_due) & set(pack.judged_as_at)


def test_an_undeclared_rule_on_a_year_end_table_stops_the_pack(monkeypatch) -> None:
    pack = packs.load("ssda903", YEAR)
    rules = {code: pack.rules[code] for code in ("191", "165")}
    config = {"mid_year": {"year_end_tables": ["OC2", "OC3"], "not_yet_due": ["191"]}}
    with pytest.raises(RuleDefinitionError, match="165 read a year-end table"):
        packs._not_yet_due(Path("pack.toml"), config, rules, None)
    config["mid_year"]["not_yet_due"] = ["191", "999"]
    with pytest.raises(RuleDefinitionError, match="999"):
        packs._not_yet_due(Path("pack.toml"), config, rules, None)


# -- the goal: a clean return cut at a day gives no error its full year does not -----------------


def _errors(report: Report) -> set[tuple[str, str | None]]:
    return {(f.rule, f.child) for f in report.findings if f.severity.value == "error"}


@cache
def _ssda903(folder: Path) -> tuple[returns.SyntheticReturn, Report]:
    result = returns.generate(120, 11, YEAR, 0)
    _write(result.current, folder / "full")
    _write(result.previous, folder / "previous")
    return result, check([folder / "full"], [folder / "previous"], la="383")


def _write(tables, folder: Path) -> None:
    for name, frame in tables.items():
        buffer = io.BytesIO()
        frame.write_csv(buffer)
        atomic.write_bytes(folder / returns.FILE_NAMES[name], buffer.getvalue())


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("as_at")


@pytest.mark.parametrize("day", CUT_DAYS, ids=str)
def test_an_ssda903_extract_as_at_its_day_has_no_error_the_full_year_lacks(workspace, day) -> None:
    result, full = _ssda903(workspace)
    assert full.as_at == "" and full.rules_run > 200
    folder = workspace / str(day)
    _write(cut_return(result.current, day), folder)
    report = check([folder], [workspace / "previous"], la="383", as_at_day=day)
    assert report.as_at == f"{day:%d/%m/%Y}" and report.period_end == report.as_at
    assert _errors(report) - _errors(full) == set()
    assert any(note.startswith(f"{NOT_YET_DUE} as at") for note in report.notes)


def test_a_year_to_date_extract_checked_as_a_full_year_is_told_of_as_at(workspace) -> None:
    _ssda903(workspace)
    day = CUT_DAYS[1]
    folder = workspace / f"{day}-note"
    _write(cut_return(_ssda903(workspace)[0].current, day), folder)
    report = check([folder], [workspace / "previous"], la="383")
    # Judged as a whole year, the extract has errors that are not errors on its day.
    assert _errors(report) - _errors(_ssda903(workspace)[1])
    notes = [note for note in report.notes if "--as-at" in note]
    assert len(notes) == 1 and "well before the year ends on 31/03/2026" in notes[0]
    full = check([workspace / "full"], [workspace / "previous"], la="383", select=["101"])
    assert not [note for note in full.notes if "--as-at" in note]


@pytest.mark.parametrize("day", (dt.date(2025, 5, 1), *CUT_DAYS), ids=str)
def test_a_cin_extract_is_checked_as_at_its_reference_date(workspace, day) -> None:
    census = cin_synthetic.generate(120, 11, YEAR, 0)
    (workspace / "census.xml").write_bytes(census.xml)
    full = check([workspace / "census.xml"])
    path = workspace / f"census-{day}.xml"
    path.write_bytes(cut_census(census, day))
    report = check([path])
    assert report.as_at == f"{day:%d/%m/%Y}"
    assert report.as_at_source == f"the header's ReferenceDate is {day:%d/%m/%Y}"
    assert _errors(report) - _errors(full) == set()
    assert _errors(check([path], as_at_day=day)) - _errors(full) == set()


# -- the command line ---------------------------------------------------------------------------


def test_check_as_at_outside_the_year_and_export_as_at_are_refused(workspace) -> None:
    _ssda903(workspace)
    runner = CliRunner()
    outside = runner.invoke(
        app, ["check", str(workspace / "full"), "--as-at", "2026-04-01", "--select", "101"]
    )
    assert isinstance(outside.exception, UsageError), outside.output
    assert "not in the 2025-26 collection year" in str(outside.exception)
    export = runner.invoke(
        app,
        [
            "export",
            "ssda903",
            str(workspace / "full"),
            "-o",
            str(workspace / "r.xml"),
            "--as-at",
            "x",
        ],
    )
    assert isinstance(export.exception, UsageError) and "whole year" in str(export.exception)
    assert not (workspace / "r.xml").exists()


def test_the_terminal_heading_says_as_at(workspace) -> None:
    _ssda903(workspace)
    day = CUT_DAYS[0]
    folder = workspace / f"{day}-cli"
    _write(cut_return(_ssda903(workspace)[0].current, day), folder)
    result = CliRunner().invoke(
        app,
        ["check", str(folder), "--as-at", "30/06/2025", "--select", "101,191", "--partial"],
        terminal_width=200,
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "(01/04/2025 to 30/06/2025) · as at 30/06/2025" in said
    assert "not yet due as at 30/06/2025: 1 rule that judges the year at its end" in said


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(offset=st.integers(min_value=0, max_value=363))
def test_any_cut_day_gives_no_error_the_full_year_lacks(workspace, offset: int) -> None:
    """The goal on days hypothesis picks, not only the quarter ends."""
    result, full = _ssda903(workspace)
    day = dt.date(2025, 4, 1) + dt.timedelta(days=offset)
    folder = workspace / f"any-{day}"
    _write(cut_return(result.current, day), folder)
    report = check([folder], [workspace / "previous"], la="383", as_at_day=day)
    assert _errors(report) - _errors(full) == set()


def test_export_refuses_a_census_extract_dated_before_the_year_end(workspace) -> None:
    census = cin_synthetic.generate(40, 3, YEAR, 0)
    path = workspace / "export-cut.xml"
    path.write_bytes(cut_census(census, dt.date(2025, 9, 30)))
    out = workspace / "export-out.xml"
    result = CliRunner().invoke(app, ["export", "cin", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert "the extract is as at 30/09/2025" in " ".join(result.output.split())
    assert not out.exists()


def test_reports_list_a_rule_not_yet_due_once_in_their_notes(workspace) -> None:
    day = CUT_DAYS[0]
    folder = workspace / f"{day}-reports"
    _write(cut_return(_ssda903(workspace)[0].current, day), folder)
    book, page = workspace / "once.xlsx", workspace / "once.html"
    result = CliRunner().invoke(
        app,
        [
            *["check", str(folder), "--as-at", "30/06/2025", "--select", "101,164,191"],
            *["--partial", "-q", "-o", str(book), "-o", str(page)],
        ],
    )
    assert result.exit_code in (0, 1), result.output
    rows = [row for row in openpyxl.load_workbook(book)["Summary"].iter_rows(values_only=True)]
    assert not [row for row in rows if row[0] in ("164", "191")]
    notes = [str(row[1]) for row in rows if row[0] == "note"]
    assert any(note.startswith(NOT_YET_DUE) and "(191)" in note for note in notes)
    assert any("need --la" in note or "needs --la" in note for note in notes if "164" in note)
    html = page.read_text(encoding="utf-8")
    assert "191: skipped" not in html and "164: skipped" not in html
    assert "1 rule that judges the year at its end, run when it has ended (191)" in html
