package org.memberflow.bench.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Starts {@link LoadGeneratorMain} in a JVM of its own, on this JVM's class path, and reads its results. */
final class LoadGeneratorProcess {
    private LoadGeneratorProcess() {
    }

    static List<HttpLoad.Result> run(int port, int members, int connections, double seconds, double warmUpSeconds)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(java, "-Xms256m", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                LoadGeneratorMain.class.getName(), "--port", Integer.toString(port), "--members",
                Integer.toString(members), "--connections", Integer.toString(connections), "--seconds",
                Double.toString(seconds), "--warm-up", Double.toString(warmUpSeconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the load generator exited with " + exit + ": " + out);
        }
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                .readValue(out.trim(), new TypeReference<List<HttpLoad.Result>>() { });
    }
}
