package dev.markata.cli;

import dev.markata.Markata;
import dev.markata.config.Config;
import dev.markata.config.DidYouMean;
import dev.markata.config.SiteConfig;
import dev.markata.config.TomlValues;
import dev.markata.content.SitePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code markata config [show|get KEY]}: the effective configuration; alone, as {@code show}. The
 * options go before the subcommand or after it ({@code config -d DIR get title}): given before,
 * they were "Unknown options", and {@code config --directory DIR} is how a user asks for it.
 */
@Command(name = "config", description = "Shows the effective configuration (alone: as config show).",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Get.class})
final class ConfigCommand implements Callable<Integer>, Main.WithOptions {

    @Mixin
    HelpOption help;

    @ParentCommand
    Main main;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public CommonOptions options() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        return Show.show(main, options);
    }

    /**
     * The options a subcommand runs with: its own, with the folder given to {@code config} before
     * it when it names none, and {@code -q} / {@code -v} given on either.
     */
    CommonOptions optionsFor(CommonOptions own, CommandSpec ownSpec) throws UsageException {
        boolean before = spec.commandLine().getParseResult().hasMatchedOption("--directory");
        boolean after = ownSpec.commandLine().getParseResult().hasMatchedOption("--directory");
        if (before && after) {
            throw new UsageException("--directory is given twice, to config (" + options.directory + ") and to config "
                    + ownSpec.name() + " (" + own.directory + "): give it once");
        }
        CommonOptions merged = new CommonOptions();
        merged.directory = before ? options.directory : own.directory;
        merged.verbose = own.verbose || options.verbose;
        merged.quiet = own.quiet || options.quiet;
        return merged;
    }

    /** The [markata] table with markata's defaults filled in for the core keys. */
    static Map<String, Object> effective(Config config) {
        SiteConfig site = config.site();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("hooks", site.hooks());
        values.put("disabled_hooks", site.disabledHooks());
        values.put("output_dir", shown(site.directory(), site.outputDir()));
        values.put("assets_dir", shown(site.directory(), site.assetsDir()));
        values.put("templates_dir", shown(site.directory(), site.templatesDir()));
        values.put("url", site.url());
        values.put("title", site.title());
        values.put("description", site.description());
        values.put("author_name", site.authorName());
        values.put("author_email", site.authorEmail());
        values.put("lang", site.lang());
        values.put("workers", (long) site.workers());
        config.markata().asMap().forEach(values::putIfAbsent);
        return values;
    }

    private static String shown(Path directory, Path path) {
        return path.startsWith(directory) ? SitePaths.slashed(directory.relativize(path)) : path.toString();
    }

    private static Config load(Main main, CommonOptions options) throws Exception {
        return Markata.builder(options.directory).environment(main.environment).plugins(main.plugins)
                .reporter(new CliReporter(main.err, options.quiet)).open().config();
    }

    /** {@code markata config show}: the effective configuration as TOML. */
    @Command(name = "show", description = "Prints the effective configuration as TOML.")
    static final class Show implements Callable<Integer>, Main.WithOptions {

        @Mixin
        HelpOption help;
        @ParentCommand
        ConfigCommand parent;

        @Mixin
        CommonOptions options;

        @Override
        public CommonOptions options() {
            return options;
        }

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return show(parent.main, parent.optionsFor(options, spec));
        }

        static Integer show(Main main, CommonOptions options) throws Exception {
            Config config = load(main, options);
            main.out.print(toToml(config.markata().path(), effective(config)));
            return ExitCodes.OK;
        }

        private static String toToml(String table, Map<String, Object> values) {
            StringBuilder text = new StringBuilder("[" + table + "]\n");
            List<Map.Entry<String, Object>> tables = new ArrayList<>();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                if (entry.getValue() instanceof Map) {
                    tables.add(entry);
                } else {
                    text.append(TomlValues.key(entry.getKey())).append(" = ").append(TomlValues.show(entry.getValue())).append('\n');
                }
            }
            for (Map.Entry<String, Object> entry : tables) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) entry.getValue();
                text.append('\n').append(toToml(table + "." + TomlValues.key(entry.getKey()), child));
            }
            return text.toString();
        }
    }

    /** {@code markata config get KEY}: one value ("output_dir", "glob.glob_patterns"). */
    @Command(name = "get", description = "Prints one value, like output_dir or glob.glob_patterns.")
    static final class Get implements Callable<Integer>, Main.WithOptions {

        @Mixin
        HelpOption help;
        @ParentCommand
        ConfigCommand parent;

        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "KEY", description = "A key of [markata], dotted for sub-tables.")
        String key;

        @Override
        public CommonOptions options() {
            return options;
        }

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Config config = load(parent.main, parent.optionsFor(options, spec));
            String path = key.startsWith("markata.") ? key.substring("markata.".length()) : key;
            Object value = effective(config);
            List<String> walked = new ArrayList<>();
            for (String part : path.split("\\.")) {
                if (!(value instanceof Map<?, ?> map) || !map.containsKey(part)) {
                    List<String> known = value instanceof Map<?, ?> map
                            ? map.keySet().stream().map(String::valueOf).toList() : List.of();
                    String where = walked.isEmpty() ? "" : String.join(".", walked) + ".";
                    throw new UsageException("no key " + key + " in the configuration"
                            + DidYouMean.closest(part, known).map(s -> "; did you mean " + where + s + "?").orElse(""));
                }
                value = map.get(part);
                walked.add(part);
            }
            parent.main.out.println(value instanceof String s ? s : TomlValues.show(value));
            return ExitCodes.OK;
        }
    }
}
