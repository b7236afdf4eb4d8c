package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.io.JsonWriter;
import dev.markata.profiler.io.SessionJson;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.process.FramePatterns;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The interactive HTML report: one self-contained file (CSS, script and data inline, no
 * network) with a call tree, a timeline, a flame graph, hot methods, build tables and a compare
 * view.
 *
 * <p>The page carries the session itself, in the compact {@link SessionJson} form, inside a
 * {@code <script type="application/json">} element, and does all view processing (aggregation,
 * library grouping, thresholds, grafting of handed-over tasks) in the browser, so one file
 * serves every view and option. Nothing from the session is written into the markup: the data
 * goes through {@link JsonWriter}, which escapes {@code <}, {@code >} and {@code &} so it cannot
 * close its element, and the page script inserts every name as text, never as HTML.
 *
 * <p>The file is streamed: its size is the session JSON plus about 60 kB of page, and no part of
 * it is built as one string. Past {@link HtmlOptions#maxSampleRows()} sample rows the session is
 * resampled first ({@link HtmlResampler}) and the page says so.
 */
public final class HtmlRenderer implements Renderer {

    private final HtmlOptions options;
    private final FramePatterns patterns;
    private final HtmlAssets assets;

    public HtmlRenderer(HtmlOptions options) {
        this(options, new FramePatterns(List.of(), List.of()));
    }

    public HtmlRenderer() {
        this(HtmlOptions.defaults());
    }

    /**
     * The HTML report with the options every format takes ({@link HtmlOptions#from}); the show
     * and hide patterns decide which frames the page treats as application or library code.
     *
     * @throws IllegalArgumentException naming the pattern, when a {@code re:} pattern is invalid
     */
    public HtmlRenderer(ReportOptions options) {
        this(HtmlOptions.from(options), new FramePatterns(options.show(), options.hide()));
    }

    private HtmlRenderer(HtmlOptions options, FramePatterns patterns) {
        this.options = Objects.requireNonNull(options, "options");
        this.patterns = patterns;
        this.assets = HtmlAssets.load();
    }

    @Override
    public void render(Session session, Writer out) throws IOException {
        Session embedded = HtmlResampler.bound(reclassified(session), options.maxSampleRows());
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Belt and braces: even a bug in the page script cannot make it fetch anything.
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '"
                + assets.scriptHash() + "'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n");
        out.write("<title>markata profile</title>\n<style>\n");
        out.write(assets.css());
        out.write("</style>\n</head>\n<body>\n");
        out.write("<noscript>This profile report needs JavaScript to show its views.</noscript>\n");
        out.write("<div id=\"app\"></div>\n");
        out.write("<script type=\"application/json\" id=\"report-options\">");
        writeOptions(out);
        out.write("</script>\n<script type=\"application/json\" id=\"profile-data\">");
        SessionJson.write(embedded, out);
        out.write("</script>\n<script>");
        out.write(assets.script());
        out.write("</script>\n</body>\n</html>\n");
        out.flush();
    }

    /** The session with frame kinds as the show/hide patterns say (itself when there are none). */
    private Session reclassified(Session session) {
        if (patterns.isEmpty()) {
            return session;
        }
        List<Frame> frames = new ArrayList<>(session.frames().size());
        for (Frame f : session.frames()) {
            FrameKind kind = patterns.kindOf(f);
            frames.add(kind == f.kind() ? f : new Frame(f.className(), f.methodName(), f.fileName(), f.lineNumber(), kind));
        }
        return new Session(session.startedAt(), session.duration(), session.interval(), session.cpuTime(),
                session.targetDescription(), session.sampler(), session.asyncMode(), session.timeMode(), frames,
                session.stacks(), session.threads(), session.spans(), session.metadata());
    }

    private void writeOptions(Writer out) {
        new JsonWriter(out).beginObject()
                .name("initialView").value(options.initialView().id())
                .name("thresholdPercent").value(options.thresholdPercent())
                .name("showAll").value(options.showAll())
                .name("title").value(options.title())
                .name("units").value(options.percentUnits() ? "percent" : "seconds")
                .endObject();
    }
}
