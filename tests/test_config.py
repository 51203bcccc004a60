"""csc-validate.toml: read, validated, merged under the command-line flags."""

from pathlib import Path

import pytest

from csc_validate import config
from csc_validate.check import check
from csc_validate.errors import UsageError
from tests.conftest import episodes_csv, header_csv


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    settings, path = config.load(None, tmp_path)
    assert path is None and settings.fail_on == "error" and settings.select == ()


def test_flags_win_over_the_file(tmp_path: Path) -> None:
    (tmp_path / "csc-validate.toml").write_text('ignore = ["355"]\nfail-on = "never"\n')
    settings, _ = config.load(None, tmp_path)
    merged = settings.merged(ignore=["101"], fail_on=None, select=[])
    assert merged.ignore == ["101"] and merged.fail_on == "never"


def test_a_misspelt_setting_is_named(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('fail-on = "sometimes"\n')
    with pytest.raises(UsageError, match=r"settings\.toml: fail-on"):
        config.load(path)
    path.write_text('selct = ["101"]\n')
    with pytest.raises(UsageError, match="selct"):
        config.load(path)


def test_per_table_ignores_drop_findings_in_that_table_only(extract) -> None:
    folder = extract(
        {
            "h.csv": header_csv("1,X,01/01/2015,WBRI,,,"),
            "e.csv": episodes_csv("1,01/05/2025,S,C2,N1,U1,PR1,,,,,,"),
        }
    )
    report = check([folder], select=["101", "102"], per_table_ignores={"Header": ["101"]})
    assert report.findings == ()
    assert "Header:101" in report.ignored
    with pytest.raises(UsageError, match="no table 'Headers'"):
        check([folder], per_table_ignores={"Headers": ["101"]})
