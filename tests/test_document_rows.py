from benchmark.dataset.document_rows import id_order


def test_id_order_sorts_by_number_then_id():
    ids = ["E10", "E2", "Ex", "E1"]
    assert sorted(ids, key=id_order) == ["Ex", "E1", "E2", "E10"]
    assert id_order("C7") == (7, "C7")
    assert id_order("Hx") == (-1, "Hx")
