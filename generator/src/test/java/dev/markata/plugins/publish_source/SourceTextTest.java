package dev.markata.plugins.publish_source;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Posts written out as markata writes them: {@code cases.json} holds posts and the text
 * markata's {@code Post.dumps()} makes of them with PyYAML and libyaml, made by
 * {@code make_cases.py} beside it (quotes, colons, YAML words as text, text outside ASCII,
 * folded lines, multi-line pages, one page or a table of pages).
 */
class SourceTextTest {

    record Case(Map<String, Object> post, List<String> include, String include_name, String expected) {
        @Override
        public String toString() {
            return post.get("name") + " / " + include_name;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = SourceTextTest.class.getResourceAsStream("/publish_source/cases.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Case> cases = new Gson().fromJson(json, new TypeToken<List<Case>>() { }.getType());
            return cases.stream();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesWhatMarkataWrites(Case c) {
        Map<String, Object> p = c.post();
        String date = (String) p.get("date");
        Post post = new Post("posts/" + p.get("slug") + ".md", (String) p.get("slug"), (String) p.get("title"),
                date == null ? null : PostDate.of(LocalDate.parse(date)), (List<String>) p.get("tags"),
                (Boolean) p.get("published"), (String) p.get("description"), null, (String) p.get("content"),
                Map.of(), null, null);
        Map<String, String> html = new LinkedHashMap<>();
        Object pages = p.get("html");
        if (pages instanceof String page) {
            html.put("index", page);
        } else if (pages instanceof Map<?, ?> map) {
            map.forEach((name, page) -> html.put((String) name, (String) page));
        }
        assertThat(new SourceText().of(post, c.include(), html)).isEqualTo(c.expected());
    }
}
