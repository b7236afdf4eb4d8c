package dev.markata.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP requests sent exactly as written, for attacks a client library would normalize away. */
public final class RawHttp {

    private RawHttp() {
    }

    /** GETs {@code target} (the request line as given) from 127.0.0.1:{@code port}; the whole response. */
    public static String get(int port, String target) throws IOException {
        return new String(getBytes(port, target), StandardCharsets.UTF_8);
    }

    /** GETs {@code target} as {@link #get} does; the whole response as sent, headers and body. */
    public static byte[] getBytes(int port, String target) throws IOException {
        return getBytes(port, target, "");
    }

    /** GETs {@code target} with {@code headers} (each line ending in CRLF) besides the request's own. */
    public static String get(int port, String target, String headers) throws IOException {
        return new String(getBytes(port, target, headers), StandardCharsets.UTF_8);
    }

    /** GETs {@code target} from {@code host}: a server bound to every address, asked from another than 127.0.0.1. */
    public static String get(InetAddress host, int port, String target) throws IOException {
        return new String(getBytes(host, port, target, ""), StandardCharsets.UTF_8);
    }

    private static byte[] getBytes(int port, String target, String headers) throws IOException {
        return getBytes(InetAddress.getLoopbackAddress(), port, target, headers);
    }

    private static byte[] getBytes(InetAddress host, int port, String target, String headers) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return socket.getInputStream().readAllBytes();
        }
    }
}
