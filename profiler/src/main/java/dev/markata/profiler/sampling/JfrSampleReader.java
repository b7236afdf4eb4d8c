package dev.markata.profiler.sampling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the execution samples of a JFR recording written by async-profiler: the
 * {@code profiler.WallClockSample} and {@code jdk.ExecutionSample} events, with their threads and
 * stack traces, and nothing else.
 *
 * <p>Why not {@code jdk.jfr.consumer.RecordingFile}: at the end of a 10,000-post build (21,000
 * samples, 5,000 distinct stacks, 137,000 frames) only opening the recording with it and
 * iterating its events took 0.15-0.2 s in a fresh C1-only JVM: it resolves every constant of the
 * file into objects and makes an object per event, and every field read is a look-up by name.
 * This reader knows the few fields the sampler uses, keeps the constant pools as they are in the
 * file (numbers and strings per entry), and builds a stack trace, method or thread only when a
 * sample refers to it, once per chunk.
 *
 * <p>The format, as far as it is used here (JFR 2.x, one or more chunks one after another):
 * <ul>
 * <li>a 68-byte chunk header (big-endian): magic {@code FLR\0}, major and minor version, the
 * chunk's size, the offsets of its last constant-pool event and of its metadata event, its
 * start in epoch nanoseconds, its duration, its start in ticks, ticks per second, and a flag
 * byte at offset 67 whose bit 0 says integers are compressed;</li>
 * <li>then events: each is its size in bytes (itself included) and its type id, then its
 * fields. Integers ({@code char}, {@code short}, {@code int}, {@code long}) and sizes, counts
 * and references are unsigned LEB128 (7 bits a byte, low first, the 9th byte whole);
 * {@code boolean} and {@code byte} are one byte, {@code float} and {@code double} raw
 * big-endian; a string is an encoding byte (0 null, 1 empty, 2 a reference into the
 * {@code java.lang.String} pool, 3 UTF-8, 4 chars as integers, 5 Latin-1) and, for 3-5, a length
 * and the data; a field marked {@code constantPool} holds the key of an entry of its type's
 * pool; an array is a count and the elements; any other field is its type's fields inline;</li>
 * <li>event type 0 is the metadata: after its header (start, duration, id) a string table and a
 * tree of elements, each a name, attributes (name and value, as indexes into the table) and
 * children; the {@code class} elements under {@code metadata} give each type's id, name and
 * fields (name, type id, {@code constantPool}, {@code dimension}, annotations such as the unit
 * of a {@code Timestamp} or {@code Timespan});</li>
 * <li>event type 1 is a constant-pool (checkpoint) event: start, duration, the offset to the
 * previous one, a flush byte, a count of pools, and for each its type id, its entry count and the
 * entries (a key, then the type's fields).</li>
 * </ul>
 * Field layouts are taken from the metadata, never assumed, so a later version that adds
 * fields still reads. A chunk's events are read in one pass from its start to its end, constant
 * pools included wherever they are (the chain of offsets between them is not needed); where
 * each sample event starts is noted, and the samples are read when the pass is over:
 * async-profiler writes the pools at the chunk's end. Constants are per chunk; times are on the file's first chunk's base, as the JDK's
 * parser has them.
 *
 * <p>There is no fallback to the JDK's parser: all that async-profiler 4.x writes is read here,
 * and what this reader does not support (JFR 1.x, uncompressed integers: async-profiler writes
 * neither) is an IOException like any damage. The sampler no longer needs the {@code jdk.jfr}
 * module at all.
 *
 * <p>A truncated or corrupt file ends in an {@link IOException} that names the file and the
 * offset; every length and count read from the file is checked against the bytes left before
 * anything is allocated for it, so a bogus one cannot loop for long or exhaust memory.
 */
final class JfrSampleReader {

    static final String WALL_CLOCK_SAMPLE = "profiler.WallClockSample";
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    /**
     * One sample event. {@code startNanos} is epoch nanoseconds; {@code state} is null when the
     * event type has no state; {@code samples} is 1 and {@code timeSpanNanos} 0 when the event
     * type has no such field; {@code thread} and {@code stack} are null when the event names none
     * (or one its chunk does not hold). Within a chunk, one thread or stack constant is one object.
     */
    record Sample(String eventType, long startNanos, JavaThread thread, Stack stack, String state, int samples,
                  long timeSpanNanos) {
    }

    /**
     * A sampled thread: its Java id (-1 for a thread that is not a Java thread: async-profiler
     * writes 0, and the JDK's parser says -1 since JDK 21), its OS id (-1 for a virtual thread),
     * and its Java name (null when it has none).
     */
    record JavaThread(long javaThreadId, long osThreadId, String javaName) {
    }

    /** A stack trace, leaf first; {@code truncated} when the stack was deeper than recorded. */
    record Stack(List<StackFrame> frames, boolean truncated) {
    }

    /**
     * A frame: its method (null when the pool lacks it), line number (-1 when the frame type has
     * no line) and frame type ("Interpreted", "JIT compiled", "Inlined", "Native", "C++",
     * "Kernel"...).
     */
    record StackFrame(Method method, int line, String type) {
    }

    /**
     * A method: its class name with dots (null when the method has no class), its name and its
     * descriptor. One object per method constant of a chunk.
     */
    record Method(String className, String name, String descriptor) {
    }

    private static final int HEADER_SIZE = 68;
    private static final int MAX_NESTING = 64;
    private static final int CHECKPOINT = 1;
    private static final int METADATA = 0;

    // kinds of field values
    private static final int BYTE = 1;      // boolean and byte: one raw byte
    private static final int VARINT = 2;    // char, short, int, long
    private static final int FLOAT = 3;
    private static final int DOUBLE = 4;
    private static final int STRING = 5;
    private static final int STRUCT = 6;

    private final Path file;
    /** The bytes being read: the chunk's (read from a file), or the whole recording (in memory). */
    private byte[] bytes;
    /** The file offset of {@code bytes[0]}, for messages. */
    private long base;
    private boolean timeBaseSet;
    /**
     * The time base of the file: its first chunk's start in nanoseconds and in ticks, and its
     * ticks per second. The ticks of one recording are one clock, so all chunks are converted
     * with the first one's base, as the JDK's parser does (a base per chunk would re-anchor the
     * clock at every chunk, a seam of a few hundred nanoseconds each time).
     */
    private long baseNanos;
    private long baseTicks;
    private long ticksPerSecond;
    private int pos;
    /** The end of what may be read now: the chunk's or the event's end. */
    private int limit;

    private JfrSampleReader(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /**
     * Reads {@code file} and hands its samples to {@code sink}, in file order. One chunk is in
     * memory at a time (async-profiler starts a new chunk when one grows large or old: its
     * {@code chunksize} and {@code chunktime} options).
     */
    static void read(Path file, Consumer<Sample> sink) throws IOException {
        JfrSampleReader reader = new JfrSampleReader(file, new byte[0]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw reader.corrupt(0, "empty file, no JFR chunk");
            }
            long at = 0;
            while (at < size) {
                long left = size - at;
                byte[] header = readFully(channel, at, (int) Math.min(HEADER_SIZE, left));
                long chunkSize = header.length == HEADER_SIZE ? ByteBuffer.wrap(header, 8, 8).getLong() : -1;
                reader.base = at;
                if (chunkSize < HEADER_SIZE || chunkSize > left || chunkSize > Integer.MAX_VALUE - 16) {
                    reader.bytes = header; // the header alone: reading it says what is wrong, with the offset
                } else {
                    reader.bytes = readFully(channel, at, (int) chunkSize);
                }
                at += reader.new Chunk(0).read(sink);
            }
        }
    }

    private static byte[] readFully(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                break; // the file shrank: what was read is checked like a truncated file
            }
        }
        return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Reads samples from a recording already in memory ({@code name} is used in messages). */
    static void read(Path name, byte[] bytes, Consumer<Sample> sink) throws IOException {
        new JfrSampleReader(name, bytes).readChunks(sink);
    }

    private void readChunks(Consumer<Sample> sink) throws IOException {
        if (bytes.length == 0) {
            throw corrupt(0, "empty file, no JFR chunk");
        }
        int start = 0;
        while (start < bytes.length) {
            start += new Chunk(start).read(sink);
        }
    }

    // ---------------------------------------------------------------- one chunk

    /** A chunk's metadata, pools and samples; constants are per chunk in JFR. */
    private final class Chunk {
        private final int start;
        private int end;
        private final JfrLongMap<Type> types = new JfrLongMap<>();
        private final JfrLongMap<JfrLongMap<Object>> pools = new JfrLongMap<>();
        private final List<SampleType> sampleTypes = new ArrayList<>();
        private final JfrLongMap<SampleType> sampleTypeById = new JfrLongMap<>();
        private long stringTypeId = -1;
        /**
         * Where the chunk's sample events start: they are read when the pass is over and the
         * constants are known (4 bytes a sample held, not the sample).
         */
        private int[] samplesAt = new int[256];
        private int sampleCount;

        Chunk(int start) {
            this.start = start;
        }

        int read(Consumer<Sample> sink) throws IOException {
            readHeader();
            int eventStart = start + HEADER_SIZE;
            pos = eventStart;
            limit = end;
            while (pos < end) {
                readEvent(); // a method per event, not a long loop body: C1 compiles it soon
            }
            deliver(sink);
            return end - start;
        }

        private void readEvent() throws IOException {
            int at = pos;
            long size = varlong();
            if (size <= 0 || size > end - at) {
                throw corrupt(at, "event size " + size + " does not fit the chunk (ends at " + end + ")");
            }
            int eventEnd = at + (int) size;
            limit = eventEnd;
            long typeId = varlong();
            if (typeId == CHECKPOINT) {
                readCheckpoint();
            } else if (typeId != METADATA) {
                if (sampleTypeById.get(typeId) != null) {
                    if (sampleCount == samplesAt.length) {
                        samplesAt = Arrays.copyOf(samplesAt, sampleCount * 2);
                    }
                    samplesAt[sampleCount++] = at;
                }
            }
            pos = eventEnd; // unknown events, and fields a sample type has beyond ours, are skipped
            limit = end;
        }

        private void readHeader() throws IOException {
            if (bytes.length - start < HEADER_SIZE) {
                throw corrupt(start, "truncated chunk header (" + (bytes.length - start) + " of " + HEADER_SIZE + " bytes)");
            }
            if (bytes[start] != 'F' || bytes[start + 1] != 'L' || bytes[start + 2] != 'R' || bytes[start + 3] != 0) {
                throw corrupt(start, "not a JFR chunk (no FLR magic)");
            }
            int major = rawShort(start + 4);
            int minor = rawShort(start + 6);
            if (major != 2) {
                throw corrupt(start + 4, "unsupported JFR version " + major + "." + minor + " (2.x is read)");
            }
            long size = rawLong(start + 8);
            if (size < HEADER_SIZE || size > bytes.length - start) {
                throw corrupt(start + 8, "chunk size " + size + " does not fit the file (" + (bytes.length - start)
                        + " bytes from the chunk's start): truncated or unfinished");
            }
            end = start + (int) size;
            long metadataOffset = rawLong(start + 24);
            long chunkTicksPerSecond = rawLong(start + 56);
            if (chunkTicksPerSecond <= 0) {
                throw corrupt(start + 56, "ticks per second " + chunkTicksPerSecond);
            }
            if (!timeBaseSet) {
                timeBaseSet = true;
                baseNanos = rawLong(start + 32);
                baseTicks = rawLong(start + 48);
                ticksPerSecond = chunkTicksPerSecond;
            }
            if ((bytes[start + 67] & 1) == 0) {
                throw corrupt(start + 67, "uncompressed integers are not supported");
            }
            if (metadataOffset < HEADER_SIZE || metadataOffset >= size) {
                throw corrupt(start + 24, "metadata offset " + metadataOffset + " outside the chunk");
            }
            readMetadata(start + (int) metadataOffset);
        }

        // ------------------------------------------------------------ metadata

        private void readMetadata(int at) throws IOException {
            pos = at;
            limit = end;
            long size = varlong();
            if (size <= 0 || size > end - at) {
                throw corrupt(at, "metadata event size " + size + " does not fit the chunk");
            }
            limit = at + (int) size;
            long typeId = varlong();
            if (typeId != METADATA) {
                throw corrupt(at, "expected the metadata event (type 0), found type " + typeId);
            }
            varlong(); // start
            varlong(); // duration
            varlong(); // metadata id
            int count = count();
            String[] strings = new String[count];
            for (int i = 0; i < count; i++) {
                Object s = readString();
                strings[i] = s instanceof String text ? text : null;
            }
            Element root = readElement(strings, 0);
            Map<String, Long> idsByName = new HashMap<>();
            List<Element> classes = new ArrayList<>();
            for (Element metadata : root.children("metadata")) {
                for (Element type : metadata.children("class")) {
                    classes.add(type);
                    Type t = new Type(longAttribute(type, "id", at), type.attribute("name"));
                    types.put(t.id, t);
                    if (t.name != null) {
                        idsByName.put(t.name, t.id);
                    }
                }
            }
            Long timestampId = idsByName.get("jdk.jfr.Timestamp");
            Long timespanId = idsByName.get("jdk.jfr.Timespan");
            for (Element element : classes) {
                Type type = types.get(longAttribute(element, "id", at));
                List<Field> fields = new ArrayList<>();
                for (Element f : element.children("field")) {
                    long fieldType = longAttribute(f, "class", at);
                    Type resolvedType = types.get(fieldType);
                    if (resolvedType == null) {
                        throw corrupt(at, "field " + type.name + "." + f.attribute("name") + " has unknown type id "
                                + fieldType);
                    }
                    int dimension = f.attribute("dimension") == null ? 0 : (int) longAttribute(f, "dimension", at);
                    if (dimension < 0 || dimension > 1) {
                        throw corrupt(at, "field " + type.name + "." + f.attribute("name") + " has dimension " + dimension);
                    }
                    String unit = null;
                    for (Element annotation : f.children("annotation")) {
                        String annotationClass = annotation.attribute("class");
                        if (annotationClass != null && (sameId(annotationClass, timestampId)
                                || sameId(annotationClass, timespanId))) {
                            unit = annotation.attribute("value");
                        }
                    }
                    fields.add(new Field(f.attribute("name"), resolvedType, "true".equals(f.attribute("constantPool")),
                            dimension, unit));
                }
                type.fields = fields.toArray(new Field[0]);
            }
            List<Type> all = types.values();
            for (Type type : all) {
                type.kind = kindOf(type);
                type.empty = type.kind == STRUCT;
            }
            for (boolean changed = true; changed; ) { // at most one pass per type: empty only turns false
                changed = false;
                for (Type type : all) {
                    if (type.empty) {
                        for (Field f : type.fields) {
                            if (f.dimension != 0 || f.constantPool || !f.type.empty) {
                                type.empty = false;
                                changed = true;
                                break;
                            }
                        }
                    }
                }
            }
            for (Type type : all) {
                if ("java.lang.String".equals(type.name)) {
                    stringTypeId = type.id;
                }
                if (WALL_CLOCK_SAMPLE.equals(type.name) || EXECUTION_SAMPLE.equals(type.name)) {
                    SampleType sampleType = new SampleType(type, sampleTypes.size());
                    sampleTypes.add(sampleType);
                    sampleTypeById.put(type.id, sampleType);
                }
            }
        }

        private long longAttribute(Element element, String key, int at) throws IOException {
            String value = element.attribute(key);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw corrupt(at, "metadata element " + element.name + " has " + key + "=" + value);
            }
        }

        private boolean sameId(String attribute, Long id) {
            return id != null && attribute.equals(Long.toString(id));
        }

        private Element readElement(String[] strings, int depth) throws IOException {
            if (depth > MAX_NESTING) {
                throw corrupt(pos, "metadata elements nest deeper than " + MAX_NESTING);
            }
            String name = string(strings);
            String[] attributes = new String[2 * count()];
            for (int i = 0; i < attributes.length; i++) {
                attributes[i] = string(strings);
            }
            Element[] children = new Element[count()];
            for (int i = 0; i < children.length; i++) {
                children[i] = readElement(strings, depth + 1);
            }
            return new Element(name, attributes, children);
        }

        private String string(String[] strings) throws IOException {
            int at = pos;
            long index = varlong();
            if (index < 0 || index >= strings.length) {
                throw corrupt(at, "metadata string index " + index + " out of " + strings.length);
            }
            return strings[(int) index];
        }

        // ------------------------------------------------------------ constant pools

        private void readCheckpoint() throws IOException {
            varlong(); // start
            varlong(); // duration
            varlong(); // offset to the previous checkpoint: every event is read in order anyway
            byte1(); // flush
            int poolCount = count();
            for (int i = 0; i < poolCount; i++) {
                int at = pos;
                long typeId = varlong();
                Type type = types.get(typeId);
                if (type == null) {
                    throw corrupt(at, "constant pool of unknown type id " + typeId);
                }
                int entries = count();
                JfrLongMap<Object> pool = pools.get(typeId);
                if (pool == null) {
                    pool = new JfrLongMap<>(entries);
                    pools.put(typeId, pool);
                }
                Field only = type.fields.length == 1 ? type.fields[0] : null;
                int form;
                if (type.kind == STRING) { // the java.lang.String pool: key and string
                    form = TEXT;
                } else if (type.kind != STRUCT) { // a pool of numbers: never seen, but readable
                    form = NUMBER;
                } else if (only != null && only.dimension == 0 && !only.constantPool && only.type.kind == STRING) {
                    form = TEXT; // symbols, thread states, frame types: just the string
                } else if (only != null && only.dimension == 0 && only.constantPool) {
                    form = REFERENCE; // a type that wraps a reference: kept as the reference
                } else {
                    form = ENTRY;
                }
                for (int j = 0; j < entries; j++) {
                    readConstant(type, form, pool); // a method per entry: C1 compiles it soon
                }
            }
        }

        private static final int TEXT = 0;
        private static final int NUMBER = 1;
        private static final int REFERENCE = 2;
        private static final int ENTRY = 3;

        private void readConstant(Type type, int form, JfrLongMap<Object> pool) throws IOException {
            long key = varlong();
            Object value;
            switch (form) {
                case TEXT -> {
                    value = readString();
                    if (value == null) {
                        value = NULL;
                    }
                }
                case NUMBER -> value = scalarOfKind(type.kind);
                case REFERENCE -> value = new Ref(type.fields[0].type.id, varlong());
                default -> value = readEntry(type, 0);
            }
            pool.put(key, value);
        }

        /** A pool entry: its scalar and reference fields as numbers, strings, and flat arrays. */
        private Entry readEntry(Type type, int depth) throws IOException {
            if (depth > MAX_NESTING) {
                throw corrupt(pos, "type " + type.name + " nests deeper than " + MAX_NESTING);
            }
            Field[] fields = type.fields;
            long[] scalars = new long[fields.length];
            Object[] objects = null;
            for (int i = 0; i < fields.length; i++) {
                Field f = fields[i];
                if (f.dimension == 0) {
                    if (f.scalar) {
                        scalars[i] = scalar(f);
                    } else if (f.type.kind == STRING) {
                        if (objects == null) {
                            objects = new Object[fields.length];
                        }
                        objects[i] = readString();
                    } else {
                        skipValue(f, depth + 1);
                    }
                } else if (f.scalar || f.type.flat) {
                    if (objects == null) {
                        objects = new Object[fields.length];
                    }
                    objects[i] = readFlatArray(f);
                } else {
                    skipValue(f, depth + 1);
                }
            }
            return new Entry(scalars, objects);
        }

        /** An array of scalars, or of structs of scalars (stack frames), as numbers in a row. */
        private long[] readFlatArray(Field f) throws IOException {
            int count = count();
            if (f.scalar) {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = scalarOfKind(f.constantPool ? VARINT : f.type.kind);
                }
                return values;
            }
            Field[] fields = f.type.fields;
            int stride = fields.length;
            if ((long) count * stride > limit - pos) { // every field takes a byte at least
                throw corrupt(pos, "array of " + count + " " + f.type.name + " does not fit the event");
            }
            long[] values = new long[count * stride];
            if (f.type.varints) { // stack frames: references and ints, each a varint
                for (int k = 0; k < values.length; k++) {
                    values[k] = varlong();
                }
                return values;
            }
            int k = 0;
            for (int i = 0; i < count; i++) {
                for (Field field : fields) {
                    values[k++] = scalar(field);
                }
            }
            return values;
        }

        // ------------------------------------------------------------ samples

        private void readSample(SampleType type) throws IOException {
            Field[] fields = type.type.fields;
            long[] values = type.values;
            if (type.type.varints) { // as async-profiler writes them: ticks, references, ints
                for (int i = 0; i < values.length; i++) {
                    values[i] = varlong();
                }
                return;
            }
            for (int i = 0; i < fields.length; i++) {
                Field f = fields[i];
                if (f.dimension == 0 && f.scalar) {
                    values[i] = scalar(f);
                } else {
                    skipValue(f, 1);
                }
            }
        }

        private void deliver(Consumer<Sample> sink) throws IOException {
            for (int i = 0; i < sampleCount; i++) {
                sink.accept(sample(samplesAt[i])); // a method per sample: C1 compiles it soon
            }
        }

        /** The sample event at {@code at}, read again now that the constants are known. */
        private Sample sample(int at) throws IOException {
            pos = at;
            limit = end;
            long size = varlong();
            limit = at + (int) size; // checked in the first pass
            SampleType type = sampleTypeById.get(varlong());
            readSample(type);
            long[] v = type.values;
            long startTime = type.startTime < 0 ? baseNanos : timestamp(v[type.startTime], type.startTimeUnit);
            JavaThread thread = type.thread < 0 ? null : thread(type.threadType, v[type.thread]);
            Stack stack = type.stack < 0 ? null : stack(type.stackType, v[type.stack]);
            String state = type.state < 0 ? null : text(type.stateType, v[type.state], 0);
            int samples = type.samples < 0 ? 1 : (int) v[type.samples];
            long timeSpan = type.timeSpan < 0 ? 0 : timespan(v[type.timeSpan], type.timeSpanUnit);
            return new Sample(type.type.name, startTime, thread, stack, state, samples, timeSpan);
        }

        /**
         * Ticks to epoch nanoseconds as the JDK's parser does it for ticks per second a multiple of
         * 10^9 (async-profiler writes nanoseconds: 10^9 ticks a second); other rates exactly.
         */
        private long timestamp(long value, String unit) {
            if (unit == null || unit.equals("TICKS")) {
                return baseNanos + ticksToNanos(value - baseTicks);
            }
            if (unit.equals("MILLISECONDS_SINCE_EPOCH")) {
                return value * 1_000_000L;
            }
            return value;
        }

        private long timespan(long value, String unit) {
            if (unit == null || unit.equals("TICKS")) {
                return ticksToNanos(value);
            }
            return switch (unit) {
                case "MICROSECONDS" -> value * 1_000L;
                case "MILLISECONDS" -> value * 1_000_000L;
                case "SECONDS" -> value * 1_000_000_000L;
                default -> value; // NANOSECONDS
            };
        }

        private long ticksToNanos(long ticks) {
            if (ticksPerSecond == 1_000_000_000L) {
                return ticks;
            }
            if (ticksPerSecond % 1_000_000_000L == 0) {
                return ticks / (ticksPerSecond / 1_000_000_000L);
            }
            return (long) (ticks * (1e9 / ticksPerSecond));
        }

        // ------------------------------------------------------------ resolving constants

        /** Reads one pool entry of a type into a value, or null when it holds none. */
        @FunctionalInterface
        private interface EntryReader<T> {
            T read(Chunk chunk, Type type, Entry entry) throws IOException;
        }

        /**
         * The value of constant {@code key} of {@code type}, read from its pool entry once and
         * then kept in the type's resolved map ({@link #NULL} for an entry that holds none, or
         * is absent). {@code reader} is an unbound method reference: asked for every sample's
         * thread and stack, this allocates nothing.
         */
        private <T> T resolved(Type type, long key, Class<T> kind, EntryReader<T> reader) throws IOException {
            JfrLongMap<Object> done = type.resolved;
            Object known = done.get(key);
            if (known != null) {
                return kind.isInstance(known) ? kind.cast(known) : null; // NULL: none
            }
            T value = poolValue(type, key) instanceof Entry entry ? reader.read(this, type, entry) : null;
            done.put(key, value == null ? NULL : value);
            return value;
        }

        private JavaThread thread(Type type, long key) throws IOException {
            return resolved(type, key, JavaThread.class, Chunk::readThread);
        }

        private JavaThread readThread(Type type, Entry entry) throws IOException {
            long javaId = longField(type, entry, "javaThreadId", -1);
            boolean virtual = longField(type, entry, "virtual", 0) != 0;
            // as the JDK's parser (21+) says them: no Java thread is -1, a virtual thread has no OS id
            return new JavaThread(javaId == 0 ? -1 : javaId, virtual ? -1 : longField(type, entry, "osThreadId", -1),
                    textField(type, entry, "javaName"));
        }

        private Stack stack(Type type, long key) throws IOException {
            return resolved(type, key, Stack.class, Chunk::readStack);
        }

        private Stack readStack(Type type, Entry entry) throws IOException {
            boolean truncated = longField(type, entry, "truncated", 0) != 0;
            int framesIndex = type.index("frames");
            List<StackFrame> frames = List.of();
            if (framesIndex >= 0 && entry.objects != null && entry.objects[framesIndex] instanceof long[] flat
                    && type.fields[framesIndex].type.kind == STRUCT) {
                frames = frames(type.fields[framesIndex].type, flat);
            }
            return new Stack(frames, truncated);
        }

        private List<StackFrame> frames(Type frameType, long[] flat) throws IOException {
            int stride = frameType.fields.length;
            int method = frameType.index("method");
            int line = frameType.index("lineNumber");
            int kind = frameType.index("type");
            Type methodType = method < 0 ? null : frameType.fields[method].type;
            Type kindType = kind < 0 ? null : frameType.fields[kind].type;
            // looked up once per stack, not per frame: frames are the bulk of the work
            JfrLongMap<Object> methods = methodType == null ? null : methodType.resolved;
            JfrLongMap<Object> kinds = kindType == null ? null : pools.get(kindType.id);
            StackFrame[] frames = new StackFrame[stride == 0 ? 0 : flat.length / stride];
            for (int i = 0, k = 0; i < frames.length; i++, k += stride) {
                Method m = null;
                if (methods != null) {
                    Object known = methods.get(flat[k + method]);
                    m = known instanceof Method resolved ? resolved : known == NULL ? null : method(methodType, flat[k + method]);
                }
                String type = null;
                if (kinds != null) {
                    Object value = kinds.get(flat[k + kind]);
                    type = value instanceof String text ? text : text(value, 0);
                }
                frames[i] = new StackFrame(m, line < 0 ? -1 : (int) flat[k + line], type);
            }
            return Arrays.asList(frames);
        }

        private Method method(Type type, long key) throws IOException {
            return resolved(type, key, Method.class, Chunk::readMethod);
        }

        private Method readMethod(Type type, Entry entry) throws IOException {
            int classIndex = type.index("type");
            String className = null;
            if (classIndex >= 0) {
                Type classType = type.fields[classIndex].type;
                if (poolValue(classType, entry.scalars[classIndex]) instanceof Entry classEntry) {
                    String name = textField(classType, classEntry, "name");
                    className = name == null ? null : name.replace('/', '.');
                }
            }
            return new Method(className, textField(type, entry, "name"), textField(type, entry, "descriptor"));
        }

        private Object poolValue(Type type, long key) {
            JfrLongMap<Object> pool = pools.get(type.id);
            return pool == null ? null : pool.get(key);
        }

        private long longField(Type type, Entry entry, String name, long absent) {
            int index = type.index(name);
            return index < 0 || !type.fields[index].scalar ? absent : entry.scalars[index];
        }

        /** A string field of an entry: inline, or a reference to a pool of strings (symbols). */
        private String textField(Type type, Entry entry, String name) throws IOException {
            int index = type.index(name);
            if (index < 0) {
                return null;
            }
            Field f = type.fields[index];
            if (f.dimension != 0) {
                return null;
            }
            if (f.constantPool) {
                return text(f.type, entry.scalars[index], 0);
            }
            return entry.objects == null ? null : text(entry.objects[index], 0);
        }

        /** The string a constant stands for: a symbol, a thread state, a frame type... */
        private String text(Type type, long key, int depth) throws IOException {
            return text(poolValue(type, key), depth);
        }

        private String text(Object value, int depth) throws IOException {
            if (depth > MAX_NESTING) {
                throw corrupt(end, "string constants refer to each other in a loop");
            }
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof StringRef ref) {
                Type strings = types.get(stringTypeId);
                return strings == null ? null : text(strings, ref.key, depth + 1);
            }
            if (value instanceof Ref ref) {
                Type target = types.get(ref.typeId);
                return target == null ? null : text(target, ref.key, depth + 1);
            }
            return null; // NULL, absent, or not a string
        }
    }

    /** What the reader needs of a sample event type: where its fields are. */
    private static final class SampleType {
        final Type type;
        final int index;
        final long[] values;
        final int startTime;
        final int thread;
        final int stack;
        final int state;
        final int samples;
        final int timeSpan;
        final String startTimeUnit;
        final String timeSpanUnit;
        final Type threadType;
        final Type stackType;
        final Type stateType;

        SampleType(Type type, int index) {
            this.type = type;
            this.index = index;
            this.values = new long[type.fields.length];
            startTime = scalarIndex(type, "startTime", false);
            thread = scalarIndex(type, "sampledThread", true);
            stack = scalarIndex(type, "stackTrace", true);
            state = scalarIndex(type, "state", true);
            samples = scalarIndex(type, "samples", false);
            timeSpan = scalarIndex(type, "timeSpan", false);
            startTimeUnit = startTime < 0 ? null : type.fields[startTime].unit;
            timeSpanUnit = timeSpan < 0 ? null : type.fields[timeSpan].unit;
            threadType = thread < 0 ? null : type.fields[thread].type;
            stackType = stack < 0 ? null : type.fields[stack].type;
            stateType = state < 0 ? null : type.fields[state].type;
        }

        private static int scalarIndex(Type type, String name, boolean reference) {
            int index = type.index(name);
            if (index < 0) {
                return -1;
            }
            Field f = type.fields[index];
            boolean fits = f.dimension == 0 && (reference ? f.constantPool : f.scalar);
            return fits ? index : -1;
        }
    }

    // ---------------------------------------------------------------- metadata model

    private static final class Type {
        final long id;
        final String name;
        Field[] fields = new Field[0];
        int kind;
        /** The constants of this type made into records so far, by key (types are per chunk too). */
        final JfrLongMap<Object> resolved = new JfrLongMap<>();
        /** A struct whose fields are all numbers or references (a stack frame): read as a row. */
        boolean flat;
        /** A struct whose fields are all varints (integers and references): read without a switch. */
        boolean varints;
        /**
         * A struct that takes no bytes (no fields, or only such structs inline). Skipping every
         * other value reads a byte at least, so the work of skipping is bounded by the bytes.
         */
        boolean empty;

        Type(long id, String name) {
            this.id = id;
            this.name = name;
        }

        int index(String fieldName) {
            for (int i = 0; i < fields.length; i++) {
                if (fieldName.equals(fields[i].name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static int kindOf(Type type) {
        String name = type.name == null ? "" : type.name;
        int kind = switch (name) {
            case "boolean", "byte" -> BYTE;
            case "char", "short", "int", "long" -> VARINT;
            case "float" -> FLOAT;
            case "double" -> DOUBLE;
            case "java.lang.String" -> STRING;
            default -> STRUCT;
        };
        if (kind == STRUCT) {
            boolean flat = true;
            for (Field f : type.fields) {
                flat &= f.dimension == 0 && (f.constantPool || isPrimitive(f.type.name));
            }
            type.flat = flat && type.fields.length > 0;
            boolean varints = true;
            for (Field f : type.fields) {
                varints &= f.dimension == 0 && (f.constantPool || f.type.name != null && VARINT_NAMES.contains(f.type.name));
            }
            type.varints = varints && type.fields.length > 0;
        }
        return kind;
    }

    private static final Set<String> VARINT_NAMES = Set.of("char", "short", "int", "long");

    private static boolean isPrimitive(String name) {
        return name != null && switch (name) {
            case "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
            default -> false;
        };
    }

    private static final class Field {
        final String name;
        final Type type;
        final boolean constantPool;
        final int dimension;
        /** The unit of a Timestamp or Timespan annotation, else null. */
        final String unit;
        /** Read as one number: a reference or a primitive. */
        final boolean scalar;

        Field(String name, Type type, boolean constantPool, int dimension, String unit) {
            this.name = name;
            this.type = type;
            this.constantPool = constantPool;
            this.dimension = dimension;
            this.unit = unit;
            this.scalar = constantPool || isPrimitive(type.name);
        }
    }

    /**
     * A metadata element: name, attributes (name and value in turn) and children. Arrays, not
     * maps: the metadata is read once per chunk, by code the JIT has not compiled yet.
     */
    private record Element(String name, String[] attributes, Element[] children) {

        String attribute(String key) {
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                if (key.equals(attributes[i])) {
                    return attributes[i + 1];
                }
            }
            return null;
        }

        List<Element> children(String childName) {
            List<Element> found = new ArrayList<>();
            for (Element child : children) {
                if (childName.equals(child.name)) {
                    found.add(child);
                }
            }
            return found;
        }
    }

    /** A pool entry: numbers per field, and strings or arrays where the field holds one. */
    private record Entry(long[] scalars, Object[] objects) {
    }

    /** A string given as a reference into the {@code java.lang.String} pool. */
    private record StringRef(long key) {
    }

    /** A constant whose type wraps one reference: the entry it refers to. */
    private record Ref(long typeId, long key) {
    }

    /** Stands for null in the maps, which hold no nulls. */
    private static final Object NULL = new Object();

    // ---------------------------------------------------------------- reading values

    private long scalar(Field f) throws IOException {
        return scalarOfKind(f.constantPool ? VARINT : f.type.kind);
    }

    private long scalarOfKind(int kind) throws IOException {
        switch (kind) {
            case VARINT:
                return varlong();
            case BYTE:
                return byte1();
            case FLOAT:
                require(4);
                pos += 4;
                return rawInt(pos - 4);
            case DOUBLE:
                require(8);
                pos += 8;
                return rawLong(pos - 8);
            default:
                throw corrupt(pos, "not a number field");
        }
    }

    private void skipValue(Field f, int depth) throws IOException {
        if (depth > MAX_NESTING) {
            throw corrupt(pos, "type " + f.type.name + " nests deeper than " + MAX_NESTING);
        }
        int count = f.dimension == 0 ? 1 : count();
        if (!f.constantPool && f.type.empty) {
            return; // a struct of no bytes: nothing to skip, however many (no walk of its tree)
        }
        for (int i = 0; i < count; i++) {
            if (f.constantPool) {
                varlong();
            } else if (f.type.kind == STRING) {
                skipString();
            } else if (f.type.kind == STRUCT) {
                for (Field field : f.type.fields) {
                    skipValue(field, depth + 1);
                }
            } else {
                scalarOfKind(f.type.kind);
            }
        }
    }

    /** A string: a String, a {@link StringRef}, or null. */
    private Object readString() throws IOException {
        int at = pos;
        int encoding = byte1();
        switch (encoding) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                return new StringRef(varlong());
            case 3: {
                int length = length();
                String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
                pos += length;
                return s;
            }
            case 4: {
                int length = length();
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    chars[i] = (char) varlong();
                }
                return new String(chars);
            }
            case 5: {
                int length = length();
                String s = new String(bytes, pos, length, StandardCharsets.ISO_8859_1);
                pos += length;
                return s;
            }
            default:
                throw corrupt(at, "unknown string encoding " + encoding);
        }
    }

    private void skipString() throws IOException {
        int at = pos;
        int encoding = byte1();
        switch (encoding) {
            case 0, 1 -> {
            }
            case 2 -> varlong();
            case 3, 5 -> {
                int length = length(); // not "pos += length()": that adds to pos as it was before the length
                pos += length;
            }
            case 4 -> {
                int length = length();
                for (int i = 0; i < length; i++) {
                    varlong();
                }
            }
            default -> throw corrupt(at, "unknown string encoding " + encoding);
        }
    }

    /** A length of bytes (or of items of a byte at least) that must fit before the limit. */
    private int length() throws IOException {
        int at = pos;
        long length = varlong();
        if (length < 0 || length > limit - pos) {
            throw corrupt(at, "length " + length + " runs past the end of the event (" + (limit - pos) + " bytes left)");
        }
        return (int) length;
    }

    /** A count of items; bounded by the bytes left, as every item but an empty struct takes one. */
    private int count() throws IOException {
        return length();
    }

    private long varlong() throws IOException {
        byte[] b = bytes;
        int p = pos;
        if (limit - p >= 9) { // the usual case: no bound check per byte
            long value = 0;
            for (int shift = 0; shift < 56; shift += 7) {
                byte next = b[p++];
                value |= (next & 0x7FL) << shift;
                if (next >= 0) {
                    pos = p;
                    return value;
                }
            }
            pos = p + 1;
            return value | ((b[p] & 0xFFL) << 56);
        }
        long value = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            if (p >= limit) {
                throw corrupt(p, "number runs past the end of the event");
            }
            byte next = b[p++];
            value |= (next & 0x7FL) << shift;
            if (next >= 0) {
                pos = p;
                return value;
            }
        }
        if (p >= limit) {
            throw corrupt(p, "number runs past the end of the event");
        }
        pos = p + 1;
        return value | ((b[p] & 0xFFL) << 56);
    }

    private int byte1() throws IOException {
        require(1);
        return bytes[pos++];
    }

    private void require(int n) throws IOException {
        if (limit - pos < n) {
            throw corrupt(pos, n + " bytes needed, " + (limit - pos) + " left in the event");
        }
    }

    private int rawShort(int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private int rawInt(int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private long rawLong(int at) {
        return ((long) rawInt(at) << 32) | (rawInt(at + 4) & 0xFFFFFFFFL);
    }

    private IOException corrupt(int offset, String what) {
        return new IOException("corrupt or truncated JFR file " + file + " at offset " + (base + offset) + ": " + what);
    }
}
