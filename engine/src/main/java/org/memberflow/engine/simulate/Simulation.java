package org.memberflow.engine.simulate;

import java.util.List;
import java.util.Map;

/**
 * What a draft rule set would do to some members, beside what the active one does to the same
 * members from the same states. Nothing of it was emitted or stored.
 *
 * @param segmentShifts how the members' RFM classes move over the simulated events or tick
 * @param differences   members for whom the two sets decide differently (at most
 *                      {@link Simulator#MAX_DIFFERENCES})
 */
public record Simulation(int members, int events, Side draft, Side active, List<ClassShift> segmentShifts,
        List<MemberDifference> differences, int membersDiffering) {

    /**
     * One rule set's results.
     *
     * @param firings            rule name → how many times it fired
     * @param actionsPerCampaign campaign → how many new actions it would take
     * @param failures           members whose evaluation failed (a rule threw or hit the cap)
     */
    public record Side(String version, Map<String, Integer> firings, Map<String, Integer> actionsPerCampaign,
            int actions, List<Failure> failures) {
    }

    /** {@code members} members moved from class {@code from} (null: not classified yet) to {@code to}. */
    public record ClassShift(String from, String to, int members) {
    }

    /** Actions, as {@code campaign/period TYPE params}, that only one of the two sets takes. */
    public record MemberDifference(String memberId, List<String> onlyDraft, List<String> onlyActive) {
    }

    public record Failure(String memberId, String reason) {
    }
}
