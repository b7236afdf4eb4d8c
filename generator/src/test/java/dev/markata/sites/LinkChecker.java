package dev.markata.sites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;

/**
 * Parses every page of an output folder with jsoup and follows every internal link: each
 * target file must exist, each {@code #fragment} must name an element of its page, and every
 * page must be reachable from the home page. The folder is taken as served at the top of the
 * host, or at a path ({@link #check(Path, String)}: a site with a {@code path_prefix}), where a
 * link out of that path is broken too.
 */
final class LinkChecker {

    record Report(int pages, List<String> problems, Set<String> unreachable) {
    }

    private LinkChecker() {
    }

    static Report check(Path output) throws IOException {
        return check(output, "/");
    }

    /** @param servedAt where the host serves the output folder: "/", "/project/" */
    static Report check(Path output, String servedAt) throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(output)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, List<String>> links = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            String url = servedAt + output.relativize(page).toString().replace('\\', '/');
            Parser parser = Parser.htmlParser().setTrackErrors(20);
            Document document = Jsoup.parse(Files.readString(page), "https://site.test" + url, parser);
            ParseErrorList errors = parser.getErrors();
            if (!errors.isEmpty()) {
                problems.add(url + ": HTML errors " + errors);
            }
            boolean fragment = url.endsWith("/partial/index.html");
            if (!fragment && (document.selectFirst("title") == null || document.title().isBlank())) {
                if (document.selectFirst("meta[http-equiv=refresh]") == null) {
                    problems.add(url + ": no title");
                }
            }
            Set<String> pageIds = new HashSet<>();
            document.select("[id]").forEach(e -> pageIds.add(e.id()));
            document.select("a[name]").forEach(e -> pageIds.add(e.attr("name")));
            ids.put(url, pageIds);
            List<String> targets = new ArrayList<>();
            for (Element element : document.select("a[href], link[href], img[src], script[src]")) {
                String raw = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (raw.startsWith("http://") || raw.startsWith("https://") || raw.startsWith("mailto:")) {
                    continue;
                }
                targets.add(URI.create("https://site.test" + url).resolve(raw.replace(" ", "%20")).toString()
                        .substring("https://site.test".length()));
            }
            links.put(url, targets);
        }
        for (Map.Entry<String, List<String>> page : links.entrySet()) {
            for (String target : page.getValue()) {
                String path = target;
                String fragment = null;
                int hash = path.indexOf('#');
                if (hash >= 0) {
                    fragment = path.substring(hash + 1);
                    path = path.substring(0, hash);
                }
                if (path.isEmpty()) {
                    path = page.getKey();
                }
                String file = file(output, servedAt, path);
                if (file == null) {
                    problems.add(page.getKey() + ": broken link " + target);
                } else if (fragment != null && !fragment.isEmpty() && ids.containsKey(file)
                        && !ids.get(file).contains(fragment)) {
                    problems.add(page.getKey() + ": link " + target + " names no element of " + file);
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(servedAt + "index.html"));
        while (!queue.isEmpty()) {
            String page = queue.pop();
            if (!reached.add(page)) {
                continue;
            }
            for (String target : links.getOrDefault(page, List.of())) {
                String path = target.replaceFirst("#.*$", "");
                String file = path.isEmpty() ? null : file(output, servedAt, path);
                if (file != null && file.endsWith(".html") && !reached.contains(file)) {
                    queue.push(file);
                }
            }
        }
        Set<String> unreachable = new HashSet<>(links.keySet());
        unreachable.removeAll(reached);
        return new Report(pages.size(), problems, unreachable);
    }

    /**
     * The output file a URL path names ("/a/" is "/a/index.html", under {@code servedAt}), or
     * null, also for a path outside {@code servedAt}.
     */
    private static String file(Path output, String servedAt, String path) {
        String decoded = URI.create(path.replace(" ", "%20")).getPath();
        if (!decoded.startsWith(servedAt)) {
            return null;
        }
        String relative = decoded.substring(servedAt.length());
        Path direct = output.resolve(relative).normalize();
        if (!direct.startsWith(output)) {
            return null;
        }
        if (Files.isRegularFile(direct)) {
            return servedAt + relative;
        }
        Path index = direct.resolve("index.html");
        if (Files.isRegularFile(index)) {
            return servedAt + output.relativize(index).toString().replace('\\', '/');
        }
        return null;
    }

    static void requireNoProblems(Report report) {
        if (!report.problems().isEmpty()) {
            throw new AssertionError(report.problems().size() + " problems, first: "
                    + String.join("\n", report.problems().subList(0, Math.min(15, report.problems().size()))));
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
