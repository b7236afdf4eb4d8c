package dev.markata.plugins.load;

import dev.markata.plugins.post_template.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What identifies one version of a source file without reading it: size, modification time,
 * and where the platform has them (Linux, macOS) the inode and the status-change time. The
 * change time is what makes the stamp trustworthy: tools that restore an old modification time
 * ({@code touch -d}, {@code rsync -t}, {@code git checkout} of an older file of equal size)
 * cannot set it back. Also the key of other caches of a file's content (the service worker's
 * digests of the assets, the covers' of their templates and fonts: {@link #storedDigest}).
 *
 * @param inode        the inode number, or -1 where unknown
 * @param changedNanos the status-change time, or -1 where unknown
 */
public record SourceStamp(long size, long modifiedNanos, long changedNanos, long inode) {

    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino";

    public static SourceStamp of(Path file) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file, UNIX_ATTRIBUTES);
            return new SourceStamp((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                    nanos((FileTime) unix.get("ctime")), ((Number) unix.get("ino")).longValue());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            return new SourceStamp(basic.size(), nanos(basic.lastModifiedTime()), -1, -1);
        }
    }

    /** Length of a {@link #storedDigest}'s two parts, in hex digits. */
    private static final int DIGEST = 32;

    /**
     * The digest of {@code file}'s bytes, as a value to keep in a cache: the digest of its stamp,
     * then that of its content. {@code known} is such a value from an earlier build (or null);
     * while the stamp is the same it is returned as it is and the file is not read, which for the
     * large files a site names (a CJK font of 10 MB behind its covers) is most of a warm build.
     */
    public static String storedDigest(Path file, String known) throws IOException {
        String stamp = Hashing.of(of(file).toString());
        if (known != null && known.length() == 2 * DIGEST && known.startsWith(stamp)) {
            return known;
        }
        return stamp + new Hashing().add(Files.readAllBytes(file)).hex();
    }

    /** The content's digest in a value {@link #storedDigest} made. */
    public static String contentDigest(String stored) {
        return stored.substring(DIGEST);
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
