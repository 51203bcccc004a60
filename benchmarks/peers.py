"""The peer validators, each installed from PyPI into a virtual environment of its own (made once,
then reused), so that their pandas never meets csc-validate's dependencies."""

import argparse
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from csc_validate import packs

# What each peer needs installed. The CIN peer pins pandas 1.5, which is built against numpy 1
# but does not say so: left alone, pip gives it numpy 2 and it cannot be imported.
REQUIREMENTS = {
    "csc-validator-be-903": ["csc-validator-be-903"],
    "csc-validator-be-cin": ["csc-validator-be-cin==0.1.13", "numpy<2"],
}
# A comment line holding a NOTE: explains a difference (a NOTE in a docstring does not count).
NOTE = re.compile(r"^\s*#.*\bNOTE:", re.MULTILINE)
VENVS = {
    "csc-validator-be-903": "csc-validate-peer-903-venv",
    "csc-validator-be-cin": "csc-validate-peer-cin-venv",
}


def default_venv(package: str) -> Path:
    return Path(tempfile.gettempdir()) / VENVS[package]


def peer_python(package: str, venv_dir: Path | None = None) -> Path:
    """The peer's interpreter, installing the peer first if its environment is not there yet."""
    venv_dir = venv_dir or default_venv(package)
    python = venv_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        print(f"installing {package} into {venv_dir} ...", file=sys.stderr)
        venv.create(venv_dir, with_pip=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *REQUIREMENTS[package]],
            check=True,
        )
    return python


def peer_version(package: str, python: Path) -> str:
    show = subprocess.run(
        [str(python), "-m", "pip", "show", package], capture_output=True, text=True, check=False
    )
    for line in show.stdout.splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def print_table(legend: str, years: list[str], rows: list, silent: int, width: int) -> None:
    """The differential per rule and year, after its legend."""
    print(legend)
    print(f"{'rule':<10}" + "".join(f"{year:>{width}}" for year in years) + "  differs")
    for code, cells, mark in rows:
        print(f"{code:<10}" + "".join(f"{cell:>{width}}" for cell in cells) + f"  {mark}")
    print(f"{silent} more rules: nothing flagged by either side in any year")


def write_markdown(
    path: Path, years: list[str], rows: list, silent: int, explained: dict[str, str]
) -> None:
    lines = ["| rule | " + " | ".join(years) + " | differs |", "|---" * (len(years) + 2) + "|"]
    for code, cells, mark in rows:
        why = f"NOTE: {explained[code]}" if mark == "explained" else mark
        lines.append(f"| {code} | " + " | ".join(cells) + f" | {why} |")
    lines.append(f"\n{silent} more rules: nothing flagged by either side in any year.")
    path.write_text("\n".join(lines) + "\n")


def check_explained(collection: str, years: list[str], explained: dict[str, str]) -> None:
    """Stop if a rule marked as explained has no `# NOTE:` in its module in some year."""
    for year in years:
        rules = packs.load(collection, year).rules
        for code in explained.keys() & rules.keys():
            source = rules[code].source
            if source is None or not NOTE.search(source.read_text()):
                raise SystemExit(f"{code} is marked explained, but {source} has no NOTE: comment")


def differential_arguments(
    description: str, years: list[str], venv_dir: Path, kept: str, shown: str
) -> argparse.Namespace:
    """The options both differentials take: the years, the generated returns, the peer's
    environment, and what to keep or show."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--years", nargs="+", default=years)
    parser.add_argument("--children", type=int, default=2000)
    parser.add_argument("--error-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--venv", type=Path, default=venv_dir, help="the peer's environment")
    parser.add_argument("--keep", type=Path, help=f"keep the {kept} and both reports here")
    parser.add_argument("--show", nargs="*", default=[], help=f"list differing {shown}")
    parser.add_argument("--markdown", type=Path, help="also write the table here as Markdown")
    return parser.parse_args()
