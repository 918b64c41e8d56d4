import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import UnreadableInput
from tasks.ingest.textnorm import decode_bytes, fold_for_matching, normalise_text


def test_curly_and_angle_quotes_become_straight():
    assert normalise_text("\u201cYes,\u201d she said. \u00abNo\u00bb \u2018it\u2019s\u2019") == "\"Yes,\" she said. \"No\" 'it's'"


def test_paragraphs_kept_and_spaces_folded():
    text = "Title line\r\n\r\n\r\nFirst  para\u00a0here.\n\n\n  Second para.  "
    assert normalise_text(text) == "Title line\n\nFirst para here.\n\nSecond para."


@given(st.text(alphabet=st.sampled_from("ab \n\t\u201c\u201d\u00a0."), max_size=60))
def test_normalise_is_idempotent_and_has_no_double_spaces(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert "  " not in once and "\n\n\n" not in once
    assert "\u201c" not in once and "\u00a0" not in once


def test_fold_for_matching():
    assert fold_for_matching(" a\n\n b\u201d ") == 'a b"'


def test_decode_utf8_and_legacy_encodings():
    assert decode_bytes("Zakharova \u2014 ok".encode())[1] == "utf-8-sig"
    text, enc = decode_bytes("\u041c\u0438\u0434 \u0440\u0430\u0431\u043e\u0442\u0430\u0435\u0442".encode("cp1251"))
    assert enc == "cp1251" and text.startswith("\u041c\u0438\u0434")
    text, enc = decode_bytes("caf\u00e9 cr\u00e8me".encode("latin-1"))
    assert enc == "latin-1" and text == "caf\u00e9 cr\u00e8me"


@pytest.mark.parametrize("raw,reason", [(b"", "empty"), (b"  \n ", "empty"), (b"\x00\x01\x02abc", "binary")])
def test_decode_rejects(raw, reason):
    with pytest.raises(UnreadableInput) as err:
        decode_bytes(raw)
    assert reason in err.value.reason


def test_decode_rejects_control_heavy_text():
    with pytest.raises(UnreadableInput):
        decode_bytes(bytes(range(1, 32)) * 10 + b"text")
