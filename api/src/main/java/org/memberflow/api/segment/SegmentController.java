package org.memberflow.api.segment;

import java.util.List;
import org.memberflow.api.paging.Page;
import org.memberflow.api.problem.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/segments}: the segments of a brand ({@code ?brand=}, default {@code default})
 * with their sizes, their members page by page, and the overlap of two. Read from MySQL, the
 * read model's record (the Redis sets serve audiences; MySQL is what survives a Redis loss).
 */
@RestController
@RequestMapping("/api/v1/segments")
class SegmentController {
    private final SegmentMapper segments;

    SegmentController(SegmentMapper segments) {
        this.segments = segments;
    }

    record Segments(String brand, List<SegmentMapper.Size> segments) {
    }

    record Segment(String brand, String segment, long members) {
    }

    /** Two segments, how many members each has, and how many are in both. */
    record Overlap(String brand, Segment a, Segment b, long both, long onlyA, long onlyB, double jaccard) {
    }

    @GetMapping
    Segments list(@RequestParam(defaultValue = "default") String brand) {
        return new Segments(checked("brand", brand), segments.sizes(brand));
    }

    @GetMapping("/{segment}")
    Segment get(@PathVariable String segment, @RequestParam(defaultValue = "default") String brand) {
        return segment(checked("brand", brand), checked("segment", segment));
    }

    @GetMapping("/{segment}/members")
    Page<SegmentMapper.Member> members(@PathVariable String segment, @RequestParam(defaultValue = "default") String brand,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checked("brand", brand);
        checked("segment", segment);
        Page.check(page, size);
        return new Page<>(segments.members(brand, segment, page * size, size), page, size, segments.size(brand, segment));
    }

    @GetMapping("/{a}/overlap/{b}")
    Overlap overlap(@PathVariable String a, @PathVariable String b, @RequestParam(defaultValue = "default") String brand) {
        Segment first = segment(checked("brand", brand), checked("a", a));
        Segment second = segment(brand, checked("b", b));
        long both = segments.overlap(brand, a, b);
        long union = first.members() + second.members() - both;
        return new Overlap(brand, first, second, both, first.members() - both, second.members() - both,
                union == 0 ? 0 : (double) both / union);
    }

    private Segment segment(String brand, String segment) {
        return new Segment(brand, segment, segments.size(brand, segment));
    }

    private static String checked(String parameter, String value) {
        if (value.isBlank() || value.length() > 64) {
            throw new InvalidParameterException(parameter, "must be 1 to 64 characters");
        }
        return value;
    }
}
