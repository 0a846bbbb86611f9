"""Benchmarks at prefecture scale (not part of the test suite)."""
