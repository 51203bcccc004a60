"""`csc-validate summary` end to end: every format from one run, the same bytes twice."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from csc_validate.as_at import read as read_as_at
from csc_validate.errors import UsageError
from csc_validate.rulekit.cases import table
from csc_validate.summary.outputs import csv_table, html_page, json_document, terminal, workbook
from tests.summary.helpers import summary_of
from tests.summary.test_ssda903_figures import _return

EXAMPLES = Path(__file__).parents[2] / "examples"
REQUIRED = {"id", "label", "counts", "value", "breakdown", "previous", "definition"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "csc_validate", "summary", "-q", *args],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ),
    )


def test_every_format_from_one_run(tmp_path: Path) -> None:
    names = ("s.json", "s.csv", "s.xlsx", "s.html", "s.txt")
    args = [
        str(EXAMPLES / "ssda903" / "2025-26"),
        "-p",
        str(EXAMPLES / "ssda903" / "2024-25"),
        "--la",
        "383",
    ]
    first = tmp_path
    outputs = [item for name in names for item in ("-o", str(first / name))]
    result = run(*args, *outputs)
    assert result.returncode == 0, result.stderr

    figures = json.loads((first / "s.json").read_text())["figures"]
    assert all(set(entry) >= REQUIRED for entry in figures)
    ids = {entry["id"] for entry in figures}
    assert {"looked_after_on_31_march", "started_in_year", "ceased_in_year"} <= ids
    headline = next(e for e in figures if e["id"] == "looked_after_on_31_march")
    assert headline["breakdown"] is None and headline["counts"] == "children"
    assert headline["previous"]["value"] is not None
    assert "children with errors in Episodes" in headline["data_quality"]
    assert any(
        e["id"] == "looked_after_on_31_march" and e["breakdown"] == {"legal_status": "C2"}
        for e in figures
    )
    # With the council's code, placements are inside or outside it, near or far.
    assert "placed_more_than_20_miles" in ids
    assert any(e["breakdown"] == {"locality": "OUT"} for e in figures)
    rows = list(csv.DictReader(io.StringIO((first / "s.csv").read_text())))
    assert len(rows) == len(figures)
    book = openpyxl.load_workbook(first / "s.xlsx")
    assert book.sheetnames == ["Figures", "Breakdowns", "Definitions"]
    page = (first / "s.html").read_text()
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in page


def test_cin_census_json_to_standard_output_with_as_at() -> None:
    result = run(str(EXAMPLES / "cin" / "cin-2025-26.xml"), "--as-at", "2025-09-30", "-f", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["as_at"] == "30/09/2025"
    ids = {entry["id"] for entry in summary["figures"]}
    assert {"cin_referrals", "cin_on_31_march", "cpp_on_31_march"} <= ids
    label = next(e["label"] for e in summary["figures"] if e["id"] == "cin_on_31_march")
    assert label == "Children in need on 30/09/2025"


def test_a_misspelt_as_at_date_names_the_value_and_what_was_expected() -> None:
    # The CLI reads --as-at before the return is read; main() turns the UsageError into one
    # line and exit code 2, as for every command.
    with pytest.raises(UsageError, match=r"'31/09/2025' is not a date; write it 30/09/2025"):
        read_as_at("31/09/2025")


def test_the_same_return_gives_the_same_bytes_in_every_format() -> None:
    first, second = (summary_of("ssda903", _return()) for _ in range(2))
    for render in (
        json_document.render,
        csv_table.render,
        workbook.render,
        html_page.render,
        terminal.render,
    ):
        assert render(first) == render(second)
    text = terminal.render(first)
    assert "Children looked after on 31 March" in text
    assert "by legal status" in text


def test_each_count_breakdown_adds_up_to_its_headline() -> None:
    from itertools import groupby

    oc2 = table(
        ["CHILD", "DOB", "IMMUNISATIONS", "SDQ_SCORE"],
        ["C", "31/03/2010", "1", "12"],
        ["F", "01/04/2010", "1", "20"],
    )
    summary = summary_of("ssda903", _return(OC2=oc2))
    for _, group in groupby(summary.figures, key=lambda entry: entry.id):
        entries = list(group)
        headline = entries[0]
        if headline.counts.startswith("mean"):
            continue
        by_name: dict[str, int] = {}
        for entry in entries[1:]:
            (name,) = entry.breakdown
            by_name[name] = by_name.get(name, 0) + int(entry.value or 0)
        for name, total in by_name.items():
            assert total == headline.value, (headline.id, name)
