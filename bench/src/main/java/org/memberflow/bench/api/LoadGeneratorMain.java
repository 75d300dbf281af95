package org.memberflow.bench.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API bench's load generator as a process of its own, so that its threads, JIT and garbage
 * do not share the server's JVM (with wrk from outside, the same server answered 2.3 times the
 * requests it did with the generator inside). Warms up with all loads mixed, then runs each
 * measured load in turn and prints their results as one JSON array on stdout.
 */
@Command(name = "api-load", mixinStandardHelpOptions = true)
public final class LoadGeneratorMain implements Callable<Integer> {
    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--members", required = true)
    int members;

    @Option(names = "--connections", defaultValue = "16")
    int connections;

    @Option(names = "--seconds", defaultValue = "10")
    double seconds;

    @Option(names = "--warm-up", defaultValue = "30")
    double warmUp;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGeneratorMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ApiLoads loads = new ApiLoads(members);
        ApiLoads.Load warm = loads.warmUp();
        HttpLoad.run(warm.name(), port, connections, 0, warmUp, warm.expectedStatus(), warm.requests());
        double settle = ApiLoads.settleSeconds(seconds);
        List<HttpLoad.Result> results = new ArrayList<>();
        for (ApiLoads.Load load : loads.measured()) {
            results.add(HttpLoad.run(load.name(), port, connections, settle, seconds, load.expectedStatus(),
                    load.requests()));
        }
        System.out.println(JsonMapper.builder().build().writeValueAsString(results));
        return 0;
    }
}
