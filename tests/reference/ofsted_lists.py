"""Small Ofsted provider lists in the layouts Ofsted publishes, written by tests (no downloads)."""

from pathlib import Path

from openpyxl import Workbook

COMBINED_PROVIDERS = [
    "URN",
    "Provider type",
    "Local authority",
    "Placement code",
    "Placement provider code",
    "Deregistration date",
    "Setting address postcode",
]
SUPPORTED_ACCOMMODATION = [
    "URN",
    "Provider local authority",
    "Closed date",
    "Setting address postcode",
]


def combined_workbook(path: Path, providers: list[list], supported: list[list]) -> Path:
    """The combined list from 2025: sheets "Providers" and "SA providers"."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Providers"
    sheet.append(COMBINED_PROVIDERS)
    for row in providers:
        sheet.append(row)
    accommodation = workbook.create_sheet("SA providers")
    accommodation.append(SUPPORTED_ACCOMMODATION)
    for row in supported:
        accommodation.append(row)
    workbook.save(path)
    return path


def childrens_homes_workbook(path: Path, settings: list[list], addresses: list[list]) -> Path:
    """The Children's Homes list with separate settings and address sheets."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Settings and Inspection Info"
    sheet.append(
        ["URN", "Local Authority", "Provider Code", "Provider Placement Code", "Closed Date"]
    )
    for row in settings:
        sheet.append(row)
    address = workbook.create_sheet("Address Details")
    address.append(["URN", "Setting Postcode"])
    for row in addresses:
        address.append(row)
    workbook.save(path)
    return path
