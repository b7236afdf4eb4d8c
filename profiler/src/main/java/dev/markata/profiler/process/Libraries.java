package dev.markata.profiler.process;

import java.util.List;
import java.util.Set;

/** Short library names for hidden-frame groups ("jdk", "commonmark", "jinjava"), from package names. */
public final class Libraries {

    /** The JDK's own packages. */
    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.",
            "org.xml.sax.", "org.ietf.jgss."};
    /** First package segments that only say where a project lives, not what it is. */
    private static final Set<String> DOMAINS = Set.of("org", "com", "net", "io", "dev", "edu", "gov", "me", "co",
            "de", "fr", "uk", "nl", "ch", "info", "biz", "app", "tools");
    /** Organisations and people that publish many projects: the project is the next segment. */
    private static final Set<String> ORGANISATIONS = Set.of("apache", "google", "fasterxml", "hubspot", "github",
            "eclipse", "jetbrains", "squareup", "yaml", "springframework", "codehaus", "ow2", "jboss", "oracle",
            "microsoft", "amazon", "amazonaws", "netflix", "twitter", "ibm", "redhat", "alibaba", "facebook",
            "nibor");

    /**
     * What {@link #nameOf} goes by, for the HTML report's script, which names the libraries of
     * hidden frames in the page: one set of rules, so that the page and the text report group
     * frames under the same names (the page had its own lists, and said "yaml" where the text
     * said "snakeyaml").
     */
    public record Rules(List<String> jdkPrefixes, Set<String> domains, Set<String> organisations) {
    }

    public static Rules rules() {
        return new Rules(List.of(JDK_PREFIXES), DOMAINS, ORGANISATIONS);
    }

    private Libraries() {
    }

    /**
     * The library a class belongs to: {@code java.util.HashMap} -&gt; "jdk",
     * {@code org.commonmark.parser.Parser} -&gt; "commonmark", {@code com.hubspot.jinjava.Jinjava}
     * -&gt; "jinjava", {@code picocli.CommandLine} -&gt; "picocli". Classes in no package give
     * "(default package)".
     */
    public static String nameOf(String className) {
        for (String prefix : JDK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return "jdk";
            }
        }
        int lastDot = className.lastIndexOf('.');
        if (lastDot < 0) {
            return "(default package)";
        }
        String[] segments = className.substring(0, lastDot).split("\\.");
        int i = 0;
        if (segments.length > 1 && DOMAINS.contains(segments[0])) {
            i++;
        }
        if (i < segments.length - 1 && ORGANISATIONS.contains(segments[i])) {
            i++;
        }
        return segments[i];
    }
}
