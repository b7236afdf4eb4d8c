package dev.markata.profiler.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameTest {

    static String shown(String className, String method) {
        return new Frame(className, method, "", 0, FrameKind.APPLICATION).displayName();
    }

    @Test
    void displayNameIsTheSimpleClassAndMethod() {
        assertThat(shown("dev.markata.plugins.RenderMarkdownPlugin", "lambda$render$1"))
                .isEqualTo("RenderMarkdownPlugin.lambda$render$1");
        assertThat(shown("Main", "main")).isEqualTo("Main.main");
        assertThat(shown("", "[await]")).isEqualTo("[await]");
        assertThat(shown("java.util.HashMap$Node", "<init>")).isEqualTo("HashMap$Node.<init>");
    }

    @Test
    void hiddenLambdaClassesLoseTheirNumberAndAddress() {
        // JDK 17: Outer$$Lambda$928/0x...; JDK 21+: Outer$$Lambda/0x...; async-profiler: Outer$$Lambda.0x...
        assertThat(shown("dev.markata.Build$$Lambda$928/0x0000000800c0b000", "run")).isEqualTo("Build$$Lambda.run");
        assertThat(shown("dev.markata.Build$$Lambda/0x00007f1234567890", "run")).isEqualTo("Build$$Lambda.run");
        assertThat(shown("dev.markata.Build$$Lambda.0x00007f12345", "proceed")).isEqualTo("Build$$Lambda.proceed");
        assertThat(shown("dev.markata.Build$$Lambda$12", "apply")).isEqualTo("Build$$Lambda.apply");
    }

    @Test
    void classesThatOnlyLookLikeAddressesAreLeftAlone() {
        assertThat(shown("app.Hex0xCafe", "parse")).isEqualTo("Hex0xCafe.parse");
        assertThat(shown("app.Lambda$Holder", "get")).isEqualTo("Lambda$Holder.get");
    }
}
