"""Size of the HTML report on a generated CIN census, and the time headless Chromium takes to
open it (to the report's own "ready" mark) and to draw a child's page.

Usage: python benchmarks/html_size.py [--children 10000 60000] [--seed 1] [--error-rate 0.05]

For each size, writes a synthetic census, checks it once, writes report.html from that Report
(with the rows of the children with findings, as `check -o report.html` does), then opens it in
headless Chromium at 1366 pixels: the summary, the Children tab (every child listed) and the page
of the last child, with the times the page itself measures (to its script's "ready" mark, and to
the end of the child list). Numbers go to standard output only.
"""

import argparse
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from csc_validate import schemas
from csc_validate.check import check_with_tables
from csc_validate.collections.cin import synthetic
from csc_validate.reports import html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, nargs="+", default=[10_000, 60_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--error-rate", type=float, default=0.05)
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for children in args.children:
            census = folder / f"cin-{children}.xml"
            synthetic.write(
                synthetic.generate(children, args.seed, args.year, args.error_rate), census
            )
            report, tables = check_with_tables([census])
            child_column = schemas.load(report.collection, report.year).child_column
            start = time.perf_counter()
            page = folder / f"report-{children}.html"
            page.write_text(html.render(report, tables, child_column), encoding="utf-8")
            render = time.perf_counter() - start
            flagged = sorted({f.child for f in report.findings if f.child})
            print(
                f"{children:>7} children: {len(report.findings)} findings for {len(flagged)} "
                f"children; HTML {page.stat().st_size / 2**20:.1f} MiB written in {render:.1f} s"
            )
            if browser is None:
                print("  (Chromium not installed: apt-get install chromium)")
                continue
            for fragment in ("summary", "children", f"child/{flagged[-1]}"):
                seconds, listed, ready, listing = _open(browser, page, fragment, folder)
                print(
                    f"  #{fragment}: ready {ready} ms after navigation, whole child list "
                    f"{listing} ms ({listed} children listed); Chromium ran {seconds:.1f} s"
                )


def _open(browser: str, page: Path, fragment: str, folder: Path) -> tuple[float, int, str, str]:
    """Wall time to load the page and run its script; virtual time lets the list finish."""
    start = time.perf_counter()
    done = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={folder / 'profile'}",
            "--window-size=1366,900",
            "--virtual-time-budget=60000",
            "--dump-dom",
            f"{page.as_uri()}#{fragment}",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    seconds = time.perf_counter() - start
    dom = done.stdout
    listed = dom.split('id="child-list"')[1].split("</div>")[0] if 'id="child-list"' in dom else ""
    ready = re.search(r'data-ready-ms="(\d+)"', dom)
    listing = re.search(r'data-listed-ms="(\d+)"', dom)
    return (
        seconds,
        listed.count("data-child="),
        ready.group(1) if ready else "never",
        listing.group(1) if listing else "-",
    )


if __name__ == "__main__":
    main()
