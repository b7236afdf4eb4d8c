<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows the site's RSS feeds as a page when a browser opens one; feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" encoding="UTF-8" indent="yes"/>
<xsl:template match="/">
<html lang="{{ config.lang|e }}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="rss/channel/title"/> (RSS)</title>
<style>
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #57606a; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --accent: #4493f8; } }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1rem; font: 1rem/1.6 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
.note, .meta { color: var(--muted); font-size: .9rem; }
ul { list-style: none; padding: 0; }
li { margin: 1.25rem 0; }
</style>
</head>
<body>
<p class="note">This is an RSS feed of {{ config.title|e }}: copy its address into a feed reader to follow it.</p>
<h1><xsl:value-of select="rss/channel/title"/></h1>
<p><xsl:value-of select="rss/channel/description"/></p>
<p><a href="{rss/channel/link}">Visit the site</a></p>
<ul>
<xsl:for-each select="rss/channel/item">
<li>
<a href="{link}"><xsl:value-of select="title"/></a>
<div class="meta"><xsl:value-of select="pubDate"/></div>
<div><xsl:value-of select="description"/></div>
</li>
</xsl:for-each>
</ul>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
