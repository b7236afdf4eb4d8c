package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.io.TestJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRendererTest {

    private final Session session = TestSessions.builder()
            .sample(1, "app.Main.main;app.Site.render", 3)
            .sample(1, "app.Main.main;java.util.HashMap.get", 1)
            .sample(2, "app.Worker.run", 2)
            .build();

    @Test
    void writesPyinstrumentsSchemaWithThreads() {
        String json = Reports.of(session).render(ReportFormat.JSON, ReportOptions.defaults());

        String mainTree = "{\"function\":\"[thread main]\",\"class_name\":\"\",\"file_path\":\"\",\"file_path_short\":\"\","
                + "\"line_no\":0,\"time\":0.004,\"await_time\":0.0,\"is_application_code\":false,\"children\":["
                + "{\"function\":\"main\",\"class_name\":\"app.Main\",\"file_path\":\"app/Main.java\","
                + "\"file_path_short\":\"Main.java\",\"line_no\":10,\"time\":0.004,\"await_time\":0.0,"
                + "\"is_application_code\":true,\"children\":["
                + "{\"function\":\"render\",\"class_name\":\"app.Site\",\"file_path\":\"app/Site.java\","
                + "\"file_path_short\":\"Site.java\",\"line_no\":10,\"time\":0.003,\"await_time\":0.0,"
                + "\"is_application_code\":true,\"children\":[]},"
                + "{\"function\":\"get\",\"class_name\":\"java.util.HashMap\",\"file_path\":\"java/util/HashMap.java\","
                + "\"file_path_short\":\"HashMap.java\",\"line_no\":10,\"time\":0.001,\"await_time\":0.0,"
                + "\"is_application_code\":false,\"children\":[]}]}]}";
        assertThat(json).isEqualTo("{\"start_time\":1.795608E9,\"duration\":0.004,\"sample_count\":6,"
                + "\"target_description\":\"test program\",\"cpu_time\":0.002,"
                + "\"root_frame\":" + mainTree + ","
                + "\"threads\":[{\"thread_id\":1,\"name\":\"main\",\"time\":0.004,\"sample_count\":4,\"root_frame\":"
                + mainTree + "},"
                + "{\"thread_id\":2,\"name\":\"worker-2\",\"time\":0.002,\"sample_count\":2,\"root_frame\":"
                + "{\"function\":\"[thread worker-2]\",\"class_name\":\"\",\"file_path\":\"\",\"file_path_short\":\"\","
                + "\"line_no\":0,\"time\":0.002,\"await_time\":0.0,\"is_application_code\":false,\"children\":["
                + "{\"function\":\"run\",\"class_name\":\"app.Worker\",\"file_path\":\"app/Worker.java\","
                + "\"file_path_short\":\"Worker.java\",\"line_no\":10,\"time\":0.002,\"await_time\":0.0,"
                + "\"is_application_code\":true,\"children\":[]}]}}]}");
    }

    @Test
    void isValidJsonAndHidesNodesBelowTheThreshold() {
        Session wide = TestSessions.builder()
                .sample(1, "app.Main.main;app.Big.run", 999)
                .sample(1, "app.Main.main;app.Tiny.run", 1)
                .build();

        Map<?, ?> byDefault = (Map<?, ?>) TestJson.parse(Reports.of(wide).render(ReportFormat.JSON, ReportOptions.defaults()));
        Map<?, ?> strict = (Map<?, ?>) TestJson.parse(Reports.of(wide).render(ReportFormat.JSON,
                ReportOptions.defaults().withThresholdPercent(0.2)));

        assertThat(functionsUnderMain(byDefault)).containsExactly("run", "run");
        assertThat(functionsUnderMain(strict)).containsExactly("run");
    }

    @Test
    void threadOptionSelectsOneThread() {
        Map<?, ?> json = (Map<?, ?>) TestJson.parse(Reports.of(session).render(ReportFormat.JSON,
                ReportOptions.defaults().withThreadId(2L)));

        assertThat((List<?>) json.get("threads")).hasSize(1);
        assertThat(((Map<?, ?>) json.get("root_frame")).get("function")).isEqualTo("[thread worker-2]");
    }

    private static List<Object> functionsUnderMain(Map<?, ?> json) {
        Map<?, ?> thread = (Map<?, ?>) json.get("root_frame");
        Map<?, ?> main = (Map<?, ?>) ((List<?>) thread.get("children")).get(0);
        return ((List<?>) main.get("children")).stream().map(c -> (Object) ((Map<?, ?>) c).get("function")).toList();
    }
}
