"""Makes details-cases.jsonl: ??? blocks and the HTML markata renders for them on a site whose
[markata.markdown_it_py] plugins list markata.plugins.mdit_details:details_plugin but not
mdit_py_plugins.admon:admon_plugin (which, listed, takes the ??? blocks first: make_markata_cases.py).
DetailsCompatTest renders the same bodies with our Markdown and compares.

The renderer is make_markata_cases.py's markata_md() without admon_plugin (its details_plugin is
the stand-in for markata's, written there from its behaviour).

Run with Debian's python3-markdown-it and python3-mdit-py-plugins:
  /usr/bin/python3 make_details_cases.py > details-cases.jsonl
"""
import json

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from make_markata_cases import attrs_block_plugin, details_plugin, highlight_code, wikilinks_plugin

CASES = [
    "??? note\n    Collapsed body.\n",
    "??? tip \"Title Here\"\n    Body with *emphasis*.\n",
    "??? warning Some words after\n    Body.\n",
    "??? question\n    Q.\n\n    More.\n",
    "??? note\n    Body.\n\nAfter.\n",
    "??? NOTE 'single quoted'\n    Body.\n",
    "??? my-tag\n    Body.\n",
    "Text before.\n\n??? note\n    - a\n    - b\n",
    "- item\n\n    ??? note\n        In a list.\n",
    "> ??? note\n>     In a quote.\n",
    "??? outer \"Outer\"\n    Some content\n\n    ??? inner \"Inner\"\n        Nested content\n",
    "??? note \"**bold** title\"\n    Body.\n",
]


def main():
    md = MarkdownIt("gfm-like", {"linkify": True, "html": True, "typographer": True, "highlight": highlight_code})
    md.use(attrs_plugin, spans=True)
    md.use(attrs_block_plugin)
    md.use(details_plugin)
    md.use(anchors_plugin)
    md.use(wikilinks_plugin)
    md.use(footnote_plugin)
    md.use(tasklists_plugin)
    for text in CASES:
        print(json.dumps({"markdown": text, "html": md.render(text)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
