"""Start-up: the program imports its heavy packages only where they are used (a workbook,
working days, postcodes), since start-up dominates the check of a typical return."""

import subprocess
import sys

HEAVY = ("openpyxl", "numpy", "holidays", "pandas", "xmlschema")


def test_the_cli_imports_no_heavy_package_until_it_needs_one() -> None:
    program = (
        "import sys\n"
        "import csc_validate.cli.app\n"
        "from csc_validate import collections\n"
        "collections.registry()\n"
        f"print(' '.join(name for name in {HEAVY!r} if name in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == []
