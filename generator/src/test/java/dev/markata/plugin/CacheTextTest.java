package dev.markata.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CacheTextTest {

    private static final String TEXT = "naïve ☕ text\nover two lines\n";

    @Test
    void theTextComesBackAsWritten() throws CacheText.Damaged {
        byte[] file = CacheText.encode("kind-a", TEXT);

        assertThat(new String(file, StandardCharsets.UTF_8)).startsWith("kind-a " + TEXT.getBytes(StandardCharsets.UTF_8).length + " ");
        assertThat(CacheText.decode("kind-a", file)).isEqualTo(TEXT);
        assertThat(CacheText.decode("kind-a", CacheText.encode("kind-a", ""))).isEmpty();
    }

    @Test
    void aFileCutShortOrChangedOrOfAnotherKindIsDamagedWithTheReason() {
        byte[] file = CacheText.encode("kind-a", TEXT);
        byte[] changed = file.clone();
        changed[changed.length - 3] ^= 1;

        assertThatThrownBy(() -> CacheText.decode("kind-a", Arrays.copyOf(file, file.length - 1)))
                .isInstanceOf(CacheText.Damaged.class).hasMessageContaining("bytes where its header says");
        assertThatThrownBy(() -> CacheText.decode("kind-a", changed))
                .hasMessage("its checksum does not match its content");
        assertThatThrownBy(() -> CacheText.decode("kind-b", file))
                .hasMessage("its header is not \"kind-b <length> <crc32c>\"");
        assertThatThrownBy(() -> CacheText.decode("kind-a", "no header at all".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("it has no header line");
        assertThatThrownBy(() -> CacheText.decode("kind-a", "kind-a x y\ntext".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("its header is not \"kind-a <length> <crc32c>\"");
    }
}
