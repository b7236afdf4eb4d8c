"""Makes csv-cases.jsonl: Markdown bodies and the Markdown markata's csv plugin turns them into.
CsvTablesTest runs our plugin on the same bodies and compares.

What markata's markata/plugins/csv.py does (pre_render, read for its behaviour): for a post whose
content holds "```csv" or "``` csv" (any case), every match of the pattern below -- three
backticks, white space (any, newlines too), "csv", a newline, the least text up to a newline
followed by three backticks -- is replaced by an HTML table of the text between, stripped of
surrounding white space and read with Python's csv.reader (the default, Excel dialect): the first
row in <thead> as <th> cells, the others in <tbody> as <td> cells, each cell as written (no
escaping); no rows at all give <table></table>. Written here from that description.

Run with Debian's python3:  /usr/bin/python3 make_csv_cases.py > csv-cases.jsonl
"""
import csv
import io
import json
import re

FENCE = re.compile(r"```\s*csv\n(.*?)\n```", re.DOTALL)


def table(text):
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return "<table></table>"
    head = "".join("<th>" + cell + "</th>" for cell in rows[0])
    body = "".join("<tr>" + "".join("<td>" + cell + "</td>" for cell in row) + "</tr>" for row in rows[1:])
    return "<table><thead><tr>" + head + "</tr></thead><tbody>" + body + "</tbody></table>"


def markata(content):
    lower = content.lower()
    if "```csv" not in lower and "``` csv" not in lower:
        return content
    return FENCE.sub(lambda m: table(m.group(1).strip()), content)


CASES = [
    "```csv\nname,age,city\nAlice,30,New York\nBob,25,San Francisco\n```\n",
    "Before.\n\n```csv\na,b\n1,2\n```\n\nAfter.\n",
    "``` csv\na,b\n1,2\n```\n",
    "```   csv\nx\n```\n",
    "```\ncsv\nnot,a,csv,fence\n```\n",
    "```CSV\na,b\n```\n",
    "```csv title\na,b\n```\n",
    "```csv\n\"quoted, with comma\",\"with \"\"quotes\"\"\"\nplain,\"multi\nline\"\n```\n",
    "```csv\na,b,c\n1,,3\n,,\n```\n",
    "```csv\n\n  a,b\n\n1,2\n\n```\n",
    "```csv\na,\"b\"c,d\n\"e\" , f\n```\n",
    "```csv\n\n```\n",
    "```csv\na;b\n1;2\n```\n",
    "```csv\n<b>bold</b>,x & y\n```\n",
    "```csv\na,b\n```\n\nText\n\n```csv\nc\nd\n```\n",
    "```python\nprint('```csv')\n```\n",
    "```csv\nonly header\n```",
    "```csv\na,b\n1,2\n```\n```csv\n3\n```\n",
    "- item\n\n  ```csv\n  a,b\n  1,2\n  ```\n",
    "```csv\n\"unclosed,quote\nmore\n```\n",
    "````markdown\n```csv\na,b\n```\n````\n",
    "```csv\nemoji \U0001F600,\u00e9t\u00e9\n```\n",
    "```csv\r\na,b\r\n```\r\n",
    "```csv\na,b\r\n1,2\r\n```\n",
    "```csv\na\rb,c\n```\n",
    "No fence here, only ```csv in a line.\n",
]

for markdown in CASES:
    try:
        out = markata(markdown)
        print(json.dumps({"markdown": markdown, "expected": out}))
    except csv.Error as e:
        print(json.dumps({"markdown": markdown, "error": str(e)}))
