#!/usr/bin/python3
"""Makes dev-to-cases.json: dev.to front matter and bodies, and the dev.md markata's
publish_dev_to_source writes for them.

What markata does (markata/plugins/publish_dev_to_source.py, read for its behaviour): the post's
body has its lines joined twice (a line joins the next when both start with a letter, "[" or
"!"), and python-frontmatter's dumps writes the front matter: yaml.dump with PyYAML's safe dumper
(libyaml's emitter when there is one), keys sorted, block style, allow_unicode=True, stripped,
between "---" lines, a blank line, the body, the whole stripped. python-frontmatter is not in
Debian's python3 here, so its few lines are written out below from that description.

Run with Debian's python3-yaml (6.0, with libyaml):  /usr/bin/python3 make_dev_to_cases.py > dev-to-cases.json
"""
import json

import yaml


def joins(line):
    return line != "" and (line[0].isalpha() or line[0] in "[!")


def join_lines(text):
    lines = text.split("\n")
    i = 0
    while i + 1 < len(lines):
        if joins(lines[i]) and joins(lines[i + 1]):
            lines[i] = lines[i] + " " + lines.pop(i + 1)
        else:
            i += 1
    return "\n".join(lines)


def dev_md(fields, content):
    front = yaml.dump(fields, Dumper=yaml.CSafeDumper, default_flow_style=False, allow_unicode=True).strip()
    body = join_lines(join_lines(content))
    return f"---\n{front}\n---\n\n{body}\n".strip()


CASES = [
    ({"title": "My post", "published": True, "canonical_url": "https://example.com/my-post/",
      "cover_image": "https://example.com/my-post.png"},
     "First line\nsecond line\nthird.\n\n- a list\n- stays\n\n[a link](x)\nand text\n![img](y)\n\n```\ncode line\nmore code\n```\n"),
    ({"title": "Café – naïve… 😀", "published": False, "description": "日本語の説明", "tags": ["python", "ünï"],
      "series": "Tips", "canonical_url": "https://example.com/cafe/", "cover_image": "/cafe.png"},
     "Ünïcödé body\nwith accents.\n"),
    ({"title": 'Say "hi" & it\'s: fine', "published": True, "description": "key: value # not a comment",
      "tags": ["a b", "yes", "null"], "canonical_url": "https://t.example/quotes/", "cover_image": "/q.png"},
     "> quoted\n> more\n# Heading\ntext after\n"),
    ({"title": "- starts with a dash", "published": True,
      "description": "A description long enough to be folded by the emitter, as PyYAML folds every plain "
                     "scalar that runs past eighty columns at a space between words.",
      "canonical_url": "/long/", "cover_image": "/long.png"},
     "\n\nLeading blank lines\nand trailing ones\n\n\n"),
    ({"title": "tab\there and a carriage\rreturn é", "published": True, "canonical_url": "/odd/",
      "cover_image": "/odd.png", "description": "Déjà vu, " + "encore  et  encore " * 6 + "\u2028 😀 end"},
     "1. numbered\n2. list\nword\nÉcole starts with a letter\n"),
]

print(json.dumps([dict(fields=f, content=c, expected=dev_md(f, c)) for f, c in CASES], indent=1,
                 ensure_ascii=False))
