package org.memberflow.bench.report;

import java.util.List;
import org.memberflow.bench.api.ApiBench;
import org.memberflow.bench.jmh.JmhSuite;
import org.memberflow.bench.pipeline.Ladder;
import org.memberflow.bench.sweep.SweepBench;

/** What one {@code scripts/bench} run measured; a part left out of the run is null. */
public record BenchRun(String command, Ladder.Result ladder, List<JmhSuite.Figure> jmh, SweepBench.Result sweep,
        ApiBench.Result api) {
}
