"""Summary's check: only the rules that check the figures' fields, or a saved check report."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from csc_validate import packs, schemas
from csc_validate.check import check_with_tables
from csc_validate.errors import InputError
from csc_validate.pipeline.load import load
from csc_validate.pipeline.saved_report import matching_report
from csc_validate.reports import json_report
from csc_validate.summary.compute import summarise
from csc_validate.summary.figure import FigureContext
from csc_validate.summary.scope import FigureRules, fields_read, reads_any
from tests.summary.test_outputs import EXAMPLES, run

THIS_YEAR = EXAMPLES / "ssda903" / "2025-26"
LAST_YEAR = EXAMPLES / "ssda903" / "2024-25"


@pytest.mark.parametrize("collection", ["ssda903", "cin"])
def test_rules_kept_are_those_reading_a_figures_field(collection: str) -> None:
    pack = packs.load(collection, "2025-26")
    rules = list(pack.rules.values())
    pairs = fields_read(collection, "2025-26")
    tables = SimpleNamespace(collection=collection, year="2025-26")
    kept = FigureRules()(tables, rules)  # type: ignore[arg-type]
    dropped = [rule for rule in rules if rule not in kept]
    assert dropped and all(not reads_any(rule, pairs) and rule.check for rule in dropped)
    assert all(reads_any(rule, pairs) or rule.check is None for rule in kept)
    # Reading's own findings (unreadable values) are always kept.
    assert {"CSC001", "CSC002"} <= {rule.code for rule in kept}


@pytest.fixture(scope="module")
def full_check():
    return check_with_tables([THIS_YEAR], [LAST_YEAR])


def test_narrowed_check_gives_the_same_data_quality_as_the_full_check(full_check) -> None:
    full, tables = full_check
    narrow = FigureRules()
    narrowed, _ = check_with_tables([THIS_YEAR], [LAST_YEAR], narrow=narrow)
    assert narrowed.rules_run < full.rules_run
    schema = schemas.load(tables.collection, tables.year)
    before = summarise(tables, schema, full)
    after = summarise(tables, schema, narrowed, quality_source=narrow.note())
    assert [e.data_quality for e in after.figures] == [e.data_quality for e in before.figures]
    assert any(e.data_quality for e in after.figures)
    assert f"from the {narrow.kept} of {narrow.selected} rules" in after.notes[0]


def test_report_of_the_same_files_is_used_and_of_others_refused(tmp_path: Path, full_check) -> None:
    report, _ = full_check
    saved = tmp_path / "check.json"
    saved.write_text(json_report.render(report), encoding="utf-8")
    out = tmp_path / "s.json"
    used = run(str(THIS_YEAR), "-p", str(LAST_YEAR), "--report", str(saved), "-o", str(out))
    assert used.returncode == 0, used.stderr
    summary = json.loads(out.read_text())
    assert any(f"come from {saved}" in note for note in summary["notes"])
    # Files of tables no figure reads are matched to the report, not read, and named.
    assert any("Not read" in note and "2025-26/reviews.csv" in note for note in summary["notes"])
    assert any(name.endswith("2025-26/episodes.csv") for name in summary["inputs"])
    assert not any(name.endswith("reviews.csv") for name in summary["inputs"])
    assert any(entry["data_quality"] for entry in summary["figures"])

    # Without last year's files the inputs differ: refused, naming what differs.
    refused = run(str(THIS_YEAR), "--report", str(saved))
    assert refused.returncode == 2
    assert "sha256" in refused.stderr and "2024-25" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_report_of_another_date_or_collection_is_refused(tmp_path: Path, full_check) -> None:
    report, tables = full_check
    saved = tmp_path / "check.json"
    saved.write_text(json_report.render(report), encoding="utf-8")
    assert matching_report(saved, tables, "31/03/2026") is not None
    with pytest.raises(InputError, match=r"checked the return to 31/03/2026.*30/09/2025"):
        matching_report(saved, tables, "30/09/2025")
    other = report.model_copy(update={"collection": "cin"})
    saved.write_text(json_report.render(other), encoding="utf-8")
    with pytest.raises(InputError, match="report of a cin 2025-26 return"):
        matching_report(saved, tables, "31/03/2026")


@pytest.mark.parametrize(
    ("collection", "paths", "previous"),
    [
        ("ssda903", [THIS_YEAR], [LAST_YEAR]),
        ("cin", [EXAMPLES / "cin" / "cin-2025-26.xml"], []),
    ],
)
def test_figures_read_no_table_their_uses_leave_out(collection, paths, previous, monkeypatch):
    # summary --report leaves unread the files of tables outside the figures' `uses`.
    tables = load(paths, previous)
    schema = schemas.load(tables.collection, tables.year)
    asked: set[str] = set()
    table, earlier = FigureContext.table, FigureContext.earlier

    def recording_table(self, name):
        asked.add(name)
        return table(self, name)

    def recording_earlier(self, name):
        asked.add(name)
        return earlier(self, name)

    monkeypatch.setattr(FigureContext, "table", recording_table)
    monkeypatch.setattr(FigureContext, "earlier", recording_earlier)
    summarise(tables, schema, None)
    assert asked and asked <= {name for name, _ in fields_read(collection, tables.year)}
