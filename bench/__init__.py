"""The benchmark behind ``make bench``: throughput, workers and memory on a generated corpus."""
