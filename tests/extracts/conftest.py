"""A copy of the bundled SSDA903 examples to spoil one way at a time, as a new user's extract."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "ssda903"


@pytest.fixture
def this_year(tmp_path: Path) -> Path:
    """The bundled 2025-26 return, copied so that a test may change it."""
    return Path(shutil.copytree(EXAMPLES / "2025-26", tmp_path / "2025-26"))


@pytest.fixture
def last_year(tmp_path: Path) -> Path:
    """The bundled 2024-25 return, copied."""
    return Path(shutil.copytree(EXAMPLES / "2024-25", tmp_path / "2024-25"))
