"""Every example in the README runs as written, on the sample (shell lines through the installed
command, Python blocks in this process)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from . import pages
from .conftest import ROOT, SAMPLE

README = (ROOT / "README.md").read_text(encoding="utf-8")
# lines that need what a test machine has not: the network, a Dask cluster, a shell's completion
# setup, the quick start's own install (CI runs that), or a placeholder to fill in
NOT_HERE = ("https://", "URL", "SCHEDULER", "--engine dask", "--install-completion", "pip install", "python3.11 -m venv",
            "--urls")


def blocks(language: str) -> list[str]:
    return re.findall(rf"^ *```{language}\n(.*?)^ *```", README, flags=re.S | re.M)


def shell_lines() -> list[str]:
    lines = []
    for block in blocks("bash"):
        for raw in block.splitlines():
            line = re.sub(r"\s+#.*$", "", raw.strip())
            if line.startswith(("kzfacts ", "cat ")) and "kzfacts" in line and not any(n in line for n in NOT_HERE):
                lines.append(line)
    return lines


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder holding every file the README's examples name, made from the sample."""
    root = tmp_path_factory.mktemp("readme")
    text = SAMPLE.read_text(encoding="utf-8")
    (root / "article.txt").write_text(text, encoding="utf-8")
    for folder in ("articles", "scraped", "saved"):
        (root / folder).mkdir()
        (root / folder / "digest.txt").write_text(text, encoding="utf-8")
        (root / folder / "short.txt").write_text("Minister Jane Doe opened the bridge in Astana.\n", encoding="utf-8")
    (root / "saved" / "page.html").write_text(pages.page(0), encoding="utf-8")
    (root / "page.html").write_text(pages.page(0), encoding="utf-8")
    (root / "feed.jsonl").write_text("".join(json.dumps({"id": f"n{i}", "body": line}) + "\n"
                                             for i, line in enumerate(text.split("\n\n")[5:8])), encoding="utf-8")
    (root / "dump.jsonl").write_text(json.dumps({"id": "p", "html": pages.page(1)}) + "\n", encoding="utf-8")
    (root / "my_names.jsonl").write_text(json.dumps({"label": "ORG", "pattern": "Dialogue Platform"}) + "\n",
                                         encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "gold-example", root / "docs" / "gold-example")  # the README's commands run from a checkout
    gold = root / "my_gold"
    gold.mkdir()
    (gold / "a.txt").write_text("Minister Jane Doe opened the bridge on Monday.\n", encoding="utf-8")
    (gold / "a.gold.json").write_text(json.dumps({"articles": [{"people": [{"name": "Jane Doe"}]}]}), encoding="utf-8")
    return root


def test_the_readme_has_examples_to_run():
    assert len(shell_lines()) >= 20 and len(blocks("python")) == 2


@pytest.mark.parametrize("line", shell_lines())
def test_a_readme_shell_example_runs(workdir, line):
    if "| jq" in line and shutil.which("jq") is None:
        line = line.split("| jq")[0]
    bin_dir = Path(sys.executable).parent
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(workdir), "LANG": "C.UTF-8"}
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {line}"], cwd=workdir, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"{line}\n{done.stderr[-1500:]}"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("n", range(len(blocks("python"))))
def test_a_readme_python_example_runs(extractor, n):
    text = SAMPLE.read_text(encoding="utf-8")
    namespace = {"text": text, "text_a": text, "text_b": "Minister Jane Doe opened the bridge in Astana."}
    exec(compile(blocks("python")[n], f"README python block {n + 1}", "exec"), namespace)  # noqa: S102
    if "record" in namespace:
        assert len(namespace["record"]["articles"]) == 4 and namespace["rec"]["source"] == "b.txt"
    else:
        assert namespace["doc"]._.kz_quotes
