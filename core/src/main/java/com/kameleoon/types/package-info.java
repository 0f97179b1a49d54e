/**
 * Immutable values returned by the client: {@link com.kameleoon.types.Variation} and
 * {@link com.kameleoon.types.Variable} from evaluation, {@link com.kameleoon.types.DataFile},
 * {@link com.kameleoon.types.FeatureFlag} and {@link com.kameleoon.types.Rule} from {@code getDataFile()}.
 * All have JavaBean getters so that JSP and Faces EL can read them.
 */
package com.kameleoon.types;
