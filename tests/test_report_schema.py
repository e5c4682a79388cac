"""The packaged JSON Schema accepts what report_to_dict writes and rejects contract drift."""

from __future__ import annotations

import copy
import runpy
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from akhbar.model import Report
from akhbar.render.document import load_schema, report_to_dict

FIXTURE = runpy.run_path(str(Path(__file__).parent / "data" / "render" / "sample_report.py"))


def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(document: dict[str, Any]) -> list[str]:
    return sorted(error.message for error in _validator().iter_errors(document))


def _properties(node: Any, path: str = "#"):
    """Every property schema in the document, with a readable path."""
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            yield f"{path}/properties/{name}", child
        for key, child in node.items():
            yield from _properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _properties(child, f"{path}/{index}")


def test_schema_is_valid_draft_2020_12_with_id() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/schema/report/1")
    assert schema["properties"]["schema"]["const"] == "akhbar.report/1"


def test_every_property_has_title_and_description() -> None:
    missing = [
        path
        for path, prop in _properties(load_schema())
        if not prop.get("title") or not prop.get("description")
    ]
    assert missing == []


def _objects(node: Any):
    """Every object schema (one with "properties") anywhere in the document."""
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for child in node.values():
            yield from _objects(child)
    elif isinstance(node, list):
        for child in node:
            yield from _objects(child)


def test_every_object_forbids_extra_fields() -> None:
    objects = list(_objects(load_schema()))
    # report, generated_by, 16 item shapes (article, thread, unique fact, span ... skipped),
    # entity title sources
    assert len(objects) == 22  # + the provenance graph, node and edge
    assert all(obj["additionalProperties"] is False for obj in objects)
    assert all(set(obj["required"]) == set(obj["properties"]) for obj in objects)


def test_sample_report_validates() -> None:
    document = report_to_dict(FIXTURE["sample_report"]())
    assert _errors(document) == []
    story = document["stories"][0]
    # Every item shape is present once at least, so each $def was exercised above.
    assert [len(story[key]) for key in ("events", "entities", "quotes", "attributions")] == [
        2,
        1,
        1,
        1,
    ]
    assert [len(story[key]) for key in ("claims", "contradictions", "summary")] == [1, 1, 1]


def test_empty_report_validates_and_has_every_list() -> None:
    document = report_to_dict(Report((), (), ()))
    assert _errors(document) == []
    assert document["articles"] == document["stories"] == document["skipped"] == []


def test_hostile_text_still_validates() -> None:
    assert _errors(report_to_dict(FIXTURE["hostile_report"]())) == []


@pytest.mark.parametrize(
    ("where", "field"),
    [
        (("articles", 0), "sentences"),
        (("articles", 0), "published_source"),
        (("stories", 0), "contradictions"),
        (("stories", 0, "events", 0), "evidence"),
        (("stories", 0, "events", 0, "evidence", 0), "start"),
        ((), "skipped"),
    ],
)
def test_missing_field_fails(where: tuple[Any, ...], field: str) -> None:
    document = copy.deepcopy(report_to_dict(FIXTURE["sample_report"]()))
    target = document
    for step in where:
        target = target[step]
    del target[field]
    assert _errors(document) == [f"'{field}' is a required property"]


@pytest.mark.parametrize(
    "where",
    [(), ("articles", 2), ("articles", 2, "boilerplate", 0), ("stories", 0, "claims", 0)],
)
def test_extra_field_fails(where: tuple[Any, ...]) -> None:
    document = copy.deepcopy(report_to_dict(FIXTURE["sample_report"]()))
    target = document
    for step in where:
        target = target[step]
    target["confidence"] = 0.9
    assert _errors(document) == [
        "Additional properties are not allowed ('confidence' was unexpected)"
    ]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("stories", 0, "claims", 0, "status"), "likely"),
        (("articles", 0, "published_source"), "guess"),
        (("articles", 2, "published"), "20 مارس 2025"),
        (("articles", 0, "sentences"), "2"),
        (("schema",), "akhbar.report/2"),
    ],
)
def test_wrong_value_fails(path: tuple[Any, ...], value: Any) -> None:
    document = copy.deepcopy(report_to_dict(FIXTURE["sample_report"]()))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert len(_errors(document)) == 1
