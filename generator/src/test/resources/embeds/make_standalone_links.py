"""Makes standalone-links.jsonl: Markdown bodies and the addresses that markata's renderer
(markdown-it-py, MarkdownIt("gfm-like") with linkify and html, as markata's render_markdown
configures it) makes a paragraph of their own: <p><a href="X">X</a></p>, the paragraphs the
youtube and tweets plugins turn into embeds (markata-go matches that HTML after render).
StandaloneLinksTest finds the same addresses in the Markdown with StandaloneLinks and compares.
A standalone link on a line that starts a list item or a quote ("- X", "> X") is listed apart, in
"item_or_quote": StandaloneLinks leaves those as links (whether a list item's text is a paragraph
depends on the whole list being loose; a quote's HTML block would need every line quoted).

Run with Debian's python3-markdown-it (2.1.0) and python3-linkify-it:
  /usr/bin/python3 make_standalone_links.py > standalone-links.jsonl
"""
import json
import re

from markdown_it import MarkdownIt

MD = MarkdownIt("gfm-like", {"linkify": True, "html": True, "typographer": True})
ITEM_OR_QUOTE = re.compile(r"^\s*(>|[-*+]\s|\d+[.)]\s)")

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
]


def standalone(markdown):
    """(addresses of paragraphs that are one link whose text is its address, those of them on an item's or quote's line)"""
    lines = markdown.split("\n")
    tokens = MD.parse(markdown)
    alone, item_or_quote = [], []
    for i, token in enumerate(tokens):
        if token.type != "paragraph_open":
            continue
        inline = tokens[i + 1]
        children = inline.children or []
        if ([c.type for c in children] == ["link_open", "text", "link_close"]
                and children[0].attrs.get("href") == children[1].content):
            address = children[1].content
            alone.append(address)
            if ITEM_OR_QUOTE.match(lines[token.map[0]]):
                item_or_quote.append(address)
    return alone, item_or_quote


for case in CASES:
    alone, item_or_quote = standalone(case)
    print(json.dumps({"markdown": case, "standalone": alone, "item_or_quote": item_or_quote}))
