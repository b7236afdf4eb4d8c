package dev.markata.plugins.icon_resize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Windows icon files ({@code .ico}), which the JDK neither reads nor writes. An ICO is a
 * directory of images, each a PNG file or a headerless BMP ("DIB") followed by a 1-bit
 * transparency mask. Written here with PNG images (what browsers and Windows Vista on read, and
 * what Pillow writes); read with PNG images or 1, 4, 8, 24 and 32-bit DIBs.
 */
final class IcoFiles {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private IcoFiles() {
    }

    /** One image of an ICO: its size and its PNG file. */
    record Frame(int width, int height, byte[] png) {
    }

    /** The ICO file holding {@code frames} in order (each at most 256 pixels a side). */
    static byte[] write(List<Frame> frames) {
        int offset = 6 + 16 * frames.size();
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) frames.size());
        for (Frame frame : frames) {
            header.put((byte) (frame.width() >= 256 ? 0 : frame.width())) // 0 means 256
                    .put((byte) (frame.height() >= 256 ? 0 : frame.height()))
                    .put((byte) 0) // no palette
                    .put((byte) 0)
                    .putShort((short) 1) // colour planes
                    .putShort((short) 32) // bits per pixel
                    .putInt(frame.png().length)
                    .putInt(offset);
            offset += frame.png().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(offset);
        out.writeBytes(header.array());
        frames.forEach(frame -> out.writeBytes(frame.png()));
        return out.toByteArray();
    }

    /** Whether {@code bytes} start as an ICO file does. */
    static boolean isIco(byte[] bytes) {
        return bytes.length >= 6 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && bytes[3] == 0
                && (bytes[4] != 0 || bytes[5] != 0);
    }

    /** An entry of the directory: where its image is, and its size as the directory states it. */
    private record Entry(int width, int height, int bits, int offset, int length) {
    }

    /**
     * The largest image of the ICO (the most colours among equals), as a PNG image's or DIB's
     * pixels.
     *
     * @throws IOException saying what is wrong with the file
     */
    static BufferedImage read(byte[] bytes, PngDecoder png) throws IOException {
        Entry best = largest(bytes);
        byte[] image = new byte[best.length()];
        System.arraycopy(bytes, best.offset(), image, 0, best.length());
        if (startsWith(image, PNG_SIGNATURE)) {
            return png.decode(image);
        }
        return dib(image);
    }

    /** The size of the ICO's largest image, from its directory (without decoding it). */
    static int[] size(byte[] bytes) throws IOException {
        Entry best = largest(bytes);
        return new int[] {best.width(), best.height()};
    }

    /** Decodes the PNG images an ICO holds (the caller's ImageIO, kept off disk). */
    @FunctionalInterface
    interface PngDecoder {
        BufferedImage decode(byte[] png) throws IOException;
    }

    private static Entry largest(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = in.getShort(4) & 0xffff;
        if (!isIco(bytes) || bytes.length < 6 + 16 * count) {
            throw new IOException("it is not an ICO file (its header or directory is cut short)");
        }
        Entry best = null;
        for (int i = 0; i < count; i++) {
            int at = 6 + 16 * i;
            int width = bytes[at] == 0 ? 256 : bytes[at] & 0xff;
            int height = bytes[at + 1] == 0 ? 256 : bytes[at + 1] & 0xff;
            int bits = in.getShort(at + 6) & 0xffff;
            int length = in.getInt(at + 8);
            int offset = in.getInt(at + 12);
            if (length <= 0 || offset < 0 || (long) offset + length > bytes.length) {
                throw new IOException("image " + (i + 1) + " of its directory lies outside the file");
            }
            Entry entry = new Entry(width, height, bits, offset, length);
            if (best == null || width * height > best.width() * best.height()
                    || width * height == best.width() * best.height() && bits > best.bits()) {
                best = entry;
            }
        }
        return best;
    }

    /** A DIB of an ICO: BITMAPINFOHEADER, palette, bottom-up pixel rows, then the AND mask. */
    private static BufferedImage dib(byte[] image) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        if (image.length < 40) {
            throw new IOException("an image of it is neither PNG nor a bitmap");
        }
        int headerSize = in.getInt(0);
        int width = in.getInt(4);
        int height = in.getInt(8) / 2; // the height covers the pixels and the mask
        int bits = in.getShort(14) & 0xffff;
        int compression = in.getInt(16);
        int colours = in.getInt(32);
        if (width <= 0 || height <= 0 || width > 1024 || height > 1024 || compression != 0
                || !List.of(1, 4, 8, 24, 32).contains(bits)) {
            throw new IOException("its bitmap image is " + bits + "-bit" + (compression != 0 ? ", compressed" : "")
                    + "; markata-java reads uncompressed 1, 4, 8, 24 and 32-bit bitmaps and PNG images in ICO files");
        }
        int paletteSize = bits <= 8 ? (colours == 0 ? 1 << bits : colours) : 0;
        int palette = headerSize;
        int pixels = palette + 4 * paletteSize;
        int stride = (width * bits + 31) / 32 * 4;
        int maskStride = (width + 31) / 32 * 4;
        int mask = pixels + stride * height;
        boolean hasMask = image.length >= mask + maskStride * height;
        if (image.length < mask) {
            throw new IOException("its bitmap image is cut short");
        }
        int[] argb = new int[width * height];
        boolean anyAlpha = false;
        for (int y = 0; y < height; y++) {
            int row = pixels + (height - 1 - y) * stride;
            for (int x = 0; x < width; x++) {
                int value;
                if (bits == 32) {
                    int at = row + x * 4;
                    value = (image[at + 3] & 0xff) << 24 | (image[at + 2] & 0xff) << 16 | (image[at + 1] & 0xff) << 8
                            | image[at] & 0xff;
                    anyAlpha |= (value >>> 24) != 0;
                } else if (bits == 24) {
                    int at = row + x * 3;
                    value = 0xff000000 | (image[at + 2] & 0xff) << 16 | (image[at + 1] & 0xff) << 8 | image[at] & 0xff;
                } else {
                    int bit = x * bits;
                    int index = ((image[row + bit / 8] & 0xff) >> (8 - bits - bit % 8)) & ((1 << bits) - 1);
                    int at = palette + 4 * Math.min(index, paletteSize - 1);
                    value = 0xff000000 | (image[at + 2] & 0xff) << 16 | (image[at + 1] & 0xff) << 8 | image[at] & 0xff;
                }
                argb[y * width + x] = value;
            }
        }
        // 32-bit images carry their own alpha; the others (and 32-bit ones whose alpha is all 0) use the mask
        if (hasMask && (bits != 32 || !anyAlpha)) {
            for (int y = 0; y < height; y++) {
                int row = mask + (height - 1 - y) * maskStride;
                for (int x = 0; x < width; x++) {
                    boolean transparent = ((image[row + x / 8] >> (7 - x % 8)) & 1) == 1;
                    argb[y * width + x] = transparent ? 0 : argb[y * width + x] | 0xff000000;
                }
            }
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        result.setRGB(0, 0, width, height, argb, 0, width);
        return result;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
