import pytest

from baselines import lexicon


def test_every_lexicon_file_starts_with_provenance_and_loads():
    names = sorted(path.stem for path in lexicon.LEXICON_DIR.glob("*.tsv"))
    assert len(names) == 13
    for name in names:
        first = (lexicon.LEXICON_DIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# provenance:")
        assert lexicon.rows(name)


def test_classes_and_mapping():
    assert "dall'" in lexicon.function_words("by")
    assert lexicon.mapping("qualifiers")["almeno"] == "at_least"
    assert lexicon.mapping("qualifiers")["fino a"] == "at_most"


def test_missing_lexicon_raises():
    with pytest.raises(lexicon.LexiconError, match="lexicon file not found"):
        lexicon.rows("does-not-exist")
