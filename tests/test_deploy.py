"""The Kubernetes manifests: rendered like kustomize, validated offline, policy-checked, and coherent.

The YAML parser, the Kubernetes schemas (kubernetes-validate), the CRD models
(KEDA, prometheus-operator) and checkov live in the separate tools environment
`.cache/tools` (`make tools`); this module drives them through subprocesses and
keeps the kustomize-equivalent rendering here, on plain JSON data.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from tooling import validation_tool

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
BASE = DEPLOY / "base"
OVERLAY = DEPLOY / "overlays" / "example"
# The oldest Kubernetes minor still commonly run, and the newest kubernetes-validate ships.
KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")
GENERATED_SUFFIX = re.compile(r"-[a-z0-9]{10}$")
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"}

Resource = dict[str, Any]


def _tools_python(script: str, payload: Any) -> Any:
    """Runs `script` in the tools environment with `payload` as JSON on stdin; returns its JSON stdout."""
    result = subprocess.run(
        [str(validation_tool("python")), "-c", script],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


_LOAD_YAML = """
import json, sys, yaml
paths = json.load(sys.stdin)
out = {}
for path in paths:
    with open(path, encoding="utf-8") as f:
        out[path] = [d for d in yaml.safe_load_all(f) if d is not None]
json.dump(out, sys.stdout)
"""


@cache
def _yaml_tree() -> dict[str, list[Any]]:
    paths = sorted(str(p) for p in DEPLOY.rglob("*.yaml"))
    loaded: dict[str, list[Any]] = _tools_python(_LOAD_YAML, paths)
    return loaded


def _yaml(path: Path) -> list[Any]:
    return copy.deepcopy(_yaml_tree()[str(path)])


_LOAD_YAML_TEXT = "import json, sys, yaml; json.dump([d for d in yaml.safe_load_all(json.load(sys.stdin)) if d], sys.stdout)"


def _yaml_text(text: str) -> list[Any]:
    documents: list[Any] = _tools_python(_LOAD_YAML_TEXT, text)
    return documents


# ---------------------------------------------------------------------------
# kustomize-equivalent rendering (the subset of features deploy/ uses)
# ---------------------------------------------------------------------------


def _env_file(path: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            key, sep, value = stripped.partition("=")
            assert sep, f"{path}: {line!r} is not KEY=VALUE"
            pairs[key] = value
    return pairs


def generated_name_hash(resource: Resource) -> str:
    """kustomize's ConfigMap name suffix: sha256 of {data, kind, name} as sorted JSON, first 10 hex, recoded."""
    encoded = json.dumps(
        {"data": resource.get("data") or "", "kind": "ConfigMap", "name": resource["metadata"]["name"]},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    digest = hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:10]
    return digest.translate(str.maketrans({"0": "g", "1": "h", "3": "k", "a": "m", "e": "t"}))


def strategic_merge(target: Any, patch: Any) -> Any:
    """Merges maps key by key; lists of named maps by `name`; other lists and scalars are replaced."""
    if isinstance(target, dict) and isinstance(patch, dict):
        merged = dict(target)
        for key, value in patch.items():
            merged[key] = strategic_merge(target[key], value) if key in target else value
        return merged
    if (
        isinstance(target, list)
        and isinstance(patch, list)
        and all(isinstance(x, dict) and "name" in x for x in [*target, *patch])
    ):
        merged_list = list(target)
        for item in patch:
            index = next((i for i, x in enumerate(merged_list) if x["name"] == item["name"]), None)
            if index is None:
                merged_list.append(item)
            else:
                merged_list[index] = strategic_merge(merged_list[index], item)
        return merged_list
    return patch


def json6902(target: Resource, operations: list[dict[str, Any]]) -> Resource:
    """Applies RFC 6902 add/replace/remove operations (the ones kustomize patches use most)."""
    document = copy.deepcopy(target)
    for operation in operations:
        parts = [p.replace("~1", "/").replace("~0", "~") for p in operation["path"].split("/")[1:]]
        parent: Any = document
        for part in parts[:-1]:
            parent = parent[int(part)] if isinstance(parent, list) else parent[part]
        last = parts[-1]
        op = operation["op"]
        if isinstance(parent, list):
            index = len(parent) if last == "-" else int(last)
            if op == "add":
                parent.insert(index, operation["value"])
            elif op == "replace":
                parent[index] = operation["value"]
            elif op == "remove":
                del parent[index]
        elif op in ("add", "replace"):
            assert op == "add" or last in parent, f"replace of missing {operation['path']}"
            parent[last] = operation["value"]
        elif op == "remove":
            del parent[last]
        else:
            raise AssertionError(f"unsupported patch op {op}")
    return document


def _pod_spec(resource: Resource) -> dict[str, Any] | None:
    if resource["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"):
        spec: dict[str, Any] = resource["spec"]["template"]["spec"]
        return spec
    return None


def _containers(resource: Resource) -> Iterator[dict[str, Any]]:
    spec = _pod_spec(resource)
    if spec:
        yield from spec.get("initContainers", [])
        yield from spec.get("containers", [])


def _set_image(container: dict[str, Any], rule: dict[str, Any]) -> None:
    image = container["image"]
    name = re.split(r"[@]", image)[0]
    name = re.sub(r":[^/:]+$", "", name)
    if name != rule["name"]:
        return
    new = rule.get("newName", name)
    if "digest" in rule:
        container["image"] = (
            f"{new}:{rule['newTag']}@{rule['digest']}" if "newTag" in rule else f"{new}@{rule['digest']}"
        )
    elif "newTag" in rule:
        container["image"] = f"{new}:{rule['newTag']}"
    else:
        container["image"] = image.replace(name, new, 1)


def _matches(resource: Resource, target: dict[str, Any]) -> bool:
    return all(
        (resource.get("kind") if key == "kind" else resource["metadata"].get(key)) == value
        for key, value in target.items()
        if key in ("kind", "name", "namespace")
    )


def render_kustomization(directory: Path) -> tuple[list[Resource], set[int]]:
    """Resources of one kustomization, and the indexes of those from generators (named later)."""
    (kustomization,) = _yaml(directory / "kustomization.yaml")
    resources: list[Resource] = []
    generated: set[int] = set()
    for entry in kustomization.get("resources", []):
        path = (directory / entry).resolve()
        if path.is_dir():
            inner, inner_generated = render_kustomization(path)
            generated |= {i + len(resources) for i in inner_generated}
            resources.extend(inner)
        else:
            resources.extend(_yaml(path))
    for generator in kustomization.get("configMapGenerator", []):
        data: dict[str, str] = {}
        for env in generator.get("envs", []):
            data.update(_env_file(directory / env))
        for literal in generator.get("literals", []):
            key, _, value = literal.partition("=")
            data[key] = value
        behavior = generator.get("behavior", "create")
        if behavior == "create":
            labels = generator.get("options", {}).get("labels")
            metadata: dict[str, Any] = {"name": generator["name"], **({"labels": labels} if labels else {})}
            generated.add(len(resources))
            resources.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": data})
        else:
            index = next(
                i
                for i, r in enumerate(resources)
                if r["kind"] == "ConfigMap" and r["metadata"]["name"] == generator["name"]
            )
            base_data = resources[index].get("data", {}) if behavior == "merge" else {}
            resources[index]["data"] = {**base_data, **data}
    for patch in kustomization.get("patches", []):
        text = patch["patch"] if "patch" in patch else (directory / patch["path"]).read_text(encoding="utf-8")
        (document,) = _yaml_text(text)
        target = patch.get("target") or {"kind": document["kind"], "name": document["metadata"]["name"]}
        for i, resource in enumerate(resources):
            if _matches(resource, target):
                if isinstance(document, list):
                    resources[i] = json6902(resource, document)
                else:
                    resources[i] = strategic_merge(resource, document)
    for rule in kustomization.get("images", []):
        for resource in resources:
            for container in _containers(resource):
                _set_image(container, rule)
    if "namespace" in kustomization:
        for resource in resources:
            if resource["kind"] not in CLUSTER_SCOPED:
                resource["metadata"]["namespace"] = kustomization["namespace"]
    return resources, generated


def render(directory: Path) -> list[Resource]:
    """What `kustomize build DIRECTORY` prints, as data: generated ConfigMaps get a content hash
    suffix and every reference to them in pod specs is renamed to match."""
    resources, generated = render_kustomization(directory)
    renamed: dict[tuple[str | None, str], str] = {}
    for index in sorted(generated):
        resource = resources[index]
        old = resource["metadata"]["name"]
        resource["metadata"]["name"] = f"{old}-{generated_name_hash(resource)}"
        renamed[(resource["metadata"].get("namespace"), old)] = resource["metadata"]["name"]
    for resource in resources:
        spec = _pod_spec(resource)
        if not spec:
            continue
        namespace = resource["metadata"].get("namespace")
        for container in _containers(resource):
            for source in container.get("envFrom", []):
                ref = source.get("configMapRef")
                if ref:
                    ref["name"] = renamed.get((namespace, ref["name"]), ref["name"])
            for variable in container.get("env", []):
                ref = variable.get("valueFrom", {}).get("configMapKeyRef")
                if ref:
                    ref["name"] = renamed.get((namespace, ref["name"]), ref["name"])
        for volume in spec.get("volumes", []):
            if "configMap" in volume:
                ref = volume["configMap"]
                ref["name"] = renamed.get((namespace, ref["name"]), ref["name"])
    return resources


# ---------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------

RENDERED = {"base": BASE, "example": OVERLAY}


@pytest.fixture(scope="module", params=sorted(RENDERED))
def rendered(request: pytest.FixtureRequest) -> list[Resource]:
    """The rendered resources of the base and of the example overlay (each test runs on both)."""
    return render(RENDERED[request.param])


def _one(resources: list[Resource], kind: str) -> Resource:
    found = [r for r in resources if r["kind"] == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def _container(resources: list[Resource]) -> dict[str, Any]:
    (container,) = _pod_spec(_one(resources, "Deployment"))["containers"]  # type: ignore[index]
    return container  # type: ignore[no-any-return]


def _settings(resources: list[Resource]) -> dict[str, str]:
    """The INGEST_* variables the container gets from its ConfigMap."""
    container = _container(resources)
    names = [s["configMapRef"]["name"] for s in container.get("envFrom", []) if "configMapRef" in s]
    maps = {r["metadata"]["name"]: r for r in resources if r["kind"] == "ConfigMap"}
    settings: dict[str, str] = {}
    for name in names:
        assert name in maps, f"envFrom names ConfigMap {name}, which is not rendered"
        settings.update(maps[name]["data"])
    return settings


def _topic_partitions() -> dict[str, int]:
    result = subprocess.run(
        ["bash", str(BASE / "topics.sh"), "--bootstrap-server", "kafka:9093"],
        env={**os.environ, "DRY_RUN": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        re.search(r"--topic (\S+)", line).group(1): int(re.search(r"--partitions (\d+)", line).group(1))  # type: ignore[union-attr]
        for line in result.stdout.splitlines()
    }


def _normalise(resources: list[Resource]) -> dict[tuple[str, str, str], Resource]:
    """Resources keyed by (kind, namespace, name) with generated-name hashes stripped, for comparing renderers."""
    text = json.dumps(resources)
    names = {r["metadata"]["name"] for r in resources if GENERATED_SUFFIX.search(r["metadata"]["name"])}
    for name in names:
        text = text.replace(f'"{name}"', f'"{GENERATED_SUFFIX.sub("", name)}"')
    return {
        (r["kind"], r["metadata"].get("namespace", ""), r["metadata"]["name"]): r for r in json.loads(text)
    }


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def test_renderer_applies_overlay_namespace_image_config_and_patches() -> None:
    """The example overlay moves everything to its namespace, pins the image by digest, merges settings, patches."""
    resources = render(OVERLAY)
    assert {r["metadata"].get("namespace") for r in resources if r["kind"] != "Namespace"} == {"news"}
    image = _container(resources)["image"]
    assert re.fullmatch(r"registry\.example\.com/news/ingest:0\.1\.0@sha256:[0-9a-f]{64}", image), image
    settings = _settings(resources)
    assert settings["INGEST_KAFKA_GROUP_ID"] == "ingest-news"
    assert settings["INGEST_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL", "base settings lost in the merge"
    assert _container(resources)["resources"]["limits"]["memory"] == "768Mi"
    assert _container(resources)["resources"]["limits"]["cpu"] == "1", "patch dropped sibling fields"
    policy = _one(resources, "NetworkPolicy")
    selector = policy["spec"]["ingress"][0]["from"][0]["namespaceSelector"]["matchLabels"]
    assert selector == {"kubernetes.io/metadata.name": "observability"}


def test_config_change_renames_the_configmap_and_the_reference() -> None:
    """A settings change yields a new ConfigMap name (so pods roll) and the Deployment follows it."""
    base = render(BASE)
    overlay = render(OVERLAY)
    base_name = _container(base)["envFrom"][0]["configMapRef"]["name"]
    overlay_name = _container(overlay)["envFrom"][0]["configMapRef"]["name"]
    assert GENERATED_SUFFIX.search(base_name)
    assert base_name != overlay_name
    assert _settings(overlay), "the renamed reference does not reach the ConfigMap"


@pytest.mark.parametrize("directory", [BASE, OVERLAY], ids=["base", "example"])
def test_renderer_agrees_with_kubectl_kustomize(directory: Path) -> None:
    """Where `kubectl kustomize` exists, its output equals this renderer's (generated-name hashes aside)."""
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed; the Python renderer alone is checked")
    result = subprocess.run(
        [kubectl, "kustomize", str(directory)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    theirs: list[Resource] = _yaml_text(result.stdout)
    mine = _normalise(render(directory))
    assert _normalise(theirs) == mine


# ---------------------------------------------------------------------------
# Schemas
# ---------------------------------------------------------------------------

_VALIDATE = """
import json, sys
import kubernetes_validate
from kubernetes_validate.utils import SchemaNotFoundError
request = json.load(sys.stdin)
out = []
for doc in request["resources"]:
    for version in request["versions"]:
        try:
            kubernetes_validate.validate(doc, version, strict=True)
            out.append({"kind": doc["kind"], "name": doc["metadata"]["name"], "version": version, "error": None})
        except SchemaNotFoundError:
            out.append({"kind": doc["kind"], "name": doc["metadata"]["name"], "version": version, "error": "no-schema"})
        except Exception as exc:
            out.append({"kind": doc["kind"], "name": doc["metadata"]["name"], "version": version,
                        "error": f"{type(exc).__name__}: {getattr(exc, 'message', exc)} at {list(getattr(exc, 'absolute_path', []))}"[:2000]})
json.dump(out, sys.stdout)
"""

# KEDA and prometheus-operator CRDs as typed models (generated from their CRD
# schemas); strict: a field the model does not know is reported, not dropped.
_VALIDATE_CRDS = """
import json, sys
from cloudcoil.models.keda.v1alpha1 import ScaledObject, TriggerAuthentication
from cloudcoil.models.prometheus_operator.v1 import ServiceMonitor
models = {("keda.sh/v1alpha1", "ScaledObject"): ScaledObject,
          ("keda.sh/v1alpha1", "TriggerAuthentication"): TriggerAuthentication,
          ("monitoring.coreos.com/v1", "ServiceMonitor"): ServiceMonitor}

def unknown(given, known, path=""):
    found = []
    if isinstance(given, dict) and isinstance(known, dict):
        for key, value in given.items():
            if key not in known:
                found.append(f"{path}/{key}")
            else:
                found += unknown(value, known[key], f"{path}/{key}")
    elif isinstance(given, list) and isinstance(known, list):
        for i, (a, b) in enumerate(zip(given, known)):
            found += unknown(a, b, f"{path}/{i}")
    return found

out = []
for doc in json.load(sys.stdin):
    model = models.get((doc["apiVersion"], doc["kind"]))
    if model is None:
        out.append({"kind": doc["kind"], "error": "no-model"})
        continue
    try:
        parsed = model.model_validate(doc)
    except Exception as exc:
        out.append({"kind": doc["kind"], "error": str(exc)[:2000]})
        continue
    extra = unknown(doc, parsed.model_dump(mode="json", by_alias=True, exclude_unset=True))
    out.append({"kind": doc["kind"], "error": f"unknown fields {extra}" if extra else None})
json.dump(out, sys.stdout)
"""

CRD_KINDS = {"ScaledObject", "TriggerAuthentication", "ServiceMonitor"}


def test_every_builtin_manifest_validates_against_kubernetes_schemas(rendered: list[Resource]) -> None:
    """Every built-in resource validates (strict: unknown fields fail) against Kubernetes 1.30 and 1.37."""
    results = _tools_python(_VALIDATE, {"resources": rendered, "versions": list(KUBERNETES_VERSIONS)})
    failures = [r for r in results if r["error"] and r["error"] != "no-schema"]
    assert not failures, json.dumps(failures, indent=2)
    unvalidated = {r["kind"] for r in results if r["error"] == "no-schema"}
    assert unvalidated == CRD_KINDS, f"only the CRDs may lack a built-in schema, got {unvalidated}"


def test_keda_and_prometheus_resources_validate_against_their_crd_models(rendered: list[Resource]) -> None:
    """ScaledObject, TriggerAuthentication and ServiceMonitor parse under their CRD models with no unknown field."""
    crds = [r for r in rendered if r["kind"] in CRD_KINDS]
    assert {r["kind"] for r in crds} == CRD_KINDS
    results = _tools_python(_VALIDATE_CRDS, crds)
    assert [r for r in results if r["error"]] == []


def test_crd_required_fields_are_present(rendered: list[Resource]) -> None:
    """Independently of the models: the fields KEDA and the Prometheus Operator require are set."""
    scaled = _one(rendered, "ScaledObject")
    assert scaled["spec"]["scaleTargetRef"]["name"] == _one(rendered, "Deployment")["metadata"]["name"]
    (trigger,) = scaled["spec"]["triggers"]
    assert trigger["type"] == "kafka"
    for field in ("bootstrapServers", "consumerGroup", "topic"):
        assert field in trigger["metadata"] or f"{field}FromEnv" in trigger["metadata"], field
    auth = _one(rendered, "TriggerAuthentication")
    assert trigger["authenticationRef"]["name"] == auth["metadata"]["name"]
    parameters = {
        p["parameter"] for p in [*auth["spec"].get("secretTargetRef", []), *auth["spec"].get("env", [])]
    }
    assert parameters >= {"username", "password"}
    monitor = _one(rendered, "ServiceMonitor")
    assert monitor["spec"]["selector"]["matchLabels"]
    assert monitor["spec"]["endpoints"][0]["port"]


# ---------------------------------------------------------------------------
# Policy (checkov)
# ---------------------------------------------------------------------------


def _checkov(*arguments: str) -> list[dict[str, Any]]:
    result = subprocess.run(
        [str(validation_tool("checkov")), *arguments, "--skip-download", "--output", "json"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"},
        check=False,
    )
    assert result.stdout.strip(), result.stderr
    report = json.loads(result.stdout)
    reports: list[dict[str, Any]] = report if isinstance(report, list) else [report]
    return reports


def _failures_and_skips(reports: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    failed = [
        f"{c['check_id']} {c['check_name']} ({c['file_path']}:{c.get('resource', '')})"
        for r in reports
        for c in r.get("results", {}).get("failed_checks", [])
    ]
    skipped = [c for r in reports for c in r.get("results", {}).get("skipped_checks", [])]
    return failed, skipped


def test_checkov_passes_on_deploy_folder() -> None:
    """checkov's Kubernetes and secrets checks report no failure on deploy/ (skips carry a reason)."""
    failed, skipped = _failures_and_skips(
        _checkov("--directory", "deploy", "--framework", "kubernetes", "secrets")
    )
    assert not failed, "\n".join(failed)
    for check in skipped:
        assert len(check.get("check_result", {}).get("suppress_comment", "")) > 20, check["check_id"]


def test_checkov_passes_on_the_rendered_overlay(tmp_path: Path) -> None:
    """The example overlay as it would be applied passes checkov; only the base's image-pinning skips remain."""
    for index, resource in enumerate(render(OVERLAY)):
        (tmp_path / f"{index:02d}-{resource['kind'].lower()}.json").write_text(json.dumps(resource), "utf-8")
    failed, skipped = _failures_and_skips(_checkov("--directory", str(tmp_path), "--framework", "kubernetes"))
    assert not failed, "\n".join(failed)
    assert {c["check_id"] for c in skipped} <= {"CKV_K8S_14", "CKV_K8S_15", "CKV_K8S_43"}


def test_checkov_passes_on_the_dockerfile() -> None:
    """checkov's Dockerfile checks report no failure; the one skip (HEALTHCHECK) says why."""
    failed, skipped = _failures_and_skips(_checkov("--file", "Dockerfile", "--framework", "dockerfile"))
    assert not failed, "\n".join(failed)
    assert [c["check_id"] for c in skipped] == ["CKV_DOCKER_2"]
    assert "probes" in skipped[0]["check_result"]["suppress_comment"]


# ---------------------------------------------------------------------------
# What a platform engineer relies on
# ---------------------------------------------------------------------------


def test_pods_meet_the_restricted_security_profile(rendered: list[Resource]) -> None:
    """Non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp, read-only root."""
    pod = _pod_spec(_one(rendered, "Deployment"))
    assert pod is not None
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    for container in pod["containers"]:
        context = container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False
        assert context["capabilities"]["drop"] == ["ALL"]
        assert "add" not in context["capabilities"]
        assert context["readOnlyRootFilesystem"] is True
        assert context.get("runAsUser", pod["securityContext"].get("runAsUser", 0)) >= 10000
    mounts = {m["mountPath"]: m["name"] for c in pod["containers"] for m in c["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]], "/tmp must be a writable emptyDir"


def test_probes_hit_the_health_endpoints_on_the_metrics_port(rendered: list[Resource]) -> None:
    """Liveness probes /livez, readiness /readyz, both on the named port that is 9100."""
    container = _container(rendered)
    (port,) = container["ports"]
    assert port["containerPort"] == 9100
    assert _settings(rendered).get("INGEST_HTTP_PORT", "9100") == "9100"
    assert container["livenessProbe"]["httpGet"] == {"path": "/livez", "port": port["name"]}
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": port["name"]}
    assert container["startupProbe"]["httpGet"]["path"] == "/livez"


def test_grace_period_outlasts_the_service_drain(rendered: list[Resource]) -> None:
    """terminationGracePeriodSeconds exceeds INGEST_PROCESSING_SHUTDOWN_GRACE_SECONDS with room to spare."""
    grace = _pod_spec(_one(rendered, "Deployment"))["terminationGracePeriodSeconds"]  # type: ignore[index]
    drain = float(_settings(rendered).get("INGEST_PROCESSING_SHUTDOWN_GRACE_SECONDS", "20"))
    assert grace >= drain + 10, f"grace {grace}s leaves too little over the {drain}s drain"
    assert not _container(rendered).get("lifecycle", {}).get("preStop"), "a preStop hook would eat the budget"


def test_static_membership_and_credentials_come_from_the_pod(rendered: list[Resource]) -> None:
    """The group instance id is the pod name; the SASL password and CA are files from the Secret."""
    container = _container(rendered)
    env = {v["name"]: v for v in container["env"]}
    assert env["INGEST_KAFKA_GROUP_INSTANCE_ID"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"
    secrets_dir = env["INGEST_SECRETS_DIR"]["value"]
    mount = next(m for m in container["volumeMounts"] if m["mountPath"] == secrets_dir)
    assert mount["readOnly"] is True
    volume = next(v for v in _pod_spec(_one(rendered, "Deployment"))["volumes"] if v["name"] == mount["name"])  # type: ignore[index]
    paths = {item["path"] for item in volume["secret"]["items"]}
    assert "ingest_kafka_sasl_password" in paths
    settings = _settings(rendered)
    assert settings["INGEST_KAFKA_SSL_CAFILE"].startswith(secrets_dir + "/")
    assert Path(settings["INGEST_KAFKA_SSL_CAFILE"]).name in paths
    assert not any("PASSWORD" in key for key in settings), "no password in the ConfigMap"
    auth = _one(rendered, "TriggerAuthentication")
    assert {ref["name"] for ref in auth["spec"]["secretTargetRef"]} == {volume["secret"]["secretName"]}
    keys = {item["key"] for item in volume["secret"]["items"]}
    assert {ref["key"] for ref in auth["spec"]["secretTargetRef"]} <= keys, (
        "KEDA and the pods read one Secret"
    )
    (username,) = [ref for ref in auth["spec"]["env"] if ref["parameter"] == "username"]
    assert username["name"] == "INGEST_KAFKA_SASL_USERNAME"
    assert username["name"] in settings
    assert username["containerName"] == container["name"]


def test_scaling_follows_lag_within_the_partition_count(rendered: list[Resource]) -> None:
    """KEDA scales on the group's lag of the raw topic, 1..partitions replicas, never to zero, damped."""
    scaled = _one(rendered, "ScaledObject")
    spec = scaled["spec"]
    settings = _settings(rendered)
    (trigger,) = spec["triggers"]
    meta = trigger["metadata"]
    env_names = set(settings) | {v["name"] for v in _container(rendered)["env"]}
    for field, setting in (
        ("bootstrapServers", "INGEST_KAFKA_BOOTSTRAP_SERVERS"),
        ("consumerGroup", "INGEST_KAFKA_GROUP_ID"),
        ("topic", "INGEST_TOPICS_RAW"),
    ):
        assert meta.get(f"{field}FromEnv") == setting, field
        assert setting in env_names, f"{setting} is not in the container's environment"
    partitions = _topic_partitions()
    assert spec["minReplicaCount"] >= 1, "scale-to-zero would stall a group that never committed"
    assert spec["maxReplicaCount"] == partitions[settings["INGEST_TOPICS_RAW"]]
    assert meta.get("allowIdleConsumers", "false") == "false"
    assert meta["offsetResetPolicy"] == settings["INGEST_KAFKA_AUTO_OFFSET_RESET"]
    assert int(meta["lagThreshold"]) > 0
    behavior = spec["advanced"]["horizontalPodAutoscalerConfig"]["behavior"]
    assert behavior["scaleUp"]["stabilizationWindowSeconds"] >= 30
    assert behavior["scaleDown"]["stabilizationWindowSeconds"] >= 120
    assert "replicas" not in _one(rendered, "Deployment")["spec"], (
        "a fixed replica count fights the autoscaler"
    )
    protocol = settings["INGEST_KAFKA_SECURITY_PROTOCOL"]
    assert (meta.get("tls") == "enable") == protocol.endswith("SSL")
    keda_sasl = {"PLAIN": "plaintext", "SCRAM-SHA-256": "scram_sha256", "SCRAM-SHA-512": "scram_sha512"}
    if protocol.startswith("SASL"):
        assert meta.get("sasl") == keda_sasl[settings["INGEST_KAFKA_SASL_MECHANISM"]]
    else:
        assert meta.get("sasl", "none") == "none"


def test_topics_script_creates_every_configured_topic_for_scale_out() -> None:
    """topics.sh creates the four topics the settings name, with replication 3 and min ISR 2 by default."""
    settings = _env_file(BASE / "config.env")
    partitions = _topic_partitions()
    assert set(partitions) == {
        settings[f"INGEST_TOPICS_{t}"] for t in ("RAW", "ARMS", "SANCTIONS", "DEAD_LETTER")
    }
    assert partitions[settings["INGEST_TOPICS_RAW"]] >= 6
    printed = subprocess.run(
        ["bash", str(BASE / "topics.sh"), "--bootstrap-server", "kafka:9093"],
        env={**os.environ, "DRY_RUN": "1"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert printed.count("--replication-factor 3") == 4
    assert printed.count("min.insync.replicas=2") == 4


def test_service_monitor_pdb_and_network_policy_select_the_pods(rendered: list[Resource]) -> None:
    """Service, PDB and NetworkPolicy select the pod labels; the monitor scrapes the Service's metrics port."""
    labels = _one(rendered, "Deployment")["spec"]["template"]["metadata"]["labels"]

    def selects(selector: dict[str, str]) -> bool:
        return bool(selector) and all(labels.get(k) == v for k, v in selector.items())

    service = _one(rendered, "Service")
    assert selects(service["spec"]["selector"])
    assert selects(_one(rendered, "PodDisruptionBudget")["spec"]["selector"]["matchLabels"])
    policy = _one(rendered, "NetworkPolicy")
    assert selects(policy["spec"]["podSelector"]["matchLabels"])
    assert {p["port"] for rule in policy["spec"]["ingress"] for p in rule["ports"]} == {"metrics"}
    monitor = _one(rendered, "ServiceMonitor")
    assert all(
        service["metadata"]["labels"].get(k) == v
        for k, v in monitor["spec"]["selector"]["matchLabels"].items()
    )
    assert monitor["spec"]["endpoints"][0]["port"] == service["spec"]["ports"][0]["name"]
    assert monitor["spec"]["endpoints"][0]["path"] == "/metrics"
