package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.io.JsonWriter;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.DeepStacks;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * The call tree as JSON in pyinstrument's JSON renderer schema, so tools that read
 * pyinstrument's output can read ours:
 * <pre>
 * {"start_time": unix seconds, "duration": s, "sample_count": n, "target_description": "...",
 *  "cpu_time": s,
 *  "root_frame": frame,            the first thread's tree (the thread that started profiling)
 *  "threads": [{"thread_id", "name", "time", "sample_count", "root_frame": frame}...]   every thread
 * }
 * frame: {"function": "render", "class_name": "dev.markata.Site", "file_path": "dev/markata/Site.java",
 *         "file_path_short": "Site.java", "line_no": 12, "time": s, "await_time": s, "thread_time": s,
 *         "is_application_code": bool, "children": [frame...]}
 * </pre>
 * {@code "time"} is wall time: work handed to other threads and waited for is shown under the
 * frame that handed it over, scaled into the time waited ({@code WallShares}), so a thread's
 * {@code "time"} is the wall time it ran. {@code "thread_time"}, only where it differs, is the
 * threads' own time behind it (two workers busy for the second waited: 2 s); the threads entries
 * carry it too. {@code "await_time"} is the waiting no work filled ({@code [await]}).
 * Thread roots and synthetic nodes have {@code "function"} {@code "[thread main]"}, {@code "[self]"},
 * {@code "[await]"} or {@code "[out-of-context]"} and empty class and file. As in pyinstrument,
 * library frames are not grouped; nodes under the threshold (default 0.1%) are left out.
 */
public final class JsonRenderer extends TreeRenderer {

    public static final double DEFAULT_THRESHOLD_PERCENT = 0.1;

    private final ReportOptions options;

    public JsonRenderer(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    void render(ReportTrees trees, Writer out) throws IOException {
        DeepStacks.run(() -> write(trees, out)); // trees are walked recursively
    }

    private void write(ReportTrees trees, Writer out) throws IOException {
        var treeOptions = options.treeOptions(DEFAULT_THRESHOLD_PERCENT).withGroupLibraries(false);
        Session session = trees.session();
        List<CallNode> threads = trees.threads(options, treeOptions);
        JsonWriter json = new JsonWriter(out);
        json.beginObject()
                .name("start_time").value(session.startedAt().getEpochSecond() + session.startedAt().getNano() / 1e9)
                .name("duration").value(seconds(session.duration().toNanos()))
                .name("sample_count").value(session.sampleCount())
                .name("target_description").value(session.targetDescription())
                .name("cpu_time").value(seconds(session.cpuTime().toNanos()))
                .name("root_frame");
        if (threads.isEmpty()) {
            json.nullValue();
        } else {
            frame(threads.get(0), json);
        }
        json.name("threads").beginArray();
        for (CallNode thread : threads) {
            json.beginObject()
                    .name("thread_id").value(thread.threadId())
                    .name("name").value(threadName(session, thread.threadId()))
                    .name("time").value(seconds(thread.totalNanos()));
            threadTime(thread, json);
            json.name("sample_count").value(thread.sampleCount())
                    .name("root_frame");
            frame(thread, json);
            json.endObject();
        }
        json.endArray().endObject().flush();
    }

    private static void frame(CallNode node, JsonWriter json) {
        Frame frame = node.frame();
        boolean real = node.kind() == CallNode.Kind.FRAME || node.kind() == CallNode.Kind.LIBRARY_GROUP;
        json.beginObject()
                .name("function").value(frame.methodName())
                .name("class_name").value(real ? frame.className() : "")
                .name("file_path").value(real ? filePath(frame) : "")
                .name("file_path_short").value(real ? frame.fileName() : "")
                .name("line_no").value(real ? frame.lineNumber() : 0)
                .name("time").value(seconds(node.totalNanos()))
                .name("await_time").value(seconds(node.awaitNanos()));
        threadTime(node, json);
        json.name("is_application_code").value(node.isApplicationCode())
                .name("children").beginArray();
        for (CallNode child : node.children()) {
            frame(child, json);
        }
        json.endArray().endObject();
    }

    /** {@code "thread_time"}, where it differs from {@code "time"} (work of other threads scaled into a wait). */
    private static void threadTime(CallNode node, JsonWriter json) {
        if (node.threadNanos() != node.totalNanos()) {
            json.name("thread_time").value(seconds(node.threadNanos()));
        }
    }

    /** {@code dev/markata/Site.java}: the source path the class's package implies. */
    static String filePath(Frame frame) {
        if (frame.fileName().isEmpty()) {
            return "";
        }
        int dot = frame.className().lastIndexOf('.');
        return dot < 0 ? frame.fileName() : frame.className().substring(0, dot).replace('.', '/') + "/" + frame.fileName();
    }

    static String threadName(Session session, long threadId) {
        for (ThreadProfile thread : session.threads()) {
            if (thread.threadId() == threadId) {
                return thread.name();
            }
        }
        return "";
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
