package dev.markata.profiler.process;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code show} and {@code hide} patterns on class names, which override whether a frame counts
 * as application or library code. A pattern is a glob ({@code *} any characters including dots,
 * {@code ?} one character: {@code org.commonmark.*}, {@code *Parser}) or, prefixed with
 * {@code re:}, a Java regular expression matched against the whole class name. When both match,
 * {@code hide} wins, as in pyinstrument.
 */
public final class FramePatterns {

    private final List<Pattern> show;
    private final List<Pattern> hide;
    private final Map<String, FrameKind> cache = new HashMap<>();

    /**
     * @throws IllegalArgumentException naming the pattern, when a {@code re:} pattern is not a
     *                                  valid regular expression
     */
    public FramePatterns(List<String> show, List<String> hide) {
        this.show = show.stream().map(FramePatterns::compile).toList();
        this.hide = hide.stream().map(FramePatterns::compile).toList();
    }

    public boolean isEmpty() {
        return show.isEmpty() && hide.isEmpty();
    }

    /** The kind {@code frame} should have: its own, unless a pattern says otherwise. */
    public FrameKind kindOf(Frame frame) {
        if (frame.kind() == FrameKind.SYNTHETIC || isEmpty()) {
            return frame.kind();
        }
        FrameKind override = cache.computeIfAbsent(frame.className(), this::override);
        return override != null ? override : frame.kind();
    }

    private FrameKind override(String className) {
        for (Pattern pattern : hide) {
            if (pattern.matcher(className).matches()) {
                return FrameKind.LIBRARY;
            }
        }
        for (Pattern pattern : show) {
            if (pattern.matcher(className).matches()) {
                return FrameKind.APPLICATION;
            }
        }
        return null;
    }

    static Pattern compile(String pattern) {
        if (pattern.startsWith("re:")) {
            try {
                return Pattern.compile(pattern.substring(3));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid class-name pattern '" + pattern + "': "
                        + e.getDescription() + " (write a glob like 'org.commonmark.*', or 're:' and a Java regex)", e);
            }
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
