package dev.markata.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The site's text files (posts, templates, markata.toml) read as UTF-8, as markata reads them,
 * with an error that names the file, the line and the byte where they are not: the JDK's own
 * said "MalformedInputException: Input length = 1", naming neither.
 */
public final class Utf8 {

    /** A file that is not UTF-8; its message, written for the author, names the file and the place. */
    public static final class Invalid extends IOException {
        Invalid(String message) {
            super(message);
        }
    }

    private Utf8() {
    }

    /** {@link #decode} of the file's bytes. */
    public static String read(Path file, String shown, String readAs) throws IOException {
        return decode(Files.readAllBytes(file), shown, readAs);
    }

    /**
     * {@code bytes} as UTF-8 text.
     *
     * @param shown  the file as the message names it ({@code posts/a.md}, {@code template base.html})
     * @param readAs what is read as UTF-8, for the advice ({@code "posts"})
     * @throws Invalid naming {@code shown}, the line, the byte and what to do
     */
    public static String decode(byte[] bytes, String shown, String readAs) throws Invalid {
        // The lenient decoder is the fast one; it marks bad bytes with U+FFFD, and only text with
        // that character (bad bytes, or one written on purpose) goes through the strict decoder.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(bytes, shown, readAs);
        }
    }

    /** Names the line, column and byte of the first bytes that are not UTF-8, and what to do. */
    private static Invalid invalid(byte[] bytes, String shown, String readAs) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        int at = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Invalid(shown + ":" + line + ": is not UTF-8 text (byte 0x"
                + String.format("%02X", bytes[Math.min(at, bytes.length - 1)] & 0xff) + " at byte " + (at - lineStart + 1)
                + " of the line); " + readAs + " read as UTF-8: save the file as UTF-8");
    }
}
