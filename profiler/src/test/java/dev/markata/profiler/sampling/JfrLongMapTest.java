package dev.markata.profiler.sampling;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's long-keyed map against {@link HashMap}: dense keys (async-profiler's method and
 * symbol ids), sparse ones (its stack ids, the JDK's), negative ones, keys put again, and keys
 * first put in the table that the array later covers.
 */
class JfrLongMapTest {

    @Test
    void holdsWhatAHashMapHolds() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            JfrLongMap<Long> map = new JfrLongMap<>(random.nextInt(100));
            Map<Long, Long> expected = new HashMap<>();
            for (int i = 0; i < 3000; i++) {
                long key = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(200);                 // dense
                    case 1 -> 1000 + random.nextInt(20_000);       // later covered by the array, or not
                    case 2 -> random.nextLong();                   // anything, negative included
                    default -> (long) i * 7;                       // growing
                };
                long value = random.nextLong();
                map.put(key, value);
                expected.put(key, value);
            }
            for (Map.Entry<Long, Long> entry : expected.entrySet()) {
                assertThat(map.get(entry.getKey())).as("key %d", entry.getKey()).isEqualTo(entry.getValue());
            }
            assertThat(map.values()).containsExactlyInAnyOrderElementsOf(expected.values());
            for (int i = 0; i < 1000; i++) {
                long key = random.nextLong();
                assertThat(map.get(key)).isEqualTo(expected.get(key));
            }
        }
    }
}
