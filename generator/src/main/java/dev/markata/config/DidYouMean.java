package dev.markata.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the known names closest to a misspelt one, for "did you mean" hints. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * The known names within a small edit distance of {@code name} (or sharing its last dotted
     * segment), closest first, at most {@code limit}.
     */
    public static List<String> closest(String name, Collection<String> known, int limit) {
        record Scored(String name, int distance) {
        }
        String tail = lastSegment(name);
        List<Scored> scored = new ArrayList<>();
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(), candidate.toLowerCase());
            int tailDistance = distance(tail.toLowerCase(), lastSegment(candidate).toLowerCase());
            int best = Math.min(distance, tailDistance);
            if (best <= threshold(Math.min(tail.length(), lastSegment(candidate).length()))) {
                scored.add(new Scored(candidate, best));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(limit).map(Scored::name).toList();
    }

    /** The single closest known name, if any is close enough. */
    public static Optional<String> closest(String name, Collection<String> known) {
        return closest(name, known, 1).stream().findFirst();
    }

    private static int threshold(int length) {
        return length <= 3 ? 1 : length <= 6 ? 2 : 3;
    }

    private static String lastSegment(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** Levenshtein distance, two rows; names are short so this is cheap. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
