package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random, truncated and mangled front matter, TOML and Markdown thrown at the real command line:
 * whatever the input, the build either succeeds (0) or says what is wrong (1 for content, 2 for
 * configuration) in "error:" lines, and never shows a stack trace or an "unexpected" error,
 * and never writes outside its output folder.
 */
class RandomInputPropertyTest {

    private static final List<String> TOML_PIECES = List.of("[markata]\n", "[markata.glob]\n", "[[markata.feeds]]\n",
            "title = \"Site\"\n", "workers = 2\n", "workers = -3\n", "workers = \"x\"\n", "output_dir = \"out\"\n",
            "output_dir = \"..\"\n", "output_dir = \"\"\n", "hooks = [\"default\"]\n", "hooks = \"default\"\n",
            "hooks = [\"markata.plugins.nope\"]\n", "disabled_hooks = [1]\n", "glob_patterns = [\"**/*.md\"]\n",
            "glob_patterns = []\n", "glob_patterns = [\"/abs\"]\n", "use_gitignore = 3\n", "url = 1979-05-27\n",
            "title = \"\"\"\nmulti\n\"\"\"\n", "= 3\n", "key = \n", "[markata\n", "x = [1, \"a\"]\n", "\"\u00e9\" = 1\n",
            "templates_dir = \"/etc\"\n", "lang = { a = 1 }\n", "\u0000\n", "# comment\n");

    private static final List<String> FRONT_MATTER_PIECES = List.of("---\n", "title: Hello\n", "title: [a, b\n",
            "title: {x: 1}\n", "date: 2024-01-01\n", "date: 2024-02-30\n", "date: yesterday\n", "date: 2024-01-01T10:00\n",
            "slug: ../../up\n", "slug: /abs\n", "slug: \"a/b\"\n", "slug: \"!!!\"\n", "slug: \"\"\n", "tags: [a, b]\n",
            "tags: {a: b}\n", "tags: a, b\n", "published: maybe\n", "published: true\n", "template: nowhere.html\n",
            "template: ../../etc/passwd\n", "- item\n", "just text\n", "key: &a [*a]\n", "<<: {a: 1}\n", "? complex\n",
            "title: !!python/object:os.system x\n", "\t\tbad indent: 1\n", "...\n", "description: \"unterminated\n",
            "x: \u0000\n", "\uFEFF\n");

    private static final List<String> MARKDOWN_PIECES = List.of("# Title\n", "text *emph **strong\n", "[link](\n",
            "```\ncode\n", "| a | b |\n|---|\n", "- [ ] task\n", "<script>alert(1)</script>\n", "{{ post.title }}\n",
            "{% if %}\n", "[^note]\n\n[^note]: x\n", "> quote\n> > nested\n", "\n\n", "&amp; &#0; &#xFFFFFF;\n",
            "<!-- unterminated\n", "~~~\n", "* * *\n", "![img](javascript:alert(1))\n", "\u202e\u0000\uD800\n");

    @Provide
    Arbitrary<String> toml() {
        return mangled(TOML_PIECES, 12);
    }

    @Provide
    Arbitrary<String> post() {
        Arbitrary<String> front = mangled(FRONT_MATTER_PIECES, 8);
        Arbitrary<String> body = mangled(MARKDOWN_PIECES, 10);
        return Combinators.combine(front, body).as(String::concat);
    }

    /** A few pieces (often well-formed, often not), sometimes with random text, then perhaps cut short. */
    private static Arbitrary<String> mangled(List<String> pieces, int max) {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(pieces), Arbitraries.of(pieces),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> text = piece.list().ofMaxSize(max).map(list -> String.join("", list));
        return Combinators.combine(text, Arbitraries.integers().between(0, 100))
                .as((whole, percent) -> percent >= 70 ? whole : whole.substring(0, whole.length() * percent / 70));
    }

    @Property(tries = 25)
    void randomConfigurationNeverCrashesTheCommandLine(@ForAll("toml") String toml) throws IOException {
        Path base = Files.createTempDirectory("markata-prop-toml");
        Path site = Files.createDirectory(base.resolve("site"));
        try {
            write(site.resolve("markata.toml"), toml);
            write(site.resolve("posts/a.md"), "---\ntitle: A\n---\nbody\n");
            checkOutcome(site, Cli.builtIn().build(site, "-q"));
        } finally {
            delete(base);
        }
    }

    @Property(tries = 30)
    void randomPostsNeverCrashTheCommandLine(@ForAll("post") String first, @ForAll("post") String second)
            throws IOException {
        Path base = Files.createTempDirectory("markata-prop-post");
        Path site = Files.createDirectory(base.resolve("site"));
        try {
            write(site.resolve("posts/first.md"), first);
            write(site.resolve("posts/second.md"), second);
            checkOutcome(site, Cli.builtIn().build(site, "-q"));
        } finally {
            delete(base);
        }
    }

    /** How one cache file is damaged: a kind, a place (per mille of its length) and a byte. */
    record Damage(int kind, int permille, byte value) {
        byte[] apply(byte[] bytes) {
            int at = (int) ((long) bytes.length * permille / 1000);
            return switch (kind) {
                case 0 -> java.util.Arrays.copyOf(bytes, at); // cut short
                case 1 -> { // one byte changed
                    byte[] copy = bytes.clone();
                    if (copy.length > 0) {
                        copy[Math.min(at, copy.length - 1)] ^= value == 0 ? 1 : value;
                    }
                    yield copy;
                }
                case 2 -> { // bytes appended
                    byte[] copy = java.util.Arrays.copyOf(bytes, bytes.length + 1 + permille % 50);
                    java.util.Arrays.fill(copy, bytes.length, copy.length, value);
                    yield copy;
                }
                default -> new byte[] {value, (byte) 0xff, (byte) '\t', (byte) '\n'}; // garbage
            };
        }
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        Arbitrary<Damage> one = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1000), Arbitraries.bytes()).as(Damage::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    /**
     * Caches only save work: whatever happens to the files in {@code .markata.cache} between two
     * builds (cut short, a byte changed, bytes added, garbage), the next build succeeds without
     * a stack trace and writes the same site.
     */
    @Property(tries = 12)
    void damagedCachesNeverFailTheBuildNorChangeTheSite(@ForAll("damages") List<Damage> damages) throws IOException {
        Path base = Files.createTempDirectory("markata-prop-cache");
        Path site = Files.createDirectory(base.resolve("site"));
        try {
            write(site.resolve("markata.toml"), "[markata]\ntitle = \"cache\"\n[[markata.feeds]]\nslug = \"all\"\n");
            for (int i = 0; i < 3; i++) {
                write(site.resolve("posts/p" + i + ".md"), "---\ntitle: P" + i + "\ndate: 2024-01-0" + (i + 1)
                        + "\n---\n\n# Post " + i + "\n\nSome *text* [[p" + ((i + 1) % 3) + "]].\n");
            }
            Cli.Run first = Cli.builtIn().build(site, "-q");
            assertThat(first.code()).as(first.toString()).isZero();
            java.util.Map<String, byte[]> built = SiteFiles.of(site.resolve("markout"));
            List<Path> caches;
            try (Stream<Path> files = Files.walk(site.resolve(".markata.cache"))) {
                caches = files.filter(Files::isRegularFile).sorted().toList();
            }
            for (int i = 0; i < damages.size(); i++) {
                Path file = caches.get((damages.get(i).permille() + i * 7) % caches.size());
                Files.write(file, damages.get(i).apply(Files.readAllBytes(file)));
            }
            Cli.Run second = Cli.builtIn().build(site, "-q");
            assertThat(second.code()).as(second.toString()).isZero();
            assertThat(second.err()).as(second.toString()).doesNotContain("\tat ").doesNotContain("error");
            SiteFiles.assertSame(SiteFiles.of(site.resolve("markout")), built);
        } finally {
            delete(base);
        }
    }

    private static void checkOutcome(Path site, Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.toString()).isIn(0, 1, 2);
        // "error: unexpected" is how the command line reports a bug; a YAML error about the post
        // ("found unexpected end of stream", an unterminated quote) is a message for the user
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ").doesNotContain("error: unexpected")
                .doesNotContain("NullPointer").doesNotContain("IndexOutOfBounds");
        if (run.code() != 0) {
            assertThat(run.err()).as(run.toString()).startsWith("error: ");
        }
        try (Stream<Path> files = Files.list(site.getParent())) {
            assertThat(files).as("nothing written beside the site").containsExactly(site);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        // getBytes, not writeString: random text may hold lone surrogates, written as '?'
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
