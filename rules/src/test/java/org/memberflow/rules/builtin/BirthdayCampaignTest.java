package org.memberflow.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memberflow.rules.builtin.BuiltIns.decide;
import static org.memberflow.rules.builtin.BuiltIns.imported;
import static org.memberflow.rules.builtin.BuiltIns.member;
import static org.memberflow.rules.builtin.BuiltIns.of;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memberflow.rules.decision.ActionType;
import org.memberflow.rules.decision.Decision;
import org.memberflow.rules.fact.EventType;
import org.memberflow.rules.fact.MemberEvent;
import org.memberflow.rules.fact.MemberView;
import org.memberflow.rules.fact.Tick;
import org.memberflow.rules.session.BuiltInRuleSet;
import org.memberflow.segments.MemberCalendar;

/** 生日礼: birthday.drl.xlsx, the decision table of tier → coupon template, value and days before the birthday. */
class BirthdayCampaignTest {
    private static final LocalDate BIRTHDAY = LocalDate.of(1990, 5, 20);

    private static MemberView born(LocalDate birthday, String tier, LocalDate today) {
        return member("m-1").tier(tier)
                .birthday(birthday, MemberCalendar.nextBirthday(birthday, today), MemberCalendar.daysUntilBirthday(birthday, today))
                .build();
    }

    private static List<Decision> gifts(String tier, LocalDate today) {
        return of("birthday", decide(today, born(BIRTHDAY, tier, today), new Tick("birthday", today)));
    }

    @Test
    void shouldShipTheBirthdayCampaignAsADecisionTable() {
        assertThat(BuiltInRuleSet.files()).extracting(f -> f.path())
                .contains("org/memberflow/rules/builtin/birthday.drl.xlsx")
                .doesNotContain("org/memberflow/rules/builtin/birthday.drl");
    }

    @Test
    void shouldGiveGoldMembersA50YuanCouponSevenDaysBeforeTheirBirthday() {
        assertThat(gifts("gold", LocalDate.of(2026, 5, 13))).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ActionType.ISSUE_COUPON);
            assertThat(d.campaignId()).isEqualTo("birthday");
            assertThat(d.periodKey()).isEqualTo("2026");
            assertThat(d.params()).isEqualTo(Map.of("couponTemplate", "BIRTHDAY_GOLD", "couponValue", "50.00"));
            assertThat(d.rule()).startsWith("birthday gift by tier_");
        });
    }

    @Test
    void shouldStillGiveTheGiftWhenAMemberIsImportedDaysBeforeTheirBirthday() {
        // Time-based: the birthday is this year's, whatever the old event; once per year as always.
        LocalDate today = LocalDate.of(2026, 5, 18);
        MemberEvent registered = imported(MemberEvent.builder("imp:default:m:m-1", "m-1", EventType.REGISTERED,
                Instant.parse("2019-03-08T02:00:00Z")));
        assertThat(of("birthday", decide(today, born(BIRTHDAY, "gold", today), registered)))
                .extracting(Decision::periodKey).containsExactly("2026");
    }

    @Test
    void shouldNotGiveGoldMembersAnythingEightDaysBeforeTheirBirthday() {
        assertThat(gifts("gold", LocalDate.of(2026, 5, 12))).isEmpty();
    }

    @ParameterizedTest(name = "tier {0}: {1} worth {2} yuan, from {3} days before")
    @CsvSource(nullValues = "none", value = {
            "none,     BIRTHDAY,          10.00, 3",
            "normal,   BIRTHDAY_NORMAL,   10.00, 3",
            "silver,   BIRTHDAY_SILVER,   20.00, 5",
            "gold,     BIRTHDAY_GOLD,     50.00, 7",
            "platinum, BIRTHDAY_PLATINUM, 100.00, 10"})
    void shouldGiveEachTierItsCouponFromItsFirstDayDownToTheBirthdayItself(String tier, String template, String value,
            int daysBefore) {
        Map<String, String> coupon = Map.of("couponTemplate", template, "couponValue", value);
        for (int days = 0; days <= daysBefore; days++) {
            assertThat(gifts(tier, BIRTHDAY.withYear(2026).minusDays(days))).as("%d days before", days)
                    .singleElement().satisfies(d -> {
                        assertThat(d.params()).isEqualTo(coupon);
                        assertThat(d.periodKey()).isEqualTo("2026");
                    });
        }
        assertThat(gifts(tier, BIRTHDAY.withYear(2026).minusDays(daysBefore + 1))).as("a day too early").isEmpty();
        assertThat(gifts(tier, BIRTHDAY.withYear(2026).plusDays(1))).as("the day after").isEmpty();
    }

    @Test
    void shouldServeEveryMemberWithABirthdayExactlyOncePerYearWhateverTheTier() {
        Map<String, Integer> daysBefore = new HashMap<>(Map.of("normal", 3, "silver", 5, "gold", 7, "platinum", 10));
        daysBefore.put(null, 3);
        // Born on 2 January: the gift's days run over the new year and carry the birthday's year.
        Map<LocalDate, List<String>> years = Map.of(BIRTHDAY, List.of("2026", "2027"),
                LocalDate.of(1985, 1, 2), List.of("2026", "2027", "2028"));
        years.forEach((birthday, expectedYears) -> daysBefore.forEach((tier, window) -> {
            Map<String, Integer> daysByYear = new HashMap<>();
            List<String> templates = new ArrayList<>();
            for (LocalDate today = LocalDate.of(2025, 12, 1); today.isBefore(LocalDate.of(2028, 1, 31));
                    today = today.plusDays(1)) {
                List<Decision> gifts = of("birthday", decide(today, born(birthday, tier, today)));
                assertThat(gifts).as("tier %s on %s", tier, today).hasSizeLessThanOrEqualTo(1);
                gifts.forEach(g -> {
                    daysByYear.merge(g.periodKey(), 1, Integer::sum);
                    templates.add(g.params().get("couponTemplate"));
                });
            }
            assertThat(daysByYear.keySet()).as("tier %s, born %s", tier, birthday)
                    .containsExactlyInAnyOrderElementsOf(expectedYears);
            assertThat(daysByYear.values()).as("days the gift is offered each year").containsOnly(window + 1);
            assertThat(templates).as("one row serves tier %s", tier).containsOnly(templates.get(0));
        }));
    }

    @Test
    void shouldGiveTheLeapDayMemberTheGiftOnThe28thInOtherYears() {
        LocalDate leapDay = LocalDate.of(1992, 2, 29);
        LocalDate today = LocalDate.of(2027, 2, 28);
        assertThat(of("birthday", decide(today, born(leapDay, "silver", today)))).singleElement()
                .satisfies(d -> assertThat(d.periodKey()).isEqualTo("2027"));
    }

    @Test
    void shouldGiveNothingToAMemberWithoutABirthday() {
        LocalDate today = LocalDate.of(2026, 5, 20);
        assertThat(of("birthday", decide(today, member("m-1").tier("gold").build()))).isEmpty();
        assertThat(of("birthday", decide(today, member("m-1").build()))).isEmpty();
    }

    @Test
    void shouldGiveNothingToATierTheTableHasNoRowFor() {
        // A tier needs its row: add one to the table for a new tier.
        assertThat(gifts("diamond", BIRTHDAY.withYear(2026))).isEmpty();
    }
}
