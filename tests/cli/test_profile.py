"""`check --profile`: time per stage and the slowest rules on standard error; reports unchanged."""

from pathlib import Path

from typer.testing import CliRunner

from csc_validate.cli.app import app
from tests.conftest import episodes_csv, header_csv


def test_profile_goes_to_standard_error_and_leaves_the_report_alone(
    extract, tmp_path: Path
) -> None:
    folder = extract({"h.csv": header_csv("1,F,01/01/2015,WBRI,,,"), "e.csv": episodes_csv()})
    runner = CliRunner()
    check = ["check", str(folder), "-y", "2025-26", "-q", "--select", "Header"]
    plain = runner.invoke(app, [*check, "-o", str(tmp_path / "plain.json")])
    timed = runner.invoke(app, [*check, "-o", str(tmp_path / "timed.json"), "--profile"])
    assert plain.exit_code == timed.exit_code
    assert (tmp_path / "plain.json").read_bytes() == (tmp_path / "timed.json").read_bytes()
    assert "Profile" not in plain.stderr
    stages = [line.split()[0] for line in timed.stderr.splitlines() if line.startswith("  ")]
    assert stages[:5] == ["start-up", "read", "check", "locate", "write"]
    assert "rules collected together" in timed.stderr
    assert "Slowest rules, each collected alone" in timed.stderr
    assert "Profile" not in timed.stdout
