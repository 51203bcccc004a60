"""Ofsted's published lists of children's homes and social care providers, as the user
downloads them (XLSX or CSV), read into one provider lookup by URN for the URN rules.

Layouts accepted (formats.md §1.4): the Children's Homes list (sheet "Provider information",
or "Settings and Inspection Info" with "Address Details"), the Social Care Providers list
(current and closed providers), and from 2025 the combined list (sheets "Providers" and
"SA providers"; the latter are supported accommodation, placement K3 and provider PR4 unless
the sheet says otherwise). Any sheet with a URN column is used; columns are matched by name
whatever their case or spacing.
"""

from pathlib import Path

import polars as pl

from csc_validate.collections.ssda903.dates import DATE
from csc_validate.collections.ssda903.reference.postcodes import normalised
from csc_validate.errors import InputError
from csc_validate.readers import kind, read_table_file
from csc_validate.readers.casting import DateFormat, read_dates
from csc_validate.readers.sheets import Sheet, normalise_header

# Our column -> the names Ofsted's lists have used for it (normalised: upper case, no spaces).
COLUMNS: dict[str, tuple[str, ...]] = {
    "URN": ("URN",),
    "PLACE_CODES": ("PROVIDERPLACEMENTCODE", "PLACEMENTCODE"),
    "PROVIDER_CODES": ("PROVIDERCODE", "PLACEMENTPROVIDERCODE"),
    "REG_END": ("CLOSEDDATE", "DEREGISTRATIONDATE"),
    "POSTCODE": ("SETTINGPOSTCODE", "SETTINGADDRESSPOSTCODE"),
}
# Supported accommodation sheets carry neither code: DfE codes them K3 (placement), PR4.
SUPPORTED_ACCOMMODATION = {"PLACE_CODES": "K3", "PROVIDER_CODES": "PR4"}
# Ofsted's lists write dates as the return does, or (a CSV from its data tools) as yyyy-mm-dd.
DATE_FORMATS = (
    DATE,
    DateFormat(pattern="%Y-%m-%d", shape=r"^\d{4}-\d{2}-\d{2}$", label="yyyy-mm-dd"),
)


def read(paths: tuple[Path, ...]) -> pl.DataFrame:
    """One row per URN: PLACE_CODES and PROVIDER_CODES (lists), REG_END (date, null if open),
    POSTCODES (list, upper case without spaces)."""
    frames: list[pl.DataFrame] = []
    for path in paths:
        display = path.name
        if not path.is_file():
            raise InputError(display, "no such file", expected="an Ofsted provider list")
        file_kind = kind(path, display)
        if file_kind == "xml":
            raise InputError(display, "is XML", expected="an Ofsted provider list (XLSX or CSV)")
        sheets = [sheet for sheet in read_table_file(path, display, file_kind) if _has_urn(sheet)]
        if not sheets:
            raise InputError(
                display,
                "has no sheet with a URN column",
                expected="Ofsted's children's homes or social care providers list",
            )
        frames += [sheet_frame(sheet) for sheet in sheets]
    return providers(pl.concat(frames, how="diagonal_relaxed"))


def sheet_frame(sheet: Sheet) -> pl.DataFrame:
    """One sheet's columns as text under our names; a sheet without some columns has nulls."""
    height = sheet.height
    found: dict[str, list[str | None]] = {}
    for ours, names in COLUMNS.items():
        for name in names:
            if name in sheet.columns:
                found[ours] = sheet.columns[name]
                break
    frame = pl.DataFrame(
        {ours: found.get(ours, [None] * height) for ours in COLUMNS},
        schema=dict.fromkeys(COLUMNS, pl.String),
    )
    title = (sheet.sheet or "").lower()
    if title.startswith("sa ") or "supported accommodation" in title:
        defaults = SUPPORTED_ACCOMMODATION.items()
        frame = frame.with_columns(pl.col(name).fill_null(pl.lit(code)) for name, code in defaults)
    return frame


def providers(rows: pl.DataFrame) -> pl.DataFrame:
    """Rows of any sheets (text columns as in COLUMNS) merged into one row per URN."""
    codes = r"[A-Z]+\d+"
    text = rows.select(
        URN=pl.col("URN").str.strip_chars().str.to_uppercase(),
        PLACE_CODES=pl.col("PLACE_CODES").str.to_uppercase().str.extract_all(codes),
        PROVIDER_CODES=pl.col("PROVIDER_CODES").str.to_uppercase().str.extract_all(codes),
        REG_END=read_dates(pl.col("REG_END"), DATE_FORMATS),
        POSTCODE=normalised(pl.col("POSTCODE")),
        _open=pl.col("REG_END").is_null(),
    ).filter(pl.col("URN").is_not_null())
    # A URN listed as open anywhere (a current sheet) is open; otherwise its latest end counts.
    return (
        text.group_by("URN", maintain_order=True)
        .agg(
            pl.col("PLACE_CODES").explode().drop_nulls().unique().sort(),
            pl.col("PROVIDER_CODES").explode().drop_nulls().unique().sort(),
            pl.when(~pl.col("_open").any()).then(pl.col("REG_END").max()).alias("REG_END"),
            pl.col("POSTCODE").drop_nulls().unique().sort().alias("POSTCODES"),
        )
        .sort("URN")
    )


def _has_urn(sheet: Sheet) -> bool:
    return normalise_header("URN") in sheet.columns
