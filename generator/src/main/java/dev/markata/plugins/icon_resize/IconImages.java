package dev.markata.plugins.icon_resize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reading and writing the icon's images with the JDK alone (ImageIO for PNG, JPEG, GIF and BMP,
 * {@link IcoFiles} for ICO). Every stream is an in-memory one: ImageIO's own streams buffer in
 * files of {@code java.io.tmpdir}, and the build writes nowhere but output_dir and its cache.
 * Nothing here needs a display: the pixels are only ever handled as arrays.
 */
final class IconImages {

    static final String READABLE = "PNG, JPEG, GIF, BMP and ICO";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // image work only: never a window or a dock icon
        }
    }

    private IconImages() {
    }

    /** An image's width and height. */
    record Header(int width, int height) {
    }

    /**
     * The size of the image in {@code bytes}, read from its header without decoding its pixels.
     *
     * @throws IOException when it is no image the JDK (or {@link IcoFiles}) can read
     */
    static Header header(byte[] bytes) throws IOException {
        if (IcoFiles.isIco(bytes)) {
            int[] size = IcoFiles.size(bytes);
            return new Header(size[0], size[1]);
        }
        if (isPng(bytes)) {
            // the first chunk is IHDR: width and height, big-endian; no need to start ImageIO on a warm build
            ByteBuffer in = ByteBuffer.wrap(bytes);
            return new Header(in.getInt(16), in.getInt(20));
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                return new Header(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length >= 24 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D' && bytes[15] == 'R';
    }

    /** The first (or, for an ICO, the largest) image in {@code bytes}. */
    static BufferedImage decode(byte[] bytes) throws IOException {
        if (IcoFiles.isIco(bytes)) {
            return IcoFiles.read(bytes, IconImages::decode);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader reader(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("its bytes are no image format Java knows");
        }
        return readers.next();
    }

    /**
     * {@code image} as a file of {@code format} ("png", "jpeg", "gif", "bmp", "ico"). JPEG and
     * BMP have no transparency: the icon is laid on white, as a browser shows it on a white page.
     * An ICO holds the sizes Pillow puts in one (16 to 256 pixels, those that fit the image).
     */
    static byte[] encode(BufferedImage image, String format) throws IOException {
        if (format.equals("ico")) {
            List<IcoFiles.Frame> frames = new ArrayList<>();
            for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
                if (size > image.getWidth() || size > image.getHeight()) {
                    continue;
                }
                // fitted into the square, keeping the shape (Pillow's thumbnail)
                double scale = Math.min((double) size / image.getWidth(), (double) size / image.getHeight());
                int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
                BufferedImage frame = w == image.getWidth() && h == image.getHeight() ? image
                        : Lanczos.resize(image, w, h);
                frames.add(new IcoFiles.Frame(w, h, write(frame, "png")));
            }
            if (frames.isEmpty()) { // smaller than 16 pixels: the image as it is
                frames.add(new IcoFiles.Frame(image.getWidth(), image.getHeight(), write(image, "png")));
            }
            return IcoFiles.write(frames);
        }
        return write(format.equals("jpeg") || format.equals("bmp") ? onWhite(image) : image, format);
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("this Java has no " + format + " writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage onWhite(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            int r = ((p >> 16) & 0xff) * a / 255 + 255 - a;
            int g = ((p >> 8) & 0xff) * a / 255 + 255 - a;
            int b = (p & 0xff) * a / 255 + 255 - a;
            argb[i] = r << 16 | g << 8 | b;
        }
        BufferedImage opaque = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        opaque.setRGB(0, 0, w, h, argb, 0, w);
        return opaque;
    }
}
