package com.kameleoon.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A wrk Lua script whose {@code request} function sends, with every request, the {@code kameleoonVisitorCode} cookie
 * of a visitor drawn from a fixed pool (the same codes on every run), plus any other cookies the benchmark needs
 * (the sample's accepted consent, say). Shared by the filter, sample and cluster benchmarks through the test-jar.
 * Thread-safe (stateless).
 */
public final class VisitorPoolScript {
    private VisitorPoolScript() {
    }

    /**
     * @param file where to write the script
     * @param visitors the pool's size
     * @param moreCookies cookies sent after the visitor code ({@code "; name=value…"}), or empty
     * @return {@code file}
     */
    public static Path write(Path file, int visitors, String moreCookies) throws IOException {
        Random random = new Random(42);
        StringBuilder lua = new StringBuilder("local codes = {\n");
        for (int i = 0; i < visitors; i++) {
            lua.append("  \"bench").append(Long.toString(random.nextLong() >>> 1, 36)).append(i).append("\",\n");
        }
        lua.append("}\n")
                .append("math.randomseed(os.time())\n")
                .append("request = function()\n")
                .append("  local code = codes[math.random(#codes)]\n")
                .append("  return wrk.format(\"GET\", nil, {[\"Cookie\"] = \"kameleoonVisitorCode=\" .. code .. \"")
                .append(moreCookies.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"})\n")
                .append("end\n");
        return Files.writeString(file, lua);
    }
}
