#!/usr/bin/env python3
"""Writes markata's code themes (its ThemeStyle.code_theme: Pygments' styles) as the CSS
Pygments' HtmlFormatter(style=...).get_style_defs(".highlight") makes for them, keeping the
rules of what markata-java's highlighter marks: the block itself (.highlight), comments (.c),
strings (.s), numbers (.m), keywords (.k) and constants (.kc), for config.style.<mode>.highlight_styles:
generator/src/main/resources/dev/markata/plugins/post_template/code-themes.txt.

Lines: <style> <css rule>, in Pygments' order. Made with Pygments 2.20.
Run: python3 make_code_themes.py > ../../../main/resources/dev/markata/plugins/post_template/code-themes.txt
"""
import re

import pygments
from pygments.formatters import HtmlFormatter
from pygments.styles import get_all_styles, get_style_by_name

KEPT = re.compile(r"^\.highlight( \.(c|s|m|k|kc))? \{")

print(f"# markata's code themes as Pygments {pygments.__version__} writes them, the rules markata-java's"
      " highlighter uses; made by make_code_themes.py in the test resources")
for name in sorted(get_all_styles()):
    css = HtmlFormatter(style=get_style_by_name(name)).get_style_defs(".highlight")
    for line in css.splitlines():
        if KEPT.match(line):
            print(name, line)
