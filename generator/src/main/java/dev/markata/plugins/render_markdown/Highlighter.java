package dev.markata.plugins.render_markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small server-side highlighter: one pass over the code marks comments ({@code c}), strings
 * ({@code s}), numbers ({@code m}), keywords ({@code k}) and constants ({@code kc}) with spans
 * the theme colours; everything is HTML-escaped. It knows the shapes of the languages blogs show
 * most (Python, Java, Kotlin, JavaScript/TypeScript, Go, Rust, C/C++, C#, shell, SQL, TOML,
 * YAML, JSON, CSS, HTML); other languages are escaped without colour. No browser script needed.
 */
final class Highlighter {

    /** How one language writes comments, strings and keywords. */
    private record Language(String lineComment, String lineComment2, String blockOpen, String blockClose,
                            String quotes, boolean tripleQuotes, Set<String> keywords, Set<String> constants,
                            boolean caseInsensitive) {
    }

    private static final Map<String, Language> LANGUAGES = new HashMap<>();

    static {
        Set<String> cConstants = Set.of("true", "false", "null", "nullptr", "NULL", "nil", "undefined", "None", "True",
                "False", "this", "self");
        Language python = new Language("#", null, null, null, "\"'", true, words(
                "and as assert async await break class continue def del elif else except finally for from global if "
                        + "import in is lambda nonlocal not or pass raise return try while with yield match case"),
                Set.of("True", "False", "None", "self"), false);
        Language java = new Language("//", null, "/*", "*/", "\"'", true, words(
                "abstract assert boolean break byte case catch char class const continue default do double else enum "
                        + "extends final finally float for goto if implements import instanceof int interface long "
                        + "native new package private protected public return short static strictfp super switch "
                        + "synchronized throw throws transient try void volatile while var record sealed permits yield "
                        + "fun val when object data override suspend"), cConstants, false);
        Language js = new Language("//", null, "/*", "*/", "\"'`", false, words(
                "async await break case catch class const continue debugger default delete do else export extends "
                        + "finally for function if import in instanceof let new of return static super switch throw try "
                        + "typeof var void while with yield interface type enum implements readonly as from"),
                cConstants, false);
        Language go = new Language("//", null, "/*", "*/", "\"'`", false, words(
                "break case chan const continue default defer else fallthrough for func go goto if import interface map "
                        + "package range return select struct switch type var"), cConstants, false);
        Language rust = new Language("//", null, "/*", "*/", "\"", false, words(
                "as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod "
                        + "move mut pub ref return static struct super trait type unsafe use where while Self"),
                Set.of("true", "false", "self", "None", "Some", "Ok", "Err"), false);
        Language c = new Language("//", null, "/*", "*/", "\"'", false, words(
                "auto break case char const continue default do double else enum extern float for goto if inline int "
                        + "long register return short signed sizeof static struct switch typedef union unsigned void "
                        + "volatile while class namespace template typename public private protected virtual using "
                        + "new delete include define string bool"), cConstants, false);
        Language shell = new Language("#", null, null, null, "\"'", false, words(
                "if then else elif fi for while until do done case esac in function return export local set unset "
                        + "echo cd source alias sudo"), Set.of("true", "false"), false);
        Language sql = new Language("--", null, "/*", "*/", "'\"", false, words(
                "select from where and or not insert into values update set delete create table drop alter index on "
                        + "join left right inner outer group by order having limit offset as distinct union all "
                        + "primary key foreign references default null is in like between case when then else end"),
                Set.of("true", "false", "null"), true);
        Language toml = new Language("#", null, null, null, "\"'", true, Set.of(), Set.of("true", "false"), false);
        Language yaml = new Language("#", null, null, null, "\"'", false, Set.of(),
                Set.of("true", "false", "null", "yes", "no", "on", "off", "~"), false);
        Language json = new Language(null, null, null, null, "\"", false, Set.of(), Set.of("true", "false", "null"), false);
        Language css = new Language(null, null, "/*", "*/", "\"'", false, words("important media import from to"),
                Set.of(), false);
        Language html = new Language(null, null, "<!--", "-->", "\"'", false, Set.of(), Set.of(), false);
        for (String name : new String[] {"python", "py", "python3", "pycon"}) {
            LANGUAGES.put(name, python);
        }
        for (String name : new String[] {"java", "kotlin", "kt", "scala", "groovy", "csharp", "cs", "dart", "swift"}) {
            LANGUAGES.put(name, java);
        }
        for (String name : new String[] {"javascript", "js", "typescript", "ts", "jsx", "tsx", "mjs"}) {
            LANGUAGES.put(name, js);
        }
        LANGUAGES.put("go", go);
        LANGUAGES.put("golang", go);
        LANGUAGES.put("rust", rust);
        LANGUAGES.put("rs", rust);
        for (String name : new String[] {"c", "cpp", "c++", "h", "hpp", "cc", "objc"}) {
            LANGUAGES.put(name, c);
        }
        for (String name : new String[] {"bash", "sh", "shell", "zsh", "console", "fish", "dockerfile", "make",
                "makefile", "ini", "conf", "r"}) {
            LANGUAGES.put(name, shell);
        }
        LANGUAGES.put("sql", sql);
        LANGUAGES.put("toml", toml);
        LANGUAGES.put("yaml", yaml);
        LANGUAGES.put("yml", yaml);
        LANGUAGES.put("json", json);
        LANGUAGES.put("jsonc", js);
        LANGUAGES.put("css", css);
        LANGUAGES.put("scss", css);
        for (String name : new String[] {"html", "xml", "svg", "jinja", "j2", "markdown", "md"}) {
            LANGUAGES.put(name, html);
        }
    }

    private Highlighter() {
    }

    private static Set<String> words(String list) {
        return Set.of(list.split(" "));
    }

    /** {@code code} as escaped HTML with token spans; plain escaped text for unknown languages. */
    static String highlight(String language, String code) {
        Language lang = LANGUAGES.get(language.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder(code.length() + code.length() / 4);
        if (lang == null) {
            escape(code, 0, code.length(), out);
            return out.toString();
        }
        int i = 0;
        int n = code.length();
        while (i < n) {
            char ch = code.charAt(i);
            if (lang.blockOpen() != null && code.startsWith(lang.blockOpen(), i)) {
                int end = code.indexOf(lang.blockClose(), i + lang.blockOpen().length());
                end = end < 0 ? n : end + lang.blockClose().length();
                span("c", code, i, end, out);
                i = end;
            } else if ((lang.lineComment() != null && code.startsWith(lang.lineComment(), i)
                    && (!lang.lineComment().equals("#") || i == 0 || !Character.isLetterOrDigit(code.charAt(i - 1))))) {
                int end = code.indexOf('\n', i);
                end = end < 0 ? n : end;
                span("c", code, i, end, out);
                i = end;
            } else if (lang.quotes().indexOf(ch) >= 0) {
                int end = stringEnd(code, i, lang);
                span("s", code, i, end, out);
                i = end;
            } else if (Character.isDigit(ch) && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '.'
                        || code.charAt(end) == '_')) {
                    end++;
                }
                span("m", code, i, end, out);
                i = end;
            } else if (Character.isJavaIdentifierStart(ch)) {
                int end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '-'
                        && lang == LANGUAGES.get("css"))) {
                    end++;
                }
                String word = code.substring(i, end);
                String key = lang.caseInsensitive() ? word.toLowerCase(Locale.ROOT) : word;
                if (lang.constants().contains(key)) {
                    span("kc", code, i, end, out);
                } else if (lang.keywords().contains(key)) {
                    span("k", code, i, end, out);
                } else {
                    escape(code, i, end, out);
                }
                i = end;
            } else {
                escape(code, i, i + 1, out);
                i++;
            }
        }
        return out.toString();
    }

    private static int stringEnd(String code, int start, Language lang) {
        char quote = code.charAt(start);
        if (lang.tripleQuotes() && code.startsWith(String.valueOf(quote).repeat(3), start)) {
            int end = code.indexOf(String.valueOf(quote).repeat(3), start + 3);
            return end < 0 ? code.length() : end + 3;
        }
        int i = start + 1;
        while (i < code.length()) {
            char ch = code.charAt(i);
            if (ch == '\\') {
                i += 2;
                continue;
            }
            if (ch == quote) {
                return i + 1;
            }
            if (ch == '\n' && quote != '`') {
                return i; // an unclosed string ends with its line
            }
            i++;
        }
        return Math.min(i, code.length());
    }

    private static void span(String cssClass, String code, int start, int end, StringBuilder out) {
        out.append("<span class=\"").append(cssClass).append("\">");
        escape(code, start, end, out);
        out.append("</span>");
    }

    private static void escape(String code, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char ch = code.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
    }
}
