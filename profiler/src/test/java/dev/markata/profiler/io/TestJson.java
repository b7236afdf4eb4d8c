package dev.markata.profiler.io;

/** Test access to the project's JSON parser: objects as maps, arrays as lists, numbers as Long/Double. */
public final class TestJson {

    private TestJson() {
    }

    public static Object parse(String text) {
        return JsonReader.parse(text);
    }
}
