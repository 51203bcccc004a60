"""Reasons kept with accepted findings: read once, matched across re-extracts, shown apart,
left out of --fail-on, stale when their finding has gone, and written for DfE's notes."""

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from csc_validate import accepted
from csc_validate.check import check
from csc_validate.cli.app import main
from csc_validate.errors import InputError
from csc_validate.findings import Acceptance
from tests.conftest import episodes_csv, header_csv

# Child 1 has two episodes: the second starts before the first ends (rule 501 on the later one
# flags DECOM 01/06/2025). Child 2 has a blank ethnicity (103).
HEADER = header_csv("1,F,01/01/2015,WBRI,,,", "2,M,01/01/2016,,,,")
EPISODES = episodes_csv(
    "1,01/05/2025,S,C2,N1,U1,PR1,01/07/2025,E3,,,,",
    "1,01/06/2025,P,C2,N1,U1,PR1,,,,,,",
)
SELECT = ["103", "501"]


def _run(monkeypatch: pytest.MonkeyPatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["csc-validate", *args])
    monkeypatch.setenv("COLUMNS", "200")  # so that no reason is folded over two lines
    with pytest.raises(SystemExit) as stopped:
        main()
    out, err = capsys.readouterr()
    code = stopped.value.code
    return (0 if code is None else int(code)), out, err


def _accepted_csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "accepted.csv"
    path.write_text("rule,child,table,key,reason,who,date\n" + "".join(f"{r}\n" for r in rows))
    return path


def test_findings_match_by_rule_child_and_key_not_by_line(extract, tmp_path: Path) -> None:
    report = check([extract({"h.csv": HEADER, "e.csv": EPISODES})], partial=True, select=SELECT)
    assert sorted((f.rule, f.child) for f in report.findings) == [("103", "2"), ("501", "1")]
    reasons = accepted.read(
        _accepted_csv(
            tmp_path,
            "501,1,Episodes,DECOM=01/06/2025,Court ordered the overlap,J Smith,2026-05-01",
            "501,1,Episodes,DECOM=01/05/2025,Reason for an episode that is not flagged,,",
            "103,3,,,A child no longer in the return,,",
        )
    )
    result = accepted.apply(report, reasons, "accepted.csv")
    assert [(f.rule, f.child) for f in result.findings] == [("103", "2")]
    assert [(a.finding.rule, a.reason, a.who) for a in result.accepted] == [
        ("501", "Court ordered the overlap", "J Smith")
    ]
    assert [a.reason for a in result.stale_acceptances] == [
        "Reason for an episode that is not flagged",
        "A child no longer in the return",
    ]
    assert result.totals["error"] == 1
    assert [s.rule for s in result.summary] == ["103"]


def test_a_re_extract_with_rows_above_keeps_the_reason(extract, tmp_path: Path) -> None:
    moved = episodes_csv(
        "3,01/04/2025,S,C2,N1,U1,PR1,,,,,,",
        "1,01/05/2025,S,C2,N1,U1,PR1,01/07/2025,E3,,,,",
        "1,01/06/2025,P,C2,N1,U1,PR1,,,,,,",
    )
    header = HEADER + "3,F,01/01/2014,WBRI,,,\n"
    report = check([extract({"h.csv": header, "e.csv": moved})], partial=True, select=SELECT)
    reasons = (Acceptance(rule="501", child="1", key={"DECOM": " 01/06/2025 "}, reason="Court"),)
    result = accepted.apply(report, reasons, "settings")
    assert [a.finding.line for a in result.accepted] == [4]
    assert result.stale_acceptances == ()


def test_accepted_findings_do_not_fail_and_are_shown_with_their_reasons(
    extract, tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    reasons = _accepted_csv(
        tmp_path,
        "501,1,,DECOM=01/06/2025,Court ordered [the] overlap,J Smith,2026-05-01",
        "103,2,,,Parent declined to say,A Patel,2026-05-02",
        "999,7,,,Old reason,,",
    )
    args = ["check", str(folder), "--partial", "--select", "103,501", "--accepted", str(reasons)]
    code, out, _ = _run(monkeypatch, capsys, *args)
    assert code == 0
    shown = " ".join(out.split())
    assert "Accepted with a recorded reason: 2 findings (not counted for --fail-on)" in shown
    assert "Court ordered [the] overlap" in shown and "Parent declined to say" in shown
    assert "stale: rule 999, child 7 matches no finding: Old reason" in shown
    assert "0 errors, 0 queries" in shown
    report_path = tmp_path / "report.json"
    code, _, _ = _run(monkeypatch, capsys, *args, "-o", str(report_path))
    written = json.loads(report_path.read_text())
    assert written["totals"] == {"error": 0, "query": 0}
    # In the findings' order: Episodes before Header.
    assert [item["reason"] for item in written["accepted"]] == [
        "Court ordered [the] overlap",
        "Parent declined to say",
    ]
    assert written["stale_acceptances"][0]["rule"] == "999"


def test_settings_hold_acceptances_too(extract, tmp_path: Path, monkeypatch, capsys) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "csc-validate.toml").write_text(
        f'inputs = ["{folder.name}/"]\npartial = true\nselect = ["103", "501"]\n\n'
        '[[accepted]]\nrule = "103"\nchild = "2"\nreason = "Declined"\n\n'
        '[[accepted]]\nrule = "501"\nchild = "1"\nkey = { DECOM = "01/06/2025" }\n'
        'reason = "Court"\nwho = "J Smith"\ndate = "2026-05-01"\n'
    )
    code, out, _ = _run(monkeypatch, capsys, "check")
    assert code == 0 and "note: accepted (settings): 2 findings" in " ".join(out.split())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("rule,child\n103,1\n", "accepted.csv, line 1: lacks the column(s) reason"),
        ("rule,child,reason,team\n", "has unknown column(s) team"),
        ("rule,child,reason\n103,1,\n", "accepted.csv, line 2, reason: is blank"),
        ("rule,child,key,reason\n103,1,DECOM,Why\n", 'line 2, key: "DECOM" is not FIELD=VALUE'),
    ],
)
def test_a_file_that_cannot_be_used_is_exit_2_naming_line_and_field(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "accepted.csv"
    path.write_text(content)
    with pytest.raises(InputError) as raised:
        accepted.read(path)
    assert message in str(raised.value)


def test_explanations_write_one_row_per_accepted_finding(
    extract, tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = extract({"h.csv": HEADER, "e.csv": EPISODES})
    reasons = _accepted_csv(
        tmp_path, "103,2,,,=Parent declined to say,A Patel,2026-05-02", "999,7,,,Old,,"
    )
    report_path, notes = tmp_path / "report.json", tmp_path / "explanations.csv"
    _run(
        monkeypatch,
        capsys,
        "check",
        str(folder),
        "--partial",
        "--select",
        "103,501",
        "--accepted",
        str(reasons),
        "-o",
        str(report_path),
    )
    code, _, err = _run(monkeypatch, capsys, "explanations", str(report_path), "-o", str(notes))
    assert code == 0, err
    assert "Wrote" in err and "1 recorded reasons match no finding" in err
    data = notes.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(
        (
            "child",
            "rule",
            "severity",
            "message",
            "table",
            "line",
            "values",
            "explanation",
            "who",
            "date",
        )
    )
    assert len(rows) == 2
    assert rows[1][:3] == ["2", "103", "error"] and rows[1][6] == "ETHNIC="
    # A reason starting with = is text in a spreadsheet, never a formula.
    assert rows[1][7:] == ["'=Parent declined to say", "A Patel", "2026-05-02"]


def test_redacted_reports_hide_reasons_and_children(extract, tmp_path: Path) -> None:
    from csc_validate.redact import redact

    report = check([extract({"h.csv": HEADER, "e.csv": EPISODES})], partial=True, select=SELECT)
    reasons = (Acceptance(rule="103", child="2", reason="Child 2's mother said no"),)
    result = redact(accepted.apply(report, reasons, "settings"))
    (item,) = result.accepted
    assert item.finding.child == "child 2" and item.reason == "(redacted)"
    assert "mother" not in result.model_dump_json()


def test_workbook_and_html_list_reasons_and_a_team_sees_its_own(extract) -> None:
    import openpyxl

    from csc_validate.reports import excel, html
    from csc_validate.reports.split import subset

    report = check([extract({"h.csv": HEADER, "e.csv": EPISODES})], partial=True, select=SELECT)
    reasons = (
        Acceptance(rule="103", child="2", reason="=Declined <b>", who="A Patel"),
        Acceptance(rule="501", child="1", reason="Court", who="J Smith"),
        Acceptance(rule="999", child="1", reason="Gone"),
    )
    result = accepted.apply(report, reasons, "settings")
    book = openpyxl.load_workbook(io.BytesIO(excel.render(result)))
    rows = [[cell.value for cell in row] for row in book["Accepted"].iter_rows()]
    assert rows[0][:6] == ["status", "rule", "child", "table", "line", "reason"]
    assert [row[0] for row in rows[1:]] == ["accepted", "accepted", "stale"]
    assert ["accepted", "103", "2", "Header", "3", "=Declined <b>"] in [row[:6] for row in rows]
    page = html.render(result)
    assert "<h2>Accepted with a reason</h2>" in page and "=Declined &lt;b&gt;" in page
    team, _ = subset(result, None, frozenset({"1"}), "CHILD")
    assert [a.finding.child for a in team.accepted] == ["1"]
    assert [a.child for a in team.stale_acceptances] == ["1"]
