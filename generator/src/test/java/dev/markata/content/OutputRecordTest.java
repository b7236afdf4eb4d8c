package dev.markata.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of a build's output files and what it removes after the next, on real folders. */
class OutputRecordTest {

    @TempDir
    Path site;

    private Path out;
    private Path cache;

    @BeforeEach
    void folders() throws IOException {
        out = Files.createDirectories(site.resolve("markout"));
        cache = Files.createDirectories(site.resolve(".markata.cache"));
    }

    /** A build that writes {@code files} (each holding its name), then settles with removal. */
    private OutputRecord.Outcome build(String... files) throws IOException {
        OutputDir output = new OutputDir(out);
        for (String file : files) {
            output.write(file, file);
        }
        return OutputRecord.settle(output, cache, true);
    }

    @Test
    void removesWhatTheLastBuildMadeAndThisOneDidNotThenTheFoldersLeftEmpty() throws IOException {
        build("index.html", "a/index.html", "b/index.html", "b/deep/er/x.png");
        OutputRecord.Outcome outcome = build("index.html", "a/index.html");
        assertThat(outcome.removed()).containsExactly("b/deep/er/x.png", "b/index.html");
        assertThat(outcome.warnings()).isEmpty();
        assertThat(out.resolve("b")).doesNotExist();
        assertThat(out.resolve("a/index.html")).isRegularFile();
        // the record written compactly: a page as its folder
        assertThat(Files.readString(cache.resolve(OutputRecord.FILES))).contains("\na/\n").contains("\nindex.html\n");
    }

    @Test
    void aFolderWithAnotherFileStaysAndSoDoesAStaleNameThatIsNoLongerAFile() throws IOException {
        build("a/index.html", "b/index.html", "c.html");
        Files.writeString(out.resolve("a/mine.txt"), "mine");
        Files.delete(out.resolve("c.html"));
        Files.createDirectories(out.resolve("c.html")); // a folder now, the author's
        OutputRecord.Outcome outcome = build("b/index.html");
        assertThat(outcome.removed()).containsExactly("a/index.html");
        assertThat(out.resolve("a/mine.txt")).isRegularFile();
        assertThat(out.resolve("c.html")).isDirectory();
    }

    @Test
    void nothingIsRemovedThroughAFolderThatLinksOutOfTheOutputFolder() throws IOException {
        Path elsewhere = Files.createDirectories(site.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("index.html"), "not the site's");
        build("a/index.html", "keep.html");
        // the author replaced the page's folder by a link to a folder of theirs
        Files.delete(out.resolve("a/index.html"));
        Files.delete(out.resolve("a"));
        try {
            Files.createSymbolicLink(out.resolve("a"), elsewhere);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "needs symbolic links");
        }
        assertThat(build("keep.html").removed()).isEmpty();
        assertThat(elsewhere.resolve("index.html")).isRegularFile();
    }

    @Test
    void aRecordEditedToNamePathsOutsideTheOutputFolderRemovesNothingThere() throws IOException {
        Files.writeString(site.resolve("precious.txt"), "mine");
        build("a/index.html");
        String record = Files.readString(cache.resolve(OutputRecord.FILES));
        String[] header = record.substring(0, record.indexOf('\n')).split("\t");
        Files.writeString(cache.resolve(OutputRecord.FILES), header[0] + "\t" + header[1] + "\t3\t0\na/\n../precious.txt\n"
                + site.resolve("precious.txt") + "\n", StandardCharsets.UTF_8);
        assertThat(build("b/index.html").removed()).containsExactly("a/index.html");
        assertThat(site.resolve("precious.txt")).isRegularFile();
    }

    @Test
    void aDamagedRecordIsIgnoredWithAWarningAndWrittenAgain() throws IOException {
        build("a/index.html", "b/index.html");
        String record = Files.readString(cache.resolve(OutputRecord.FILES));
        Files.writeString(cache.resolve(OutputRecord.FILES), record.substring(0, record.length() - 1));
        OutputRecord.Outcome outcome = build("a/index.html");
        assertThat(outcome.removed()).isEmpty();
        assertThat(outcome.warnings()).singleElement().asString().startsWith("ignoring the cache file "
                + cache.resolve(OutputRecord.FILES) + ": its last line is cut off; no file of the output folder is"
                + " removed after this build");
        assertThat(out.resolve("b/index.html")).isRegularFile();
        // written again, it works from the next build on
        build("c.html");
        assertThat(out.resolve("a")).doesNotExist();
    }

    @Test
    void aRecordOfSomethingElseIsIgnoredWithAWarning() throws IOException {
        build("a/index.html", "b/index.html");
        Files.writeString(cache.resolve(OutputRecord.FILES), "a/\nb/\n");
        OutputRecord.Outcome outcome = build("a/index.html");
        assertThat(outcome.removed()).isEmpty();
        assertThat(outcome.warnings()).singleElement().asString().contains(": it is not the record markata-java writes;");
    }

    @Test
    void theRecordOfAnotherOutputFolderRemovesNothing() throws IOException {
        build("a/index.html", "b/index.html");
        Path other = Files.createDirectories(site.resolve("public"));
        Files.writeString(other.resolve("b.html"), "another tool's");
        OutputDir output = new OutputDir(other);
        output.write("a/index.html", "a");
        OutputRecord.Outcome outcome = OutputRecord.settle(output, cache, true);
        assertThat(outcome.removed()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(out.resolve("b/index.html")).isRegularFile();
    }

    @Test
    void aBuildThatMakesTheSameFilesReadsOnlyTheHeaderAndWritesNothing() throws IOException {
        build("a/index.html", "b/index.html");
        Path record = cache.resolve(OutputRecord.FILES);
        // the header still counts and digests a/ and b/: the names below it are not read
        String text = Files.readString(record);
        Files.writeString(record, text.substring(0, text.indexOf('\n') + 1) + "a/\nb.html\n");
        Files.writeString(out.resolve("b.html"), "b");
        assertThat(build("b/index.html", "a/index.html").removed()).isEmpty();
        assertThat(Files.readString(record)).isEqualTo(text.substring(0, text.indexOf('\n') + 1) + "a/\nb.html\n");
        assertThat(out.resolve("b.html")).isRegularFile();
    }

    @Test
    void withoutRemovalTheRecordKeepsTheLastBuildsFilesBesideThisOnes() throws IOException {
        build("a/index.html");
        OutputDir failed = new OutputDir(out);
        failed.write("b/index.html", "b");
        assertThat(OutputRecord.settle(failed, cache, false).removed()).isEmpty();
        assertThat(build("c.html").removed()).containsExactly("a/index.html", "b/index.html");
    }

    @Test
    void aProfiledBuildRemovesTheEarlierReportAndOthersLeaveIt() throws IOException {
        OutputDir profiled = new OutputDir(out);
        profiled.write("a/index.html", "a");
        Files.createDirectories(out.resolve("_profile"));
        Files.writeString(out.resolve("_profile/index.html"), "report");
        Files.writeString(out.resolve("_profile/index.txt"), "tree");
        profiled.keepReport(out.resolve("_profile/index.html"));
        profiled.keepReport(out.resolve("_profile/index.txt"));
        OutputRecord.settle(profiled, cache, true);

        assertThat(build("a/index.html").removed()).isEmpty();
        assertThat(out.resolve("_profile/index.txt")).isRegularFile();

        OutputDir again = new OutputDir(out);
        again.write("a/index.html", "a");
        again.keepReport(out.resolve("_profile/index.html"));
        assertThat(OutputRecord.settle(again, cache, true).removed()).containsExactly("_profile/index.txt");
        assertThat(out.resolve("_profile/index.html")).isRegularFile();
    }

    @Test
    void aStaleNameThatIsTheFileThisBuildMadeUnderAnotherCaseStays() throws IOException {
        build("Logo.png", "a/index.html");
        // on a file system that ignores case, Logo.png and logo.png are one file: a hard link
        // gives this one file two names here
        Files.createLink(out.resolve("logo.png"), out.resolve("Logo.png"));
        OutputDir output = new OutputDir(out);
        output.keep("logo.png"); // copy_assets found it unchanged
        output.write("a/index.html", "a/index.html");
        assertThat(OutputRecord.settle(output, cache, true).removed()).isEmpty();
        assertThat(out.resolve("logo.png")).isRegularFile();
    }
}
