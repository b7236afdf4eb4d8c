package dev.markata.plugins.render_markdown;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * One pack file of the render cache ({@link RenderCache}) as read: its bytes, and where each
 * entry is in them. The file is a version line ({@value #VERSION}), the number of entries, then
 * each entry: its length and a CRC32C of it, then its key, the document it was rendered for
 * (lengths first, UTF-8) and the HTML (UTF-8, to the entry's end). The checksum covers the key
 * and the document too, so a changed byte makes the entry a miss, never another post's HTML; it
 * is checked when the entry is read ({@link #html}) or copied into a new pack, not when the file
 * is indexed: a build that needs one post's HTML does not check the other 150.
 */
final class RenderPack {

    /** Changes whenever the format does; a pack of another version is no cache, and no warning. */
    static final String VERSION = "markata-render-cache 2";
    private static final String FAMILY = "markata-render-cache ";
    /** The version line is short; a file without a newline this early is not a pack. */
    private static final int MAX_VERSION_LINE = 64;

    static final RenderPack NONE = new RenderPack(new byte[0], Map.of());

    /**
     * Where an entry's bytes are: from {@code offset}, {@code length} bytes, the HTML from
     * {@code html}; or, once {@link #decodedFor decoded}, its HTML ({@code decoded}), or that
     * its checksum did not match ({@code damaged}).
     */
    private record Entry(String document, int offset, int length, int checksum, int html, String decoded,
                         boolean damaged) {
    }

    /** An entry rendered in this build, written as it is. */
    record Fresh(String document, String html) {
    }

    /** A pack that cannot be read, or whose structure is damaged; the message says how. */
    static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged(String why) {
            super(why);
        }
    }

    private final byte[] bytes;
    private final Map<String, Entry> entries;

    private RenderPack(byte[] bytes, Map<String, Entry> entries) {
        this.bytes = bytes;
        this.entries = entries;
    }

    /**
     * The pack in {@code file}: {@link #NONE} when there is none or it is of another version.
     *
     * @throws IOException when it cannot be read or is damaged (cut short, not a pack): the
     *                     caller warns and renders its posts again
     */
    static RenderPack read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return NONE;
        }
        int newline = -1;
        for (int i = 0; i < Math.min(bytes.length, MAX_VERSION_LINE); i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        String version = newline < 0 ? "" : new String(bytes, 0, newline, StandardCharsets.ISO_8859_1);
        if (!version.startsWith(FAMILY)) {
            throw new Damaged("it does not start with \"" + FAMILY + "<version>\"");
        }
        if (!version.equals(VERSION)) {
            return NONE; // another version's pack: not damaged, just not ours
        }
        int at = newline + 1;
        int count = int32(bytes, at);
        at += 4;
        if (count < 0) {
            throw new Damaged("it says it holds " + count + " entries");
        }
        Map<String, Entry> entries = new LinkedHashMap<>(Math.min(count, 1 << 16) * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            int length = int32(bytes, at);
            int checksum = int32(bytes, at + 4);
            int offset = at + 8;
            if (length < 8 || length > bytes.length - offset) {
                throw new Damaged("it is cut short, or an entry's length is damaged");
            }
            at = offset + length;
            // lengths compared with what is left, not added: a damaged length near 2^31 would overflow
            int keyLength = int32(bytes, offset);
            if (keyLength < 0 || keyLength > at - offset - 8) {
                throw new Damaged("an entry's key is damaged");
            }
            int keyEnd = offset + 4 + keyLength;
            int documentLength = int32(bytes, keyEnd);
            if (documentLength < 0 || documentLength > at - keyEnd - 4) {
                throw new Damaged("an entry's document is damaged");
            }
            int documentEnd = keyEnd + 4 + documentLength;
            String key = new String(bytes, offset + 4, keyLength, StandardCharsets.UTF_8);
            String document = new String(bytes, keyEnd + 4, documentLength, StandardCharsets.UTF_8);
            entries.put(key, new Entry(document, offset, length, checksum, documentEnd, null, false));
        }
        if (at != bytes.length) {
            throw new Damaged("it has bytes after its last entry");
        }
        return new RenderPack(bytes, entries);
    }

    /**
     * This pack with the HTML of the entries of {@code documents} decoded now (checksums
     * checked) and their bytes dropped: the whole file's, when no other entry needs them. A
     * build that renders every post again (a template changed) looks up each pack's posts one
     * by one over the whole render stage: held as bytes until their last post was rendered,
     * the packs (~90 MB at 10,000 posts) outlived render's young collections and were copied to
     * the old generation (peak RSS +107 MB); decoded, they are the HTML the posts keep anyway.
     */
    RenderPack decodedFor(Predicate<String> documents) {
        Map<String, Entry> decoded = new LinkedHashMap<>(entries.size() * 4 / 3 + 1);
        boolean bytesNeeded = false;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            if (entry.decoded() == null && !entry.damaged() && documents.test(entry.document())) {
                boolean intact = intact(entry);
                decoded.put(e.getKey(), new Entry(entry.document(), 0, 0, 0, 0, intact ? text(entry) : null, !intact));
            } else {
                decoded.put(e.getKey(), entry);
                bytesNeeded |= entry.decoded() == null && !entry.damaged();
            }
        }
        return new RenderPack(bytesNeeded ? bytes : null, decoded);
    }

    /**
     * The HTML under {@code key}, or null when the pack has none.
     *
     * @throws Damaged when the entry's checksum does not match its bytes
     */
    String html(String key) throws Damaged {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.decoded() != null) {
            return entry.decoded();
        }
        if (entry.damaged() || !intact(entry)) {
            throw new Damaged("its checksum does not match its content");
        }
        return text(entry);
    }

    private String text(Entry entry) {
        return new String(bytes, entry.html(), entry.offset() + entry.length() - entry.html(), StandardCharsets.UTF_8);
    }

    /**
     * Writes a pack of this one's intact entries that {@code keep} accepts (by key and document),
     * copied as they are, then {@code fresh}'s, encoded.
     */
    void write(DataOutputStream out, KeepEntry keep, Map<String, Fresh> fresh) throws IOException {
        Map<String, Entry> kept = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            if (!fresh.containsKey(key) && keep.test(key, entry.document()) && !entry.damaged()
                    && (entry.decoded() != null || intact(entry))) {
                kept.put(key, entry);
            }
        });
        out.write((VERSION + "\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(kept.size() + fresh.size());
        for (Map.Entry<String, Entry> e : kept.entrySet()) {
            Entry entry = e.getValue();
            if (entry.decoded() != null) {
                write(out, e.getKey(), entry.document(), entry.decoded());
            } else {
                out.writeInt(entry.length());
                out.writeInt(entry.checksum());
                out.write(bytes, entry.offset(), entry.length());
            }
        }
        for (Map.Entry<String, Fresh> e : fresh.entrySet()) {
            write(out, e.getKey(), e.getValue().document(), e.getValue().html());
        }
    }

    /** One entry, encoded. */
    private static void write(DataOutputStream out, String keyText, String documentText, String htmlText)
            throws IOException {
        byte[] key = keyText.getBytes(StandardCharsets.UTF_8);
        byte[] document = documentText.getBytes(StandardCharsets.UTF_8);
        byte[] html = htmlText.getBytes(StandardCharsets.UTF_8);
        byte[] lengths = new byte[8];
        putInt32(lengths, 0, key.length);
        putInt32(lengths, 4, document.length);
        CRC32C crc = new CRC32C();
        crc.update(lengths, 0, 4);
        crc.update(key);
        crc.update(lengths, 4, 4);
        crc.update(document);
        crc.update(html);
        out.writeInt(8 + key.length + document.length + html.length);
        out.writeInt((int) crc.getValue());
        out.write(lengths, 0, 4);
        out.write(key);
        out.write(lengths, 4, 4);
        out.write(document);
        out.write(html);
    }

    /** Which entries of an earlier pack a new one keeps. */
    @FunctionalInterface
    interface KeepEntry {
        boolean test(String key, String document);
    }

    private boolean intact(Entry entry) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, entry.offset(), entry.length());
        return (int) crc.getValue() == entry.checksum();
    }

    private static int int32(byte[] bytes, int at) throws Damaged {
        if (at < 0 || at > bytes.length - 4) {
            throw new Damaged("it is cut short");
        }
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static void putInt32(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
