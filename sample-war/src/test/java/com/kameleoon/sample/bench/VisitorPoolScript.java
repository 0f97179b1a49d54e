package com.kameleoon.sample.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A wrk Lua script whose {@code request} function sends, with every request, the cookies of a visitor drawn from a
 * fixed pool: the visitor code and the accepted consent, so that each page view evaluates the flag and tracks the
 * exposure as for a real visitor who said yes. Thread-safe (stateless).
 */
final class VisitorPoolScript {
    private VisitorPoolScript() {
    }

    /**
     * @param file where to write the script
     * @param visitors the pool's size
     * @return {@code file}
     */
    static Path write(Path file, int visitors) throws IOException {
        Random random = new Random(42);
        StringBuilder lua = new StringBuilder("local codes = {\n");
        for (int i = 0; i < visitors; i++) {
            lua.append("  \"bench").append(Long.toString(random.nextLong() >>> 1, 36)).append(i).append("\",\n");
        }
        lua.append("}\n")
                .append("math.randomseed(os.time())\n")
                .append("request = function()\n")
                .append("  local code = codes[math.random(#codes)]\n")
                .append("  return wrk.format(\"GET\", nil, {[\"Cookie\"] = \"kameleoonVisitorCode=\" .. code ..\n")
                .append("    \"; kameleoonLegalConsent=accepted\"})\n")
                .append("end\n");
        return Files.writeString(file, lua);
    }
}
