"""The collection year comes from where the return's episodes fall, never from today's date."""

import datetime as dt
import re
from pathlib import Path

import pytest

from csc_validate.check import check
from csc_validate.collections.ssda903.year import infer_year
from csc_validate.pipeline.load import load
from csc_validate.readers.detect import Detected
from csc_validate.readers.sheets import Sheet

APRIL_EPISODE = "992339,15/04/2026,P,V2,N1,U4,PR5,,,,BD7 3FZ,DN4 2ZL,2273889\n"


def _episodes(*rows: tuple[str, str | None]) -> list[Detected]:
    sheet = Sheet(
        file="episodes.csv",
        columns={"DECOM": [start for start, _ in rows], "DEC": [end for _, end in rows]},
        lines=list(range(2, len(rows) + 2)),
    )
    return [Detected(table="Episodes", sheet=sheet, missing=(), extra=())]


def test_an_episode_starting_after_31_march_is_a_finding_not_another_year(
    this_year: Path, last_year: Path
) -> None:
    before = check([this_year], [last_year])
    with (this_year / "episodes.csv").open("a") as handle:
        handle.write(APRIL_EPISODE)
    after = check([this_year], [last_year])
    assert after.year == before.year == "2025-26"
    assert "1 start after it and are reported as findings" in after.year_source
    late = [f for f in after.findings if f.rule == "354"]
    last_line = len((this_year / "episodes.csv").read_text().splitlines())
    assert [(f.file, f.line, f.values["DECOM"]) for f in late] == [
        (f"{this_year.name}/episodes.csv", last_line, "15/04/2026")
    ]
    # The rest of the check is the year's own; the new episode adds its own findings only.
    assert len(before.findings) < len(after.findings) < len(before.findings) + 10


def test_the_year_is_said_plainly(this_year: Path) -> None:
    tables = load([this_year])
    said = re.fullmatch(
        rf"inferred: (\d+) of the (\d+) episodes in {this_year.name}/episodes.csv are open "
        r"between 01/04/2025 and 31/03/2026",
        tables.metadata["year_source"],
    )
    assert said, tables.metadata["year_source"]
    assert int(said[2]) == tables.typed("Episodes").height >= int(said[1]) > 0


@pytest.mark.parametrize(
    ("rows", "year"),
    [
        # 31 March and 1 April either side of the year's end.
        ((("31/03/2026", None),), "2025-26"),
        ((("01/04/2026", None),), "2026-27"),
        # Closed on 31 March: open in that year only; closed on 1 April: open in the next too,
        # but more of its events (its start) fall in the year it started.
        ((("01/05/2025", "31/03/2026"),), "2025-26"),
        ((("01/05/2025", "01/04/2026"),), "2025-26"),
        # Long-open episodes from several years and this year's closures and starts.
        (
            (
                ("01/01/2019", None),
                ("01/06/2021", None),
                ("01/02/2024", "10/10/2025"),
                ("10/10/2025", None),
                ("01/05/2025", "01/03/2026"),
            ),
            "2025-26",
        ),
        # Starts typed as 1900 and 2062 do not move the year.
        (
            (
                ("01/01/1900", None),
                ("01/05/2025", "01/09/2025"),
                ("01/06/2025", None),
                ("01/01/2062", None),
            ),
            "2025-26",
        ),
        # One late start against a year of episodes that were open and closed in the year.
        (
            (
                ("01/05/2025", "01/07/2025"),
                ("01/07/2025", "01/10/2025"),
                ("01/10/2025", "01/02/2026"),
                ("01/02/2026", None),
                ("20/06/2026", None),
            ),
            "2025-26",
        ),
    ],
)
def test_the_year_is_where_most_episodes_are_open(
    rows: tuple[tuple[str, str | None], ...], year: str
) -> None:
    inferred = infer_year(_episodes(*rows))
    assert inferred is not None and inferred[0] == year


def test_todays_date_takes_no_part(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tomorrow(dt.date):
        @classmethod
        def today(cls) -> "Tomorrow":
            return cls(2020, 1, 1)

    found = _episodes(("01/05/2025", None), ("01/06/2025", "01/09/2025"))
    first = infer_year(found)
    monkeypatch.setattr(dt, "date", Tomorrow)
    assert infer_year(found) == first


def test_unreadable_starts_give_no_year() -> None:
    assert infer_year(_episodes(("2025-05-01", None), ("", None))) is None
