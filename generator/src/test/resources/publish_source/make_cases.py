#!/usr/bin/python3
"""Makes cases.json: posts and the text markata's publish_source writes for them.

markata writes a post with Post.dumps():  f"---\\n{yaml}\\n\\n---\\n\\n{content}", where yaml is
yaml.dump(post.dict(include=post_model.include), Dumper=yaml.CDumper): PyYAML's defaults (keys
sorted, block style, width 80, no unicode) with libyaml's emitter. Run with Debian's python3-yaml
(6.0, with libyaml):  /usr/bin/python3 make_cases.py > cases.json
"""
import datetime
import json

import yaml

MARKATA_INCLUDE = ["date", "description", "published", "slug", "title", "content", "html"]
LONG = ("A description long enough to be folded by the emitter, as PyYAML folds every plain "
        "scalar that runs past eighty columns at a space between words.")
PAGE = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>It\'s "here"</title>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n'

POSTS = [
    dict(name="plain", title="My post", slug="my-post", description="Short.", published=True,
         date="2024-05-01", tags=["python", "java"], content="Hello.\n\nSecond paragraph.\n", html=PAGE),
    dict(name="no-date", title="Undated", slug="undated", description="", published=False, date=None,
         tags=[], content="Body without a date.\n", html=None),
    dict(name="quotes", title='Say "hi" & it\'s: fine', slug="quotes", description="key: value # not a comment",
         published=True, date="2023-12-31", tags=["a b", "yes", "null", "2024"], content="> quoted\n- list\n",
         html={"index": PAGE, "partial": "<p>part</p>"}),
    dict(name="unicode", title="Café – naïve… 😀", slug="cafe", description="日本語の説明", published=True,
         date="2024-02-29", tags=["ünï"], content="Ünïcödé body — with a dash.\n", html="<p>é</p>"),
    dict(name="long", title="- starts with a dash", slug="long", description=LONG, published=True,
         date="2024-01-02", tags=["#tag", "@at", "1.5", "true"], content="",
         html="line one\nline two with trailing space \n\n  indented\n"),
    dict(name="odd-strings", title="", slug="index", description="  leading and trailing spaces  ",
         published=False, date="2020-01-01", tags=[], content="---\nnot front matter\n---\n",
         html="tab\there and a backslash \\ and a carriage\rreturn"),
    dict(name="backslashes", title="C:\\xab stays as written", slug="backslashes",
         description="\u00e9 beside a written \\u00e9 and \\xff", published=True, date="2024-03-03",
         tags=["\\xab"], content="Backslashes.\n", html="\u00e9\\" + "x" * 90 + " \\xab"),
    dict(name="folded-escapes", title="Ça " + "mot " * 30 + "fin", slug="folded",
         description="Déjà vu, " + "encore  et  encore " * 8 + " 😀 end",
         published=True, date="2024-04-04", tags=["très " * 25 + "long", "court"],
         content="Body.\n", html={"index": "<p>Ünïcödé " + "word " * 40 + "</p>\n" * 3,
                                  "partial": "é" + " " * 100 + "x"}),
]

INCLUDES = {
    "markata": MARKATA_INCLUDE,
    "without-html-and-content": ["date", "description", "published", "slug", "title"],
    "tags-and-path": ["tags", "path", "title", "not-a-field"],
}


def field(post, name):
    if name == "date":
        return None if post["date"] is None else datetime.date.fromisoformat(post["date"])
    if name == "path":
        return "posts/" + post["slug"] + ".md"
    return post[name]


def dumps(post, include):
    fields = {name: field(post, name) for name in include if name in post or name == "path"}
    return f"---\n{yaml.dump(fields, Dumper=yaml.CDumper)}\n\n---\n\n{post['content']}"


cases = []
for post in POSTS:
    for include_name, include in INCLUDES.items():
        cases.append(dict(post=post, include=include, include_name=include_name, expected=dumps(post, include)))
print(json.dumps(cases, indent=1, ensure_ascii=False))
