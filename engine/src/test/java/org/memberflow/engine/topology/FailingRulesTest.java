package org.memberflow.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.engine.support.EngineDriver;
import org.memberflow.engine.support.Events;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;

/** A rule set that fails on some members costs those events a dead letter, and nothing else. */
class FailingRulesTest {
    private static final Instant NOW = Instant.parse("2026-05-20T08:30:00Z");

    @Test
    void shouldDeadLetterTheEventARuleFailsOnAndGoOn() throws Exception {
        // Throws for a member without a birthday: getBirthday() is null.
        String drl = """
                package failing
                import org.memberflow.rules.fact.MemberView
                global org.memberflow.rules.decision.Decisions decisions
                rule "birthday year"
                when
                    $m : MemberView()
                then
                    decisions.tagMember("born", "" + $m.getBirthday().getYear(), "born");
                end
                """;
        RuleRunner rules = new RuleRunner(new RuleSetCompiler().compile("failing", "1",
                List.of(new RuleFile("failing.drl", drl.getBytes(StandardCharsets.UTF_8)))), 100);
        try (EngineDriver engine = new EngineDriver(EngineOptions.defaults(), NOW, rules)) {
            engine.send(Events.withId("e1", "m1", "REGISTERED", "2026-05-20T08:00:00Z"));
            engine.send(Events.registered("m2", "2026-05-20T08:00:00Z", "{\"birthday\":\"1990-05-20\"}"));

            TestRecord<byte[], byte[]> dead = engine.deadLetters.readRecord();
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .contains("rule \"birthday year\" failed").contains("NullPointerException");
            assertThat(engine.deadLetters.isEmpty()).isTrue();
            assertThat(engine.memberStore().get("m1")).as("the failed event is not applied").isNull();
            assertThat(engine.drainActions()).extracting(CampaignAction::memberId).containsExactly("m2");
        }
    }
}
