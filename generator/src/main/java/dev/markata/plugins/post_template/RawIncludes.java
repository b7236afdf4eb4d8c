package dev.markata.plugins.post_template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a text's {@code {% include_raw 'snippets/a.py' %}} tags ({@link IncludeRawTag}) show,
 * found in the text without running it: a page showing such a file changes with the file, which
 * no setting names, so the keys of pages that show it (skip's, a {@code jinja: true} post's HTML,
 * {@link Templates#key}) cover its bytes, and {@code serve --watch} builds when it changes. Only
 * a name written as a string is found; one an expression makes ({@code include_raw post.snippet})
 * is read when the page is rendered and not watched.
 */
public final class RawIncludes {

    private static final Pattern TAG = Pattern.compile("\\{%[-+]?\\s*include_raw\\s+(['\"])([^'\"\\n]+)\\1\\s*[-+]?%}");

    private RawIncludes() {
    }

    /** The files, from the site folder as the tag reads them, that {@code text}'s tags name. */
    public static Set<Path> files(Path site, String text) {
        Set<Path> files = new LinkedHashSet<>();
        if (!text.contains("include_raw")) {
            return files;
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            try {
                files.add(site.resolve(tag.group(2)).normalize());
            } catch (InvalidPathException e) {
                // no file has that name: the tag says so when it is rendered
            }
        }
        return files;
    }

    /** A key of the bytes of the files {@code text}'s tags name ("" for none), a missing file too. */
    public static String key(Path site, String text) {
        Set<Path> files = files(site, text);
        if (files.isEmpty()) {
            return "";
        }
        Hashing hash = new Hashing();
        for (Path file : files) {
            hash.add(file.toString());
            try {
                hash.add(Files.readAllBytes(file));
            } catch (IOException e) {
                hash.add("not readable");
            }
        }
        return hash.hex();
    }
}
