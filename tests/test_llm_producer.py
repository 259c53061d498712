"""baselines.llm.producer: the SubmissionProducer interface, and the llm baseline follows it."""

from baselines.base import Extractor
from baselines.llm.options import LlmOptions
from baselines.llm.producer import SubmissionProducer
from baselines.llm.run import LlmProducer


class Lines:
    name = "lines"

    def predict_lines(self, documents):
        return [{"doc_id": d.doc_id, "hedges": []} for d in documents]


def test_the_llm_baseline_is_a_submission_producer_not_an_extractor(tmp_path):
    producer = LlmProducer(
        LlmOptions(base_url="http://127.0.0.1:9/v1", model="m", cache_path=tmp_path / "c.jsonl")
    )
    assert isinstance(producer, SubmissionProducer)
    assert not isinstance(producer, Extractor)
    assert producer.name == "llm"


def test_any_object_with_name_and_predict_lines_is_one():
    assert isinstance(Lines(), SubmissionProducer)
    assert not isinstance(object(), SubmissionProducer)
