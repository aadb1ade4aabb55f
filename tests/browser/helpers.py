"""Checkers used by the real-browser tests.

- ``html_errors(html)``: the Nu HTML checker (npm ``vnu-jar``, run with Java)
  on a document given as text; returns its errors.
- ``axe_violations(page)``: axe-core (npm ``axe-core``) injected into a
  playwright page; returns the serious and critical violations.

Both tools come from ``npm ci`` in the repository root (see package.json).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")

BLOCKING_IMPACTS = frozenset({"serious", "critical"})


class CheckerMissing(RuntimeError):
    """A checker (Java, vnu.jar, axe-core) is not installed."""


def html_errors(html: str) -> list[dict]:
    """Validate ``html`` with the Nu HTML checker; return its error messages.

    Only messages of type "error" are returned (warnings are "info" messages
    and are ignored). Each message is the checker's JSON dict, with keys such
    as ``message``, ``extract``, ``lastLine`` and ``lastColumn``.
    """
    if not VNU_JAR.is_file():
        raise CheckerMissing(
            f"Nu HTML checker not found at {VNU_JAR}; run `npm ci` in {REPO_ROOT}"
        )
    java = shutil.which("java")
    if java is None:
        raise CheckerMissing("java not found; the Nu HTML checker needs Java 17+")
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--stdout", "--format", "json", "-"],
        input=html.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    # vnu exits 1 when the document has errors; only the output matters.
    try:
        report = json.loads(proc.stdout.decode("utf-8"))
    except ValueError as exc:
        raise RuntimeError(
            f"Nu HTML checker gave no JSON report (exit {proc.returncode}): "
            f"{proc.stderr.decode('utf-8', 'replace')[:2000]}"
        ) from exc
    messages = report.get("messages", [])
    broken = [m for m in messages if m.get("type") == "non-document-error"]
    if broken:
        raise RuntimeError(f"Nu HTML checker failed: {broken}")
    return [m for m in messages if m.get("type") == "error"]


def format_html_errors(errors: list[dict]) -> str:
    """One readable line per Nu checker error, for assertion messages."""
    return "\n".join(
        f"line {e.get('lastLine', '?')}:{e.get('lastColumn', '?')}: "
        f"{e.get('message', '')} [{e.get('extract', '').strip()}]"
        for e in errors
    )


def axe_violations(page) -> list[dict]:
    """Run axe-core in ``page``; return violations with serious/critical impact.

    The page's browser context should have ``bypass_csp=True`` (the ``page``
    fixtures do) so the script can be injected despite a Content-Security-Policy.
    """
    if not AXE_JS.is_file():
        raise CheckerMissing(
            f"axe-core not found at {AXE_JS}; run `npm ci` in {REPO_ROOT}"
        )
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("async () => await axe.run()")
    return [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def format_axe_violations(violations: list[dict]) -> str:
    """One readable block per axe violation, for assertion messages."""
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v.get("nodes", [])[:5]:
            lines.append(f"    {node.get('target')}: {node.get('html', '')[:200]}")
    return "\n".join(lines)


def type_into_editor(page, field_name, paragraphs):
    """Type into the django-prose-editor (ProseMirror) widget of a field."""
    editor = page.locator(
        f".prose-editor:has(textarea[name='{field_name}']) [contenteditable=true]"
    )
    editor.click()
    for index, text in enumerate(paragraphs):
        if index:
            page.keyboard.press("Enter")
        page.keyboard.type(text)


def fetch(url):
    """The raw HTML a server sends (what the Nu checker should see)."""
    with urllib.request.urlopen(url) as response:
        return response.read().decode()
