"""Makes the render cases: small templates of the kinds markata templates use and what Jinja2
renders of them over one fixed context, in markata's environment (markata.plugins.jinja_env:
trim_blocks, lstrip_blocks, an Undefined that is silent even in arithmetic and calls, no
autoescape). A template Jinja2 refuses is recorded with its error: ours must fail too.
JinjaRenderCasesTest renders the same templates through Templates. Run (jinja2 3.1):
  python3 make_render_cases.py context > render-context.json
  python3 make_render_cases.py > render-cases.jsonl
Each line: {"kind", "template", "output"} or {"kind", "template", "error"}. The context is JSON,
dates written {"$date": "2024-05-01"} (a datetime.date here, the theme's date object there), date-times
{"$datetime": "2024-05-01T10:30:00+02:00"} (with a zone: markata's post.datetime, PyYAML's fixed-offset
zone; "+00:00" is datetime.timezone.utc, as markata's datetime plugin gives a date without a zone) and
{"$naive": "2024-05-01T10:30:00"} (post.date_time as written without a zone)."""
import datetime
import json
import sys

import jinja2


class SilentUndefined(jinja2.Undefined):
    """markata's _SilentUndefined: every use of an undefined value gives empty text."""

    def _fail_with_undefined_error(self, *args, **kwargs):
        return ""

    __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _fail_with_undefined_error
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pos__ = __neg__ = _fail_with_undefined_error
    __call__ = __getitem__ = __lt__ = __le__ = __gt__ = __ge__ = _fail_with_undefined_error
    __int__ = __float__ = __complex__ = __pow__ = __rpow__ = _fail_with_undefined_error


def post(slug, title, date, category, n, published, tags, **extra):
    return dict(slug=slug, title=title, date={"$date": date}, category=category, n=n, published=published,
                tags=tags, **extra)


CONTEXT = {
    "post": {"title": "Hello <World> & “Friends”", "date": {"$date": "2024-05-01"}, "tags": ["python", "java", "web"],
             "slug": "hello-world", "published": True, "description": "A short post", "words": 1234,
             "rating": 4.5, "draft": False, "author": None},
    "posts": [
        post("one", "First", "2024-01-15", "tech", 3, True, ["python"], updated="2024-02-01"),
        post("two", "Second", "2023-11-02", "life", 1, False, ["java", "python"]),
        post("three", "Third", "2024-03-09", "tech", 5, True, []),
        post("four", "Fourth", "2023-06-30", "art", 2, True, ["web"]),
        post("five", "Fifth", "2024-03-09", "life", 4, False, ["python", "web"]),
    ],
    "tree": [{"name": "a", "children": [{"name": "b", "children": []}, {"name": "c", "children": [
        {"name": "d", "children": []}]}]}, {"name": "e", "children": []}],
    "nums": [3, 1, 4, 1, 5, 9, 2, 6],
    "floats": [1.5, 2.25, -0.5],
    "words": ["banana", "Apple", "cherry", "apple"],
    "blank": [],
    "d": {"b": 2, "a": 1, "c": 3},
    "nested": {"nav": {"Home": "/", "Blog": "/blog/", "About": "/about/"}, "list": [1, [2, 3]]},
    "stamp": {"aware": {"$datetime": "2024-05-01T10:30:05+02:00"}, "utc": {"$datetime": "2024-01-15T00:00:00+00:00"},
              "naive": {"$naive": "2024-05-01T22:07:00"}, "micro": {"$datetime": "2024-05-01T10:30:05.000250+00:00"}},
    "nothing": None,
    "yes": True,
    "no": False,
    "n": 7,
    "neg": -3,
    "f": 3.14159,
    "zero": 0,
    "big": 1234567,
    "s": "Hello, World",
    "html": "<b>bold</b> & <i>it's</i>",
    "uni": "héllo wörld ✓ 日本",
    "spaces": "  padded  ",
    "long": "The quick brown fox jumps over the lazy dog again and again",
    "url": "https://example.com/a b?x=1&y=é",
    "multiline": "first\nsecond\n\nfourth",
}

CASES = {
    "index": [
        "{{ nums[0] }}", "{{ nums[-1] }}", "{{ nums[-2] }}", "{{ post.tags[-1] }}", "{{ s[0] }}", "{{ s[-1] }}",
        "{{ nums[100] }}", "{{ nums[-100] }}", "{{ d['a'] }}", "{{ d.a }}", "{{ post['title'] }}",
        "{{ nested.list[1][0] }}", "{{ nested.list[-1][-1] }}", "{{ d.missing }}", "{{ d['missing'] }}",
        "{{ missing.attr.deeper }}", "{{ nothing.attr }}", "{{ posts[-1].title }}", "{{ (posts|last).slug }}",
        "{{ nested['nav']['Blog'] }}", "{{ post.tags[1] }}", "{{ words[n - 6] }}", "{{ uni[1] }}",
    ],
    "slice": [
        "{{ nums[1:3] }}", "{{ nums[:2] }}", "{{ nums[-3:] }}", "{{ nums[::2] }}", "{{ nums[::-1] }}",
        "{{ nums[1:-1] }}", "{{ nums[5:2] }}", "{{ s[:5] }}", "{{ s[::-1] }}", "{{ s[-5:] }}",
        "{{ post.title[:5] }}", "{{ post.tags[:2]|join(', ') }}", "{{ posts[:2]|map(attribute='slug')|join(',') }}",
        "{% for p in posts[1:3] %}{{ p.slug }} {% endfor %}", "{{ uni[:5] }}", "{{ long[:20] ~ '...' }}",
    ],
    "in": [
        "{{ 'python' in post.tags }}", "{{ 'x' in post.tags }}", "{{ 'a' in d }}", "{{ 'World' in s }}",
        "{{ 3 in nums }}", "{{ 'x' not in post.tags }}", "{{ 1 in [1, 2] }}", "{{ 'Home' in nested.nav }}",
        "{% if 'java' in post.tags %}yes{% endif %}", "{{ not 'a' in d }}",
    ],
    "concat": [
        "{{ 'a' ~ 1 }}", "{{ n ~ '!' }}", "{{ yes ~ '' }}", "{{ nothing ~ 'x' }}", "{{ f ~ '' }}",
        "{{ nums ~ '' }}", "{{ 1.0 ~ '' }}", "{{ missing ~ 'x' }}", "{{ 'a' 'b' }}", "{{ post.slug ~ '/' ~ n }}",
        "{{ d ~ '' }}", "{{ 'a' + 'b' }}", "{{ [1] + [2] }}",
    ],
    "percent": [
        "{{ '%s and %s' % ('a', 'b') }}", "{{ '%d items' % 3 }}", "{{ '%.2f' % f }}", "{{ '%05d' % 42 }}",
        "{{ '%s' % post.title }}", "{{ '%(a)s-%(b)s' % d }}", "{{ '%x' % 255 }}", "{{ '%s' % nums }}",
        "{{ '%5s|' % 'ab' }}", "{{ '%-5s|' % 'ab' }}", "{{ '%d%%' % 50 }}", "{{ '%s' % nothing }}",
        "{{ '%s' % yes }}", "{{ '%.1f%%' % (f * 10) }}", "{{ '%i' % 3.9 }}", "{{ '%3d.' % 7 }}",
        "{{ '%s/%s' % (post.slug, n) }}", "{{ '%e' % 12345.678 }}", "{{ '%r' % 'a' }}", "{{ '%s: %d' % ('a', n) }}",
        "{{ '%+d' % 5 }}", "{{ '%s' % 'x' ~ '!' }}", "{{ '%s-%s' % [1, 2] }}", "{{ 'Page %d of %d' % (2, posts|length) }}",
        "{{ '%s' % (nums,) }}", "{{ '%(title)s by %(author)s' % post }}",
        # Python rounds the float's exact binary value, a tie to the even digit: 12.5 is 12,
        # 0.35 (0.34999...) is 0.3, 1.005 (1.00499...) is 1.00
        "{{ '%.0f' % 12.5 }}", "{{ '%.0f' % 13.5 }}", "{{ '%.0f' % 0.5 }}", "{{ '%.1f' % 0.25 }}",
        "{{ '%.1f' % 0.35 }}", "{{ '%.2f' % 1.005 }}", "{{ '%.2f' % 2.675 }}", "{{ '%.0f' % -0.5 }}",
        "{{ '%.1f' % -0.04 }}", "{{ '%06.1f|' % -2.25 }}", "{{ '%+.0f' % 2.5 }}", "{{ '%-6.1f|' % 0.45 }}",
        "{{ '%.20f' % 0.1 }}", "{{ '%f' % 1e-7 }}", "{{ '%.0f' % 1e22 }}", "{{ '%.2e' % 1.125 }}",
        "{{ '%.1e' % 0.25 }}", "{{ '%.0f' % 3 }}", "{{ '%.1f' % yes }}",
    ],
    "arithmetic": [
        "{{ 1 + 2 }}", "{{ 7 / 2 }}", "{{ 6 / 2 }}", "{{ 7 // 2 }}", "{{ -7 // 2 }}", "{{ 7.5 // 2 }}",
        "{{ 2 ** 10 }}", "{{ 2 ** -1 }}", "{{ 2 ** 0.5 }}", "{{ 1.5 * 2 }}", "{{ 0.1 + 0.2 }}", "{{ n * 3 }}",
        "{{ 'ab' * 3 }}", "{{ n - neg }}", "{{ -n }}", "{{ 10 / 4 }}", "{{ 1e3 }}", "{{ 1_000 }}",
        "{{ big * big }}", "{{ f * 2 }}", "{{ 1 / 3 }}", "{{ 2 / 3 }}", "{{ 100 / 7 }}", "{{ 10 % 3 }}",
        "{{ -7 % 3 }}", "{{ 7.5 % 2 }}", "{{ n / 7 }}", "{{ (n + 1) * 2 }}", "{{ 2 * 3 ** 2 }}",
        "{{ -2 ** 2 }}", "{{ posts|length / 2 }}", "{{ post.words // 100 }}", "{{ post.rating * 2 }}",
        "{{ 3 * 0.1 }}", "{{ 1 + 1.0 }}", "{{ 10 - 0.5 }}", "{{ 1 / 8 }}", "{{ 5 // 0.5 }}", "{{ 2 ** 62 }}",
        "{{ missing + 1 }}", "{{ yes + 1 }}", "{{ 2 ** 64 }}", "{{ 2.0 ** 3 }}", "{{ 9 ** 0.5 }}", "{{ n + 0.5 }}",
        "{{ 'n=' + n|string }}", "{{ 0 / 5 }}", "{{ 5 / 0.0 }}", "{{ n * 1.5 }}", "{{ post.words / 200 }}",
    ],
    "compare": [
        "{{ 1 < 2 }}", "{{ 1 == 1.0 }}", "{{ 'a' < 'b' }}", "{{ n > 5 and n < 10 }}", "{{ 1 < n < 10 }}",
        "{{ 1 < n > 10 }}", "{{ not yes }}", "{{ yes and 'x' }}", "{{ no or 'fallback' }}",
        "{{ nothing or 'dflt' }}", "{{ 0 or [] }}", "{{ 'a' == 'a' }}", "{{ nums == [3, 1, 4, 1, 5, 9, 2, 6] }}",
        "{{ 1 != 2 }}", "{{ nothing == none }}", "{{ yes == 1 }}", "{{ '1' == 1 }}", "{{ d == {'a': 1, 'b': 2, 'c': 3} }}",
        "{{ 'abc' < 'abd' }}", "{{ [1, 2] < [1, 3] }}", "{{ s and n }}", "{{ blank or nums }}", "{{ n >= 7 }}",
        "{{ post.date and post.date.year }}", "{{ nothing and 1 }}", "{{ 'a' * 0 }}", "{{ 3 * 'ab' }}", "{{ 1.0 == 1 }}",
        "{{ post.tags == ['python', 'java', 'web'] }}", "{{ 'x' != 'x' }}", "{{ no and missing }}", "{{ 1 != 1.0 }}",
    ],
    "conditional": [
        "{{ 'yes' if yes else 'no' }}", "{{ 'yes' if nothing }}", "[{{ 'yes' if no }}]",
        "{{ 'a' if n > 5 else 'b' }}", "{{ (post.title if post.published else 'Draft')|upper }}",
        "{{ 'x' if missing else 'y' }}", "{{ 1 if blank else 2 if nums else 3 }}",
        "{% if n > 5 %}a{% elif n > 2 %}b{% else %}c{% endif %}", "{% if nums %}y{% endif %}",
        "{% if blank %}y{% else %}n{% endif %}", "{% if d %}y{% endif %}", "{% if {} %}y{% else %}n{% endif %}",
        "{% if '' %}y{% else %}n{% endif %}", "{% if 0.0 %}y{% else %}n{% endif %}",
        "{% if nothing %}y{% else %}n{% endif %}", "{% if missing %}y{% else %}n{% endif %}",
        "{% if 'False' %}y{% else %}n{% endif %}", "{% if zero %}y{% else %}n{% endif %}",
        "{% if not post.draft %}live{% endif %}", "{% if post.author %}by {{ post.author }}{% endif %}",
    ],
    "print": [
        "{{ yes }}", "{{ no }}", "{{ nothing }}", "{{ true }}", "{{ none }}", "{{ True }}", "{{ nums }}",
        "{{ words }}", "{{ d }}", "{{ post.tags }}", "{{ blank }}", "{{ {} }}", "{{ {'a': 1} }}",
        "{{ [1, 'a', none, true, 1.5] }}", "{{ (1, 2) }}", "{{ (1,) }}", "{{ () }}", "{{ f }}", "{{ 1.0 }}",
        "{{ 2.50 }}", "{{ 1e20 }}", "{{ 1.5e-7 }}", "{{ floats }}", "{{ nested }}",
        "{{ \"it's\" }}", "{{ [\"it's\"] }}", "{{ [uni] }}", "{{ ['a\\nb'] }}", "{{ d.keys()|list }}",
        "{{ d.values()|list }}", "{{ d.items()|list }}", "{{ post.author }}", "{{ post.rating }}",
        "{{ post.published }}", "{{ [yes, no, nothing] }}", "{{ {'k': [1, {'x': none}]} }}", "{{ 100.0 }}",
        "{{ 12345678.9 }}", "{{ 0.000123 }}", "{{ -0.0 }}", "{{ 1e16 }}", "{{ 123456789012.0 }}", "{{ 'a\\tb' }}",
        "{{ '\\u00e9' }}", "{{ [\"a'b\", 'c\"d'] }}", "{{ missing }}", "[{{ none }}]",
    ],
    "str-methods": [
        "{{ s.lower() }}", "{{ s.upper() }}", "{{ s.replace('World', 'There') }}", "{{ s.split(', ') }}",
        "{{ s.startswith('Hell') }}", "{{ spaces.strip() }}", "{{ s.title() }}", "{{ 'a-b-c'.split('-', 1) }}",
        "{{ s.find('o') }}", "{{ s.count('l') }}", "{{ ', '.join(words) }}", "{{ s.endswith(('x', 'd')) }}",
        "{{ post.slug.replace('-', ' ') }}", "{{ '{} is {}'.format('a', 1) }}", "{{ '{0}-{1}'.format(n, s) }}",
        "{{ 'abc'.isdigit() }}", "{{ s.rstrip('d') }}", "{{ s.lstrip('H') }}", "{{ s.islower() }}",
        "{{ s.rsplit(',', 1) }}", "{{ multiline.splitlines() }}", "{{ s.index('W') }}", "{{ uni.upper() }}",
        "{{ s.replace('l', 'L', 1) }}", "{{ 'a b  c'.split() }}", "{{ s.split(',')[0] }}", "{{ s.capitalize() }}",
        "{{ s.strip('Hd') }}", "{{ '7'.zfill(3) }}", "{{ s.center(16, '*') }}", "{{ s.ljust(14, '.') }}",
        "{{ s.swapcase() }}", "{{ s.isupper() }}", "{{ '42'.isnumeric() }}", "{{ 'ab'.isalpha() }}",
        "{{ s.partition(', ') }}", "{{ s.rfind('o') }}", "{{ len(s) }}", "{{ s.nosuch() }}",
        "{{ post.title.split()|length }}", "{{ s.casefold() }}", "{{ 'x'.join(['a', 'b']) }}",
        "{{ s.removeprefix('Hello, ') }}", "{{ 'ß'.upper() }}",
    ],
    "filter-default": [
        "{{ missing|default('x') }}", "{{ nothing|default('x') }}", "{{ nothing|default('x', true) }}",
        "{{ ''|default('x') }}", "{{ ''|default('x', true) }}", "{{ missing|d('y') }}",
        "{{ no|default('x', boolean=true) }}", "{{ post.author|default('anon', true) }}",
        "{{ post.missing|default(post.title) }}", "{{ d.missing|default(0) + 1 }}", "{{ 0|default(5, true) }}",
        "{{ missing|default }}", "{{ blank|default(['x'], true) }}", "{{ post.title|d('x', true) }}",
    ],
    "filter-join": [
        "{{ nums|join(', ') }}", "{{ words|join }}", "{{ posts|join(', ', attribute='title') }}",
        "{{ post.tags|join(' · ') }}", "{{ blank|join(',') }}", "{{ [1, none, true]|join('-') }}",
        "{{ s|join('.') }}", "{{ d|join(',') }}", "{{ [yes, no, 1.5]|join(', ') }}", "{{ [[1, 2], ['a']]|join(' ') }}",
        "{{ posts|join(', ', attribute='date.year') }}", "{{ nums|reject|list }}", "{{ [0, '', 'x']|reject|list }}",
    ],
    "filter-length": [
        "{{ nums|length }}", "{{ s|length }}", "{{ d|length }}", "{{ uni|length }}", "{{ nums|count }}",
        "{{ blank|length }}", "{{ missing|length }}", "{{ posts|selectattr('published')|list|length }}",
    ],
    "filter-case": [
        "{{ s|upper }}", "{{ s|lower }}", "{{ 'hello wORLD'|title }}", "{{ \"it's a dog's life\"|title }}",
        "{{ 'hELLO wORLD'|capitalize }}", "{{ uni|title }}", "{{ 'foo-bar baz_qux'|title }}",
        "{{ post.title|lower }}", "{{ uni|upper }}", "{{ n|upper }}", "{{ 'x1y 2z'|title }}",
        "{{ 'hello (world) [x]'|title }}", "{{ \"o'neil mcDONALD\"|title }}", "{{ post.title|title }}",
    ],
    "filter-replace": [
        "{{ s|replace('o', '0') }}", "{{ s|replace('l', 'L', 2) }}", "{{ html|replace('<', '&lt;') }}",
        "{{ s|replace('', '-') }}", "{{ n|replace('7', 'seven') }}",
    ],
    "filter-truncate": [
        "{{ long|truncate(20) }}", "{{ long|truncate(20, true) }}", "{{ long|truncate(20, false, '…') }}",
        "{{ long|truncate(20, killwords=true, end='') }}", "{{ s|truncate(255) }}",
        "{{ long|truncate(30, leeway=0) }}", "{{ 'abcdefghij'|truncate(9) }}", "{{ long|truncate(5) }}",
        "{{ long|truncate(50) }}", "{{ post.description|truncate(10, end='>') }}",
    ],
    "filter-wordcount": [
        "{{ long|wordcount }}", "{{ ''|wordcount }}", "{{ \"it's well-known\"|wordcount }}",
        "{{ html|striptags|wordcount }}", "{{ uni|wordcount }}",
    ],
    "filter-round": [
        "{{ f|round }}", "{{ f|round(2) }}", "{{ 2.5|round }}", "{{ 3.5|round }}", "{{ f|round(1, 'floor') }}",
        "{{ f|round(0, 'ceil') }}", "{{ 42|round }}", "{{ f|round|int }}", "{{ 3.7|round(0, 'floor') }}",
        "{{ 1234.5678|round(-2) }}", "{{ 0.125|round(2) }}", "{{ (post.words / 200)|round(0, 'ceil')|int }}",
        "{{ -2.5|round }}", "{{ 2.675|round(2) }}",
    ],
    "filter-number": [
        "{{ '42'|int }}", "{{ '4.7'|int }}", "{{ 'abc'|int }}", "{{ 'abc'|int(7) }}", "{{ 4.7|int }}",
        "{{ '0x1A'|int(0, 16) }}", "{{ '3.5'|float }}", "{{ 3|float }}", "{{ 'x'|float }}", "{{ yes|int }}",
        "{{ nothing|int }}", "{{ ' 12 '|int }}", "{{ -4.7|int }}", "{{ (-4.7)|int }}", "{{ '1e3'|float }}",
        "{{ '1_000'|int }}", "{{ neg|abs }}", "{{ -2.5|abs }}", "{{ (-2.5)|abs }}", "{{ nums|sum }}",
        "{{ floats|sum }}", "{{ posts|sum(attribute='n') }}", "{{ nums|sum(start=10) }}", "{{ blank|sum }}",
        "{{ nums|min }}", "{{ nums|max }}", "{{ words|min }}", "{{ words|max(case_sensitive=true) }}",
        "{{ (posts|max(attribute='n')).slug }}", "{{ blank|max }}", "{{ words|max }}", "{{ floats|min }}",
        "{{ '12abc'|int }}", "{{ '-0x1f'|int(0, 16) }}", "{{ '3.9'|int }}", "{{ ' 2.5 '|float }}", "{{ 'inf'|float }}",
        "{{ 'abc'|float(1.5) }}", "{{ posts|sum(attribute='n', start=1) }}", "{{ floats|sum(start=1) }}", "{{ [1, 2.5]|sum }}",
        "{{ '0b101'|int(0, 0) }}", "{{ 'ff'|int(0, 16) }}", "{{ 10000000000000000000000|int }}",
        "{{ 1234567|filesizeformat }}", "{{ 1024|filesizeformat(true) }}", "{{ '%.3f'|format(1 / 3) }}",
    ],
    "filter-list": [
        "{{ s|list }}", "{{ d|list }}", "{{ 'ab'|list }}", "{{ range(3)|list }}", "{{ nums|first }}",
        "{{ nums|last }}", "{{ s|first }}", "{{ blank|first }}", "{{ (posts|first).title }}", "{{ s|last }}",
        "{{ nums|reverse|list }}", "{{ s|reverse }}", "{{ nums|reverse|join(',') }}", "{{ range(1, 10, 3)|list }}",
        "{{ post.tags|reverse|first }}", "{{ nested.nav|list }}", "{{ nested.nav|first }}", "{{ nums|string }}",
        "{{ 5|string ~ 'x' }}", "{{ post.tags|first|upper }}", "{% for x in nums|reverse %}{{ x }}{% endfor %}",
    ],
    "filter-sort": [
        "{{ nums|sort }}", "{{ nums|sort(reverse=true) }}", "{{ words|sort }}", "{{ words|sort(case_sensitive=true) }}",
        "{{ posts|sort(attribute='date')|map(attribute='slug')|join(',') }}",
        "{{ posts|sort(attribute='n', reverse=true)|map(attribute='n')|list }}",
        "{{ posts|sort(attribute='category,n')|map(attribute='slug')|join(',') }}",
        "{{ posts|sort(attribute='date', reverse=true)|map(attribute='slug')|join(',') }}",
        "{{ nums|unique|list }}", "{{ words|unique|list }}", "{{ words|unique(case_sensitive=true)|list }}",
        "{{ posts|unique(attribute='category')|map(attribute='slug')|list }}", "{{ d|sort }}",
        "{{ post.tags|sort|join(', ') }}", "{{ floats|sort }}",
    ],
    "filter-map": [
        "{{ posts|map(attribute='title')|join(', ') }}", "{{ words|map('upper')|list }}",
        "{{ nums|map('string')|join('') }}", "{{ posts|map(attribute='missing', default='?')|list }}",
        "{{ posts|map(attribute='tags')|list }}", "{{ posts|map(attribute='tags.0')|join(',') }}",
        "{{ ['1', '2']|map('int')|sum }}", "{{ words|map('truncate', 4, true, '')|list }}",
        "{{ posts|map(attribute='date.year')|unique|list }}", "{{ posts|map(attribute='n')|max }}",
        "{{ words|map('length')|list }}", "{{ posts|map(attribute='title')|map('lower')|join(' ') }}",
    ],
    "filter-select": [
        "{{ nums|select('odd')|list }}", "{{ nums|reject('odd')|list }}", "{{ nums|select('greaterthan', 3)|list }}",
        "{{ nums|select('>', 3)|list }}", "{{ [0, 1, '', 'a', none]|select|list }}",
        "{{ words|select('in', ['Apple', 'cherry'])|list }}", "{{ nums|select('divisibleby', 3)|list }}",
        "{{ nums|select('equalto', 1)|list }}", "{{ words|reject('eq', 'banana')|list }}",
        "{{ posts|selectattr('published')|map(attribute='slug')|list }}",
        "{{ posts|rejectattr('published')|map(attribute='slug')|list }}",
        "{{ posts|selectattr('category', 'equalto', 'tech')|map(attribute='slug')|join(',') }}",
        "{{ posts|selectattr('n', 'gt', 2)|list|length }}", "{{ posts|selectattr('updated')|map(attribute='slug')|list }}",
        "{{ posts|selectattr('updated', 'defined')|list|length }}", "{{ posts|selectattr('missing')|list }}",
        "{{ posts|selectattr('missing', 'undefined')|list|length }}", "{{ posts|selectattr('tags')|list|length }}",
        "{{ posts|selectattr('category', 'in', ['art', 'life'])|map(attribute='slug')|list }}",
        "{{ posts|selectattr('tags', 'contains', 'python')|list }}", "{{ nums|select('lt', 3)|list }}",
        "{{ posts|selectattr('date.year', '==', 2024)|map(attribute='slug')|list }}", "{{ words|select('lower')|list }}",
    ],
    "filter-group": [
        "{% for g in posts|groupby('category') %}{{ g.grouper }}: {{ g.list|map(attribute='slug')|join(',') }};{% endfor %}",
        "{% for cat, items in posts|groupby('category') %}{{ cat }}={{ items|length }};{% endfor %}",
        "{{ posts|groupby('category')|map(attribute='grouper')|list }}",
        "{% for g in posts|groupby('date.year') %}{{ g.grouper }}:{{ g.list|length }} {% endfor %}",
        "{{ posts|groupby('category')|list|length }}",
        "{% for g in posts|groupby('missing', default='none') %}{{ g.grouper }}:{{ g.list|length }}{% endfor %}",
        "{% for y, ps in posts|groupby(attribute='date.year')|reverse %}{{ y }} {% endfor %}",
        "{% for row in nums|batch(3) %}{{ row }};{% endfor %}", "{% for row in nums|batch(3, 0) %}{{ row|join(',') }};{% endfor %}",
        "{{ nums|batch(3)|list }}", "{{ nums|batch(5, 'x')|list }}", "{{ nums|slice(3)|list }}",
        "{% for col in nums|slice(3) %}{{ col|join(',') }};{% endfor %}", "{{ nums|slice(3, 0)|list }}",
        "{{ nums|slice(4)|list }}", "{{ posts|batch(2)|map('length')|list }}",
        "{% for k, v in d|dictsort %}{{ k }}={{ v }};{% endfor %}", "{{ d|dictsort }}",
        "{{ d|dictsort(by='value', reverse=true) }}", "{{ nested.nav|dictsort }}", "{{ {'B': 1, 'a': 2}|dictsort }}",
        "{{ {'B': 1, 'a': 2}|dictsort(true) }}", "{% for k, v in d|items %}{{ k }}={{ v }};{% endfor %}",
        "{{ d|items|list }}", "{% for k, v in d.items() %}{{ k }}:{{ v }} {% endfor %}",
        "{% for name, link in nested.nav.items() %}<a href=\"{{ link }}\">{{ name }}</a>{% endfor %}",
        "{% for k in d %}{{ k }}{% endfor %}", "{{ d.get('a') }}", "{{ d.get('z', 'none') }}", "{{ d.get('z') }}",
    ],
    "filter-format": [
        "{{ '%s-%s'|format('a', 'b') }}", "{{ '%.1f'|format(f) }}", "{{ '%d posts'|format(posts|length) }}",
        "{{ '%(x)s'|format(x=1) }}", "{{ '%s'|format(nums) }}", "{{ '%s'|format(yes) }}",
        "{{ '%.0f'|format(12.5) }}", "{{ '%.1f'|format(31.45) }}",
    ],
    "filter-html": [
        "{{ html|striptags }}", "{{ '<p>a\\n  b</p>  <br/>c'|striptags }}", "{{ '&amp; &lt;x&gt;'|striptags }}",
        "{{ '<!-- c -->a'|striptags }}", "{{ spaces|trim }}", "{{ '--x--'|trim('-') }}", "{{ '..a..'|trim('.') }}", "{{ 'xx'|trim('x') }}", "{{ '\\n x \\t'|trim }}",
        "{{ html|e }}", "{{ html|escape }}", "{{ \"'\\\"\"|e }}", "{{ html|safe }}", "{{ html|e|e }}",
        "{{ nothing|e }}", "{{ 5|e }}", "{{ uni|e }}", "{{ html|safe|e }}", "{{ (html|e) ~ '<x>' }}",
        "{{ post.title|e }}", "{{ yes|e }}", "{{ nums|e }}", "{{ missing|e }}", "{{ html|forceescape }}",
        "{{ url|urlencode }}", "{{ 'a b&c'|urlencode }}", "{{ d|urlencode }}", "{{ uni|urlencode }}",
        "{{ 'a/b'|urlencode }}", "{{ [('a', 1), ('b', 'x y')]|urlencode }}", "{{ {'class': 'a b', 'id': 'x'}|xmlattr }}",
        "{{ long|wordwrap(20) }}", "{{ 'see https://example.com now'|urlize }}", "{{ post|attr('title') }}",
        "{{ 'a\\nb\\nc'|indent }}", "{{ 'a\\nb'|indent(2, true) }}", "{{ 'a\\n\\nb'|indent(2, blank=true) }}",
        "{{ 'a\\nb'|indent('> ') }}", "{{ 'ab'|center(10) }}|", "{{ 'abc'|center(8) }}|",
        "{{ multiline|indent(4) }}", "{{ '<p>Tom &amp; Jerry</p>\\n<!-- x --> <b>&#8212;</b>'|striptags }}",
        "{{ multiline|indent(2, first=true) }}", "{{ 'a\\nb\\n'|indent }}", "{{ {'a': none, 'b': '<x>'}|xmlattr }}",
        "{{ {'a': 1}|xmlattr(false) }}", "{{ '%s and %s'|format('a', nothing) }}", "{{ '%d%%'|format(50) }}",
        "{{ posts|sort(attribute='published,date', reverse=true)|map(attribute='slug')|join(',') }}", "{{ html|e|upper }}", "{{ html|e|truncate(12) }}", "{{ html|e|length }}",
        "{{ html|e|replace('&amp;', 'and') }}", "{{ post.title|e|lower }}", "{{ html|safe|length }}",
        "{{ (html|e).startswith('&lt;') }}", "{{ html|e|striptags }}", "{{ [html|e]|join(', ') }}",
    ],
    "filter-json": [
        "{{ d|tojson }}", "{{ nums|tojson }}", "{{ html|tojson }}", "{{ post.title|tojson }}", "{{ nothing|tojson }}",
        "{{ yes|tojson }}", "{{ f|tojson }}", "{{ d|tojson(2) }}", "{{ uni|tojson }}", "{{ {'b': 1, 'a': 2}|tojson }}",
        "{{ posts[0]|tojson }}", "{{ post.tags|tojson }}", "{{ nested|tojson }}", "{{ blank|tojson }}",
        "{{ 'x'|tojson }}", "{{ floats|tojson }}", "{{ 1.0|tojson }}",
    ],
    "tests": [
        "{{ post is defined }}", "{{ missing is defined }}", "{{ missing is undefined }}", "{{ nothing is none }}",
        "{{ n is none }}", "{{ s is string }}", "{{ n is string }}", "{{ n is number }}", "{{ f is number }}",
        "{{ yes is number }}", "{{ yes is boolean }}", "{{ nothing is sameas none }}", "{{ yes is sameas true }}",
        "{{ n is divisibleby 7 }}", "{{ n is divisibleby(2) }}", "{{ n is even }}", "{{ n is odd }}",
        "{{ 'a' is in 'abc' }}", "{{ 'python' is in post.tags }}", "{{ nums is iterable }}", "{{ d is mapping }}",
        "{{ nums is sequence }}", "{{ s is lower }}", "{{ 'abc' is lower }}", "{{ s is upper }}", "{{ n is integer }}",
        "{{ f is float }}", "{{ n is gt 5 }}", "{{ n is ge 7 }}", "{{ n is eq 7 }}", "{{ post.title is not none }}",
        "{{ missing is not defined }}", "{{ d.a is defined }}", "{{ d.z is defined }}", "{{ nothing is defined }}",
        "{{ s is sequence }}", "{{ d is iterable }}", "{{ n is mapping }}", "{{ s is ne 'x' }}",
        "{% if post.tags is defined and post.tags %}tags{% endif %}", "{{ n is lt 3 }}", "{{ zero is false }}",
        "{{ no is false }}", "{{ yes is true }}", "{{ 1 is true }}", "{{ n is odd and n is gt 3 }}",
    ],
    "loop": [
        "{% for x in words %}{{ loop.index }}{{ loop.index0 }}{{ loop.first }}{{ loop.last }} {% endfor %}",
        "{% for x in words %}{{ loop.length }}{{ loop.revindex }}{{ loop.revindex0 }};{% endfor %}",
        "{% for x in words %}{{ loop.cycle('odd', 'even') }} {% endfor %}",
        "{% for x in nums %}{{ loop.previtem }}-{{ loop.nextitem }};{% endfor %}",
        "{% for p in posts %}{% if loop.changed(p.category) %}[{{ p.category }}]{% endif %}{{ p.slug }} {% endfor %}",
        "{% for x in nums if x > 2 %}{{ loop.index }}:{{ x }} {% endfor %}",
        "{% for x in blank %}x{% else %}empty{% endfor %}",
        "{% for a in [1, 2] %}{% for b in 'xy' %}{{ loop.index }}{{ a }}{{ b }} {% endfor %}{% endfor %}",
        "{% for item in tree recursive %}<{{ item.name }}{% if item.children %}{{ loop(item.children) }}{% endif %}>{% endfor %}",
        "{% for item in tree recursive %}{{ loop.depth }}{{ item.name }}{{ loop(item.children) }}{% endfor %}",
        "{% for a, b in [(1, 2), (3, 4)] %}{{ a + b }} {% endfor %}", "{% for c in s %}{{ c }}.{% endfor %}",
        "{% for x in range(3) %}{{ x }}{% endfor %}", "{{ loop.index }}",
        "{% for x in words %}{% set y = x %}{% endfor %}[{{ y }}]", "{% for x in nums %}{% if not loop.last %}{{ x }},{% else %}{{ x }}{% endif %}{% endfor %}",
        "{% for p in posts %}{{ loop.index }}/{{ loop.length }} {% endfor %}",
        "{% for x in words %}{{ loop.cycle(*['a', 'b', 'c']) }}{% endfor %}", "{% for x in nothing %}x{% else %}none{% endfor %}",
        "{% for x in missing %}x{% else %}missing{% endfor %}", "{% for a in [1, 2] %}{{ loop.index }}{% for b in [1] %}{% endfor %}{{ loop.index }} {% endfor %}",
        "{% for x in nums %}{% if loop.index > 3 %}{% break %}{% endif %}{{ x }}{% endfor %}",
        "{% for x in d.values() %}{{ x }}{% endfor %}",
        "{% for p in posts|sort(attribute='date', reverse=true) %}{% if loop.changed(p.date.year) %}<h2>{{ p.date.year }}</h2>{% endif %}{{ p.slug }} {% endfor %}",
        "{% for a in [1, 1, 2] %}{{ loop.changed(a) }}{% for b in [1, 1] %}{{ loop.changed(b) }}{% endfor %};{% endfor %}",
        "{% for p in posts %}{{ loop.changed(p.category, p.published) }} {% endfor %}", "{% for x in nums|select('even') %}{{ loop.index }}{{ x }}{% endfor %}",
    ],
    "macro": [
        "{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}{{ greet('Ann') }} {{ greet('Bob', 'Hi') }} {{ greet(name='Cy', greeting='Yo') }}",
        "{% macro box() %}<div>{{ caller() }}</div>{% endmacro %}{% call box() %}inside {{ n }}{% endcall %}",
        "{% macro each(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(x) each(nums[:3]) %}[{{ x }}]{% endcall %}",
        "{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, a=3) }}",
        "{% macro m(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ m(1) }}",
        "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}",
        "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(b=2) }}",
        "{% macro greet(name) %}hi {{ name }}{% endmacro %}{{ greet('a')|upper }}",
        "{% set x = 5 %}{% macro m() %}{{ x }}{% endmacro %}{{ m() }}",
        "{% macro tag(t) %}<span>{{ t|e }}</span>{% endmacro %}{% for t in post.tags %}{{ tag(t) }}{% endfor %}",
        "{% macro m(a, b=a) %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}", "{% macro m(x) %}{{ x * 2 }}{% endmacro %}{{ m(n) ~ '!' }}",
        "{% macro m() %}{% set y = 1 %}{{ y }}{% endmacro %}{{ m() }}[{{ y }}]",
        "{% macro m(a, b=2) %}{{ a + b }}{% endmacro %}{{ m(1, b=5) }}",
    ],
    "set": [
        "{% set x = 1 %}{{ x }}", "{% set a, b = 1, 2 %}{{ a }}{{ b }}", "{% set x %}block <b>{{ n }}</b>{% endset %}{{ x }}",
        "{% set x | upper %}abc{% endset %}{{ x }}", "{% set x = [1, 2] %}{% set x = x + [3] %}{{ x }}",
        "{% set d2 = {'a': 1} %}{{ d2.a }}", "{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}",
        "{% set c = 0 %}{% for i in nums %}{% set c = c + 1 %}{% endfor %}{{ c }}",
        "{% set ns = namespace(c=0) %}{% for i in nums %}{% set ns.c = ns.c + i %}{% endfor %}{{ ns.c }}",
        "{% set ns = namespace(found=false) %}{% for p in posts %}{% if p.category == 'tech' %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}",
        "{% set ns = namespace() %}{% set ns.items = [] %}{% for w in words %}{% set ns.items = ns.items + [w|upper] %}{% endfor %}{{ ns.items|join(',') }}",
        "{% set ns = namespace(a=1, b='x') %}{{ ns.a }}{{ ns.b }}", "{% with x = 5 %}{{ x }}{% endwith %}[{{ x }}]",
        "{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}", "{% with %}{% set y = 2 %}{{ y }}{% endwith %}[{{ y }}]",
        "{% set x = post.title %}{% with x = 'inner' %}{{ x }}{% endwith %} {{ x }}",
        "{% set items = posts|selectattr('published')|list %}{{ items|length }}", "{% set t = (1, 2) %}{{ t[1] }}",
        "{% set x = nums|sort %}{{ x[0] }}{{ nums[0] }}", "{% set s = 'local' %}{{ s }}",
        "{% set x = {'k': 'v'} %}{% for k, v in x.items() %}{{ k }}{{ v }}{% endfor %}",
        "{% set empty = [] %}{{ empty|length }}",
    ],
    "blocks": [
        "{% filter upper %}hello {{ s }}{% endfilter %}", "{% filter replace('a', 'b') %}banana{% endfilter %}",
        "{% filter truncate(12) %}{{ long }}{% endfilter %}", "{% filter upper|trim %} x {% endfilter %}",
        "{% autoescape true %}{{ html }}{% endautoescape %}", "{% autoescape true %}{{ html|safe }}{% endautoescape %}",
        "{% autoescape false %}{{ html }}{% endautoescape %}", "{% autoescape true %}{{ nothing }} {{ n }} {{ \"'\" }}{% endautoescape %}",
        "{% autoescape true %}{{ '<a>' ~ html }}{% endautoescape %}", "{{ html }}",
        "{% autoescape true %}{{ html|e }}{% endautoescape %}", "{% autoescape true %}{% set x %}<i>{{ n }}</i>{% endset %}{{ x }}{% endautoescape %}",
        "{% raw %}{{ x }}{% endraw %}", "a {#- comment -#} b", "a {{- n -}} b", "{{ n }}{# note #}",
        "{% set j = joiner(', ') %}{% for w in words %}{{ j() }}{{ w }}{% endfor %}",
        "{% set c = cycler('a', 'b') %}{{ c.next() }}{{ c.next() }}{{ c.next() }}", "{{ dict(a=1)['a'] }}",
        "{% autoescape true %}{{ post.tags }}{% endautoescape %}",
    ],
    "date": [
        "{{ post.date }}", "{{ post.date.year }}", "{{ post.date.strftime('%B %d, %Y') }}",
        "{{ post.date.strftime('%Y-%m-%d') }}", "{{ post.date.isoformat() }}", "{{ post.date.month }}",
        "{{ post.date.strftime('%A') }}", "{{ post.date.day }}", "{{ post.date.strftime('%b %Y') }}",
        "{{ post.date ~ '' }}", "{{ post.date.year > 2023 }}", "{{ posts[0].date < posts[1].date }}",
    ],
    "datetime": [
        "{{ stamp.aware }}", "{{ stamp.utc }}", "{{ stamp.naive }}", "{{ stamp.micro }}",
        "{{ stamp.aware.isoformat() }}", "{{ stamp.utc.isoformat() }}", "{{ stamp.naive.isoformat() }}",
        "{{ stamp.micro.isoformat() }}", "{{ stamp.aware.isoformat(' ') }}",
        "{{ stamp.aware.strftime('%Y-%m-%d %H:%M:%S %z') }}", "{{ stamp.aware.strftime('%Z') }}",
        "{{ stamp.utc.strftime('%Z %z') }}", "{{ stamp.naive.strftime('[%Z][%z]') }}",
        "{{ stamp.naive.strftime('%I:%M %p') }}", "{{ stamp.aware.strftime('%a %d %b %Y, %H:%M') }}",
        "{{ stamp.aware.strftime('%j %y %%') }}", "{{ stamp.micro.strftime('%f') }}",
        "{{ stamp.aware.tzinfo }}", "{{ stamp.utc.tzinfo }}",
        "{{ stamp.aware.hour }}:{{ stamp.aware.minute }}:{{ stamp.aware.second }}", "{{ stamp.micro.microsecond }}",
        "{{ stamp.aware.date() }}", "{{ stamp.aware.date().isoformat() }}", "{{ stamp.naive.date() }}",
        "{{ stamp.aware.weekday() }}", "{{ stamp.aware.isoweekday() }}", "{{ post.date.weekday() }}",
        "{{ post.date.isoweekday() }}", "{{ stamp.aware.timestamp() }}", "{{ stamp.utc.timestamp() }}",
        "{{ stamp.aware.year }}-{{ stamp.aware.month }}-{{ stamp.aware.day }}", "{{ stamp.aware ~ '' }}",
        "{{ stamp.aware.time() }}", "{{ stamp.naive.time() }}", "{{ stamp.micro.time() }}",
        "{{ stamp.aware.strftime('%B') }}", "{{ stamp.aware.strftime('[%Y] {%m} #%d \\'%H\\'') }}",
        "{{ stamp.naive.strftime('%-d %-m %-H:%M') }}", "{{ stamp.aware.strftime('%%Z is %Z; %') }}", "{{ stamp.aware.utcoffset() }}",
    ],
    "error": [
        "{{ 1 / 0 }}", "{{ 1 // 0 }}", "{{ n % 0 }}", "{{ 'a' + 1 }}", "{{ 3 - 'a' }}", "{{ 'a' < 1 }}",
        "{{ nums[ }}", "{% if %}x{% endif %}", "{% for x in %}{% endfor %}", "{% endfor %}", "{% if true %}",
        "{{ n|nosuchfilter }}", "{{ n is nosuchtest }}", "{% nosuchtag %}", "{{ '%d' % 'x' }}", "{{ '%s %s' % 'x' }}",
        "{% extends 'nosuch.html' %}", "{% include 'nosuch.html' %}", "{{ nums|batch(0)|list }}", "{{ nums|join(1) }}",
        "{{ posts|sort(attribute='updated')|map(attribute='slug')|list }}", "{{ 'abc'|round }}", "{{ n|truncate('x') }}",
        "{{ nums|slice(0)|list }}", "{{ s|indent(none) }}", "{{ 1 + }}", "{{ d|dictsort(by='x') }}",
        "{% set %}", "{{ post.title|replace }}", "{% with x %}{% endwith %}", "{% filter %}x{% endfilter %}",
        "{% filter nosuch %}x{% endfilter %}", "{% with a = 1 %}", "{{ ns.x }}{% set ns.x = 1 %}", "{{ s.split(1) }}",
    ],
}


def to_python(value):
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return datetime.date.fromisoformat(value["$date"])
        if set(value) == {"$datetime"} or set(value) == {"$naive"}:
            stamp = datetime.datetime.fromisoformat(value.get("$datetime") or value["$naive"])
            if stamp.utcoffset() == datetime.timedelta(0):
                stamp = stamp.replace(tzinfo=datetime.timezone.utc)
            return stamp
        return {key: to_python(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [to_python(inner) for inner in value]
    return value


def main():
    if sys.argv[1:] == ["context"]:
        print(json.dumps(CONTEXT, ensure_ascii=False, indent=1))
        return
    env = jinja2.Environment(undefined=SilentUndefined, trim_blocks=True, lstrip_blocks=True)
    context = to_python(CONTEXT)
    seen = set()
    for kind, templates in CASES.items():
        for text in templates:
            assert text not in seen, text
            seen.add(text)
            case = {"kind": kind, "template": text}
            try:
                case["output"] = env.from_string(text).render(context)
            except Exception as e:  # noqa: BLE001 - any refusal of Jinja's is a case
                case["error"] = type(e).__name__ + ": " + str(e)
            if " at 0x" in case.get("output", ""):
                raise SystemExit("an object's address is no golden output: " + text)
            print(json.dumps(case, ensure_ascii=False))


main()
