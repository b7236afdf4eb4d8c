package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.io.JsonWriter;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.process.FrameFilters;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A speedscope file (https://www.speedscope.app/file-format-schema.json): one "sampled" profile
 * per thread, its samples in time order and weighted by the nanoseconds each stands for, so
 * speedscope's time-order, left-heavy and sandwich views all work. Stacks are the threads' own
 * (no grafting: speedscope shows each thread separately); the profiler's own frames are left
 * out, and so is the JDK's reflection and lambda plumbing unless everything is asked for.
 */
public final class SpeedscopeRenderer implements Renderer {

    public static final String SCHEMA = "https://www.speedscope.app/file-format-schema.json";

    private final ReportOptions options;

    public SpeedscopeRenderer(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void render(Session session, Writer out) throws IOException {
        List<Frame> frames = session.frames();
        StackTable stacks = session.stacks();
        // Speedscope frame index per session frame, -1 = left out, assigned in order of first use.
        int[] frameIndex = new int[frames.size()];
        Arrays.fill(frameIndex, -2);
        int[] used = new int[frames.size()];
        int usedCount = 0;
        // Per stack: its frames after filtering, root first; built from the parent's, once.
        int[][] filtered = new int[stacks.size()][];
        for (int s = 0; s < stacks.size(); s++) {
            int parent = stacks.parentId(s);
            int[] base = parent == StackTable.EMPTY ? new int[0] : filtered[parent];
            int frameId = stacks.frameId(s);
            if (frameIndex[frameId] == -2) {
                Frame frame = frames.get(frameId);
                boolean drop = FrameFilters.isProfilerOwn(frame) || (!options.showAll() && FrameFilters.isJdkPlumbing(frame));
                frameIndex[frameId] = -1;
                if (!drop) {
                    frameIndex[frameId] = usedCount;
                    used[usedCount++] = frameId;
                }
            }
            if (frameIndex[frameId] < 0) {
                filtered[s] = base;
            } else {
                int[] own = Arrays.copyOf(base, base.length + 1);
                own[base.length] = frameIndex[frameId];
                filtered[s] = own;
            }
        }

        JsonWriter json = new JsonWriter(out);
        json.beginObject()
                .name("$schema").value(SCHEMA)
                .name("exporter").value("markata-profiler")
                .name("name").value(session.targetDescription())
                .name("activeProfileIndex").value(0)
                .name("shared").beginObject().name("frames").beginArray();
        for (int i = 0; i < usedCount; i++) {
            Frame frame = frames.get(used[i]);
            json.beginObject().name("name").value(frame.displayName());
            String file = JsonRenderer.filePath(frame);
            if (!file.isEmpty()) {
                json.name("file").value(file);
            }
            if (frame.lineNumber() > 0) {
                json.name("line").value(frame.lineNumber());
            }
            json.endObject();
        }
        json.endArray().endObject().name("profiles").beginArray();
        for (ThreadProfile thread : session.threads()) {
            if (options.threadId() != null && options.threadId() != thread.threadId()) {
                continue;
            }
            List<Sample> samples = thread.samples();
            long start = samples.isEmpty() ? 0 : samples.get(0).startNanos();
            long end = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).endNanos();
            json.beginObject()
                    .name("type").value("sampled")
                    .name("name").value(thread.name() + " (thread " + thread.threadId() + ")")
                    .name("unit").value("nanoseconds")
                    .name("startValue").value(start)
                    .name("endValue").value(end)
                    .name("samples").beginArray();
            for (Sample sample : samples) {
                json.beginArray();
                int[] stack = sample.stackId() == StackTable.EMPTY ? new int[0] : filtered[sample.stackId()];
                for (int index : stack) {
                    json.value(index);
                }
                json.endArray();
            }
            json.endArray().name("weights").beginArray();
            for (Sample sample : samples) {
                json.value(sample.durationNanos());
            }
            json.endArray().endObject();
        }
        json.endArray().endObject().flush();
    }
}
