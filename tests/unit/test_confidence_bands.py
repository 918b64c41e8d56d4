"""Accuracy by confidence band, on a made-up key and made-up quotes."""
from __future__ import annotations

import pytest

from tasks.eval.confidence import band_of, confidence_bands, format_bands

KEY = {"articles": ["a1"], "quotes": [
    {"article": "a1", "speaker": "Jane Okoro", "speaker_alternatives": ["Okoro"], "kind": "direct",
     "contains": "the port will reopen"},
    {"article": "a1", "speaker": "Tom Berg", "kind": "indirect", "contains": "taxes would fall"},
]}


@pytest.mark.parametrize("confidence,band", [(0.95, 0.8), (0.8, 0.8), (0.79, 0.7), (0.61, 0.6), (0.3, 0.3), (0.1, 0.0)])
def test_band_of(confidence, band):
    assert band_of(confidence) == band


def test_bands_count_precision_and_attribution():
    quotes = [
        {"article_id": "a1", "text": "the port will reopen in May", "speaker_name": "Okoro", "confidence": 0.86},
        {"article_id": "a1", "text": "taxes would fall", "speaker_name": "Jane Okoro", "confidence": 0.82},
        {"article_id": "a1", "text": "nothing the key has", "speaker_name": "Tom Berg", "confidence": 0.55},
        {"article_id": "other", "text": "taxes would fall", "speaker_name": "Tom Berg", "confidence": 0.9},
    ]
    bands = {b.low: b for b in confidence_bands(KEY, quotes)}
    top = bands[0.8]
    assert (top.extracted, top.matched, top.attributed) == (2, 2, 1)
    assert top.accuracy == 0.5 and top.correct == 0.5
    assert (bands[0.5].extracted, bands[0.5].matched, bands[0.5].precision) == (1, 0, 0.0)
    assert bands[0.7].extracted == 0 and bands[0.7].accuracy is None
    assert "| 0.8-1.0 | 2 | 2 |" in format_bands(list(bands.values()))
