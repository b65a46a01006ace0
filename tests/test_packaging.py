"""The sdist and the wheel carry the MIT LICENSE, the typing marker and the rule files."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_sdist_and_wheel_ship_the_license_and_py_typed(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("okrlint-*.whl")
    (sdist,) = tmp_path.glob("okrlint-*.tar.gz")
    names = zipfile.ZipFile(wheel).namelist()
    license_file = next(n for n in names if n.endswith("dist-info/licenses/LICENSE"))
    text = zipfile.ZipFile(wheel).read(license_file).decode()
    assert text.startswith("MIT License") and text == (ROOT / "LICENSE").read_text()
    assert "okrlint/py.typed" in names
    assert "okrlint/_data/rules/E004-unused-suppression.yaml" in names
    with tarfile.open(sdist) as archive:
        members = {m.name.split("/", 1)[1] for m in archive.getmembers() if "/" in m.name}
    assert {"LICENSE", "okrlint/py.typed", ".pre-commit-hooks.yaml"} <= members
    assert "tests/schemas/sarif-2.1.0.json" in members  # the vendored schemas, with licences
