"""Errors of the NLP package, each with a code and a hint on what to do (W1xx)."""

from __future__ import annotations


class WaspadaNlpError(RuntimeError):
    """An NLP setup problem the operator can fix; the message says how."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
