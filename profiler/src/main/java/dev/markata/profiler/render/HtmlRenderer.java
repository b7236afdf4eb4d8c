package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.io.JsonWriter;
import dev.markata.profiler.io.SessionJson;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.process.FrameFilters;
import dev.markata.profiler.process.FramePatterns;
import dev.markata.profiler.process.Libraries;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

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
 * <p>The file is the session JSON plus about 60 kB of page; {@link #write} takes the session's
 * JSON bytes when the caller already has them (a build writes the same bytes to the session
 * file), so the session is serialized once. Past {@link HtmlOptions#maxSampleRows()} sample rows the session is
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
        Session embedded = embedded(session);
        out.write(head());
        out.write(SessionJson.toJson(embedded));
        out.write(TAIL_BEFORE_SCRIPT);
        out.write(assets.script());
        out.write(TAIL);
        out.flush();
    }

    /**
     * Writes the page as UTF-8 to {@code out}, reusing {@code sessionJson}, the caller's
     * {@link SessionJson#toBytes} of {@code session} (null when it has none), as the page's data
     * when the page embeds the session unchanged (no resampling, no show/hide patterns): a build
     * that also saves the session serializes it once for both files.
     */
    public void write(Session session, byte[] sessionJson, OutputStream out) throws IOException {
        Session embedded = embedded(session);
        byte[] data = embedded == session && sessionJson != null ? sessionJson : SessionJson.toBytes(embedded);
        out.write(head().getBytes(StandardCharsets.UTF_8));
        out.write(data);
        out.write(TAIL_BEFORE_SCRIPT.getBytes(StandardCharsets.UTF_8));
        out.write(assets.script().getBytes(StandardCharsets.UTF_8));
        out.write(TAIL.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static final String TAIL_BEFORE_SCRIPT = "</script>\n<script>";
    private static final String TAIL = "</script>\n</body>\n</html>\n";

    /** The session the page carries: {@code session} itself unless it is resampled or reclassified. */
    private Session embedded(Session session) {
        return HtmlResampler.bound(reclassified(session), options.maxSampleRows());
    }

    /** Everything before the session's JSON. */
    private String head() {
        StringWriter out = new StringWriter(assets.css().length() + 2048);
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
        return out.toString();
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
                session.stacks(), session.threads(), session.spans(), session.metadata(), session.jvm());
    }

    private void writeOptions(Writer out) {
        JsonWriter json = new JsonWriter(out).beginObject();
        Libraries.Rules libraries = Libraries.rules();
        json.name("libraries").beginObject();
        strings(json.name("jdkPrefixes"), libraries.jdkPrefixes());
        strings(json.name("domains"), new TreeSet<>(libraries.domains()));
        strings(json.name("organisations"), new TreeSet<>(libraries.organisations()));
        json.endObject();
        FrameFilters.Rules frames = FrameFilters.rules();
        json.name("frames").beginObject();
        strings(json.name("plumbingPrefixes"), frames.plumbingPrefixes());
        strings(json.name("plumbingContains"), frames.plumbingContains());
        strings(json.name("profilerPrefixes"), frames.profilerPrefixes());
        strings(json.name("profilerClasses"), frames.profilerClasses());
        json.name("taskEntryPrefix").value(frames.taskEntryPrefix());
        strings(json.name("blockingClasses"), frames.blockingClasses());
        strings(json.name("blockingMethods"), frames.blockingMethods());
        json.endObject()
                .name("initialView").value(options.initialView().id())
                .name("thresholdPercent").value(options.thresholdPercent())
                .name("showAll").value(options.showAll())
                .name("title").value(options.title())
                .name("units").value(options.percentUnits() ? "percent" : "seconds");
        if (options.threadId() != null) {
            json.name("threadId").value(options.threadId().longValue());
        }
        json.endObject();
    }

    private static void strings(JsonWriter json, Collection<String> values) {
        json.beginArray();
        values.forEach(json::value);
        json.endArray();
    }
}
