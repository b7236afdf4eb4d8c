"""Makes details-cases.jsonl: ??? blocks and the HTML markata renders for them on a site whose
[markata.markdown_it_py] plugins list markata.plugins.mdit_details:details_plugin but not
mdit_py_plugins.admon:admon_plugin (which, listed, takes the ??? blocks first: make_markata_cases.py).
DetailsCompatTest renders the same bodies with our Markdown and compares.

The renderer is make_markata_cases.py's markata_md(admon=False), without admon_plugin (its details_plugin is
the stand-in for markata's, written there from its behaviour).

Run with Debian's python3-markdown-it and python3-mdit-py-plugins:
  /usr/bin/python3 make_details_cases.py > details-cases.jsonl
"""
import json

from make_markata_cases import markata_md

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
    md = markata_md(admon=False)
    for text in CASES:
        print(json.dumps({"markdown": text, "html": md.render(text)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
