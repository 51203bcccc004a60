"""Printing: landscape, fitted to the page width, the header rows repeated on every page."""

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

PAPER_A4 = "9"


def landscape(sheet: WriteOnlyWorksheet, header_rows: str | None = "1:1") -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.fitToWidth = 1
    # 0: as many pages down as the rows need.
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if header_rows is not None:
        sheet.print_title_rows = header_rows
