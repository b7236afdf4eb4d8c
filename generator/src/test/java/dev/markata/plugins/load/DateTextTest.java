package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.content.PostDate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Front-matter dates read as markata's dateparser reads them: its answer for every form in
 * {@code dates/date-cases.jsonl} (made by {@code make_date_cases.py} beside it) is ours, and what
 * it refuses we refuse.
 */
class DateTextTest {

    private static final Pattern CASE = Pattern.compile("\\{\"input\": \"([^\"]*)\", \"dateparser\": (?:\"([^\"]*)\"|null)}");

    private record Case(String input, String dateparser) {
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = DateTextTest.class.getResourceAsStream("/dates/date-cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = CASE.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                cases.add(new Case(m.group(1), m.group(2)));
            }
        }
        return cases;
    }

    @Test
    void everyFormDateparserReadsGivesItsDayTimeAndZone() throws Exception {
        List<Case> read = cases().stream().filter(c -> c.dateparser() != null).toList();
        assertThat(read).hasSizeGreaterThan(50);
        for (Case c : read) {
            PostDate date = DateText.parse(c.input());
            String expected = c.dateparser();
            boolean zoned = expected.length() > 19 && expected.matches(".*[+-]\\d{2}:\\d{2}$");
            if (zoned) {
                OffsetDateTime want = OffsetDateTime.parse(expected);
                assertThat(date.offset()).as(c.input()).isEqualTo(want.getOffset());
                assertThat(date.local()).as(c.input()).isEqualTo(want.toLocalDateTime());
            } else {
                assertThat(date.offset()).as(c.input()).isNull();
                assertThat(date.local()).as(c.input()).isEqualTo(LocalDateTime.parse(expected));
            }
        }
    }

    @Test
    void whatDateparserRefusesIsRefused() throws Exception {
        List<Case> refused = cases().stream().filter(c -> c.dateparser() == null).toList();
        assertThat(refused).isNotEmpty();
        for (Case c : refused) {
            assertThatThrownBy(() -> DateText.parse(c.input())).as(c.input()).isInstanceOf(DateText.Refused.class);
        }
    }

    @Test
    void aDayAloneHasNoTimeAndPrintsAsADay() throws Exception {
        PostDate day = DateText.parse("2024-05-01");
        assertThat(day.hasTime()).isFalse();
        assertThat(day).hasToString("2024-05-01");
        PostDate midnight = DateText.parse("2024-05-01T00:00:00Z");
        assertThat(midnight.hasTime()).isTrue();
        assertThat(midnight).hasToString("2024-05-01T00:00Z");
        assertThat(midnight.offset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void numbersYamlReadAreEpochSecondsOrMillisecondsInUtc() throws Exception {
        assertThat(DateText.parse(1714559400).atOffset()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:30:00Z"));
        assertThat(DateText.parse(1714559400123L).atOffset()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:30:00.123Z"));
        assertThatThrownBy(() -> DateText.parse(20240501)).hasMessageStartingWith("must be a date like 2024-05-01");
        assertThatThrownBy(() -> DateText.parse(2.5)).hasMessageStartingWith("must be a date like 2024-05-01");
        assertThatThrownBy(() -> DateText.parse(List.of("2024-05-01"))).hasMessageStartingWith("must be a date like");
    }

    @Test
    void refusalsSayWhy() {
        // in the author's terms, not java.time's ("Invalid value for MonthOfYear (valid values 1 - 12): 13")
        assertThatThrownBy(() -> DateText.parse("2024-02-30")).hasMessage("is not a real date: February 2024 has 29 days");
        assertThatThrownBy(() -> DateText.parse("2023-02-29")).hasMessage("is not a real date: February 2023 has 28 days");
        assertThatThrownBy(() -> DateText.parse("2024-13-01")).hasMessage("is not a real date: the month is 13 (months are 1 to 12)");
        assertThatThrownBy(() -> DateText.parse("2024-04-00")).hasMessage("is not a real date: the day is 0 (days start at 1)");
        assertThatThrownBy(() -> DateText.parse("2024-05-01T24:00")).hasMessage("is not a real time of day: the hour is 24 (hours are 0 to 23)");
        assertThatThrownBy(() -> DateText.parse("2024-05-01T10:61")).hasMessage("is not a real time of day: the minute is 61 (minutes are 0 to 59)");
        assertThatThrownBy(() -> DateText.parse("3 days ago")).hasMessageStartingWith("must be a date like 2024-05-01, not one relative to the day of the build");
        assertThatThrownBy(() -> DateText.parse("May 2024")).hasMessageStartingWith("has no day of the month");
        assertThatThrownBy(() -> DateText.parse("2024-05-01 10:30 IST")).hasMessageStartingWith("has the zone IST");
        assertThatThrownBy(() -> DateText.parse("5/1/24")).hasMessageStartingWith("needs a four-digit year");
        assertThatThrownBy(() -> DateText.parse("2024-05-01 13:00 PM")).hasMessageStartingWith("has the hour 13 with PM");
    }
}
