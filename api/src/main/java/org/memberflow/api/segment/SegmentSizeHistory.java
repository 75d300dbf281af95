package org.memberflow.api.segment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segment sizes day by day, for the console's chart: member_segment only knows who is in a
 * segment now, so the sizes are recorded once a day (the {@code segment-sizes} job).
 */
@Service
public class SegmentSizeHistory {
    private final SegmentSizeMapper mapper;

    SegmentSizeHistory(SegmentSizeMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Records every segment's size now as {@code day}'s. The day's rows are replaced, not added
     * to: a second run that day leaves one row per segment, and a segment emptied since has none.
     */
    @Transactional
    public int record(LocalDate day) {
        mapper.deleteDay(day);
        return mapper.insertCurrent(day);
    }

    /** The recorded sizes of a brand's segments from {@code from} on, by day. */
    public List<SegmentSizeMapper.DailySize> since(String brand, LocalDate from) {
        return mapper.history(brand, from);
    }
}
