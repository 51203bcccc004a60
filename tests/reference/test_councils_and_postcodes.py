"""The council given with --la, the current district-to-council lookup and the postcode data."""

import polars as pl
import pytest

from csc_validate.collections.ssda903.reference import authorities, postcodes
from csc_validate.errors import UsageError


@pytest.mark.parametrize("given", ["213", "E09000033", " e09000033 "])
def test_a_council_is_named_by_its_ons_or_dfe_code(given: str) -> None:
    council = authorities.council(given)
    assert (council.ons_code, council.dfe_code, council.name) == ("E09000033", "213", "Westminster")


@pytest.mark.parametrize(
    ("given", "now"),
    [
        ("E10000023", "E06000065"),
        ("815", "E06000065"),
        ("E10000027", "E06000066"),
        ("E08000019", "E08000039"),
        ("942", "E06000063"),
        ("943", "E06000064"),
    ],
)
def test_councils_reorganised_in_2023_are_current(given: str, now: str) -> None:
    assert authorities.council(given).ons_code == now


@pytest.mark.parametrize("given", ["E10000006", "909"])
def test_cumbria_names_its_successors(given: str) -> None:
    with pytest.raises(UsageError, match=r"Cumberland .*Westmorland and Furness"):
        authorities.council(given)


@pytest.mark.parametrize("given", ["999", "W06000015", "Leeds", ""])
def test_an_unknown_council_is_refused(given: str) -> None:
    with pytest.raises(UsageError, match="not an English council"):
        authorities.council(given)


def test_there_are_153_councils_each_its_own_council_in_the_lookup() -> None:
    councils = authorities.councils()
    assert len(councils) == len({c.dfe_code for c in councils}) == 153
    lookup = authorities.district_to_council()
    assert all(lookup[c.ons_code] == c.ons_code for c in councils)
    # Districts of the 2021 lookup land on current councils.
    assert lookup["E07000163"] == "E06000065"  # Craven -> North Yorkshire
    assert lookup["E07000030"] == "E06000064"  # Eden -> Westmorland and Furness
    assert lookup["E07000117"] == "E10000017"  # Burnley -> Lancashire


def test_the_lookup_codes_countries_outside_england() -> None:
    directory = pl.DataFrame(
        {
            "pcd": ["CF10 1AA", "EH1 1AA", "BT1 1AA", "GY1 1AA", "IM1 1AA", "AB1 2CD", "LS1 1AA"],
            "laua": [
                "W06000015",
                "S12000036",
                "N09000003",
                "L99999999",
                "M99999999",
                None,
                "E08000035",
            ],
            "oseast1m": [1.0, 2.0, 3.0, None, None, 6.0, 7.0],
            "osnrth1m": [1.0, 2.0, 3.0, None, None, 6.0, 7.0],
        }
    )
    table = postcodes.lookup(directory)
    assert table["POSTCODE"].to_list()[0] == "CF101AA"
    assert table["LA"].to_list() == ["WAL", "SCO", "NIR", "NUK", "NUK", None, "E08000035"]


def test_the_packaged_directory_is_current() -> None:
    table = postcodes.load()
    found = dict(
        table.filter(pl.col("POSTCODE").is_in(["SW1A1AA", "CA11RQ", "TA12DG"]))
        .select("POSTCODE", "LA")
        .iter_rows()
    )
    assert found["SW1A1AA"] == "E09000033"
    assert found.get("CA11RQ") in (None, "E06000063")  # Carlisle is in Cumberland
    assert table.height > 2_000_000


def test_the_directory_switched_off_is_said_not_read_as_empty(monkeypatch) -> None:
    # The package's QLAC_DISABLE_PC makes its reader load nothing: every postcode would be unknown.
    monkeypatch.setenv("QLAC_DISABLE_PC", "1")
    postcodes._read.cache_clear()
    with pytest.raises(RuntimeError, match="QLAC_DISABLE_PC"):
        postcodes.read_letters(["Z"])
    monkeypatch.delenv("QLAC_DISABLE_PC")
    assert postcodes.read_letters(["Z"]).height > 0


def test_a_returns_postcodes_are_cut_from_their_letters_which_are_not_kept() -> None:
    postcodes._read.cache_clear()
    table = postcodes.load({"SW1A1AA", "TA12DG", "ZZ999ZZ"})
    assert set(table["POSTCODE"]) == {"SW1A1AA", "TA12DG"}
    assert table.filter(pl.col("POSTCODE") == "SW1A1AA")["LA"].to_list() == ["E09000033"]
    assert postcodes._read.cache_info().currsize == 0
