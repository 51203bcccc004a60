"""CIN records below the child are keyed like the child (issue 15 §1): in a CSV extract a blank
CINdetailsID, AssessmentID or CPPID ties a row to no other, and the user is told, once per
table and column; the census XML, which numbers its records, is read as before."""

import itertools
import random
from pathlib import Path

import polars as pl
import pytest

from csc_validate.check import check
from csc_validate.collections.cin import synthetic
from csc_validate.collections.cin.child_keys import derive, untied_notes
from csc_validate.pipeline.convert import Target, convert
from csc_validate.tables import LoadedTable


def _assessments() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "_row": [0, 1, 2, 3, 4],
            "_line": [2, 3, 4, 5, 6],
            "LAchildID": ["A", "A", "A", "A", "B"],
            "ChildKey": [None] * 5,
            "CINdetailsID": [1, 1, None, None, 1],
            "AssessmentID": [1, 1, 1, None, None],
        },
        schema_overrides={"ChildKey": pl.String},
    )


def test_a_blank_id_in_a_csv_extract_keys_a_row_of_its_own() -> None:
    keyed = derive({"Assessments": _assessments()}, {"Assessments": "csv"})["Assessments"]
    episodes = keyed.get_column("EpisodeKey").to_list()
    assessments = keyed.get_column("AssessmentKey").to_list()
    # A filled-in ID shared by two rows still ties them; two blanks stay apart.
    assert episodes[0] == episodes[1] == "1"
    assert episodes[2] != episodes[3]
    assert assessments[3] != assessments[4]
    assert keyed.select(["ChildKey", "EpisodeKey", "AssessmentKey"]).unique().height == 4


def test_the_xml_keys_are_its_record_numbers() -> None:
    frame = _assessments().filter(pl.col("CINdetailsID").is_not_null())
    frame = frame.with_columns(
        pl.format("/Message/Children/Child[{}]/CINdetails[1]", pl.col("_row")).alias("_xpath")
    )
    keyed = derive({"Assessments": frame}, {"Assessments": "xml"})["Assessments"]
    assert keyed.get_column("EpisodeKey").to_list() == ["1", "1", "1"]
    # The reader never leaves an ID blank; a case standing for XML follows the CSV policy.
    assert keyed.get_column("AssessmentKey").to_list() == ["1", "1", "untied Assessments row 4"]


@pytest.mark.parametrize("source_format", ["csv", "xml"])
def test_blank_ids_are_named_once_per_table_and_column(source_format: str) -> None:
    frame = _assessments()
    loaded = {
        "Assessments": LoadedTable("Assessments", frame, frame, "Assessments.csv", source_format)
    }
    notes = untied_notes(loaded)
    if source_format == "xml":
        assert notes == []
        return
    assert notes == [
        "Assessments.csv, CINdetailsID: 2 rows have no CINdetailsID, so each belongs to no CIN "
        "episode: the rules cannot compare them with their CIN episode (the first at line 4)",
        "Assessments.csv, AssessmentID: 2 rows have no AssessmentID: each is read as an "
        "assessment of its own (the first at line 5)",
    ]


def test_a_csv_extract_with_blank_ids_is_checked_and_said(tmp_path) -> None:
    folder = tmp_path / "extract"
    folder.mkdir()
    (folder / "Header.csv").write_text(
        "Collection,Year,ReferenceDate,SourceLevel,LEA,SoftwareCode,Release,SerialNo,DateTime\n"
        "CIN,2026,2026-03-31,L,201,X,1,1,2026-04-01T10:00:00\n"
    )
    (folder / "Section47.csv").write_text(
        "LAchildID,CINdetailsID,S47ActualStartDate,InitialCPCtarget,DateOfInitialCPC,"
        "ICPCnotRequired\n"
        "A,,2025-05-01,2025-05-20,,false\n"
        "A,,2025-08-01,2025-08-20,,false\n"
        "B,2,2025-05-01,2025-05-20,,false\n"
        "B,2,2025-08-01,2025-08-20,,false\n"
        "C,x,2025-05-01,2025-05-20,,false\n"
        "C,x,2025-08-01,2025-08-20,,false\n"
    )
    report = check([folder], select=["8839", "CSC002"], partial=True)
    assert not report.crashes
    # B's two open enquiries share episode 2; A's, with no episode ID, share nothing.
    assert sorted(f.row for f in report.findings if f.rule == "8839") == [2, 3]
    # C's unreadable IDs (CSC002 for each) tie nothing either.
    assert sorted(f.row for f in report.findings if f.rule == "CSC002") == [4, 5]
    said = "Section47.csv, CINdetailsID: 4 rows have no readable CINdetailsID (2 unreadable)"
    assert any(said in note for note in report.notes)


# The rules that leave alone a record a blank ID ties to nothing, where a filled-in ID of its own
# would be judged: whether the record has what they look for cannot be told.
NOT_JUDGED = {"2885", "8825Q", "8897Q"}
RECORD_IDS = ("CINdetailsID", "AssessmentID", "CPPID")


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cin")
    census = folder / "cin.xml"
    synthetic.write(synthetic.generate(150, seed=19, year="2025-26", error_rate=0.3), census)
    convert(census, Target.CSV, folder / "tables")
    return folder / "tables"


def _rewritten(extract: Path, out: Path, fill: bool) -> Path:
    """The extract with about a third of its record IDs blanked, or (`fill`) given fresh IDs
    that no other row has: the same cells either way, chosen by a fixed seed."""
    out.mkdir()
    fresh = itertools.count(100_000)
    chosen = random.Random(15)
    for path in sorted(extract.glob("*.csv")):
        frame = pl.read_csv(path, infer_schema_length=0)
        for column in RECORD_IDS:
            if column not in frame.columns:
                continue
            values = frame.get_column(column).to_list()
            for row in range(len(values)):
                if chosen.random() < 1 / 3:
                    values[row] = str(next(fresh)) if fill else None
            frame = frame.with_columns(pl.Series(column, values, dtype=pl.String))
        frame.write_csv(out / path.name)
    return out


def test_a_blank_record_id_reads_as_an_id_no_other_row_has(extract: Path, tmp_path: Path) -> None:
    def findings(folder: Path) -> set[tuple[str, str, int | None]]:
        report = check([folder])
        assert not report.crashes
        return {(f.rule, f.table, f.row) for f in report.findings if f.rule not in NOT_JUDGED}

    blanked = findings(_rewritten(extract, tmp_path / "blank", fill=False))
    assert blanked == findings(_rewritten(extract, tmp_path / "fresh", fill=True))
    assert blanked, "the generated census should hold mistakes to find"
