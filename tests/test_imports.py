"""The layering of the package, read from the source with `ast`: every import counts, at module
level, under `TYPE_CHECKING` or inside a function (an import moved into a function still ties
the two modules together)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "budget_portal"
NAME = "budget_portal"

# Imports that close a cycle being untangled, as (importer, or the package of its importers;
# imported): left out of the graph the cycle test reads.  Any other cycle fails.
KNOWN_CYCLES = [
    # known cycle, being untangled: `templates` loads its templates inside `_templates()`, and
    # each template (`templates/hebei.py`, `shanghai.py`…) imports `Template`, `TableLayout`…
    # from `templates`.
    ("budget_portal.templates.", "budget_portal.templates"),
]


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = modules()


def imports(name: str) -> dict[str, int]:
    """The package's modules `name` imports, each with the line of its first import."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: dict[str, int] = {}

    def add(module: str, line: int) -> None:
        if module == NAME or module.startswith(NAME + "."):
            found.setdefault(module, line)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            for alias in node.names:
                submodule = f"{module}.{alias.name}"  # `from . import charts` imports a module
                add(submodule if submodule in MODULES else module, node.lineno)
    return found


GRAPH = {name: imports(name) for name in MODULES}


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_graph_is_read():
    assert "budget_portal.model" in MODULES
    assert "budget_portal.pages.measures" in GRAPH["budget_portal.pages.audit"]
    assert "budget_portal.pages.charts" in GRAPH["budget_portal.pages.jobs"]  # `from . import`


def test_metadata_depends_on_no_later_step():
    later = [f"{NAME}.{p}" for p in ("extract", "read", "audit", "package", "pages")]
    wrong = [
        f"{MODULES[name].relative_to(PACKAGE)}:{line} imports {target}"
        for name, targets in GRAPH.items()
        if within(name, f"{NAME}.metadata")
        for target, line in targets.items()
        if any(within(target, step) for step in later)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_records_depend_only_on_text_and_metadata():
    allowed = [f"{NAME}.text", f"{NAME}.metadata"]
    wrong = [
        f"model.py:{line} imports {target}"
        for target, line in GRAPH[f"{NAME}.model"].items()
        if not any(within(target, a) for a in allowed)
    ]
    assert not wrong, "\n".join(wrong)


def cycles(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """The strongly connected components of more than one module (or a module importing
    itself): each holds at least one cycle (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph[target])))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    out.append(component)
    return out


def test_cycles_are_found():
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}, "e": {"e": 1}}
    assert sorted(map(sorted, cycles(graph))) == [["a", "b", "c"], ["e"]]


def known(importer: str, imported: str) -> bool:
    return any(
        (importer == source or (source.endswith(".") and importer.startswith(source)))
        and imported == target
        for source, target in KNOWN_CYCLES
    )


def test_the_known_cycles_are_still_there():
    """An exception that no longer applies is taken out of KNOWN_CYCLES."""
    for source, target in KNOWN_CYCLES:
        assert any(target in component for component in cycles(GRAPH)), (source, target)


def test_no_import_cycle_in_the_package():
    graph = {
        name: {t: line for t, line in targets.items() if not known(name, t)}
        for name, targets in GRAPH.items()
    }
    found = cycles(graph)
    described = [
        f"{MODULES[name].relative_to(PACKAGE)}:{line} imports {target}"
        for component in found
        for name in sorted(component)
        for target, line in graph[name].items()
        if target in component
    ]
    assert not found, "import cycles:\n" + "\n".join(described)
