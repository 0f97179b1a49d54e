package com.kameleoon.console;

import static com.kameleoon.console.Html.age;
import static com.kameleoon.console.Html.escape;
import static com.kameleoon.console.Html.state;
import static com.kameleoon.console.Html.time;

import com.kameleoon.ConfigurationFetch;
import com.kameleoon.integration.ClientStatus;
import com.kameleoon.integration.DeliveryStats;
import com.kameleoon.integration.UnitStats;
import com.kameleoon.spi.OutboxStats;
import java.time.Duration;

/** The overview page: the client's status as the status API gives it. Thread-safe (stateless). */
final class OverviewPage {
    private OverviewPage() {
    }

    /**
     * @param status the client's status
     * @return the page's body
     */
    static String body(ClientStatus status) {
        ConfigurationFetch fetch = status.lastFetch();
        OutboxStats outbox = status.outbox();
        DeliveryStats delivery = status.delivery();
        UnitStats units = status.units();
        return "<h2>Client</h2>" + Html.facts("client",
                "Site code", escape(status.siteCode()),
                "Ready", state(status.ready(), status.ready() ? "ready" : "not ready"),
                "Visitors in memory", Integer.toString(status.visitorsInMemory()),
                "Status taken at", escape(time(status.at())))
                + "<h2>Datafile</h2>" + Html.facts("datafile",
                "Loaded", state(status.configurationLoaded(), status.configurationLoaded() ? "yes" : "no"),
                "In force since", escape(time(status.configurationInstalledAt())),
                "Age", escape(age(status.configurationAge())),
                "Datafile modified", escape(time(status.dataFileDateModified())),
                "Last fetch", fetch == null ? "— (none: datafile from a file, or not fetched yet)"
                        : escape(fetch.outcome() + " at " + time(fetch.at()))
                        + (fetch.failure() == null ? "" : " — " + escape(fetch.failure())),
                "Last successful fetch", escape(time(status.lastSuccessfulFetchAt())),
                "Stale", state(!status.configurationStale(), status.configurationStale() ? "stale" : "no"),
                "Real-time stream", status.streamRunning() ? "running" : "not running")
                + "<h2>Tracking</h2>" + Html.facts("tracking",
                "Outbox depth", Long.toString(outbox.depth()),
                "Oldest waiting line", escape(age(Duration.ofMillis(outbox.oldestAgeMillis()))),
                "Delivered lines", Long.toString(outbox.sent()),
                "Retried lines", Long.toString(outbox.retried()),
                "Dropped lines", state(outbox.dropped() == 0, Long.toString(outbox.dropped())),
                "Parked lines", state(outbox.parked() == 0, Long.toString(outbox.parked())),
                "Delivered batches", Long.toString(delivery.deliveredBatches()),
                "Failed batches", Long.toString(delivery.failedBatches()),
                "Delivery", state(!delivery.failing(), delivery.failing()
                        ? "failing (" + delivery.consecutiveFailures() + " batches in a row)" : "working"),
                "Last accepted batch", escape(time(delivery.lastSuccessAt())),
                "Last failed batch", escape(time(delivery.lastFailureAt()))
                        + (delivery.lastFailure() == null ? "" : " — " + escape(delivery.lastFailure())))
                + "<h2>Visitor store</h2>" + Html.facts("store",
                "Circuit", state(!units.circuitOpen(), units.circuitOpen() ? "open (store unreachable)" : "closed"),
                "Circuit openings", Long.toString(units.circuitOpenings()),
                "Units stored", Long.toString(units.storedUnits()),
                "Transactions", Long.toString(units.transactions()),
                "Units buffered", Integer.toString(units.bufferedUnits()),
                "Units dropped", state(units.droppedUnits() == 0, Long.toString(units.droppedUnits())),
                "Units rejected", state(units.rejectedUnits() == 0, Long.toString(units.rejectedUnits())),
                "Confirmed units failed", Long.toString(units.failedConfirmedUnits()),
                "Confirmed units unknown", Long.toString(units.unknownConfirmedUnits()),
                "Late loads", Long.toString(units.lateLoads()));
    }
}
