package com.kameleoon.jakarta;

import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.types.Variation;
import java.util.List;
import java.util.Map;

/**
 * The visitor of the current HTTP request: the client's per-visitor methods with the visitor code filled in.
 * Injected with {@code @Inject KameleoonVisitor} (request scoped, {@code @Named("kameleoonVisitor")} for EL), or
 * found with {@link KameleoonJakarta#visitor(jakarta.servlet.http.HttpServletRequest)}. Changes made through it
 * are written when the request ends, all in one unit of work. Use it from the request's threads (an async
 * request's worker thread included) until the request completes.
 */
public interface KameleoonVisitor {
    /** @return the visitor code (from the cookie, or new for this request) */
    String getCode();

    /**
     * Evaluates a feature flag and tracks the exposure.
     *
     * @param featureKey the flag
     * @return the assigned variation
     * @see com.kameleoon.KameleoonClient#getVariation(String, String)
     */
    Variation getVariation(String featureKey);

    /**
     * Evaluates a feature flag.
     *
     * @param featureKey the flag
     * @param track whether to track the exposure
     * @return the assigned variation
     */
    Variation getVariation(String featureKey, boolean track);

    /**
     * Reads one variable of the visitor's variation of a flag (tracking the exposure), handy in EL:
     * {@code ${kameleoonVisitor.getVariable('recommended_products', 'num_recommended_products')}}.
     *
     * @param featureKey the flag
     * @param variableKey the variable
     * @return the variable's value
     * @throws com.kameleoon.exceptions.FeatureVariableNotFound when the variation has no such variable
     */
    Object getVariable(String featureKey, String variableKey);

    /**
     * Reads one variable of the visitor's variation of a flag as a given type (tracking the exposure). When the
     * variable is missing or has another type — its type was changed in the Kameleoon app under a running
     * application — the fallback is returned and a warning names the variable, instead of a
     * {@code ClassCastException} on every page.
     *
     * @param featureKey the flag
     * @param variableKey the variable
     * @param type the type the caller uses, such as {@code Integer.class}
     * @param fallback what to use when the variable is missing or of another type
     * @param <T> the type
     * @return the value, or the fallback
     */
    default <T> T getVariable(String featureKey, String variableKey, Class<T> type, T fallback) {
        return getVariation(featureKey).getVariableValue(variableKey, type, fallback);
    }

    /**
     * @param featureKey the flag
     * @return whether the flag is on for this visitor (exposure tracked)
     */
    boolean isFeatureActive(String featureKey);

    /**
     * @param featureKey the flag
     * @param track whether to track the exposure
     * @return whether the flag is on for this visitor
     */
    boolean isFeatureActive(String featureKey, boolean track);

    /** @return the active flags' variations, keyed by flag (exposures tracked) */
    Map<String, Variation> getVariations();

    /**
     * @param onlyActive leave out flags whose variation is off
     * @param track whether to track the exposures
     * @return the variations, keyed by flag
     */
    Map<String, Variation> getVariations(boolean onlyActive, boolean track);

    /**
     * Adds data to the visitor (tracked).
     *
     * @param data the data
     */
    void addData(Data... data);

    /**
     * Tracks a conversion.
     *
     * @param goalId the goal
     */
    void trackConversion(int goalId);

    /**
     * Tracks a conversion with revenue.
     *
     * @param goalId the goal
     * @param revenue the revenue
     */
    void trackConversion(int goalId, double revenue);

    /**
     * Tracks a conversion.
     *
     * @param goalId the goal
     * @param revenue the revenue
     * @param negative whether it cancels an earlier conversion
     * @param metadata custom data sent with it, or null
     */
    void trackConversion(int goalId, double revenue, boolean negative, List<CustomData> metadata);

    /** @return the hybrid-mode script that hands this visitor's assignments to the Kameleoon engine */
    String getEngineTrackingCode();

    /**
     * Records the visitor's legal consent; giving it (re)writes the visitor-code cookie on this response.
     *
     * @param consent whether consent is given
     */
    void setLegalConsent(boolean consent);

    /**
     * Writes this request's changes and tracking lines now instead of when the request ends, for pages that
     * must answer only after the write (a purchase, say). Later changes are written at the end as usual.
     *
     * @throws com.kameleoon.exceptions.UnitNotStored when the write failed: nothing of the request so far is
     *         stored (neither the visitor's changes nor its tracking), so the page should answer "not recorded,
     *         retry", and a retried request records the changes exactly once
     * @throws com.kameleoon.exceptions.UnitOutcomeUnknown when the connection broke while the database committed:
     *         the changes may or may not be stored (the SDK settles and logs it once the database answers), so the
     *         page should say the outcome is unknown rather than invite a retry that could record them twice
     */
    void commit();
}
