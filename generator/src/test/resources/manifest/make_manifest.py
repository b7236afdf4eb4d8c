"""Writes manifest.json as markata's manifest plugin does (json.dump(indent=4, ensure_ascii=True)),
for ManifestPluginTest: the fields in markata's order, with the values the test's markata.toml
gives (the colours as pydantic's str(Color) prints "#FFFFFF" and "rgb(0, 255, 255)"), and the
icons markata's icon_resize lists for a 100 x 50 icon.png.

    python3 make_manifest.py > manifest.json
"""
import json
import sys

icons = []
for width in [48, 72, 96, 144, 192, 256, 384, 512]:
    height = int(float(50) * float(width / float(100)))
    icons.append({
        "src": f"icon_{width}x{height}.png",
        "sizes": f"{width}x{width}",
        "type": "image/png",
        "purpose": "any maskable",
    })
manifest = {
    "name": "Caf\u00e9 \"Ünïcode\" \U0001F600 \\ tab\there",
    "short_name": None,
    "start_url": "/blog/",
    "display": "standalone",
    "background_color": "white",
    "theme_color": "cyan",
    "description": "Notes </script>",
    "icons": icons,
}
json.dump(manifest, sys.stdout, ensure_ascii=True, indent=4)
