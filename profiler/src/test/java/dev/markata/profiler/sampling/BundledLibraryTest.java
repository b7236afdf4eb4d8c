package dev.markata.profiler.sampling;

import one.profiler.AsyncProfiler;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class BundledLibraryTest {

    private static final String LINUX_X64 = "/linux-x64/libasyncProfiler.so";

    @Test
    void aLibraryInAJarIsNamedFromTheJarsDirectoryAndReadOnlyWhenAsked() throws Exception {
        byte[] expected;
        try (InputStream in = AsyncProfiler.class.getResourceAsStream(LINUX_X64)) {
            expected = in.readAllBytes();
        }

        BundledLibrary library = BundledLibrary.find(AsyncProfiler.class, LINUX_X64);

        assertThat(library.resource().getProtocol()).isEqualTo("jar");
        assertThat(library.size()).isEqualTo(expected.length);
        assertThat(library.crc()).isEqualTo(BundledLibrary.crc(expected));
        assertThat(library.name()).isEqualTo(Long.toHexString(expected.length) + "-"
                + Long.toHexString(BundledLibrary.crc(expected)));
        assertThat(library.bytes()).isEqualTo(expected);
    }

    @Test
    void aResourceOutsideAJarIsNamedFromItsBytes() throws Exception {
        // this test's own class file: a file: URL in the test classes folder
        String name = BundledLibraryTest.class.getSimpleName() + ".class";
        byte[] expected;
        try (InputStream in = BundledLibraryTest.class.getResourceAsStream(name)) {
            expected = in.readAllBytes();
        }

        BundledLibrary library = BundledLibrary.find(BundledLibraryTest.class, name);

        assertThat(library.resource().getProtocol()).isEqualTo("file");
        assertThat(library.size()).isEqualTo(expected.length);
        assertThat(library.crc()).isEqualTo(BundledLibrary.crc(expected));
        assertThat(library.bytes()).isEqualTo(expected);
    }

    @Test
    void aMissingResourceIsNone() throws Exception {
        assertThat(BundledLibrary.find(AsyncProfiler.class, "/no-such-platform/libasyncProfiler.so")).isNull();
    }
}
