package dev.markata.plugins.to_json;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}: {@link java.io.StringWriter} appends to a
 * synchronized {@link StringBuffer}, a lock per token of a JSON file with tens of thousands of
 * posts, on a build that runs one thread per file.
 */
final class TextBuffer extends Writer {

    private final StringBuilder text = new StringBuilder(1 << 16);

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Appends {@code suffix} and returns all that was written. */
    String finish(String suffix) {
        return text.append(suffix).toString();
    }
}
