package dev.markata.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A post's front-matter date as written: the day, the time of day when one was given, and the
 * zone when one was given. Markata reads {@code date: 2024-05-01 10:30} as a date (the day) and a
 * datetime (the day and time); a date alone is that day at midnight, and a time without a zone
 * is taken as UTC wherever an instant is needed (feeds, ordering), as markata's {@code datetime}
 * plugin does.
 *
 * @param local   the day and time of day as written (midnight when no time was given)
 * @param offset  the zone's offset as written, or null when none was given
 * @param hasTime whether the front matter gave a time of day
 */
public record PostDate(LocalDateTime local, ZoneOffset offset, boolean hasTime) implements Comparable<PostDate> {

    public PostDate {
        Objects.requireNonNull(local, "local");
    }

    /** A date without a time of day. */
    public static PostDate of(LocalDate date) {
        return new PostDate(date.atStartOfDay(), null, false);
    }

    /** The day: markata's {@code post.date}. */
    public LocalDate date() {
        return local.toLocalDate();
    }

    /** The moment, with the zone given, or UTC when none was. */
    public OffsetDateTime atOffset() {
        return local.atOffset(offset == null ? ZoneOffset.UTC : offset);
    }

    public Instant instant() {
        return atOffset().toInstant();
    }

    /** Earlier moments first; one moment written in two zones orders by the text, to stay total. */
    @Override
    public int compareTo(PostDate other) {
        int order = instant().compareTo(other.instant());
        return order != 0 ? order : toString().compareTo(other.toString());
    }

    /** {@code 2024-05-01} for a date, {@code 2024-05-01T10:30}, {@code 2024-05-01T10:30+02:00} with a time. */
    @Override
    public String toString() {
        if (!hasTime) {
            return date().toString();
        }
        return offset == null ? local.toString() : local + offset.toString();
    }
}
