package dev.markata.profiler.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * A native library bundled as a class-path resource, named by its content so that it is
 * extracted once and every later start loads the file already extracted.
 *
 * <p>Inside a jar the size and CRC-32 come from the jar's directory, and the 600 KB of the
 * library are read (and inflated) only when it has to be extracted: reading them took about
 * 8 ms of every profiled run's start. Not SHA-256 for the name: under the C1-only JIT a build
 * runs with, hashing the library took 30-40 ms; the name only has to tell builds of the library
 * apart, with the size checked as well.
 */
record BundledLibrary(URL resource, long size, long crc) {

    /** The resource {@code name} next to {@code owner}, or null when there is none. */
    static BundledLibrary find(Class<?> owner, String name) throws IOException {
        URL resource = owner.getResource(name);
        if (resource == null) {
            return null;
        }
        URLConnection connection = resource.openConnection();
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            if (entry.getSize() >= 0 && entry.getCrc() >= 0) {
                return new BundledLibrary(resource, entry.getSize(), entry.getCrc());
            }
        }
        byte[] bytes = read(resource);
        return new BundledLibrary(resource, bytes.length, crc(bytes));
    }

    /** The file name part that tells library builds apart: size and CRC-32, in hex. */
    String name() {
        return Long.toHexString(size) + "-" + Long.toHexString(crc);
    }

    /** The library's bytes, checked against the size and CRC-32 it is named by. */
    byte[] bytes() throws IOException {
        byte[] bytes = read(resource);
        if (bytes.length != size || crc(bytes) != crc) {
            throw new IOException(resource + " changed while it was read (" + bytes.length + " bytes, expected " + size
                    + ")");
        }
        return bytes;
    }

    private static byte[] read(URL resource) throws IOException {
        try (InputStream in = resource.openStream()) {
            return in.readAllBytes();
        }
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
