package org.memberflow.rules.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.decision.DecisionRecorder;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.PointsLot;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.rules.fact.Segment;
import org.memberflow.rules.fact.Today;
import org.memberflow.segments.RfmClass;

/**
 * Where every rule a lone profile can fire matches on the profile alone, the member's own session
 * classes it first: it must decide what a classing session of its own and then the member's
 * session decided.
 */
class ClassingInSessionTest {

    @Test
    void shouldDecideWhatAClassingSessionAndThenTheMembersSessionDecided() {
        CompiledRuleSet set = BuiltInRuleSet.compile();
        RuleRunner runner = new RuleRunner(set, 100);
        Random random = new Random(3);

        for (int i = 0; i < 500; i++) {
            RfmProfile profile = ClassingRulesTest.randomProfile(random);
            List<Object> facts = randomFacts(random, i, profile);
            RuleOutcome outcome = runner.evaluate(facts);
            Reference expected = twoSessions(set, facts, profile);

            assertThat(outcome.rfmClass()).as("member %d", i).isEqualTo(expected.rfmClass());
            assertThat(outcome.decisions()).as("member %d", i).containsExactlyInAnyOrderElementsOf(expected.decisions());
            assertThat(outcome.firings()).as("member %d", i).isEqualTo(expected.firings());
        }
    }

    private record Reference(RfmClass rfmClass, List<Decision> decisions, int firings) {
    }

    /** How units were evaluated before: a classing session of its own, then a new session with every fact. */
    private static Reference twoSessions(CompiledRuleSet set, List<Object> facts, RfmProfile profile) {
        DecisionRecorder classing = new DecisionRecorder();
        run(set.classingKieBase(), classing, List.of(profile));
        RfmClass rfmClass = classing.classification();
        DecisionRecorder member = new DecisionRecorder();
        member.fixClassification(rfmClass);
        List<Object> all = new ArrayList<>();
        PendingSegment pending = null;
        for (Object fact : facts) {
            if (fact instanceof PendingSegment p) {
                pending = p;
            } else {
                all.add(fact);
            }
        }
        all.add(pending.classifiedAs(rfmClass != null ? rfmClass : pending.defaultClass()));
        int firings = run(set.kieBase(), member, all);
        return new Reference(rfmClass, member.decisions().recorded(), firings);
    }

    private static int run(KieBase kieBase, DecisionRecorder recorder, List<Object> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            session.setGlobal(RuleRunner.DECISIONS_GLOBAL, recorder.decisions());
            session.addEventListener(recorder);
            facts.forEach(session::insert);
            return session.fireAllRules(101);
        } finally {
            session.dispose();
        }
    }

    private static List<Object> randomFacts(Random random, int i, RfmProfile profile) {
        LocalDate today = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(300));
        List<Object> facts = new ArrayList<>();
        if (random.nextBoolean()) {
            EventType type = EventType.values()[random.nextInt(EventType.values().length)];
            facts.add(MemberEvent.builder("e-" + i, "m-" + i, type, Instant.parse("2026-03-01T10:00:00Z")).build());
        }
        facts.add(new Today(today));
        MemberView.Builder view = MemberView.builder("m-" + i, "default")
                .tier(random.nextBoolean() ? "gold" : null)
                .checkInStreak(random.nextInt(10));
        if (random.nextBoolean()) {
            LocalDate birthday = LocalDate.of(1990, 1 + random.nextInt(12), 1 + random.nextInt(28));
            view.birthday(birthday, birthday.withYear(today.getYear()), random.nextInt(30));
        }
        if (random.nextBoolean()) {
            int since = random.nextInt(90);
            view.lastPurchase(today.minusDays(since), since);
        }
        facts.add(view.build());
        facts.add(profile);
        RfmClass previous = random.nextBoolean() ? null : RfmClass.values()[random.nextInt(RfmClass.values().length)];
        facts.add(new PendingSegment() {
            @Override
            public RfmClass defaultClass() {
                return RfmClass.GENERAL_DEVELOP;
            }

            @Override
            public Segment classifiedAs(RfmClass rfmClass) {
                return new Segment(rfmClass, previous, 3, 3, 3, 10, 2, BigDecimal.TEN);
            }
        });
        for (int lot = random.nextInt(3); lot > 0; lot--) {
            int days = random.nextInt(40);
            facts.add(new PointsLot("lot-" + lot, 50 + random.nextInt(300), null, today.plusDays(days), days));
        }
        return facts;
    }
}
