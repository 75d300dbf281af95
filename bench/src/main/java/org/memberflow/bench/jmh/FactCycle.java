package org.memberflow.bench.jmh;

import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The facts of the last 4,096 events of a generated year, handed out in turn: each benchmark
 * invocation evaluates the next event's facts, so the rule network sees members of every kind.
 */
@State(Scope.Benchmark)
public class FactCycle {
    static final int SAMPLES = 4_096;

    /** Members in the generated year the facts come from. */
    @Param("3000")
    public int members;

    private List<List<Object>> facts;
    private int next;

    @Setup
    public void setUp() {
        facts = FactSamples.lastEvents(members, SAMPLES);
    }

    List<Object> next() {
        if (++next == facts.size()) {
            next = 0;
        }
        return facts.get(next);
    }
}
