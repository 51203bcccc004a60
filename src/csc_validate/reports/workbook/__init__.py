"""The caseworker workbook's sheets, one module each; `reports.excel` assembles and writes them."""
