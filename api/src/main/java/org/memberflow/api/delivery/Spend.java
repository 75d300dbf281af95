package org.memberflow.api.delivery;

import java.math.BigDecimal;
import org.memberflow.api.campaign.Campaign;

/**
 * A campaign's spending while a batch is settled: what its delivered actions spent, and whether one
 * more fits its budget (always, when it has none).
 */
final class Spend {
    private final Long budgetCount;
    private final BigDecimal budgetValue;
    private long count;
    private BigDecimal value;
    private boolean changed;

    Spend(Campaign campaign) {
        this.budgetCount = campaign.budgetCount();
        this.budgetValue = campaign.budgetValue();
        this.count = campaign.spentCount();
        this.value = campaign.spentValue();
    }

    /** Spends one action of {@code actionValue} yuan if the budget has room for it. */
    boolean tryConsume(BigDecimal actionValue) {
        if (budgetCount != null && count + 1 > budgetCount) {
            return false;
        }
        BigDecimal after = value.add(actionValue);
        if (budgetValue != null && after.compareTo(budgetValue) > 0) {
            return false;
        }
        count++;
        value = after;
        changed = true;
        return true;
    }

    long count() {
        return count;
    }

    BigDecimal value() {
        return value;
    }

    boolean changed() {
        return changed;
    }
}
