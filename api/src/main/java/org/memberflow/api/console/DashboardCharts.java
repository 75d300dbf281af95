package org.memberflow.api.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.memberflow.api.campaign.Campaign;
import org.memberflow.api.segment.SegmentMapper;
import org.memberflow.api.segment.SegmentSizeHistory;
import org.memberflow.api.segment.SegmentSizeMapper;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's four charts, from the read model: members per RFM class now, segment sizes
 * day by day (the recorded history, with today's point counted live), actions per campaign per
 * day over the last 30 days, and how much of each campaign's budget is spent.
 */
@Component
class DashboardCharts {
    /** The dashboard's days are the default zone of the jobs and members. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int ACTION_DAYS = 30;
    static final int HISTORY_DAYS = 90;
    /** The eight RFM classes in the usual order of the RFM table, then members without a purchase. */
    static final List<String> CLASSES = List.of("important-value", "important-develop", "important-keep",
            "important-retain", "general-value", "general-develop", "general-keep", "general-retain", "prospect");
    private final SegmentMapper segments;
    private final SegmentSizeHistory history;
    private final DashboardMapper actions;
    private final MessageSource messages;
    private final Clock clock;

    DashboardCharts(SegmentMapper segments, SegmentSizeHistory history, DashboardMapper actions, MessageSource messages,
            Clock clock) {
        this.segments = segments;
        this.history = history;
        this.actions = actions;
        this.messages = messages;
        this.clock = clock;
    }

    /** Each segment's size now: the eight classes and prospects always, other segments after them. */
    Map<String, Long> liveSizes(String brand) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        CLASSES.forEach(c -> sizes.put(c, 0L));
        segments.sizes(brand).forEach(s -> sizes.put(s.segment(), s.members()));
        return sizes;
    }

    ChartConfig classes(Map<String, Long> live, Locale locale) {
        List<String> names = new ArrayList<>(live.keySet());
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            colours.add(ChartConfig.colour(i));
        }
        return ChartConfig.of("bar", names.stream().map(s -> segmentLabel(s, locale)).toList())
                .series(label("dashboard.members", locale), new ArrayList<>(live.values()), colours).fromZero()
                .withoutLegend();
    }

    /** The recorded days of the last {@value #HISTORY_DAYS}, and today from the live counts. */
    ChartConfig sizesOverTime(String brand, Map<String, Long> live, Locale locale) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        for (SegmentSizeMapper.DailySize s : history.since(brand, today.minusDays(HISTORY_DAYS))) {
            byDay.computeIfAbsent(s.day(), d -> new LinkedHashMap<>()).put(s.segment(), s.members());
        }
        byDay.put(today, live);
        Set<String> names = new LinkedHashSet<>(live.keySet());
        byDay.values().forEach(m -> names.addAll(m.keySet()));
        ChartConfig chart = ChartConfig.of("line", byDay.keySet().stream().map(LocalDate::toString).toList()).fromZero();
        for (String name : names) {
            // A segment without a row on a recorded day had no members that day.
            chart.series(segmentLabel(name, locale), byDay.values().stream().map(m -> m.getOrDefault(name, 0L)).toList());
        }
        return chart;
    }

    /** Delivered actions per campaign per day, stacked, with every other outcome as one more series. */
    ChartConfig actionsPerDay(String brand, Locale locale) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate first = today.minusDays(ACTION_DAYS - 1);
        List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
        String offset = ZONE.getRules().getOffset(clock.instant()).getId();
        Map<String, long[]> delivered = new TreeMap<>();
        long[] other = new long[days.size()];
        for (DashboardMapper.DailyActions a : actions.actionsPerDay(brand, first.atStartOfDay(ZONE).toInstant(), offset)) {
            int i = (int) (a.day().toEpochDay() - first.toEpochDay());
            if (i >= 0 && i < days.size()) {
                delivered.computeIfAbsent(a.campaignId(), c -> new long[days.size()])[i] += a.delivered();
                other[i] += a.other();
            }
        }
        ChartConfig chart = ChartConfig.of("bar", days.stream().map(d -> d.toString().substring(5)).toList()).stacked();
        delivered.forEach((campaign, counts) -> chart.series(campaign, boxed(counts)));
        chart.series(label("dashboard.notDelivered", locale), boxed(other), "#cbd5e1");
        return chart;
    }

    /** Per campaign with a budget: the share spent, by count and by value, in percent. */
    ChartConfig budgetBurn(List<Campaign> campaigns, Locale locale) {
        List<Campaign> budgeted = campaigns.stream().filter(Campaign::hasBudget).toList();
        List<Double> byCount = new ArrayList<>();
        List<Double> byValue = new ArrayList<>();
        for (Campaign c : budgeted) {
            byCount.add(c.budgetCount() == null ? null : percent(BigDecimal.valueOf(c.spentCount()),
                    BigDecimal.valueOf(c.budgetCount())));
            byValue.add(c.budgetValue() == null ? null : percent(c.spentValue(), c.budgetValue()));
        }
        return ChartConfig.of("bar", budgeted.stream().map(Campaign::campaignId).toList()).horizontal(100)
                .series(label("dashboard.burnCount", locale), byCount)
                .series(label("dashboard.burnValue", locale), byValue);
    }

    /** Spent over budget in percent, one decimal; an empty budget is fully spent. */
    static Double percent(BigDecimal spent, BigDecimal budget) {
        if (budget.signum() == 0) {
            return 100.0;
        }
        return spent.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP).doubleValue();
    }

    /** The brands to choose from: the default one and every brand with segment members. */
    List<String> brands() {
        Set<String> brands = new TreeSet<>(segments.brands());
        brands.add("default");
        return List.copyOf(brands);
    }

    String segmentLabel(String segment, Locale locale) {
        return messages.getMessage("segment." + segment, null, segment, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }
}
