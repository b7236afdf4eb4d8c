package dev.markata.plugins.load;

import dev.markata.plugin.PluginException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Splits a document into its YAML front matter and body. Front matter is optional; when the
 * first line is {@code ---} it runs to the next {@code ---} (or {@code ...}) line.
 *
 * <p>Dates are left as text by the YAML reader (no implicit timestamps) so the loader parses
 * them itself, as dates without a time zone shift. A {@link Yaml} instance is not thread-safe:
 * make one {@code FrontMatter} per thread.
 */
final class FrontMatter {

    /** The parts of one document. */
    record Parts(Map<String, Object> values, String body, List<String> frontMatterLines) {
    }

    private final Yaml yaml;

    FrontMatter() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextDates());
    }

    /**
     * @param document the document's name for messages ("posts/a.md")
     * @param text     the whole file
     */
    Parts split(String document, String text) throws PluginException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return new Parts(Map.of(), text, List.of());
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new PluginException(document + ":1: front matter starts with --- but no line closes it with ---");
        }
        List<String> yamlLines = lines.subList(1, close);
        String body = String.join("\n", lines.subList(close + 1, lines.size()));
        Object parsed;
        try {
            parsed = yaml.load(String.join("\n", yamlLines));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 2 : mark.getLine() + 2;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext().strip() + ")" : "";
            throw new PluginException(document + ":" + line + ": front matter is not valid YAML: "
                    + problem.strip() + context, e);
        } catch (YAMLException e) {
            throw new PluginException(document + ":2: front matter is not valid YAML: " + e.getMessage(), e);
        }
        if (parsed == null) {
            return new Parts(Map.of(), body, yamlLines);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new PluginException(document + ":2: front matter must be \"key: value\" lines, not "
                    + (parsed instanceof List ? "a list" : "a single value"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return new Parts(values, body, yamlLines);
    }

    /** YAML's implicit types without timestamps: dates stay text. */
    private static final class TextDates extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
