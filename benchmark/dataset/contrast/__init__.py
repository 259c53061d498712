"""The ``contrast`` split: minimally edited paragraphs that flip one phenomenon at a time.

The edit specification is ``data/contrast/edits.yaml`` (format in
``data/contrast/README.md``); :mod:`benchmark.dataset.contrast.spec` reads it,
:mod:`benchmark.dataset.contrast.edits` applies edits and remaps offsets,
:mod:`benchmark.dataset.contrast.build` turns each item into a document with its gold, and
:mod:`benchmark.dataset.contrast.groups` exposes the group membership for the consistency metric.
"""
