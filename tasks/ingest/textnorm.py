"""Decoding and normalising raw article text.

Offsets everywhere index the *normalised* body, so normalisation happens once, here.
"""
from __future__ import annotations

import re
import unicodedata

from models.errors import UnreadableInput

# Quote marks of many typographic traditions become straight ones: the answer key and
# the extractors compare on straight marks.
_QUOTE_MAP = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2036": '"', "\uff02": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2035": "'",
    "\u2039": "'", "\u203a": "'",
}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060]")
_TRANSLATE = str.maketrans(_QUOTE_MAP)

# Share of control characters above which a "text" is really binary.
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 first, then cp1251 (Cyrillic) or latin-1; reject binary."""
    if not raw.strip():
        raise UnreadableInput("empty file")
    if raw.startswith(_UTF16_BOMS):
        return _decode_utf16(raw)
    if b"\x00" in raw[:8192]:
        raise UnreadableInput("binary file (NUL bytes)")
    for encoding in ("utf-8-sig",):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            text = None
    if text is None:
        encoding = _guess_legacy_encoding(raw)
        text = raw.decode(encoding, errors="strict")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise UnreadableInput(f"binary file ({controls} control characters)")
    return text, encoding


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode_utf16(raw: bytes) -> tuple[str, str]:
    """UTF-16 with its byte order mark (Windows "Unicode" text); UTF-32 marks start the same."""
    encoding = "utf-32" if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "utf-16"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"undecodable {encoding.upper()} text (byte {exc.start})") from None
    if not text.strip():
        raise UnreadableInput("empty file")
    return text.lstrip("\ufeff"), encoding


def _guess_legacy_encoding(raw: bytes) -> str:
    """cp1251 when most letters read as Cyrillic, else latin-1 (which decodes anything).

    Accented Latin text decoded as cp1251 also yields Cyrillic letters, but only a few
    among many ASCII ones; real Cyrillic text is Cyrillic almost throughout.
    """
    try:
        as_cyr = raw.decode("cp1251")
    except UnicodeDecodeError:
        return "latin-1"
    letters = [ch for ch in as_cyr if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return "cp1251" if letters and cyrillic / len(letters) > 0.5 else "latin-1"


def normalise_text(text: str) -> str:
    """Straighten quote marks, fold runs of spaces, strip lines, keep paragraphs.

    Paragraphs (separated by one or more blank lines in the source) become exactly one
    blank line apart; single newlines inside a paragraph are kept as line breaks because
    news dumps often put one paragraph per line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text.translate(_TRANSLATE))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def fold_for_matching(text: str) -> str:
    """The answer key's comparison form: straight quotes, one space for any white space run."""
    return re.sub(r"\s+", " ", text.translate(_TRANSLATE)).strip()
