# syntax=docker/dockerfile:1
#
# The ingest service image.
#
#   docker build -t REGISTRY/ingest:0.1.0 .
#   docker run --rm --read-only --tmpfs /tmp -e INGEST_KAFKA_BOOTSTRAP_SERVERS=host:9092 REGISTRY/ingest:0.1.0
#
# Two stages on the same pinned base: `build` compiles the extractor with mypyc
# (setup.py) into a wheel and installs it into a virtual environment with the
# versions CI tests (constraints.txt); `runtime` copies only that environment,
# with no compiler and no build tools. The process runs as UID/GID 10001, writes
# nothing outside /tmp (Kubernetes mounts an emptyDir there), and is PID 1 in
# exec form so SIGTERM reaches it and it drains within the grace period.
# Health is checked by Kubernetes probes on :9100/livez and /readyz, not by a
# Docker HEALTHCHECK.

FROM python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INPUT=1 \
    PYTHONDONTWRITEBYTECODE=1

# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY pyproject.toml constraints.txt README.md setup.py ./
COPY ingest/ ingest/
# /opt/build has the dependencies and mypy, which type-checks and compiles the
# extractor's modules; the wheel it builds is all that /opt/ingest receives.
RUN python -m venv /opt/build /opt/ingest \
    && INGEST_COMPILE=0 /opt/build/bin/pip install --no-cache-dir -c constraints.txt '.[dev]' \
    && INGEST_COMPILE=1 /opt/build/bin/pip wheel --no-cache-dir --no-build-isolation --no-deps -w /wheels . \
    && /opt/ingest/bin/pip install --no-cache-dir -c constraints.txt /wheels/ingest-*.whl \
    && /opt/ingest/bin/python -m compileall -q /opt/ingest/lib

# checkov:skip=CKV_DOCKER_2: Kubernetes liveness/readiness probes on :9100 check health; a HEALTHCHECK would only run under plain Docker.
FROM python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d AS runtime

LABEL org.opencontainers.image.title="ingest" \
      org.opencontainers.image.description="Reads news articles from Kafka and publishes typed arms-transfer and sanction events." \
      org.opencontainers.image.licenses="Apache-2.0"

RUN groupadd --system --gid 10001 ingest \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ingest

COPY --from=build /opt/ingest /opt/ingest

ENV PATH=/opt/ingest/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    TMPDIR=/tmp \
    INGEST_LOG_FORMAT=json

WORKDIR /tmp
USER 10001:10001
EXPOSE 9100

ENTRYPOINT ["ingest"]
CMD ["run"]
