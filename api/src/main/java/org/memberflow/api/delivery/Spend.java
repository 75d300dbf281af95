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

    /** True when the budget has room for one more action of {@code actionValue} yuan. */
    boolean fits(BigDecimal actionValue) {
        BigDecimal after = value.add(actionValue);
        return (budgetCount == null || count + 1 <= budgetCount)
                && (budgetValue == null || after.compareTo(budgetValue) <= 0)
                && after.compareTo(Campaign.MAX_AMOUNT) <= 0; // what spent_value can hold
    }

    /** Spends one action of {@code actionValue} yuan. */
    void consume(BigDecimal actionValue) {
        count++;
        value = value.add(actionValue);
        changed = true;
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
