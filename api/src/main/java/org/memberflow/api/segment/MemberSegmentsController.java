package org.memberflow.api.segment;

import java.util.List;
import org.memberflow.api.member.MemberCache;
import org.memberflow.api.member.MemberIds;
import org.memberflow.api.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/members/{memberId}/segments}: the segments a member is in, from the read
 * model's {@code member_segment}; a member seen but in no segment yet has an empty list.
 */
@RestController
class MemberSegmentsController {
    private final SegmentMapper segments;
    private final MemberCache members;

    MemberSegmentsController(SegmentMapper segments, MemberCache members) {
        this.segments = segments;
        this.members = members;
    }

    record MemberSegments(String memberId, List<String> segments) {
    }

    @GetMapping("/api/v1/members/{memberId}/segments")
    MemberSegments segments(@PathVariable String memberId) {
        MemberIds.checked("memberId", memberId);
        List<String> found = segments.ofMember(memberId);
        if (found.isEmpty() && members.snapshot(memberId) == null) {
            throw new NotFoundException("member", "no member '" + memberId + "' has been seen");
        }
        return new MemberSegments(memberId, found);
    }
}
