package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.fact.CampaignHistory;
import org.memberflow.rules.fact.RfmProfile;
import org.memberflow.rules.fact.Segment;
import org.memberflow.rules.fact.Today;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.rules.session.PendingSegment;
import org.memberflow.rules.session.RuleFailedException;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleOutcome;
import org.memberflow.rules.session.RuleRunner;
import org.memberflow.rules.session.RuleSetCompiler;
import org.memberflow.segments.RfmClass;

/**
 * RFM 分层: rfm-classes.drl.xlsx, the eight classes as a decision table. The engine passes the
 * Segment fact pending; the table classes the member first and the rules that match Segment see
 * the class it gave.
 */
class RfmClassTableTest {
    private static final RuleRunner BUILT_IN = new RuleRunner(BuiltInRuleSet.compile(), 100);
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    @Test
    void shouldGiveEachCombinationOfHighAndLowTheClassOfDesignMd() {
        boolean[] both = {true, false};
        for (boolean r : both) {
            for (boolean f : both) {
                for (boolean m : both) {
                    assertThat(BUILT_IN.evaluate(facts(profile(false, r, f, m), RfmClass.PROSPECT)).rfmClass())
                            .as("R %s F %s M %s", r, f, m).isEqualTo(RfmClass.of(r, f, m));
                }
            }
        }
        assertThat(BUILT_IN.evaluate(facts(profile(true, false, false, false), RfmClass.GENERAL_RETAIN)).rfmClass())
                .isEqualTo(RfmClass.PROSPECT);
    }

    @Test
    void shouldLetTheClassChangeNoticeSeeTheClassTheTableGave() {
        // The thresholds would say general-retain; the table says important-value, and the notice follows the table.
        RuleOutcome outcome = BUILT_IN.evaluate(facts(profile(false, true, true, true), RfmClass.GENERAL_RETAIN,
                RfmClass.GENERAL_VALUE));

        assertThat(outcome.rfmClass()).isEqualTo(RfmClass.IMPORTANT_VALUE);
        assertThat(outcome.decisions()).filteredOn(d -> d.campaignId().equals("rfm-class-change")).singleElement()
                .satisfies(d -> assertThat(d.params()).containsEntry("tag", "rfm:important-value"));
    }

    @Test
    void shouldFallBackToTheThresholdsWhenNoRuleClassifies() throws Exception {
        RuleRunner noTable = new RuleRunner(new RuleSetCompiler().compile("no-table", "1", List.of(file("notice.drl", """
                package campaigns
                import org.memberflow.rules.fact.Segment
                global org.memberflow.rules.decision.Decisions decisions
                rule "notice"
                when
                    Segment( changed, $to : rfmClass )
                then
                    decisions.tagMember("notice", "once", $to.code());
                end
                """))), 100);

        RuleOutcome outcome = noTable.evaluate(facts(profile(false, true, true, true), RfmClass.GENERAL_KEEP,
                RfmClass.GENERAL_VALUE));
        assertThat(outcome.rfmClass()).isNull();
        assertThat(outcome.decisions()).singleElement().satisfies(d -> assertThat(d.params()).containsEntry("tag", "general-keep"));
    }

    @Test
    void shouldRunEveryOtherRuleOnlyWithTheClassifiedSegmentPresent() throws Exception {
        RuleRunner rules = new RuleRunner(new RuleSetCompiler().compile("order", "1", List.of(file("order.drl", """
                package campaigns
                import org.memberflow.rules.fact.RfmProfile
                import org.memberflow.rules.fact.Segment
                import org.memberflow.rules.fact.MemberView
                import org.memberflow.segments.RfmClass
                global org.memberflow.rules.decision.Decisions decisions
                rule "class"
                when
                    RfmProfile( prospect == false )
                then
                    decisions.classify(RfmClass.IMPORTANT_VALUE);
                end
                rule "everyone"
                when
                    MemberView( )
                then
                    decisions.tagMember("everyone", "once", "all");
                end
                rule "buyers only"
                when
                    MemberView( )
                    not Segment( rfmClass == RfmClass.PROSPECT )
                then
                    decisions.tagMember("buyers", "once", "buyer");
                end
                rule "not valuable"
                when
                    MemberView( )
                    not Segment( rfmClass == RfmClass.IMPORTANT_VALUE )
                then
                    decisions.tagMember("not-valuable", "once", "x");
                end
                rule "segments counted"
                when
                    $n : Number( intValue == 1 ) from accumulate( Segment( ), count( 1 ) )
                then
                    decisions.tagMember("counted", "once", "one");
                end
                """))), 100);

        RuleOutcome outcome = rules.evaluate(facts(profile(false, true, true, true), RfmClass.GENERAL_KEEP));

        assertThat(outcome.rfmClass()).isEqualTo(RfmClass.IMPORTANT_VALUE);
        // A rule that needs no Segment still fires (once); `not Segment(...)` sees the classified
        // Segment, not its absence; the accumulation counts it once.
        assertThat(outcome.decisions()).extracting(d -> d.campaignId())
                .containsExactlyInAnyOrder("everyone", "buyers", "counted");
    }

    @Test
    void shouldFailARuleSetThatClassesOneMemberTwoWays() throws Exception {
        RuleRunner twice = new RuleRunner(new RuleSetCompiler().compile("twice", "1", List.of(file("twice.drl", """
                package campaigns
                import org.memberflow.rules.fact.RfmProfile
                import org.memberflow.segments.RfmClass
                global org.memberflow.rules.decision.Decisions decisions
                rule "all are valuable"
                when
                    RfmProfile( )
                then
                    decisions.classify(RfmClass.IMPORTANT_VALUE);
                end
                rule "all are keepers"
                when
                    RfmProfile( )
                then
                    decisions.classify(RfmClass.GENERAL_KEEP);
                end
                """))), 100);

        assertThatThrownBy(() -> twice.evaluate(facts(profile(false, true, true, true), RfmClass.GENERAL_KEEP)))
                .isInstanceOf(RuleFailedException.class).hasMessageContaining("two rules class the member differently");
    }

    private static List<Object> facts(RfmProfile profile, RfmClass thresholds) {
        return facts(profile, thresholds, null);
    }

    private static List<Object> facts(RfmProfile profile, RfmClass thresholds, RfmClass previous) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Today(TODAY));
        facts.add(BuiltIns.member("m-1").build());
        facts.add(new CampaignHistory(Map.of()));
        facts.add(profile);
        facts.add(new PendingSegment() {
            @Override
            public RfmClass defaultClass() {
                return thresholds;
            }

            @Override
            public Segment classifiedAs(RfmClass rfmClass) {
                return new Segment(rfmClass, previous, 3, 3, 3, 20, 3, new BigDecimal("300.00"));
            }
        });
        return facts;
    }

    private static RfmProfile profile(boolean prospect, boolean r, boolean f, boolean m) {
        return prospect ? new RfmProfile(true, false, false, false, 0, 0, 0, null, 0, BigDecimal.ZERO)
                : new RfmProfile(false, r, f, m, 3, 3, 3, 20, 3, new BigDecimal("300.00"));
    }

    private static RuleFile file(String path, String drl) {
        return new RuleFile(path, drl.getBytes(StandardCharsets.UTF_8));
    }
}
