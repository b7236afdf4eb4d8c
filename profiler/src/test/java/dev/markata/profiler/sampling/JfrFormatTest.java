package dev.markata.profiler.sampling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files no recorder here writes, made byte by byte after the format: what a later
 * async-profiler might write (a new field before the known ones, a new event type, a struct
 * inline), every string encoding, a rate of ticks other than nanoseconds, and metadata built to
 * make a naive reader walk forever. Real recordings are compared with the JDK's parser in
 * {@link JfrSampleReaderTest}.
 */
class JfrFormatTest {

    @TempDir
    Path dir;

    // type ids
    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int STRING = 3;
    private static final int BOOLEAN = 4;
    private static final int DOUBLE = 5;
    private static final int THREAD = 10;
    private static final int SYMBOL = 11;
    private static final int CLASS = 12;
    private static final int METHOD = 13;
    private static final int FRAME_TYPE = 14;
    private static final int FRAME = 15;
    private static final int STACK = 16;
    private static final int STATE = 17;
    private static final int WALL = 20;
    private static final int UNKNOWN_EVENT = 21;
    private static final int TIMESPAN = 30;
    private static final int TIMESTAMP = 31;
    /** T0..T59: each holds two of the next inline, T59 holds nothing: 2^60 values of no bytes. */
    private static final int NESTED = 100;
    private static final int NESTING = 60;

    private static final long START_NANOS = 1_700_000_000_000_000_000L;
    private static final long START_TICKS = 5_000_000L;
    private static final long TICKS_PER_SECOND = 2_000_000_000L;

    @Test
    @Timeout(10)
    void aLaterLayoutWithMoreFieldsAndEventsIsReadFromItsMetadata() throws IOException {
        List<JfrSampleReader.Sample> samples = read(chunk(true));
        assertThat(samples).hasSize(2);
        JfrSampleReader.Sample first = samples.get(0);
        assertThat(first.eventType()).isEqualTo(JfrSampleReader.WALL_CLOCK_SAMPLE);
        assertThat(first.startNanos()).isEqualTo(START_NANOS + 1_000); // 2,000 ticks at 2 GHz
        assertThat(first.thread()).isEqualTo(new JfrSampleReader.JavaThread(7, 4242, "worker-\u00e9"));
        assertThat(first.state()).isEqualTo("STATE_SLEEPING");
        assertThat(first.samples()).isEqualTo(3);
        assertThat(first.timeSpanNanos()).isEqualTo(1_500_000); // in nanoseconds by its annotation
        assertThat(first.stack().truncated()).isTrue();
        assertThat(first.stack().frames()).containsExactly(
                new JfrSampleReader.StackFrame(new JfrSampleReader.Method("com.example.Leaf$Inner", "run\u00fc", "()V"),
                        12, "JIT compiled"),
                new JfrSampleReader.StackFrame(new JfrSampleReader.Method("com.example.Root", "main", null), 3,
                        "Interpreted"));
        JfrSampleReader.Sample second = samples.get(1);
        assertThat(second.thread()).isSameAs(first.thread());
        assertThat(second.stack()).isSameAs(first.stack());
        assertThat(second.startNanos()).isEqualTo(START_NANOS + 2_000);
        assertThat(second.state()).isEqualTo("");
        assertThat(second.samples()).isEqualTo(1);
    }

    @Test
    void constantsMayComeBeforeTheSamplesAndChunksFollowEachOther() throws IOException {
        byte[] before = chunk(false);
        byte[] after = chunk(true);
        byte[] both = new byte[before.length + after.length];
        System.arraycopy(before, 0, both, 0, before.length);
        System.arraycopy(after, 0, both, before.length, after.length);
        List<JfrSampleReader.Sample> samples = read(both);
        assertThat(samples).hasSize(4);
        assertThat(samples.subList(0, 2)).isEqualTo(read(after));
        assertThat(samples.subList(2, 4)).isEqualTo(read(after));
        assertThat(samples.get(2).stack()).isNotSameAs(samples.get(0).stack()); // constants are per chunk
    }

    @Test
    void aLengthLargerThanTheFileIsAnIOExceptionNotAnAllocation() throws IOException {
        Path file = dir.resolve("huge.jfr");
        byte[] bytes = chunk(true, 1L << 62);
        int metadata = (int) ByteBuffer.wrap(bytes, 24, 8).getLong();
        int count = metadata + 4 + 1 + varlong(START_TICKS).length + 1 + 1; // after size, type, start, duration, id
        assertThatThrownBy(() -> JfrSampleReader.read(file, bytes, sample -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("offset " + count).hasMessageContaining("length " + (1L << 62));
    }

    private List<JfrSampleReader.Sample> read(byte[] bytes) throws IOException {
        List<JfrSampleReader.Sample> samples = new ArrayList<>();
        JfrSampleReader.read(dir.resolve("made.jfr"), bytes, samples::add);
        return samples;
    }

    // ------------------------------------------------------------------ writing a chunk

    /** One chunk: samples, an unknown event, constants (after the samples or before them). */
    private static byte[] chunk(boolean constantsLast) {
        return chunk(constantsLast, -1);
    }

    /** {@code stringCount}: the metadata's count of strings, if not -1 (a damaged file). */
    private static byte[] chunk(boolean constantsLast, long stringCount) {
        Out body = new Out();
        int metadataAt = 68 + body.size();
        body.bytes(event(metadata(stringCount)));
        int checkpointAt = 0;
        if (!constantsLast) {
            checkpointAt = 68 + body.size();
            body.bytes(event(constants()));
        }
        body.bytes(event(sample(2_000, "new field", 3, 3_000_000 / 2, 1)));
        body.bytes(event(unknownEvent()));
        body.bytes(event(sample(4_000, null, 1, 0, 2)));
        if (constantsLast) {
            checkpointAt = 68 + body.size();
            body.bytes(event(constants()));
        }
        byte[] events = body.toByteArray();
        ByteBuffer header = ByteBuffer.allocate(68);
        header.put(new byte[] {'F', 'L', 'R', 0}).putShort((short) 2).putShort((short) 1)
                .putLong(68 + events.length).putLong(checkpointAt).putLong(metadataAt)
                .putLong(START_NANOS).putLong(1_000_000).putLong(START_TICKS).putLong(TICKS_PER_SECOND)
                .putInt(1); // compressed integers
        Out chunk = new Out();
        chunk.bytes(header.array());
        chunk.bytes(events);
        return chunk.toByteArray();
    }

    /** An event: its size (4 bytes, padded, as async-profiler writes it), then the body. */
    private static byte[] event(Out body) {
        byte[] content = body.toByteArray();
        int size = content.length + 4;
        Out event = new Out();
        event.raw((size & 0x7F) | 0x80).raw(((size >>> 7) & 0x7F) | 0x80).raw(((size >>> 14) & 0x7F) | 0x80)
                .raw((size >>> 21) & 0x7F);
        event.bytes(content);
        return event.toByteArray();
    }

    private static Out sample(long ticksAfterStart, String extra, int samples, long timeSpan, int state) {
        Out e = new Out();
        e.varlong(WALL).varlong(START_TICKS + ticksAfterStart);
        e.utf8(extra);             // extra: a field no reader of today knows, before the known ones
        e.varlong(99);             // sampledThread (key 99)
        e.varlong(1L << 40);       // stackTrace: a sparse key
        e.varlong(state);          // state
        e.varlong(samples);
        e.varlong(timeSpan);       // timeSpan, in nanoseconds by its annotation
        e.raw(0x3F).raw(0xF0).raw(0).raw(0).raw(0).raw(0).raw(0).raw(0); // weight: a double, 1.0
        // nested: T0 inline, 2^60 values of no bytes: nothing written
        return e;
    }

    private static Out unknownEvent() {
        Out e = new Out();
        e.varlong(UNKNOWN_EVENT).varlong(START_TICKS + 3_000).utf8("skipped by its size").varlong(123456789);
        return e;
    }

    private static Out constants() {
        Out e = new Out();
        e.varlong(1).varlong(START_TICKS).varlong(0).varlong(0).raw(1);
        e.varlong(8); // pools
        e.varlong(STRING).varlong(1).varlong(5).utf8("()V");
        e.varlong(SYMBOL).varlong(5)
                .varlong(1).utf8("com/example/Leaf$Inner")
                .varlong(2).latin1("run\u00fc")
                .varlong(3).chars("com/example/Root")
                .varlong(4).stringRef(5)
                .varlong(5).utf8("main");
        e.varlong(CLASS).varlong(2).varlong(1).varlong(1).varlong(1).varlong(2).varlong(3).varlong(1);
        e.varlong(METHOD).varlong(2)
                .varlong(1).varlong(1).varlong(2).varlong(4).varlong(1).raw(0)
                .varlong(2).varlong(2).varlong(5).varlong(6).varlong(0x0B).raw(1); // descriptor: no symbol 6
        e.varlong(FRAME_TYPE).varlong(2).varlong(0).utf8("Interpreted").varlong(1).utf8("JIT compiled");
        e.varlong(STATE).varlong(2).varlong(1).utf8("STATE_SLEEPING").varlong(2).empty();
        e.varlong(THREAD).varlong(1).varlong(99).nul().varlong(4242).chars("worker-\u00e9").varlong(7).raw(0);
        e.varlong(STACK).varlong(1).varlong(1L << 40).raw(1).varlong(2)
                .varlong(1).varlong(12).varlong(40).varlong(1)
                .varlong(2).varlong(3).varlong(0).varlong(0);
        return e;
    }

    private static Out metadata(long stringCount) {
        List<String> strings = new ArrayList<>();
        Element classes = new Element("metadata");
        classes.add(type(LONG, "long")).add(type(INT, "int")).add(type(STRING, "java.lang.String"))
                .add(type(BOOLEAN, "boolean")).add(type(DOUBLE, "double"))
                .add(type(TIMESPAN, "jdk.jfr.Timespan")).add(type(TIMESTAMP, "jdk.jfr.Timestamp"))
                .add(type(THREAD, "java.lang.Thread").add(field("osName", STRING, false))
                        .add(field("osThreadId", LONG, false)).add(field("javaName", STRING, false))
                        .add(field("javaThreadId", LONG, false)).add(field("virtual", BOOLEAN, false)))
                .add(type(SYMBOL, "jdk.types.Symbol").add(field("string", STRING, false)))
                .add(type(CLASS, "java.lang.Class").add(field("name", SYMBOL, true)).add(field("modifiers", INT, false)))
                .add(type(METHOD, "jdk.types.Method").add(field("type", CLASS, true)).add(field("name", SYMBOL, true))
                        .add(field("descriptor", SYMBOL, true)).add(field("modifiers", INT, false))
                        .add(field("hidden", BOOLEAN, false)))
                .add(type(FRAME_TYPE, "jdk.types.FrameType").add(field("description", STRING, false)))
                .add(type(FRAME, "jdk.types.StackFrame").add(field("method", METHOD, true))
                        .add(field("lineNumber", INT, false)).add(field("bytecodeIndex", INT, false))
                        .add(field("type", FRAME_TYPE, true)))
                .add(type(STACK, "jdk.types.StackTrace").add(field("truncated", BOOLEAN, false))
                        .add(field("frames", FRAME, false).attr("dimension", "1")))
                .add(type(STATE, "jdk.types.ThreadState").add(field("name", STRING, false)))
                .add(type(WALL, "profiler.WallClockSample")
                        .add(field("startTime", LONG, false).add(annotation(TIMESTAMP, "TICKS")))
                        .add(field("extra", STRING, false))
                        .add(field("sampledThread", THREAD, true)).add(field("stackTrace", STACK, true))
                        .add(field("state", STATE, true)).add(field("samples", INT, false))
                        .add(field("timeSpan", LONG, false).add(annotation(TIMESPAN, "NANOSECONDS")))
                        .add(field("weight", DOUBLE, false))
                        .add(field("nested", NESTED, false)))
                .add(type(UNKNOWN_EVENT, "profiler.SomethingNew").add(field("startTime", LONG, false))
                        .add(field("text", STRING, false)).add(field("number", LONG, false)));
        for (int i = 0; i < NESTING; i++) {
            Element nested = type(NESTED + i, "T" + i);
            if (i + 1 < NESTING) {
                nested.add(field("a", NESTED + i + 1, false)).add(field("b", NESTED + i + 1, false));
            }
            classes.add(nested);
        }
        Element root = new Element("root").add(classes).add(new Element("region").attr("locale", "en_US"));
        Out tree = new Out();
        root.write(tree, strings);
        Out e = new Out();
        e.varlong(0).varlong(START_TICKS).varlong(0).varlong(1);
        e.varlong(stringCount >= 0 ? stringCount : strings.size());
        for (String s : strings) {
            e.utf8(s);
        }
        e.bytes(tree.toByteArray());
        return e;
    }

    private static Element type(int id, String name) {
        return new Element("class").attr("id", Integer.toString(id)).attr("name", name);
    }

    private static Element field(String name, int type, boolean constantPool) {
        Element field = new Element("field").attr("name", name).attr("class", Integer.toString(type));
        return constantPool ? field.attr("constantPool", "true") : field;
    }

    private static Element annotation(int type, String value) {
        return new Element("annotation").attr("class", Integer.toString(type)).attr("value", value);
    }

    /** A metadata element as it is written: name, attributes and children, strings as indexes. */
    private static final class Element {
        final String name;
        final List<String[]> attributes = new ArrayList<>();
        final List<Element> children = new ArrayList<>();

        Element(String name) {
            this.name = name;
        }

        Element attr(String key, String value) {
            attributes.add(new String[] {key, value});
            return this;
        }

        Element add(Element child) {
            children.add(child);
            return this;
        }

        void write(Out out, List<String> strings) {
            out.varlong(index(strings, name)).varlong(attributes.size());
            for (String[] attribute : attributes) {
                out.varlong(index(strings, attribute[0])).varlong(index(strings, attribute[1]));
            }
            out.varlong(children.size());
            for (Element child : children) {
                child.write(out, strings);
            }
        }

        private static int index(List<String> strings, String s) {
            int index = strings.indexOf(s);
            if (index < 0) {
                strings.add(s);
                index = strings.size() - 1;
            }
            return index;
        }
    }

    private static byte[] varlong(long value) {
        Out out = new Out();
        out.varlong(value);
        return out.toByteArray();
    }

    /** Bytes in JFR's encodings. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out raw(int b) {
            bytes.write(b);
            return this;
        }

        Out bytes(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }

        Out varlong(long value) {
            for (int i = 0; i < 8; i++) {
                if ((value & ~0x7FL) == 0) {
                    return raw((int) value);
                }
                raw((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            return raw((int) value);
        }

        Out nul() {
            return raw(0);
        }

        Out empty() {
            return raw(1);
        }

        Out stringRef(long key) {
            return raw(2).varlong(key);
        }

        Out utf8(String s) {
            if (s == null) {
                return nul();
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return raw(3).varlong(b.length).bytes(b);
        }

        Out chars(String s) {
            raw(4).varlong(s.length());
            s.chars().forEach(this::varlong);
            return this;
        }

        Out latin1(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            return raw(5).varlong(b.length).bytes(b);
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
