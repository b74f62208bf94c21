"""Name spelling support shared by the name checks.

* :mod:`~newslint.names.translit` turns a spelling into transliteration keys, so
  "Sergei" and "Sergey" meet while "Iran" and "Iraq" stay apart.
* :mod:`~newslint.names.candidates` finds the capitalised words of a document once
  and shares them through ``doc.memo("name_candidates", ...)``.
* :mod:`~newslint.names.dictionary` loads the house dictionary (``rules/house-names.yaml``
  plus a newsroom's own file), applies preferred-form overrides and matches it.
"""
