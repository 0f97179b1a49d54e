package com.kameleoon.data;


/**
 * Where the visitor is. Single per visitor: a new one replaces the previous. Only the country is required.
 *
 * @param country the country, not null
 * @param region the region, may be null
 * @param city the city, may be null
 * @param postalCode the postal code, may be null
 * @param latitude the latitude, null when unknown (sent only together with the longitude)
 * @param longitude the longitude, null when unknown
 */
public record Geolocation(String country, String region, String city, String postalCode, Double latitude,
        Double longitude) implements Data {
    /** Validates the country. */
    public Geolocation {
        Arguments.nonNull(country, "Geolocation country must not be null");
    }

    /**
     * A geolocation with the country only.
     *
     * @param country the country
     */
    public Geolocation(String country) {
        this(country, null, null, null, null, null);
    }

    /**
     * A geolocation with country and region (the official SDK's form).
     *
     * @param country the country
     * @param region the region, may be null
     */
    public Geolocation(String country, String region) {
        this(country, region, null, null, null, null);
    }

    /**
     * A geolocation with country, region and city (the official SDK's form).
     *
     * @param country the country
     * @param region the region, may be null
     * @param city the city, may be null
     */
    public Geolocation(String country, String region, String city) {
        this(country, region, city, null, null, null);
    }

    /**
     * A geolocation with country, region, city and postal code (the official SDK's form).
     *
     * @param country the country
     * @param region the region, may be null
     * @param city the city, may be null
     * @param postalCode the postal code, may be null
     */
    public Geolocation(String country, String region, String city, String postalCode) {
        this(country, region, city, postalCode, null, null);
    }

    /**
     * A geolocation with every part and coordinates as {@code float}s (the official SDK's form).
     *
     * @param country the country
     * @param region the region, may be null
     * @param city the city, may be null
     * @param postalCode the postal code, may be null
     * @param latitude the latitude
     * @param longitude the longitude
     */
    public Geolocation(String country, String region, String city, String postalCode, float latitude,
            float longitude) {
        this(country, region, city, postalCode, (double) latitude, (double) longitude);
    }

    /**
     * Starts a builder for the optional parts.
     *
     * @param country the country, not null
     * @return the builder
     */
    public static Builder builder(String country) {
        return new Builder(country);
    }

    /** @return the country */
    public String getCountry() {
        return country;
    }

    /** @return the region, may be null */
    public String getRegion() {
        return region;
    }

    /** @return the city, may be null */
    public String getCity() {
        return city;
    }

    /** @return the postal code, may be null */
    public String getPostalCode() {
        return postalCode;
    }

    /** @return the latitude, may be null */
    public Double getLatitude() {
        return latitude;
    }

    /** @return the longitude, may be null */
    public Double getLongitude() {
        return longitude;
    }

    /** Builds a {@link Geolocation} part by part. Not thread-safe. */
    public static final class Builder {
        private final String country;
        private String region;
        private String city;
        private String postalCode;
        private Double latitude;
        private Double longitude;

        private Builder(String country) {
            this.country = country;
        }

        /**
         * @param value the region
         * @return this builder
         */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /**
         * @param value the city
         * @return this builder
         */
        public Builder city(String value) {
            this.city = value;
            return this;
        }

        /**
         * @param value the postal code
         * @return this builder
         */
        public Builder postalCode(String value) {
            this.postalCode = value;
            return this;
        }

        /**
         * @param lat the latitude
         * @param lon the longitude
         * @return this builder
         */
        public Builder coordinates(double lat, double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        /** @return the geolocation */
        public Geolocation build() {
            return new Geolocation(country, region, city, postalCode, latitude, longitude);
        }
    }
}
