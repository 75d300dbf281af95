package org.memberflow.bench.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberflow.bench.report.Noise;

/**
 * Events per second and CPU seconds per 1,000 events of one measured stage, with the CPU seconds
 * of each group of threads (empty where /proc is not there) and how much the rate moved while it
 * was measured ({@link org.memberflow.bench.report.Noise}; NaN where it was not sliced).
 */
public record Throughput(String stage, long events, double seconds, double cpuSeconds, Map<String, Double> cpuByGroup,
        double noise) {

    public Throughput(String stage, long events, double seconds, double cpuSeconds, Map<String, Double> cpuByGroup) {
        this(stage, events, seconds, cpuSeconds, cpuByGroup, Double.NaN);
    }

    /**
     * One stage measured in several rounds, as one figure: the events, seconds and CPU of all of
     * them, and as its noise the larger of the rounds' own and the spread of their rates. Slices
     * of one window alone missed how far a rung moved between whole runs (S3 by a quarter).
     */
    public static Throughput ofRounds(List<Throughput> rounds) {
        if (rounds.size() == 1) {
            return rounds.get(0);
        }
        long events = 0;
        double seconds = 0;
        double cpu = 0;
        double within = 0;
        Map<String, Double> byGroup = new LinkedHashMap<>();
        double[] rates = new double[rounds.size()];
        for (int i = 0; i < rounds.size(); i++) {
            Throughput t = rounds.get(i);
            events += t.events();
            seconds += t.seconds();
            cpu += t.cpuSeconds();
            within = Double.isNaN(t.noise()) ? within : Math.max(within, t.noise());
            t.cpuByGroup().forEach((group, s) -> byGroup.merge(group, s, Double::sum));
            rates[i] = t.eventsPerSecond();
        }
        double between = Noise.of(rates);
        return new Throughput(rounds.get(0).stage(), events, seconds, cpu, byGroup,
                Double.isNaN(between) ? within : Math.max(within, between));
    }

    public double eventsPerSecond() {
        return seconds <= 0 ? 0 : events / seconds;
    }

    public double cpuSecondsPer1000() {
        return events == 0 ? 0 : cpuSeconds * 1000 / events;
    }
}
