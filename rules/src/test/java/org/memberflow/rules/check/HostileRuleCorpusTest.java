package org.memberflow.rules.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.rules.session.RuleSetRejectedException;

/**
 * The hostile and broken rule files of {@code src/test/resources/hostile}: each must be refused
 * by the whole compiler, with an error on its own file that says why
 * ({@code hostile/expected.properties}).
 */
class HostileRuleCorpusTest {

    static Stream<Arguments> corpus() throws IOException {
        Properties expected = new Properties();
        try (InputStream in = resource("expected.properties")) {
            expected.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return expected.stringPropertyNames().stream().sorted().map(f -> Arguments.of(f, expected.getProperty(f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldRefuseWithItsReason(String file, String reason) throws IOException {
        byte[] content;
        try (InputStream in = resource(file)) {
            content = in.readAllBytes();
        }

        RuleSetRejectedException refused = catchThrowableOfType(RuleSetRejectedException.class,
                () -> new RuleSetCompiler().compile("hostile", "1", List.of(new RuleFile(file, content))));

        assertThat(refused).as("%s must be refused", file).isNotNull();
        assertThat(refused.errors()).as(refused.getMessage())
                .anySatisfy(e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.message()).contains(reason);
                });
    }

    @Test
    void shouldKeepAtLeastThirtyHostileFiles() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    private static InputStream resource(String name) {
        InputStream in = HostileRuleCorpusTest.class.getClassLoader().getResourceAsStream("hostile/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource hostile/" + name);
        }
        return in;
    }
}
