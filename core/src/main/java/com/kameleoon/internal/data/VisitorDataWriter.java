package com.kameleoon.internal.data;

import com.kameleoon.data.ApplicationVersion;
import com.kameleoon.data.Browser;
import com.kameleoon.data.Conversion;
import com.kameleoon.data.Cookie;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.Device;
import com.kameleoon.data.Geolocation;
import com.kameleoon.data.OperatingSystem;
import com.kameleoon.data.PageView;
import com.kameleoon.data.UniqueIdentifier;
import com.kameleoon.data.UserAgent;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.CustomDataInfo;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.logging.KameleoonLogger;
import com.kameleoon.internal.visitor.VisitorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Stores data given to {@code addData} with the rules of docs/evaluation.md#adding-data: custom data by name resolved
 * through the datafile, local-only indexes never tracked, the mapping identifier linking two codes, page
 * views counted per URL. Items are checked before the visitor is touched, so that a rejected item changes
 * nothing. Thread-safe.
 */
public final class VisitorDataWriter {
    /** Longest accepted custom data, in characters over all its values. */
    public static final int MAX_CUSTOM_DATA_CHARS = 64 * 1024;
    /** Longest accepted page URL or title, in characters. */
    public static final int MAX_PAGE_TEXT_CHARS = 16 * 1024;

    private final VisitorStore store;
    private final LongSupplier clock;

    /**
     * @param store where visitors are
     * @param clock epoch milliseconds
     */
    public VisitorDataWriter(VisitorStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Adds data to a visitor, creating it when needed.
     *
     * @param config the configuration in force, or null before the first load (names cannot be resolved)
     * @param visitorCode a valid visitor code
     * @param track false to store the items as already sent
     * @param data the items; null items are skipped
     */
    public void add(Configuration config, String visitorCode, boolean track, Data... data) {
        if (data == null || data.length == 0) {
            return;
        }
        List<Data> accepted = new ArrayList<>(data.length);
        for (Data datum : data) {
            Data checked = check(config, datum);
            if (checked != null) {
                accepted.add(checked);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        CustomDataInfo info = config == null ? CustomDataInfo.EMPTY : config.customData();
        Visitor visitor = store.getOrCreate(visitorCode);
        synchronized (visitor) {
            long now = clock.getAsLong();
            for (Data datum : accepted) {
                store(visitor, visitorCode, info, datum, !track, now);
            }
        }
    }

    /** Resolves names and rejects unusable items; null means "drop". */
    private static Data check(Configuration config, Data datum) {
        if (datum == null) {
            KameleoonLogger.warning("addData received a null item; skipped");
            return null;
        }
        if (datum instanceof CustomData) {
            return checkCustomData(config, (CustomData) datum, "addData");
        }
        if (datum instanceof PageView) {
            PageView pageView = (PageView) datum;
            if (pageView.url().length() > MAX_PAGE_TEXT_CHARS
                    || (pageView.title() != null && pageView.title().length() > MAX_PAGE_TEXT_CHARS)) {
                KameleoonLogger.error("PageView with a URL or title over " + MAX_PAGE_TEXT_CHARS
                        + " characters dropped");
                return null;
            }
            return pageView;
        }
        if (datum instanceof Conversion) {
            return checkConversion(config, (Conversion) datum);
        }
        return datum;
    }

    private static CustomData checkCustomData(Configuration config, CustomData data, String where) {
        if (data.getIndex() == CustomData.NO_INDEX) {
            Integer index = config == null ? null : config.customData().indexByName().get(data.getName());
            if (index == null) {
                KameleoonLogger.error(where + ": custom data named '" + data.getName()
                        + (config == null ? "' cannot be resolved before the datafile is loaded; dropped"
                                : "' is not defined in the datafile; dropped"));
                return null;
            }
            data = data.withIndex(index);
        }
        long chars = 0;
        for (String value : data.getValues()) {
            chars += value.length();
        }
        if (chars > MAX_CUSTOM_DATA_CHARS) {
            KameleoonLogger.error(where + ": custom data at index " + data.getIndex() + " has " + chars
                    + " characters, more than " + MAX_CUSTOM_DATA_CHARS + "; dropped");
            return null;
        }
        return data;
    }

    private static Conversion checkConversion(Configuration config, Conversion conversion) {
        if (conversion.metadata() == null || conversion.metadata().isEmpty()) {
            return conversion;
        }
        List<CustomData> metadata = new ArrayList<>(conversion.metadata().size());
        for (CustomData item : conversion.metadata()) {
            CustomData resolved = item == null ? null : checkCustomData(config, item, "conversion metadata");
            if (resolved != null) {
                metadata.add(resolved);
            }
        }
        return new Conversion(conversion.goalId(), conversion.revenue(), conversion.negative(), metadata);
    }

    private void store(Visitor visitor, String visitorCode, CustomDataInfo info, Data datum, boolean sent, long now) {
        if (datum instanceof CustomData) {
            CustomData data = (CustomData) datum;
            storeCustomData(visitor, visitorCode, info, data, sent || info.isLocalOnly(data.getIndex()));
        } else if (datum instanceof PageView) {
            visitor.addPageView((PageView) datum, sent, now);
        } else if (datum instanceof Conversion) {
            visitor.addConversion((Conversion) datum, sent);
        } else if (datum instanceof Device) {
            visitor.setDevice((Device) datum, sent);
        } else if (datum instanceof Browser) {
            visitor.setBrowser((Browser) datum, sent);
        } else if (datum instanceof OperatingSystem) {
            visitor.setOperatingSystem((OperatingSystem) datum, sent);
        } else if (datum instanceof Geolocation) {
            visitor.setGeolocation((Geolocation) datum, sent);
        } else if (datum instanceof Cookie) {
            visitor.setCookie((Cookie) datum);
        } else if (datum instanceof ApplicationVersion) {
            visitor.setApplicationVersion((ApplicationVersion) datum);
        } else if (datum instanceof UserAgent) {
            visitor.setUserAgent((UserAgent) datum);
        } else if (datum instanceof UniqueIdentifier) {
            visitor.setUniqueIdentifier(((UniqueIdentifier) datum).value());
        }
    }

    private void storeCustomData(Visitor visitor, String visitorCode, CustomDataInfo info, CustomData data,
            boolean sent) {
        visitor.putCustomData(data, sent);
        if (!info.isMappingIdentifier(data.getIndex()) || data.getValues().isEmpty()) {
            return;
        }
        String userId = data.getValues().get(0);
        if (userId.isEmpty()) {
            return;
        }
        if (visitor.mappingIdentifier() == null) {
            visitor.setMappingIdentifier(visitorCode);
        }
        if (!userId.equals(visitorCode)) {
            // Both codes now reach the same object, so the signed-in user keeps the anonymous buckets.
            store.link(userId, visitor);
        }
    }
}
