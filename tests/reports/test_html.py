"""The HTML report: self-contained, safe with any value, and rendered by a real browser."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from csc_validate.check import check, check_with_tables
from csc_validate.findings import Report
from csc_validate.reports import html
from tests.conftest import episodes_csv, header_csv

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed: apt-get install chromium"
)


@pytest.fixture(scope="module")
def report() -> Report:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return check([Path("examples/ssda903/2025-26")], [Path("examples/ssda903/2024-25")])
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def page(report: Report, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(html.render(report), encoding="utf-8")
    return path


def _browser(page: Path, fragment: str, width: int, tmp_path: Path) -> str:
    """The DOM after the report's script ran, as headless Chromium renders it at this width."""
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--window-size={width},900",
            "--virtual-time-budget=3000",
            "--dump-dom",
            f"{page.as_uri()}#{fragment}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_nothing_is_fetched(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "<link" not in text and "@import" not in text and "url(" not in text


def test_same_report_gives_the_same_bytes(report: Report) -> None:
    assert html.render(report) == html.render(report)


def test_summary_counts_every_rule(report: Report, page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for summary in report.summary:
        assert f'<div class="label" role="listitem">{summary.rule}</div>' in text


@needs_browser
@pytest.mark.parametrize("width", [1366, 390])
def test_findings_table_is_rendered_in_the_browser(
    report: Report, page: Path, width: int, tmp_path: Path
) -> None:
    dom = _browser(page, "findings", width, tmp_path)
    assert 'data-ready="true"' in dom
    assert f'data-layout="{"narrow" if width < 700 else "wide"}"' in dom
    body = dom.split('id="findings-body">')[1].split("</tbody>")[0]
    assert body.count("<tr") == len(report.findings)
    assert f"Showing {len(report.findings)} of {len(report.findings)} findings." in dom
    assert '<section id="page-findings">' in dom and '<section id="page-summary" hidden="">' in dom


@needs_browser
def test_a_child_has_a_page_of_its_own(report: Report, page: Path, tmp_path: Path) -> None:
    child = report.findings[0].child
    dom = _browser(page, f"child/{child}", 390, tmp_path)
    panel = dom.split('id="child-panel"')[1].split("</section>")[0]
    own = [f for f in report.findings if f.child == child]
    assert f"Child {child}" in panel
    assert panel.count('class="finding ') == len(own)
    assert all(f.message in panel for f in own)


@needs_browser
def test_a_value_cannot_break_out_of_the_page(extract, tmp_path: Path) -> None:
    hostile = "</script><script>document.title='owned'</script>"
    folder = extract(
        {"h.csv": header_csv(f'1,F,01/01/2015,"{hostile}",,,'), "e.csv": episodes_csv()}
    )
    report, tables = check_with_tables([folder], year="2025-26", select=["103"])
    path = tmp_path / "report.html"
    path.write_text(html.render(report, tables, "CHILD"), encoding="utf-8")
    dom = _browser(path, "findings", 1366, tmp_path)
    assert "owned" not in dom.split("<title>")[1].split("</title>")[0]
    assert "ETHNIC=&lt;/script&gt;&lt;script&gt;" in dom
    # The child's own records show the value as text too.
    dom = _browser(path, "child/1", 1366, tmp_path)
    assert "owned" not in dom.split("<title>")[1].split("</title>")[0]
    assert '<td class="bad" title="103">&lt;/script&gt;&lt;script&gt;' in dom


@needs_browser
def test_every_child_with_findings_is_listed(extract, tmp_path: Path) -> None:
    """More children than the first chunk the list draws: all are listed, and counted."""
    count = 2600
    rows = [f"C{n:05d},1,01/01/2015,,XXXX,," for n in range(count)]
    folder = extract({"h.csv": header_csv(*rows), "e.csv": episodes_csv()})
    report, tables = check_with_tables([folder], year="2025-26", select=["103"])
    path = tmp_path / "report.html"
    path.write_text(html.render(report, tables, "CHILD"), encoding="utf-8")
    dom = _browser(path, "children", 1366, tmp_path)
    listed = dom.split('id="child-list"')[1].split("</div>")[0]
    assert listed.count("data-child=") == count
    assert f"{count} children have findings." in dom
    assert "C02599" in listed


@needs_browser
def test_a_childs_page_shows_their_records_with_cells_and_related_rows_marked(
    tmp_path: Path,
) -> None:
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        report, tables = check_with_tables(
            [Path("examples/ssda903/2025-26")], [Path("examples/ssda903/2024-25")]
        )
    finally:
        os.chdir(cwd)
    overlap = next(f for f in report.findings if f.rule == "501")
    path = tmp_path / "report.html"
    path.write_text(html.render(report, tables, "CHILD"), encoding="utf-8")
    dom = _browser(path, f"child/{overlap.child}", 1366, tmp_path)
    panel = dom.split('id="child-panel"')[1].split("</section>")[0]
    episodes = tables.raw("Episodes")
    own = episodes.filter(episodes["CHILD"].str.strip_chars() == overlap.child)
    section = panel.split("<h3>Episodes</h3>")[1].split("</table>")[0]
    assert section.count("<tr") == own.height + 1  # the child's episodes, and the header
    on_cell = [f.rule for f in report.findings if (f.table, f.row) == ("Episodes", overlap.row)]
    assert f'<td class="bad" title="{", ".join(on_cell)}">' in section
    related = overlap.related[0]
    comparing = sorted(
        f.rule
        for f in report.findings
        if any((r.table, r.row) == (related.table, related.row) for r in f.related or ())
    )
    assert "501" in comparing
    title = f"compared by {', '.join(comparing)}"
    assert f'<tr class="related" title="{title}"><td>{related.line}</td>' in section
    assert "<h3>Header</h3>" in panel
    assert f"(compared with Episodes line {related.line})" in panel
