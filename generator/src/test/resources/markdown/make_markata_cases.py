"""Makes markata-cases.jsonl: small Markdown bodies and the HTML Python markata renders for them.
MarkataCompatTest renders the same bodies with our Markdown and compares.

markata's renderer (markata/plugins/render_markdown.py, configure): MarkdownIt("gfm-like") with
options linkify, html, typographer and highlight=markata.plugins.md_it_highlight_code:highlight_code,
then the markdown-it plugins a markata.toml lists. The set used here is the one markata's own
markata.toml and render_markdown docs configure -- admon_plugin (listed twice there), attrs_plugin
(spans=true), attrs_block_plugin, markata.plugins.mdit_details:details_plugin, anchors_plugin and
markata.plugins.md_it_wikilinks:wikilinks_plugin -- plus mdit-py-plugins' footnote_plugin,
tasklists_plugin and container_plugin (one per container name used below), the plugins a markata
site adds for the footnotes, task lists and ::: containers our README promises. The anchors are
anchors_plugin's defaults (ids on h1 and h2, no permalink symbol); markata.dev's own toml adds an SVG
permalink, a site choice.

Stand-ins, written here from those plugins' documented behaviour (not copied), for plugins Debian's
mdit-py-plugins 0.3.3 lacks or has in an older form, and for markata's own:
- admon_plugin (mdit-py-plugins >= 0.4, which markata installs: its toml needs attrs_block_plugin):
  !!!, ??? and ???+ blocks as <div class="admonition TAGS"> (with "is-collapsible
  collapsible-closed" or "collapsible-open" for ??? and ???+), the title in <p class="admonition-title">
  ("Title" unquoted, else the words after the tag, else the tag capitalised; "" none); it is
  registered before details_plugin, so it takes the ??? blocks too;
- details_plugin (markata's): `???` blocks as <details class="details TAG"> with
  <summary class="details-title">; never reached here, as admon takes those blocks first;
- attrs_block_plugin (mdit-py-plugins >= 0.4; Debian has 0.3.3): a line holding only {...}
  gives its attributes to the block below it;
- wikilinks_plugin (markata's): [[name]] links to "/" + the slug of the one post whose file stem
  (with _ as -) is `name`, else to "/name"; the text is the whole inside; POSTS below are the site;
- highlight_code (markata's): Pygments' HtmlFormatter output inside markata's
  <pre class='wrapper'> with its copy button, under a <div class='filepath'> holding the fence's
  title="..." rendered as Markdown when it has one; the button's SVG icon is left out
  (MarkataCompatTest compares code blocks by their text and title).

Run with Debian's python3-markdown-it (2.1.0), python3-mdit-py-plugins (0.3.3),
python3-linkify-it and python3-pygments:
  /usr/bin/python3 make_markata_cases.py > markata-cases.jsonl
"""
import json
import re

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

# the site the wikilinks resolve in: (path, slug, title); MarkataCompatTest makes the same posts
POSTS = [
    ("posts/hello_world.md", "hello-world", "Hello World"),
    ("posts/nav.md", "nav", "Nav"),
    ("posts/deep/load.md", "guides/load", "Loading"),
]

CONTAINERS = ["note", "warning", "spoiler"]


# markata's highlighter reads key=value pairs after the fence's language (title="app.py")
FENCE_ATTRS = re.compile(r'(\w+)\s*=\s*(".*?"|\S+)')


def highlight_code(code, name, attrs):
    try:
        lexer = get_lexer_by_name(name or "text")
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    button = "<button class='copy' title='copy code to clipboard'></button>"
    title = dict(FENCE_ATTRS.findall(attrs)).get("title", "").strip('"').strip("'")
    if title:
        # the file name above the code, rendered by a plain CommonMark markdown-it with raw HTML on
        title_html = MarkdownIt("commonmark", {"html": True, "typographer": True}).render(title)
        head = ("\n<div class='filepath'>\n" + title_html + "\n<div class='right'>\n\n" + button
                + "\n</div>\n</div>\n")
    else:
        head = "\n<div class='copy-wrapper'>\n\n" + button + "\n</div>\n        "
    return ("<pre class='wrapper'>\n" + head + "\n" + pygments_highlight(code, lexer, HtmlFormatter())
            + "\n</pre>\n")


def admon_tags(params):
    # the tags (classes) and the title of an admonition's first line
    params = params.strip()
    if not params:
        return [""], ""
    quoted = re.match(r'^\s*(?P<tags>[^"]+)\s+"(?P<title>.*)"\S*$', params)
    if quoted:
        return [t.lower() for t in quoted["tags"].strip().split(" ")], quoted["title"]
    tag, *rest = params.split(" ")
    joined = " ".join(rest)
    title = tag.title() if not joined else (joined if joined != '""' else "")
    return [tag.lower()], title


def indented_block(state, start_line, end_line, name, tag, css, title_tag, title, indent):
    # the admon plugin's block (markata's details plugin is the same with other names): the lines
    # indented by `indent` more after the marker line, ended by two blank lines in a row or a
    # line indented less; the title (inline Markdown) in <title_tag class="{name}-title">
    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = name
    state.blkIndent += indent
    was_empty = False
    next_line = start_line
    while True:
        next_line += 1
        if next_line >= end_line:
            break
        is_empty = state.sCount[next_line] < state.blkIndent
        if is_empty and was_empty:
            break
        was_empty = is_empty
        if state.bMarks[next_line] + state.tShift[next_line] < state.eMarks[next_line] and is_empty:
            break
    state.lineMax = next_line
    token = state.push(f"{name}_open", tag, 1)
    token.block = True
    token.attrs = {"class": css}
    token.map = [start_line, next_line]
    if title:
        state.push(f"{name}_title_open", title_tag, 1).attrs = {"class": f"{name}-title"}
        token = state.push("inline", "", 0)
        token.content = title
        token.map = [start_line, start_line + 1]
        token.children = []
        state.push(f"{name}_title_close", title_tag, -1)
    state.md.block.tokenize(state, start_line + 1, next_line)
    state.push(f"{name}_close", tag, -1).block = True
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.line = next_line
    return True


def spaces_after(state, pos, maximum):
    end = pos
    while end < maximum and state.src[end] == " ":
        end += 1
    return end - pos


def admon_rule(state, start_line, end_line, silent):
    # current mdit-py-plugins admon: !!!, ??? (closed) and ???+ (open) blocks, as a div
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    marker = next((m for m in ("???+", "???", "!!!") if state.src[start:start + len(m)] == m), None)
    if marker is None:
        return False
    params = state.src[start + len(marker):maximum]
    if not params.strip():
        return False
    if silent:
        return True
    tags, title = admon_tags(params)
    extra = []
    if marker.startswith("?"):
        extra = ["is-collapsible collapsible-open" if marker.endswith("+") else "is-collapsible collapsible-closed"]
    return indented_block(state, start_line, end_line, "admonition", "div", " ".join(["admonition", *tags, *extra]),
                          "p", title, 3 + spaces_after(state, start + len(marker), maximum))


def admon_plugin(md):
    for name in ("admonition_open", "admonition_close", "admonition_title_open", "admonition_title_close"):
        md.add_render_rule(name, lambda self, tokens, idx, options, env: self.renderToken(tokens, idx, options, env))
    md.block.ruler.before("fence", "admonition", admon_rule, {"alt": ["paragraph", "reference", "blockquote", "list"]})


def details_rule(state, start_line, end_line, silent):
    # markata's mdit_details: the old admon rule with ? as the marker, as <details>
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    pos = start
    while pos < maximum and state.src[pos] == "?":
        pos += 1
    if pos - start < 3:
        return False
    params = state.src[pos:maximum]
    if not params.strip():
        return False
    if silent:
        return True
    tag, *rest = params.strip().split(" ")
    joined = " ".join(rest).strip('"').strip("'")
    title = tag.title() if not joined else (joined if joined != '""' else "")
    return indented_block(state, start_line, end_line, "details", "details", f"details {tag.lower()}",
                          "summary", title, pos - start + spaces_after(state, pos, maximum))


def details_plugin(md):
    for name in ("details_open", "details_close", "details_title_open", "details_title_close"):
        md.add_render_rule(name, lambda self, tokens, idx, options, env: self.renderToken(tokens, idx, options, env))
    md.block.ruler.before("fence", "details", details_rule, {"alt": ["paragraph", "reference", "blockquote", "list"]})


def attrs_block_rule(state, start_line, end_line, silent):
    # mdit-py-plugins 0.4's attrs_block: a line that starts with { (after at most three spaces)
    # and ends with } is an attrs_block token when its start parses as attributes; it cannot
    # interrupt a paragraph
    from mdit_py_plugins.attrs.parse import ParseError, parse
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if state.src[pos] != "{":
        return False
    while maximum > pos and state.src[maximum - 1] in (" ", "\t"):
        maximum -= 1
    if maximum <= pos or state.src[maximum - 1] != "}":
        return False
    try:
        _, attrs = parse(state.src[pos:maximum])
    except ParseError:
        return False
    if silent:
        return True
    token = state.push("attrs_block", "", 0)
    token.attrs = attrs
    token.map = [start_line, start_line + 1]
    state.line = start_line + 1
    return True


def attrs_block_core(state):
    # each attrs_block gives its attributes to the token right after it (classes joined, its own
    # first; a following attrs_block's other values win); on* and style are dropped; one at the
    # end of its container is dropped
    tokens = state.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type != "attrs_block":
            i += 1
            continue
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if "class" in token.attrs and "class" in nxt.attrs:
                token.attrs["class"] = f"{token.attrs['class']} {nxt.attrs['class']}"
            if nxt.type == "attrs_block":
                for key, value in token.attrs.items():
                    if key == "class" or key not in nxt.attrs:
                        nxt.attrs[key] = value
            else:
                nxt.attrs.update({k: v for k, v in token.attrs.items()
                                  if not (k.lower().startswith("on") or k.lower() == "style")})
        tokens.pop(i)


def attrs_block_plugin(md):
    md.block.ruler.before("fence", "attrs_block", attrs_block_rule)
    md.core.ruler.after("block", "attrs_block", attrs_block_core)


def wikilinks_plugin(md):
    def rule(state, silent):
        src = state.src
        if not src.startswith("[[", state.pos):
            return False
        pos = state.pos + 2
        while True:
            end = src.find("]", pos)
            if end < 0 or end + 1 >= len(src):
                return False
            if src[end + 1] == "]":
                break
            pos = end + 2
        text = src[state.pos + 2:end].strip()
        state.pos = end + 2
        if silent:
            return True
        token = state.push("link_open", "a", 1)
        token.attrSet("class", "wikilink")
        link, anchor = text.split("#") if "#" in text else (text, None)
        matches = [slug for path, slug, _ in POSTS
                   if path.split("/")[-1].split(".")[0].replace("_", "-") == link.replace("_", "-")]
        link = matches[0] if matches else text
        if anchor and not link.endswith(f"#{anchor}"):
            link = f"{link}#{anchor}"
        token.attrSet("href", f"/{link}")
        state.push("text", "", 0).content = text
        state.push("link_close", "a", -1)
        return True

    md.inline.ruler.before("escape", "wikilinks_inline", rule)


def markata_md(admon=True):
    # admon=False: a site that lists markata's details plugin but not the admon plugin (make_details_cases.py)
    md = MarkdownIt("gfm-like", {"linkify": True, "html": True, "typographer": True, "highlight": highlight_code})
    if admon:
        md.use(admon_plugin).use(admon_plugin)
    md.use(attrs_plugin, spans=True)
    md.use(attrs_block_plugin)
    md.use(details_plugin)
    md.use(anchors_plugin)
    md.use(wikilinks_plugin)
    md.use(footnote_plugin)
    md.use(tasklists_plugin)
    for name in CONTAINERS:
        md.use(container_plugin, name)
    return md


CASES = {}


def case(kind, *texts):
    CASES.setdefault(kind, []).extend(texts)


case("paragraph",
     "Hello world.\n",
     "One\ntwo\nthree\n",
     "First paragraph.\n\nSecond paragraph.\n",
     "Line with two trailing spaces  \nnext line\n",
     "Line with backslash\\\nnext line\n",
     "  Indented by two.\n",
     "Trailing spaces   \n",
     "",
     "\n\n\n",
     "Tab\there\n")
case("heading",
     "# Title\n",
     "## Getting Started\n",
     "### Third level\n",
     "#### Fourth level\n",
     "###### Sixth\n",
     "Setext one\n===\n",
     "Setext two\n---\n",
     "## Hello, World!\n",
     "## What's new?\n",
     "## C++ & Java\n",
     "## `code` in heading\n",
     "## *Emphasis* and **strong**\n",
     "## [A link](/x) heading\n",
     "## Ünïcödé Heading\n",
     "## 日本語の見出し\n",
     "## Привет мир\n",
     "## 2024-05-01 release\n",
     "## snake_case_name\n",
     "##   Spaces   around   \n",
     "## Trailing hashes ##\n",
     "## Dup\n\n## Dup\n\n## Dup\n",
     "# Same\n\n## Same\n",
     "## A -- B\n",
     "## Emoji 🎉 party\n",
     "## under_score and dash-es\n",
     "## Version 1.2.3\n",
     "## Q&amp;A\n",
     "## \"Quoted\" title\n",
     "## <em>html</em> in heading\n",
     "#\n",
     "## \n",
     "#Not a heading\n",
     "## Heading {#custom-id}\n",
     "## Heading {.big}\n",
     "## Heading with trailing space \n",
     "## Tabs\tin\theading\n",
     "## 100% sure\n",
     "## a/b/c paths\n",
     "## Don’t curly\n",
     "## Ends with dot.\n",
     "## -leading dash\n",
     "## Mixed CASE Words\n",
     "## Über naïve café\n",
     "## x\n\n## x-1\n\n## x\n",
     "## [[nav]] wikilink heading\n",
     "## Footnote heading[^1]\n\n[^1]: n\n")
case("emphasis",
     "*em* _em_ **strong** __strong__ ***both***\n",
     "snake_case_words stay\n",
     "~~strike~~ and ~single~\n",
     "**bold *nested em* bold**\n",
     "a * not em *\n",
     "`inline code` and ``double `tick` code``\n",
     "`<tag>` & `&amp;`\n")
case("lists",
     "- one\n- two\n- three\n",
     "* star\n* list\n",
     "+ plus\n+ list\n",
     "1. one\n2. two\n3. three\n",
     "3. starts at three\n4. four\n",
     "1) paren\n2) list\n",
     "- loose\n\n- list\n",
     "- outer\n  - inner\n    - innermost\n- back\n",
     "1. outer\n   - nested bullet\n   - another\n2. second\n",
     "- item\n\n  continued paragraph\n",
     "- item with code:\n\n  ```python\n  print(1)\n  ```\n",
     "- a\n- b\n\n\n- c\n",
     "- [link](/x)\n- **bold**\n",
     "-not a list\n",
     "- \n- empty first\n")
case("tasks",
     "- [ ] todo\n- [x] done\n",
     "- [X] upper done\n",
     "- [ ] todo\n    - [x] nested done\n",
     "1. [ ] ordered task\n2. [x] ordered done\n",
     "- [ ]no space\n",
     "- [] empty brackets\n",
     "- plain\n- [ ] task\n",
     "* [x] star task\n",
     "- [ ] loose task\n\n- [x] second\n\n  more text\n",
     "- [x] **bold** task with [link](/x)\n")
case("code",
     "```\nplain fence\n```\n",
     "```python\ndef f(x):\n    return x + 1  # comment\n```\n",
     "```js\nconst a = \"s\";\n```\n",
     "```bash\necho $HOME\n```\n",
     "```java\nclass A { }\n```\n",
     "```unknownlang\nsome <b>text</b> & more\n```\n",
     "~~~\ntilde fence\n~~~\n",
     "````\n```\nnested\n```\n````\n",
     "```python title=\"app.py\"\nx = 1\n```\n",
     "    indented code\n    block\n",
     "```\n<div>not html</div>\n```\n",
     "```python\n\n\nblank lines\n\n```\n",
     "```\nunclosed fence\n",
     "```yaml\nkey: value\n```\n",
     "Text before\n```\ncode\n```\nText after\n")
case("blockquote",
     "> quoted\n",
     "> one\n> two\n",
     "> outer\n>> inner\n",
     "> - list in quote\n> - two\n",
     "> # heading in quote\n",
     "> lazy\ncontinuation\n")
case("table",
     "| a | b |\n|---|---|\n| 1 | 2 |\n",
     "| left | center | right |\n|:-----|:------:|------:|\n| l | c | r |\n",
     "a | b\n--|--\n1 | 2\n",
     "| a |\n|---|\n",
     "| a | b |\n|---|---|\n| only one |\n",
     "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
     "| `code` | **bold** |\n|---|---|\n| [l](/x) | a \\| pipe |\n",
     "| a | b |\n| - | - |\n| 1 | 2 |\n",
     "Para\n| a | b |\n|---|---|\n| 1 | 2 |\n",
     "| a | b |\n|---|:-|\n| 1 | 2 |\nafter\n")
case("links",
     "[text](https://example.com)\n",
     "[text](https://example.com \"Title\")\n",
     "[rel](/posts/x/)\n",
     "[ref][r]\n\n[r]: https://example.com/ref \"Ref Title\"\n",
     "[collapsed][]\n\n[collapsed]: /c\n",
     "[shortcut]\n\n[shortcut]: /s\n",
     "<https://example.com/auto>\n",
     "<me@example.com>\n",
     "Bare https://example.com/path?q=1 url.\n",
     "Bare www.example.com here.\n",
     "Bare example.com domain.\n",
     "See main.py and README.md for details.\n",
     "Mail me@example.com please.\n",
     "URL in parens (https://example.com/x).\n",
     "URL at end https://example.com.\n",
     "http://localhost:8000/ local\n",
     "[link with `code`](/x)\n",
     "[empty]()\n",
     "[spaces](</a b>)\n",
     "[unicode](/ü)\n",
     "https://example.com/a_b_c and https://example.com/~user\n",
     "ftp://example.com/file\n")
case("images",
     "![alt](/img.png)\n",
     "![alt text](/img.png \"Image Title\")\n",
     "![](/empty-alt.png)\n",
     "[![badge](/b.svg)](https://ci.example.com)\n",
     "![*em* alt](/x.png)\n",
     "![ref][img]\n\n[img]: /r.png\n")
case("html",
     "<div class=\"box\">\nraw html\n</div>\n",
     "<div>\n\n*markdown inside*\n\n</div>\n",
     "Inline <span class=\"x\">span</span> html.\n",
     "<!-- a comment -->\n",
     "<details>\n<summary>Sum</summary>\n\nBody\n</details>\n",
     "<script>alert(1)</script>\n",
     "<iframe src=\"https://example.com\"></iframe>\n",
     "Text <br> break\n",
     "<img src=\"/a.png\" alt=\"a\">\n")
case("entities",
     "&copy; &amp; &lt; &gt; &quot; &#39; &#x27;\n",
     "AT&T and 5 < 6 > 4\n",
     "&nbsp;space\n",
     "&unknown; entity\n",
     "Escapes: \\* \\_ \\` \\# \\[ \\]\n",
     "Backslash \\a not escape\n",
     "\"double\" 'single' quotes\n",
     "It's don't won't\n",
     "(c) (tm) (r) +- ... -- ---\n",
     "Ellipsis... and dashes -- and ---\n")
case("rules",
     "---\n",
     "***\n",
     "___\n",
     "Para\n\n---\n\nPara\n",
     "- - -\n")
case("footnotes",
     "Claim.[^1]\n\n[^1]: The source.\n",
     "Named[^note] ref.\n\n[^note]: A named note.\n",
     "Two[^a] refs[^b].\n\n[^a]: First.\n[^b]: Second.\n",
     "Same[^x] twice[^x].\n\n[^x]: Shared.\n",
     "Missing[^nope] note.\n",
     "Multi[^m].\n\n[^m]: First para.\n\n    Second para.\n",
     "Inline^[an inline note] note.\n",
     "Order[^2] check[^1].\n\n[^1]: One.\n[^2]: Two.\n",
     "Note with [link](/x)[^l].\n\n[^l]: See **this**.\n")
case("admonition",
     "!!! note\n    Body text.\n",
     "!!! warning\n    Careful.\n",
     "!!! tip\n    A tip.\n",
     "!!! danger\n    Danger!\n",
     "!!! info\n    Info.\n",
     "!!! example\n    Example.\n",
     "!!! note \"Custom Title\"\n    Body.\n",
     "!!! note Custom Title\n    Body.\n",
     "!!! note \"\"\n    No title.\n",
     "!!! NOTE\n    Upper tag.\n",
     "!!! note\n    Para one.\n\n    Para two.\n",
     "!!! note\n    - list\n    - items\n",
     "!!! note\n    ```python\n    x = 1\n    ```\n",
     "!!! note\n    Body.\n\nAfter.\n",
     "!!! note\n    Outer.\n\n    !!! tip\n        Inner.\n",
     "!!! note\n",
     "!!!\n    no tag\n",
     "!!! note\nLazy line.\n",
     "Text\n!!! note\n    interrupts?\n",
     "!!! note *em* title\n    Body.\n",
     "- item\n\n    !!! note\n        In list.\n",
     "!!! note warning \"Two tags\"\n    Body.\n",
     "!!! note 'Single quoted'\n    Body.\n",
     "!!! tip \"Title with `code`\"\n    Body.\n",
     "> !!! note\n>     In a quote.\n",
     "!!! note\n\n    Blank line first.\n",
     "!!! note\n    One.\n\n\n    Two blank lines end it.\n",
     "!!! note\n    Body\nLazy after body.\n",
     "!!!note\n    No space.\n",
     "1. step\n\n    !!! warning \"Careful\"\n        Indented in an ordered list.\n",
     "!!! my-tag\n    Dashed tag.\n")
case("details",
     "??? note\n    Collapsed body.\n",
     "??? tip \"Title Here\"\n    Body.\n",
     "???+ note\n    Open body.\n",
     "???+ warning \"Open Title\"\n    Body.\n",
     "??? question\n    Q.\n\n    More.\n",
     "??? note\n    Body.\n\nAfter.\n",
     "???\n    no tag\n")
case("container",
     "::: note\nInside container.\n:::\n",
     "::: warning Title words\nBody *em*.\n:::\n",
     "::: spoiler\n- list\n:::\n",
     ":::: note\n::: warning\nnested\n:::\n::::\n",
     "::: note\nunclosed\n",
     "::: note\nouter\n::: warning\ninner unclosed\n:::\n",
     "::: unknown\nnot a container\n:::\n")
case("attrs",
     "[link](/x){.btn}\n",
     "[link](/x){#lid .a .b target=_blank}\n",
     "![img](/i.png){width=300}\n",
     "`code`{.k}\n",
     "*em*{.x}\n",
     "**strong**{.x}\n",
     "[span text]{.highlight}\n",
     "[span]{#sid key=\"a b\"}\n",
     "[a *b* c]{.y} spans emphasis\n",
     "Text [x]{.a} more [y]{#b}.\n",
     "[not]{ attrs} stays\n",
     "{.lead}\nA paragraph.\n",
     "{#intro}\nA paragraph.\n",
     "{.note}\n## Heading after attrs\n",
     "{.wide}\n| a |\n|---|\n| 1 |\n",
     "{.c1}\n{.c2}\nTwo attr lines.\n",
     "> quoted\n\n{.note}\n",
     "A paragraph.\n{.trail}\n",
     "Text {.notattr} inline.\n",
     "{not attributes}\n",
     "{.lead} Text after on same line.\n",
     "{.x}\n- list item\n",
     "{.x}\n```\ncode\n```\n",
     "[link](/x){onclick=alert(1)}\n",
     "Before.\n\n{.x}\n\nAfter gets it.\n",
     "{.c1}\n\n{#one .c2}\n\nAfter two blocks of attributes.\n",
     "- item\n\n  {.x}\n  para in item\n",
     "{.x}\n> quote\n")
case("wikilinks",
     "[[hello_world]]\n",
     "[[hello-world]]\n",
     "[[nav]]\n",
     "[[load]]\n",
     "[[missing-page]]\n",
     "[[nav#section]]\n",
     "[[nav|Navigation]]\n",
     "See [[nav]] and [[load]].\n",
     "`[[not a link]]`\n",
     "[[Hello World]]\n",
     "[[ nav ]]\n")
case("deflist",
     "Term\n: Definition\n",
     "Term\n:   Definition with more\n")
case("more",
     "Hard break at end  \n",
     "a  \n  b\n",
     "0. zero start\n1. one\n",
     "- a\n* b\n+ c\n",
     "1. one\n   1. nested one\n   2. nested two\n2. two\n",
     "- a\n\n  > quote in item\n",
     "> - a\n>   - b\n",
     "Autolink <http://a.com/b_(c)> and http://a.com/b_(c)\n",
     "See https://example.com/path, then more.\n",
     "Trailing ) https://example.com/x) here\n",
     "Email <mailto:x@y.z>\n",
     "[a](http://x.com?a=1&b=2)\n",
     "[a](/x \"Title with 'quotes'\")\n",
     "[![img](/i.png \"t\")](/link \"lt\")\n",
     "![img][ref]\n\n[ref]: /i.png 'Single title'\n",
     "<kbd>Ctrl</kbd>+<kbd>C</kbd>\n",
     "<span>*not em in html span*</span> *em*\n",
     "<div>\n*no md*\n</div>\n",
     "Text<!-- inline comment -->more\n",
     "`` ` `` and ` `` `\n",
     "| a | b |\n|---|---|\n| `x \\| y` | 2 |\n",
     "| a |\n|:-:|\n| **b** |\n| ~~c~~ |\n",
     "***bold italic*** and *__mixed__*\n",
     "Under_score_in_word and *star*in*word\n",
     "Ünïcödé *emphasis* and 日本語 **strong**\n",
     "Line one\n\n\n\nLine after many blanks\n",
     "# H1\nText right after\n## H2\n- list right after\n",
     "Title\n=====\n\nSub\n-----\n",
     "\\# not heading and \\- not list\n",
     "1\\. not list\n",
     "&#x1F600; &#128512; &amp;amp;\n",
     "<p>raw paragraph</p>\n",
     "<table><tr><td>raw table</td></tr></table>\n",
     "Footnote in list:\n\n- item[^f]\n\n[^f]: In a list.\n",
     "> Quote with footnote[^q]\n\n[^q]: Q.\n",
     "Term\n\n: not a deflist\n",
     "    code after nothing\n\ntext\n",
     "```\n```\n",
     "```js title=\"a.js\" hl_lines=\"1\"\nlet a = 1;\n```\n",
     "- [link](https://example.com)\n- https://example.com/bare\n",
     "## Heading with [[nav]] and `code` and [link](/x)\n",
     "### Sub with *em*\n\n### Sub with *em*\n",
     "## 🎉\n",
     "## ---\n",
     "## A & B < C > D\n",
     "## Apostrophe's and \"quotes\"\n",
     "## Straße\n",
     "## ÉCOLE\n",
     "## tab\there\n",
     "## x_y-z\n",
     "## 1. Numbered heading\n",
     "## (parenthesised)\n",
     "## a.b.c\n",
     "## ![img](/i.png) image heading\n",
     "## <span>html</span> heading\n")
# excerpts of real sites' posts: pypeaday/small-group-notes (admonitions titled "" or a number,
# a custom type, an indented list after a paragraph, a TiddlyWiki page pasted as the body) and
# wyattbubbylee.com ("!!! seealso" around a linked image, a heading of underscores)
case("sites",
     "!!! note \"\"\n\n    generally means absnese of war\n\nIn Hebrew the word is `Shalom`.\n",
     "## Isaiah\n\n\n!!! scripture \"Isaiah 9:6-7\"\n\n\n    6 For a child will be born to us;\n    And the government.\n\n## Jesus\n",
     "!!! scripture\n\n    Ephesians 2:14-15\n\n    Jesus himeself is our _Eirene_\n\n\n# Questions\n\n!!! note \"1\"\n\n    The prophet Isaiah\n",
     "Words that stick out: \n    - child\n    - given to us\n    - zeal...will accomplish this\n\n!!! scripture \"Luke 2:9-15\"\n\n    9And an angel\n\n    14\u201cGlory to God in the highest,\n",
     "!!! success \"\"\n\n    Jesus \"put to death the enmity\" by removing all *spiritually/covenantally relevant* barriers\n\n    peace (\u03b5\u1f30\u03c1\u03b7\u03bd\u03bf\u03c0\u03bf\u03b9\u03ad\u03c9) through the blood; reproach\u2014 23if indeed\n",
     "<!doctype html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\" />\n<title>Personal \u2014 Theology</title>\n<style type=\"text/css\">\nbody {\n  margin: 0;\n}\n\npre {\n  font-family: monospace;\n}\n</style>\n</head>\n<body class=\"tc-body\">\n<p>David</p>\n</body>\n</html>\n",
     "First of all go check out.\n\n!!! seealso \"\"\n\n    [![CyberBrick Hardware Kit](https://store.bblcdn.com/s7/ZK003-F.png)](https://us.store.bambulab.com/products/kit)\n\n    [cyberbrick made by bambu labs](https://us.store.bambulab.com/products/kit) \n\nAnyways\n",
     "## ________________________________________\n\nUPDATE \nThe 3D printing is all done.\n",
     "Love,  \n**Wyatt** \u2764\ufe0f\n\n---\n\n![Birthday Confetti](https://media.giphy.com/media/x/giphy.gif)\n",
     # Rhiannon-Walker/Website: an empty heading before a list of posts, an admonition indented by five
     "## Just a Tish About Us...\n\nWe are a couple.\n\n## \n\nPosts.\n\n## \n",
     "Tool\n\n!!! note \"Tool List\"\n     Safety Glasses, Carpet Tack Puller.\n \nAfter\n",
     "<img src=\"/a.jpg\" alt=\"Spraying\" style=\"float: left;\">\n  \nSO... Off to Menards, I went.\n")
case("mixed",
     "# Post Title\n\nIntro paragraph with a [link](https://example.com) and `code`.\n\n## Section One\n\n- a\n- b\n\n```python\nprint('hi')\n```\n\n## Section Two\n\n> A quote.\n\n| x | y |\n|:-:|--:|\n| 1 | 2 |\n\nDone.[^1]\n\n[^1]: Footnote.\n",
     "Some text\n\n---\n\n## After rule\n\n!!! note\n    Note body with **bold**.\n\nEnd.\n",
     "1. Step one\n\n   ```bash\n   make\n   ```\n\n2. Step two\n")


def main():
    md = markata_md()
    for kind, texts in CASES.items():
        for text in texts:
            print(json.dumps({"kind": kind, "markdown": text, "html": md.render(text)}, ensure_ascii=False))


if __name__ == "__main__":  # make_standalone_links.py imports markata_md
    main()
