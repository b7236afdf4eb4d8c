package dev.markata.plugins.render_markdown;

import dev.markata.plugin.Hook;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links of a post's Markdown that stand alone as a paragraph (a line holding only an
 * address, or an {@code <address>} autolink, between blank lines) and puts HTML in their place:
 * the embeds of the youtube and tweets plugins, which markata-go makes from the rendered
 * {@code <p>address</p>}. Working on the Markdown before render, for every post, means the
 * render cache's key covers the embed, and a listing that renders a post the skip plugin left
 * unrendered shows it too.
 *
 * <p>So that only what the renderer makes a paragraph is taken: the line is indented at most
 * three spaces (four make code; up to three is also a paragraph inside a list item, whose
 * indentation the HTML keeps), and fenced code, HTML comments and the raw text of
 * {@code <pre>}, {@code <script>}, {@code <style>} and {@code <textarea>} blocks, which run on
 * past blank lines, are passed over. A link with text around it, in a list item's first line or
 * in a quote ({@code > }) stays a link, and so does an address followed by a full stop or another
 * mark linkify leaves out of the link (it is a sentence then).
 */
public final class StandaloneLinks {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern RAW_BLOCK = Pattern.compile("^ {0,3}<(pre|script|style|textarea)(\\s|>|$)",
            Pattern.CASE_INSENSITIVE);

    private StandaloneLinks() {
    }

    /**
     * The pre_render hook of a plugin that embeds standalone links: every post whose Markdown
     * holds {@code marker} (a cheap look first: most posts embed nothing) gets {@code embed}'s
     * Markdown, a post it leaves as it is stays the same post.
     */
    public static Hook embedding(String marker, UnaryOperator<String> embed) {
        return context -> context.updatePosts(post -> post.content().contains(marker), post -> {
            String content = embed.apply(post.content());
            return content == post.content() ? post : post.withContent(content);
        });
    }

    /**
     * {@code markdown} with each standalone link that {@code link} matches (the whole address)
     * replaced by {@code html} of the match, or the very same string when none is. The HTML must
     * hold no blank line (it is one HTML block) and start with a tag that opens one
     * ({@code <div>}, {@code <blockquote>}...); each of its lines gets the link's indentation.
     */
    public static String replace(String markdown, Pattern link, Function<Matcher, String> html) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = null;
        String fence = null;
        String rawEnd = null;
        boolean afterBlank = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String replaced = null;
            if (fence != null) {
                String stripped = line.strip();
                char c = fence.charAt(0);
                if (FENCE.matcher(line).find() && stripped.length() >= fence.length()
                        && stripped.chars().allMatch(ch -> ch == c)) {
                    fence = null;
                }
            } else if (rawEnd != null) {
                if (line.toLowerCase(Locale.ROOT).contains(rawEnd)) {
                    rawEnd = null;
                }
            } else {
                Matcher fenceStart = FENCE.matcher(line);
                Matcher raw = RAW_BLOCK.matcher(line);
                if (fenceStart.find()) {
                    fence = fenceStart.group(1);
                } else if (raw.find()) {
                    String end = "</" + raw.group(1).toLowerCase(Locale.ROOT) + ">";
                    rawEnd = line.toLowerCase(Locale.ROOT).contains(end) ? null : end;
                } else if (line.stripLeading().startsWith("<!--")) {
                    rawEnd = line.contains("-->") ? null : "-->";
                } else if (afterBlank && (i + 1 == lines.length || lines[i + 1].isBlank())) {
                    replaced = standalone(line, link, html);
                }
            }
            if (replaced != null) {
                out = out == null ? new StringBuilder(markdown.length() + 512).append(
                        String.join("\n", Arrays.asList(lines).subList(0, i))) : out;
                out.append(i == 0 ? "" : "\n").append(replaced);
            } else if (out != null) {
                out.append('\n').append(line);
            }
            afterBlank = line.isBlank();
        }
        return out == null ? markdown : out.toString();
    }

    /**
     * Whether the address's last character is part of the link, as linkify reads it: a full stop,
     * comma, colon, semicolon, exclamation or question mark or quote after an address is the
     * sentence's, and so is a closing parenthesis or bracket the address does not open.
     */
    private static boolean endsAsALink(String address) {
        char last = address.charAt(address.length() - 1);
        if (".,;:!?'\"".indexOf(last) >= 0) {
            return false;
        }
        return switch (last) {
            case ')' -> count(address, '(') >= count(address, ')');
            case ']' -> count(address, '[') >= count(address, ']');
            case '}' -> count(address, '{') >= count(address, '}');
            default -> true;
        };
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /** The HTML for {@code line} when it is one link {@code link} matches, else null. */
    private static String standalone(String line, Pattern link, Function<Matcher, String> html) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent > 3) {
            return null;
        }
        String address = line.strip();
        // an <autolink> is the whole inside; a bare address is linkify's, which leaves some ends out
        boolean bracketed = address.startsWith("<") && address.endsWith(">");
        if (bracketed) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.isEmpty() || !bracketed && !endsAsALink(address)) {
            return null;
        }
        Matcher matcher = link.matcher(address);
        if (!matcher.matches()) {
            return null;
        }
        String prefix = line.substring(0, indent);
        return prefix + html.apply(matcher).replace("\n", "\n" + prefix);
    }
}
