package com.kameleoon.benchmarks.sidebyside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kameleoon.KameleoonClient;
import com.kameleoon.KameleoonClientFactory;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This project's decisions for the agreement check: {@code OurDecisions <fixtures directory> <out file> <datafile
 * name>…} writes {@code decision <datafile> <visitor> <flag> <variation key>} for every visitor of
 * {@code visitors.tsv} and flag of each datafile, untracked ({@code addData(code, false, …)}, then
 * {@code getVariation(code, flag, false)}); an exception is written as {@code !<its simple name>}. The same
 * lines as the official side's {@code OfficialDecisions}.
 */
public final class OurDecisions {
    private OurDecisions() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when the fixtures cannot be read, a client does not start or the output is not written
     */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        List<String> visitors = Files.readAllLines(directory.resolve("visitors.tsv"), StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int d = 2; d < args.length; d++) {
                String name = args[d];
                List<String> flags = new ArrayList<>();
                for (JsonNode flag : mapper.readTree(directory.resolve(name + ".json").toFile()).path("featureFlags")) {
                    flags.add(flag.path("featureKey").asText());
                }
                KameleoonClient client = OurClients.startReady(directory, name);
                for (String line : visitors) {
                    VisitorLine visitor = VisitorLine.parse(line);
                    client.addData(visitor.code(), false, visitor.data());
                    for (String flag : flags) {
                        out.write("decision\t" + name + "\t" + visitor.code() + "\t" + flag + "\t"
                                + decide(client, visitor.code(), flag) + "\n");
                    }
                }
                KameleoonClientFactory.forget(name);
            }
        }
    }

    private static String decide(KameleoonClient client, String code, String flag) {
        try {
            return client.getVariation(code, flag, false).getKey();
        } catch (RuntimeException e) {
            return "!" + e.getClass().getSimpleName();
        }
    }
}
