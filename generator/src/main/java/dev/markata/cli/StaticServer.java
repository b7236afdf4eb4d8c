package dev.markata.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.markata.plugins.post_template.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a built site from its output folder, for {@code markata serve}. Only files inside the
 * folder are served: a path with {@code ..} segments (also encoded), a backslash or a NUL, or
 * one that leads out through a symbolic link, gets 404. HTML pages get a small script that polls
 * {@code /__markata/version} and reloads the page when a rebuild bumps it; while the last build
 * failed they also get an overlay with its error, as Hugo's and Vite's servers show one (the
 * terminal is often behind the editor, and a page that stayed as it was looked like a save that
 * did nothing).
 */
final class StaticServer implements AutoCloseable {

    static final String VERSION_PATH = "/__markata/version";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"),
            // what hosts send for the rest of what sites hold: a .wasm module compiles while it
            // streams only with its own type, a post's published source (.md) is text, not a
            // download of unknown bytes
            Map.entry("wasm", "application/wasm"), Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("avif", "image/avif"), Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("map", "application/json"),
            Map.entry("xsl", "text/xsl; charset=utf-8"), Map.entry("rss", "application/rss+xml; charset=utf-8"),
            Map.entry("atom", "application/atom+xml; charset=utf-8"));
    /**
     * Polls the version and reloads the page when it changes. A site with a service worker
     * (markata's serves pages from its cache first) would answer the reload with the page as it
     * was before the build, without or with the error: the page's caches are emptied first, which
     * on a local address under serve costs nothing but a fetch.
     */
    private static final String RELOAD_SCRIPT = "<script>(function(){var v=null;function reload(){"
            + "(window.caches?caches.keys().then(function(k){return Promise.all(k.map(function(n){"
            + "return caches.delete(n);}));}):Promise.resolve()).catch(function(){}).then(function(){"
            + "location.reload();});}function poll(){fetch('"
            + VERSION_PATH + "',{cache:'no-store'}).then(function(r){return r.text();}).then(function(t){"
            + "if(v!==null&&t!==v){reload();return;}v=t;setTimeout(poll,1000);}).catch(function(){"
            + "setTimeout(poll,1000);});}poll();})();</script>";
    /** The overlay's own element id; the overlay is styled inline, with the page's CSS reset on each element. */
    static final String OVERLAY_ID = "markata-build-error";
    private static final String RESET = "all:initial;box-sizing:border-box;display:block;";
    private static final String OVERLAY_START = "<div id=\"" + OVERLAY_ID + "\" role=\"alert\" style=\"" + RESET
            + "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:5vh 3vw;background:rgba(0,0,0,.6);\">"
            + "<div style=\"" + RESET + "max-width:60rem;margin:0 auto;padding:1rem 1.25rem;background:#1b1b1f;"
            + "color:#f2f2f2;border-top:.4rem solid #e5484d;border-radius:.3rem;box-shadow:0 .5rem 2rem rgba(0,0,0,.5);"
            + "font:15px/1.5 system-ui,sans-serif;\"><button type=\"button\" aria-label=\"Close\""
            + " onclick=\"this.parentNode.parentNode.remove()\" style=\"" + RESET + "float:right;cursor:pointer;"
            + "color:#f2f2f2;font:20px/1 system-ui,sans-serif;padding:.2rem .4rem;\">&#x2715;</button>"
            + "<strong style=\"" + RESET + "color:#ff8589;font:bold 17px/1.4 system-ui,sans-serif;\">"
            + "markata serve: the site was not built</strong><div style=\"" + RESET + "margin:.75rem 0;padding:.75rem;"
            + "background:#0f0f12;border-radius:.25rem;white-space:pre-wrap;overflow-wrap:anywhere;color:#ffd8d8;"
            + "font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\">";
    /**
     * What a browser on another machine sees instead of the error ({@code --bind 0.0.0.0}): the
     * error names the site's files and shows lines of its posts and templates, which the
     * network is not to read.
     */
    private static final String REMOTE_NOTICE = "The error is shown in the terminal that runs markata serve, and"
            + " on this page to a browser on that computer.";
    private static final String OVERLAY_END = "</div><span style=\"" + RESET + "color:#b8b8c0;"
            + "font:13px/1.4 system-ui,sans-serif;\">This page is the last good build's. Saving a fix builds the site"
            + " and reloads the page.</span></div></div>";

    private final HttpServer server;
    /** The folder served; {@link #serve} moves it when a rebuild writes to another output_dir. */
    private volatile Path root;
    /**
     * Where the folder is served: {@code /}, or {@code /project/} for a site whose
     * {@code path_prefix} is {@code "project/"}, whose pages link each other there (as its host
     * serves it, a GitHub Pages project site).
     */
    private volatile String top = "/";
    private final boolean reload;
    private final AtomicLong version = new AtomicLong();
    /** What serve printed of the last build's failure; null once a build succeeds. */
    private volatile String problem;

    private StaticServer(HttpServer server, Path root, boolean reload) {
        this.server = server;
        this.root = root;
        this.reload = reload;
    }

    /**
     * Starts serving {@code root} on {@code address}, at the first free port from
     * {@code firstPort} (at most 100 tried); port 0 picks any free port.
     */
    static StaticServer start(Path root, InetAddress address, int firstPort, boolean reload) throws IOException {
        Path real = root.toAbsolutePath().normalize();
        IOException last = null;
        for (int port = firstPort; port < firstPort + 100 || firstPort == 0; port++) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
                StaticServer serving = new StaticServer(server, real, reload);
                server.createContext("/", serving::handle);
                server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                    Thread thread = new Thread(r, "markata-serve");
                    thread.setDaemon(true);
                    return thread;
                }));
                server.start();
                return serving;
            } catch (BindException e) {
                last = e;
                if (firstPort == 0) {
                    break;
                }
            }
        }
        throw new IOException("no free port from " + firstPort + " to " + (firstPort + 99), last);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code folder} from now on (it may not exist yet). */
    void serve(Path folder) {
        root = folder.toAbsolutePath().normalize();
    }

    /**
     * Serves the folder under {@code pathPrefix} from now on ({@code "project/"}: at
     * {@code /project/}; {@code ""}: at the top); the top of the host leads there.
     */
    void serveUnder(String pathPrefix) {
        top = "/" + pathPrefix;
    }

    /** Where the folder is served: {@code /}, {@code /project/}. */
    String top() {
        return top;
    }

    /** Tells open pages to reload. */
    void changed() {
        version.incrementAndGet();
    }

    /**
     * The site was not built: {@code text} (the error as serve printed it) shows over every page
     * from now on, and open pages reload to show it.
     */
    void failed(String text) {
        problem = text;
        changed();
    }

    /** A build succeeded: the error of an earlier one goes, and open pages that show it reload. */
    void succeeded() {
        if (problem != null) {
            problem = null;
            changed();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (raw.equals(VERSION_PATH)) {
                send(exchange, 200, "text/plain; charset=utf-8",
                        Long.toString(version.get()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            String top = this.top;
            String query = exchange.getRequestURI().getRawQuery();
            if (!top.equals("/") && (raw.equals("/") || raw.equals(top.substring(0, top.length() - 1)))) {
                // the top of the host, or the prefix without its slash: the site is at /project/
                // (302: another path_prefix saved in markata.toml moves it)
                redirect(exchange, raw.equals("/") ? 302 : 301, top, query);
                return;
            }
            if (!raw.startsWith(top)) {
                notFound(exchange); // not the site's: its host serves other things there, or nothing
                return;
            }
            String path = "/" + raw.substring(top.length());
            Path file = resolve(path);
            if (file == null) {
                notFound(exchange);
                return;
            }
            if (!raw.endsWith("/") && Files.isDirectory(inside(path))) {
                // as web servers do: at /post the page's relative links (./cover.png) led to /cover.png
                redirect(exchange, 301, raw + "/", query);
                return;
            }
            String type = type(file);
            if (reload && type.startsWith("text/html")) {
                byte[] page = Files.readAllBytes(file);
                send(exchange, 200, htmlType(page), inject(page, exchange));
            } else if (type.startsWith("text/html")) {
                sendFile(exchange, htmlType(head(file)), file);
            } else {
                sendFile(exchange, type, file);
            }
        }
    }

    private static void redirect(HttpExchange exchange, int status, String to, String query) throws IOException {
        exchange.getResponseHeaders().set("Location", to + (query == null ? "" : "?" + query));
        send(exchange, status, "text/plain; charset=utf-8", new byte[0]);
    }

    /** The file a request path (from the folder's top) names, or null when it is missing or not inside the root. */
    Path resolve(String rawPath) throws IOException {
        Path target = inside(rawPath);
        if (target == null) {
            return null;
        }
        if (Files.isDirectory(target)) {
            target = target.resolve("index.html");
        }
        if (!Files.isRegularFile(target)) {
            return null;
        }
        Path real = target.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            return null; // a symbolic link out of the output folder
        }
        return real;
    }

    /**
     * The path in the root that a request path names, there or not, or null when it would lead
     * out of the root by its name (links are for {@link #resolve}).
     */
    private Path inside(String rawPath) {
        Path root = this.root;
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!path.startsWith("/") || path.contains("\0") || path.contains("\\")) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.contains(":")) {
                return null;
            }
        }
        Path target = root.resolve(path.substring(1)).normalize();
        return target.startsWith(root) ? target : null;
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Path root = this.root;
        Path page = root.resolve("404.html");
        if (Files.isRegularFile(page) && page.toRealPath().startsWith(root.toRealPath())) {
            byte[] body = Files.readAllBytes(page);
            send(exchange, 404, htmlType(body), reload ? inject(body, exchange) : body);
        } else if (reload) {
            // a page, so that it reloads once the address is built: nothing is built before a
            // first build that failed, and a plain text answer stayed "not found" after the fix
            String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>not found</title></head><body>"
                    + "<p>not found: " + Templates.escape(exchange.getRequestURI().getRawPath()) + "</p></body></html>";
            send(exchange, 404, "text/html; charset=utf-8", inject(html.getBytes(StandardCharsets.UTF_8), exchange));
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * {@code body} with the reload script, and the last build's error while there is one, at the
     * end of its body. Spliced in as bytes: the page's own bytes stay as they are in whatever
     * encoding it declares (decoded as UTF-8 and encoded again, a windows-1252 page lost its
     * accented letters); the snippet is ASCII, with the error's other characters as references.
     * The error itself only for a browser on this machine ({@link #REMOTE_NOTICE}).
     */
    private byte[] inject(byte[] body, HttpExchange exchange) {
        String problem = this.problem;
        String shown = problem == null || exchange.getRemoteAddress().getAddress().isLoopbackAddress() ? problem
                : REMOTE_NOTICE;
        String snippet = problem == null ? RELOAD_SCRIPT
                : OVERLAY_START + asciiReferences(Templates.escape(shown)) + OVERLAY_END + RELOAD_SCRIPT;
        byte[] insert = snippet.getBytes(StandardCharsets.US_ASCII);
        int end = bodyEnd(body);
        int at = end < 0 ? body.length : end;
        byte[] html = new byte[body.length + insert.length];
        System.arraycopy(body, 0, html, 0, at);
        System.arraycopy(insert, 0, html, at, insert.length);
        System.arraycopy(body, at, html, at + insert.length, body.length - at);
        return html;
    }

    /** {@code text} with every character outside ASCII as a numeric character reference. */
    private static String asciiReferences(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x80) {
                ascii.append((char) c);
            } else {
                ascii.append("&#x").append(Integer.toHexString(c)).append(';');
            }
        });
        return ascii.toString();
    }

    /** Where the last {@code </body} of {@code html} starts, in any case ({@code </BODY>}); -1 without one. */
    static int bodyEnd(byte[] html) {
        byte[] tag = "</body".getBytes(StandardCharsets.US_ASCII);
        for (int at = html.length - tag.length; at >= 0; at--) {
            int i = 0;
            while (i < tag.length && Character.toLowerCase(html[at + i]) == tag[i]) {
                i++;
            }
            if (i == tag.length) {
                return at;
            }
        }
        return -1;
    }

    /** A page's first bytes, where its {@code <meta>} declares its encoding. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(META_PRESCAN);
        }
    }

    /** How far into a page browsers look for its {@code <meta>} charset (the HTML standard's prescan). */
    private static final int META_PRESCAN = 1024;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /**
     * The type of an HTML page, with the encoding its {@code <meta>} declares ({@code <meta
     * charset="windows-1252">}, {@code <meta http-equiv="Content-Type" content="...;
     * charset=...">}) in its first 1,024 bytes, else UTF-8: the header wins over the page, and a
     * windows-1252 page sent as UTF-8 showed replacement characters for its accented letters.
     * A name Java does not know stays UTF-8.
     */
    static String htmlType(byte[] page) {
        String head = new String(page, 0, Math.min(page.length, META_PRESCAN), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        if (meta.find()) {
            String name = meta.group(1);
            try {
                if (Charset.isSupported(name)) {
                    return "text/html; charset=" + name.toLowerCase(Locale.ROOT);
                }
            } catch (IllegalCharsetNameException ignored) {
                // not a name: UTF-8, as the site's own pages are
            }
        }
        return TYPES.get("html");
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** Sends {@code file} as it is read, not read whole first: a site's video held hundreds of megabytes in the heap. */
    private static void sendFile(HttpExchange exchange, String type, Path file) throws IOException {
        headers(exchange, type);
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        long size = Files.size(file);
        String range = exchange.getRequestHeaders().getFirst("Range");
        long[] part = range == null ? null : part(range, size);
        if (part != null && part.length == 0) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
            send(exchange, 416, type, new byte[0]);
            return;
        }
        long start = part == null ? 0 : part[0];
        long length = part == null ? size : part[1] - part[0] + 1;
        if (part != null) {
            exchange.getResponseHeaders().set("Content-Range", "bytes " + part[0] + "-" + part[1] + "/" + size);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(part == null ? 200 : 206, head || length == 0 ? -1 : length);
        if (!head && length > 0) {
            try (FileChannel channel = FileChannel.open(file); OutputStream out = exchange.getResponseBody()) {
                WritableByteChannel to = Channels.newChannel(out);
                for (long sent = 0; sent < length; ) {
                    long n = channel.transferTo(start + sent, length - sent, to);
                    if (n <= 0) {
                        break; // the file was made shorter while it was sent
                    }
                    sent += n;
                }
            }
        }
    }

    /**
     * The first and last byte of the one part {@code range} asks for ({@code bytes=2-4}, {@code
     * bytes=7-}, {@code bytes=-2}: the last two), cut to the file's {@code size}; an empty array
     * when it starts past the end (416); null for the whole file: a header this server does not
     * read, or several parts, which HTTP lets a server answer with the whole file.
     */
    static long[] part(String range, long size) {
        Matcher bytes = Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(range.strip());
        if (!bytes.matches() || bytes.group(1).isEmpty() && bytes.group(2).isEmpty()
                || bytes.group(1).length() > 18 || bytes.group(2).length() > 18) {
            return null;
        }
        if (bytes.group(1).isEmpty()) {
            long suffix = Long.parseLong(bytes.group(2));
            return suffix == 0 || size == 0 ? new long[0] : new long[] {Math.max(0, size - suffix), size - 1};
        }
        long first = Long.parseLong(bytes.group(1));
        long last = bytes.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(bytes.group(2)));
        if (first >= size) {
            return new long[0];
        }
        return last < first ? null : new long[] {first, last};
    }

    private static void headers(HttpExchange exchange, String type) {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        headers(exchange, type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
