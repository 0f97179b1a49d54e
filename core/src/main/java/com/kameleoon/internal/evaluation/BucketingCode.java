package com.kameleoon.internal.evaluation;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.visitor.Visitor;
import java.util.List;

/** Chooses the text hashed in place of the visitor code (docs/evaluation.md#bucketing-code). Stateless. */
public final class BucketingCode {
    private BucketingCode() {
    }

    /**
     * Returns the bucketing code: the first non-empty value of the flag's bucketing custom data, else the
     * mapping identifier, else the visitor code. An empty value counts as absent (project decision: PHP would
     * hash {@code ""} and put every such visitor in one bucket).
     *
     * @param visitor the visitor object, or null
     * @param visitorCode the visitor code
     * @param bucketingIndex the flag's bucketing custom-data index, or -1
     * @return the code to hash
     */
    public static String of(Visitor visitor, String visitorCode, int bucketingIndex) {
        if (visitor == null) {
            return visitorCode;
        }
        if (bucketingIndex >= 0) {
            CustomData data = visitor.customData(bucketingIndex);
            if (data != null) {
                List<String> values = data.getValues();
                for (int i = 0, n = values.size(); i < n; i++) {
                    if (!values.get(i).isEmpty()) {
                        return values.get(i);
                    }
                }
            }
        }
        String mapping = visitor.mappingIdentifier();
        return mapping != null ? mapping : visitorCode;
    }
}
