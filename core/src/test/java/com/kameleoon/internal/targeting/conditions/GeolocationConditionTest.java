package com.kameleoon.internal.targeting.conditions;

import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.check;
import static com.kameleoon.internal.targeting.conditions.TargetingFixtures.visitor;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.Geolocation;
import com.kameleoon.internal.visitor.Visitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GEOLOCATION (docs/evaluation.md#geolocation)")
class GeolocationConditionTest {

    private static Visitor at(Geolocation location) {
        Visitor visitor = visitor();
        visitor.setGeolocation(location, false);
        return visitor;
    }

    private static String country(String country) {
        return "{\"targetingType\":\"GEOLOCATION\",\"country\":\"" + country + "\"}";
    }

    private static String full(String country, String region, String city) {
        return "{\"targetingType\":\"GEOLOCATION\",\"country\":\"" + country + "\",\"region\":\"" + region
                + "\",\"city\":\"" + city + "\"}";
    }

    @Test
    @DisplayName("GEOLOCATION country compares ASCII case-insensitively")
    void countryIgnoresAsciiCase() {
        assertThat(check(country("France"), at(new Geolocation("france")))).isTrue();
        assertThat(check(country("FRANCE"), at(new Geolocation("France")))).isTrue();
        assertThat(check(country("France"), at(new Geolocation("Francia")))).isFalse();
    }

    @Test
    @DisplayName("GEOLOCATION folds every letter from A to Z, and nothing next to them")
    void foldingCoversAToZ() {
        assertThat(check(full("France", "AZ", "Zanzibar"), at(Geolocation.builder("france").region("az")
                .city("zANZIBAr").build()))).isTrue();
        // '@' and '[' sit just outside A-Z: folding them would turn them into '`' and '{'.
        assertThat(check(country("@["), at(new Geolocation("`{")))).isFalse();
    }

    @Test
    @DisplayName("GEOLOCATION case folding is ASCII only, like PHP strcasecmp")
    void nonAsciiLettersAreNotFolded() {
        assertThat(check(country("Österreich"), at(new Geolocation("österreich")))).isFalse();
        assertThat(check(country("Österreich"), at(new Geolocation("Österreich")))).isTrue();
        assertThat(check(country("TÜRKIYE"), at(new Geolocation("TüRKIYE")))).isFalse();
        assertThat(check(country("Türkiye"), at(new Geolocation("TüRKIYE")))).isTrue();
    }

    @Test
    @DisplayName("GEOLOCATION region and city are checked only when given")
    void optionalRegionAndCity() {
        Visitor lyon = at(Geolocation.builder("France").region("Auvergne-Rhône-Alpes").city("Lyon").build());
        assertThat(check(country("france"), lyon)).isTrue();
        assertThat(check(full("france", "", ""), lyon)).isTrue();
        assertThat(check(full("france", "auvergne-rhône-alpes", "LYON"), lyon)).isTrue();
        assertThat(check(full("france", "", "Paris"), lyon)).isFalse();
        assertThat(check(full("france", "Bretagne", ""), lyon)).isFalse();
        assertThat(check("{\"targetingType\":\"GEOLOCATION\",\"country\":\"France\",\"region\":null,"
                + "\"city\":\"lyon\"}", lyon)).isTrue();
    }

    @Test
    @DisplayName("GEOLOCATION a visitor field that is null compares as \"\"")
    void visitorNullFields() {
        Visitor franceOnly = at(new Geolocation("France"));
        assertThat(check(full("France", "", "Paris"), franceOnly)).isFalse();
        assertThat(check(full("France", "Île-de-France", ""), franceOnly)).isFalse();
        assertThat(check(full("France", "", ""), franceOnly)).isTrue();
    }

    @Test
    @DisplayName("GEOLOCATION empty or missing country never matches")
    void emptyCountry() {
        assertThat(check(country(""), at(new Geolocation("")))).isFalse();
        assertThat(check("{\"targetingType\":\"GEOLOCATION\"}", at(new Geolocation("France")))).isFalse();
    }

    @Test
    void noGeolocation() {
        assertThat(check(country("France"), visitor())).isFalse();
        assertThat(check(country("France"), null)).isFalse();
    }
}
