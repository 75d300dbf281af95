package org.memberflow.bench.chaos;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The hostile rule files the rules module keeps for its checker ({@code rules/src/test/resources/hostile}),
 * read from the repository where they are, with the reason each must be refused for
 * ({@code expected.properties}; a file it does not name needs only some error).
 */
final class HostileCorpus {
    /** Where the corpus is, from the repository's root; the tests run in {@code bench/}. */
    static final Path FROM_ROOT = Path.of("rules", "src", "test", "resources", "hostile");

    private HostileCorpus() {
    }

    /** The corpus in the working directory (the repository root), or in its parent (a module, as the tests run). */
    static Path locate() {
        for (Path candidate : List.of(FROM_ROOT, Path.of("..").resolve(FROM_ROOT))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the hostile rule corpus (" + FROM_ROOT + ") is not below " + Path.of("").toAbsolutePath()
                + " or its parent: run from the repository");
    }

    static List<RuleFileSample> load(Path dir) {
        Properties expected = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            expected.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RuleFileSample> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.equals("expected.properties")) {
                    files.add(new RuleFileSample(name, Files.readAllBytes(p), expected.getProperty(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
