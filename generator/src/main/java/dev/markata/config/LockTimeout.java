package dev.markata.config;

import dev.markata.content.BuildLock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code MARKATA_LOCK_TIMEOUT}: how many seconds a build (or {@code clean}) waits for another
 * build of the site to finish before it gives up, a failed build; unset, it waits as long as that
 * build runs, saying every {@link BuildLock.Wait#EVERY} that it still waits. An environment
 * variable and no {@code [markata]} key: it is the machine's business (a CI job's), not the
 * site's, and as a key it would be configuration that cache keys see, so setting it in one job
 * rendered every page again.
 */
public final class LockTimeout {

    public static final String VARIABLE = "MARKATA_LOCK_TIMEOUT";

    private LockTimeout() {
    }

    /** The wait the environment asks for. */
    public static BuildLock.Wait read(Map<String, String> environment) throws ConfigException {
        String text = environment.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return BuildLock.Wait.UNLIMITED;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            seconds = BigDecimal.ZERO;
        }
        if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L)) > 0) {
            throw new ConfigException("environment: " + VARIABLE + "=" + text + ": must be a number of seconds > 0"
                    + " (how long a build waits for another build of the site to finish before it gives up; unset:"
                    + " as long as that build runs)");
        }
        return BuildLock.Wait.atMost(Duration.ofMillis(Math.max(1, seconds.movePointRight(3).longValue())));
    }

    /**
     * The error of a build or clean that gave up: which build holds the lock, the setting that
     * made it give up, how to stop the other, and what this one did not do ({@code "nothing was built"}).
     */
    public static String gaveUp(BuildLock.TimedOut timedOut, Map<String, String> environment, String outcome) {
        String holder = timedOut.holder();
        Optional<String> pid = holder.startsWith("pid ") ? Optional.of(holder.substring(4)) : Optional.empty();
        return "gave up waiting: " + timedOut.getMessage() + " (" + VARIABLE + "=" + environment.get(VARIABLE).strip()
                + "); if it hangs, stop it" + pid.map(p -> " (kill " + p + ")").orElse("") + "; " + outcome;
    }
}
