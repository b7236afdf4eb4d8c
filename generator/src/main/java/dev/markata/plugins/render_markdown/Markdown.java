package dev.markata.plugins.render_markdown;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML as markata renders it: CommonMark with GitHub's tables, strikethrough,
 * autolinks and task lists, footnotes, heading anchors, attributes, wikilinks, admonitions and
 * containers, and highlighted fenced code. Built once per build; parser and renderer are
 * immutable and shared by the worker threads.
 */
final class Markdown {

    private final Parser parser;
    private final HtmlRenderer renderer;

    Markdown(Wikilinks wikilinks) {
        this(wikilinks, MarkdownItConfig.Anchors.DEFAULTS);
    }

    /** With the anchors plugin's settings of a site's {@code [markata.markdown_it_py]}. */
    Markdown(Wikilinks wikilinks, MarkdownItConfig.Anchors anchors) {
        this(wikilinks, anchors, false, false);
    }

    /**
     * With the anchors plugin's settings of a site's {@code [markata.markdown_it_py]}, {@code ???}
     * blocks as markata's details plugin writes them when {@code markataDetails}
     * ({@link MarkdownItConfig#markataDetails}), and task list boxes enabled when its tasklists
     * plugin says so.
     */
    Markdown(Wikilinks wikilinks, MarkdownItConfig.Anchors anchors, boolean markataDetails, boolean tasksEnabled) {
        // the order matters. Parsing: heading ids are made from the text {...} attributes leave
        // (and keep an {#id}); task boxes are moved after the task list extension made them.
        // Rendering: the first renderer for a node wins (markdown-it's <s> and footnotes over the
        // extensions' own), and the first attribute provider sets a class the later ones add to.
        MarkdownItMarkup markdownIt = new MarkdownItMarkup(tasksEnabled);
        Footnotes footnotes = new Footnotes();
        List<Extension> extensions = extensions(wikilinks, anchors, markataDetails);
        parser = Parser.builder().extensions(extensions).extensions(List.of(markdownIt)).build();
        // link and image addresses percent-encoded as markdown-it does (/ü is /%C3%BC, a space %20)
        renderer = HtmlRenderer.builder().percentEncodeUrls(true).extensions(List.of(markdownIt, footnotes))
                .extensions(extensions).build();
    }

    private static List<Extension> extensions(Wikilinks wikilinks, MarkdownItConfig.Anchors anchors,
                                              boolean markataDetails) {
        return List.of(TablesExtension.create(),
                StrikethroughExtension.builder().requireTwoTildes(true).build(), AutolinkExtension.create(),
                TaskListItemsExtension.create(), FootnotesExtension.builder().inlineFootnotes(true).build(),
                wikilinks, new Admonitions(markataDetails), Attributes.create(), new HeadingIds(anchors),
                new CodeBlocks());
    }

    /**
     * A parser of the same blocks and inlines that records where each block was in the source
     * (its lines and columns), for {@link StandaloneLinks}; the posts' wikilinks do not matter there.
     */
    static Parser withSourceSpans() {
        return Parser.builder().extensions(extensions(Wikilinks.none(), MarkdownItConfig.Anchors.DEFAULTS, false))
                .extensions(List.of(new MarkdownItMarkup(false))).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    }

    String render(String markdown) {
        return renderer.render(parser.parse(MarkdownBlocks.expand(markdown)));
    }
}
