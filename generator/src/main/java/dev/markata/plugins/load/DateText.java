package dev.markata.plugins.load;

import dev.markata.content.PostDate;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a front-matter {@code date} as markata does. Markata gets every front-matter value as
 * text (its YAML loader is {@code CBaseLoader}) and hands {@code date} to dateparser, which reads
 * ISO 8601 with or without a time and zone, numbers with slashes, dots or dashes (year first, or
 * month first unless the first number cannot be a month), month names ({@code May 1, 2024},
 * {@code 1st May 2024}, with a weekday and a time, {@code 10:30 AM}, {@code 3pm}), RFC 2822
 * ({@code Wed, 01 May 2024 10:30:00 +0000}), zone names and epoch seconds or milliseconds;
 * {@code generator/src/test/resources/dates/} holds its answers for each form, which these
 * rules give too.
 *
 * <p>Deliberately refused, with the reason: dates relative to the day of the build
 * ({@code yesterday}, {@code 3 days ago}) and dates without a day ({@code May 2024}: dateparser
 * fills in today's day), which would change with the day the site is built, two-digit years,
 * and zone abbreviations that mean two places ({@code BST}, {@code IST}). Epoch numbers are
 * instants in UTC (dateparser gives the building machine's local time).
 *
 * <p>Every pattern is compiled once: this runs for each of 10,000 posts on a cold build, and a
 * plain ISO date takes the first pattern only.
 */
public final class DateText {

    /** Why a value is not a date, worded to follow "front matter date = VALUE: ". */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static final String FORMS = "must be a date like 2024-05-01, or with a time 2024-05-01 10:30 (and a zone,"
            + " 2024-05-01T10:30:00+02:00 or 2024-05-01 10:30 UTC); markata's other forms are read too: 2024/05/01,"
            + " 05/01/2024 (month first), May 1, 2024 10:30 AM, 1 May 2024, Wed, 01 May 2024 10:30:00 +0000 and epoch"
            + " seconds (1714559400)";

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + " ?(?:([Zz])|([+-]\\d{2}(?::?\\d{2})?))?)?");
    private static final Pattern WORDS = Pattern.compile("[\\s,]+");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,4})([-/.])(\\d{1,2})\\2(\\d{1,4})");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(am|pm|z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern HOUR = Pattern.compile("(\\d{1,2})(am|pm)");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,4})(?:st|nd|rd|th)?");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}(?::?\\d{2})?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(?:\\d{3})?");

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday"};
    /** Words of relative dates, which dateparser reads against the day it runs. */
    private static final Set<String> RELATIVE = Set.of("today", "yesterday", "tomorrow", "now",
            "ago", "next", "last", "this", "day", "days", "week", "weeks", "month", "months", "year", "years", "hour",
            "hours", "minute", "minutes", "in");
    /** Zone names dateparser reads, with the offsets it gives them. */
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("z", ZoneOffset.UTC), Map.entry("utc", ZoneOffset.UTC), Map.entry("gmt", ZoneOffset.UTC),
            Map.entry("ut", ZoneOffset.UTC), Map.entry("wet", ZoneOffset.UTC),
            Map.entry("west", ZoneOffset.ofHours(1)), Map.entry("cet", ZoneOffset.ofHours(1)),
            Map.entry("cest", ZoneOffset.ofHours(2)), Map.entry("eet", ZoneOffset.ofHours(2)),
            Map.entry("eest", ZoneOffset.ofHours(3)), Map.entry("jst", ZoneOffset.ofHours(9)),
            Map.entry("aest", ZoneOffset.ofHours(10)), Map.entry("est", ZoneOffset.ofHours(-5)),
            Map.entry("edt", ZoneOffset.ofHours(-4)), Map.entry("cst", ZoneOffset.ofHours(-6)),
            Map.entry("cdt", ZoneOffset.ofHours(-5)), Map.entry("mst", ZoneOffset.ofHours(-7)),
            Map.entry("mdt", ZoneOffset.ofHours(-6)), Map.entry("pst", ZoneOffset.ofHours(-8)),
            Map.entry("pdt", ZoneOffset.ofHours(-7)), Map.entry("akst", ZoneOffset.ofHours(-9)),
            Map.entry("hst", ZoneOffset.ofHours(-10)));
    /** Abbreviations of two places each (BST: British summer time, dateparser Bougainville +11). */
    private static final Set<String> AMBIGUOUS_ZONES = Set.of("bst", "ist", "ast", "sst", "cat");

    private DateText() {
    }

    /**
     * The date another front-matter key than {@code date} means, as markata reads it
     * ({@code date_time}, a datetime in its Post model); empty when it is none of the forms.
     */
    public static Optional<PostDate> read(Object value) {
        try {
            return Optional.of(parse(value));
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    /** The date a front-matter value (text, or a number YAML read) means. */
    static PostDate parse(Object value) throws Refused {
        if (value instanceof Integer || value instanceof Long) {
            return epoch(value.toString());
        }
        if (!(value instanceof String)) {
            throw new Refused(FORMS);
        }
        String text = ((String) value).strip();
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            return iso(iso);
        }
        if (EPOCH.matcher(text).matches()) {
            return epoch(text);
        }
        return words(text);
    }

    private static PostDate iso(Matcher m) throws Refused {
        LocalDate day = day(number(m.group(1)), number(m.group(2)), number(m.group(3)));
        if (m.group(4) == null) {
            return PostDate.of(day);
        }
        LocalTime time = time(number(m.group(4)), number(m.group(5)), m.group(6), m.group(7));
        ZoneOffset offset = m.group(8) != null ? ZoneOffset.UTC : m.group(9) != null ? offset(m.group(9)) : null;
        return new PostDate(LocalDateTime.of(day, time), offset, true);
    }

    private static PostDate epoch(String digits) throws Refused {
        if (!EPOCH.matcher(digits).matches()) {
            throw new Refused(FORMS);
        }
        long number = Long.parseLong(digits);
        Instant instant = digits.length() == 10 ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        return new PostDate(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC, true);
    }

    /** Dates in words and numbers, each word read for what it can be, as dateparser does. */
    private static PostDate words(String text) throws Refused {
        int year = -1;
        int month = -1;
        int dayOfMonth = -1;
        LocalTime time = null;
        String meridiem = null;
        ZoneOffset offset = null;
        for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty() || word.equals("at") || word.equals("on") || word.equals("of")) {
                continue;
            }
            String timePart = null;
            Matcher numeric = NUMERIC_DATE.matcher(word);
            int t = word.indexOf('t');
            if (t > 0 && NUMERIC_DATE.matcher(word.substring(0, t)).matches()) {
                numeric = NUMERIC_DATE.matcher(word.substring(0, t));
                timePart = word.substring(t + 1);
            }
            Matcher m;
            if (numeric.matches()) {
                if (year != -1 || month != -1 || dayOfMonth != -1) {
                    throw new Refused(FORMS);
                }
                String first = numeric.group(1);
                String last = numeric.group(4);
                if (first.length() == 4) {
                    year = number(first);
                    month = number(numeric.group(3));
                    dayOfMonth = number(last);
                } else if (last.length() == 4) {
                    month = number(first);
                    dayOfMonth = number(numeric.group(3));
                    year = number(last);
                    if (month > 12 && dayOfMonth <= 12) {
                        int swap = month;
                        month = dayOfMonth;
                        dayOfMonth = swap;
                    }
                } else {
                    throw new Refused("needs a four-digit year (2024-05-01, 05/01/2024)");
                }
                if (timePart == null) {
                    continue;
                }
                word = timePart;
            }
            if ((m = TIME.matcher(word)).matches()) {
                if (time != null) {
                    throw new Refused(FORMS);
                }
                time = time(number(m.group(1)), number(m.group(2)), m.group(3), m.group(4));
                String tail = m.group(5);
                if (tail != null) {
                    if (tail.equals("am") || tail.equals("pm")) {
                        meridiem = tail;
                    } else {
                        offset = tail.equals("z") ? ZoneOffset.UTC : offset(tail);
                    }
                }
            } else if ((m = HOUR.matcher(word)).matches()) {
                if (time != null) {
                    throw new Refused(FORMS);
                }
                time = time(number(m.group(1)), 0, null, null);
                meridiem = m.group(2);
            } else if (word.equals("am") || word.equals("pm") || word.equals("a.m.") || word.equals("p.m.")) {
                meridiem = word.substring(0, 1) + "m";
            } else if (OFFSET.matcher(word).matches()) {
                offset = offset(word);
            } else if (ZONES.containsKey(word)) {
                offset = ZONES.get(word);
            } else if ((m = NUMBER.matcher(word)).matches()) {
                if (m.group(1).length() == 4 && year == -1) {
                    year = number(m.group(1));
                } else if (m.group(1).length() <= 2 && dayOfMonth == -1) {
                    dayOfMonth = number(m.group(1));
                } else {
                    throw new Refused(FORMS);
                }
            } else if (startOf(MONTHS, word) >= 0 || word.equals("sept")) {
                if (month != -1) {
                    throw new Refused(FORMS);
                }
                month = word.equals("sept") ? 9 : startOf(MONTHS, word) + 1;
            } else if (startOf(WEEKDAYS, word) >= 0) {
                continue; // dateparser does not check the weekday against the date; neither do we
            } else if (RELATIVE.contains(word)) {
                throw new Refused("must be a date like 2024-05-01, not one relative to the day of the build"
                        + " (markata's dateparser reads it against the day it runs, so the post's date would change"
                        + " with the day the site is built)");
            } else if (AMBIGUOUS_ZONES.contains(word)) {
                throw new Refused("has the zone " + word.toUpperCase(Locale.ROOT) + ", which names more than one"
                        + " zone (dateparser reads BST as +11:00); write its offset, like 2024-05-01 10:30 +01:00");
            } else {
                throw new Refused(FORMS);
            }
        }
        if (year == -1 || month == -1) {
            throw new Refused(FORMS);
        }
        if (dayOfMonth == -1) {
            throw new Refused("has no day of the month (dateparser takes today's, so the date would change with the"
                    + " day the site is built); write the day, like 2024-05-01");
        }
        LocalDate day = day(year, month, dayOfMonth);
        if (time == null) {
            if (offset != null) {
                throw new Refused(FORMS);
            }
            return PostDate.of(day);
        }
        if (meridiem != null) {
            int hour = time.getHour();
            if (hour == 0 || hour > 12) {
                throw new Refused("has the hour " + hour + " with " + meridiem.toUpperCase(Locale.ROOT)
                        + "; AM and PM take hours 1 to 12");
            }
            time = time.withHour(hour % 12 + (meridiem.equals("pm") ? 12 : 0));
        }
        return new PostDate(LocalDateTime.of(day, time), offset, true);
    }

    /** The index of the name that {@code word} (three letters or more) begins, or -1. */
    private static int startOf(String[] names, String word) {
        if (word.length() < 3) {
            return -1;
        }
        String name = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith(name)) {
                return i;
            }
        }
        return -1;
    }

    private static LocalDate day(int year, int month, int day) throws Refused {
        if (month < 1 || month > 12) {
            throw new Refused("is not a real date: the month is " + month + " (months are 1 to 12)");
        }
        if (day < 1) {
            throw new Refused("is not a real date: the day is " + day + " (days start at 1)");
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day > yearMonth.lengthOfMonth()) {
            throw new Refused("is not a real date: " + yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " " + year + " has " + yearMonth.lengthOfMonth() + " days");
        }
        return LocalDate.of(year, month, day);
    }

    private static LocalTime time(int hour, int minute, String second, String fraction) throws Refused {
        int nanos = 0;
        if (fraction != null) {
            nanos = Integer.parseInt((fraction + "00000000").substring(0, 9));
        }
        int seconds = second == null ? 0 : number(second);
        outOfRange("hour", hour, 23);
        outOfRange("minute", minute, 59);
        outOfRange("second", seconds, 59);
        return LocalTime.of(hour, minute, seconds, nanos);
    }

    private static void outOfRange(String unit, int value, int last) throws Refused {
        if (value < 0 || value > last) {
            throw new Refused("is not a real time of day: the " + unit + " is " + value + " (" + unit + "s are 0 to "
                    + last + ")");
        }
    }

    private static ZoneOffset offset(String text) throws Refused {
        String digits = text.replace(":", "");
        int hours = number(digits.substring(1, 3));
        int minutes = digits.length() > 3 ? number(digits.substring(3)) : 0;
        try {
            return digits.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                    : ZoneOffset.ofHoursMinutes(hours, minutes);
        } catch (DateTimeException e) {
            throw new Refused("has no real zone offset " + text + " (" + e.getMessage() + ")");
        }
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
