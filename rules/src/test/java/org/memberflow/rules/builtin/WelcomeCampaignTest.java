package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberflow.rules.builtin.BuiltIns.decide;
import static org.memberflow.rules.builtin.BuiltIns.imported;
import static org.memberflow.rules.builtin.BuiltIns.member;
import static org.memberflow.rules.builtin.BuiltIns.of;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;

/** 欢迎礼: welcome.drl, a welcome coupon when a member registers, once. */
class WelcomeCampaignTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    private static MemberEvent event(EventType type) {
        return MemberEvent.builder("e-1", "m-1", type, Instant.parse("2026-05-20T02:00:00Z")).build();
    }

    @Test
    void shouldIssueTheWelcomeCouponOnceWhenAMemberRegisters() {
        assertThat(of("welcome", decide(TODAY, member("m-1").registeredOn(TODAY).build(), event(EventType.REGISTERED))))
                .singleElement().satisfies(d -> {
                    assertThat(d.type()).isEqualTo(ActionType.ISSUE_COUPON);
                    assertThat(d.periodKey()).isEqualTo("once");
                    assertThat(d.params()).isEqualTo(Map.of("couponTemplate", "WELCOME"));
                });
    }

    @Test
    void shouldNotWelcomeAMemberImportedFromAnOldSystem() {
        MemberEvent registered = imported(MemberEvent.builder("imp:default:m:m-1", "m-1", EventType.REGISTERED,
                Instant.parse("2019-03-08T02:00:00Z")));
        assertThat(registered.isImported()).isTrue();
        assertThat(of("welcome", decide(TODAY, member("m-1").registeredOn(LocalDate.of(2019, 3, 8)).build(), registered)))
                .isEmpty();
    }

    @Test
    void shouldStillWelcomeARegistrationFromAnotherSource() {
        MemberEvent registered = MemberEvent.builder("e-1", "m-1", EventType.REGISTERED, Instant.parse("2026-05-20T02:00:00Z"))
                .attributes(Map.of("source", "mini-program")).build();
        assertThat(registered.isImported()).isFalse();
        assertThat(of("welcome", decide(TODAY, member("m-1").registeredOn(TODAY).build(), registered))).hasSize(1);
    }

    @Test
    void shouldNotWelcomeOnAProfileUpdate() {
        assertThat(of("welcome", decide(TODAY, member("m-1").build(), event(EventType.PROFILE_UPDATED)))).isEmpty();
    }
}
