"""Reading CSV extracts as councils produce them."""

from pathlib import Path

import pytest

from csc_validate.errors import InputError
from csc_validate.pipeline.load import load
from csc_validate.readers import delimited
from tests.conftest import EPISODE_COLUMNS, episodes_csv, header_csv

EPISODE = "1,01/05/2025,S,C2,N1,U1,PR1,,,,,,"


def test_header_names_match_whatever_their_case_spacing_or_bom(extract) -> None:
    text = "\ufeff child , Sex,dob,ETHNIC ,upn,Mother,MC_DOB\n1,M,01/01/2015,WBRI,,,\n"
    folder = extract({"odd.csv": text, "episodes.csv": episodes_csv(EPISODE)})
    tables = load([folder])
    assert tables.typed("Header")["DOB"].to_list()[0].isoformat() == "2015-01-01"


def test_windows_1252_text_is_read_with_its_pound_signs_and_accents(extract) -> None:
    data = header_csv("Zoé£,F,01/01/2015,WBRI,,,").encode("cp1252")
    folder = extract({"h.csv": data, "e.csv": episodes_csv(EPISODE)})
    assert load([folder]).raw("Header")["CHILD"].to_list() == ["Zoé£"]


def test_quoted_newlines_and_blank_lines_keep_true_line_numbers(extract) -> None:
    text = (
        f"{EPISODE_COLUMNS}\n"
        '1,01/05/2025,S,C2,N1,U1,PR1,,,,"AB1\n2CD",,\n'
        "\n"
        '2,"01/06/2025",S,C2,N1,U1,PR1,,,,"A,B",,\n'
    )
    folder = extract({"e.csv": text, "h.csv": header_csv("1,F,01/01/2015,WBRI,,,")})
    episodes = load([folder]).raw("Episodes")
    assert episodes["_line"].to_list() == [2, 5]
    assert episodes["HOME_POST"].to_list() == ["AB1\n2CD", "A,B"]


def test_binary_junk_is_refused_with_the_file_named(extract) -> None:
    folder = extract({"junk.csv": bytes(range(256)) * 4})
    with pytest.raises(InputError, match=r"junk\.csv: is not a text file"):
        load([folder])


def test_an_empty_file_is_refused(extract) -> None:
    folder = extract({"empty.csv": ""})
    with pytest.raises(InputError, match=r"empty\.csv: is empty"):
        load([folder])


def test_a_missing_mandatory_column_names_the_table_and_column(extract) -> None:
    text = "CHILD,SEX,ETHNIC,UPN,MOTHER,MC_DOB\n1,F,WBRI,,,\n"
    folder = extract({"h.csv": text, "e.csv": episodes_csv(EPISODE)})
    with pytest.raises(InputError) as caught:
        load([folder])
    assert str(caught.value).startswith("extract/h.csv, line 1: looks like the Header table")
    assert "DOB" in str(caught.value)


def test_a_missing_optional_column_is_read_as_blank_and_reported(extract) -> None:
    text = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER\n1,F,01/01/2015,WBRI,,\n"
    folder = extract({"h.csv": text, "e.csv": episodes_csv(EPISODE)})
    tables = load([folder])
    assert [(i.code, i.field) for i in tables.issues] == [("CSC003", "MC_DOB")]


def test_a_file_that_matches_no_table_is_skipped_with_a_warning(extract) -> None:
    folder = extract({"notes.csv": "name,comment\nx,y\n", "e.csv": episodes_csv(EPISODE)})
    tables = load([folder])
    assert any("notes.csv: skipped" in note for note in tables.notes)


def test_two_files_for_one_table_are_an_error_naming_both(extract) -> None:
    folder = extract({"a.csv": episodes_csv(EPISODE), "b.csv": episodes_csv(EPISODE)})
    with pytest.raises(InputError, match=r"b\.csv: holds the Episodes table, which .*a\.csv"):
        load([folder])


def test_a_row_with_too_many_fields_is_reported_not_fatal(extract) -> None:
    text = header_csv("1,F,01/01/2015,WBRI,,,,extra")
    folder = extract({"h.csv": text, "e.csv": episodes_csv(EPISODE)})
    assert [(i.code, i.row) for i in load([folder]).issues] == [("CSC004", 0)]


def test_unreadable_dates_without_a_dfe_rule_become_csc001(extract) -> None:
    reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n1,31/02/2015,01/06/2025,PN1\n"
    folder = extract({"r.csv": reviews, "e.csv": episodes_csv(EPISODE)})
    assert [(i.code, i.field) for i in load([folder]).issues] == [("CSC001", "DOB")]


def test_a_file_named_twice_is_not_a_duplicate_table(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text(episodes_csv(EPISODE))
    with pytest.raises(InputError, match="holds the Episodes table"):
        load([tmp_path / "e.csv", tmp_path / "e.csv"])


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_quote_left_open_after_values_spanning_lines_names_its_own_line(newline) -> None:
    rows = [
        EPISODE_COLUMNS,
        '1,01/05/2025,S,C2,N1,U1,PR1,,,,"AB1' + newline + '2CD",,',
        "",
        '2,01/06/2025,S,C2,N1,U1,PR1,,,,"A,B",,',
        '3,01/07/2025,S,C2,N1,U1,PR1,,,,"LS1 4AB,,',
    ]
    data = newline.join(rows).encode()
    with pytest.raises(InputError, match="never closed") as caught:
        delimited.read(data, "e.csv")
    assert caught.value.line == 6
    # The same file with the quote closed reads whole: a closed quote on the last line is fine.
    sheet = delimited.read(data + b'"', "e.csv")
    assert sheet.lines == [2, 5, 6]
