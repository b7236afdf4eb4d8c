"""Makes the whitespace cases: random templates and what Jinja2 renders of them with markata's
trim_blocks=True and lstrip_blocks=True (keep_trailing_newline=True, which jinjava does too).
BlockWhitespaceTest renders the same templates through BlockWhitespace and jinjava. Run (jinja2 3.1):
  python3 make_whitespace_cases.py 0 > whitespace-cases.jsonl
  python3 make_whitespace_cases.py 0.15 > whitespace-marks-cases.jsonl   # with {%- and -%} marks"""
import json
import random
import sys

import jinja2

MARKS = float(sys.argv[1])

LEAVES = ["a", "b", " ", "  ", "\t", "\n", "\n", "\n  ", "{{ 1 }}", "{# c #}", " {# c #} "]
BLOCKS = [("{% if true %}", "{% endif %}"), ("{% for i in [1, 2] %}", "{% endfor %}"),
          ("{% if false %}", "{% else %}", "{% endif %}")]


def tag(text, rng):
    # whitespace control marks on some tags (MARKS of them)
    if rng.random() < MARKS:
        text = text.replace("{%", "{%-", 1)
    if rng.random() < MARKS:
        text = text.replace("%}", "-%}", 1)
    return text


def template(rng, depth):
    out = []
    for _ in range(rng.randrange(7)):
        if depth < 3 and rng.random() < 0.35:
            block = rng.choice(BLOCKS)
            out.append(rng.choice(["", " ", "  ", "\n", "\n  ", "a "]) + tag(block[0], rng))
            for end in block[1:]:
                out.append(template(rng, depth + 1))
                out.append(rng.choice(["", " ", "\n", "\n\t"]) + tag(end, rng) + rng.choice(["", "\n", " ", "\n\n"]))
        else:
            out.append(rng.choice(LEAVES))
    return "".join(out)


def main():
    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    rng = random.Random(7)
    for _ in range(800):
        text = template(rng, 0)
        print(json.dumps({"template": text, "output": env.from_string(text).render()}))


main()
