package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.cli.Main;
import dev.markata.testing.Plugins;
import dev.markata.testing.RawHttp;
import dev.markata.testing.Site;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata serve} through the real command line: it listens on 127.0.0.1 only unless
 * told otherwise, and requests that climb out of the output folder (plain, percent-encoded,
 * absolute, through a symlink) get 404 and never the file.
 */
class ServeSecurityTest {

    private static final Pattern SERVING = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void servesOnLoopbackOnlyAndNothingOutsideTheOutputFolder() throws Exception {
        Path site = dir.resolve("site");
        new Site(site).write("markata.toml", "[markata]\ntitle = \"served\"\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "the post")
                .write("secret.txt", "SECRET in the site folder");
        Files.writeString(dir.resolve("outside.txt"), "SECRET outside the site");
        Path output = Files.createDirectories(site.resolve("markout"));
        Files.createSymbolicLink(output.resolve("escape.txt"), dir.resolve("outside.txt"));
        Files.createSymbolicLink(output.resolve("escape-dir"), site);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = {-1};
        Thread serve = new Thread(() -> code[0] = Main.run(new String[] {"serve", "-q", "-d", site.toString(),
                "--port", "0"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, Plugins.builtInPlus()), "serve");
        serve.setDaemon(true);
        serve.start();
        int port = -1;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (port < 0 && serve.isAlive() && System.nanoTime() < deadline) {
                Matcher serving = SERVING.matcher(err.toString(StandardCharsets.UTF_8));
                if (serving.find()) {
                    port = Integer.parseInt(serving.group(1));
                } else {
                    Thread.sleep(50);
                }
            }
            assertThat(port).as("serve said where it listens: %s", err).isPositive();

            assertThat(RawHttp.get(port, "/a/")).startsWith("HTTP/1.1 200").contains("the post");
            for (String attack : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                    "/a/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
                    "/escape.txt", "/escape-dir/secret.txt", "/../outside.txt", "/%2e%2e/%2e%2e/outside.txt"}) {
                assertThat(RawHttp.get(port, attack)).as(attack).startsWith("HTTP/1.1 404").doesNotContain("SECRET");
            }

            Optional<InetAddress> other = nonLoopbackAddress();
            if (other.isPresent()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other.get(), port), 2000);
                    throw new AssertionError("serve also listens on " + other.get() + ":" + port);
                } catch (ConnectException expected) {
                    // listening on 127.0.0.1 only
                }
            }
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
        assertThat(serve.isAlive()).as("serve stops when interrupted").isFalse();
        if (port > 0) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                throw new AssertionError("still listening after serve stopped");
            } catch (ConnectException expected) {
                // closed
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
