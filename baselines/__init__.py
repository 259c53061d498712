"""Baseline extractors of kharkiv-ie: empty, naive, rules and crf."""
