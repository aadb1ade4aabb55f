"""App layers: a module imports only from its own layer or below.

From the bottom (docs/DESIGN): the site-wide helpers (``newsroom/*.py``),
``licensing`` and ``publication``, ``briefs`` (and ``pages`` beside it), then the features built on
briefs (``fundraising``, ``feedback``, ``republishing``). Every module of
``newsroom/`` and ``briefs/`` is read with ``ast``, imports inside functions
included; project wiring (settings, URLconf, WSGI/ASGI, context processors)
and migrations sit outside the rule.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["newsroom", "briefs"]

# Bottom first. A module belongs to the layer of the longest prefix it matches.
LAYERS = [
    ("site-wide helpers", ["newsroom"]),
    ("licensing and publication", ["newsroom.licensing", "newsroom.publication"]),
    # pages sits beside briefs: its menu links to sections, countries and topics.
    ("briefs", ["briefs", "newsroom.pages"]),
    (
        "features built on briefs",
        ["newsroom.fundraising", "newsroom.feedback", "newsroom.republishing"],
    ),
    # The WordPress importer makes briefs, reader messages and redirects.
    ("importing", ["newsroom.importing"]),
]

# Wiring may import every layer: it is what puts them together.
WIRING = {
    "newsroom.settings",
    "newsroom.urls",
    "newsroom.wsgi",
    "newsroom.asgi",
    "newsroom.context_processors",
}


def layer_of(module):
    """The index in LAYERS of ``module``'s layer, or None outside the project."""
    best, best_length = None, -1
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            matches = module == prefix or module.startswith(prefix + ".")
            if matches and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def checked_modules():
    """(dotted name, path) of every module the rule applies to."""
    modules = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = module_name(path)
            if name not in WIRING:
                modules.append((name, path))
    return modules


def _absolute(module, is_package, node):
    """The dotted names an import statement brings in, relative ones resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([base] if base else []))
    # ``from newsroom import republishing`` imports newsroom.republishing.
    return [
        f"{base}.{alias.name}" if alias.name != "*" else base for alias in node.names
    ]


def _dynamic(node):
    """The module of ``import_module("x")`` or ``__import__("x")`` with a literal."""
    function = node.func
    name = getattr(function, "id", None) or getattr(function, "attr", None)
    if name not in {"import_module", "__import__"} or not node.args:
        return None
    argument = node.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    return None


def imports(module, source, is_package=False):
    """(line, imported dotted name) for every import in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found += [
                (node.lineno, name) for name in _absolute(module, is_package, node)
            ]
        elif isinstance(node, ast.Call) and (name := _dynamic(node)):
            found.append((node.lineno, name))
    return sorted(found)


def violations(module, source, is_package=False):
    """ "line: module (its layer) imports name (a higher layer)" for each upward import."""
    own = layer_of(module)
    problems = []
    for line, name in imports(module, source, is_package):
        other = layer_of(name)
        if own is not None and other is not None and other > own:
            problems.append(
                f"{module}:{line} ({LAYERS[own][0]}) imports {name} "
                f"({LAYERS[other][0]}, a higher layer)"
            )
    return problems


@pytest.mark.parametrize(
    ("module", "path"), checked_modules(), ids=[name for name, _ in checked_modules()]
)
def test_module_imports_only_its_own_layer_or_below(module, path):
    source = path.read_text(encoding="utf-8")
    assert violations(module, source, path.name == "__init__.py") == []


def test_every_app_has_a_layer():
    """A new app must say where it stands, not fall silently among the helpers."""
    named = {prefix for _name, prefixes in LAYERS for prefix in prefixes}
    apps = {
        module_name(path.parent)
        for package in PACKAGES
        for path in (ROOT / package).rglob("apps.py")
    }
    assert apps - named == set()


def test_every_package_is_read():
    modules = {name for name, _path in checked_modules()}
    assert {
        "newsroom.cache",
        "newsroom.licensing.attribution",
        "newsroom.licensing.templatetags.licensing_tags",
        "newsroom.republishing.views",
        "briefs.models",
        "briefs.templatetags.brief_tags",
    } <= modules
    assert not any(".migrations" in name for name in modules)
    assert "newsroom.settings" not in modules


FAKE_LICENSING_MODULE = """
from django.urls import reverse

from newsroom.html import sanitize_html
from newsroom.publication.models import Publication

from .attribution import attribution


def brief_title(pk):
    from briefs.models import Brief

    return Brief.objects.get(pk=pk).title


def report():
    from .. import republishing
    from ..republishing.admin import republication_report

    return republication_report


def later():
    import importlib

    return importlib.import_module("newsroom.feedback.models")
"""


def test_upward_imports_are_found_by_module_and_line():
    """A licensing module reaching up to briefs and republishing fails the rule."""
    problems = violations("newsroom.licensing.fake", FAKE_LICENSING_MODULE)
    layer = "(licensing and publication)"
    assert problems == [
        f"newsroom.licensing.fake:11 {layer} imports briefs.models.Brief "
        "(briefs, a higher layer)",
        f"newsroom.licensing.fake:17 {layer} imports newsroom.republishing "
        "(features built on briefs, a higher layer)",
        f"newsroom.licensing.fake:18 {layer} imports "
        "newsroom.republishing.admin.republication_report "
        "(features built on briefs, a higher layer)",
        f"newsroom.licensing.fake:26 {layer} imports newsroom.feedback.models "
        "(features built on briefs, a higher layer)",
    ]


def test_imports_from_the_same_layer_or_below_pass():
    source = (
        "from briefs.models import Brief\n"
        "from newsroom.licensing.attribution import site_root\n"
        "from newsroom.fundraising.models import DonationPrompt\n"
        "from . import tracking\n"
        "import django.db\n"
    )
    assert violations("newsroom.republishing.views", source) == []
    assert violations("briefs.views", "from newsroom.cache import x\n") == []
    assert violations("newsroom.cache", "from newsroom import html\n") == []


def test_a_helper_importing_an_app_is_found():
    assert violations("newsroom.cache", "from newsroom import licensing\n") == [
        "newsroom.cache:1 (site-wide helpers) imports newsroom.licensing "
        "(licensing and publication, a higher layer)"
    ]


def test_relative_imports_resolve_from_the_package():
    assert imports(
        "newsroom.licensing.templatetags.licensing_tags",
        "from ..attribution import attribution\nfrom . import x\n",
    ) == [
        (1, "newsroom.licensing.attribution.attribution"),
        (2, "newsroom.licensing.templatetags.x"),
    ]
    assert imports("newsroom.licensing", "from .models import License\n", True) == [
        (1, "newsroom.licensing.models.License")
    ]
