"""Settings in csc-validate.toml or pyproject.toml: validated, placed, merged under the flags."""

from pathlib import Path

import pytest

from csc_validate import config
from csc_validate.check import check
from csc_validate.cli.init import template
from csc_validate.errors import UsageError
from csc_validate.reports import Format
from csc_validate.severity import Severity
from tests.cli.test_cli import run
from tests.conftest import episodes_csv, header_csv

EPISODES = episodes_csv("1,01/05/2025,S,C2,N1,U1,PR1,,,,,,")


def test_pyproject_settings_are_read_from_tool_csc_validate(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.csc-validate]\nyear = "2025-26"\ninputs = ["data"]\n'
    )
    settings, path = config.load(None, tmp_path)
    assert path == tmp_path / "pyproject.toml"
    assert settings.year == "2025-26" and settings.inputs == (tmp_path / "data",)


def test_a_pyproject_without_the_table_is_not_settings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert config.load(None, tmp_path) == (config.Config(), None)
    with pytest.raises(UsageError, match=r"no \[tool\.csc-validate\] table"):
        config.load(tmp_path / "pyproject.toml")


def test_csc_validate_toml_comes_before_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.csc-validate]\nyear = "2024-25"\n')
    (tmp_path / "csc-validate.toml").write_text('year = "2025-26"\n')
    settings, path = config.load(None, tmp_path)
    assert path is not None and path.name == "csc-validate.toml" and settings.year == "2025-26"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('selct = ["101"]', "selct: unknown setting"),
        ('year = "2025"', "year: String should match pattern"),
        ("la = 213", "la: Input should be a valid string"),
        ('ofsted = "list.csv"', "ofsted: Input should be a valid tuple"),
        ('fail-on = "sometimes"', "fail-on: Input should be 'error', 'query' or 'never'"),
        ('[severity]\n"101" = "fatal"', "severity.101: Input should be 'error' or 'query'"),
        ('[[outputs]]\nformat = "pdf"', "outputs.0.format: Input should be"),
        ('[[outputs]]\nformat = "json"\npth = "a.json"', "outputs.0.pth: unknown setting"),
    ],
)
def test_a_bad_setting_names_the_file_and_the_key(tmp_path: Path, text: str, named: str) -> None:
    (tmp_path / "csc-validate.toml").write_text(text + "\n")
    with pytest.raises(UsageError) as caught:
        config.load(None, tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'csc-validate.toml'}: {named}")
    # The same keys under [tool.csc-validate] in pyproject.toml are named with that prefix.
    nested = text.replace("[[outputs]]", "[[tool.csc-validate.outputs]]").replace(
        "[severity]", "[tool.csc-validate.severity]"
    )
    (tmp_path / "csc-validate.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.csc-validate]\n" + nested + "\n")
    with pytest.raises(UsageError) as caught:
        config.load(None, tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'pyproject.toml'}: tool.csc-validate.{named}")


def test_paths_are_relative_to_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "csc-validate.toml").write_text(
        'inputs = ["in"]\nprevious = ["last"]\nbaseline = "b.json"\n'
        '[[outputs]]\nformat = "sarif"\npath = "out/r.sarif"\n[[outputs]]\nformat = "terminal"\n'
    )
    settings, _ = config.load(None, tmp_path)
    assert settings.previous == (tmp_path / "last",) and settings.baseline == tmp_path / "b.json"
    assert [(o.format, o.path) for o in settings.outputs] == [
        (Format.SARIF, tmp_path / "out" / "r.sarif"),
        (Format.TERMINAL, None),
    ]


def test_init_writes_every_setting_commented_and_it_loads(tmp_path: Path) -> None:
    result = run("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "csc-validate.toml").read_text()
    assert written == template()
    assert config.load(None, tmp_path)[0] == config.Config()
    # Uncommenting every example setting gives valid settings.
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and ("=" in line or line[2:].startswith("[")) else ""
        for line in written.splitlines()
    )
    (tmp_path / "all.toml").write_text(uncommented)
    settings, _ = config.load(tmp_path / "all.toml")
    assert settings.la == "E09000033" and settings.severity == {"101": Severity.QUERY}
    assert len(settings.outputs) == 2 and settings.per_table_ignores == {"Episodes": ("355",)}
    again = run("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_check_runs_from_settings_alone_and_flags_win(extract) -> None:
    folder = extract({"h.csv": header_csv("1,X,01/01/2015,WBRI,,,"), "e.csv": EPISODES})
    (folder / "csc-validate.toml").write_text(
        'inputs = ["."]\nselect = ["101"]\nfail-on = "never"\npartial = true\n'
    )
    assert run("check", cwd=folder).returncode == 0
    assert run("check", "--fail-on", "error", cwd=folder).returncode == 1
    empty = folder / "empty.toml"
    empty.write_text("")
    missing = run("check", "--config", str(empty), cwd=folder)
    assert missing.returncode == 2 and "name the files or folders to check" in missing.stderr


def test_severity_overrides_change_findings_and_the_exit_code(extract) -> None:
    folder = extract({"h.csv": header_csv("1,X,01/01/2015,WBRI,,,"), "e.csv": EPISODES})
    report = check([folder], select=["101"], severity={"101": Severity.QUERY})
    assert [f.severity for f in report.findings] == [Severity.QUERY]
    assert report.rule_info("101").severity is Severity.QUERY
    (folder / "csc-validate.toml").write_text(
        'inputs = ["."]\nselect = ["101"]\npartial = true\n[severity]\n101 = "query"\n'
    )
    assert run("check", cwd=folder).returncode == 0
    assert run("check", "--fail-on", "query", cwd=folder).returncode == 1
    with pytest.raises(UsageError, match="severity: 'Header' is not one rule code"):
        check([folder], severity={"Header": Severity.QUERY})


def test_a_bad_setting_in_the_current_folder_is_named_as_the_user_sees_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.csc-validate]\nfail-on = "sometimes"\n')
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: pyproject.toml: tool.csc-validate.fail-on:")
