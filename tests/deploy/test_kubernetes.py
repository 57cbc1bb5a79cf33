"""deploy/k8s: every manifest validates against the Kubernetes OpenAPI schemas shipped offline
by `kubernetes-validate` (strict: unknown fields are errors), and the shape is the one the
scaling guide describes: stateless Slack workers without the tick, three dispatchers, one
Discord pod per gateway shard, probes on /healthz, no secrets in the template."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import kubernetes_validate
import pytest
import yaml

from tests.deploy.conftest import DEPLOY

K8S = DEPLOY / "k8s"
VERSION = kubernetes_validate.latest_version()


def _documents() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                yield path.name, doc


def _find(kind: str, name: str) -> dict[str, Any]:
    for _, doc in _documents():
        if doc["kind"] == kind and doc["metadata"]["name"] == name:
            return doc
    raise AssertionError(f"no {kind} {name} in deploy/k8s")


def _env(workload: dict[str, Any]) -> dict[str, str]:
    container = workload["spec"]["template"]["spec"]["containers"][0]
    return {e["name"]: e.get("value", "") for e in container.get("env", [])}


@pytest.mark.parametrize(
    ("filename", "doc"),
    [pytest.param(f, d, id=f"{f}:{d['kind']}") for f, d in _documents()],
)
def test_manifest_validates_against_the_kubernetes_schema(
    filename: str, doc: dict[str, Any]
) -> None:
    kubernetes_validate.validate(doc, VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest() -> None:
    broken = copy.deepcopy(_find("Deployment", "askcoach-dispatcher"))
    broken["spec"]["replicas"] = "three"
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGett"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSION, strict=True)


def test_expected_objects_exist() -> None:
    kinds = {(d["kind"], d["metadata"]["name"]) for _, d in _documents()}
    assert {
        ("Deployment", "askcoach-slack"),
        ("Service", "askcoach-slack"),
        ("Deployment", "askcoach-dispatcher"),
        ("StatefulSet", "askcoach-discord"),
        ("Secret", "askcoach-secrets"),
        ("ConfigMap", "askcoach-config"),
        ("Job", "askcoach-migrate"),
    } <= kinds


def test_slack_workers_do_not_tick_and_dispatchers_do() -> None:
    slack = _find("Deployment", "askcoach-slack")
    dispatcher = _find("Deployment", "askcoach-dispatcher")
    assert _env(slack)["ASKCOACH_DISPATCH"] == "0"
    assert _env(dispatcher)["ASKCOACH_DISPATCH"] == "1"
    assert dispatcher["spec"]["replicas"] == 3
    assert _env(dispatcher)["DISCORD_TOKEN"] == ""  # no extra Discord gateway sessions


def test_one_discord_pod_per_shard_with_the_shard_id_from_the_pod_index() -> None:
    discord = _find("StatefulSet", "askcoach-discord")
    env = _env(discord)
    assert discord["spec"]["replicas"] == int(env["DISCORD_SHARD_COUNT"]) > 1
    assert discord["spec"]["podManagementPolicy"] == "OrderedReady"
    container = discord["spec"]["template"]["spec"]["containers"][0]
    [shard_id] = [e for e in container["env"] if e["name"] == "DISCORD_SHARD_ID"]
    field = shard_id["valueFrom"]["fieldRef"]["fieldPath"]
    assert field == "metadata.labels['apps.kubernetes.io/pod-index']"
    assert env["ASKCOACH_DISPATCH"] == "0"


def test_the_slack_service_selects_only_slack_workers() -> None:
    service = _find("Service", "askcoach-slack")
    labels = _find("Deployment", "askcoach-slack")["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    dispatcher_labels = _find("Deployment", "askcoach-dispatcher")["spec"]["template"]["metadata"]
    assert not service["spec"]["selector"].items() <= dispatcher_labels["labels"].items()


def test_every_long_running_pod_is_probed_on_healthz_and_runs_unprivileged() -> None:
    for _, doc in _documents():
        if doc["kind"] not in ("Deployment", "StatefulSet", "Job"):
            continue
        pod = doc["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        for container in pod["containers"]:
            assert container["securityContext"]["allowPrivilegeEscalation"] is False
            if doc["kind"] == "Job":
                continue
            for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                assert container[probe]["httpGet"]["path"] == "/healthz", (doc["kind"], probe)


def test_the_secret_is_a_template_without_real_values() -> None:
    from askcoach.observability import _SECRET

    secret = _find("Secret", "askcoach-secrets")
    for name, value in secret["stringData"].items():
        placeholder = value == "" or "REPLACE-ME" in value
        assert placeholder, f"{name} looks like a real value"
        assert not _SECRET.search(value.replace("REPLACE-ME", "")), name
