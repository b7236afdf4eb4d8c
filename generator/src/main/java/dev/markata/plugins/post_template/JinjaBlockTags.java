package dev.markata.plugins.post_template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja's {@code {% with %}} and {@code {% filter %}} blocks, which jinjava does not have
 * (a template using them failed with "Unknown tag: with").
 */
final class JinjaBlockTags {

    private JinjaBlockTags() {
    }

    static List<Tag> all() {
        return List.of(new With(), new FilterBlock());
    }

    private static String body(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder out = new StringBuilder();
        for (Node child : tagNode.getChildren()) {
            out.append(child.render(interpreter).getValue());
        }
        return out.toString();
    }

    /** Parts of {@code text} between top-level commas (outside quotes and brackets). */
    static List<String> topLevelParts(String text) {
        boolean[] top = JinjaForTag.topLevel(text);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (top[i] && text.charAt(i) == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("(?s)\\s*([A-Za-z_]\\w*)\\s*=(?!=)(.*)");

    /**
     * {@code {% with a = 1, b = x %}...{% endwith %}}: names set for the block only; the values
     * are worked out before any is set, outside the block.
     */
    static final class With implements Tag {
        @Override
        public String getName() {
            return "with";
        }

        @Override
        public String getEndTagName() {
            return "endwith";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            Map<String, Object> values = new LinkedHashMap<>();
            String helpers = tagNode.getHelpers().strip();
            if (!helpers.isEmpty()) {
                for (String part : topLevelParts(helpers)) {
                    Matcher assignment = ASSIGNMENT.matcher(part);
                    if (!assignment.matches()) {
                        throw new TemplateSyntaxException(interpreter, tagNode.getMaster().getImage(),
                                "with: expected name = value, got '" + part.strip() + "'");
                    }
                    values.put(assignment.group(1),
                            interpreter.resolveELExpression(assignment.group(2).strip(), tagNode.getLineNumber()));
                }
            }
            try (var scope = interpreter.enterScope()) {
                values.forEach(interpreter.getContext()::put);
                return body(tagNode, interpreter);
            }
        }
    }

    /** {@code {% filter upper|trim %}...{% endfilter %}}: the block's text through the filters. */
    static final class FilterBlock implements Tag {
        private static final String BODY = "__markata_filter_block";

        @Override
        public String getName() {
            return "filter";
        }

        @Override
        public String getEndTagName() {
            return "endfilter";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            String filters = tagNode.getHelpers().strip();
            if (filters.isEmpty()) {
                throw new TemplateSyntaxException(interpreter, tagNode.getMaster().getImage(),
                        "filter: needs a filter, as {% filter upper %}");
            }
            String text = body(tagNode, interpreter);
            try (var scope = interpreter.enterScope()) {
                interpreter.getContext().put(BODY, text);
                return PythonText.str(interpreter.resolveELExpression(BODY + "|" + filters, tagNode.getLineNumber()));
            }
        }
    }
}
