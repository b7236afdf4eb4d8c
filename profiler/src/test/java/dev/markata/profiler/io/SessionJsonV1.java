package dev.markata.profiler.io;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadProfile;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Session format version 1 as {@link SessionJson} wrote it before version 2 (span rows of 7 with
 * absolute times, an attribute map per span id), to check that saved sessions of older builds
 * still load, in Java and in the report page.
 */
public final class SessionJsonV1 {

    private SessionJsonV1() {
    }

    public static String toJson(Session session) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> strings = new ArrayList<>();
        for (Frame frame : session.frames()) {
            intern(frame.className(), index, strings);
            intern(frame.methodName(), index, strings);
            intern(frame.fileName(), index, strings);
        }
        for (Span span : session.spans()) {
            intern(span.category(), index, strings);
            intern(span.name(), index, strings);
        }
        StringWriter out = new StringWriter();
        JsonWriter json = new JsonWriter(out).beginObject()
                .name("format").value("markata-profile").name("version").value(1)
                .name("startedAt").value(session.startedAt().toString())
                .name("durationNanos").value(session.duration().toNanos())
                .name("intervalNanos").value(session.interval().toNanos())
                .name("cpuTimeNanos").value(session.cpuTime().toNanos())
                .name("target").value(session.targetDescription())
                .name("sampler").beginObject().name("name").value(session.sampler().name())
                .name("detail").value(session.sampler().detail()).endObject()
                .name("asyncMode").value(session.asyncMode().name())
                .name("timeMode").value(session.timeMode().name());
        json.name("metadata");
        map(session.metadata(), json);
        json.name("strings").beginArray();
        strings.forEach(json::value);
        json.endArray().name("frames").beginArray();
        for (Frame f : session.frames()) {
            json.value(index.get(f.className())).value(index.get(f.methodName())).value(index.get(f.fileName()))
                    .value(f.lineNumber()).value(f.kind().ordinal());
        }
        json.endArray().name("stacks").beginArray();
        for (int i = 0; i < session.stacks().size(); i++) {
            json.value(session.stacks().parentId(i)).value(session.stacks().frameId(i));
        }
        json.endArray().name("threads").beginArray();
        for (ThreadProfile thread : session.threads()) {
            json.beginObject().name("id").value(thread.threadId()).name("name").value(thread.name())
                    .name("samples").beginArray();
            long previousEnd = 0;
            for (Sample s : thread.samples()) {
                json.value(s.startNanos() - previousEnd).value(s.durationNanos()).value(s.stackId())
                        .value(s.state().ordinal()).value(s.spanId()).value(s.count());
                previousEnd = s.endNanos();
            }
            json.endArray().endObject();
        }
        json.endArray().name("spans").beginArray();
        for (Span span : session.spans()) {
            json.value(span.parentId()).value(index.get(span.category())).value(index.get(span.name()))
                    .value(span.threadId()).value(span.startNanos()).value(span.endNanos()).value(span.originStackId());
        }
        json.endArray().name("spanAttributes").beginObject();
        for (Span span : session.spans()) {
            if (!span.attributes().isEmpty()) {
                json.name(Integer.toString(span.id()));
                map(span.attributes(), json);
            }
        }
        json.endObject().endObject().flush();
        return out.toString();
    }

    private static void intern(String s, Map<String, Integer> index, List<String> strings) {
        if (!index.containsKey(s)) {
            index.put(s, strings.size());
            strings.add(s);
        }
    }

    private static void map(Map<String, String> map, JsonWriter json) {
        json.beginObject();
        new TreeMap<>(map).forEach((k, v) -> json.name(k).value(v));
        json.endObject();
    }
}
