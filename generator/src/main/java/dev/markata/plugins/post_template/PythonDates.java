package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.date.PyishDate;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Python's {@code date} and {@code datetime} methods for the dates templates see. jinjava's
 * {@link PyishDate} (final, so not extended) prints only the day for {@code isoformat()},
 * spells {@code %Z} as {@code +02:00} and knows no {@code date()}, {@code weekday()},
 * {@code timestamp()} or {@code tzinfo}: a markata template's
 * {@code <time datetime="{{ post.datetime.isoformat() }}">} lost its time.
 *
 * <p>Which Python type a {@link PyishDate} stands for is read from the print format
 * {@link Templates} gave it: a format without hours is a {@code date}; with hours a
 * {@code datetime}, with a zone ({@code xxx}) an aware one (PyYAML's fixed offset, or
 * {@code timezone.utc} for a zero offset, which prints {@code UTC}), else a naive one.
 */
final class PythonDates {

    private PythonDates() {
    }

    /** The result of {@code date.method(args)}, or {@link PythonStrings#NOT_HANDLED} for jinjava's own. */
    static Object call(PyishDate date, String method, Object[] args) {
        Kind kind = Kind.of(date);
        ZonedDateTime at = date.toDateTime();
        return switch (method) {
            case "isoformat" -> args.length == 0 ? isoformat(kind, at, "T")
                    : args.length == 1 && args[0] instanceof String sep && kind != Kind.DATE
                            ? isoformat(kind, at, sep) : PythonStrings.NOT_HANDLED;
            case "strftime" -> args.length == 1 && args[0] instanceof String format
                    ? strftime(date, kind, at, format) : PythonStrings.NOT_HANDLED;
            case "date" -> args.length == 0 && kind != Kind.DATE ? Templates.dayOnly(at) : PythonStrings.NOT_HANDLED;
            case "time" -> args.length == 0 && kind != Kind.DATE ? clock(at) : PythonStrings.NOT_HANDLED;
            case "weekday" -> args.length == 0 ? (long) (at.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue())
                    : PythonStrings.NOT_HANDLED;
            case "isoweekday" -> args.length == 0 ? (long) at.getDayOfWeek().getValue() : PythonStrings.NOT_HANDLED;
            // a naive datetime is taken as UTC (Python would take the machine's zone: a build's
            // output should not depend on where it ran)
            case "timestamp" -> args.length == 0 && kind != Kind.DATE
                    ? at.toEpochSecond() + at.getNano() / 1e9 : PythonStrings.NOT_HANDLED;
            case "utcoffset" -> args.length == 0 && kind != Kind.DATE
                    ? kind == Kind.AWARE ? timedelta(at.getOffset().getTotalSeconds()) : null
                    : PythonStrings.NOT_HANDLED;
            default -> PythonStrings.NOT_HANDLED;
        };
    }

    /** {@code date.tzinfo}, {@code date.microsecond}, or {@link PythonStrings#NOT_HANDLED}. */
    static Object property(PyishDate date, String name) {
        Kind kind = Kind.of(date);
        return switch (name) {
            case "tzinfo" -> kind == Kind.AWARE ? zoneName(date.toDateTime().getOffset()) : null;
            case "microsecond" -> (long) (date.toDateTime().getNano() / 1000);
            default -> PythonStrings.NOT_HANDLED;
        };
    }

    private enum Kind {
        DATE, NAIVE, AWARE;

        static Kind of(PyishDate date) {
            String format = date.getDateFormat();
            if (format == null || !format.contains("HH")) {
                return DATE;
            }
            return format.endsWith("xxx") ? AWARE : NAIVE;
        }
    }

    private static String isoformat(Kind kind, ZonedDateTime at, String separator) {
        String day = at.toLocalDate().toString();
        if (kind == Kind.DATE) {
            return day;
        }
        return day + separator + clock(at) + (kind == Kind.AWARE ? offset(at.getOffset(), ":") : "");
    }

    /** Python's {@code time}: {@code 10:30:05}, microseconds only when there are some. */
    private static String clock(ZonedDateTime at) {
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", at.getHour(), at.getMinute(), at.getSecond());
        int micros = at.getNano() / 1000;
        return micros == 0 ? clock : clock + String.format(Locale.ROOT, ".%06d", micros);
    }

    /**
     * {@code %Z}, {@code %z} and {@code %f} of a datetime as Python writes them (empty for a naive
     * one; a {@code post.date} keeps jinjava's, which show the time and zone the front matter gave),
     * {@code %%} as a percent sign, every other directive by jinjava's strftime one at a time,
     * and the text between them as written: jinjava turns a whole format into a
     * {@code DateTimeFormatter} pattern, where {@code [ ] ' #} are syntax ({@code '[%Y]'} failed).
     */
    private static String strftime(PyishDate date, Kind kind, ZonedDateTime at, String format) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                i++;
                continue;
            }
            // glibc's "%-d" (no padding) is one directive of three characters
            int end = format.charAt(i + 1) == '-' && i + 2 < format.length() ? i + 3 : i + 2;
            String directive = format.substring(i, end);
            out.append(switch (kind == Kind.DATE && !directive.equals("%%") ? "" : directive) {
                case "%%" -> "%";
                case "%Z" -> kind == Kind.AWARE ? zoneName(at.getOffset()) : "";
                case "%z" -> kind == Kind.AWARE ? offset(at.getOffset(), "") : "";
                case "%f" -> String.format(Locale.ROOT, "%06d", at.getNano() / 1000);
                default -> date.strftime(directive);
            });
            i = end;
        }
        return out.toString();
    }

    /** Python's name of a fixed-offset zone: {@code UTC}, {@code UTC+02:00}. */
    private static String zoneName(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset(offset, ":");
    }

    /** {@code +02:00} (isoformat) or {@code +0200} (%z). */
    private static String offset(ZoneOffset offset, String separator) {
        int seconds = offset.getTotalSeconds();
        int magnitude = Math.abs(seconds);
        return String.format(Locale.ROOT, "%s%02d%s%02d", seconds < 0 ? "-" : "+", magnitude / 3600, separator,
                magnitude / 60 % 60);
    }

    /** How Python prints a {@code timedelta} of whole seconds: {@code 2:00:00}, {@code -1 day, 22:00:00}. */
    private static String timedelta(int seconds) {
        int days = Math.floorDiv(seconds, 86_400);
        int rest = Math.floorMod(seconds, 86_400);
        String clock = String.format(Locale.ROOT, "%d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60);
        return days == 0 ? clock : days + (Math.abs(days) == 1 ? " day, " : " days, ") + clock;
    }
}
