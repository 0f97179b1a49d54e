package com.kameleoon.internal.net;

import com.kameleoon.KameleoonClientConfig;
import com.kameleoon.internal.cookie.UriComponent;
import java.net.URI;

/**
 * The Kameleoon service URLs of one client (docs/wire-format.md#hosts-and-paths, #data-api-domain-from-the-datafile,
 * #network-domain): the default hosts, rewritten by {@code network_domain}, the Data API host replaced by the
 * datafile's {@code dataApiDomain}, and the configuration's full base-URL overrides, which win over everything.
 * Immutable; a datafile update yields a new instance through {@link #withDataApiDomain(String)}.
 */
public final class ServiceUrls {
    private static final String DEFAULT_DATA_HOST = "data.kameleoon.io";

    private final String configBase;
    private final String eventsBase;
    private final String tokenBase;
    private final String dataBase;
    private final boolean dataOverridden;
    private final String networkDomain;

    private ServiceUrls(String configBase, String eventsBase, String tokenBase, String dataBase,
            boolean dataOverridden, String networkDomain) {
        this.configBase = configBase;
        this.eventsBase = eventsBase;
        this.tokenBase = tokenBase;
        this.dataBase = dataBase;
        this.dataOverridden = dataOverridden;
        this.networkDomain = networkDomain;
    }

    /**
     * @param config the client configuration
     * @return the URLs before any datafile is loaded
     */
    public static ServiceUrls of(KameleoonClientConfig config) {
        String nd = config.getNetworkDomain();
        return new ServiceUrls(
                base(config.getSdkConfigUrl(), "https://sdk-config." + (nd == null ? "kameleoon.eu" : nd)),
                base(config.getEventsUrl(), "https://events." + (nd == null ? "kameleoon.eu" : nd) + ":8110"),
                base(config.getAccessTokenUrl(), "https://api." + (nd == null ? "kameleoon.com" : nd)),
                base(config.getDataApiUrl(), "https://" + (nd == null ? DEFAULT_DATA_HOST : "data." + nd)),
                config.getDataApiUrl() != null, nd);
    }

    private static String base(URI override, String fallback) {
        if (override == null) {
            return fallback;
        }
        String text = override.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Applies the datafile's {@code dataApiDomain}: the whole host without a network domain, only its first
     * label with one; ignored when it has no dot or when the Data API URL is overridden.
     *
     * @param dataApiDomain the datafile value, may be null
     * @return the URLs to use
     */
    public ServiceUrls withDataApiDomain(String dataApiDomain) {
        if (dataOverridden || dataApiDomain == null || dataApiDomain.isBlank() || dataApiDomain.indexOf('.') < 0) {
            return this;
        }
        String host = networkDomain == null ? dataApiDomain
                : dataApiDomain.substring(0, dataApiDomain.indexOf('.')) + "." + networkDomain;
        return new ServiceUrls(configBase, eventsBase, tokenBase, "https://" + host, false, networkDomain);
    }

    /**
     * @param siteCode the site code
     * @param environment the environment, or null
     * @param ts the real-time event's timestamp, or null
     * @return the datafile URL
     */
    public URI configuration(String siteCode, String environment, Long ts) {
        StringBuilder url = new StringBuilder(configBase).append("/v3/").append(UriComponent.encode(siteCode));
        char separator = '?';
        if (environment != null) {
            url.append(separator).append("environment=").append(UriComponent.encode(environment));
            separator = '&';
        }
        if (ts != null) {
            url.append(separator).append("ts=").append(ts);
        }
        return URI.create(url.toString());
    }

    /**
     * @param siteCode the site code
     * @return the real-time stream URL
     */
    public URI events(String siteCode) {
        return URI.create(eventsBase + "/sse?siteCode=" + UriComponent.encode(siteCode));
    }

    /** @return the OAuth token URL */
    public URI token() {
        return URI.create(tokenBase + "/oauth/token");
    }

    /**
     * @param sdkName the SDK name
     * @param sdkVersion the SDK version
     * @param siteCode the site code
     * @return the tracking URL
     */
    public URI tracking(String sdkName, String sdkVersion, String siteCode) {
        return URI.create(dataBase + "/visit/events?sdkName=" + UriComponent.encode(sdkName) + "&sdkVersion="
                + UriComponent.encode(sdkVersion) + "&siteCode=" + UriComponent.encode(siteCode) + "&bodyUa=true");
    }

    /**
     * @param pathAndQuery a Data API path with its query, starting with {@code /}
     * @return the URL
     */
    public URI dataApi(String pathAndQuery) {
        return URI.create(dataBase + pathAndQuery);
    }
}
