package dev.markata.content;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File names Windows cannot make: its device names ({@code CON}, {@code NUL}, {@code LPT1}...),
 * which stay devices whatever the case and whatever extension follows ({@code nul.txt}), and
 * names ending with a dot or a space, which Windows drops. Linux makes them all, so a site can
 * build and serve such a page; a checkout, an unzip or a deploy from Windows then fails or loses
 * the file. The list is Microsoft's ("Naming Files, Paths, and Namespaces"), with the
 * superscript digits it lists too.
 */
public final class WindowsNames {

    /** What a warning shows of the list. */
    public static final String DEVICES = "CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, in any case and with any extension";

    private static final Set<String> BARE = Set.of("con", "prn", "aux", "nul");

    private WindowsNames() {
    }

    /** Why Windows cannot make a file or folder of this name, or nothing when it can. */
    public static Optional<String> problem(String name) {
        if (name.endsWith(".")) {
            return Optional.of("ends with a dot, which Windows drops from a name");
        }
        if (name.endsWith(" ")) {
            return Optional.of("ends with a space, which Windows drops from a name");
        }
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
        return isDevice(base) ? Optional.of("is a device name on Windows (" + DEVICES + ")") : Optional.empty();
    }

    /** The first part of a slash-separated path ({@code blog/con/x}) that Windows cannot make. */
    public static Optional<String> reservedPart(String path) {
        for (String part : path.split("/")) {
            if (problem(part).isPresent()) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    private static boolean isDevice(String base) {
        if (BARE.contains(base)) {
            return true;
        }
        if (base.length() != 4 || !(base.startsWith("com") || base.startsWith("lpt"))) {
            return false;
        }
        char digit = base.charAt(3);
        return digit >= '0' && digit <= '9' || digit == '\u00b9' || digit == '\u00b2' || digit == '\u00b3';
    }
}
