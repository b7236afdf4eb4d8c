package dev.markata.plugins.post_template;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.mode.DefaultExecutionMode;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.TextNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import com.hubspot.jinjava.util.ObjectTruthValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.lang3.tuple.Pair;

/**
 * jinjava's {@code for} with Jinja's loop filter, {@code {% for p in posts if p.published %}}:
 * jinjava read {@code posts if p.published} as the list (a conditional without else, so no
 * value) and looped over nothing, without a word. Here the items that pass the condition are
 * looped over, so {@code loop.index} counts only them, as in Jinja. And Jinja's
 * {@code {% else %}} part, shown when there is nothing to loop over: jinjava rendered it after
 * every item instead.
 */
final class JinjaForTag extends ForTag {

    @Override
    public String interpretUnchecked(TagNode tagNode, JinjavaInterpreter interpreter) {
        Pair<List<String>, String> varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        String expression = varsAndExpression.getRight();
        int at = loopFilterAt(expression);
        int elseAt = elseAt(tagNode);
        List<String> vars = varsAndExpression.getLeft();
        if (at < 0 && elseAt < 0) {
            if (printsItsItem(tagNode, interpreter, vars)) {
                Object items = interpreter.resolveELExpression(expression, tagNode.getLineNumber());
                String printed = printed(tagNode, interpreter, items);
                return printed != null ? printed : renderForCollection(tagNode, interpreter, vars, items);
            }
            return super.interpretUnchecked(tagNode, interpreter);
        }
        Object items = interpreter.resolveELExpression(at < 0 ? expression : expression.substring(0, at),
                tagNode.getLineNumber());
        if (at >= 0) {
            items = kept(interpreter, tagNode, vars, items, expression.substring(at + 1 + "if".length()).strip());
        }
        if (elseAt < 0) {
            return renderForCollection(tagNode, interpreter, vars, items);
        }
        List<Node> children = tagNode.getChildren();
        if (!ObjectIterator.getLoop(items).hasNext()) {
            StringBuilder out = new StringBuilder();
            for (Node node : children.subList(elseAt + 1, children.size())) {
                out.append(node.render(interpreter).getValue());
            }
            return out.toString();
        }
        // the loop's own part: a node like this one with the children before {% else %}
        TagNode body = new TagNode(this, (TagToken) tagNode.getMaster(), tagNode.getSymbols());
        body.getChildren().addAll(children.subList(0, elseAt));
        return renderForCollection(body, interpreter, vars, items);
    }

    /**
     * Whether the loop only prints its item, then a text or nothing: {@code {% for card in cards
     * %}{{ card }}\n{% endfor %}}, the feed pages' loop over their cards (10,000 in an archive),
     * in a render whose printing of text leaves it as it is (no autoescape, no nested
     * interpretation, jinjava's default execution mode, no output limit). Walking 10,000 items
     * through jinjava (a scope, the loop variable, the expression looked up and printed, each
     * node's output) was most of the time a feed page took once its cards were kept.
     */
    private static boolean printsItsItem(TagNode tagNode, JinjavaInterpreter interpreter, List<String> vars) {
        List<Node> children = tagNode.getChildren();
        JinjavaConfig config = interpreter.getConfig();
        return vars.size() == 1 && (children.size() == 1 || children.size() == 2 && children.get(1) instanceof TextNode)
                && children.get(0) instanceof ExpressionNode item
                && ((ExpressionToken) item.getMaster()).getExpr().strip().equals(vars.get(0))
                && !interpreter.getContext().isValidationMode() && !interpreter.getContext().isAutoEscape()
                && !config.isNestedInterpretationEnabled() && config.getMaxOutputSize() <= 0
                && config.getExecutionMode().getClass() == DefaultExecutionMode.class;
    }

    /**
     * What a loop that {@link #printsItsItem} prints for {@code items} when they are a list of
     * text: each item as it is (what printing a text gives, see {@code Templates}' getAsString)
     * and the loop's text after it; null for other items, which the loop walks as jinjava does.
     */
    private static String printed(TagNode tagNode, JinjavaInterpreter interpreter, Object items) {
        if (!(items instanceof List<?> list)) {
            return null;
        }
        long length = 0;
        for (Object item : list) {
            if (!(item instanceof String text)) {
                return null;
            }
            length += text.length();
        }
        List<Node> children = tagNode.getChildren();
        String after = children.size() == 2 ? children.get(1).render(interpreter).getValue() : "";
        StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, length + (long) after.length() * list.size()));
        for (Object item : list) {
            out.append((String) item).append(after);
        }
        return out.toString();
    }

    /** Where the loop's own {@code {% else %}} is among its children, or -1. */
    private static int elseAt(TagNode tagNode) {
        List<Node> children = tagNode.getChildren();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof TagNode tag && tag.getName().equals("else")) {
                return i;
            }
        }
        return -1;
    }

    /** The items for which the loop's condition holds. */
    private static List<Object> kept(JinjavaInterpreter interpreter, TagNode tagNode, List<String> vars, Object items,
                                     String condition) {
        List<Object> kept = new ArrayList<>();
        ForLoop loop = ObjectIterator.getLoop(items);
        while (loop.hasNext()) {
            Object item = loop.next();
            try (var scope = interpreter.enterScope()) {
                bind(interpreter, vars, item);
                if (ObjectTruthValue.evaluate(interpreter.resolveELExpression(condition, tagNode.getLineNumber()))) {
                    kept.add(item);
                }
            }
        }
        return kept;
    }

    /** The loop's variables for one item: the item, or its key and value, or its parts. */
    private static void bind(JinjavaInterpreter interpreter, List<String> vars, Object item) {
        if (vars.size() == 1) {
            interpreter.getContext().put(vars.get(0), item);
        } else if (item instanceof Map.Entry<?, ?> entry && vars.size() == 2) {
            interpreter.getContext().put(vars.get(0), entry.getKey());
            interpreter.getContext().put(vars.get(1), entry.getValue());
        } else {
            ForLoop parts = ObjectIterator.getLoop(item);
            for (String var : vars) {
                interpreter.getContext().put(var, parts.hasNext() ? parts.next() : null);
            }
        }
    }

    /**
     * Where the loop's {@code if} starts in the expression after {@code in}: a top-level
     * {@code if} (outside quotes and brackets) with no top-level {@code else} after it, which
     * would make it a conditional expression; -1 when there is none.
     */
    static int loopFilterAt(String expression) {
        boolean[] top = topLevel(expression);
        int found = -1;
        for (int i = 0; i < expression.length(); i++) {
            if (top[i] && Character.isWhitespace(expression.charAt(i))) {
                if (found < 0 && word(expression, i + 1, "if")) {
                    found = i;
                } else if (found >= 0 && word(expression, i + 1, "else")) {
                    return -1;
                }
            }
        }
        return found;
    }

    /** Which characters of an expression are at its top level: outside quotes and brackets, not one of them. */
    static boolean[] topLevel(String expression) {
        boolean[] top = new boolean[expression.length()];
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else {
                top[i] = depth == 0;
            }
        }
        return top;
    }

    private static boolean word(String text, int at, String word) {
        int end = at + word.length();
        return text.startsWith(word, at) && end < text.length() && Character.isWhitespace(text.charAt(end));
    }
}
