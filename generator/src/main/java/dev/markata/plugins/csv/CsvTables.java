package dev.markata.plugins.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * markata's csv plugin's change to a post's Markdown: each {@code ```csv} fence becomes one line
 * of HTML, a table of its rows.
 *
 * <p>What markata matches, and so what is matched here: a text holding {@code ```csv} or
 * {@code ``` csv} (any case) has every three backticks, white space (newlines too), lower-case
 * {@code csv} and a newline, up to the first newline followed by three backticks, replaced. That
 * is not a Markdown parser's fence: {@code ```csv title} or an indented fence (in a list) stay code,
 * and a {@code ```csv} fence shown inside a longer fence becomes a table there too, as in markata.
 * The text between, stripped of white space around it, is read as Python's {@code csv.reader}
 * reads it ({@link #rows}); the first row is the head ({@code <th>}), the others the body
 * ({@code <td>}); each value is written as it is, without escaping, as markata writes it (HTML in a
 * value is HTML; {@code &} and {@code <} as text need {@code &amp;} and {@code &lt;}).
 */
final class CsvTables {

    private static final Pattern FENCE = Pattern.compile("```\\s*csv\\n(.*?)\\n```",
            Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

    private CsvTables() {
    }

    /** Text Python's csv reader refuses (markata's build stops on it). */
    static final class CsvError extends Exception {
        CsvError(String message) {
            super(message);
        }
    }

    /**
     * {@code markdown} with its csv fences as tables, or the very same string when it has none; a
     * fence whose text Python's reader refuses stays as it is, and {@code problems} is told why.
     */
    static String replace(String markdown, Consumer<String> problems) {
        String lower = markdown.toLowerCase(Locale.ROOT);
        if (!lower.contains("```csv") && !lower.contains("``` csv")) {
            return markdown;
        }
        Matcher fence = FENCE.matcher(markdown);
        StringBuilder out = null;
        int copied = 0;
        while (fence.find()) {
            String table;
            try {
                table = table(rows(fence.group(1).strip()));
            } catch (CsvError e) {
                problems.accept(e.getMessage());
                continue;
            }
            if (out == null) {
                out = new StringBuilder(markdown.length() + 256);
            }
            out.append(markdown, copied, fence.start()).append(table);
            copied = fence.end();
        }
        return out == null ? markdown : out.append(markdown, copied, markdown.length()).toString();
    }

    private static String table(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "<table></table>";
        }
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        for (String cell : rows.get(0)) {
            html.append("<th>").append(cell).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows.subList(1, rows.size())) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(cell).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private enum State { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL }

    /** The end of a line, as Python's reader marks it after a line's characters. */
    private static final int EOL = -1;

    /**
     * The rows of {@code text} as Python's {@code csv.reader(io.StringIO(text))} gives them (the
     * Excel dialect: {@code ,} between values, {@code "} around them, {@code ""} for a quote inside,
     * not strict): lines end at {@code \n}, a quoted value may hold line ends, a blank line is an
     * empty row, a quote inside an unquoted value is kept, text after a closing quote is added to
     * the value, and a carriage return inside an unquoted value is refused.
     */
    static List<List<String>> rows(String text) throws CsvError {
        List<List<String>> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.START_RECORD;
        int lineNumber = 0;
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? text.length() : end + 1;
            lineNumber++;
            for (int i = at; i <= end; i++) {
                int c = i < end ? text.charAt(i) : EOL;
                boolean lineEnd = c == '\n' || c == '\r' || c == EOL;
                switch (state) {
                    case START_RECORD -> {
                        if (c == EOL) {
                            break;
                        }
                        if (c == '\n' || c == '\r') {
                            state = State.EAT_CRNL;
                            break;
                        }
                        state = startField(c, lineEnd, fields, field);
                    }
                    case START_FIELD -> state = startField(c, lineEnd, fields, field);
                    case IN_FIELD -> {
                        if (lineEnd) {
                            save(fields, field);
                            state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
                        } else if (c == ',') {
                            save(fields, field);
                            state = State.START_FIELD;
                        } else {
                            field.append((char) c);
                        }
                    }
                    case IN_QUOTED_FIELD -> {
                        if (c == '"') {
                            state = State.QUOTE_IN_QUOTED_FIELD;
                        } else if (c != EOL) {
                            field.append((char) c);
                        }
                    }
                    case QUOTE_IN_QUOTED_FIELD -> {
                        if (c == '"') {
                            field.append('"');
                            state = State.IN_QUOTED_FIELD;
                        } else if (c == ',') {
                            save(fields, field);
                            state = State.START_FIELD;
                        } else if (lineEnd) {
                            save(fields, field);
                            state = c == EOL ? State.START_RECORD : State.EAT_CRNL;
                        } else {
                            field.append((char) c);
                            state = State.IN_FIELD;
                        }
                    }
                    case EAT_CRNL -> {
                        if (c == EOL) {
                            state = State.START_RECORD;
                        } else if (c != '\n' && c != '\r') {
                            throw new CsvError("a ```csv fence is left as code: its line " + lineNumber
                                    + " has a carriage return inside an unquoted value, which Python's csv reader"
                                    + " refuses (markata's build stops there)");
                        }
                    }
                    default -> throw new IllegalStateException(state.name());
                }
            }
            if (state == State.START_RECORD) {
                rows.add(fields);
                fields = new ArrayList<>();
            }
            at = end;
        }
        if (field.length() > 0 || state == State.IN_QUOTED_FIELD) {
            // the text ends inside a quoted value: the row so far, as Python's reader (not strict) gives it
            save(fields, field);
            rows.add(fields);
        }
        return rows;
    }

    private static State startField(int c, boolean lineEnd, List<String> fields, StringBuilder field) {
        if (lineEnd) {
            save(fields, field);
            return c == EOL ? State.START_RECORD : State.EAT_CRNL;
        }
        if (c == '"') {
            return State.IN_QUOTED_FIELD;
        }
        if (c == ',') {
            save(fields, field);
            return State.START_FIELD;
        }
        field.append((char) c);
        return State.IN_FIELD;
    }

    private static void save(List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        field.setLength(0);
    }
}
