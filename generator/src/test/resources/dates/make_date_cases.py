"""Makes date-cases.jsonl: what Python markata reads from a front-matter `date`.

markata (0.8, the last Python releases) loads front matter with yaml.CBaseLoader, so every
`date` reaches its post model as text, and parses it with dateparser.parse (its `date` keeps
the day, its `date_time` the whole value). Each line: the text, and dateparser's result as ISO
8601 (an offset only when the text gave a zone), or null where dateparser refuses it (markata
then fails the post: '"..." is not a valid date').

Epoch seconds/milliseconds: dateparser gives the machine's local time without a zone; here
they are asked for in UTC with the zone (settings below), as markata-java reads them: the
same instant on every machine.

Run with the Debian packages (python3-dateparser 1.1.6):
    TZ=UTC /usr/bin/python3 make_date_cases.py > date-cases.jsonl
"""
import json
import warnings

import dateparser

warnings.simplefilter("ignore")

CASES = [
    # ISO 8601, with and without time, seconds, fraction and zone
    "2024-05-01", "2024-5-1", " 2024-05-01 ",
    "2024-05-01 10:30", "2024-05-01T10:30", "2024-05-01 10:30:15", "2024-05-01 22:30",
    "2024-05-01T10:30:00Z", "2024-05-01t10:30:00z", "2024-05-01T10:30:00.000Z",
    "2024-05-01T10:30:00+02:00", "2024-05-01T10:30:00+0200", "2024-05-01T10:30:00 +02:00",
    "2024-05-01 10:30 +02:00", "2024-05-01 10:30:00 +0530", "2024-05-01T10:30:00-00:00",
    "2024-05-01 10:30:00.5", "2024-05-01T10:30:00.123456-05:00",
    "2024-05-01 10:30 UTC", "2024-05-01 10:30:00 GMT", "2024-05-01 10:30:00 EST",
    "2024-05-01 10:30:00 PST", "2024-05-01 10:30:00 CEST", "2024-05-01 10:30:00 EDT",
    "2024-05-01 10:30:00 CST", "2024-05-01 10:30:00 CET", "2024-05-01 10:30:00 JST", "2024-05-01 10:30:00 AEST",
    "2024-05-01 10:30 pm", "2024-05-01 12:00 AM", "2024-05-01 12:30 PM",
    # numbers with slashes, dots and dashes: year first, else month first (day first when
    # the first number cannot be a month)
    "2024/05/01", "2024/05/01 10:30", "2024.05.01", "05/01/2024", "05/13/2024", "13/05/2024",
    "01.05.2024", "05-01-2024",
    # month names
    "May 1, 2024", "May 01, 2024", "MAY 1, 2024", "1 may 2024", "1 May 2024", "Sept 1, 2024",
    "September 1st, 2024", "1st May 2024", "Wednesday, May 1, 2024", "May 1, 2024 10:30 AM",
    "May 1 2024 3pm", "1 May 2024 10:30", "May 1, 2024, 10:30", "May 1, 2024 at 10:30",
    # RFC 2822 (RSS) and date(1)
    "Wed, 01 May 2024 10:30:00 +0000", "Wed, 01 May 2024 10:30:00 GMT", "Wed, 1 May 2024 10:30:00 -0500",
    "Wed May 1 10:30:00 UTC 2024",
    # epoch seconds and milliseconds
    "1714559400", "1714559400123",
    # refused by dateparser, and so by markata
    "2024-13-45", "2024-02-30", "next tuesday", "20240501", "171455940", "2024-05-01T24:00:00",
]

for text in CASES:
    settings = {"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True} if text.strip().isdigit() else None
    parsed = dateparser.parse(text, settings=settings)
    print(json.dumps({"input": text, "dateparser": parsed.isoformat() if parsed else None}))
