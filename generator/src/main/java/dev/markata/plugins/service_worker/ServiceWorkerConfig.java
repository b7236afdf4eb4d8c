package dev.markata.plugins.service_worker;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code [markata.service_worker]}, markata's keys and defaults, plus the top-level
 * {@code [markata] precache_urls} that markata's own template reads.
 *
 * @param precacheUrls    addresses the worker stores when it is installed
 *                        ({@code ["index.html", "./"]} by default), then the top-level ones
 * @param precachePosts   also every post's page
 * @param precacheFeeds   also every feed's page
 * @param templateFile    the worker's template, a path from the site folder; the built-in
 *                        {@code service-worker.js} template when not given
 * @param section         the table, for errors naming its keys
 */
record ServiceWorkerConfig(List<String> precacheUrls, boolean precachePosts, boolean precacheFeeds,
                           Optional<String> templateFile, ConfigTable section) {

    static final List<String> DEFAULT_URLS = List.of("index.html", "./");

    static final ConfigSection<ServiceWorkerConfig> SECTION = new ConfigSection<>("service_worker",
            ServiceWorkerConfig::read);

    private static ServiceWorkerConfig read(ConfigTable section, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        List<String> own = problems.read(() -> section.stringList("precache_urls", DEFAULT_URLS), DEFAULT_URLS);
        List<String> topLevel = problems.read(() -> markata.stringList("precache_urls", List.of()), List.of());
        boolean posts = problems.read(() -> section.bool("precache_posts", false), false);
        boolean feeds = problems.read(() -> section.bool("precache_feeds", false), false);
        Optional<String> template = problems.read(() -> section.optionalString("template_file"), Optional.empty());
        problems.throwIfAny();
        List<String> urls = new ArrayList<>(own);
        urls.addAll(topLevel);
        return new ServiceWorkerConfig(List.copyOf(urls), posts, feeds, template.filter(t -> !t.isBlank()), section);
    }

    /**
     * The template file, if one is configured.
     *
     * @throws ConfigException naming the key and the path looked at, when there is no such file
     */
    Optional<Path> templatePath(Path site) throws ConfigException {
        if (templateFile.isEmpty()) {
            return Optional.empty();
        }
        Path file = site.resolve(templateFile.get()).normalize();
        if (!Files.isRegularFile(file)) {
            throw section.error("template_file", "no such file: " + file + "; the template is a path from the site"
                    + " folder, or leave the key out for the built-in one");
        }
        return Optional.of(file);
    }
}
