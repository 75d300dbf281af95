package org.memberflow.rules.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.memberflow.rules.decision.DecisionRecorder;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.segments.RfmClass;

/** The classing KieBase holds only the rules a lone profile can fire, and fires what the whole set would. */
class ClassingRulesTest {
    private static final String MIXED = """
            package t
            import org.memberflow.rules.fact.MemberEvent
            import org.memberflow.rules.fact.PointsLot
            import org.memberflow.rules.fact.RfmProfile
            import org.memberflow.segments.RfmClass
            global org.memberflow.rules.decision.Decisions decisions
            rule "profile alone"
            when
                RfmProfile( recencyHigh )
            then
                decisions.classify(RfmClass.IMPORTANT_VALUE);
            end
            rule "profile and event"
            when
                RfmProfile( )
                MemberEvent( )
            then
                decisions.tagMember("a", "p", "x");
            end
            rule "no event at all"
            when
                RfmProfile( recencyHigh == false )
                not MemberEvent( )
            then
                decisions.classify(RfmClass.GENERAL_RETAIN);
            end
            rule "profile or event"
            when
                ( RfmProfile( frequencyHigh ) or MemberEvent( ) )
            then
                decisions.tagMember("b", "p", "x");
            end
            rule "event or lot"
            when
                ( MemberEvent( ) or PointsLot( ) )
            then
                decisions.tagMember("c", "p", "x");
            end
            rule "lots of the profile"
            when
                RfmProfile( )
                $n : Number( ) from accumulate( PointsLot( $p : points ), sum( $p ) )
            then
                decisions.tagMember("d", "p", "x");
            end
            """;

    @Test
    void shouldKeepOnlyTheRulesALoneProfileCanFire() throws Exception {
        CompiledRuleSet set = compile(MIXED);

        assertThat(names(set.classingKieBase()))
                .containsExactlyInAnyOrder("profile alone", "no event at all", "profile or event", "lots of the profile");
        assertThat(names(set.kieBase())).hasSize(6);
    }

    @Test
    void shouldLeaveTheBuiltInSetItsClassificationTable() {
        CompiledRuleSet set = BuiltInRuleSet.compile();

        // One row per class, named "<中文> <code in words>"; the campaigns all need an event, a lot or a segment.
        assertThat(names(set.classingKieBase())).hasSize(RfmClass.values().length)
                .allMatch(name -> Arrays.stream(RfmClass.values()).anyMatch(c -> name.endsWith(c.code().replace('-', ' '))));
        assertThat(names(set.kieBase())).hasSizeGreaterThan(RfmClass.values().length);
    }

    @Test
    void shouldFireOnAProfileWhatTheWholeSetFires() throws Exception {
        Random random = new Random(5);
        for (CompiledRuleSet set : List.of(BuiltInRuleSet.compile(), compile(MIXED))) {
            for (int i = 0; i < 200; i++) {
                RfmProfile profile = randomProfile(random);
                assertThat(fired(set.classingKieBase(), profile)).as("%s, profile %d", set.name(), i)
                        .isEqualTo(fired(set.kieBase(), profile));
            }
        }
    }

    @Test
    void shouldClassInTheMembersSessionOnlyWhereTheClassingRulesMatchOnProfilesAlone() throws Exception {
        assertThat(ClassingRules.onlyOnProfiles(BuiltInRuleSet.compile().classingKieBase())).isTrue();
        assertThat(ClassingRules.onlyOnProfiles(compile(MIXED).classingKieBase())).as("not, or, accumulate").isFalse();

        CompiledRuleSet set = compile(MIXED);
        for (String rule : List.of("no event at all", "profile or event", "lots of the profile")) {
            set.classingKieBase().removeRule("t", rule);
        }
        assertThat(ClassingRules.onlyOnProfiles(set.classingKieBase()))
                .as("\"profile alone\" left, and \"profile and event\", which is not in the classing KieBase").isTrue();
    }

    /** The rules that fire, in order, in a new session of {@code kieBase} holding only {@code profile}. */
    private static List<String> fired(KieBase kieBase, RfmProfile profile) {
        KieSession session = kieBase.newKieSession();
        try {
            List<String> fired = new ArrayList<>();
            DecisionRecorder recorder = new DecisionRecorder();
            session.setGlobal(RuleRunner.DECISIONS_GLOBAL, recorder.decisions());
            session.addEventListener(recorder);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.insert(profile);
            session.fireAllRules(100);
            return fired;
        } finally {
            session.dispose();
        }
    }

    static RfmProfile randomProfile(Random random) {
        return random.nextInt(8) == 0 ? new RfmProfile(true, false, false, false, 0, 0, 0, null, 0, BigDecimal.ZERO)
                : new RfmProfile(false, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                        1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5), random.nextInt(400),
                        1 + random.nextInt(30), BigDecimal.valueOf(random.nextInt(100_000), 2));
    }

    private static List<String> names(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName()).toList();
    }

    private static CompiledRuleSet compile(String drl) throws RuleSetRejectedException {
        return new RuleSetCompiler().compile("mixed", "1", List.of(new RuleFile("mixed.drl", drl.getBytes(StandardCharsets.UTF_8))));
    }
}
