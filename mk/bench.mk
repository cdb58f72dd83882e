# Benchmark extras (the main Makefile's `bench` target runs the full suite).
#   make bench-quick    - a short run (5,000 articles) to check the suite end to end
#   make bench-profile  - the service under py-spy; prints the hottest functions
#   make bench-clean    - remove the benchmark environments and logs
#   make bench-report   - rewrite REPORT.md and the plot from results.json
.PHONY: bench-quick bench-profile bench-clean

BENCH_KAFKA = @if ! bash $(KAFKA_SH) status >/dev/null 2>&1; then bash $(KAFKA_SH) start; fi

bench-quick: install
	$(BENCH_KAFKA)
	$(BIN)/python -m bench --messages 5000 --latency-seconds 8 --out .cache/bench-quick

bench-profile: install
	$(BENCH_KAFKA)
	$(BIN)/python -m bench --help >/dev/null
	.cache/bench-venv/bin/python -m bench.profile --mode $${MODE:-at_least_once}

bench-clean:
	rm -rf .cache/bench-venv .cache/bench-venv-quix .cache/bench-logs .cache/bench-quick .cache/bench-quix-constraints.txt

# Rewrite REPORT.md and the plot from bench/results/results.json (no broker needed).
.PHONY: bench-report
bench-report: install
	$(BIN)/python -m bench --help >/dev/null
	.cache/bench-venv/bin/python -m bench.report
