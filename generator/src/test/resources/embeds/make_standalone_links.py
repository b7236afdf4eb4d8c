"""Makes standalone-links.jsonl: Markdown bodies and the addresses that become embeds where
markata-go embeds them, in the HTML markata renders: markata-go's youtube plugin replaces, after
render, every <p> holding only the address, bare or as a link (its regular expression, below),
wherever that paragraph is: at the top, in a quote, an admonition or a list item that is a
paragraph (a loose list's; a tight list's item text has no <p>). StandaloneLinksTest finds the same
addresses in the Markdown with StandaloneLinks and compares.

markata's renderer is make_markata_cases.py's (markdown-it-py with markata's plugins).

Run with Debian's python3-markdown-it (2.1.0), python3-mdit-py-plugins (0.3.3),
python3-linkify-it and python3-pygments:
  /usr/bin/python3 make_standalone_links.py > standalone-links.jsonl
"""
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "markdown"))
from make_markata_cases import markata_md  # noqa: E402

MD = markata_md()
# markata-go's youtube pattern (pkg/plugins/youtube.go) with any address in place of a video's
PARAGRAPH = re.compile(r'<p>\s*(?:<a href="[^"]*">)?(https?://[^<\s]*)\s*(?:</a>)?\s*</p>')

CASES = [
    "https://youtu.be/dQw4w9WgXcQ\n",
    "Intro.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s\n\nOutro.\n",
    "Intro.\nhttps://youtu.be/dQw4w9WgXcQ\n\nText on the line before: one paragraph.\n",
    "https://youtu.be/dQw4w9WgXcQ\nmore text after: one paragraph\n",
    "Watch https://youtu.be/dQw4w9WgXcQ now.\n",
    "<https://twitter.com/jack/status/20>\n",
    "   https://x.com/jack/status/20\n",
    "    https://x.com/jack/status/20\n\nIndented four: code.\n",
    "```\nhttps://youtu.be/dQw4w9WgXcQ\n```\n",
    "````md\n```\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n```\n````\n",
    "~~~\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n~~~\n\nhttps://youtu.be/aaaaaaaaaaa\n",
    "- item\n\n  https://youtu.be/dQw4w9WgXcQ\n\n- https://youtu.be/bbbbbbbbbbb\n",
    "> https://youtu.be/dQw4w9WgXcQ\n",
    "<!--\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n-->\n\nhttps://youtu.be/ccccccccccc\n",
    "<pre>\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n</pre>\n",
    "<div>\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n</div>\n",
    "# Heading\n\nhttps://twitter.com/jack/status/20?s=20\n\n## Two\n\nhttps://mobile.twitter.com/jack/status/21/\n",
    "[a link](https://youtu.be/dQw4w9WgXcQ)\n",
    "`https://youtu.be/dQw4w9WgXcQ`\n",
    "https://youtu.be/dQw4w9WgXcQ  \n\nTrailing spaces.\n",
    "Para.\n\nhttps://example.com/not-a-video\n",
    "1. https://youtu.be/dQw4w9WgXcQ\n\n   https://youtu.be/ddddddddddd\n",
    "<script>\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n</script>\n",
    "Last line, no newline:\n\nhttps://youtu.be/eeeeeeeeeee",
    "https://youtu.be/dQw4w9WgXcQ.\n\nA full stop after it: not part of the link.\n",
    "https://youtu.be/dQw4w9WgXcQ!\n",
    "(https://youtu.be/dQw4w9WgXcQ)\n",
    "https://en.wikipedia.org/wiki/Foo_(bar)\n",
    "https://twitter.com/some_one_/status/5\n",
    "*https://youtu.be/dQw4w9WgXcQ*\n",
    "https://youtu.be/dQw4w9WgXcQ?t=1m30s#at\n",
    "Two links:\n\nhttps://youtu.be/aaaaaaaaaaa https://youtu.be/bbbbbbbbbbb\n",
    # quotes
    "> Quote text.\n>\n> https://youtu.be/aaaaaaaaaaa\n",
    "> Quote text.\nhttps://youtu.be/aaaaaaaaaaa\n",
    "> > https://youtu.be/aaaaaaaaaaa\n",
    ">https://youtu.be/aaaaaaaaaaa\n",
    "> ```\n> https://youtu.be/aaaaaaaaaaa\n> ```\n",
    # admonitions
    "!!! note\n    https://youtu.be/aaaaaaaaaaa\n",
    '!!! note "Watch"\n\n    Some text.\n\n    https://youtu.be/aaaaaaaaaaa\n\nAfter.\n',
    "???+ note\n    https://twitter.com/jack/status/20\n",
    "??? tip\n    <https://youtu.be/aaaaaaaaaaa>\n",
    "!!! note\n\n        https://youtu.be/aaaaaaaaaaa\n",
    "> !!! note\n>     https://youtu.be/aaaaaaaaaaa\n",
    # lists: a loose list's items are paragraphs, a tight list's are not
    "- https://youtu.be/aaaaaaaaaaa\n- https://youtu.be/bbbbbbbbbbb\n",
    "- https://youtu.be/aaaaaaaaaaa\n\n- https://youtu.be/bbbbbbbbbbb\n",
    "* https://youtu.be/aaaaaaaaaaa\n\n  continuation\n",
    "- a\n- b\n\n  https://youtu.be/aaaaaaaaaaa\n",
    "1. Intro\n\n    https://youtu.be/aaaaaaaaaaa\n",
    "- item\n\n    !!! note\n        https://youtu.be/aaaaaaaaaaa\n",
    "- > https://youtu.be/aaaaaaaaaaa\n",
    "- item\n  - https://youtu.be/aaaaaaaaaaa\n\n  - https://youtu.be/bbbbbbbbbbb\n",
    "10) https://youtu.be/aaaaaaaaaaa\n\n11) two\n",
    # a footnote's paragraph ends with its back link; {...} gives the paragraph attributes
    "Text[^1]\n\n[^1]: https://youtu.be/aaaaaaaaaaa\n",
    "{.wide}\nhttps://youtu.be/aaaaaaaaaaa\n",
    "::: note\nhttps://youtu.be/aaaaaaaaaaa\n:::\n",
]


def standalone(markdown):
    """the addresses of markata-go's paragraphs in markata's HTML, in order"""
    return [html.unescape(m.group(1)) for m in PARAGRAPH.finditer(MD.render(markdown))]


for case in CASES:
    print(json.dumps({"markdown": case, "standalone": standalone(case)}))
