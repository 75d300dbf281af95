package org.memberflow.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.memberflow.api.support.MemberFlowIntegrationTest;
import org.memberflow.engine.action.ActionIds;
import org.memberflow.engine.action.CampaignAction;
import org.memberflow.rules.decision.ActionType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settlement itself on the real MySQL, without Kafka in between: what is published again on a
 * redelivery and what is not on a replay, and budgets under settlers racing each other. The
 * decisions here claim partitions of campaign-decisions that do not exist (from 100 up), so their
 * watermarks are their own.
 */
@MemberFlowIntegrationTest
class ActionLedgerTest {
    @Autowired
    ActionLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldPublishAgainOnARedeliveryButNotOnAReplay() {
        String campaign = "lt-" + UUID.randomUUID().toString().substring(0, 8);
        int partition = 100;
        List<SourcedDecision> batch = decisions(campaign, "a", 10, partition, 1_000);

        List<CampaignAction> first = ledger.settle(batch);
        assertThat(first).hasSize(10);

        // The Kafka transaction of that batch rolled back: the same records come again, and go out again.
        assertThat(ledger.settle(batch)).containsExactlyElementsOf(first);

        // Now its transaction committed, and no batch follows on the partition; read again after an
        // offset reset: nothing goes out.
        ledger.committed(batch);
        assertThat(ledger.settle(batch)).isEmpty();

        // The engine decided the same again (a replay), at new offsets: nothing either.
        assertThat(ledger.settle(decisions(campaign, "a", 10, partition, 2_000))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = ?", Integer.class, campaign))
                .isEqualTo(10);
    }

    @Test
    void shouldSpendABudgetExactlyWhileFourSettlersRace() throws Exception {
        String campaign = "lt-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO campaign (campaign_id, name, status, budget_count) VALUES (?, 'race', 'ACTIVE', 50)", campaign);
        List<Callable<Integer>> settlers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int settler = t;
            settlers.add(() -> {
                int published = 0;
                for (int b = 0; b < 4; b++) {
                    published += ledger.settle(decisions(campaign, "s" + settler + "b" + b, 25, 101 + settler, b * 25L)).size();
                }
                return published;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int published = 0;
        try {
            for (Future<Integer> f : pool.invokeAll(settlers)) {
                published += f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(published).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT spent_count FROM campaign WHERE campaign_id = ?", Long.class, campaign))
                .isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = ? AND outcome = 'DELIVERED'",
                Integer.class, campaign)).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = ?", Integer.class, campaign))
                .isEqualTo(400);
    }

    @Test
    void shouldSettleOneActionOnceWhenTwoSettlersRaceOnIt() throws Exception {
        String campaign = "lt-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO campaign (campaign_id, name, status, budget_count) VALUES (?, 'same', 'ACTIVE', 1000)", campaign);
        List<SourcedDecision> batch = decisions(campaign, "x", 200, 110, 0);
        Callable<Integer> settleUntilDone = () -> {
            while (true) {
                try {
                    return ledger.settle(batch).size();
                } catch (DataIntegrityViolationException e) {
                    // the other settler inserted one of these first: this batch rolled back whole; read it again
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            pool.invokeAll(List.of(settleUntilDone, settleUntilDone)).forEach(f -> {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_action WHERE campaign_id = ?", Integer.class, campaign))
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT spent_count FROM campaign WHERE campaign_id = ?", Long.class, campaign))
                .isEqualTo(200);
    }

    private static List<SourcedDecision> decisions(String campaign, String tag, int n, int partition, long firstOffset) {
        List<SourcedDecision> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String member = campaign + "-" + tag + "-" + i;
            CampaignAction action = new CampaignAction(ActionIds.of(campaign, member, "once"), "default", member, campaign,
                    "once", ActionType.ISSUE_COUPON, Map.of("couponTemplate", "T"), "test", "test:1", "e-" + member,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), null, "Asia/Shanghai");
            batch.add(new SourcedDecision(action, partition, firstOffset + i));
        }
        return batch;
    }
}
