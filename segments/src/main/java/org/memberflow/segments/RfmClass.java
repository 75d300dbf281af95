package org.memberflow.segments;

import java.util.Arrays;

/**
 * The eight RFM classes of DESIGN.md, plus {@link #PROSPECT} for a member with no purchase in the
 * window. "High" R means more recent than the population mean.
 */
public enum RfmClass {
    IMPORTANT_VALUE("important-value", "重要价值客户", true, true, true),
    IMPORTANT_DEVELOP("important-develop", "重要发展客户", true, false, true),
    IMPORTANT_KEEP("important-keep", "重要保持客户", false, true, true),
    IMPORTANT_RETAIN("important-retain", "重要挽留客户", false, false, true),
    GENERAL_VALUE("general-value", "一般价值客户", true, true, false),
    GENERAL_DEVELOP("general-develop", "一般发展客户", true, false, false),
    GENERAL_KEEP("general-keep", "一般保持客户", false, true, false),
    GENERAL_RETAIN("general-retain", "一般挽留客户", false, false, false),
    PROSPECT("prospect", "潜在客户", false, false, false);

    private final String code;
    private final String chineseName;
    private final boolean recencyHigh;
    private final boolean frequencyHigh;
    private final boolean monetaryHigh;

    RfmClass(String code, String chineseName, boolean recencyHigh, boolean frequencyHigh, boolean monetaryHigh) {
        this.code = code;
        this.chineseName = chineseName;
        this.recencyHigh = recencyHigh;
        this.frequencyHigh = frequencyHigh;
        this.monetaryHigh = monetaryHigh;
    }

    /** The class of a member who purchased in the window, from how R, F and M compare with the means. */
    public static RfmClass of(boolean recencyHigh, boolean frequencyHigh, boolean monetaryHigh) {
        for (RfmClass c : values()) {
            if (c != PROSPECT && c.recencyHigh == recencyHigh && c.frequencyHigh == frequencyHigh
                    && c.monetaryHigh == monetaryHigh) {
                return c;
            }
        }
        throw new AssertionError("the eight classes cover every combination");
    }

    /** The class with this code, such as {@code important-value}. */
    public static RfmClass fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown RFM class: " + code));
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }
}
