"""The provenance file beside each document: where it came from, checked by its sha256."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model import DocumentError

PROVENANCE_SUFFIX = ".yml"


def load_provenance(path: Path) -> dict:
    """The YAML beside a document; dates stay strings (PyYAML would make them dates)."""
    if not path.exists():
        return {}

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise DocumentError(path, f"provenance is not valid YAML: {error}", line) from None
    if not isinstance(data, dict):
        raise DocumentError(path, "provenance must be a YAML mapping")
    return data


def provenance_path(document: Path) -> Path:
    return document.with_suffix(PROVENANCE_SUFFIX)


def companions(path: Path, provenance: dict) -> list[Path]:
    """The other files of a document published in several (北京: 情况说明 as 附件1, 报表 as
    附件2), listed in its provenance as `companions: [{file: …, sha256: …}]`, beside it."""
    listed = provenance.get("companions") or []
    if not isinstance(listed, list) or not all(
        isinstance(c, dict) and c.get("file") for c in listed
    ):
        raise DocumentError(path, "provenance `companions` must be a list of {file, sha256}")
    return [path.with_name(str(c["file"])) for c in listed]
