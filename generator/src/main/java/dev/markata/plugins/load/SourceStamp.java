package dev.markata.plugins.load;

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
 * digests of the assets).
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

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
