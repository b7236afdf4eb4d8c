#!/usr/bin/env python3
"""Writes the colour names Pillow's ImageColor knows (the CSS3 keywords) with their values,
for covers' font_color, the manifest's colours and [markata.style]: generator/src/main/resources/dev/markata/color/css-colors.txt.

Pillow is not installed here: the names are the CSS keywords pygments lists (Debian's
python3-pygments), the values X11's rgb.txt (which CSS took them from), except the names CSS
gave other values or X11 lacks, set below as the CSS Color Module Level 3/4 defines them.
Run: python3 make_css_colors.py > ../../../main/resources/dev/markata/color/css-colors.txt
"""
from pygments.lexers.css import _color_keywords as names

CSS = {  # CSS differs from X11 here, or X11 has no such name
    'aqua': (0, 255, 255), 'crimson': (220, 20, 60), 'fuchsia': (255, 0, 255),
    'indigo': (75, 0, 130), 'lime': (0, 255, 0), 'olive': (128, 128, 0),
    'rebeccapurple': (102, 51, 153), 'silver': (192, 192, 192), 'teal': (0, 128, 128),
    'gray': (128, 128, 128), 'grey': (128, 128, 128), 'green': (0, 128, 0),
    'maroon': (128, 0, 0), 'purple': (128, 0, 128),
}
x11 = {}
for line in open('/usr/share/X11/rgb.txt'):
    if line.startswith('!'):
        continue
    parts = line.split(None, 3)
    if len(parts) == 4:
        x11.setdefault(parts[3].strip().replace(' ', '').lower(), tuple(map(int, parts[:3])))
print('# name rrggbb: the colour names of Pillow ImageColor (CSS3); made by make_css_colors.py in the test resources')
for name in sorted(set(names) - {'transparent'}):
    r, g, b = CSS.get(name) or x11[name]
    print(f'{name} {r:02x}{g:02x}{b:02x}')
