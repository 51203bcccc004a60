"""Ofsted's provider lists, read as downloaded: one provider row per URN whatever the layout."""

import datetime as dt
from pathlib import Path

import pytest

from csc_validate.collections.ssda903.reference import ofsted
from csc_validate.errors import InputError
from tests.reference.ofsted_lists import childrens_homes_workbook, combined_workbook


def test_the_combined_list_gives_codes_dates_and_postcodes(tmp_path: Path) -> None:
    path = combined_workbook(
        tmp_path / "scpch.xlsx",
        providers=[
            ["SC100001", "Children's home", "Leeds", "K2", "PR1/PR2", None, "ls1 1aa"],
            ["SC100002", "Children's home", "Leeds", "K1, K2", "PR3", dt.date(2024, 10, 31), None],
        ],
        supported=[["2000003", "Leeds", None, "LS2 7EY"], ["2000003", "York", None, "YO1 7HH"]],
    )
    providers = ofsted.read((path,)).rows(named=True)
    by_urn = {row["URN"]: row for row in providers}
    assert by_urn["SC100001"]["PROVIDER_CODES"] == ["PR1", "PR2"]
    assert by_urn["SC100001"]["POSTCODES"] == ["LS11AA"]
    assert by_urn["SC100001"]["REG_END"] is None
    assert by_urn["SC100002"]["PLACE_CODES"] == ["K1", "K2"]
    assert by_urn["SC100002"]["REG_END"] == dt.date(2024, 10, 31)
    # Supported accommodation sheets carry no codes: DfE's K3 and PR4 are implied.
    assert by_urn["2000003"]["PLACE_CODES"] == ["K3"]
    assert by_urn["2000003"]["PROVIDER_CODES"] == ["PR4"]
    assert by_urn["2000003"]["POSTCODES"] == ["LS27EY", "YO17HH"]


def test_settings_and_addresses_on_separate_sheets_are_merged(tmp_path: Path) -> None:
    path = childrens_homes_workbook(
        tmp_path / "homes.xlsx",
        settings=[["SC100001", "Leeds", "PR1", "K2", None]],
        addresses=[["SC100001", "LS1 1AA"]],
    )
    (row,) = ofsted.read((path,)).rows(named=True)
    assert row["PLACE_CODES"] == ["K2"] and row["POSTCODES"] == ["LS11AA"]


def test_a_csv_list_and_a_provider_open_in_one_list_closed_in_another(tmp_path: Path) -> None:
    current = tmp_path / "current.csv"
    current.write_text(
        "URN,Local authority,Placement code,Placement provider code,Setting postcode\n"
        "SC100001,Leeds,K2,PR1,LS1 1AA\n",
        encoding="utf-8",
    )
    closed = tmp_path / "closed.csv"
    closed.write_text(
        "URN,Local authority,Placement code,Placement provider code,Deregistration date\n"
        "SC100001,Leeds,K2,PR1,01/01/2020\nSC100009,Leeds,K2,PR1,2021-02-03\n",
        encoding="utf-8",
    )
    rows = {row["URN"]: row for row in ofsted.read((current, closed)).rows(named=True)}
    assert rows["SC100001"]["REG_END"] is None
    assert rows["SC100009"]["REG_END"] == dt.date(2021, 2, 3)


def test_a_file_without_urns_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "not-ofsted.csv"
    path.write_text("CHILD,DOB\n1,01/01/2015\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"not-ofsted\.csv: has no sheet with a URN column"):
        ofsted.read((path,))


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.xlsx: no such file"):
        ofsted.read((tmp_path / "nowhere.xlsx",))
