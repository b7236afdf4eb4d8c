package dev.markata.plugins.mermaid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MermaidBlocksTest {

    private static final String SCRIPT = "<script type=\"module\">\nrun();\n</script>";

    @Test
    void aMermaidFenceBecomesMarkatasPreFollowedByTheScript() {
        String markdown = """
                Before.

                ```mermaid
                graph TD;
                    A-->B;
                    A-->C;
                ```

                After.
                """;
        assertThat(MermaidBlocks.replace(markdown, SCRIPT)).isEqualTo("""
                Before.

                <pre class="mermaid">graph TD;
                    A-->B;
                    A-->C;</pre>
                <script type="module">
                run();
                </script>

                After.
                """);
    }

    @Test
    void theScriptFollowsTheFirstDiagramOnly() {
        String markdown = "```mermaid\ngraph LR; A-->B\n```\n\ntext\n\n``` mermaid\n\n  pie\n\n```\n";
        assertThat(MermaidBlocks.replace(markdown, SCRIPT)).isEqualTo("<pre class=\"mermaid\">graph LR; A-->B</pre>\n"
                + SCRIPT + "\n\ntext\n\n<pre class=\"mermaid\">pie</pre>\n");
    }

    @Test
    void aTextWithoutDiagramsIsReturnedAsItIs() {
        String markdown = "Mermaid is a diagram language; ```python fences are code.\n\n```python\nmermaid = 1\n```\n";
        assertThat(MermaidBlocks.replace(markdown, SCRIPT)).isSameAs(markdown);
    }

    @Test
    void anExampleInsideALongerFenceOrATildeFenceStaysCode() {
        String markdown = """
                ````markdown
                ```mermaid
                graph TD; A-->B
                ```
                ````

                ~~~
                ```mermaid
                ~~~
                """;
        assertThat(MermaidBlocks.replace(markdown, SCRIPT)).isSameAs(markdown);
    }

    @Test
    void onlyAFenceWhoseInfoIsMermaidIsADiagramAndAnUnclosedOneStaysCode() {
        assertThat(MermaidBlocks.replace("```mermaid title\ngraph TD\n```\n", SCRIPT)).doesNotContain("<pre");
        assertThat(MermaidBlocks.replace("```mermaidx\ngraph TD\n```\n", SCRIPT)).doesNotContain("<pre");
        assertThat(MermaidBlocks.replace("```mermaid\ngraph TD\n", SCRIPT)).doesNotContain("<pre");
    }

    @Test
    void aBlockEndsAtItsClosingFenceNotAtALineStartingWithBackticks() {
        String markdown = "````mermaid\ngraph TD\n```js\n````\n";
        assertThat(MermaidBlocks.replace(markdown, SCRIPT)).startsWith("<pre class=\"mermaid\">graph TD\n```js</pre>\n");
    }

    @Test
    void anIndentedFenceKeepsItsIndentationSoItStaysInItsListItem() {
        String markdown = "1. A flow:\n\n   ```mermaid\n   graph TD;\n       A-->B;\n   ```\n2. Next\n";
        assertThat(MermaidBlocks.replace(markdown, "<script>\nx\n</script>")).isEqualTo(
                "1. A flow:\n\n   <pre class=\"mermaid\">graph TD;\n       A-->B;</pre>\n   <script>\n   x\n   </script>\n2. Next\n");
    }

    @Test
    void aFileWithWindowsLineEndingsHasItsDiagramsToo() {
        // markata reads posts with Python's universal newlines; the loader here keeps the \r
        String markdown = "Text.\r\n\r\n```mermaid\r\ngraph TD;\r\n    A-->B;\r\n```\r\n";
        assertThat(MermaidBlocks.replace(markdown, SCRIPT))
                .isEqualTo("Text.\r\n\r\n<pre class=\"mermaid\">graph TD;\r\n    A-->B;</pre>\n" + SCRIPT + "\n");
    }
}
