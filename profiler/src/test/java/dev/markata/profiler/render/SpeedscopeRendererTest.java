package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.io.TestJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpeedscopeRendererTest {

    private final Session session = TestSessions.builder()
            .sample(1, "app.Main.main;app.Site.render", 3)
            .sample(1, "app.Main.main;jdk.internal.reflect.Accessor.invoke;app.Plugin.hook", 1)
            .sample(1, "app.Main.main;app.Site.render", 2)
            .sample(2, "app.Worker.run", 2)
            .build();

    @Test
    void writesOneSampledProfilePerThreadInTimeOrder() {
        String json = Reports.of(session).render(ReportFormat.SPEEDSCOPE, ReportOptions.defaults());

        assertThat(json).isEqualTo("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\","
                + "\"exporter\":\"markata-profiler\",\"name\":\"test program\",\"activeProfileIndex\":0,"
                + "\"shared\":{\"frames\":["
                + "{\"name\":\"Main.main\",\"file\":\"app/Main.java\",\"line\":10},"
                + "{\"name\":\"Site.render\",\"file\":\"app/Site.java\",\"line\":10},"
                + "{\"name\":\"Plugin.hook\",\"file\":\"app/Plugin.java\",\"line\":10},"
                + "{\"name\":\"Worker.run\",\"file\":\"app/Worker.java\",\"line\":10}]},"
                + "\"profiles\":["
                + "{\"type\":\"sampled\",\"name\":\"main (thread 1)\",\"unit\":\"nanoseconds\",\"startValue\":0,"
                + "\"endValue\":6000000,\"samples\":[[0,1],[0,2],[0,1]],\"weights\":[3000000,1000000,2000000]},"
                + "{\"type\":\"sampled\",\"name\":\"worker-2 (thread 2)\",\"unit\":\"nanoseconds\",\"startValue\":0,"
                + "\"endValue\":2000000,\"samples\":[[3]],\"weights\":[2000000]}]}");
    }

    @Test
    void hasTheFieldsSpeedscopesSchemaRequires() {
        Map<?, ?> json = (Map<?, ?>) TestJson.parse(Reports.of(session).render(ReportFormat.SPEEDSCOPE,
                ReportOptions.defaults().withShowAll(true)));

        assertThat(json.keySet()).extracting(Object::toString).contains("$schema", "shared", "profiles");
        assertThat(json.get("$schema")).isEqualTo(SpeedscopeRenderer.SCHEMA);
        List<?> frames = (List<?>) ((Map<?, ?>) json.get("shared")).get("frames");
        assertThat(frames).allSatisfy(frame -> assertThat(((Map<?, ?>) frame).get("name")).isInstanceOf(String.class));
        assertThat(frames).hasSize(5); // show-all keeps the reflection frame
        for (Object item : (List<?>) json.get("profiles")) {
            Map<?, ?> profile = (Map<?, ?>) item;
            assertThat(profile.keySet()).extracting(Object::toString).contains("type", "name", "unit", "startValue", "endValue", "samples", "weights");
            assertThat(profile.get("type")).isEqualTo("sampled");
            List<?> samples = (List<?>) profile.get("samples");
            assertThat(samples).hasSameSizeAs((List<?>) profile.get("weights"));
            for (Object sample : samples) {
                for (Object index : (List<?>) sample) {
                    assertThat((Long) index).isBetween(0L, (long) frames.size() - 1);
                }
            }
        }
    }
}
