package dev.markata.plugins.post_template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * markata's jinja_md tag {@code {% include_raw "snippets/hello.py" %}}: a file's text as written,
 * not run as a template (a code sample with {@code {{ }}} in it), the path from the site folder
 * (markata reads it from the folder it runs in).
 */
final class IncludeRawTag implements Tag {

    private final Path siteDirectory;

    IncludeRawTag(Path siteDirectory) {
        this.siteDirectory = siteDirectory;
    }

    @Override
    public String getName() {
        return "include_raw";
    }

    @Override
    public String getEndTagName() {
        return null;
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        String expression = tagNode.getHelpers().strip();
        if (expression.isEmpty()) {
            throw new TemplateSyntaxException(interpreter, tagNode.getMaster().getImage(),
                    "include_raw: needs a file's path, as {% include_raw 'snippets/hello.py' %}");
        }
        String name = PythonText.str(interpreter.resolveELExpression(expression, tagNode.getLineNumber()));
        Path file = siteDirectory.resolve(name).normalize();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new TemplateSyntaxException(interpreter, tagNode.getMaster().getImage(),
                    "include_raw: cannot read " + name + " (" + file + ": "
                            + (e instanceof NoSuchFileException ? "no such file" : e.getMessage())
                            + "); the path is from the site folder");
        }
    }
}
