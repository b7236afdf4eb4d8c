package dev.markata.profiler.io;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
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

    /** Both writers, fed the same calls: one way to write JSON, whichever of the two writes it. */
    @Test
    void everyKindOfValueComesOutAsJsonWriterWritesIt() {
        StringWriter text = new StringWriter();
        JsonWriter writer = new JsonWriter(text);
        JsonBytes bytes = new JsonBytes(8);
        String[] strings = {"plain", "", "caf\u00e9 \u2026 \uD83D\uDE00", "\"q\" \\ \n\t\u0001 </script> & \u2028"};
        double[] doubles = {1.5, -0.0, 1e300, 3.0e-5, Double.NaN, Double.POSITIVE_INFINITY};

        writer.beginArray();
        bytes.beginArray();
        for (String string : strings) {
            writer.beginObject().name(string).value(string).name("n").nullValue().endObject();
            bytes.beginObject().name(string).value(string).name("n").nullValue().endObject();
        }
        for (double value : doubles) {
            writer.value(value);
            bytes.value(value);
        }
        writer.value(true).value(false).value(-42L).beginArray().endArray().value((String) null).endArray().flush();
        bytes.value(true).value(false).value(-42L).beginArray().endArray().value((String) null).endArray();

        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(text.toString());
        assertThat(new String(bytes.newline().toByteArray(), StandardCharsets.UTF_8)).isEqualTo(text + "\n");
    }

    /** Strings where plain runs and characters to escape or encode meet at every position. */
    @Test
    void anyMixOfPlainAndEscapedCharactersComesOutAsJsonWriterWritesIt() {
        char[] alphabet = {'a', 'Z', '0', ' ', '~', '"', '\\', '<', '>', '&', '\n', '\u0001', '\u007f', '\u00e9',
                '\u2026', '\u2028', '\uD83D', '\uDE00'};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder string = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                string.append(random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'p');
            }
            StringWriter text = new StringWriter();
            new JsonWriter(text).value(string.toString()).flush();
            JsonBytes bytes = new JsonBytes(1).value(string.toString());

            // as bytes: a lone surrogate becomes '?' in UTF-8, in both
            assertThat(bytes.toByteArray()).as(string.toString())
                    .isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
