package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keys are MD5 over "length:bytes" per part, whatever the parts' sizes: cached keys stay valid. */
class HashingTest {

    /** The definition, one digest call per piece. */
    private static String reference(List<byte[]> parts) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] part : parts) {
            md5.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
            md5.update((byte) ':');
            md5.update(part);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    @Test
    void manyPartsOfEverySizeHashAsTheDefinitionSays() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            List<byte[]> parts = new ArrayList<>();
            Hashing hashing = new Hashing();
            int count = random.nextInt(600);
            for (int i = 0; i < count; i++) {
                int size = switch (random.nextInt(10)) {
                    case 0 -> 0;
                    case 1 -> 8_000 + random.nextInt(12_000); // around half the buffer and past it
                    case 2 -> 40_000 + random.nextInt(40_000);
                    case 3 -> 900 + random.nextInt(7_000); // a post's text: around the size sent to the digest as it is
                    default -> random.nextInt(120);
                };
                byte[] part = new byte[size];
                random.nextBytes(part);
                parts.add(part);
                hashing.add(part);
            }
            assertThat(hashing.hex()).as("round %d, %d parts", round, count).isEqualTo(reference(parts));
        }
    }

    @Test
    void aSliceOfAnArrayHashesAsThatPartAlone() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            byte[] file = new byte[2_000 + random.nextInt(9_000)];
            random.nextBytes(file);
            int from = random.nextInt(200);
            int to = file.length - random.nextInt(200);
            byte[] small = new byte[random.nextInt(300)];
            random.nextBytes(small);

            String key = new Hashing().add(small).add(file, from, to - from).add(small).hex();

            assertThat(key).isEqualTo(reference(List.of(small, java.util.Arrays.copyOfRange(file, from, to), small)));
        }
    }

    @Test
    void stringsAreTheirUtf8BytesAndNullIsOneZeroByte() throws Exception {
        String key = Hashing.of("Grüße", null, "", "a:b");
        assertThat(key).isEqualTo(reference(List.of("Grüße".getBytes(StandardCharsets.UTF_8), new byte[] {0},
                new byte[0], "a:b".getBytes(StandardCharsets.UTF_8))));
        assertThat(Hashing.of("ab", "c")).isNotEqualTo(Hashing.of("a", "bc"));
    }
}
