"""The metrics a Prometheus server scrapes from the service."""

from __future__ import annotations

from prometheus_client import REGISTRY, CollectorRegistry, Histogram, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from ingest.metrics import ARTICLE_SECONDS_BUCKETS, BulkHistogram, Metrics


def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the registry as it would be scraped, keyed by name and sorted labels."""
    text = generate_latest(metrics.registry).decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_counters_appear_in_the_scrape_with_their_labels() -> None:
    """After recording, the scraped text holds the counts under the documented names and labels."""
    m = Metrics()
    m.record_consumed("articles.raw", 5)
    m.record_consumed("articles.raw", 2)
    m.record_event("arms_transfer", "delivered")
    m.record_event("sanction", "imposed")
    m.record_event("sanction", "imposed")
    m.record_dead_letter("invalid_json")
    m.record_transaction("committed")
    m.record_transaction("aborted")
    m.record_extractor_error()
    m.record_retry("send")
    got = samples(m)
    assert got["ingest_articles_consumed_total", (("topic", "articles.raw"),)] == 7
    assert got["ingest_events_published_total", (("status", "delivered"), ("type", "arms_transfer"))] == 1
    assert got["ingest_events_published_total", (("status", "imposed"), ("type", "sanction"))] == 2
    assert got["ingest_dead_letters_total", (("reason", "invalid_json"),)] == 1
    assert got["ingest_transactions_total", (("outcome", "committed"),)] == 1
    assert got["ingest_transactions_total", (("outcome", "aborted"),)] == 1
    assert got["ingest_extractor_errors_total", ()] == 1
    assert got["ingest_retries_total", (("operation", "send"),)] == 1


def test_closed_label_sets_start_at_zero() -> None:
    """Known event statuses, dead-letter reasons and outcomes are exported as 0 before anything happens."""
    got = samples(Metrics())
    assert got["ingest_dead_letters_total", (("reason", "not_utf8"),)] == 0
    assert got["ingest_events_published_total", (("status", "threatened"), ("type", "sanction"))] == 0
    assert got["ingest_transactions_total", (("outcome", "aborted"),)] == 0
    assert got["ingest_ready", ()] == 0


def test_unknown_label_values_are_counted_as_other() -> None:
    """Values outside the closed sets never create new series; they land under "other"."""
    m = Metrics()
    m.record_dead_letter("article-12345")
    m.record_event("rumour", "imposed")
    m.record_event("sanction", "delivered")
    m.record_transaction("maybe")
    m.record_retry("dance")
    got = samples(m)
    assert got["ingest_dead_letters_total", (("reason", "other"),)] == 1
    assert got["ingest_events_published_total", (("status", "other"), ("type", "other"))] == 1
    assert got["ingest_events_published_total", (("status", "other"), ("type", "sanction"))] == 1
    assert got["ingest_transactions_total", (("outcome", "other"),)] == 1
    assert got["ingest_retries_total", (("operation", "other"),)] == 1
    label_values = {v for (_, labels) in got for (_, v) in labels}
    assert not label_values & {"article-12345", "rumour", "maybe", "dance"}


def test_histograms_place_typical_durations_in_useful_buckets() -> None:
    """A 1 ms article and a 50 ms batch of 200 records fall in distinct, finite buckets."""
    m = Metrics()
    m.observe_article(0.0008)
    m.observe_batch(200, 0.05)
    m.observe_end_to_end_lag(1.5)
    got = samples(m)
    assert got["ingest_article_processing_seconds_bucket", (("le", "0.0005"),)] == 0
    assert got["ingest_article_processing_seconds_bucket", (("le", "0.001"),)] == 1
    assert got["ingest_batch_duration_seconds_bucket", (("le", "0.025"),)] == 0
    assert got["ingest_batch_duration_seconds_bucket", (("le", "0.05"),)] == 1
    assert got["ingest_batch_records_bucket", (("le", "100.0"),)] == 0
    assert got["ingest_batch_records_bucket", (("le", "200.0"),)] == 1
    assert got["ingest_batch_records_sum", ()] == 200
    assert got["ingest_end_to_end_lag_seconds_bucket", (("le", "1.0"),)] == 0
    assert got["ingest_end_to_end_lag_seconds_bucket", (("le", "2.5"),)] == 1


def test_gauges_follow_the_latest_value() -> None:
    """Partition lag, in-flight records and readiness show the last value set; a revoked partition vanishes."""
    m = Metrics()
    m.set_partition_lag("articles.raw", 3, 120)
    m.set_partition_lag("articles.raw", 3, 40)
    m.set_partition_lag("articles.raw", 1, 7)
    m.set_inflight(64)
    m.set_ready(True)
    got = samples(m)
    assert got["ingest_consumer_lag_records", (("partition", "3"), ("topic", "articles.raw"))] == 40
    assert got["ingest_inflight_records", ()] == 64
    assert got["ingest_ready", ()] == 1
    m.forget_partition("articles.raw", 3)
    m.forget_partition("articles.raw", 3)
    got = samples(m)
    assert ("ingest_consumer_lag_records", (("partition", "3"), ("topic", "articles.raw"))) not in got
    assert got["ingest_consumer_lag_records", (("partition", "1"), ("topic", "articles.raw"))] == 7


def test_build_info_names_the_version() -> None:
    """`ingest_build_info` carries the package version and the Python version."""
    got = samples(Metrics())
    (labels,) = [dict(labels) for name, labels in got if name == "ingest_build_info"]
    assert labels["version"] == __import__("ingest").__version__
    assert labels["python"].count(".") == 2


def test_instances_never_share_or_touch_the_global_registry() -> None:
    """Two Metrics objects count separately and the process-wide default registry stays free of them."""
    a, b = Metrics(), Metrics(CollectorRegistry())
    a.record_consumed("t", 3)
    assert samples(a)["ingest_articles_consumed_total", (("topic", "t"),)] == 3
    assert ("ingest_articles_consumed_total", (("topic", "t"),)) not in samples(b)
    assert b"ingest_" not in generate_latest(REGISTRY)


def test_batch_histograms_scrape_exactly_like_prometheus_histograms() -> None:
    """A histogram fed a batch at a time scrapes the same buckets, count and sum as the client library's
    own histogram fed the same values one by one, bound values and values past the last bucket included."""
    values = [0.0, 0.0001, 0.00009, 0.0003, 0.001, 0.0049, 0.005, 0.02, 0.7, 1.0, 3.0, 1e9, 0.0025]
    ours, theirs = CollectorRegistry(), CollectorRegistry()
    batch = BulkHistogram("ingest_sample_seconds", "Sample.", ARTICLE_SECONDS_BUCKETS, ours)
    batch.observe_many(values[:5])
    batch.observe_many([])
    batch.observe_many(values[5:-1])
    batch.observe(values[-1])
    single = Histogram("ingest_sample_seconds", "Sample.", buckets=ARTICLE_SECONDS_BUCKETS, registry=theirs)
    for value in values:
        single.observe(value)

    def samples(registry: CollectorRegistry) -> list[tuple[str, dict[str, str], float]]:
        text = generate_latest(registry).decode()
        return [
            (s.name, s.labels, s.value)
            for family in text_string_to_metric_families(text)
            for s in family.samples
            if not s.name.endswith("_created")
        ]

    assert samples(ours) == samples(theirs)
    assert ("ingest_sample_seconds_count", {}, float(len(values))) in samples(ours)
