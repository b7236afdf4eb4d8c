package dev.markata.plugins.tweets;

import dev.markata.plugins.render_markdown.StandaloneLinks;
import java.util.regex.Pattern;

/**
 * A tweet's address on a line of its own ({@link StandaloneLinks}) becomes Twitter's embed
 * markup: {@code <blockquote class="twitter-tweet">} holding a link to the tweet, followed after
 * a post's first tweet by Twitter's script, which replaces each such quote with the tweet. The
 * quote holds no text of the tweet: that comes from Twitter's API, which a build does not ask
 * (no network, no token); without the script the quote is the link, as the author wrote it.
 *
 * <p>Addresses: {@code twitter.com} or {@code x.com} (with {@code www.} or {@code mobile.}),
 * {@code /user/status/id} (or {@code statuses}); the link is the tweet's plain address on the
 * host written, without the query ({@code ?s=20}) or a trailing slash.
 */
final class TweetEmbeds {

    static final Pattern ADDRESS = Pattern.compile(
            "https?://(?:www\\.|mobile\\.)?(twitter\\.com|x\\.com)/([A-Za-z0-9_]{1,15})/status(?:es)?/(\\d{1,20})(?:[/?#]\\S*)?");

    private TweetEmbeds() {
    }

    /** {@code markdown} with its tweets embedded, or the very same string when it has none. */
    static String replace(String markdown, TweetsConfig config) {
        if (!markdown.contains("/status")) {
            return markdown;
        }
        boolean[] scriptAdded = {false};
        return StandaloneLinks.replace(markdown, ADDRESS, tweet -> {
            String address = "https://" + tweet.group(1) + "/" + tweet.group(2) + "/status/" + tweet.group(3);
            String embed = quote(address, config);
            if (!scriptAdded[0] && !config.scriptUrl().isEmpty()) {
                scriptAdded[0] = true;
                embed += "\n<script async src=\"" + config.scriptUrl() + "\" charset=\"utf-8\"></script>";
            }
            return embed;
        });
    }

    /** The quote for the tweet at {@code address} (letters, digits, {@code :/._}: nothing to escape). */
    static String quote(String address, TweetsConfig config) {
        return "<blockquote class=\"twitter-tweet\""
                + (config.theme().equals("dark") ? " data-theme=\"dark\"" : "")
                + (config.dnt() ? " data-dnt=\"true\"" : "") + ">\n"
                + "<p><a href=\"" + address + "\">" + address + "</a></p>\n"
                + "</blockquote>";
    }
}
