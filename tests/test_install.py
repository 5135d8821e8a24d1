"""What a fresh install needs: every distribution kzfacts imports is declared, and a missing one
is one line naming the package, never a traceback."""
from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def declared() -> set[str]:
    reqs = list(PYPROJECT["dependencies"])
    reqs += [r for name, extra in PYPROJECT["optional-dependencies"].items() if name != "test" for r in extra]
    return {canonicalize_name(Requirement(r).name) for r in reqs}


def imported_modules() -> set[str]:
    """Top-level names of every module imported anywhere in kzfacts (function-level imports too)."""
    names = set()
    for path in (ROOT / "kzfacts").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"kzfacts", "__future__"}


def test_every_imported_distribution_is_declared():
    owners = packages_distributions()
    missing = {}
    for module in imported_modules():
        dists = {canonicalize_name(d) for d in owners.get(module, [module])}
        if not dists & declared():
            missing[module] = sorted(dists)
    assert not missing, f"imported but not in pyproject.toml: {missing}"


def test_web_pages_dependency_is_declared_for_old_pips():
    # pip 23 (a fresh venv's) does not resolve justext's lxml[html_clean]: kzfacts names it itself
    assert "lxml-html-clean" in declared()
    import lxml.html.clean  # noqa: F401


BLOCK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r} or name.startswith({module!r} + "."):
            raise ImportError({message!r}, name={module!r})
sys.meta_path.insert(0, Block())
sys.argv = ["kzfacts", *sys.argv[1:]]
from kzfacts.cli import main
main()
"""


def run_blocked(module: str, message: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCK.format(module=module, message=message), *args],
                          input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_a_missing_web_dependency_is_one_line_naming_the_package(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + "The minister spoke in Astana. " * 20 + "</p></body></html>")
    done = run_blocked("lxml.html.clean", "lxml.html.clean module is now a separate project lxml_html_clean",
                       "extract", str(page), "--format", "json")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "pip install lxml_html_clean" in lines[0] and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_missing_dask_is_one_line_naming_the_extra():
    done = run_blocked("distributed", "No module named 'distributed'", "extract", "-", "--engine", "dask",
                       "--format", "json", stdin="Tokayev met Putin in Astana.")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "kzfacts[dask]" in lines[0], done.stderr
