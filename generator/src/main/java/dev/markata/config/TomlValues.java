package dev.markata.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Converts tomlj's tree to plain Java values and shows values the way TOML writes them. */
public final class TomlValues {

    private TomlValues() {
    }

    /** A TOML table as an ordered map of plain values (String, Long, Double, Boolean, java.time, List, Map). */
    static Map<String, Object> toMap(TomlTable table) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            map.put(key, toPlain(table.get(List.of(key))));
        }
        return map;
    }

    private static Object toPlain(Object value) {
        if (value instanceof TomlTable table) {
            return toMap(table);
        }
        if (value instanceof TomlArray array) {
            List<Object> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(toPlain(array.get(i)));
            }
            return list;
        }
        return value;
    }

    /** A key as TOML writes it: bare when it can be, else quoted ("All Posts"). */
    public static String key(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : show(key);
    }

    /** A value written as TOML would write it: strings quoted, lists bracketed. */
    public static String show(Object value) {
        if (value == null) {
            return "(missing)";
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TomlValues::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> key(String.valueOf(e.getKey())) + " = " + show(e.getValue()))
                    .collect(Collectors.joining(", ", "{ ", " }"));
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.format("%.1f", d);
        }
        return String.valueOf(value);
    }
}
