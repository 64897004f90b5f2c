"""What a YAML parser's syntax error means, in the catalogs' words rather than the parser's English.

libyaml and the pure parser word the same faults differently ("did not find expected key",
"expected <block end>, but found …"); both are recognised here and told as the fault an editor of
the dataset made (a tab used to indent, a line out of step, a quotation mark left open). What is
not recognised keeps the parser's own words, said to be the parser's. The dataset layer only
records what the parser said (a ``problem.yaml.said`` message); the choice of words is made here.
"""

from __future__ import annotations

from ..dataset.problems import Message

__all__ = ["syntax_detail"]

# (words in the parser's message, the catalog's key for the fault): the first that matches
_FAULTS = (
    (("found character '\\t'",), "problem.yaml.why.tab"),
    (("found a tab character",), "problem.yaml.why.tab"),
    (("that cannot start any token",), "problem.yaml.why.reserved"),
    (("mapping values are not allowed",), "problem.yaml.why.colon"),
    (("did not find expected key",), "problem.yaml.why.indent"),
    (("did not find expected '-' indicator",), "problem.yaml.why.indent"),
    (("expected <block end>",), "problem.yaml.why.indent"),
    (("end of stream", "quoted scalar"), "problem.yaml.why.quote"),
    (("expected ',' or ']'",), "problem.yaml.why.list"),
    (("expected ',' or '}'",), "problem.yaml.why.mapping"),
)


def syntax_detail(said: str, character: str) -> Message:
    """The fault behind the parser's message ``said``; ``character`` is the one where it stopped."""
    for words, key in _FAULTS:
        if all(w in said for w in words):
            return Message.of(key, character=character)
    return Message.of("problem.yaml.why.parser", said=said)
