"""Text that came from a file or a form, shown as text wherever Streamlit would read Markdown.

Streamlit renders Markdown in st.markdown, st.caption, st.success and the like, in titles and in
help tooltips: a provider's name `![x](http://…)` in an uploaded file would make every viewer's
browser fetch that address (a tracking pixel), and `https:`, `www.` and e-mail addresses become
links (issue 22). Every ASCII punctuation character gets a backslash, which CommonMark reads as
that very character: no link, image, autolink, HTML, heading, list, emphasis, `:material/…:` icon,
`:red[…]` colour or `$…$` formula can then be formed, and the text reads exactly as it was written.
"""

from __future__ import annotations

import string

_ESCAPED = str.maketrans({character: "\\" + character for character in string.punctuation})


def plain(text: object) -> str:
    """`text` (any value; None is '') escaped so that Markdown shows it as it is."""
    return "" if text is None else str(text).translate(_ESCAPED)
