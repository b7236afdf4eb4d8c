package dev.markata.plugins.load;

import dev.markata.content.Post;
import dev.markata.profiler.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The posts of the last build by source file: a file whose {@link SourceStamp} is unchanged is
 * not read and parsed again. On a warm build of a big site, reading and parsing front matter
 * is most of the load stage (10,000 posts: about 1.6 s of CPU, most of it YAML).
 *
 * <p>One file, {@code .markata.cache/load.bin}, read once when the load stage starts and
 * rewritten (atomically) when it ends if anything changed. Its first record names the format
 * and the parser's version: any other version, a truncated file or bytes that do not parse are
 * the same as no cache (the caller warns), never a failed build. Posts whose front matter holds
 * a value this format cannot write (none that YAML's safe loader makes) are simply not cached.
 */
final class LoadCache {

    /** Changes whenever loading a file could give another {@link Post}, or the format changes. */
    static final String VERSION = "markata-load-cache 2";

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int INTEGER = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int BIG_INTEGER = 7;
    private static final int LIST = 8;
    private static final int MAP = 9;
    private static final int SET = 10;
    private static final int BYTES = 11;

    private record Entry(SourceStamp stamp, Post post, String contentDigest) {
    }

    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();

    private LoadCache(Map<String, Entry> previous) {
        this.previous = previous;
    }

    static LoadCache empty() {
        return new LoadCache(Map.of());
    }

    /**
     * The cache in {@code file}; empty when there is none.
     *
     * @throws IOException when the file exists but cannot be read or is not a cache of this
     *                     version (the caller warns and goes on with an empty cache)
     */
    static LoadCache read(Path file) throws IOException {
        InputStream stream;
        try {
            stream = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16))) {
            String version = readString(in);
            if (!VERSION.equals(version)) {
                return empty(); // another version's cache: not an error, just not ours
            }
            int count = in.readInt();
            Map<String, Entry> entries = new LinkedHashMap<>(Math.min(count, 1 << 20) * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                String document = readString(in);
                SourceStamp stamp = new SourceStamp(in.readLong(), in.readLong(), in.readLong(), in.readLong());
                Post post = readPost(in, document);
                entries.put(document, new Entry(stamp, post, readString(in)));
            }
            if (in.read() != -1) {
                throw new IOException("bytes after the last entry");
            }
            return new LoadCache(entries);
        } catch (EOFException e) {
            throw new IOException("the file is cut short", e);
        } catch (RuntimeException e) {
            throw new IOException("the file does not parse (" + e + ")", e);
        }
    }

    /** The post loaded from {@code document} last time, if its file is unchanged since. */
    Optional<Post> get(String document, SourceStamp stamp) {
        Entry entry = previous.get(document);
        if (entry == null || !entry.stamp().equals(stamp)) {
            return Optional.empty();
        }
        current.put(document, entry);
        return Optional.of(entry.post());
    }

    /** Remembers what {@code document} loaded as, for the next build. */
    void put(String document, SourceStamp stamp, Post post, String contentDigest) {
        if (isWritable(post.extra())) {
            current.put(document, new Entry(stamp, post, contentDigest));
        }
    }

    /** The digests of this build's posts' content, for {@link ContentDigests}. */
    Map<String, ContentDigests.Known> digests() {
        Map<String, ContentDigests.Known> digests = new java.util.HashMap<>();
        current.forEach((document, entry) -> digests.put(document,
                new ContentDigests.Known(entry.post().content(), entry.contentDigest())));
        return digests;
    }

    /** Whether this build's entries differ from the file's (a post changed, came or went). */
    boolean changed() {
        if (current.size() != previous.size()) {
            return true;
        }
        for (Map.Entry<String, Entry> e : current.entrySet()) {
            if (previous.get(e.getKey()) != e.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** Writes this build's entries (the posts got or put since {@link #read}) to {@code file}. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = AtomicFiles.temporarySibling(file);
        try {
            try (OutputStream stream = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
                writeString(out, VERSION);
                List<Map.Entry<String, Entry>> entries = new ArrayList<>(current.entrySet());
                entries.sort(Map.Entry.comparingByKey());
                out.writeInt(entries.size());
                for (Map.Entry<String, Entry> e : entries) {
                    writeString(out, e.getKey());
                    SourceStamp stamp = e.getValue().stamp();
                    out.writeLong(stamp.size());
                    out.writeLong(stamp.modifiedNanos());
                    out.writeLong(stamp.changedNanos());
                    out.writeLong(stamp.inode());
                    writePost(out, e.getValue().post());
                    writeString(out, e.getValue().contentDigest());
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writePost(DataOutputStream out, Post post) throws IOException {
        writeString(out, post.slug());
        writeNullableString(out, post.title());
        out.writeLong(post.date() == null ? Long.MIN_VALUE : post.date().toEpochDay());
        out.writeInt(post.tags().size());
        for (String tag : post.tags()) {
            writeString(out, tag);
        }
        out.writeBoolean(post.published());
        writeString(out, post.description());
        writeString(out, post.template());
        writeString(out, post.content());
        writeValue(out, post.extra());
    }

    private static Post readPost(DataInputStream in, String document) throws IOException {
        String slug = readString(in);
        String title = readNullableString(in);
        long epochDay = in.readLong();
        LocalDate date = epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay);
        int tagCount = in.readInt();
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(readString(in));
        }
        boolean published = in.readBoolean();
        String description = readString(in);
        String template = readString(in);
        String content = readString(in);
        @SuppressWarnings("unchecked")
        Map<String, Object> extra = (Map<String, Object>) readValue(in);
        return new Post(document, slug, title, date, tags, published, description, template, content, extra,
                null, null);
    }

    /** Whether every value is one {@link #writeValue} can write. */
    private static boolean isWritable(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof BigInteger
                || value instanceof byte[]) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && isWritable(e.getValue()));
        }
        if (value instanceof List<?> || value instanceof Set<?>) {
            return ((java.util.Collection<?>) value).stream().allMatch(LoadCache::isWritable);
        }
        return false;
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof BigInteger big) {
            out.writeByte(BIG_INTEGER);
            writeString(out, big.toString());
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeString(out, (String) e.getKey());
                writeValue(out, e.getValue());
            }
        } else if (value instanceof List<?> || value instanceof Set<?>) {
            java.util.Collection<?> items = (java.util.Collection<?>) value;
            out.writeByte(value instanceof List<?> ? LIST : SET);
            out.writeInt(items.size());
            for (Object item : items) {
                writeValue(out, item);
            }
        } else {
            throw new IllegalArgumentException("cannot cache a " + value.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case INTEGER:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BIG_INTEGER:
                return new BigInteger(readString(in));
            case BYTES:
                return readExactly(in, count(in));
            case MAP: {
                int size = count(in);
                Map<String, Object> map = new LinkedHashMap<>(Math.min(size, 1024) * 4 / 3 + 1);
                for (int i = 0; i < size; i++) {
                    map.put(readString(in), readValue(in));
                }
                return map;
            }
            case LIST:
            case SET: {
                int size = count(in);
                java.util.Collection<Object> items = tag == LIST ? new ArrayList<>(Math.min(size, 1024)) : new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    items.add(readValue(in));
                }
                return items;
            }
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    private static void writeNullableString(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            writeString(out, text);
        }
    }

    private static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    /** UTF-8 with an int length: {@link DataOutputStream#writeUTF} stops at 64 KiB, posts do not. */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readExactly(in, count(in)), StandardCharsets.UTF_8);
    }

    /** Reads {@code length} bytes; a file that ends first is cut short. */
    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length); // grows as bytes arrive: a damaged length cannot allocate 2 GB
        if (bytes.length != length) {
            throw new EOFException();
        }
        return bytes;
    }

    /** A length or count read from the file, refused when negative (a damaged file). */
    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a negative length (" + count + ")");
        }
        return count;
    }
}
