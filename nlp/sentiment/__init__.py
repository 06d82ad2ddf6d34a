"""Tone of an article toward the situation (negative / neutral / positive), explained by lexicon cues.

`analyse(text)` runs the shipped model in nlp/models/sentiment/ standalone; in the full pipeline the
`waspada_sentiment` factory (nlp/components/sentiment.py) sets `doc._.sentiment`.
"""
