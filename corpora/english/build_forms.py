"""Builds forms.tsv: every English word form lemminflect knows, with the lemmas it has as each
part of speech.

    pip install lemminflect && python corpora/english/build_forms.py

lemminflect (MIT licence, https://github.com/bjascob/LemmInflect) derives its lookup table from
the NIH SPECIALIST Lexicon (open licence, with attribution: National Library of Medicine,
https://lhncbc.nlm.nih.gov/LSG/Projects/lexicon/). okrlint ships the table it needs as text, so
that a run loads it in a few milliseconds and never imports lemminflect (or numpy): the check
"which words can be verbs or nouns, and what is their base form" comes from this maintained
resource instead of hand lists. The output is sorted and deterministic; rebuild it when
lemminflect is upgraded, and tests/test_forms.py checks a sample against lemminflect.

Format: `form<TAB>V:lemma,lemma N:lemma A:lemma R:lemma` (V verb, N noun, A adjective, R adverb;
auxiliaries count as verbs), one form per line, lower case.
"""

from __future__ import annotations

from pathlib import Path

from lemminflect.core.Lemmatizer import Lemmatizer

_CODES = (("VERB", "V"), ("AUX", "V"), ("NOUN", "N"), ("ADJ", "A"), ("ADV", "R"))


def build() -> list[str]:
    table = Lemmatizer()._getLemmaDict()  # form -> {upos: (lemma, ...)}
    merged: dict[str, dict[str, list[str]]] = {}  # "Apple" and "apple" are one lower-case form
    for form in sorted(table):
        if not form or "\t" in form or " " in form:
            continue
        by_code = merged.setdefault(form.lower(), {})
        for upos, code in _CODES:
            for lemma in table[form].get(upos, ()):
                lemmas = by_code.setdefault(code, [])
                if lemma.lower() not in lemmas:
                    lemmas.append(lemma.lower())
    lines = []
    for form, by_code in sorted(merged.items()):
        if by_code:
            parts = " ".join(f"{code}:{','.join(by_code[code])}" for code in "VNAR" if code in by_code)
            lines.append(f"{form}\t{parts}")
    return lines


if __name__ == "__main__":
    out = Path(__file__).with_name("forms.tsv")
    header = "# English word forms and their lemmas by part of speech; built by build_forms.py\n"
    out.write_text(header + "\n".join(build()) + "\n", encoding="utf-8")
    print(f"wrote {out}")
