package org.memberflow.api.delivery;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of {@code delivery_watermark}; SQL in resources/mapper/WatermarkMapper.xml. */
@Mapper
interface WatermarkMapper {
    /** @param committedBelow every record of the partition below this offset was committed to Kafka */
    record Watermark(int partition, long committedBelow) {
    }

    List<Watermark> find(@Param("partitions") List<Integer> partitions);

    /** Raises a partition's watermark to {@code offset}; never lowers it. */
    void raise(@Param("partition") int partition, @Param("offset") long offset);
}
