package org.memberflow.api.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as people may see them: {@code 138****5678} (the first three and last four digits
 * of a number of eleven or more; only the last two of a shorter one). Also finds numbers in free
 * text, for the logs.
 */
public final class PhoneMask {
    /**
     * Mainland mobile numbers, also written 3-4-4 with spaces or dashes and with +86, 0086 or 86
     * before them, and international numbers in E.164 form.
     */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![0-9])(?:(?:\\+|00)?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])"
            + "|(?<![0-9A-Za-z])\\+[1-9][0-9]{7,14}(?![0-9])");

    private PhoneMask() {
    }

    public static String mask(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /** {@code text} with every phone number in it masked. */
    public static String maskAll(String text) {
        if (text == null || text.length() < 8) {
            return text;
        }
        Matcher m = IN_TEXT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
