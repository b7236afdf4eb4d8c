package dev.markata.plugins.load;

import dev.markata.content.Post;
import dev.markata.content.PostDate;
import dev.markata.profiler.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The posts of the last build by source file: a file whose {@link SourceStamp} is unchanged is
 * not read and parsed again. On a warm build of a big site, reading and parsing front matter
 * is most of the load stage (10,000 posts: about 1.6 s of CPU, most of it YAML).
 *
 * <p>One file (a shard of {@link LoadCacheShards}, under {@code .markata.cache/load/}), read
 * and decoded whole by the build thread that first needs it, and rewritten (atomically) when
 * the load stage ends if its posts changed. Each post's bytes carry a CRC32C, checked before
 * they are decoded: a changed byte makes that post a miss, never a different post. The file's
 * first record names the format and the parser's version: another version is no cache; a
 * truncated file or bytes that do not parse are refused with the reason (the caller warns),
 * never a failed build. Posts whose front matter holds a value this format cannot write (none
 * that YAML's safe loader makes) are simply not cached.
 */
final class LoadCache {

    /** Changes whenever loading a file could give another {@link Post}, or the format changes. */
    static final String VERSION = "markata-load-cache 8";

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

    /**
     * One post of this build, from the file or new. Its payload is encoded when its shard is
     * written, by the build thread that loaded the shard's last post ({@link LoadCacheShards}), not
     * kept from {@link #put} on: the shards of a cold build are all written near the end of
     * load, and 10,000 posts' payloads (~75 MB) kept until then outlived the stage's young
     * collections, which copied them into the old generation, where they stayed as garbage
     * (a build makes no full collection).
     */
    private record Entry(SourceStamp stamp, Post post, String contentDigest, boolean fromFile) {
    }

    /** A post as the file holds it, decoded. */
    private record Stored(SourceStamp stamp, Post post, String contentDigest) {
    }

    private final Map<String, Stored> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();

    private LoadCache(Map<String, Stored> previous) {
        this.previous = previous;
    }

    static LoadCache empty() {
        return new LoadCache(Map.of());
    }

    /**
     * The cache in {@code file}; empty when there is none. Every post is decoded here, on the
     * build thread that first needs the shard, and the file's bytes are dropped: kept until
     * the load stage ended, 90 MB of them at 10,000 posts outlived young collections, which
     * copied them (half of a warm build's load stage was such pauses). An entry whose checksum
     * or bytes are wrong is left out: that post is read again.
     *
     * @throws IOException when the file exists but cannot be read or is not a cache of this
     *                     version (the caller warns and goes on with an empty cache)
     */
    static LoadCache read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return empty();
        }
        Cursor in = new Cursor(bytes, 0, bytes.length);
        try {
            if (!VERSION.equals(in.string())) {
                return empty(); // another version's cache: not an error, just not ours
            }
            int count = in.count();
            Map<String, Stored> entries = new HashMap<>(Math.min(count, 1 << 20) * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                String document = in.string();
                SourceStamp stamp = new SourceStamp(in.int64(), in.int64(), in.int64(), in.int64());
                int length = in.count();
                int checksum = in.int32();
                int offset = in.skip(length);
                Stored stored = decode(bytes, offset, length, checksum, document, stamp);
                if (stored != null) {
                    entries.put(document, stored);
                }
            }
            if (in.remaining() != 0) {
                throw new IOException("bytes after the last entry");
            }
            return new LoadCache(entries);
        } catch (BufferUnderflowException e) {
            throw new IOException("the file is cut short", e);
        }
    }

    /** One entry's post, or null when its bytes are not what was written (a changed byte is a miss). */
    private static Stored decode(byte[] bytes, int offset, int length, int checksum, String document,
                                 SourceStamp stamp) {
        if (checksum(bytes, offset, length) != checksum) {
            return null;
        }
        try {
            Cursor in = new Cursor(bytes, offset, length);
            Post post = readPost(in, document);
            String digest = in.string();
            return in.remaining() == 0 ? new Stored(stamp, post, digest) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The post loaded from {@code document} last time, if its file is unchanged since; empty
     * also when its entry did not decode (the file was damaged: the post is read again).
     */
    Optional<Post> get(String document, SourceStamp stamp) {
        Stored stored = previous.get(document);
        if (stored == null || !stored.stamp().equals(stamp)) {
            return Optional.empty();
        }
        current.put(document, new Entry(stamp, stored.post(), stored.contentDigest(), true));
        return Optional.of(stored.post());
    }

    /** Remembers what {@code document} loaded as, for the next build. */
    void put(String document, SourceStamp stamp, Post post, String contentDigest) {
        if (isWritable(post.extra())) {
            current.put(document, new Entry(stamp, post, contentDigest, false));
        }
    }

    private static byte[] encode(Post post, String contentDigest) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(post.content().length() + 1024);
        try {
            DataOutputStream encoded = new DataOutputStream(buffer);
            writePost(encoded, post);
            writeString(encoded, contentDigest);
            encoded.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return buffer.toByteArray();
    }

    /** The digests of this build's posts' content, for {@link ContentDigests}. */
    Map<String, ContentDigests.Known> digests() {
        Map<String, ContentDigests.Known> digests = new HashMap<>();
        current.forEach((document, entry) -> digests.put(document,
                new ContentDigests.Known(entry.post().content(), entry.contentDigest())));
        return digests;
    }

    /** Whether this build's entries differ from the file's (a post changed, came or went). */
    boolean changed() {
        return current.size() != previous.size() || current.values().stream().anyMatch(e -> !e.fromFile());
    }

    /** Writes this build's entries (the posts got or put since {@link #read}) to {@code path}. */
    void write(Path path) throws IOException {
        AtomicFiles.write(path, (OutputStream stream) -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
            writeString(out, VERSION);
            List<Map.Entry<String, Entry>> entries = new ArrayList<>(current.entrySet());
            entries.sort(Map.Entry.comparingByKey());
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries) {
                Entry entry = e.getValue();
                writeString(out, e.getKey());
                SourceStamp stamp = entry.stamp();
                out.writeLong(stamp.size());
                out.writeLong(stamp.modifiedNanos());
                out.writeLong(stamp.changedNanos());
                out.writeLong(stamp.inode());
                byte[] payload = encode(entry.post(), entry.contentDigest());
                out.writeInt(payload.length);
                out.writeInt(checksum(payload, 0, payload.length));
                out.write(payload);
            }
            out.flush();
        });
    }

    private static void writePost(DataOutputStream out, Post post) throws IOException {
        writeString(out, post.slug());
        writeNullableString(out, post.title());
        writeDate(out, post.date());
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

    private static Post readPost(Cursor in, String document) throws IOException {
        String slug = in.string();
        String title = in.bool() ? in.string() : null;
        PostDate date = readDate(in);
        int tagCount = in.count();
        List<String> tags = new ArrayList<>(Math.min(tagCount, 1024));
        for (int i = 0; i < tagCount; i++) {
            tags.add(in.string());
        }
        boolean published = in.bool();
        String description = in.string();
        String template = in.string();
        String content = in.string();
        @SuppressWarnings("unchecked")
        Map<String, Object> extra = (Map<String, Object>) readValue(in);
        return new Post(document, slug, title, date, tags, published, description, template, content, extra,
                null, null);
    }

    /** No date; a day; a day and time without a zone; with a zone (its offset in seconds follows). */
    private static void writeDate(DataOutputStream out, PostDate date) throws IOException {
        if (date == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(!date.hasTime() ? 1 : date.offset() == null ? 2 : 3);
        out.writeLong(date.local().toEpochSecond(ZoneOffset.UTC));
        out.writeInt(date.local().getNano());
        if (date.offset() != null) {
            out.writeInt(date.offset().getTotalSeconds());
        }
    }

    private static PostDate readDate(Cursor in) throws IOException {
        int kind = in.unsignedByte();
        if (kind == 0) {
            return null;
        }
        if (kind > 3) {
            throw new IOException("a date of unknown kind " + kind);
        }
        try {
            LocalDateTime local = LocalDateTime.ofEpochSecond(in.int64(), in.int32(), ZoneOffset.UTC);
            ZoneOffset offset = kind == 3 ? ZoneOffset.ofTotalSeconds(in.int32()) : null;
            return new PostDate(local, offset, kind != 1);
        } catch (DateTimeException e) {
            throw new IOException("a date out of range (" + e.getMessage() + ")");
        }
    }

    /** CRC32C of a stored post: checked before the post is decoded. */
    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
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
            return ((Collection<?>) value).stream().allMatch(LoadCache::isWritable);
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
            Collection<?> items = (Collection<?>) value;
            out.writeByte(value instanceof List<?> ? LIST : SET);
            out.writeInt(items.size());
            for (Object item : items) {
                writeValue(out, item);
            }
        } else {
            throw new IllegalArgumentException("cannot cache a " + value.getClass().getName());
        }
    }

    private static Object readValue(Cursor in) throws IOException {
        int tag = in.unsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return in.string();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case INTEGER:
                return in.int32();
            case LONG:
                return in.int64();
            case DOUBLE:
                return Double.longBitsToDouble(in.int64());
            case BIG_INTEGER:
                return new BigInteger(in.string());
            case BYTES: {
                int length = in.count();
                return Arrays.copyOfRange(in.bytes, in.skip(length), in.position);
            }
            case MAP: {
                int size = in.count();
                Map<String, Object> map = new LinkedHashMap<>(Math.min(size, 1024) * 4 / 3 + 1);
                for (int i = 0; i < size; i++) {
                    map.put(in.string(), readValue(in));
                }
                return map;
            }
            case LIST:
            case SET: {
                int size = in.count();
                Collection<Object> items = tag == LIST ? new ArrayList<>(Math.min(size, 1024)) : new LinkedHashSet<>();
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

    /** UTF-8 with an int length: {@link DataOutputStream#writeUTF} stops at 64 KiB, posts do not. */
    /**
     * The UTF-8 bytes, after their length shifted left by one with the low bit set when they
     * are all ASCII. An ASCII string is read back as Latin-1, which is a plain copy: the UTF-8
     * decoder first scans every byte for a high bit, and under the C1 compiler that builds run
     * with the scan is a loop over each byte (most posts are ASCII; their text is most of a warm
     * build's reading).
     */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IOException("a text of " + bytes.length + " bytes is too long for the cache");
        }
        boolean ascii = bytes.length == text.length();
        out.writeInt(bytes.length << 1 | (ascii ? 1 : 0));
        out.write(bytes);
    }

    /** The longest string {@link #writeString} can write: its length needs one bit less than an int. */
    private static final int MAX_STRING_BYTES = Integer.MAX_VALUE >> 1;

    /**
     * Reads the file's big-endian numbers and length-prefixed UTF-8 strings straight from its
     * bytes (one copy per string); a read past the end throws {@link BufferUnderflowException}.
     */
    private static final class Cursor {
        final byte[] bytes;
        int position;
        private final int end;

        Cursor(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.position = offset;
            this.end = offset + length;
        }

        int remaining() {
            return end - position;
        }

        /** Skips {@code length} bytes; returns where they start. */
        int skip(int length) {
            if (length > remaining()) {
                throw new BufferUnderflowException();
            }
            int start = position;
            position += length;
            return start;
        }

        int unsignedByte() {
            return bytes[skip(1)] & 0xFF;
        }

        boolean bool() {
            return unsignedByte() != 0;
        }

        int int32() {
            int at = skip(4);
            return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                    | (bytes[at + 3] & 0xFF);
        }

        long int64() {
            return ((long) int32() << 32) | (int32() & 0xFFFFFFFFL);
        }

        /** A length or count, refused when negative (a damaged file). */
        int count() throws IOException {
            int count = int32();
            if (count < 0) {
                throw new IOException("a negative length (" + count + ")");
            }
            return count;
        }

        /** A string {@link #writeString} wrote. */
        String string() throws IOException {
            int lengthAndFlag = count();
            int length = lengthAndFlag >>> 1;
            boolean ascii = (lengthAndFlag & 1) != 0;
            return new String(bytes, skip(length), length,
                    ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
    }
}
