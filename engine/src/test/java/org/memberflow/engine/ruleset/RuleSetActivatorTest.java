package org.memberflow.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.session.ActiveRules;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleRunner;

class RuleSetActivatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T08:00:00Z"), ZoneOffset.UTC);
    private static final String WELCOME = """
            package campaigns
            import org.memberflow.rules.fact.MemberEvent
            global org.memberflow.rules.decision.Decisions decisions
            rule "welcome"
            when
                MemberEvent( )
            then
                decisions.issueCoupon("welcome", "once", "%s");
            end
            """;

    private final ActiveRules rules = new ActiveRules(new RuleRunner(BuiltInRuleSet.compile(), 100));
    private final RuleSetActivator activator =
            new RuleSetActivator(rules, RuleFile.checksum(BuiltInRuleSet.files()), 100, CLOCK);

    @Test
    void shouldRunAPublishedVersionFromTheNextEvaluation() {
        activator.apply(record("spring", 2, WELCOME.formatted("SPRING")));

        assertThat(rules.version()).isEqualTo("spring:2");
        assertThat(rules.evaluate(List.of(registered())).decisions()).singleElement()
                .satisfies(d -> assertThat(d.params()).containsEntry("couponTemplate", "SPRING"));
        assertThat(activator.status().stale()).isFalse();
        assertThat(activator.status().changedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void shouldKeepTheRunningVersionAndSayWhyWhenAPublishedOneDoesNotCompile() {
        activator.apply(record("spring", 2, WELCOME.formatted("SPRING")));
        activator.apply(record("summer", 3, WELCOME.formatted("SUMMER").replace("MemberEvent( )", "NoSuchFact( )")));

        assertThat(rules.version()).isEqualTo("spring:2");
        RuleSetActivator.Status status = activator.status();
        assertThat(status.stale()).isTrue();
        assertThat(status.active()).isEqualTo("spring:2");
        assertThat(status.published()).isEqualTo("summer:3");
        assertThat(status.failures()).isEqualTo(1);
        assertThat(status.errors()).anySatisfy(e -> assertThat(e).startsWith("welcome.drl:6").contains("NoSuchFact"));

        activator.apply(record("autumn", 4, WELCOME.formatted("AUTUMN")));
        assertThat(activator.status().stale()).isFalse();
        assertThat(activator.status().failures()).isEqualTo(1);
        assertThat(rules.version()).isEqualTo("autumn:4");
    }

    @Test
    void shouldNotCompileARepublishedVersionAgainButShouldWhenItsFilesDiffer() {
        RuleRunner builtIn = runnerOf(rules);
        activator.apply(new RuleSetRecord(BuiltInRuleSet.NAME, 1, RuleFile.checksum(BuiltInRuleSet.files()), "memberflow",
                CLOCK.instant(), BuiltInRuleSet.files().stream().map(f -> new RuleSetRecord.File(f.path(), f.content())).toList()));
        assertThat(runnerOf(rules)).isSameAs(builtIn);

        // Version 1 as stored by an older release: the same label, other files.
        activator.apply(record(BuiltInRuleSet.NAME, 1, WELCOME.formatted("OLD")));
        assertThat(runnerOf(rules)).isNotSameAs(builtIn);
        assertThat(rules.evaluate(List.of(registered())).decisions()).singleElement()
                .satisfies(d -> assertThat(d.params()).containsEntry("couponTemplate", "OLD"));
    }

    private static RuleSetRecord record(String name, int version, String drl) {
        List<RuleFile> files = List.of(new RuleFile("welcome.drl", drl.getBytes(StandardCharsets.UTF_8)));
        return new RuleSetRecord(name, version, RuleFile.checksum(files), "test", CLOCK.instant(),
                files.stream().map(f -> new RuleSetRecord.File(f.path(), f.content())).toList());
    }

    private static MemberEvent registered() {
        return MemberEvent.builder("e-1", "m-1", EventType.REGISTERED, Instant.parse("2026-05-20T08:00:00Z")).build();
    }

    private static RuleRunner runnerOf(ActiveRules rules) {
        return rules.runner();
    }
}
