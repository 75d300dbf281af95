package org.memberflow.api.member;

import org.memberflow.api.problem.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/members/{memberId}}: the member's latest snapshot (profile without personal
 * data, R/F/M with scores and class, points, counters), served from Redis.
 */
@RestController
class MemberController {
    private final MemberCache cache;

    MemberController(MemberCache cache) {
        this.cache = cache;
    }

    @GetMapping(path = "/api/v1/members/{memberId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> member(@PathVariable String memberId) {
        MemberIds.checked("memberId", memberId);
        byte[] snapshot = cache.snapshot(memberId);
        if (snapshot == null) {
            throw new NotFoundException("member", "no member '" + memberId + "' has been seen");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(snapshot);
    }
}
