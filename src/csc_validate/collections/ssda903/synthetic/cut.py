"""A year-to-date SSDA903 extract from a full year's return, as a case system would give it on a
day: what had not happened by then is not there, and what was still going on is open.

Used to show that a check `--as-at` that day finds nothing the full year's check does not.
"""

import datetime as dt

import polars as pl

DATE = "%d/%m/%Y"
# Per table: the column whose date after the cut removes the row (the record had not begun),
# and the end columns blanked, with what goes with them, when their date is after the cut.
STARTS = {
    "Episodes": "DECOM",
    "Reviews": "REVIEW",
    "Missing": "MIS_START",
    "PlacedAdoption": "DATE_PLACED",
    "SWEpisodes": "SW_DECOM",
    "DoLo": "DOLO_START",
}
ENDS = {
    # The reason for placement change says why the episode's placement ended.
    "Episodes": {"DEC": ("DEC", "REC", "REASON_PLACE_CHANGE")},
    "Missing": {"MIS_END": ("MIS_END",)},
    "PlacedAdoption": {"DATE_PLACED_CEASED": ("DATE_PLACED_CEASED", "REASON_PLACED_CEASED")},
    # SW_REASON says why the episode's social worker came, so it stays.
    "SWEpisodes": {"SW_DEC": ("SW_DEC",)},
    "DoLo": {"DOLO_END": ("DOLO_END",)},
    # The date UASC ceased is the 18th birthday, known ahead (205A-D want it so).
    "Header": {"MC_DOB": ("MC_DOB",)},
}
ADOPTED = ("E11", "E12")


def cut(tables: dict[str, pl.DataFrame], as_at: dt.date) -> dict[str, pl.DataFrame]:
    """This year's tables (text, as the generator gives them) as extracted on `as_at`."""
    out = {name: _cut_table(name, frame, as_at) for name, frame in tables.items()}
    episodes = out["Episodes"]
    # A child whose care began after the day is not in the extract at all; a care leaver with no
    # episode this year (OC3 only) stays.
    gone = set(tables["Episodes"]["CHILD"].to_list()) - set(episodes["CHILD"].to_list())
    out = {name: frame.filter(~pl.col("CHILD").is_in(list(gone))) for name, frame in out.items()}
    adopted = out["Episodes"].filter(pl.col("REC").is_in(ADOPTED))["CHILD"]
    out["AD1"] = out["AD1"].filter(pl.col("CHILD").is_in(adopted.to_list()))
    return out


def _cut_table(name: str, frame: pl.DataFrame, as_at: dt.date) -> pl.DataFrame:
    if name == "Header":
        # A baby born after the day was not known on it: the mother was not yet one.
        frame = frame.with_columns(
            pl.when(_after(frame, "MC_DOB", as_at) & (pl.col("MOTHER") == "1"))
            .then(pl.lit("0"))
            .otherwise(pl.col("MOTHER"))
            .alias("MOTHER")
        )
    start = STARTS.get(name)
    if start is not None:
        frame = frame.filter(~_after(frame, start, as_at))
    for column, blanked in ENDS.get(name, {}).items():
        if column not in frame.columns:
            continue
        late = _after(frame, column, as_at)
        frame = frame.with_columns(
            pl.when(late).then(pl.lit(None, pl.String)).otherwise(pl.col(c)).alias(c)
            for c in blanked
        )
    return frame


def _after(frame: pl.DataFrame, column: str, as_at: dt.date) -> pl.Series:
    day = frame[column].str.strptime(pl.Date, DATE, strict=False)
    return (day > as_at).fill_null(False)
