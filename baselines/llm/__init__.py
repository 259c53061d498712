"""The ``llm`` baseline: any OpenAI-compatible chat server, prompted, parsed, cached, replayable.

Unlike the extractors (:class:`baselines.base.Extractor`, schema objects with offsets), it
produces submission LINES with text-only spans, which the scorer's alignment places in the
document (``docs/submission-format.md``): it is a :class:`baselines.base.SubmissionProducer`,
:class:`baselines.llm.producer.LlmProducer`, built from ``conf/baseline/llm.yaml``. Modules,
one concept each:

- :mod:`~baselines.llm.options`: the options of one run (the Hydra node ``baseline``), checked;
- :mod:`~baselines.llm.answer_schema`: the JSON Schema of an answer, derived from
  ``schema/submission.schema.json`` (text-only spans, only the layers asked for);
- :mod:`~baselines.llm.prompt`: the chat messages of a document (templates in ``prompts/``);
- :mod:`~baselines.llm.client`: the ``openai`` client with timeouts and bounded retries;
- :mod:`~baselines.llm.cache`: the content-addressed answer cache (one JSONL file);
- :mod:`~baselines.llm.parse`: an answer -> a submission line, or an empty one when invalid;
- :mod:`~baselines.llm.producer`: documents -> lines, with progress and per-document usage.

Like every extractor it imports only the read side of :mod:`benchmark` (see
``tests/test_architecture.py``).
"""
