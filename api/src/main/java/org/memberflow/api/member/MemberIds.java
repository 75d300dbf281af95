package org.memberflow.api.member;

import org.memberflow.api.problem.InvalidParameterException;

/** The one check of a member id taken from a request: the event contract allows at most 64 characters. */
public final class MemberIds {
    public static final int MAX_LENGTH = 64;

    private MemberIds() {
    }

    /** {@code memberId}, or a 400 naming {@code parameter} when it is longer than the contract allows. */
    public static String checked(String parameter, String memberId) {
        if (memberId.length() > MAX_LENGTH) {
            throw new InvalidParameterException(parameter, "must be at most " + MAX_LENGTH + " characters");
        }
        return memberId;
    }
}
