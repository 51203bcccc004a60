"""export and convert as a user runs them: refusal, --force, clean extracts, files written."""

import json
import re
from pathlib import Path

import pytest

from csc_validate.collections.ssda903.synthetic.returns import generate, write
from csc_validate.errors import UsageError
from csc_validate.pipeline.convert import Target, convert
from csc_validate.pipeline.export import check_output
from tests.cli.test_cli import run
from tests.returns.conftest import EXAMPLES

EXAMPLE_903 = EXAMPLES / "ssda903" / "2025-26"
EXAMPLE_CIN = EXAMPLES / "cin" / "cin-2025-26.xml"


@pytest.fixture(scope="module")
def clean_903(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    write(generate(300, seed=7, year="2025-26", error_rate=0), out, "2025-26")
    return out


def test_export_refuses_an_extract_with_errors_and_lists_them(tmp_path: Path) -> None:
    output = tmp_path / "return.xml"
    result = run("export", "ssda903", str(EXAMPLE_903), "--output", str(output))
    assert result.returncode == 1, result.stderr
    assert re.search(r"export refused: \d+ error\(s\)", result.stderr)
    assert "error" in result.stdout
    assert not list(tmp_path.iterdir())


def test_export_with_force_writes_the_return_and_says_it_has_errors(tmp_path: Path) -> None:
    output = tmp_path / "return.xml"
    result = run("export", "ssda903", str(EXAMPLE_903), "--output", str(output), "--force")
    assert result.returncode == 0, result.stderr
    assert re.search(r"written with --force: it has \d+ error\(s\)", result.stderr)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["return-social-workers.xml", "return.xml"]
    assert output.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<EXPSSDA903>')


def test_export_writes_a_clean_extract_and_the_same_bytes_twice(
    clean_903: Path, tmp_path: Path
) -> None:
    written = []
    for name in ("a", "b"):
        output = tmp_path / name / "return.xml"
        result = run(
            "export",
            "ssda903",
            str(clean_903 / "2025-26"),
            "--previous",
            str(clean_903 / "2024-25"),
            "--output",
            str(output),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Wrote" in result.stderr
        written.append(output.read_bytes())
    assert written[0] == written[1]


def test_queries_are_listed_and_do_not_block(clean_903: Path, tmp_path: Path) -> None:
    extract = tmp_path / "extract"
    extract.mkdir()
    for path in (clean_903 / "2025-26").iterdir():
        (extract / path.name).write_bytes(path.read_bytes())
    header = (extract / "header.csv").read_text().splitlines()
    first = header[1].split(",")
    first[1] = "U"  # a sex of U is queried (rule 232), not an error
    header[1] = ",".join(first)
    (extract / "header.csv").write_text("\n".join(header) + "\n")
    output = tmp_path / "return.xml"
    result = run("export", "ssda903", str(extract), "--output", str(output), "--year", "2025-26")
    assert "232" in result.stdout
    assert result.returncode == 0, result.stdout + result.stderr
    assert output.is_file()


def test_export_never_overwrites_its_input(tmp_path: Path) -> None:
    census = tmp_path / "census.xml"
    census.write_bytes(EXAMPLE_CIN.read_bytes())
    result = run("export", "cin", str(census), "--output", str(census), "--force")
    assert result.returncode == 2
    assert "is one of the files being exported" in result.stderr
    assert census.read_bytes() == EXAMPLE_CIN.read_bytes()


def test_census_header_values_come_from_the_options(tmp_path: Path) -> None:
    output = tmp_path / "census.xml"
    result = run(
        "export", "cin", str(EXAMPLE_CIN), "--output", str(output), "--force",
        "--la-code", "202", "--software-code", "Case system 4", "--serial-number", "007",
        "--created", "2026-05-20T09:00:00",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = output.read_text(encoding="utf-8")
    for expected in (
        "<LEA>202</LEA>",
        "<SoftwareCode>Case system 4</SoftwareCode>",
        "<SerialNo>007</SerialNo>",
        "<DateTime>2026-05-20T09:00:00</DateTime>",
        "<ReferenceDate>2026-03-31</ReferenceDate>",
        "<Year>2026</Year>",
    ):
        assert expected in text


def test_census_without_an_la_code_is_refused_with_how_to_give_one(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    assert run("convert", str(EXAMPLE_CIN), "--out", str(tables)).returncode == 0
    header = tables / "Header.csv"
    names, values = header.read_text(encoding="utf-8").splitlines()
    pairs = zip(names.split(","), values.split(","), strict=True)
    blank = [value if name != "LEA" else "" for name, value in pairs]
    header.write_text(f"{names}\n{','.join(blank)}\n", encoding="utf-8")
    result = run(
        "export", "cin", str(tables), "--output", str(tmp_path / "c.xml"), "--force",
        "--year", "2025-26",
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "--la-code" in result.stderr


@pytest.mark.parametrize("target", ["csv", "xlsx"])
def test_converted_tables_check_as_the_return_does(target: str, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = run("convert", str(EXAMPLE_CIN), "--to", target, "--out", str(out))
    assert result.returncode == 0, result.stderr
    reports = []
    for source in (EXAMPLE_CIN, out):
        report = tmp_path / f"{source.name}.json"
        run("check", str(source), "--format", "json", "--output", str(report))
        reports.append(json.loads(report.read_text()))
    counts = [
        sorted((f["rule"], f["child"], str(f["values"])) for f in r["findings"]) for r in reports
    ]
    assert counts[0] == counts[1]


def test_convert_refuses_a_csv_extract(tmp_path: Path) -> None:
    result = run("convert", str(EXAMPLE_903 / "header.csv"), "--out", str(tmp_path))
    assert result.returncode == 2
    assert "not an XML return" in result.stderr


def test_export_refuses_an_extract_without_a_table_the_return_needs(tmp_path: Path) -> None:
    extract = tmp_path / "extract"
    extract.mkdir()
    for path in EXAMPLE_903.iterdir():
        if path.name != "oc2.csv":
            (extract / path.name).write_bytes(path.read_bytes())
    output = tmp_path / "return.xml"
    result = run("export", "ssda903", str(extract), "--output", str(output), "--force")
    assert result.returncode == 2, result.stderr
    assert "the extract lacks OC2" in result.stderr
    assert not output.exists()


def test_export_writes_only_a_return_file(tmp_path: Path) -> None:
    output = tmp_path / "errors.xlsx"
    result = run("export", "ssda903", str(EXAMPLE_903), "--output", str(output), "--force")
    assert result.returncode == 2, result.stderr
    assert "an .xml file" in result.stderr and "--report errors.xlsx" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("name", ["return.csv", "return", "return.XML.bak", "errors.json"])
def test_any_name_but_xml_is_refused_before_anything_runs(name: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"an \.xml file"):
        check_output(tmp_path / name)
    check_output(tmp_path / "RETURN.XML")


def test_export_quiet_with_a_report_gives_its_own_advice(tmp_path: Path) -> None:
    output, report = tmp_path / "return.xml", tmp_path / "errors.xlsx"
    result = run(
        "export", "ssda903", str(EXAMPLE_903), "-o", str(output), "-q", "--report", str(report)
    )
    assert result.returncode == 1, result.stderr
    assert report.read_bytes()[:2] == b"PK" and not output.exists()
    assert "Line" not in result.stdout  # totals only, no table of findings
    # The terminal may wrap a long path anywhere, so white space is left out of the comparison.
    advice = "".join(result.stdout.split("Next:")[1].split())
    assert advice.startswith("".join(f"work through {report}, then export again".split()))
    assert "add --output" not in result.stdout


def test_export_lists_every_row_the_xml_cannot_hold_with_lines(tmp_path: Path) -> None:
    extract = tmp_path / "extract"
    extract.mkdir()
    for path in EXAMPLE_903.iterdir():
        (extract / path.name).write_bytes(path.read_bytes())
    header = (extract / "header.csv").read_text().splitlines()
    # Forty children leave the Header table: each of their rows elsewhere has no place.
    dropped = [line.split(",")[0] for line in header[1:41]]
    (extract / "header.csv").write_text("\n".join([header[0], *header[41:]]) + "\n")
    episodes = (extract / "episodes.csv").read_text().splitlines()
    expected = {
        (episode.split(",")[0], number)
        for number, episode in enumerate(episodes, start=1)
        if episode.split(",")[0] in dropped
    }
    output = tmp_path / "return.xml"
    result = run("export", "ssda903", str(extract), "-o", str(output), "--force", "-q")
    assert result.returncode == 2, result.stderr
    assert "more)" not in result.stderr
    shown = set(re.findall(r"Episodes: CHILD (\S+) \(lines? ([\d, ]+)\)", result.stderr))
    assert {(child, int(n)) for child, lines in shown for n in lines.split(", ")} == expected
    listing = (tmp_path / "return-unwritable.csv").read_text().splitlines()
    assert len(listing) - 1 == result.stderr.count(": is not in the Header table")
    assert not output.exists()


def test_export_names_a_child_with_no_id_by_its_line(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    convert(EXAMPLE_CIN, Target.CSV, tables)
    details = tables / "CINdetails.csv"
    lines = details.read_text(encoding="utf-8").splitlines()
    lines[2] = "," + lines[2].split(",", 1)[1]  # line 3: the LAchildID left blank
    details.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(
        "export", "cin", str(tables), "-o", str(tmp_path / "census.xml"), "--force", "-q",
        "--year", "2025-26", "--la-code", "202",
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "CINdetails: a child with no LAchildID (line 3)" in result.stderr
    assert "None" not in result.stderr


def test_export_reads_the_extract_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The return is written from the tables the check read, not from a second reading."""
    from typer.testing import CliRunner

    from csc_validate.cli.app import app
    from csc_validate.pipeline import load

    reads: list[list[str]] = []
    read_files = load.read_files

    def counted(files: list, *args: object) -> object:
        reads.append([file.source.display for file in files])
        return read_files(files, *args)

    monkeypatch.setattr(load, "read_files", counted)
    output = tmp_path / "return.xml"
    result = CliRunner().invoke(
        app, ["export", "ssda903", str(EXAMPLE_903), "--output", str(output), "--force"]
    )
    assert result.exit_code == 0, result.output
    assert output.exists()
    assert len(reads) == 1, reads
    assert sorted(Path(name).name for name in reads[0]) == sorted(
        path.name for path in EXAMPLE_903.iterdir()
    )
