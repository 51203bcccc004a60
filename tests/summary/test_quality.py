"""The data-quality context: children with errors in the fields a figure reads."""

from pathlib import Path
from types import SimpleNamespace

from csc_validate.findings import Finding
from csc_validate.severity import Severity
from csc_validate.summary.quality import ErrorIndex


def _finding(rule: str, child: str, table: str, fields: tuple[str, ...], severity=Severity.ERROR):
    return Finding(
        rule=rule,
        severity=severity,
        message="m",
        table=table,
        row=0,
        line=2,
        child=child,
        fields=fields,
        values={},
        file="e.csv",
    )


def test_children_counted_once_across_fields_unreadable_said_and_queries_left_out() -> None:
    report = SimpleNamespace(
        findings=[
            _finding("CSC001", "1", "Episodes", ("DECOM",)),
            _finding("103", "1", "Episodes", ("DEC", "REC")),
            _finding("355", "2", "Episodes", ("DEC",)),
            _finding("8569Q", "3", "Episodes", ("DEC",), Severity.QUERY),
            _finding("101", "4", "Header", ("SEX",)),  # a field the figure does not read
            _finding("102", "5", "Episodes_last", ("DEC",)),  # last year's table
        ]
    )
    index = ErrorIndex(report)  # type: ignore[arg-type]
    uses = [("Episodes", "DECOM"), ("Episodes", "DEC")]
    assert index.note(uses) == (
        "2 children with errors in Episodes DECOM, DEC (1 with unreadable values)"
    )
    assert index.note([("Episodes", "LS")]) == ""
    assert ErrorIndex(None).note(uses) == ""


def test_an_output_naming_a_file_of_the_return_is_refused(tmp_path: Path) -> None:
    from tests.summary.test_outputs import run

    source = tmp_path / "episodes.csv"
    source.write_text("CHILD\n")
    # Refused before the return is read: a file that is no return still names the clash.
    result = run(str(source), "--output", str(source))
    assert result.returncode == 2
    assert "only reads and never overwrites" in result.stderr
    assert "Traceback" not in result.stderr
    assert source.read_text() == "CHILD\n"


def test_unreadable_dates_are_context_not_a_crash(extract) -> None:
    from csc_validate import schemas
    from csc_validate.check import check_with_tables
    from csc_validate.summary.compute import summarise
    from tests.conftest import episodes_csv, header_csv

    folder = extract(
        {
            "h.csv": header_csv("1,1,01/01/2015,WBRI,,,", "2,2,01/01/2014,WBRI,,,"),
            "e.csv": episodes_csv(
                "1,01/05/2025,S,C2,N1,U1,PR1,,,,,,",
                "2,01/05/2025,S,C2,N1,U1,PR1,31/02/2026,E4A,,,,",  # no 31 February
            ),
        }
    )
    report, tables = check_with_tables([folder], partial=True)
    summary = summarise(tables, schemas.load(tables.collection, tables.year), report)
    headline = next(e for e in summary.headlines() if e.id == "ceased_in_year")
    assert headline.value == 0  # the unreadable ending cannot be placed in the year
    assert headline.data_quality is not None
    assert headline.data_quality.startswith("1 child with errors in Episodes DEC")
    # Tables the extract lacks leave their figures out, said once each.
    assert any(item.startswith("care_leavers:") for item in summary.left_out)
