"""The dataset and its construction: schema, layers, splits, text, build, checks and loading.

First stage of the one-way flow (``docs/architecture.md``): nothing here imports the
submission reader, the scorer or the presentation.
"""
