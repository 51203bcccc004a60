"""'Children affected' counts: a blank child ID never merges different children (issue 15)."""

import re
from pathlib import Path

from csc_validate.check import check
from csc_validate.findings import Finding, children_affected
from csc_validate.reports import html
from csc_validate.severity import Severity

ROOT = Path(__file__).resolve().parents[1]
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
    "HOME_POST,PL_POST,URN\n"
)


def _return(folder: Path) -> Path:
    # Two header rows with a blank CHILD and an invalid SEX (rule 101: two children), and one
    # child whose two episodes both have an invalid PLACE (rule 146: one child).
    folder.mkdir()
    (folder / "header.csv").write_text(
        HEADER
        + ",X,01/01/2015,WBRI,UN1,,\n"
        + ",X,02/01/2015,WBRI,UN1,,\n"
        + "7,M,01/01/2015,WBRI,UN1,,\n"
    )
    (folder / "episodes.csv").write_text(
        EPISODES
        + "7,01/05/2025,S,C2,N1,QQ,PR1,01/06/2025,X1,CARPL,,,\n"
        + "7,01/06/2025,P,C2,N1,QQ,PR1,,,CARPL,,,\n"
    )
    return folder


def test_rows_with_a_blank_child_are_separate_children_and_one_childs_rows_are_one(
    tmp_path: Path,
) -> None:
    report = check([_return(tmp_path / "return")])
    counts = {(s.rule, s.table): (s.count, s.children) for s in report.summary}
    assert counts[("101", "Header")] == (2, 2)
    assert counts[("146", "Episodes")] == (2, 1)
    # Every child with findings: the two blank-ID rows and child 7.
    assert children_affected(report.findings) == 3
    assert "<b>3</b>children with findings" in html.render(report)


def _finding(child: str | None, child_key: str | None, row: int | None = 0) -> Finding:
    return Finding(
        rule="100",
        severity=Severity.ERROR,
        message="m",
        table="T",
        row=row,
        line=None,
        child=child,
        child_key=child_key,
        fields=(),
        values={},
        file=None,
    )


def test_a_finding_about_no_child_counts_none_and_a_key_decides_over_an_id() -> None:
    # Two Child elements of a CIN return with the same LAchildID are two children; a whole-table
    # finding, or one read back without keys and a blank ID, is about no child.
    assert children_affected([_finding("A1", "Child[1]"), _finding("A1", "Child[2]")]) == 2
    assert children_affected([_finding("A1", "Child[1]"), _finding("A1", "Child[1]")]) == 1
    assert children_affected([_finding(None, None, row=None), _finding(None, None)]) == 0
    assert children_affected([_finding("A1", None), _finding("A1", None)]) == 1


def test_cin_findings_are_counted_by_their_child_element() -> None:
    report = check([ROOT / "examples" / "cin" / "cin-2025-26.xml"])
    keys = {f.child_key for f in report.findings if f.xpath and "/Child[" in f.xpath}
    assert keys and all(re.fullmatch(r"Child\[\d+\]", key or "") for key in keys)
