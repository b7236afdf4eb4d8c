package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterExpressionTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    private static FilterExpression.Scope post(Object... keyValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new FilterExpression.Scope(fields, TODAY, TODAY.atTime(12, 0));
    }

    private static boolean test(String expression, FilterExpression.Scope scope) throws Exception {
        return FilterExpression.parse(expression).test(scope);
    }

    private final FilterExpression.Scope python = post("title", "Hello Python", "published", true,
            "tags", List.of("python", "web"), "date", LocalDate.of(2024, 6, 1), "slug", "hello-python",
            "series", Map.of("name", "basics"));
    private final FilterExpression.Scope draft = post("title", "Draft", "published", false, "tags", List.of(),
            "date", null, "slug", "draft");

    @Test
    void theFiltersRealMarkataSitesWrite() throws Exception {
        assertThat(test("True", draft)).isTrue();
        assertThat(test("published == True", python)).isTrue();
        assertThat(test("published == True", draft)).isFalse();
        assertThat(test("published and 'python' in tags", python)).isTrue();
        assertThat(test("'python' not in tags", python)).isFalse();
        assertThat(test("not published", draft)).isTrue();
        assertThat(test("date <= today and published", python)).isTrue();
        assertThat(test("date > today - timedelta(days=10)", python)).isFalse();
        assertThat(test("date > today - timedelta(days=30)", python)).isTrue();
        assertThat(test("date <= now", python)).isTrue();
        assertThat(test("date is None", draft)).isTrue();
        assertThat(test("date is not None and date <= today", draft)).isFalse();
        assertThat(test("'python' in title.lower()", python)).isTrue();
        assertThat(test("'py' in slug", python)).isTrue();
        assertThat(test("len(tags) > 1", python)).isTrue();
        assertThat(test("len(tags) == 0", draft)).isTrue();
        assertThat(test("str(date).startswith('2024')", python)).isTrue();
        assertThat(test("str(date) == 'None'", draft)).isTrue();
        assertThat(test("post.title == 'Hello Python'", python)).isTrue();
        assertThat(test("series.name == 'basics'", python)).isTrue();
        assertThat(test("missing == None", python)).isTrue();
        assertThat(test("date.year == 2024 and date.month in [5, 6]", python)).isTrue();
        assertThat(test("1 < len(tags) <= 2", python)).isTrue();
        assertThat(test("(published or False) and not (slug == 'x')", python)).isTrue();
        assertThat(test("tags[0] == 'python'", python)).isTrue();
        assertThat(test("date < today", draft)).isFalse();
        // waylonwalker.com's thoughts feed: a list with a trailing comma, as Python allows
        assertThat(test("date<=today and templateKey in ['thoughts',] and published", python)).isFalse();
        assertThat(test("slug in ['hello-python',]", python)).isTrue();
        assertThat(test("slug in ('x', 'hello-python')", python)).isTrue();
        assertThat(test("slug in ('hello-python',)", python)).isTrue();
        assertThat(test("('hello-python') == slug", python)).isTrue();
    }

    /** markata's posts have dict-style get(): the blog starter's archive, published and draft feeds use it. */
    @Test
    void postGetReadsAFieldWithADefault() throws Exception {
        assertThat(test("date<=today and post.get('published', False)", python)).isTrue();
        assertThat(test("date<=today and post.get('published', False)", draft)).isFalse();
        assertThat(test("date>today or not post.get('published', False)", draft)).isTrue();
        assertThat(test("post.get('missing', 'x') == 'x'", python)).isTrue();
        assertThat(test("post.get('missing') is None", python)).isTrue();
        assertThat(test("post.get('series').get('name') == 'basics'", python)).isTrue();
        assertThat(test("post.get('templateKey', '') == 'til'", python)).isFalse();
        assertThatThrownBy(() -> test("post.get()", python)).hasMessageContaining("get() takes a key");
        // and keys(), as markata's post: markata-slides' slides feed is '"slide" in post.keys()'
        assertThat(test("'templateKey' in post.keys()", python)).isFalse();
        assertThat(test("'published' in post.keys()", python)).isTrue();
        assertThatThrownBy(() -> test("post.items()", python))
                .hasMessageContaining("a mapping has no method items(); a post has get(key, default) and keys()");
    }

    @Test
    void valuesFollowPython() throws Exception {
        assertThat(FilterExpression.parse("today - timedelta(days=1)").evaluate(draft)).isEqualTo(TODAY.minusDays(1));
        assertThat(FilterExpression.parse("'a' + 'b'").evaluate(draft)).isEqualTo("ab");
        assertThat(FilterExpression.parse("2 * 3 + 1").evaluate(draft)).isEqualTo(7L);
        assertThat(FilterExpression.parse("published or 'fallback'").evaluate(draft)).isEqualTo("fallback");
        assertThat(FilterExpression.parse("str(tags)").evaluate(python)).isEqualTo("['python', 'web']");
        assertThat(FilterExpression.parse("now").evaluate(draft)).isEqualTo(LocalDateTime.of(2024, 6, 15, 12, 0));
    }

    @Test
    void badFiltersAreRejectedWithWhereAndWhat() {
        assertThatThrownBy(() -> FilterExpression.parse("published ==")).hasMessageContaining("column 13");
        assertThatThrownBy(() -> FilterExpression.parse("'unclosed")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> FilterExpression.parse("__import__('os').system('x')"))
                .hasMessageContaining("unknown function __import__");
        assertThatThrownBy(() -> FilterExpression.parse("open('/etc/passwd')")).hasMessageContaining("unknown function");
        assertThatThrownBy(() -> test("title.__class__()", python)).hasMessageContaining("has no method __class__");
        assertThatThrownBy(() -> test("date < 'x'", python)).hasMessageContaining("cannot compare a date < text");
        assertThatThrownBy(() -> test("len(published)", python)).hasMessageContaining("len() needs text or a list");
        assertThatThrownBy(() -> FilterExpression.parse("published = True")).hasMessageContaining("unexpected");
        // Python's words are no field names: "published and and" read the second "and" as a
        // missing field and silently gave an empty feed
        assertThatThrownBy(() -> FilterExpression.parse("published and and")).hasMessageContaining("\"and\"")
                .hasMessageContaining("column 15");
        assertThatThrownBy(() -> FilterExpression.parse("published and not")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> FilterExpression.parse("tags in in")).hasMessageContaining("\"in\"");
        assertThatThrownBy(() -> FilterExpression.parse("lambda: True")).hasMessageContaining("\"lambda\"");
    }

    @Test
    void theFieldNamesAFilterReadsAreKnown() throws Exception {
        assertThat(FilterExpression.parse("published and 'python' in tagz or date <= today").fieldNames())
                .containsExactlyInAnyOrder("published", "tagz", "date");
        assertThat(FilterExpression.parse("post.get('series') and len(title) > 3").fieldNames())
                .containsExactly("title");
        assertThat(FilterExpression.parse("True").fieldNames()).isEmpty();
    }
}
