package dev.markata.profiler.io;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.model.ThreadState;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact, lossless JSON form of a {@link Session}: what {@code Session.save} writes, what
 * the HTML report embeds and what its "compare" view loads.
 *
 * <p>Format {@code markata-profile} version 2. Strings are interned into one {@code strings}
 * array; everything else is numeric rows in flat arrays, so the size grows with distinct frames
 * and stacks and with how often a thread's stack changed, not with long names repeated:
 * <pre>
 * { "format": "markata-profile", "version": 2,
 *   "startedAt": ISO-8601 instant, "durationNanos", "intervalNanos", "cpuTimeNanos",
 *   "target": string, "sampler": {"name", "detail"}, "asyncMode": "ENABLED"|"DISABLED"|"STRICT",
 *   "timeMode": "WALL"|"CPU", "metadata": {string: string},
 *   "strings": [string...],
 *   "frames":  [className, methodName, fileName, line, kind, ...]   5 per frame; names are string
 *                                                                  indexes; kind 0 application,
 *                                                                  1 library, 2 synthetic
 *   "stacks":  [parentStack, frame, ...]                            2 per stack; -1 = no parent
 *   "threads": [{"id", "name", "samples": [gap, duration, stack, state, span, count, ...]}]
 *                                         6 per sample; gap = start - previous sample's end
 *                                         (the first sample's gap is its start); state 0 running,
 *                                         1 waiting, 2 unknown; span -1 = none
 *   "spans":   [parentGap, category, name, thread, startGap, duration, originStack, attributes, ...]
 *                                         8 per span; parentGap = id - parent id, 0 = no parent;
 *                                         startGap = start - the previous span's start (the first
 *                                         span's: its start); category and name are string
 *                                         indexes; attributes indexes spanAttributeSets, -1 = none
 *   "spanAttributeSets": [[key, value, key, value...], ...]   string indexes, keys sorted
 *   "jvm": {"gcPauses": [start, duration, collector, action, cause, ...]   5 per pause, in time
 *                                         order; the names are string indexes
 *           "gcCycles", "gcCycleNanos", "jitNanos", "compilerCpuNanos", "gcCpuNanos",
 *           "vmThreadCpuNanos", "classesLoaded", "classesUnloaded"}
 *                                         what the JVM did ({@code JvmActivity}); a figure not
 *                                         known is left out, and so is "jvm" when nothing was
 *                                         recorded. Added to version 2 in session 17: a file
 *                                         without it is read as recording nothing }
 * </pre>
 * All times are nanoseconds since the session started, except {@code startedAt}.
 *
 * <p>Version 1 (still read) had 7 numbers per span with absolute {@code parent}, {@code start}
 * and {@code end}, and {@code "spanAttributes": {spanId: {key: value}}}. A build profile has
 * two spans per document and plugin (the task and the document), so spans were 90% of a
 * session: 12.1 MB at 10,000 posts, 4.6 MB of it the same two attributes spelled out again for
 * every document. Version 2 writes each distinct attribute set once and times as gaps (shorter
 * numbers): that session is 5.7 MB, and as much faster to write and parse.
 */
public final class SessionJson {

    /** The {@code format} field's value. */
    public static final String FORMAT = "markata-profile";
    /** The version this class writes and the newest it reads. */
    public static final int VERSION = 2;

    private SessionJson() {
    }

    /** Writes {@code session} to {@code out}; does not close {@code out}. */
    public static void write(Session session, Writer out) throws IOException {
        out.write(toJson(session));
        out.flush();
    }

    /** The JSON text of {@code session}. */
    public static String toJson(Session session) {
        return new String(toBytes(session), StandardCharsets.UTF_8);
    }

    /**
     * The JSON of {@code session} as UTF-8 bytes: the form to write to files, and to write once
     * for several of them (the session file and the HTML report embed the same bytes).
     */
    public static byte[] toBytes(Session session) {
        // Intern every string first, so the table can precede the rows that refer to it and a
        // one-pass reader (the browser) has it at hand. Span categories and attributes first:
        // they recur in every span row, where a short index is a shorter row.
        StringTable strings = new StringTable();
        Map<Map<String, String>, Integer> attributeSets = new HashMap<>();
        List<Map<String, String>> attributeSetList = new ArrayList<>();
        int[] spanAttributes = new int[session.spans().size()];
        // each span's category and name index, kept for its row: one look-up per string, not two
        int[] spanCategories = new int[session.spans().size()];
        int[] spanNames = new int[session.spans().size()];
        // Each loop over the spans, frames and samples is a small method of its own that calls a
        // method per item: under the launcher's C1-only JIT a method is compiled after 50 calls,
        // but a loop only after 10,000 turns, and then all of its method with it (this one,
        // ~1,800 bytes of code inlined, once per loop), while the turns before ran in the interpreter.
        indexSpans(session.spans(), strings, attributeSets, attributeSetList, spanCategories, spanAttributes);
        indexFrames(session.frames(), strings);
        indexNames(session.spans(), strings, spanNames);
        for (GcPause pause : session.jvm().gcPauses()) {
            strings.index(pause.collector());
            strings.index(pause.action());
            strings.index(pause.cause());
        }

        JsonBytes json = new JsonBytes(estimatedSize(session, strings));
        json.beginObject()
                .name("format").value(FORMAT)
                .name("version").value(VERSION)
                .name("startedAt").value(session.startedAt().toString())
                .name("durationNanos").value(session.duration().toNanos())
                .name("intervalNanos").value(session.interval().toNanos())
                .name("cpuTimeNanos").value(session.cpuTime().toNanos())
                .name("target").value(session.targetDescription())
                .name("sampler").beginObject()
                .name("name").value(session.sampler().name())
                .name("detail").value(session.sampler().detail())
                .endObject()
                .name("asyncMode").value(session.asyncMode().name())
                .name("timeMode").value(session.timeMode().name());
        json.name("metadata");
        writeStringMap(session.metadata(), json);
        writeStrings(strings, json);
        writeFrames(session, strings, json);
        writeStacks(session.stacks(), json);
        writeThreads(session, json);
        writeSpans(session, spanCategories, spanNames, spanAttributes, json);
        json.name("spanAttributeSets").beginArray();
        for (Map<String, String> set : attributeSetList) {
            json.beginArray();
            for (String key : new TreeMap<>(set).keySet()) {
                json.value(strings.index(key)).value(strings.index(set.get(key)));
            }
            json.endArray();
        }
        json.endArray();
        writeJvm(session.jvm(), strings, json);
        json.endObject();
        return json.toByteArray();
    }

    private static void writeJvm(JvmActivity jvm, StringTable strings, JsonBytes json) {
        if (!jvm.recorded()) {
            return;
        }
        json.name("jvm").beginObject().name("gcPauses").beginArray();
        for (GcPause pause : jvm.gcPauses()) {
            json.value(pause.startNanos()).value(pause.durationNanos()).value(strings.index(pause.collector()))
                    .value(strings.index(pause.action())).value(strings.index(pause.cause()));
        }
        json.endArray().name("gcCycles").value(jvm.gcCycles()).name("gcCycleNanos").value(jvm.gcCycleNanos());
        String[] names = {"jitNanos", "compilerCpuNanos", "gcCpuNanos", "vmThreadCpuNanos", "classesLoaded",
                "classesUnloaded"};
        long[] values = {jvm.jitNanos(), jvm.compilerCpuNanos(), jvm.gcCpuNanos(), jvm.vmThreadCpuNanos(),
                jvm.classesLoaded(), jvm.classesUnloaded()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != JvmActivity.UNKNOWN) {
                json.name(names[i]).value(values[i]);
            }
        }
        json.endObject();
    }

    /** The "jvm" object, or {@link JvmActivity#NONE} when the session has none (saved before it was recorded). */
    private static JvmActivity readJvm(Map<?, ?> root, List<String> strings) {
        if (!(root.get("jvm") instanceof Map<?, ?> jvm)) {
            return JvmActivity.NONE;
        }
        Fields f = new Fields(jvm);
        List<Object> rows = f.list("gcPauses");
        requireRows(rows, 5, "jvm.gcPauses");
        List<GcPause> pauses = new ArrayList<>(rows.size() / 5);
        for (int i = 0; i < rows.size(); i += 5) {
            pauses.add(new GcPause(toLong(rows.get(i)), toLong(rows.get(i + 1)), strings.get(toInt(rows.get(i + 2))),
                    strings.get(toInt(rows.get(i + 3))), strings.get(toInt(rows.get(i + 4)))));
        }
        return new JvmActivity(true, pauses, toInt(f.get("gcCycles")), f.number("gcCycleNanos"),
                optional(jvm, "jitNanos"), optional(jvm, "compilerCpuNanos"), optional(jvm, "gcCpuNanos"),
                optional(jvm, "vmThreadCpuNanos"), optional(jvm, "classesLoaded"), optional(jvm, "classesUnloaded"));
    }

    private static long optional(Map<?, ?> object, String name) {
        Object value = object.get(name);
        return value == null ? JvmActivity.UNKNOWN : toLong(value);
    }

    private static void writeStrings(StringTable strings, JsonBytes json) {
        json.name("strings").beginArray();
        for (String s : strings.values) {
            json.value(s);
        }
        json.endArray();
    }

    private static void indexSpans(List<Span> spans, StringTable strings, Map<Map<String, String>, Integer> attributeSets,
                                   List<Map<String, String>> attributeSetList, int[] categories, int[] attributeIndexes) {
        for (Span span : spans) {
            indexSpan(span, strings, attributeSets, attributeSetList, categories, attributeIndexes);
        }
    }

    private static void indexFrames(List<Frame> frames, StringTable strings) {
        for (Frame frame : frames) {
            indexFrame(frame, strings);
        }
    }

    private static void indexNames(List<Span> spans, StringTable strings, int[] names) {
        for (Span span : spans) {
            names[span.id()] = strings.index(span.name());
        }
    }

    /** Notes a span's category and attribute set (with their strings) in the tables. */
    private static void indexSpan(Span span, StringTable strings, Map<Map<String, String>, Integer> attributeSets,
                                  List<Map<String, String>> attributeSetList, int[] categories, int[] attributeIndexes) {
        categories[span.id()] = strings.index(span.category());
        Map<String, String> attributes = span.attributes();
        if (attributes.isEmpty()) {
            attributeIndexes[span.id()] = -1;
            return;
        }
        Integer set = attributeSets.get(attributes);
        if (set == null) {
            set = attributeSetList.size();
            attributeSets.put(attributes, set);
            attributeSetList.add(attributes);
            attributes.forEach((k, v) -> {
                strings.index(k);
                strings.index(v);
            });
        }
        attributeIndexes[span.id()] = set;
    }

    private static void indexFrame(Frame frame, StringTable strings) {
        strings.index(frame.className());
        strings.index(frame.methodName());
        strings.index(frame.fileName());
    }

    /** A first guess at the size, so the buffer is not copied over and over as it grows. */
    private static int estimatedSize(Session session, StringTable strings) {
        long size = 4096L + 24L * session.frames().size() + 14L * session.stacks().size()
                + 34L * session.spans().size();
        for (var thread : session.threads()) {
            size += 28L * thread.samples().size();
        }
        for (String s : strings.values) {
            size += s.length() + 3;
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    /**
     * Reads a session written by {@link #write}.
     *
     * @throws IllegalArgumentException naming what is wrong, when the text is not a session of a
     *                                  version this class reads
     */
    public static Session read(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            text.append(buffer, 0, n);
        }
        return fromJson(text.toString());
    }

    /** Parses the JSON text of a session; see {@link #read}. */
    public static Session fromJson(String text) {
        Object parsed = JsonReader.parse(text);
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("not a markata-profile session: the top level is not an object");
        }
        Fields f = new Fields(root);
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("not a markata-profile session: format is " + root.get("format"));
        }
        long version = f.number("version");
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("session format version " + version
                    + " is not supported; this build reads versions 1 to " + VERSION);
        }
        List<String> strings = f.list("strings").stream().map(o -> (String) o).toList();
        List<Frame> frames = readFrames(f.list("frames"), strings);
        StackTable stacks = readStacks(f.list("stacks"));
        List<ThreadProfile> threads = new ArrayList<>();
        for (Object thread : f.list("threads")) {
            threads.add(readThread(new Fields((Map<?, ?>) thread)));
        }
        List<Span> spans = version == 1
                ? readSpansV1(f.list("spans"), f.map("spanAttributes"), strings)
                : readSpans(f.list("spans"), f.list("spanAttributeSets"), strings);
        Map<?, ?> sampler = f.map("sampler");
        return new Session(
                Instant.parse(f.string("startedAt")),
                Duration.ofNanos(f.number("durationNanos")),
                Duration.ofNanos(f.number("intervalNanos")),
                Duration.ofNanos(f.number("cpuTimeNanos")),
                f.string("target"),
                new Session.SamplerInfo((String) sampler.get("name"), (String) sampler.get("detail")),
                AsyncMode.valueOf(f.string("asyncMode")),
                TimeMode.valueOf(f.string("timeMode")),
                frames, stacks, threads, spans, stringMap(f.map("metadata")), readJvm(root, strings));
    }

    private static void writeFrames(Session session, StringTable strings, JsonBytes json) {
        json.name("frames").beginArray();
        for (Frame frame : session.frames()) {
            writeFrame(frame, strings, json);
        }
        json.endArray();
    }

    private static void writeFrame(Frame frame, StringTable strings, JsonBytes json) {
        json.value(strings.index(frame.className()))
                .value(strings.index(frame.methodName()))
                .value(strings.index(frame.fileName()))
                .value(frame.lineNumber())
                .value(frame.kind().ordinal());
    }

    private static void writeStacks(StackTable stacks, JsonBytes json) {
        json.name("stacks").beginArray();
        for (int i = 0; i < stacks.size(); i++) {
            json.value(stacks.parentId(i)).value(stacks.frameId(i));
        }
        json.endArray();
    }

    private static void writeThreads(Session session, JsonBytes json) {
        json.name("threads").beginArray();
        for (ThreadProfile thread : session.threads()) {
            json.beginObject()
                    .name("id").value(thread.threadId())
                    .name("name").value(thread.name())
                    .name("samples").beginArray();
            long previousEnd = 0;
            for (Sample sample : thread.samples()) {
                previousEnd = writeSample(sample, previousEnd, json);
            }
            json.endArray().endObject();
        }
        json.endArray();
    }

    /** Writes a sample's row (its start as the time since the previous one's end); returns its end. */
    private static long writeSample(Sample sample, long previousEnd, JsonBytes json) {
        json.value(sample.startNanos() - previousEnd)
                .value(sample.durationNanos())
                .value(sample.stackId())
                .value(sample.state().ordinal())
                .value(sample.spanId())
                .value(sample.count());
        return sample.endNanos();
    }

    private static void writeSpans(Session session, int[] categories, int[] names, int[] attributeSets,
                                   JsonBytes json) {
        json.name("spans").beginArray();
        long previousStart = 0;
        for (Span span : session.spans()) {
            writeSpan(span, previousStart, categories, names, attributeSets, json);
            previousStart = span.startNanos();
        }
        json.endArray();
    }

    /** Writes a span's row (its start as the time since the previous span's start). */
    private static void writeSpan(Span span, long previousStart, int[] categories, int[] names, int[] attributeSets,
                                  JsonBytes json) {
        json.value(span.parentId() == Span.NONE ? 0 : span.id() - span.parentId())
                .value(categories[span.id()])
                .value(names[span.id()])
                .value(span.threadId())
                .value(span.startNanos() - previousStart)
                .value(span.endNanos() - span.startNanos())
                .value(span.originStackId())
                .value(attributeSets[span.id()]);
    }

    private static void writeStringMap(Map<String, String> map, JsonBytes json) {
        json.beginObject();
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            json.name(e.getKey()).value(e.getValue());
        }
        json.endObject();
    }

    private static List<Frame> readFrames(List<Object> rows, List<String> strings) {
        requireRows(rows, 5, "frames");
        FrameKind[] kinds = FrameKind.values();
        List<Frame> frames = new ArrayList<>(rows.size() / 5);
        for (int i = 0; i < rows.size(); i += 5) {
            frames.add(new Frame(strings.get(toInt(rows.get(i))), strings.get(toInt(rows.get(i + 1))),
                    strings.get(toInt(rows.get(i + 2))), toInt(rows.get(i + 3)), kinds[toInt(rows.get(i + 4))]));
        }
        return frames;
    }

    private static StackTable readStacks(List<Object> rows) {
        requireRows(rows, 2, "stacks");
        int n = rows.size() / 2;
        int[] parents = new int[n];
        int[] frames = new int[n];
        for (int i = 0; i < n; i++) {
            parents[i] = toInt(rows.get(2 * i));
            frames[i] = toInt(rows.get(2 * i + 1));
        }
        return StackTable.of(parents, frames);
    }

    private static ThreadProfile readThread(Fields f) {
        List<Object> rows = f.list("samples");
        requireRows(rows, 6, "samples");
        ThreadState[] states = ThreadState.values();
        List<Sample> samples = new ArrayList<>(rows.size() / 6);
        long previousEnd = 0;
        for (int i = 0; i < rows.size(); i += 6) {
            long start = previousEnd + toLong(rows.get(i));
            long duration = toLong(rows.get(i + 1));
            samples.add(new Sample(start, duration, toInt(rows.get(i + 2)), states[toInt(rows.get(i + 3))],
                    toInt(rows.get(i + 4)), toInt(rows.get(i + 5))));
            previousEnd = start + duration;
        }
        return new ThreadProfile(f.number("id"), f.string("name"), samples);
    }

    private static List<Span> readSpans(List<Object> rows, List<Object> attributeSets, List<String> strings) {
        requireRows(rows, 8, "spans");
        List<Map<String, String>> sets = new ArrayList<>(attributeSets.size());
        for (Object set : attributeSets) {
            if (!(set instanceof List<?> pairs) || pairs.size() % 2 != 0) {
                throw new IllegalArgumentException("spanAttributeSets holds " + set + ", not a list of string pairs");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i += 2) {
                attributes.put(strings.get(toInt(pairs.get(i))), strings.get(toInt(pairs.get(i + 1))));
            }
            sets.add(Map.copyOf(attributes));
        }
        List<Span> spans = new ArrayList<>(rows.size() / 8);
        long start = 0;
        for (int i = 0, id = 0; i < rows.size(); i += 8, id++) {
            int parentGap = toInt(rows.get(i));
            start += toLong(rows.get(i + 4));
            int set = toInt(rows.get(i + 7));
            spans.add(new Span(id, parentGap == 0 ? Span.NONE : id - parentGap, strings.get(toInt(rows.get(i + 1))),
                    strings.get(toInt(rows.get(i + 2))), toLong(rows.get(i + 3)), start,
                    start + toLong(rows.get(i + 5)), toInt(rows.get(i + 6)), set < 0 ? Map.of() : sets.get(set)));
        }
        return spans;
    }

    private static List<Span> readSpansV1(List<Object> rows, Map<?, ?> attributes, List<String> strings) {
        requireRows(rows, 7, "spans");
        List<Span> spans = new ArrayList<>(rows.size() / 7);
        for (int i = 0, id = 0; i < rows.size(); i += 7, id++) {
            Object attrs = attributes.get(Integer.toString(id));
            spans.add(new Span(id, toInt(rows.get(i)), strings.get(toInt(rows.get(i + 1))),
                    strings.get(toInt(rows.get(i + 2))), toLong(rows.get(i + 3)), toLong(rows.get(i + 4)),
                    toLong(rows.get(i + 5)), toInt(rows.get(i + 6)),
                    attrs == null ? Map.of() : stringMap((Map<?, ?>) attrs)));
        }
        return spans;
    }

    private static void requireRows(List<Object> rows, int width, String what) {
        if (rows.size() % width != 0) {
            throw new IllegalArgumentException(what + " has " + rows.size()
                    + " numbers, not a multiple of " + width);
        }
    }

    private static Map<String, String> stringMap(Map<?, ?> map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put((String) k, (String) v));
        return result;
    }

    private static long toLong(Object o) {
        if (!(o instanceof Long l)) {
            throw new IllegalArgumentException("expected an integer, found " + o);
        }
        return l;
    }

    private static int toInt(Object o) {
        return Math.toIntExact(toLong(o));
    }

    /** Typed access to a parsed object's fields, with errors naming the missing field. */
    private record Fields(Map<?, ?> map) {
        Object get(String name) {
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException("session JSON lacks the field \"" + name + "\"");
            }
            return map.get(name);
        }

        long number(String name) {
            return toLong(get(name));
        }

        String string(String name) {
            Object value = get(name);
            if (!(value instanceof String s)) {
                throw new IllegalArgumentException("session JSON field \"" + name + "\" is not a string");
            }
            return s;
        }

        @SuppressWarnings("unchecked")
        List<Object> list(String name) {
            Object value = get(name);
            if (!(value instanceof List<?>)) {
                throw new IllegalArgumentException("session JSON field \"" + name + "\" is not an array");
            }
            return (List<Object>) value;
        }

        Map<?, ?> map(String name) {
            Object value = get(name);
            if (!(value instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("session JSON field \"" + name + "\" is not an object");
            }
            return m;
        }
    }

    /** Interns strings in first-seen order. */
    private static final class StringTable {
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int index(String s) {
            Integer index = indexes.get(s); // not computeIfAbsent: its lambda is an allocation per call under C1
            if (index == null) {
                index = values.size();
                values.add(s);
                indexes.put(s, index);
            }
            return index;
        }
    }
}
