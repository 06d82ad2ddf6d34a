"""Index templates from `index_mappings/`, versioned indices behind aliases.

Every JSON file in `index_mappings/` is a composable index template whose `_meta.alias` names
the alias readers and writers use (`articles`) and whose `version` names the concrete index
(`articles-v1`). Applying is idempotent: unchanged templates are left alone; a changed mapping
with a new version creates `articles-v2`, reindexes into it and moves the alias atomically.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

from elasticsearch import Elasticsearch, NotFoundError

MAPPINGS_DIR = Path(__file__).resolve().parent.parent / "index_mappings"


@dataclass
class TemplateSpec:
    """One index template file: its alias, version and body."""

    name: str
    alias: str
    version: int
    body: dict

    def index_name(self, prefix: str = "") -> str:
        return f"{prefix}{self.alias}-v{self.version}"


@dataclass
class ApplyReport:
    """What `apply_templates` changed, for `waspada init` to print."""

    changes: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def load_specs(directory: Path = MAPPINGS_DIR) -> list[TemplateSpec]:
    """Read every template JSON in `directory`, resolving `_meta.include_properties_of`."""
    bodies = {path.stem: json.loads(path.read_text()) for path in sorted(directory.glob("*.json"))}
    specs = []
    for name, body in bodies.items():
        body = _with_included_properties(name, body, bodies)
        meta = body.get("_meta", {})
        specs.append(TemplateSpec(name=name, alias=meta["alias"], version=int(body["version"]), body=body))
    return specs


def _with_included_properties(name: str, body: dict, bodies: dict[str, dict]) -> dict:
    """Merge another template's mapping properties (and analysis settings) into this one.

    A percolator index must map every field its stored queries reference; declaring
    `"_meta": {"include_properties_of": "articles"}` keeps articles.json the single source of
    truth. The template's own properties win on a name clash. The effective version is
    own + included − 1, so a new articles version also gives the including index a new version
    and `init` migrates it (both numbers only grow, so their sum does too).
    """
    source_name = body.get("_meta", {}).get("include_properties_of")
    if not source_name:
        return body
    source = next((b for n, b in bodies.items()
                   if n == source_name or b.get("_meta", {}).get("alias") == source_name), None)
    if source is None or source is body:
        raise KeyError(f"E025: template {name!r} includes properties of {source_name!r}, "
                       f"which is not a template in index_mappings/; fix _meta.include_properties_of")
    merged = copy.deepcopy(body)
    merged["version"] = int(body["version"]) + int(source["version"]) - 1
    template = merged.setdefault("template", {})
    properties = template.setdefault("mappings", {}).setdefault("properties", {})
    template["mappings"]["properties"] = (copy.deepcopy(source["template"]["mappings"]["properties"])
                                          | properties)
    analysis = source["template"].get("settings", {}).get("analysis")
    if analysis and "analysis" not in template.setdefault("settings", {}):
        template["settings"]["analysis"] = copy.deepcopy(analysis)
    return merged


def spec_for(alias: str, directory: Path = MAPPINGS_DIR) -> TemplateSpec:
    for spec in load_specs(directory):
        if spec.alias == alias:
            return spec
    raise KeyError(f"E022: no index template with alias {alias!r} in {directory}")


def alias_name(alias: str, prefix: str = "") -> str:
    return f"{prefix}{alias}"


def _prefixed_body(spec: TemplateSpec, prefix: str, replicas: int, shards: int | None) -> dict:
    body = copy.deepcopy(spec.body)
    body["index_patterns"] = [f"{prefix}{spec.alias}-v*"]
    index_settings = body["template"].setdefault("settings", {})
    index_settings["number_of_replicas"] = replicas
    if shards:
        index_settings["number_of_shards"] = shards
    # aliases are managed explicitly so that only one version carries the write alias
    body["template"].pop("aliases", None)
    return body


def default_replicas(client: Elasticsearch) -> int:
    """0 replicas on one data node (else the index stays yellow), 1 when there are more."""
    nodes = client.nodes.info(filter_path="nodes.*.roles").get("nodes", {})
    data_nodes = [n for n in nodes.values() if "data" in n.get("roles", [])]
    return 1 if len(data_nodes) >= 2 else 0


def _template_unchanged(client: Elasticsearch, name: str, body: dict) -> bool:
    try:
        current = client.indices.get_index_template(name=name)["index_templates"][0]["index_template"]
    except NotFoundError:
        return False
    return (current.get("version") == body.get("version")
            and current.get("index_patterns") == body.get("index_patterns")
            and current.get("template", {}).get("settings", {}).get("index", {}).get("number_of_replicas")
            == str(body["template"]["settings"]["number_of_replicas"])
            and current.get("template", {}).get("mappings") == body["template"].get("mappings"))


def _alias_target(client: Elasticsearch, alias: str) -> str | None:
    try:
        found = client.indices.get_alias(name=alias)
    except NotFoundError:
        return None
    return sorted(found)[-1] if found else None


def apply_templates(client: Elasticsearch, prefix: str = "", replicas: int | None = None,
                    directory: Path = MAPPINGS_DIR, shards: int | None = None) -> ApplyReport:
    """Put templates, create missing indices and aliases, migrate on a version change."""
    report = ApplyReport()
    if replicas is None:
        replicas = default_replicas(client)
    for spec in load_specs(directory):
        template_name = f"{prefix}{spec.name}"
        body = _prefixed_body(spec, prefix, replicas, shards)
        if _template_unchanged(client, template_name, body):
            report.unchanged.append(f"template {template_name} (v{spec.version})")
        else:
            client.indices.put_index_template(name=template_name, body=body)
            report.changes.append(f"template {template_name} → v{spec.version}")
        alias = alias_name(spec.alias, prefix)
        target = spec.index_name(prefix)
        current = _alias_target(client, alias)
        if current == target:
            report.unchanged.append(f"alias {alias} → {target}")
            continue
        if not client.indices.exists(index=target):
            client.indices.create(index=target)
            report.changes.append(f"index {target} created")
        if current is None:
            client.indices.put_alias(index=target, name=alias)
            report.changes.append(f"alias {alias} → {target}")
        else:
            migrate(client, current, target, alias)
            report.changes.append(f"reindexed {current} → {target}; alias {alias} moved")
    return report


def migrate(client: Elasticsearch, source: str, target: str, alias: str) -> None:
    """Copy every document to the new version, then move the alias in one atomic step."""
    client.reindex(body={"source": {"index": source}, "dest": {"index": target}},
                   wait_for_completion=True, refresh=True, request_timeout=3600)
    client.indices.update_aliases(body={"actions": [
        {"remove": {"index": source, "alias": alias}},
        {"add": {"index": target, "alias": alias}},
    ]})


def delete_prefixed(client: Elasticsearch, prefix: str) -> None:
    """Remove every index and template carrying `prefix` (test clean-up). Refuses an empty prefix."""
    if not prefix:
        raise ValueError("refusing to delete without a prefix")
    client.indices.delete(index=f"{prefix}*", ignore_unavailable=True, allow_no_indices=True)
    for spec in load_specs():
        try:
            client.indices.delete_index_template(name=f"{prefix}{spec.name}")
        except NotFoundError:
            pass
