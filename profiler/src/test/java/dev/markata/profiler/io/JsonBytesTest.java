package dev.markata.profiler.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBytesTest {

    @Test
    void numbersAreWrittenAsLongToStringWritesThem() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 9L, 10L, 99L, 100L, 101L, 999L, 1000L, -1L, -10L, -100L,
                (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1));
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        JsonBytes json = new JsonBytes(8).beginArray();
        StringBuilder expected = new StringBuilder("[");
        for (long value : values) {
            json.value(value);
            expected.append(expected.length() > 1 ? "," : "").append(value);
        }
        json.endArray();

        assertThat(new String(json.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expected.append(']').toString());
    }
}
