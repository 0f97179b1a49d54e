package com.kameleoon.persistence.resilience;

import com.kameleoon.persistence.KameleoonDatabase;
import com.kameleoon.persistence.internal.outbox.JdbcOutbox;
import com.kameleoon.spi.OutboxLine;
import com.kameleoon.spi.OutboxStats;
import com.kameleoon.spi.TrackingOutbox;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One relay node in its own JVM, for {@link RelayCrashTest}: drains the PostgreSQL outbox of a site into a Data API
 * URL with a short claim lease, and prints each step on stdout ({@code ready}, {@code claimed <n> <firstId>
 * <lastId>}, {@code completed <n> <firstId> <lastId>}, {@code failed <n> <reason>}), so that the test knows what is in
 * flight when it kills the process. Exits by itself when its parent process is gone or after 10 minutes, so that a
 * crashed test leaves nothing running.
 *
 * <p>Arguments: {@code <jdbcUrl> <user> <password|-> <siteCode> <dataApiUrl> <claimLeaseMillis>}.
 */
public final class RelayProcess {
    private static final long MAX_LIFETIME_MILLIS = 600_000;

    private RelayProcess() {
    }

    /**
     * Runs the relay until killed.
     *
     * @param args see the class comment
     * @throws Exception on a start failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: RelayProcess <jdbcUrl> <user> <password|-> <siteCode> <dataApiUrl>"
                    + " <claimLeaseMillis>");
            System.exit(2);
        }
        String password = "-".equals(args[2]) ? "" : args[2];
        String siteCode = args[3];
        URI dataApiUrl = URI.create(args[4]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        long started = System.currentTimeMillis();

        KameleoonDatabase database = KameleoonDatabase.builder().jdbcUrl(args[0]).username(args[1]).password(password)
                .maximumPoolSize(2).minimumIdle(1).poolName("relay-" + ProcessHandle.current().pid())
                .migrate(false).build();
        JdbcOutbox outbox = new JdbcOutbox(database, siteCode, new JdbcOutbox.Settings(lease, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 20, 100_000));
        StandaloneRelay relay = new StandaloneRelay(new Printing(outbox), siteCode, dataApiUrl, Duration.ofSeconds(60));
        say("ready pid=" + ProcessHandle.current().pid());
        while (System.currentTimeMillis() - started < MAX_LIFETIME_MILLIS && parentAlive(parent)) {
            relay.wakeUp();
            Thread.sleep(100);
        }
        say("exiting: parent gone or lifetime over");
        relay.close(Duration.ofSeconds(1));
        database.close();
        System.exit(0);
    }

    private static boolean parentAlive(long parent) {
        return parent < 0 || ProcessHandle.current().parent().map(p -> p.pid() == parent && p.isAlive()).orElse(false);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static String range(List<OutboxLine> lines) {
        return lines.size() + " " + lines.get(0).id() + " " + lines.get(lines.size() - 1).id();
    }

    /** The outbox, printing each claim and its outcome. */
    private static final class Printing implements TrackingOutbox {
        private final TrackingOutbox outbox;

        Printing(TrackingOutbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public void add(String visitorCode, List<String> lines) {
            outbox.add(visitorCode, lines);
        }

        @Override
        public List<OutboxLine> claim(long maxChars) {
            List<OutboxLine> claimed = outbox.claim(maxChars);
            if (!claimed.isEmpty()) {
                say("claimed " + range(claimed));
            }
            return claimed;
        }

        @Override
        public void complete(List<OutboxLine> lines) {
            outbox.complete(lines);
            say("completed " + range(lines));
        }

        @Override
        public void fail(List<OutboxLine> lines, String reason) {
            outbox.fail(lines, reason);
            say("failed " + lines.size() + " " + reason);
        }

        @Override
        public void onAdd(Runnable listener) {
            outbox.onAdd(listener);
        }

        @Override
        public boolean isDurable() {
            return outbox.isDurable();
        }

        @Override
        public OutboxStats stats() {
            return outbox.stats();
        }

        @Override
        public long pendingCount() {
            return outbox.pendingCount();
        }

        @Override
        public void close() {
            outbox.close();
        }
    }
}
