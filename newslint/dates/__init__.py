"""Date knowledge shared by the date checks.

* :mod:`~newslint.dates.expressions` finds date expressions in a document once
  ("March 3, 2022", "Thursday 3 March", "2022-03-03", "last week", "the 1990s")
  and resolves each to a range of days, using the publication date for the ones
  that lean on it (a date without a year, "last year").
* :mod:`~newslint.dates.knowledge` loads the officeholder and event knowledge
  bases from ``rules/`` (plus any files a newsroom adds) and answers "who held
  this office then?" and "when did this event happen?".
* :mod:`~newslint.dates.dateline` reads a publication date from a dateline in
  the first lines of an article.
* :mod:`~newslint.dates.language` holds the small word lists the checks share:
  ordinals, number words, tense cues.
* :mod:`~newslint.dates.prefilter` makes the searches fast: one RE2 pass over an
  ASCII view of the text proposes where a pattern can match, and Python's ``re``
  decides there, so the matches are exactly those of the plain patterns.

* :mod:`~newslint.dates.lazy` holds the patterns compiled on first use.

Everything heavy (regexes, the knowledge bases, YAML files) is built on first
use, so importing this package costs next to nothing; the knowledge bases load
only for a document that may need them (see :mod:`~newslint.dates.knowledge`).
"""
