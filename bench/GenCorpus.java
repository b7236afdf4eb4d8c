import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a deterministic blog corpus for build benchmarks: {@code OUT/posts/*.md} with YAML front
 * matter and 600-1,200-word bodies (headings, emphasis, links, lists, a blockquote, a fenced code
 * block, a GFM table), plus {@code OUT/markata.toml}.
 *
 * <p>Post {@code i} depends only on (seed, i), so a 1,000-post corpus is a prefix of the
 * 10,000-post one and runs can be compared across sizes. Run it as a single-file program:
 * {@code java bench/GenCorpus.java --n 1000 --out /dev/shm/corpus [--seed 42]}.
 */
public final class GenCorpus {

    private static final String[] NOUNS = ("build cache pipeline template plugin config server client request "
            + "queue worker thread process module package library function method class record field value index "
            + "table schema query database page post article draft feed sitemap asset stylesheet script bundle "
            + "compiler parser renderer markdown document section heading paragraph list link anchor timestamp "
            + "archive release version branch commit review test benchmark profile trace sample graph metric "
            + "counter histogram latency throughput memory heap stack buffer stream file folder path pattern "
            + "filter hook event callback future task job scheduler timer report dashboard summary").split(" ");
    private static final String[] VERBS = ("build cache render parse compile load save write read sort filter "
            + "map reduce merge split collect measure profile sample trace inspect debug refactor deploy publish "
            + "schedule retry skip validate normalize serialize encode compress flush watch reload configure "
            + "extend register resolve generate transform highlight bundle").split(" ");
    private static final String[] ADJECTIVES = ("fast slow small large static dynamic lazy eager incremental "
            + "clean stale fresh simple complex robust shared local remote nested flat sorted hot cold warm "
            + "cheap expensive reliable quiet verbose minimal custom parallel serial readable portable modern "
            + "stable careful subtle hidden visible").split(" ");
    private static final String[] TAGS = ("java python performance web markdown tooling testing design "
            + "notes tutorial release ops data").split(" ");
    private static final String[] LANGUAGES = {"java", "python", "bash", "toml", "json"};

    public static void main(String[] args) throws IOException {
        int n = 1000;
        long seed = 42;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: java GenCorpus.java --n N --out DIR [--seed S]");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("usage: java GenCorpus.java --n N --out DIR [--seed S]");
            System.exit(2);
        }
        Path posts = out.resolve("posts");
        Files.createDirectories(posts);
        for (int i = 0; i < n; i++) {
            Post post = post(seed, i);
            Files.writeString(posts.resolve(post.slug + ".md"), post.text, StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("markata.toml"), """
                [markata]
                title = "Benchmark Blog"
                url = "https://bench.example.com"
                output_dir = "markout"

                [markata.glob]
                glob_patterns = ["posts/**/*.md"]
                """, StandardCharsets.UTF_8);
        System.err.println("wrote " + n + " posts to " + posts);
    }

    private record Post(String slug, String text) {
    }

    private static Post post(long seed, int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        String title = capitalize(pick(random, ADJECTIVES)) + " " + pick(random, NOUNS) + " "
                + pick(random, VERBS) + " " + pick(random, NOUNS) + " " + i;
        String slug = title.toLowerCase().replace(' ', '-');
        LocalDate date = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
        StringBuilder text = new StringBuilder(8192);
        text.append("---\n")
                .append("title: \"").append(title).append("\"\n")
                .append("date: ").append(date).append('\n')
                .append("tags: [").append(pick(random, TAGS)).append(", ").append(pick(random, TAGS)).append("]\n")
                .append("description: \"").append(sentence(random, 12).replace("\"", "")).append("\"\n")
                .append("published: true\n")
                .append("slug: ").append(slug).append('\n')
                .append("---\n\n");
        int targetWords = 600 + random.nextInt(601);
        int words = 0;
        int section = 0;
        while (words < targetWords) {
            text.append("## ").append(capitalize(sentence(random, 4))).append("\n\n");
            for (int p = 0; p < 2 + random.nextInt(2); p++) {
                String paragraph = paragraph(random);
                words += paragraph.split(" ").length;
                text.append(paragraph).append("\n\n");
            }
            switch (section++ % 5) {
                case 0 -> {
                    for (int k = 0; k < 3 + random.nextInt(3); k++) {
                        text.append("- ").append(sentence(random, 6)).append('\n');
                    }
                    text.append('\n');
                }
                case 1 -> text.append("> ").append(sentence(random, 16)).append("\n\n");
                case 2 -> {
                    String lang = pick(random, LANGUAGES);
                    text.append("```").append(lang).append('\n');
                    for (int k = 0; k < 4 + random.nextInt(6); k++) {
                        text.append("    ").append(pick(random, VERBS)).append('_').append(pick(random, NOUNS))
                                .append("(").append(random.nextInt(100)).append(")\n");
                    }
                    text.append("```\n\n");
                }
                case 3 -> {
                    text.append("| ").append(pick(random, NOUNS)).append(" | ").append(pick(random, NOUNS))
                            .append(" | ms |\n|---|---|---:|\n");
                    for (int k = 0; k < 3 + random.nextInt(4); k++) {
                        text.append("| ").append(pick(random, ADJECTIVES)).append(" | ").append(pick(random, VERBS))
                                .append(" | ").append(random.nextInt(1000)).append(" |\n");
                    }
                    text.append('\n');
                }
                default -> {
                    for (int k = 1; k <= 3; k++) {
                        text.append(k).append(". ").append(sentence(random, 5)).append('\n');
                    }
                    text.append('\n');
                }
            }
        }
        return new Post(slug, text.toString());
    }

    private static String paragraph(SplittableRandom random) {
        List<String> sentences = new ArrayList<>();
        for (int s = 0; s < 3 + random.nextInt(4); s++) {
            String sentence = capitalize(sentence(random, 8 + random.nextInt(10))) + ".";
            int decoration = random.nextInt(6);
            if (decoration == 0) {
                sentence = sentence.replaceFirst(" (\\w+) ", " *$1* ");
            } else if (decoration == 1) {
                sentence = sentence.replaceFirst(" (\\w+) ", " **$1** ");
            } else if (decoration == 2) {
                sentence = sentence.replaceFirst(" (\\w+) ", " [$1](https://example.com/" + pick(random, NOUNS) + ") ");
            } else if (decoration == 3) {
                sentence = sentence.replaceFirst(" (\\w+) ", " `$1` ");
            }
            sentences.add(sentence);
        }
        return String.join(" ", sentences);
    }

    private static String sentence(SplittableRandom random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            String[] pool = switch (w % 3) {
                case 0 -> ADJECTIVES;
                case 1 -> NOUNS;
                default -> VERBS;
            };
            sb.append(pick(random, pool));
        }
        return sb.toString();
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
