package dev.markata.plugins.post_template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.errorcategory.BasicTemplateErrorCategory;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.objects.collections.PyMap;
import com.hubspot.jinjava.objects.date.PyishDate;
import com.hubspot.jinjava.tree.Node;
import dev.markata.MarkataVersion;
import dev.markata.config.ConfigException;
import dev.markata.config.ConfigTable;
import dev.markata.config.DidYouMean;
import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
import dev.markata.content.SitePaths;
import dev.markata.content.Utf8;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.icon_resize.IconResizePlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

/**
 * The site's Jinja templates (jinjava): a template is looked up in the site's
 * {@code templates_dir} first, then in the built-in theme ({@code base.html}, {@code post.html},
 * {@code index.html}). Templates are escaped by the theme with {@code |e} wherever they show
 * text from content or configuration.
 *
 * <p>Each template is parsed once per worker thread and its tree reused for every page that
 * thread renders (jinjava's trees are not documented as safe to share between threads).
 * Feeds and other page-writing plugins can use this class too.
 */
public final class Templates {

    private static final String THEME = "/dev/markata/theme/templates/";

    /**
     * What every template sees as {@code __version__}: markata passes its own version to its
     * templates under that name (posts', feeds', {@code jinja: true} bodies'), and sites print it
     * in a generator tag, a footer ("built with markata 0.8.1") or a cache-busting query. Here it
     * is markata-java's version, not a markata version string: the page was made by this program
     * (as the generator plugin's tag says), a bug report quoting it should name the code that ran,
     * and a {@code style.css?v=...} must change when the program that writes the site changes.
     * No cache key needs it: a cache written by another build of markata-java is emptied.
     */
    static final String VERSION = MarkataVersion.current().version();

    private volatile Jinjava jinjava;
    private final Path siteDirectory;
    private final Path siteTemplates;
    /** Folders whose files are never page templates: what builds write. */
    private final List<Path> written;
    private final Map<String, Object> configView;
    /** Where pages are served from the top of the host ({@link SiteConfig#pagePath}). */
    private final SiteConfig site;
    private final ThreadLocal<Map<String, Node>> parsed = ThreadLocal.withInitial(HashMap::new);
    /** Parsed trees by template text, for templates reached through extends / include. */
    private final ThreadLocal<Map<String, Node>> parsedByText = ThreadLocal.withInitial(HashMap::new);
    /** Template sources by name: read from disk or the class path once per build. */
    private final Map<String, Optional<String>> sources = new ConcurrentHashMap<>();
    /** {@link #pageTemplateKey} by template name: asked for every post, looked up once per build. */
    private final Map<String, String> pageTemplateKeys = new ConcurrentHashMap<>();
    /** Whether a card template's text names a body field, by template (asked once per card). */
    private final Map<String, Boolean> cardsShowBodies = new ConcurrentHashMap<>();

    private volatile String key;

    private Templates(SiteConfig site, Map<String, Object> markata) {
        this.siteDirectory = site.directory().toAbsolutePath().normalize();
        this.siteTemplates = site.templatesDir();
        this.written = List.of(site.outputDir().toAbsolutePath().normalize(), site.cacheDir().toAbsolutePath().normalize());
        this.configView = configView(site, markata);
        this.site = site;
    }

    /**
     * The template engine, made on first use: several plugins hold a {@code Templates}, and a
     * warm build whose pages are all unchanged renders nothing, while making an engine costs
     * tens of milliseconds (every filter, function and tag is registered).
     */
    private Jinjava jinjava() {
        Jinjava engine = jinjava;
        if (engine == null) {
            synchronized (this) {
                engine = jinjava;
                if (engine == null) {
                    engine = newEngine();
                    jinjava = engine;
                }
            }
        }
        return engine;
    }

    private Jinjava newEngine() {
        // trim_blocks and lstrip_blocks are done on the templates' text (BlockWhitespace), as Jinja does them
        Jinjava engine = new PythonJinjava(JinjavaConfig.newBuilder().withTrimBlocks(false).withLstripBlocks(false)
                // content is data: HTML from Markdown must never be run as a template
                .withNestedInterpretationEnabled(false)
                // Jinja's semantics where jinjava has them behind a switch: lists and dicts print as
                // Python's (['a', 'b'], not [a, b]), a loop over a dict goes over its keys, ** binds
                // tighter than * and unary minus, {{- -}} and {#- -#} trim as {%- -%} do
                .withLegacyOverrides(LegacyOverrides.newBuilder().withUsePyishObjectMapper(true)
                        .withIterateOverMapKeys(true).withUseNaturalOperatorPrecedence(true)
                        .withUseTrimmingForNotesAndExpressions(true).withKeepNullableLoopValues(true)
                        .withParseWhitespaceControlStrictly(true).build())
                // filters are method calls; jinjava looks each one up by reflection on every call
                .withElResolver(CachingBeanResolver.readOnlyChain()).build());
        engine.getGlobalContext().registerFilter(new JinjaSortFilter());
        JinjaFilters.all().forEach(engine.getGlobalContext()::registerFilter);
        JinjaTests.all().forEach(engine.getGlobalContext()::registerExpTest);
        engine.getGlobalContext().registerTag(new JinjaForTag());
        engine.getGlobalContext().registerTag(new IncludeRawTag(siteDirectory));
        JinjaBlockTags.all().forEach(engine.getGlobalContext()::registerTag);
        engine.setResourceLocator(new ResourceLocator() {
            @Override
            public String getString(String name, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
                Optional<String> text = source(name);
                if (text.isEmpty()) {
                    throw new IOException(notFound(name));
                }
                return text.get();
            }
        });
        return engine;
    }

    /** jinjava with Python's meaning for some operators ({@link PythonSyntax}, {@link PythonOperators}). */
    private static final class PythonJinjava extends Jinjava {
        private final ExpressionFactory expressions;

        PythonJinjava(JinjavaConfig config) {
            super(config);
            Properties properties = new Properties();
            properties.setProperty(TreeBuilder.class.getName(), PythonSyntax.class.getName());
            expressions = new ExpressionFactoryImpl(properties, new TruthyTypeConverter());
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return expressions;
        }
    }

    /**
     * {@code text} escaped as the theme's {@code |e} escapes it (markupsafe's entities), for
     * plugins that put authors' text into an attribute or element of a page themselves.
     */
    public static String escape(String text) {
        return JinjaFilters.Escape.escape(text);
    }

    /**
     * Templates whose {@code config} has only the site's own keys, none of the {@code [markata]}
     * table's (no nav, head, hooks): for rendering outside a build (tests, benchmarks); a plugin
     * takes {@link #forSite(PluginSetup)}.
     */
    public static Templates forSite(SiteConfig site) {
        return new Templates(site, Map.of());
    }

    /**
     * The build's templates, as every plugin that renders pages makes them: their {@code config}
     * is the whole {@code [markata]} table, with the icons the icon_resize plugin makes after
     * the site's own in {@code config.icons} ({@link IconResizePlugin#configIcons}).
     */
    public static Templates forSite(PluginSetup setup) throws ConfigException {
        Map<String, Object> markata = setup.config(TemplateSettings.SECTION).markata();
        List<Map<String, String>> resized = IconResizePlugin.configIcons(setup);
        if (!resized.isEmpty()) {
            Map<String, Object> withIcons = new LinkedHashMap<>(markata);
            List<Object> icons = new ArrayList<>();
            if (markata.get("icons") instanceof List<?> own) {
                icons.addAll(own);
            }
            icons.addAll(resized);
            withIcons.put("icons", Collections.unmodifiableList(icons));
            markata = withIcons;
        }
        return new Templates(setup.site(), markata);
    }

    /** The address of the page of {@code slug} ({@link SiteConfig#pagePath}): what {@code post.url} shows. */
    public String pagePath(String slug) {
        return site.pagePath(slug);
    }

    /** What templates see as {@code config}. */
    public Map<String, Object> config() {
        return configView;
    }

    /**
     * What every page rendered with these templates depends on besides its own data: every
     * template of the site's templates folder (and the files their {@code include_raw} tags
     * show, {@link RawIncludes}), every file of the site folder a setting names by
     * its path (a page template such as {@code post_template = "pages/templates/template.html"},
     * {@link #pageSource}) and the settings templates see as {@code config}
     * (the built-in theme is markata-java's own code: a cache written by another build of it is
     * emptied, {@link dev.markata.content.CacheDir}). The common start of the cache keys of rendered pages
     * (skip, feeds, the 404 page, Markdown with Jinja), so they all notice the same changes.
     * Computed once.
     */
    public String key() throws IOException {
        String known = key;
        if (known == null) {
            Hashing hash = new Hashing();
            if (Files.isDirectory(siteTemplates)) {
                for (Path file : SitePaths.walk(siteTemplates).stream()
                        .filter(f -> Files.isRegularFile(f) && !isEditorsFile(f)).sorted().toList()) {
                    hash.add(siteTemplates.relativize(file).toString());
                    byte[] bytes = Files.readAllBytes(file);
                    hash.add(bytes);
                    hash.add(RawIncludes.key(siteDirectory, new String(bytes, StandardCharsets.UTF_8)));
                }
            }
            Set<String> named = new TreeSet<>();
            strings(configView, named);
            for (String name : named) {
                Optional<Path> file = siteFile(name);
                if (file.isPresent()) {
                    hash.add(name);
                    byte[] bytes = Files.readAllBytes(file.get());
                    hash.add(bytes);
                    hash.add(RawIncludes.key(siteDirectory, new String(bytes, StandardCharsets.UTF_8)));
                }
            }
            hash.addValue(new TreeMap<>(configView));
            known = hash.hex();
            key = known;
        }
        return known;
    }

    /**
     * Whether {@code path} is an editor's file beside the templates (vim's {@code .post.html.swp},
     * rewritten every few seconds while a template is open, a backup {@code post.html~}) rather
     * than a template: no template names one, so neither the pages' cache key nor serve --watch
     * should change with it.
     */
    public static boolean isEditorsFile(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~");
    }

    /**
     * Renders {@code text} as a template (markata's {@code jinja_md}: Markdown with
     * {@code jinja: true}), with the same globals as {@link #render}.
     *
     * @param firstLine the line of {@code document} the text starts on, for error messages
     */
    public String renderString(String document, String text, int firstLine, Map<String, Object> values)
            throws PluginException {
        JinjavaInterpreter parser = jinjava().newInterpreter();
        // a comment holding the lines before the text (a post's front matter), so errors name the file's line
        String before = firstLine > 1 ? "{#" + "\n".repeat(firstLine - 1) + "#}" : "";
        Node tree = parse(parser, before + BlockWhitespace.apply(text));
        failOnErrors(document, document, parser.getErrorsCopy(), text, Math.max(firstLine, 1));
        return renderTree(document, document, tree, values, configView);
    }

    /**
     * Renders template {@code name} with {@code values} plus {@code config} (the site settings).
     *
     * @param document names what is rendered, for error messages ("posts/a.md")
     */
    public String render(String document, String name, Map<String, Object> values) throws PluginException, IOException {
        return render(document, name, values, configView);
    }

    /** As {@link #render(String, String, Map)}, the templates seeing {@code config} as given ({@link #configWith}). */
    public String render(String document, String name, Map<String, Object> values, Map<String, Object> config)
            throws PluginException, IOException {
        Node tree = parsed.get().get(name);
        String shown = shown(name);
        if (tree == null) {
            String text = pageSource(name).orElseThrow(() -> new PluginException(document + ": " + notFound(name)));
            JinjavaInterpreter parser = jinjava().newInterpreter();
            tree = parse(parser, text);
            failOnErrors(document, shown, parser.getErrorsCopy(), text, 1);
            parsed.get().put(name, tree);
        }
        return renderTree(document, shown, tree, values, config);
    }

    /**
     * What a post's templates see as {@code config} when its front matter has
     * {@code config_overrides}: markata (0.5 on, "DeepMerge config_overrides with config in post
     * render methods") deep-merges them over its configuration with deepmerge's
     * {@code always_merger}: tables merged key by key, lists joined (the site's items, then the
     * post's), any other value replaced. So a post adds its own {@code head} meta, link and script
     * entries to the site's, and its {@code style} values replace the site's one by one (its colours
     * read as the site's are, {@link StyleConfig#overridden}). One
     * difference: {@code head.text} written as one string on either side counts as a list of one
     * text, and the two are joined too, where markata (which makes the post's list one string
     * first) would replace the site's head text by the post's, leaving its analytics script or
     * style off that one page. Only the post's own pages see it: {@code markata.config}, feeds and
     * other posts' pages keep the site's.
     */
    public Map<String, Object> configWith(String document, Map<?, ?> overrides) throws PluginException {
        if (overrides.isEmpty()) {
            return configView;
        }
        Map<String, Object> merged = merged(configView, overrides, "");
        if (overrides.get("style") instanceof Map<?, ?> style && configView.get("style") instanceof Map<?, ?> site
                && merged.get("style") instanceof Map<?, ?> both) {
            // the post's colours read as the site's are (StyleConfig), not left as written
            try {
                merged.put("style", dictLike(StyleConfig.overridden(both, site, style)));
            } catch (IllegalArgumentException e) {
                throw new PluginException(document + ": config_overrides." + e.getMessage());
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    private static Map<String, Object> merged(Map<?, ?> base, Map<?, ?> overrides, String path) {
        Map<String, Object> merged = new LinkedHashMap<>();
        base.forEach((key, value) -> merged.put(String.valueOf(key), value));
        overrides.forEach((key, value) -> {
            String name = String.valueOf(key);
            merged.put(name, merged.containsKey(name) ? merged(merged.get(name), value, path + name)
                    : dictLike(value));
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object merged(Object base, Object override, String path) {
        if (path.equals("head.text")) {
            base = base instanceof String text ? List.of(text) : base;
            override = override instanceof String text ? List.of(text) : override;
        }
        if (base instanceof Map<?, ?> table && override instanceof Map<?, ?> own) {
            return new PyMap(Collections.unmodifiableMap(merged(table, own, path + ".")));
        }
        if (base instanceof List<?> list && override instanceof List<?> own) {
            List<Object> joined = new ArrayList<>(list);
            joined.addAll((List<Object>) dictLike(own));
            return Collections.unmodifiableList(joined);
        }
        return dictLike(override);
    }

    /**
     * Whether {@code name} is a template's own text rather than a file's name. markata looks a
     * template up by name, then as a file, and else compiles the name itself
     * ({@code jinja_env.get_template}), and its own site writes its feeds' card templates into
     * markata.toml that way; a name with template syntax, markup or a line break is taken as such
     * text here (a plain name that is nowhere stays an error, with where it was looked for).
     */
    static boolean isInline(String name) {
        return name.contains("{{") || name.contains("{%") || name.contains("{#") || name.indexOf('<') >= 0
                || name.indexOf('\n') >= 0;
    }

    /** How messages name a template: its name, or the start of a template written inline. */
    private static String shown(String name) {
        if (!isInline(name)) {
            return name;
        }
        String first = name.strip().lines().findFirst().orElse("");
        return "\"" + (first.length() > 40 ? first.substring(0, 40) + "..." : first) + "\" (written inline)";
    }

    /**
     * Parses with {@code parser} as the running interpreter: jinjava reads its settings for
     * whitespace marks from the running one, and without one read {@code {{ -n }}} as a
     * {@code {{-} mark before {@code n} (it printed 7 for -7).
     */
    @SuppressWarnings("try") // the pushed interpreter is only needed until the try ends
    private static Node parse(JinjavaInterpreter parser, String text) {
        try (var current = JinjavaInterpreter.closeablePushCurrent(parser).get()) {
            return parser.parse(text);
        }
    }

    /**
     * The built-in theme's templates, for the closest name to one that is nowhere (a folder in
     * the jar cannot be listed); TemplatesTest checks it against the theme's folder.
     */
    static final List<String> THEME_TEMPLATES = List.of("404.html", "base.html", "card.html", "feed.html",
            "feed_items_partial.html", "feed_partial.html", "head.html", "highlight.css", "index.html", "mermaid.html",
            "nav.html", "og.html", "pagination_controls.html", "post.html", "post_partial.html", "prevnext.html", "raw",
            "redirect.html", "rss.xsl", "service-worker.js");

    /**
     * Why a page template a setting names cannot be found, or empty when it can: a name in
     * templates_dir or the built-in theme, a file's path from the site folder, or a template
     * written inline. Asked when plugins register, so a name that is nowhere stops the build
     * before any work as the configuration's mistake it is, with the closest name there is (it
     * failed in render, on the first post, as if the post were wrong).
     */
    public Optional<String> missingPageTemplate(String name) throws IOException {
        if (name.isEmpty() || pageSource(name).isPresent()) {
            return Optional.empty();
        }
        List<String> known = new ArrayList<>();
        if (Files.isDirectory(siteTemplates)) {
            for (Path file : SitePaths.walk(siteTemplates)) {
                if (Files.isRegularFile(file) && !isEditorsFile(file)) {
                    known.add(SitePaths.slashed(siteTemplates.relativize(file)));
                }
            }
        }
        known.addAll(THEME_TEMPLATES);
        // compared without their extensions: DidYouMean takes the part after the last dot as a
        // key's own name, and every .html name had "html" in common
        Map<String, String> byStem = new LinkedHashMap<>();
        known.forEach(template -> byStem.putIfAbsent(stem(template), template));
        return Optional.of("no template \"" + name + "\" in templates_dir (" + siteTemplates
                + ") nor in the built-in theme" + DidYouMean.closest(stem(name), byStem.keySet())
                .map(s -> "; did you mean " + byStem.get(s) + "?")
                .orElse("; a page template is named from there (post.html), or by its path from the site folder"));
    }

    /**
     * Fails with the configuration's error ({@code markata.toml: [table] key = "name": no template
     * ...}) when the page template {@code name}, which {@code key} of {@code table} gives, is
     * nowhere ({@link #missingPageTemplate}).
     */
    public void requirePageTemplate(ConfigTable table, String key, String name) throws ConfigException {
        Optional<String> missing;
        try {
            missing = missingPageTemplate(name);
        } catch (IOException e) {
            throw table.error(key, "cannot read template \"" + name + "\": " + e);
        }
        if (missing.isPresent()) {
            throw table.error(key, missing.get());
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') + 1 ? name.substring(0, dot) : name;
    }

    /** Why template {@code name} was not found, and for a path in the site folder how to name it. */
    private String notFound(String name) {
        Path inSite = siteDirectory.resolve(name).normalize();
        int slash = name.lastIndexOf('/');
        if (slash > 0 && inSite.startsWith(siteDirectory) && Files.isRegularFile(inSite)) {
            // older markata took a path from the site folder
            return "template \"" + name + "\" is a file of the site, but templates are named from templates_dir ("
                    + siteTemplates + "): set templates_dir = \"" + name.substring(0, slash) + "\" and name it \""
                    + name.substring(slash + 1) + "\", or move it into templates_dir";
        }
        if (MARKATA_TEMPLATES.contains(name)) {
            return "template \"" + name + "\" is one of markata's own templates, which markata-java's theme does not"
                    + " have: put a template of that name in " + siteTemplates + " (markata's is in its"
                    + " markata/templates folder) or take out what includes it";
        }
        return "template \"" + name + "\" is in neither " + siteTemplates + " nor the built-in theme";
    }

    /**
     * The templates markata ships (its {@code markata/templates} folder) that the built-in theme
     * has not: a site's own templates include them by name ({@code didyoumean_partial.html}...),
     * and not finding one is not the site's mistake, so the error says where it comes from.
     */
    private static final Set<String> MARKATA_TEMPLATES = Set.of("admonition.html", "atom.xml", "base_body.html",
            "base_head.html", "chartjs.html", "chat.html", "clickable-images.html", "content_base.html",
            "didyoumean_partial.html", "dynamic_head.html",
            "glossary-snippet.html", "htmx.html", "image-zoom.html", "inlinks.html", "link_card.html",
            "linked_post_partial.html", "pagination/htmx.html", "pagination/js.html", "pagination/manual.html",
            "rss.xml", "rss_card.html", "sidebar.html",
            "sitemap.xml", "sitemap_card.html", "suggestions.html", "tailwind.html", "theme.js", "title.html");

    @SuppressWarnings("try") // the pushed interpreter is only needed until the try ends
    private String renderTree(String document, String name, Node tree, Map<String, Object> values,
                              Map<String, Object> config) throws PluginException {
        Map<String, Object> bindings = new HashMap<>(values);
        bindings.put("config", config);
        bindings.putIfAbsent("markata", Map.of("config", configView));
        bindings.putIfAbsent("__version__", VERSION);
        Map<String, Node> byText = parsedByText.get();
        Jinjava engine = jinjava();
        JinjavaInterpreter interpreter = new JinjavaInterpreter(engine, new StrictFilters(engine.getGlobalContext(), bindings),
                engine.getGlobalConfig()) {
            /** What an expression prints: as Jinja2 prints it (True, ['a', 'b'], {'k': 1}), not Java's text. */
            @Override
            public String getAsString(Object value) {
                return PythonText.str(value);
            }

            /** The template {@code {% extends %}} or {@code {% include %}} read last, which it parses next. */
            private String lastRead;

            @Override
            public String getResource(String resource) throws IOException {
                lastRead = resource;
                return super.getResource(resource);
            }

            // {% extends %} and {% include %} parse their template on every render; parse once per thread
            @Override
            public Node parse(String template) {
                String read = lastRead; // only the parse right after a read is of that template
                lastRead = null;
                Node cached = byText.get(template);
                if (cached == null) {
                    int errorsBefore = getErrors().size();
                    cached = super.parse(template);
                    if (getErrors().size() == errorsBefore) {
                        byText.put(template, cached);
                    } else if (read != null) {
                        // jinjava names no template for errors in the one {% extends %} parses:
                        // they were shown as the extending template's, at the parent's line
                        for (TemplateError error : getErrors().subList(errorsBefore, getErrors().size())) {
                            if (error.getSourceTemplate().isEmpty()) {
                                error.setSourceTemplate(read);
                            }
                        }
                    }
                }
                return cached;
            }
        };
        // jinjava's filters find the running interpreter through a thread-local stack
        try (var current = JinjavaInterpreter.closeablePushCurrent(interpreter).get()) {
            String output = interpreter.render(tree);
            failOnErrors(document, name, interpreter.getErrorsCopy());
            return output;
        } catch (RuntimeException e) { // jinjava's InterpretException and friends
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (e.getCause() instanceof PluginException inner) {
                throw inner;
            }
            if (e instanceof InterpretException interpret && interpret.getLineNumber() > 0) {
                // a missing include, extends or import: the tag's line and jinjava's sentence
                throw new PluginException(document + ": template " + name + ":" + interpret.getLineNumber() + ": "
                        + withoutExceptionType(e.getMessage()), e);
            }
            throw new PluginException(document + ": template " + name + " failed: " + e.getMessage()
                    + (root != e ? " (" + root.getMessage() + ")" : ""), e);
        }
    }

    /**
     * A page's context in which a filter jinjava does not have is an error, as in Jinja: jinjava
     * gave such a filter's expression no value and said nothing (a typo, or a filter of Jinja's
     * that jinjava lacks, emptied the page's text).
     */
    private static final class StrictFilters extends Context {
        StrictFilters(Context parent, Map<String, ?> bindings) {
            super(parent, bindings);
        }

        @Override
        public Filter getFilter(String name) {
            Filter filter = super.getFilter(name);
            JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
            if (filter == null && current != null) {
                List<String> known = getAllFilters().stream().map(Filter::getName).toList();
                current.addError(new TemplateError(TemplateError.ErrorType.FATAL, TemplateError.ErrorReason.UNKNOWN,
                        TemplateError.ErrorItem.FILTER, "unknown filter " + name
                        + DidYouMean.closest(name, known).map(s -> "; did you mean " + s + "?").orElse(""),
                        name, current.getLineNumber(), -1, null));
            }
            return filter;
        }
    }

    /** Fatal errors, and syntax errors jinjava only warns of (an unclosed {{ shown as text), fail the page. */
    private static void failOnErrors(String document, String name, List<TemplateError> errors) throws PluginException {
        failOnErrors(document, name, errors, "", 1);
    }

    /**
     * As {@link #failOnErrors(String, String, List)}, naming the line of {@code text} (whose first
     * line is line {@code firstLine} of its file) that opens a tag without closing it: jinjava
     * reads such a tag on to the end of the file and reports what that swallowed ("Missing end
     * tag: endblock" for a block that is closed).
     */
    private static void failOnErrors(String document, String name, List<TemplateError> errors, String text,
                                     int firstLine) throws PluginException {
        List<TemplateError> fatal = errors.stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL
                        || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR || isCycle(e)).toList();
        if (!fatal.isEmpty()) {
            throw new PluginException(fatal.stream().map(e -> located(document, name, e)).collect(Collectors.joining("\n  "))
                    + unclosedTag(text, firstLine));
        }
    }

    /**
     * An include, import or from that reaches a template already being rendered: Jinja2 recurses
     * until it fails (RecursionError); jinjava only warns and prints nothing there, so the page
     * went out without the partial.
     */
    private static boolean isCycle(TemplateError error) {
        return error.getCategory() == BasicTemplateErrorCategory.INCLUDE_CYCLE_DETECTED
                || error.getCategory() == BasicTemplateErrorCategory.IMPORT_CYCLE_DETECTED
                || error.getCategory() == BasicTemplateErrorCategory.FROM_CYCLE_DETECTED;
    }

    /**
     * "; line N opens {{ and does not close it with }} on that line" for the first line of
     * {@code text} that does (or {@code {%}), else empty. Tags may span lines in Jinja, so this
     * is only said beside an error.
     */
    static String unclosedTag(String text, int firstLine) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int at = line.indexOf('{'); at >= 0 && at + 1 < line.length(); at = line.indexOf('{', at + 1)) {
                char kind = line.charAt(at + 1);
                if (kind != '{' && kind != '%') {
                    continue;
                }
                String close = kind == '{' ? "}}" : "%}";
                int end = line.indexOf(close, at + 2);
                if (end < 0) {
                    return "; line " + (firstLine + i) + " opens {" + kind + " and does not close it with " + close
                            + " on that line";
                }
                at = end + 1;
            }
        }
        return "";
    }

    /** jinjava's own "Error in `x.html` on line 3: " before a message: the place, more exact than the error's line. */
    private static final Pattern PLACE = Pattern.compile("(?s)(?:Error|Warning) in `([^`]*)` on line (\\d+): (.*)");

    private static String located(String document, String name, TemplateError error) {
        String template = error.getSourceTemplate().orElse(name);
        String line = String.valueOf(error.getLineno());
        String message = withoutExceptionType(error.getMessage());
        Matcher place = PLACE.matcher(message);
        if (place.matches()) {
            template = place.group(1).isEmpty() ? template : place.group(1);
            line = place.group(2);
            message = place.group(3);
        }
        if (isCycle(error)) {
            message += ": it is rendered inside itself, through the templates it includes or imports, a loop Jinja"
                    + " fails on too (RecursionError)";
        }
        Matcher unknown = UNKNOWN_TAG.matcher(message);
        if (unknown.find()) {
            message += extensionTagNote(unknown.group(1)).map(note -> " (" + note + ")")
                    .orElse(" (Jinja has no such tag; markata also knows the tags of the Jinja extensions Python"
                            + " packages register for it as markata.jinja_md entry points, which markata-java cannot run)");
        }
        return document + ": template " + template + ":" + line + ": " + message;
    }

    /**
     * What a tag is, for a tag of a Jinja extension that a Python package registers for markata
     * and sites are known to use, or empty.
     */
    public static Optional<String> extensionTagNote(String tag) {
        return tag.equals("gh_repo_list_topic")
                ? Optional.of("a tag of markata-gh, a Python package whose Jinja extension lists a GitHub user's"
                        + " repositories with the gh command: markata-java cannot run it; write the list into the post"
                        + " instead")
                : Optional.empty();
    }

    /** jinjava's message for a tag it does not know, the tag's name in the group. */
    private static final Pattern UNKNOWN_TAG = Pattern.compile("Unknown tag: (\\w+)");

    /**
     * jinjava puts the Java exception's type before some messages ("jinjava.javax.el.ELException:
     * Cannot coerce ..."); the author needs only the sentence.
     */
    static String withoutExceptionType(String message) {
        return message == null ? "failed" : message.replaceFirst("^(?:[\\w$]+\\.)+\\w*(?:Exception|Error): ", "");
    }

    private Optional<String> source(String name) throws IOException {
        Optional<String> known = sources.get(name);
        if (known == null) {
            known = read(name);
            sources.put(name, known);
        }
        return known;
    }

    /**
     * The text of the template a page is rendered with: markata's {@code get_template} looks
     * {@code name} up in the template folders, then reads it as a file's path from the site
     * folder (pype.dev's {@code post_template = "pages/templates/template.html"}, meetgor.com's
     * {@code "layouts/post_template.html"}, as markata's starters once suggested), then compiles
     * the name itself ({@link #isInline}). Only for the template a page names: what it includes
     * or extends is looked up in the template folders, as markata's loader does.
     */
    private Optional<String> pageSource(String name) throws IOException {
        Optional<String> text = source(name);
        if (text.isPresent()) {
            return text;
        }
        Optional<Path> file = siteFile(name);
        return file.isPresent() ? Optional.of(BlockWhitespace.apply(Utf8.read(file.get(), "template " + name, "templates are")))
                : Optional.empty();
    }

    /**
     * The file of the site folder that {@code name} is the path of, outside the templates folder
     * (whose files {@link #key} hashes anyway) and the folders builds write: a page template
     * named by its path ({@link #pageSource}).
     */
    private Optional<Path> siteFile(String name) {
        if (name.isBlank() || isInline(name)) {
            return Optional.empty();
        }
        try {
            Path file = siteDirectory.resolve(name).normalize();
            boolean inSite = file.startsWith(siteDirectory) && !file.startsWith(siteTemplates.toAbsolutePath().normalize())
                    && written.stream().noneMatch(file::startsWith);
            return inSite && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * What a post's own {@code template:} adds to what its page depends on: the text of the
     * file it names by its path in the site folder ({@link #pageSource}), which {@link #key}
     * covers only for templates the configuration names; empty for any other name.
     */
    public String pageTemplateKey(String name) throws IOException {
        String known = pageTemplateKeys.get(name);
        if (known == null) {
            Optional<Path> file = siteFile(name);
            if (file.isPresent()) {
                byte[] bytes = Files.readAllBytes(file.get());
                known = new Hashing().add(bytes)
                        .add(RawIncludes.key(siteDirectory, new String(bytes, StandardCharsets.UTF_8))).hex();
            } else {
                known = "";
            }
            pageTemplateKeys.put(name, known);
        }
        return known;
    }

    /** Every string in a configuration value, tables and lists included. */
    private static void strings(Object value, Set<String> found) {
        if (value instanceof String text) {
            found.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(inner -> strings(inner, found));
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> strings(inner, found));
        }
    }

    private Optional<String> read(String name) throws IOException {
        if (isInline(name)) {
            return Optional.of(BlockWhitespace.apply(name));
        }
        if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            return Optional.empty();
        }
        Path own = siteTemplates.resolve(name);
        if (Files.isRegularFile(own)) {
            return Optional.of(BlockWhitespace.apply(Utf8.read(own, "template " + name, "templates are")));
        }
        try (InputStream in = Templates.class.getResourceAsStream(THEME + name)) {
            return in == null ? Optional.empty()
                    : Optional.of(BlockWhitespace.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** The names of a post's body fields, in a template's text (a word: also in a longer expression). */
    private static final Pattern BODY_NAMES = Pattern.compile("\\b(?:content|html|article_html)\\b");
    private static final Set<String> BODY_FIELDS = Set.of("content", "html", "article_html");

    /**
     * What a feed's card template sees: {@code post}, and the post's fields by name, as markata
     * renders a card ({@code render(post=post, **post.to_dict())}): markata's own site writes
     * {@code {{ slug }}}, {@code {{ title }}} and {@code {{ article_html }}} in its cards. A name the
     * front matter has is its value there ({@code {{ url }}} is a post's own {@code url:}, as
     * markata's post has no url field). The bodies (content, html, article_html) are put only when
     * the card's text names them, so a card that shows none is not counted as reading them
     * ({@link PostBodies}: such a feed page is not rendered again when only a body changed).
     */
    public Map<String, Object> cardValues(String cardTemplate, Map<String, Object> post) throws IOException {
        // once per template, not per card: matching it for each of 10,000 cards was a fifth of their time
        Boolean known = cardsShowBodies.get(cardTemplate);
        if (known == null) {
            known = source(cardTemplate).map(text -> BODY_NAMES.matcher(text).find()).orElse(true);
            cardsShowBodies.put(cardTemplate, known);
        }
        boolean bodies = known;
        Map<String, Object> values = new HashMap<>();
        for (String name : post.keySet()) {
            if (bodies || !BODY_FIELDS.contains(name)) {
                values.put(name, post.get(name));
            }
        }
        if (post instanceof ListedPost listed) {
            values.putAll(listed.frontMatter());
        }
        values.put("post", post);
        return values;
    }

    /**
     * A post as templates see it: {@code post.title}, {@code post.article_html}, extra keys, and
     * markata's {@code today} (the day) and {@code now} (a naive datetime in UTC, as its
     * {@code utcnow()}). A page showing them shows when it was last made: skipped pages keep theirs.
     */
    public Map<String, Object> postView(Post post) {
        Map<String, Object> view = new PostView(post.extra());
        view.put("path", post.path());
        view.put("slug", post.slug());
        view.put("title", post.displayTitle());
        view.put("date", templateDate(post.date()));
        if (!post.extra().containsKey("date_time")) {
            view.put("date_time", templateDateTime(post.date(), false));
        }
        if (!post.extra().containsKey("datetime")) {
            view.put("datetime", templateDateTime(post.date(), true));
        }
        if (!post.extra().containsKey("today")) { // markata's Post fields, made when the post is
            view.put("today", dayOnly(ZonedDateTime.now()));
        }
        if (!post.extra().containsKey("now")) {
            view.put("now", templateDateTime(new PostDate(LocalDateTime.now(ZoneOffset.UTC), null, true), false));
        }
        view.put("tags", post.tags());
        view.put("published", post.published());
        view.put("description", post.description());
        view.put("template", post.template());
        view.put("content", post.content());
        view.put("html", post.html() == null ? "" : post.html());
        view.put("article_html", post.html() == null ? "" : post.html());
        view.put("url", site.pagePath(post.slug()));
        view.putIfAbsent("href", href(post, site));
        return view;
    }

    /**
     * markata's {@code post.href}: the front matter's, else the post's page, {@code /my-post/},
     * here under the {@code path_prefix} as every address markata-java writes ({@code post.url},
     * markata.json's {@code href}); markata's own leaves the prefix out, as its wikilinks do.
     */
    public static String href(Post post, SiteConfig site) {
        return post.extra().get("href") instanceof String own && !own.isBlank() ? own : site.pagePath(post.slug());
    }

    /**
     * A post's date as templates see it: jinjava's Python-like date ({@code .year},
     * {@code .strftime('%B %d, %Y')}, {@code |datetimeformat}) that prints as markata's date does
     * ({@code 2024-05-01}) and keeps the time and zone the front matter gave for
     * {@code strftime('%H:%M')}; none without a date, so {@code post.date.strftime(...)} shows nothing.
     */
    static PyishDate templateDate(PostDate date) {
        return date == null ? null : dayOnly(date.atOffset().toZonedDateTime());
    }

    /** A date that prints and behaves as Python's {@code date} (see {@link PythonDates}: its format says so). */
    static PyishDate dayOnly(ZonedDateTime at) {
        return new PyishDate(at).withDateFormat("yyyy-MM-dd");
    }

    /**
     * markata's {@code post.date_time} (the date and time as written, with the zone only when one
     * was given) or, {@code aware}, the {@code post.datetime} of its datetime plugin (UTC when no
     * zone was given); each prints as Python prints a datetime: {@code 2024-05-01 10:30:00},
     * {@code 2024-05-01 10:30:00+02:00}, with microseconds only when there are some. The format is
     * also how {@link PythonDates} tells a naive datetime from an aware one.
     */
    static PyishDate templateDateTime(PostDate date, boolean aware) {
        if (date == null) {
            return null;
        }
        boolean fraction = date.local().getNano() != 0;
        boolean zone = aware || date.offset() != null;
        String format = fraction ? zone ? "yyyy-MM-dd HH:mm:ss.SSSSSSxxx" : "yyyy-MM-dd HH:mm:ss.SSSSSS"
                : zone ? "yyyy-MM-dd HH:mm:ssxxx" : "yyyy-MM-dd HH:mm:ss";
        return new PyishDate(date.atOffset().toZonedDateTime()).withDateFormat(format);
    }

    private static Map<String, Object> configView(SiteConfig site, Map<String, Object> markata) {
        Map<String, Object> view = new LinkedHashMap<>();
        markata.forEach((key, value) -> view.put(key, dictLike(value)));
        view.put("title", site.title());
        view.put("url", anyUrl(site.url()));
        view.put("description", site.description());
        view.put("author_name", site.authorName());
        view.put("author_email", site.authorEmail());
        view.put("lang", site.lang());
        view.put("path_prefix", site.pathPrefix()); // markata's default is "" too
        if (markata.get("icon") instanceof String icon && !icon.isBlank()) {
            PythonPath iconPath = iconPath(site, icon);
            view.put("icon", iconPath);
            // icon_resize's Optional[Path]: as written, else output_dir / icon as markata found it
            if (!(markata.get("icon_out_file") instanceof String out) || out.isBlank()) {
                Object outputDir = markata.getOrDefault("output_dir", "markout");
                view.put("icon_out_file", PythonPath.of(outputDir + "/" + iconPath));
            }
        }
        if (markata.get("icon_out_file") instanceof String out && !out.isBlank()) {
            view.put("icon_out_file", PythonPath.of(out));
        }
        return Collections.unmodifiableMap(view);
    }

    /**
     * {@code config.icon} as markata's icon_resize model makes it, a {@code Path}: as written when
     * that file is there from the site folder, else {@code assets_dir} joined with it when that
     * one is ({@code icon = "icon.png"} prints {@code static/icon.png}), else as written (the
     * icon_resize plugin names the missing file).
     */
    private static PythonPath iconPath(SiteConfig site, String icon) {
        try {
            if (!Files.isRegularFile(site.directory().resolve(icon))
                    && Files.isRegularFile(site.assetsDir().resolve(icon))) {
                Path assets = site.assetsDir().startsWith(site.directory())
                        ? site.directory().relativize(site.assetsDir()) : site.assetsDir();
                return PythonPath.of(SitePaths.slashed(assets) + "/" + icon);
            }
        } catch (InvalidPathException e) {
            // no file has that name: the text as written
        }
        return PythonPath.of(icon);
    }

    /**
     * {@code url} as templates print it in markata, where it is pydantic's {@code AnyUrl}: an
     * http(s) address without a path gets "/" ({@code https://rhiannonwalker.com} prints
     * {@code https://rhiannonwalker.com/}, and sites write {@code {{ config.url }}{{ post.slug }}/});
     * one with a path prints as written.
     */
    static String anyUrl(String url) {
        return url != null && url.matches("(?i)https?://[^/?#]+") ? url + "/" : url;
    }

    /**
     * A configuration value with each of its tables a read-only Python-like dict: jinjava gives
     * dict methods ({@code items()}, {@code keys()}, {@code get(key, default)}) to a table reached
     * as {@code config.nav}, but not to one a method call returns, so markata's
     * {@code config.get('nav', {}).items()} failed.
     */
    @SuppressWarnings("unchecked")
    private static Object dictLike(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, inner) -> copy.put(key, dictLike(inner)));
            return new PyMap(Collections.unmodifiableMap(copy));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Templates::dictLike).toList();
        }
        return value;
    }
}
