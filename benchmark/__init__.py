"""kharkiv-ie benchmark: gold data, submissions, scoring, reports (the baselines live apart)."""
