package dev.markata.plugins.youtube;

import dev.markata.plugins.render_markdown.StandaloneLinks;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YouTube video's address on a line of its own ({@link StandaloneLinks}) becomes markata-go's
 * embed: a {@code div} of the configured class around the player's {@code iframe}, from
 * {@code youtube-nocookie.com} unless {@code privacy_enhanced} is off, starting where the
 * address's {@code t} or {@code start} says (seconds, or {@code 1h2m3s}).
 *
 * <p>The addresses markata-go takes: {@code youtube.com/watch?v=ID} and {@code youtu.be/ID}, with
 * {@code www.} or {@code m.} or neither, http or https, an 11-character id, anything after it.
 */
final class YouTubeEmbeds {

    static final Pattern ADDRESS = Pattern.compile(
            "https?://(?:www\\.|m\\.)?(?:youtube\\.com/watch\\?v=|youtu\\.be/)([A-Za-z0-9_-]{11})(\\S*)");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private YouTubeEmbeds() {
    }

    /** {@code markdown} with its videos embedded, or the very same string when it has none. */
    static String replace(String markdown, YouTubeConfig config) {
        if (!markdown.contains("youtu")) {
            return markdown;
        }
        return StandaloneLinks.replace(markdown, ADDRESS, video -> embed(video.group(1), start(video.group()), config));
    }

    /** markata-go's embed, line for line. */
    static String embed(String id, int start, YouTubeConfig config) {
        String domain = config.privacyEnhanced() ? "www.youtube-nocookie.com" : "www.youtube.com";
        return "<div class=\"" + config.containerClass() + "\">\n"
                + "  <iframe\n"
                + "    src=\"https://" + domain + "/embed/" + id + (start > 0 ? "?start=" + start : "") + "\"\n"
                + "    title=\"YouTube video player\"\n"
                + "    frameborder=\"0\"\n"
                + "    allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture\"\n"
                + "    allowfullscreen"
                + (config.lazyLoad() ? "\n    loading=\"lazy\"" : "") + ">\n"
                + "  </iframe>\n"
                + "</div>";
    }

    /**
     * Where the video starts, in seconds: the address's {@code start} (whole seconds), else its
     * {@code t} (seconds, or hours, minutes and seconds as {@code 1h2m3s}); 0 when neither reads.
     */
    static int start(String address) {
        int query = address.indexOf('?');
        if (query < 0) {
            return 0;
        }
        String start = null;
        String t = null;
        for (String pair : address.substring(query + 1).split("[&#]")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("start") && start == null) {
                start = value;
            } else if (name.equals("t") && t == null) {
                t = value;
            }
        }
        if (start != null && start.matches("\\d{1,7}")) {
            return Integer.parseInt(start);
        }
        if (t == null || t.isEmpty()) {
            return 0;
        }
        if (t.matches("\\d{1,7}")) {
            return Integer.parseInt(t);
        }
        Matcher duration = DURATION.matcher(t);
        if (!duration.matches() || t.length() > 12) {
            return 0;
        }
        return 3600 * number(duration.group(1)) + 60 * number(duration.group(2)) + number(duration.group(3));
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
