package dev.markata.plugins.covers;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TrueType font made in the test: every printable ASCII character but the space is a solid
 * box (400 x 700 units of 1000, advance 500), so a test knows which pixels text covers and
 * depends on no font installed on the machine (the JDK ships none, and CI's set is not ours to
 * count on). Only the tables a TrueType font needs: cmap (format 4), glyf, head, hhea, hmtx,
 * loca, maxp, name, post.
 */
final class BoxFont {

    private static final int FIRST = 0x20;
    private static final int LAST = 0x7e;
    /** .notdef, then one glyph per character from the space to '~'. */
    private static final int GLYPHS = 1 + LAST - FIRST + 1;
    static final int UNITS = 1000;
    static final int ADVANCE = 500;
    static final int BOX_LEFT = 50;
    static final int BOX_TOP = 700;

    private BoxFont() {
    }

    /** Writes the font to {@code file} and returns it. */
    static Path write(Path file) {
        return write(file, ADVANCE);
    }

    /**
     * Writes a font of the same name whose characters are {@code advance} units wide (the box
     * {@code advance - 100} wide, 50 units from each side): another version of the Box font, as
     * an author replaces a font file with another release of the same family.
     */
    static Path write(Path file, int advance) {
        try {
            Files.write(file, bytes(advance));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(int advance) throws IOException {
        int boxRight = advance - BOX_LEFT;
        Map<String, byte[]> tables = new LinkedHashMap<>(); // in tag order, as the directory must be
        ByteArrayOutputStream glyf = new ByteArrayOutputStream();
        int[] loca = new int[GLYPHS + 1];
        for (int glyph = 0; glyph < GLYPHS; glyph++) {
            loca[glyph] = glyf.size();
            boolean box = glyph >= 2; // .notdef and the space are empty
            if (box) {
                glyf.write(boxGlyph(boxRight));
            }
        }
        loca[GLYPHS] = glyf.size();
        tables.put("cmap", cmap());
        tables.put("glyf", glyf.toByteArray());
        tables.put("head", head(boxRight));
        tables.put("hhea", hhea(advance, boxRight));
        tables.put("hmtx", table(out -> {
            for (int glyph = 0; glyph < GLYPHS; glyph++) {
                out.writeShort(advance);
                out.writeShort(glyph >= 2 ? BOX_LEFT : 0);
            }
        }));
        tables.put("loca", table(out -> {
            for (int offset : loca) {
                out.writeInt(offset);
            }
        }));
        tables.put("maxp", table(out -> {
            out.writeInt(0x00010000);
            out.writeShort(GLYPHS);
            out.writeShort(4); // points
            out.writeShort(1); // contours
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(2); // zones
            for (int i = 0; i < 8; i++) {
                out.writeShort(0);
            }
        }));
        tables.put("name", name());
        tables.put("post", table(out -> {
            out.writeInt(0x00030000);
            out.writeInt(0); // italic angle
            out.writeShort(-100);
            out.writeShort(50);
            for (int i = 0; i < 5; i++) {
                out.writeInt(0);
            }
        }));
        return font(tables);
    }

    /** One contour, clockwise: (50,0) (50,700) (right,700) (right,0). */
    private static byte[] boxGlyph(int boxRight) throws IOException {
        return table(out -> {
            out.writeShort(1);
            out.writeShort(BOX_LEFT);
            out.writeShort(0);
            out.writeShort(boxRight);
            out.writeShort(BOX_TOP);
            out.writeShort(3); // the last point of the contour
            out.writeShort(0); // no instructions
            for (int i = 0; i < 4; i++) {
                out.writeByte(0x01); // on the curve, x and y as 16-bit deltas
            }
            for (int dx : new int[] {BOX_LEFT, 0, boxRight - BOX_LEFT, 0}) {
                out.writeShort(dx);
            }
            for (int dy : new int[] {0, BOX_TOP, 0, -BOX_TOP}) {
                out.writeShort(dy);
            }
            out.writeShort(0); // padding to four bytes
        });
    }

    private static byte[] cmap() throws IOException {
        return table(out -> {
            out.writeShort(0);
            out.writeShort(1);
            out.writeShort(3); // Windows
            out.writeShort(1); // Unicode BMP
            out.writeInt(12);
            out.writeShort(4); // format 4, two segments: the characters, and the end marker
            out.writeShort(32);
            out.writeShort(0);
            out.writeShort(4);
            out.writeShort(4);
            out.writeShort(1);
            out.writeShort(0);
            out.writeShort(LAST);
            out.writeShort(0xffff);
            out.writeShort(0);
            out.writeShort(FIRST);
            out.writeShort(0xffff);
            out.writeShort(1 - FIRST); // the space is glyph 1
            out.writeShort(1);
            out.writeShort(0);
            out.writeShort(0);
        });
    }

    private static byte[] head(int boxRight) throws IOException {
        return table(out -> {
            out.writeInt(0x00010000);
            out.writeInt(0x00010000);
            out.writeInt(0); // checksum adjustment: not checked by Java or FreeType
            out.writeInt(0x5f0f3cf5);
            out.writeShort(0x000b);
            out.writeShort(UNITS);
            out.writeLong(0);
            out.writeLong(0);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(boxRight);
            out.writeShort(BOX_TOP);
            out.writeShort(0); // mac style
            out.writeShort(8);
            out.writeShort(2);
            out.writeShort(1); // long loca offsets
            out.writeShort(0);
        });
    }

    private static byte[] hhea(int advance, int boxRight) throws IOException {
        return table(out -> {
            out.writeInt(0x00010000);
            out.writeShort(800); // ascender
            out.writeShort(-200); // descender
            out.writeShort(0);
            out.writeShort(advance);
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(boxRight);
            out.writeShort(1);
            out.writeShort(0);
            out.writeShort(0);
            for (int i = 0; i < 4; i++) {
                out.writeShort(0);
            }
            out.writeShort(0);
            out.writeShort(GLYPHS);
        });
    }

    private static byte[] name() throws IOException {
        String[] names = {"Box Font", "Regular", "Box Font Regular", "BoxFont-Regular"};
        int[] ids = {1, 2, 4, 6};
        return table(out -> {
            out.writeShort(0);
            out.writeShort(names.length);
            out.writeShort(6 + 12 * names.length);
            int offset = 0;
            for (int i = 0; i < names.length; i++) {
                int length = names[i].getBytes(StandardCharsets.UTF_16BE).length;
                out.writeShort(3);
                out.writeShort(1);
                out.writeShort(0x409);
                out.writeShort(ids[i]);
                out.writeShort(length);
                out.writeShort(offset);
                offset += length;
            }
            for (String name : names) {
                out.write(name.getBytes(StandardCharsets.UTF_16BE));
            }
        });
    }

    /** The font file: the table directory, then each table on a four-byte boundary. */
    private static byte[] font(Map<String, byte[]> tables) throws IOException {
        return table(out -> {
            int count = tables.size();
            int power = Integer.highestOneBit(count);
            out.writeInt(0x00010000);
            out.writeShort(count);
            out.writeShort(power * 16);
            out.writeShort(Integer.numberOfTrailingZeros(power));
            out.writeShort(count * 16 - power * 16);
            int offset = 12 + 16 * count;
            for (Map.Entry<String, byte[]> table : tables.entrySet()) {
                out.write(table.getKey().getBytes(StandardCharsets.US_ASCII));
                out.writeInt(checksum(table.getValue()));
                out.writeInt(offset);
                out.writeInt(table.getValue().length);
                offset += padded(table.getValue().length);
            }
            for (byte[] table : tables.values()) {
                out.write(table);
                out.write(new byte[padded(table.length) - table.length]);
            }
        });
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static int checksum(byte[] table) {
        int sum = 0;
        for (int i = 0; i < table.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = word << 8 | (i + j < table.length ? table[i + j] & 0xff : 0);
            }
            sum += word;
        }
        return sum;
    }

    private interface Writing {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] table(Writing writing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writing.write(out);
        }
        return bytes.toByteArray();
    }
}
