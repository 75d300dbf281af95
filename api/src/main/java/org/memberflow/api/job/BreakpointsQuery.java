package org.memberflow.api.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.memberflow.segments.Breakpoints;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Breakpoints as {@link Breakpoints#fromPopulation} computes them in memory, by SQL over the
 * member table: nearest-rank quintiles (the 20th, 40th, 60th and 80th percentile values) and
 * means of the buyers in the window.
 */
@Component
class BreakpointsQuery {
    private final BreakpointsMapper mapper;
    private final TransactionTemplate snapshot;

    BreakpointsQuery(BreakpointsMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        // One read-only transaction: InnoDB reads the count, the ranks and the means from one
        // snapshot of the table while the sinks go on writing it.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    List<String> brands(LocalDate today, int windowDays) {
        return mapper.brands(today.minusDays(windowDays - 1L));
    }

    Breakpoints compute(String brand, LocalDate today, int windowDays) {
        return snapshot.execute(tx -> computeInSnapshot(brand, today, windowDays));
    }

    private Breakpoints computeInSnapshot(String brand, LocalDate today, int windowDays) {
        LocalDate since = today.minusDays(windowDays - 1L);
        long n = mapper.buyers(brand, since);
        if (n == 0) {
            return Breakpoints.defaults();
        }
        List<Long> ranks = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            ranks.add(Math.max(1, (long) Math.ceil(k * n / 5.0)));
        }
        Map<String, Object> means = mapper.means(brand, since, today);
        return new Breakpoints(cuts(brand, since, today, "recency", ranks), cuts(brand, since, today, "frequency", ranks),
                cuts(brand, since, today, "monetary", ranks), number(means.get("recency")),
                number(means.get("frequency")), number(means.get("monetary")));
    }

    /** Four cuts; ranks that coincide (few buyers) give one value, repeated. */
    private long[] cuts(String brand, LocalDate since, LocalDate today, String dimension, List<Long> ranks) {
        List<Long> distinct = ranks.stream().distinct().toList();
        List<Long> values = mapper.valuesAtRanks(brand, since, today, dimension, distinct);
        long[] cuts = new long[4];
        for (int i = 0; i < 4; i++) {
            cuts[i] = values.get(distinct.indexOf(ranks.get(i)));
        }
        return cuts;
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
